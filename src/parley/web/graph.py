"""Events seen whole: the actor network, dyad series, timelines and an actor's latest events.

Selection is SQL over the indexed event columns (never every event through Python), so each view
stays fast on a large store; the network reads an index alone, the timeline is the latest page of
the stories stage's own (stories.timeline.latest_entries), so the pages agree with `parley timeline`
and `parley dyad`. Each view is computed once per state of the store and shared by the server's
threads (Store.view), so many clients, or reads during an ingest, cost one computation.
"""

from __future__ import annotations

from collections import Counter, defaultdict

from ..records import Event
from ..store import EventQuery, Store
from .data import TYPE_QUAD, as_dict, names_of

HAPPENED = ("reported", "historical")


def events_between(store: Store, a: str, b: str, *, limit: int = 50, offset: int = 0, since=None, until=None,
                   status=None, type=None) -> list[Event]:
    """Events with `a` on one side and `b` on the other, in date order."""
    return list(store.events(EventQuery(dyad=(a, b), since=since, until=until, status=status, type=type,
                                        limit=limit, offset=offset)))


def actor_events(store: Store, actor_id: str, limit: int = 50) -> list[Event]:
    """An actor's latest events, newest first."""
    return list(store.events(EventQuery(actor=actor_id, newest_first=True, limit=limit)))


# ---- the network -------------------------------------------------------------------------------

def network(store: Store, *, since=None, until=None, status=None, type=None, max_edges: int = 150) -> dict:
    """Who did what to whom: one edge per ordered actor pair, weighted by its events. Cooperation and
    conflict come from the PLOVER type (no JSON is read). Cached per state of the store: callers
    must not change what it returns."""
    key = ("network", since, until, status, type, max_edges)
    return store.view(key, lambda: _network(store, since=since, until=until, status=status, type=type,
                                            max_edges=max_edges))


def _network(store: Store, *, since, until, status, type, max_edges: int) -> dict:
    # what did not happen (planned, negated, hypothetical) is no tie, unless asked for
    statuses = () if status else HAPPENED
    coop = [t for t, q in TYPE_QUAD.items() if q <= 2]
    edges: dict[tuple[str, str], list] = defaultdict(lambda: [0, 0])
    canonical = store.canonical_id
    for a1, a2, n, n_coop in store.event_pairs(since=since, until=until, status=status, type=type,
                                               statuses=statuses, counted_types=coop):
        key = (canonical(a1), canonical(a2))
        if key[0] != key[1]:
            edge = edges[key]
            edge[0] += n
            edge[1] += n_coop
    top = sorted(edges.items(), key=lambda kv: (-kv[1][0], kv[0]))[:max_edges]
    node_ids = {a for (a, _), _ in top} | {b for (_, b), _ in top}
    names = names_of(store, node_ids)
    degree: Counter = Counter()
    for (a, b), (n, _) in top:
        degree[a] += n
        degree[b] += n
    return {
        "nodes": [{"id": i, "name": names.get(i, i), "weight": degree[i]} for i in sorted(node_ids)],
        "edges": [{"source": a, "target": b, "events": n, "cooperation": coop, "conflict": n - coop}
                  for (a, b), (n, coop) in top],
        "total_pairs": len(edges),
    }


def top_pair(store: Store) -> tuple[str, str] | None:
    """The actor pair with the most events (a default for the dyad page; per-article ids, then canonical)."""
    pair = store.view(("top_pair",), store.top_pair)
    return (store.canonical_id(pair[0]), store.canonical_id(pair[1])) if pair else None


# ---- dyads -------------------------------------------------------------------------------------

def dyad_series(store: Store, a: str, b: str) -> list[dict]:
    """Per month between a and b: the stories stage's own series (prefiltered in SQL there)."""
    from ..stories.dyad import dyad_series as series

    return store.view(("dyad", a, b), lambda: series(store, a, b))


# ---- timelines ---------------------------------------------------------------------------------

def _stage():
    try:
        from ..stories import timeline as stage
    except ImportError:
        return None
    return stage


def timeline(store: Store, *, actor=None, dyad=None, since=None, until=None, search=None, status=None,
             limit: int = 600) -> tuple[list[dict], bool]:
    """The latest `limit` timeline entries (date, text, outlets, status, sentence, event_id, ...) in date
    order, and whether earlier ones were left out. By default what happened (reported, historical).
    Cached per state of the store: callers must not change what it returns."""
    key = ("timeline", actor, tuple(dyad) if dyad else None, since, until, search, status, limit)
    return store.view(key, lambda: _timeline(store, actor=actor, dyad=dyad, since=since, until=until,
                                             search=search, status=status, limit=limit))


def _timeline(store: Store, *, actor, dyad, since, until, search, status, limit: int) -> tuple[list[dict], bool]:
    stage = _stage()
    if stage is None:
        return _simple_timeline(store, actor=actor, since=since, until=until, status=status, limit=limit)
    entries, cut = stage.latest_entries(store, limit=limit, actor=actor, dyad=dyad, since=since, until=until,
                                        search=search, status=status)
    return [_with_links(as_dict(e)) for e in entries], cut


def _with_links(entry: dict) -> dict:
    entry["quad"] = TYPE_QUAD.get(entry.get("type"))
    entry["article_id"] = entry["articles"][0] if entry.get("articles") else None
    return entry


def _simple_timeline(store: Store, *, actor, since, until, status, limit: int) -> tuple[list[dict], bool]:
    """Without the stories stage: the latest events in simpler words (no dyad or search filter)."""
    events = list(store.events(actor=actor, since=since, until=until, status=status))
    events = [e for e in events if e.date and (status or e.status in HAPPENED)]
    return [_entry(e, e.status) for e in events[-limit:]], len(events) > limit


def _entry(e: Event, status: str) -> dict:
    a1 = e.actor1.name if e.actor1 else "Someone"
    verb = e.trigger or e.type.lower()
    entry = {"date": e.date, "text": f"{a1} {verb} {e.actor2.name}" if e.actor2 else f"{a1} {verb}",
             "outlets": list(dict.fromkeys(s.outlet for s in e.sources if s.outlet)), "status": status,
             "sentence": e.sources[0].sentence if e.sources else "", "event_id": e.id, "type": e.type,
             "n_sources": e.n_sources, "articles": list(dict.fromkeys(s.article_id for s in e.sources))}
    entry["quad"] = e.quad or TYPE_QUAD.get(e.type)
    entry["article_id"] = e.sources[0].article_id if e.sources else None
    return entry
