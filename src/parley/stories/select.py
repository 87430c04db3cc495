"""SQL prefilters for timelines and dyad series, and a quick decoder for the events they return.

Each clause here selects a superset of what the exact Python tests of timeline.py and dyad.py keep
(those tests still run on every row returned), using the indexed columns of `events` and
`merged_events` (actor ids, dates, status, type) and the expression indexes of schema version 3
(each side's country and lower-cased name). So the answers are the same as a scan of every event,
and only the rows that can matter are decoded.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from dataclasses import replace

from ..records import Event, EventActor, Location, Source, from_dict
from ..store import Store
from ..store.db import date_bounds, fts_query
from .merge import HAPPENED

_CODE = re.compile(r"^[A-Z]{3}$")
# characters the store's JSON escapes: a search word holding one cannot be found in the raw JSON
_ESCAPED = re.compile(r'["\\\x00-\x1f]')


def _marks(n: int) -> str:
    return ",".join("?" * n)


def _python_lower(value):
    return value.lower() if isinstance(value, str) else value


def _all_words_in(data, words):
    if not isinstance(data, str):
        return 0
    lowered = data.lower()
    return int(all(w in lowered for w in words.split("\x1f")))


def _functions(store: Store) -> None:
    # SQLite's lower() folds ASCII only; names and search words follow Python's str.lower()
    store.db.create_function("parley_lower", 1, _python_lower, deterministic=True)
    store.db.create_function("parley_all_words_in", 2, _all_words_in, deterministic=True)


def event_table(store: Store) -> str:
    """The table `Store.events` reads: merged events once the cross-article step has run."""
    return "merged_events" if store.count("merged_events") else "events"


def decode_event(store: Store, data: str) -> Event:
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


def side_clause(store: Store, key: str, col: str) -> tuple[str, list]:
    """SQL true for every row whose `col` ('actor1'/'actor2') can match `key` as dyad.actor_matcher
    tests it after the canonical actors are put in: a superset, decided on the stored ids and fields."""
    canon = store.canonical_actors()
    if _CODE.match(key):
        target = f"country:{key}"
        ids = {target} | {local for local, actor in canon.items() if actor.country == key or actor.id == target}
        return (f"({col}_id IN ({_marks(len(ids))}) OR json_extract(data, '$.{col}.country') = ?)",
                sorted(ids) + [key])
    local = {i for i in store.local_ids(key) if i != "\x00"}
    wanted = local | {store.canonical_id(i) for i in local}
    lowered = key.lower()
    ids = set(wanted) | {loc for loc, actor in canon.items()
                         if actor.id in wanted or actor.name.lower() == lowered}
    name = "lower" if lowered.isascii() else "parley_lower"
    return (f"({col}_id IN ({_marks(len(ids))}) OR {name}(json_extract(data, '$.{col}.name')) = ?)",
            sorted(ids) + [lowered])


def dyad_clause(store: Store, table: str, a: str, b: str) -> tuple[str, list]:
    """Rows with `a` on one side and `b` on the other (a superset, see side_clause), as two
    intersections of per-side row sets so that each side is an index lookup."""
    parts, args = [], []
    for first, second in ((a, b), (b, a)):
        one, one_args = side_clause(store, first, "actor1")
        two, two_args = side_clause(store, second, "actor2")
        parts.append(f"rowid IN (SELECT rowid FROM {table} WHERE {one}"
                     f" INTERSECT SELECT rowid FROM {table} WHERE {two})")
        args += one_args + two_args
    return "(" + " OR ".join(parts) + ")", args


def actor_clause(store: Store, actor: str) -> tuple[str, list]:
    """As `Store.events(actor=...)`: the per-article ids standing for the actor, on either side."""
    local = store.local_ids(actor)
    marks = _marks(len(local))
    return f"(actor1_id IN ({marks}) OR actor2_id IN ({marks}))", local + local


def status_clause(wanted: set[str]) -> tuple[str, list]:
    """Stored statuses that can give one of `wanted` once timeline.effective_status has turned
    happened-after-every-report into planned."""
    stored = set(wanted) | (set(HAPPENED) if "planned" in wanted else set())
    return f"status IN ({_marks(len(stored))})", sorted(stored)


def search_clause(store: Store, table: str, search: str) -> tuple[str, list] | None:
    """Rows with a source among the articles matching `search`, or holding all its words (as the
    timeline tests on source sentences); None when no such SQL superset can be written."""
    words = [w.lower() for w in search.split()]
    if not words or any(_ESCAPED.search(w) for w in words):
        return None
    _functions(store)
    sql = (f"(EXISTS (SELECT 1 FROM json_each({table}.data, '$.sources') s"
           " WHERE json_extract(s.value, '$.article_id') IN"
           " (SELECT article_id FROM articles_fts WHERE articles_fts MATCH ?))"
           f" OR parley_all_words_in({table}.data, ?))")
    return sql, [fts_query(search), "\x1f".join(words)]


def select_events(store: Store, where: list[tuple[str, list]], *, since: str | None = None,
                  until: str | None = None, newest_first: bool = False, limit: int | None = None,
                  offset: int = 0) -> Iterator[Event]:
    """Events of `event_table` meeting every clause, in `Store.events` order (or the latest first,
    the undated last), decoded; `limit` and `offset` page through them."""
    table = event_table(store)
    clauses = list(where)
    if since:
        clauses.append(("date_hi >= ?", [date_bounds(since)[0]]))
    if until:
        clauses.append(("date_lo <= ?", [date_bounds(until)[1]]))
    if any("parley_" in sql for sql, _ in clauses):
        _functions(store)
    sql = f"SELECT data FROM {table}"
    if clauses:
        sql += " WHERE " + " AND ".join(c for c, _ in clauses)
    # newest first: the undated last (the plain DESC order, which SQLite reads off the date index)
    sql += " ORDER BY date_lo DESC, id DESC" if newest_first else " ORDER BY date_lo IS NULL, date_lo, id"
    args = [x for _, a in clauses for x in a]
    if limit is not None:
        sql += " LIMIT ? OFFSET ?"
        args += [int(limit), int(offset)]
    for (data,) in store.db.execute(sql, args):
        yield decode_event(store, data)
