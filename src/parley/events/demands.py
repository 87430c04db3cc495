"""Cascade step: a condition put in a threat is a demand.

"The group warned it would kill its captives if the state did not release its fighters" threatens the
state and demands of it the release: what the condition asks ("did not release", "unless Y
withdraws") is an act the threatener wants done, not an act of the one named in the condition. The
mention of that act becomes a demand (REQUEST) by the threatener of that party, as real as the
threat itself. Only conditions that ask for an act do so: "unless Y ..." and "if Y does not ...";
"if Europe keeps its tariff" names what is feared, not what is asked.
"""

from __future__ import annotations

from dataclasses import replace

from .story import EventMention

DEMAND = "100"  # CAMEO: make a demand, not specified


def demands_in_threats(mentions: list[EventMention]) -> list[EventMention]:
    threats = {}
    for m in mentions:
        if m.event.type == "THREATEN" and m.event.status in ("reported", "historical"):
            threats.setdefault(m.sentence, m)
    out = []
    for m in mentions:
        threat = threats.get(m.sentence) if m.demanded_condition else None
        if threat is None or m.event.actor1 is None or threat.event.actor1 is None:
            out.append(m)
            continue
        e, t = m.event, threat.event
        demand = replace(e, actor1=t.actor1, actor2=e.actor1, cameo=DEMAND, type="REQUEST", status=t.status,
                         date=t.date, date_basis=t.date_basis, trigger=t.trigger)
        out.append(replace(m, event=demand, explicit_date=threat.explicit_date, demanded_condition=False))
    return out
