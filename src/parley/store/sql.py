"""The SQL translation of the queries of store/query.py, for both backends.

Each translation selects a superset of what the query's predicate keeps, from the indexed columns
of `events`/`merged_events` (actor ids, dates, status, type) and the expression indexes on each
side's country and name; the store then runs the predicate on every row. What differs between
SQLite and PostgreSQL (JSON paths, case folding, full-text search) is asked of the store's
dialect methods (`_json`, `_lower`, `_fts_articles`, `_source_articles`, `_all_words`).
"""

from __future__ import annotations

import re

from .query import ActorMatch, BoundEventQuery, date_bounds, search_words

# characters the store's JSON escapes: a search word holding one cannot be found in the raw JSON
_ESCAPED = re.compile(r'["\\\x00-\x1f]')
_QUERY_NOISE = re.compile("[\x00-\x1f\x7f-\x9f]")
_SURROGATES = re.compile("[\ud800-\udfff]")


def marks(n: int) -> str:
    return ",".join("?" * n)


def in_list(column: str, values) -> tuple[str, list]:
    """`column IN (...)`; never true for no values (an empty list is not SQL everywhere)."""
    values = sorted(v for v in set(values) if v and v != "\x00")
    if not values:
        return "1=0", []
    return f"{column} IN ({marks(len(values))})", values


def fts_query(text: str) -> str:
    """User words as an FTS5 query: each word quoted (so punctuation cannot break the syntax), all required.

    NUL and other control characters separate words (SQLite ends a string at a NUL, which broke the
    quoting), and lone surrogates, which cannot be encoded, become U+FFFD."""
    words = [w.replace('"', '""') for w in clean_words(text)]
    return " ".join(f'"{w}"' for w in words) or '""'


def clean_words(text: str) -> list[str]:
    """The words of a search box, without control characters or lone surrogates."""
    text = _QUERY_NOISE.sub(" ", text)
    text = _SURROGATES.sub("\ufffd", text)
    return [w for w in text.split() if w.strip()]


def side(store, match: ActorMatch, col: str) -> tuple[str, list]:
    """Rows whose `col` ('actor1'/'actor2') can match `match` once the canonical actors are put in."""
    ids, args = in_list(f"{col}_id", match.stored_ids)
    if match.country:
        return f"({ids} OR {store._json('data', col + '.country')} = ?)", args + [match.country]
    name = store._lower(store._json("data", col + ".name"), match.name or "")
    if name is None:  # the backend cannot fold this name as Python does: the predicate decides
        return "1=1", []
    return f"({ids} OR {name} = ?)", args + [match.name]


def dyad(store, table: str, a: ActorMatch, b: ActorMatch) -> tuple[str, list]:
    """`a` on one side, `b` on the other, as two intersections of per-side row sets so that each
    side is an index lookup."""
    parts, args = [], []
    for first, second in ((a, b), (b, a)):
        one, one_args = side(store, first, "actor1")
        two, two_args = side(store, second, "actor2")
        parts.append(f"id IN (SELECT id FROM {table} WHERE {one} INTERSECT SELECT id FROM {table} WHERE {two})")
        args += one_args + two_args
    return "(" + " OR ".join(parts) + ")", args


def search(store, table: str, text: str) -> tuple[str, list] | None:
    """Rows with a source among the articles the full-text search finds, or whose JSON holds every
    word (the predicate tests the source sentences); None when no such superset can be written."""
    words = search_words(text)
    if not words or any(_ESCAPED.search(w) for w in words):
        return None
    fts, fts_args = store._fts_articles(text)
    words_sql, words_args = store._all_words(f"{table}.data", words)
    return (f"(EXISTS (SELECT 1 FROM {store._source_articles(table)} AS found WHERE src IN ({fts})) OR {words_sql})",
            fts_args + words_args)


def event_where(store, bound: BoundEventQuery, table: str) -> tuple[list[str], list]:
    """SQL conditions on `table` (events or merged_events) and their arguments."""
    q = bound.query
    where, args = [], []

    def add(sql: str, values: list) -> None:
        where.append(sql)
        args.extend(values)

    if q.since:
        add("date_hi >= ?", [date_bounds(q.since)[0]])
    if q.until:
        add("date_lo <= ?", [date_bounds(q.until)[1]])
    if q.dated:
        add("date_lo IS NOT NULL", [])
    if q.status:
        add("status = ?", [q.status])
    if q.statuses is not None:
        add(*in_list("status", q.statuses))
    if q.type:
        add("type = ?", [q.type.upper()])
    if q.article_id and table == "events":
        add("article_id = ?", [q.article_id])
    if bound.actor:
        one, one_args = side(store, bound.actor, "actor1")
        two, two_args = side(store, bound.actor, "actor2")
        add(f"({one} OR {two})", one_args + two_args)
    if bound.dyad:
        add(*dyad(store, table, *bound.dyad))
    if q.search:
        clause = search(store, table, q.search)
        if clause:
            add(*clause)
    return where, args


def event_order(store, newest_first: bool) -> str:
    # newest first: the undated last
    return f" ORDER BY {store._desc_nulls_last('date_lo')}, id DESC" if newest_first \
        else " ORDER BY date_lo IS NULL, date_lo, id"


def event_filters(*, since: str | None = None, until: str | None = None, status: str | None = None,
                  type: str | None = None) -> tuple[list[str], list]:
    """The date, status and type conditions of an EventQuery alone (for aggregates over the index)."""
    from .query import EventQuery

    return event_where(None, BoundEventQuery(EventQuery(since=since, until=until, status=status, type=type)),
                       "events")
