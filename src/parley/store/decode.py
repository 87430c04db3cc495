"""Stored rows back into records, quickly: the events of timelines and dyad series number thousands."""

from __future__ import annotations

import json
from dataclasses import replace

from ..records import Event, EventActor, Location, Source, from_dict


def decode_event(store, data: str) -> Event:
    """An event row as `Store.events` yields it (canonical actors), without the generic decoder's cost."""
    d = json.loads(data)
    try:
        refs = {k: store.canonical_ref(EventActor(**d[k])) if isinstance(d.get(k), dict) else d.get(k)
                for k in ("actor1", "actor2")}
        loc = d.get("location")
        sources = [Source(**s) if isinstance(s, dict) else s for s in d.get("sources", [])]
        return Event(**{**d, **refs, "location": Location(**loc) if isinstance(loc, dict) else loc,
                        "sources": sources})
    except TypeError:  # a field this version does not know: the generic decoder drops it
        e = from_dict(Event, d)
        return replace(e, actor1=store.canonical_ref(e.actor1), actor2=store.canonical_ref(e.actor2))
