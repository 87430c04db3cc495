"""Place of an event: a GPE/LOC/FAC after in/at in the event's clause, else the article's dateline."""

from __future__ import annotations

from ..records import Location
from .lexicon import place_country

PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
PLACE_PREPS = frozenset({"in", "at", "near", "outside", "inside"})


def find_location(tokens: set, doc, actors, dateline: str | None, skip: set) -> Location | None:
    """`tokens`: indices of the clause; `doc`: the doc or sentence (anything with `.ents`) holding it;
    `skip`: indices already used for the event's actors."""
    best = None
    for ent in doc.ents:
        if ent.label_ not in PLACE_LABELS or ent.root.i not in tokens:
            continue
        if any(t.i in skip for t in ent):
            continue
        root = ent.root
        if root.dep_ != "pobj" or root.head.lower_ not in PLACE_PREPS:
            continue
        best = best or ent
    if best is not None:
        return Location(best.text, _country(best.text, best.start_char, best.end_char, actors))
    if dateline:
        return Location(dateline, place_country(dateline))
    return None


def _country(name: str, start: int, end: int, actors) -> str | None:
    country = place_country(name)
    if country:
        return country
    actor = actors.at(start, end) if actors is not None else None
    return actor.country if actor is not None else None
