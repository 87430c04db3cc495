"""PLOVER JSON lines, with the field names of the PLOVER manual and its gold-standard records:
`id`, `date`, `event`, `mode`, `context`, `source` and `target` (lists of {`actorText`, `code`,
`sector`}), `eventText` (the trigger), `text` (the evidence sentence), `language`, `publication`
(the first outlet), `coder`, `version`.

PLOVER has no place for the rest of a parley event, so it travels under `parley` (CAMEO code,
Goldstein, quad, status, date basis, actor ids, location, sources, n_sources): `read_plover` rebuilds
the events exactly from these lines. `location` is also written at the top level as {`placeName`,
`country`}. `context` is a list (PLOVER allows several contexts).
"""

from __future__ import annotations

import json
from pathlib import Path

from .. import __version__ as PARLEY_VERSION
from ..records import Event, EventActor, Location, Source, from_dict, to_dict
from ..store import Store
from ..stories.timeline import best_sentence


def _actor(ref: EventActor | None) -> list[dict]:
    if ref is None:
        return []
    item = {"actorText": ref.name, "code": ref.country or ""}
    if ref.sector:
        item["sector"] = ref.sector
    return [item]


def plover_record(event: Event) -> dict:
    outlet = next((s.outlet for s in event.sources if s.outlet), None)
    record = {
        "id": event.id,
        "date": event.date or "",
        "event": event.type,
        "mode": event.mode or "",
        "context": list(event.context),
        "source": _actor(event.actor1),
        "target": _actor(event.actor2),
        "eventText": event.trigger,
        "text": best_sentence(event),
        "language": "en",
        "publication": outlet or "",
        "coder": "parley",
        "version": PARLEY_VERSION,
    }
    if event.location:
        record["location"] = {"placeName": event.location.name, "country": event.location.country or ""}
    record["parley"] = {
        "date": event.date, "date_basis": event.date_basis, "cameo": event.cameo, "goldstein": event.goldstein,
        "quad": event.quad, "status": event.status, "mode": event.mode,
        "actor1": to_dict(event.actor1) if event.actor1 else None,
        "actor2": to_dict(event.actor2) if event.actor2 else None,
        "location": to_dict(event.location) if event.location else None,
        "sources": [to_dict(s) for s in event.sources], "n_sources": event.n_sources,
    }
    return record


def write_plover(store: Store, path: Path) -> Path:
    with path.open("w", encoding="utf-8") as out:
        for event in store.events():
            out.write(json.dumps(plover_record(event), ensure_ascii=False) + "\n")
    return path


def read_plover(path: Path) -> list[Event]:
    """parley events from a PLOVER file this module wrote."""
    events = []
    with path.open(encoding="utf-8") as f:
        for line in f:
            r = json.loads(line)
            extra = r.get("parley") or {}
            events.append(Event(
                id=r["id"], date=extra.get("date", r.get("date") or None), date_basis=extra.get("date_basis", "explicit"),
                type=r["event"], mode=extra.get("mode"), context=list(r.get("context") or []),
                cameo=extra.get("cameo"), goldstein=extra.get("goldstein"), quad=extra.get("quad"),
                status=extra.get("status", "reported"),
                actor1=from_dict(EventActor, extra["actor1"]) if extra.get("actor1") else None,
                actor2=from_dict(EventActor, extra["actor2"]) if extra.get("actor2") else None,
                location=from_dict(Location, extra["location"]) if extra.get("location") else None,
                trigger=r.get("eventText", ""), sources=[from_dict(Source, s) for s in extra.get("sources", [])],
                n_sources=extra.get("n_sources", 1),
            ))
    return events
