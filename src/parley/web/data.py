"""What the pages and the API read: Store calls, plus a few SQL queries of our own where the
Store API would load whole tables (listing newest first, filtered search, graph aggregates).

Everything returned here is plain data; escaping is the templates' and the browser's job.
"""

from __future__ import annotations

import json
from collections import Counter, defaultdict
from dataclasses import dataclass, field, is_dataclass

from ..records import Article, Event, to_dict
from ..store import Store, date_bounds, fts_query

# FTS snippet markers: control characters cannot come from cleaned text, unlike brackets
MARK_OPEN, MARK_CLOSE = "\x02", "\x03"
STATUSES = ("reported", "planned", "negated", "hypothetical", "historical")
EVENT_TYPES = ("AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST", "ACCUSE",
               "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT")
TYPE_QUAD = {t: q for q, types in {1: ("AGREE", "CONSULT", "SUPPORT", "CONCEDE", "REQUEST"),
                                    2: ("COOPERATE", "AID", "RETREAT"),
                                    3: ("ACCUSE", "REJECT", "THREATEN", "PROTEST"),
                                    4: ("SANCTION", "MOBILIZE", "COERCE", "ASSAULT")}.items() for t in types}
QUAD_NAMES = {1: "verbal cooperation", 2: "material cooperation", 3: "verbal conflict", 4: "material conflict"}


def as_dict(row) -> dict:
    return to_dict(row) if is_dataclass(row) else dict(row)


def _marks(n: int) -> str:
    return ",".join("?" * n)


def split_marked(snippet: str) -> list[tuple[str, bool]]:
    """An FTS snippet as (text, is_match) pieces, for the template to escape and wrap."""
    pieces: list[tuple[str, bool]] = []
    for i, part in enumerate(snippet.split(MARK_OPEN)):
        if i == 0:
            pieces.append((part, False))
            continue
        hit, _, rest = part.partition(MARK_CLOSE)
        pieces += [(hit, True), (rest, False)]
    return [p for p in pieces if p[0]]


# ---- articles and search -------------------------------------------------------------------

@dataclass
class ArticleRow:
    id: str
    headline: str | None
    outlet: str | None
    published: str | None
    duplicate_of: str | None
    snippet: list = field(default_factory=list)


def actor_article_clause(store: Store, actor: str) -> tuple[str, list]:
    local = store.local_ids(actor)
    return f"a.id IN (SELECT article_id FROM article_actors WHERE actor_id IN ({_marks(len(local))}))", local


def list_articles(store: Store, *, q=None, outlet=None, actor=None, since=None, until=None,
                  limit=20, offset=0) -> list[ArticleRow]:
    """Articles matching the filters: best match first with a query, else newest first."""
    where, args = [], []
    if outlet:
        where.append("a.outlet LIKE ?")
        args.append(f"%{outlet}%")
    if since:
        where.append("a.day >= ?")
        args.append(date_bounds(since)[0])
    if until:
        where.append("a.day <= ?")
        args.append(date_bounds(until)[1])
    if actor:
        clause, local = actor_article_clause(store, actor)
        where.append(clause)
        args += local
    if q:
        sql = ("SELECT a.id, a.headline, a.outlet, a.published, a.duplicate_of,"
               f" snippet(articles_fts, 2, '{MARK_OPEN}', '{MARK_CLOSE}', ' … ', 24)"
               " FROM articles_fts f JOIN articles a ON a.id = f.article_id WHERE articles_fts MATCH ?")
        args.insert(0, fts_query(q))
        sql += "".join(" AND " + w for w in where) + " ORDER BY rank"
    else:
        sql = "SELECT a.id, a.headline, a.outlet, a.published, a.duplicate_of, '' FROM articles a"
        sql += (" WHERE " + " AND ".join(where) if where else "") + " ORDER BY a.day IS NULL, a.day DESC, a.id"
    sql += " LIMIT ? OFFSET ?"
    rows = store.db.execute(sql, args + [limit, offset]).fetchall()
    return [ArticleRow(r[0], r[1], r[2], r[3], r[4], split_marked(r[5] or "")) for r in rows]


def outlets(store: Store, limit: int = 200) -> list[str]:
    rows = store.db.execute(
        "SELECT outlet FROM articles WHERE outlet IS NOT NULL GROUP BY outlet ORDER BY count(*) DESC LIMIT ?", (limit,))
    return sorted(r[0] for r in rows)


def duplicates_of(store: Store, article_id: str) -> list[ArticleRow]:
    rows = store.db.execute(
        "SELECT id, headline, outlet, published, duplicate_of FROM articles WHERE duplicate_of = ? LIMIT 100",
        (article_id,))
    return [ArticleRow(*r) for r in rows]


def headlines(store: Store, ids) -> dict[str, ArticleRow]:
    ids = list(dict.fromkeys(ids))
    if not ids:
        return {}
    rows = store.db.execute(
        f"SELECT id, headline, outlet, published, duplicate_of FROM articles WHERE id IN ({_marks(len(ids))})", ids)
    return {r[0]: ArticleRow(*r) for r in rows}


# ---- the article page ------------------------------------------------------------------------

@dataclass
class Segment:
    """A run of body text under one set of marks; the template escapes `text`."""

    text: str
    actor_id: str | None = None
    actor_name: str | None = None
    quote_id: str | None = None
    event_id: str | None = None
    event_label: str | None = None
    anchor: str | None = None  # an id= for links to this spot (first segment of a quote or event)


def _clamp(start, end, size) -> tuple[int, int] | None:
    try:
        start, end = max(0, int(start)), min(size, int(end))
    except (TypeError, ValueError):
        return None
    return (start, end) if start < end else None


def trigger_span(body: str, event: Event, article_id: str) -> tuple[int, int] | None:
    """Where an event's trigger sits: inside its source sentence in this article, else nowhere."""
    for src in event.sources:
        if src.article_id != article_id:
            continue
        span = _clamp(src.start, src.end, len(body))
        if span is None:
            continue
        if event.trigger:
            at = body.find(event.trigger, span[0], span[1])
            if at < 0:
                at = body.lower().find(event.trigger.lower(), span[0], span[1])
            if at >= 0:
                return at, at + len(event.trigger)
        return span
    return None


def event_label(e: Event) -> str:
    a1 = e.actor1.name if e.actor1 else "?"
    a2 = f" → {e.actor2.name}" if e.actor2 else ""
    return f"{e.date or 'undated'} · {e.type} ({e.status}) · {a1}{a2}"


def segments(body: str, mentions, quotes, events, names: dict[str, str], article_id: str) -> list[Segment]:
    """Cut the body at every span boundary; each piece carries the marks that cover it.

    Spans may nest or overlap (a mention inside a quote); the innermost wins for each kind.
    """
    spans: list[tuple[int, int, str, object]] = []
    for m in mentions:
        span = _clamp(m.start, m.end, len(body))
        if span:
            spans.append((*span, "actor", m))
    for q in quotes:
        span = _clamp(q.start, q.end, len(body))
        if span:
            spans.append((*span, "quote", q))
    for e in events:
        span = trigger_span(body, e, article_id)
        if span:
            spans.append((*span, "event", e))
    cuts = sorted({0, len(body), *(s for s, _, _, _ in spans), *(e for _, e, _, _ in spans)})
    out: list[Segment] = []
    anchored: set[str] = set()
    # spans sorted by length, longest first, so shorter (inner) ones overwrite
    spans.sort(key=lambda s: s[0] - s[1])
    for lo, hi in zip(cuts, cuts[1:]):
        seg = Segment(body[lo:hi])
        for start, end, kind, rec in spans:
            if start <= lo and hi <= end:
                if kind == "actor":
                    seg.actor_id, seg.actor_name = rec.actor_id, names.get(rec.actor_id, rec.text)
                elif kind == "quote":
                    seg.quote_id = rec.id
                else:
                    seg.event_id, seg.event_label = rec.id, event_label(rec)
        for key, prefix in ((seg.quote_id, "q-"), (seg.event_id, "ev-")):
            if key and key not in anchored and seg.anchor is None:
                anchored.add(key)
                seg.anchor = prefix + key
        out.append(seg)
    return out


# ---- actors ------------------------------------------------------------------------------------

def names_of(store: Store, ids) -> dict[str, str]:
    """Display names for (canonical or per-article) actor ids."""
    names: dict[str, str] = {}
    canon = store._canonical()  # noqa: SLF001 - the Store's own id map, cached per store
    missing = []
    for i in set(ids):
        if i in canon:
            names[i] = canon[i].name
        else:
            missing.append(i)
    if missing:
        rows = store.db.execute(
            f"SELECT actor_id, json_extract(data, '$.name') FROM article_actors WHERE actor_id IN ({_marks(len(missing))})"
            " GROUP BY actor_id", missing)
        names.update({r[0]: r[1] for r in rows})
    return names


def co_actors(store: Store, actor_id: str, limit: int = 25) -> list[dict]:
    """Actors named in the same articles and those on the other side of its events."""
    local = store.local_ids(actor_id)
    own = set(local) | {actor_id}
    marks = _marks(len(local))
    together: Counter = Counter()
    rows = store.db.execute(
        f"SELECT actor_id, count(*) FROM article_actors WHERE article_id IN"
        f" (SELECT article_id FROM article_actors WHERE actor_id IN ({marks})) GROUP BY actor_id", local)
    for other, n in rows:
        if other not in own:
            together[store.canonical_id(other)] += n
    table = "merged_events" if store.count("merged_events") else "events"
    counterpart: Counter = Counter()
    rows = store.db.execute(
        f"SELECT CASE WHEN actor1_id IN ({marks}) THEN actor2_id ELSE actor1_id END, count(*) FROM {table}"
        f" WHERE actor1_id IN ({marks}) OR actor2_id IN ({marks}) GROUP BY 1", local * 3)
    for other, n in rows:
        if other and other not in own:
            counterpart[store.canonical_id(other)] += n
    keys = [k for k, _ in (together + counterpart).most_common(limit) if k not in own]
    names = names_of(store, keys)
    return [{"id": k, "name": names.get(k, k), "articles": together[k], "events": counterpart[k]} for k in keys]


# ---- events: graph, dyads, timeline -------------------------------------------------------------

def _event_table(store: Store) -> str:
    return "merged_events" if store.count("merged_events") else "events"


def _event_filters(store: Store, *, since=None, until=None, status=None, type=None) -> tuple[list[str], list]:
    where, args = [], []
    if since:
        where.append("date_hi >= ?")
        args.append(date_bounds(since)[0])
    if until:
        where.append("date_lo <= ?")
        args.append(date_bounds(until)[1])
    if status:
        where.append("status = ?")
        args.append(status)
    if type:
        where.append("type = ?")
        args.append(type.upper())
    return where, args


def network(store: Store, *, since=None, until=None, status=None, type=None, max_edges: int = 150) -> dict:
    """Who did what to whom: one edge per ordered actor pair, weighted by its events."""
    where, args = _event_filters(store, since=since, until=until, status=status, type=type)
    where += ["actor1_id IS NOT NULL", "actor2_id IS NOT NULL", "actor1_id != actor2_id"]
    sql = (f"SELECT actor1_id, actor2_id, count(*), sum(json_extract(data, '$.quad') <= 2),"
           f" total(json_extract(data, '$.goldstein')) FROM {_event_table(store)}"
           f" WHERE {' AND '.join(where)} GROUP BY actor1_id, actor2_id")
    edges: dict[tuple[str, str], list] = defaultdict(lambda: [0, 0, 0.0])
    for a1, a2, n, coop, gold in store.db.execute(sql, args):
        key = (store.canonical_id(a1), store.canonical_id(a2))
        if key[0] == key[1]:
            continue
        edge = edges[key]
        edge[0] += n
        edge[1] += coop or 0
        edge[2] += gold or 0.0
    top = sorted(edges.items(), key=lambda kv: (-kv[1][0], kv[0]))[:max_edges]
    node_ids = {a for (a, _), _ in top} | {b for (_, b), _ in top}
    names = names_of(store, node_ids)
    degree: Counter = Counter()
    for (a, b), (n, _, _) in top:
        degree[a] += n
        degree[b] += n
    return {
        "nodes": [{"id": i, "name": names.get(i, i), "weight": degree[i]} for i in sorted(node_ids)],
        "edges": [{"source": a, "target": b, "events": n, "cooperation": coop, "conflict": n - coop,
                   "goldstein": round(gold, 1)} for (a, b), (n, coop, gold) in top],
        "total_pairs": len(edges),
    }


def _side(store: Store, key: str) -> tuple[str, list]:
    """SQL matching one side of a dyad for actor column `{col}`: the actor's ids, or a country code."""
    local = store.local_ids(key)
    clause = f"{{col}}_id IN ({_marks(len(local))})"
    args: list = list(local)
    if len(key) == 3 and key.isalpha():
        clause = f"({clause} OR json_extract(data, '$.{{col}}.country') = ?)"
        args.append(key.upper())
    return clause, args


def events_between(store: Store, a: str, b: str, *, limit: int = 50, offset: int = 0, since=None, until=None,
                   status=None, type=None) -> list[Event]:
    """Events with `a` on one side and `b` on the other, in date order."""
    ca, aa = _side(store, a)
    cb, ab = _side(store, b)
    where, args = _event_filters(store, since=since, until=until, status=status, type=type)
    pair = (f"(({ca.format(col='actor1')} AND {cb.format(col='actor2')})"
            f" OR ({cb.format(col='actor1')} AND {ca.format(col='actor2')}))")
    sql = f"SELECT data FROM {_event_table(store)} WHERE {' AND '.join([pair] + where)}"
    sql += " ORDER BY date_lo IS NULL, date_lo, id LIMIT ? OFFSET ?"
    rows = store.db.execute(sql, aa + ab + ab + aa + args + [limit, offset])
    return [_canon_event(store, json.loads(r[0])) for r in rows]


def _canon_event(store: Store, data: dict) -> Event:
    from dataclasses import replace

    from ..records import from_dict

    e = from_dict(Event, data)
    return replace(e, actor1=store.canonical_ref(e.actor1), actor2=store.canonical_ref(e.actor2))


def dyad_series(store: Store, a: str, b: str) -> list[dict]:
    """Monthly quad counts and Goldstein sums: the stories stage's series when it exists, else ours."""
    try:
        from ..stories.dyad import dyad_series as stage_series
    except ImportError:
        stage_series = None
    if stage_series is not None:
        return [as_dict(r) for r in stage_series(store, a, b)]
    ca, aa = _side(store, a)
    cb, ab = _side(store, b)
    pair = (f"(({ca.format(col='actor1')} AND {cb.format(col='actor2')})"
            f" OR ({cb.format(col='actor1')} AND {ca.format(col='actor2')}))")
    sql = (f"SELECT substr(date_lo, 1, 7), json_extract(data, '$.quad'), count(*),"
           f" total(json_extract(data, '$.goldstein')) FROM {_event_table(store)}"
           f" WHERE {pair} AND date_lo IS NOT NULL AND status IN ('reported', 'historical') GROUP BY 1, 2 ORDER BY 1")
    months: dict[str, dict] = {}
    for month, quad, n, gold in store.db.execute(sql, aa + ab + ab + aa):
        row = months.setdefault(month, {"month": month, "quad1": 0, "quad2": 0, "quad3": 0, "quad4": 0,
                                        "goldstein": 0.0, "events": 0})
        if quad in (1, 2, 3, 4):
            row[f"quad{quad}"] += n
        row["goldstein"] = round(row["goldstein"] + (gold or 0.0), 1)
        row["events"] += n
    return list(months.values())


def top_pair(store: Store) -> tuple[str, str] | None:
    graph = network(store, max_edges=1)
    if not graph["edges"]:
        return None
    edge = graph["edges"][0]
    return edge["source"], edge["target"]


def timeline(store: Store, *, actor=None, dyad=None, since=None, until=None, search=None, status=None,
             limit: int = 1000) -> tuple[list[dict], bool]:
    """Timeline entries (date, text, outlets, status, sentence, event_id), the latest `limit`,
    and whether more were cut. From the stories stage when it exists, else straight from events."""
    try:
        from ..stories.timeline import build_timeline
    except ImportError:
        build_timeline = None
    if build_timeline is not None:
        entries = [as_dict(e) for e in build_timeline(store, actor=actor, dyad=dyad, since=since, until=until,
                                                      search=search, status=status)]
        return entries[-limit:], len(entries) > limit
    if dyad:
        events = events_between(store, dyad[0], dyad[1], limit=100_000, since=since, until=until, status=status)
        if actor:
            keep = set(store.local_ids(actor)) | {store.canonical_id(actor)}
            events = [e for e in events if {_aid(e.actor1), _aid(e.actor2)} & keep]
    else:
        where, args = _event_filters(store, since=since, until=until, status=status)
        if actor:
            local = store.local_ids(actor)
            where.append(f"(actor1_id IN ({_marks(len(local))}) OR actor2_id IN ({_marks(len(local))}))")
            args += local + local
        where.append("date_lo IS NOT NULL")
        sql = (f"SELECT data FROM {_event_table(store)} WHERE {' AND '.join(where)}"
               " ORDER BY date_lo DESC, id DESC LIMIT ?")
        events = [_canon_event(store, json.loads(r[0])) for r in store.db.execute(sql, args + [limit + 1])]
        events.reverse()
    if search:
        words = search.lower().split()
        events = [e for e in events if all(w in _evidence(e).lower() for w in words)]
    events = [e for e in events if e.date]
    entries = [{"date": e.date, "text": _sentence_text(e), "outlets": sorted({s.outlet for s in e.sources if s.outlet}),
                "status": e.status, "sentence": e.sources[0].sentence if e.sources else "", "event_id": e.id,
                "type": e.type, "quad": e.quad,
                "article_id": e.sources[0].article_id if e.sources else None} for e in events]
    return entries[-limit:], len(entries) > limit


def _aid(ref) -> str | None:
    return ref.actor_id if ref else None


def _evidence(e: Event) -> str:
    return " ".join([e.trigger] + [s.sentence for s in e.sources])


def _sentence_text(e: Event) -> str:
    a1 = e.actor1.name if e.actor1 else "someone"
    verb = e.trigger or e.type.lower()
    return f"{a1} {verb} {e.actor2.name}" if e.actor2 else f"{a1} {verb}"


def event_article(event_ids, store: Store) -> dict[str, str]:
    """Event id -> the article that carries it (for timeline entries from the stories stage)."""
    ids = list(event_ids)
    if not ids:
        return {}
    out: dict[str, str] = {}
    for i in range(0, len(ids), 500):
        chunk = ids[i:i + 500]
        for eid, aid in store.db.execute(
                f"SELECT id, article_id FROM events WHERE id IN ({_marks(len(chunk))})", chunk):
            out[eid] = aid
        for eid, data in store.db.execute(
                f"SELECT id, json_extract(data, '$.sources[0].article_id') FROM merged_events"
                f" WHERE id IN ({_marks(len(chunk))})", chunk):
            out.setdefault(eid, data)
    return out


def article_of(store: Store, article_id: str) -> Article | None:
    """An article by id or unique id prefix (at least 6 characters)."""
    found = store.article(article_id)
    if found is None and len(article_id) >= 6:
        rows = store.db.execute("SELECT id FROM articles WHERE id >= ? AND id < ? LIMIT 2",
                                (article_id, article_id + "\uffff")).fetchall()
        if len(rows) == 1:
            found = store.article(rows[0][0])
    return found


def actor_events(store: Store, actor_id: str, limit: int = 50) -> list[Event]:
    """An actor's latest events, newest first."""
    local = store.local_ids(actor_id)
    marks = _marks(len(local))
    sql = (f"SELECT data FROM {_event_table(store)} WHERE actor1_id IN ({marks}) OR actor2_id IN ({marks})"
           " ORDER BY date_lo IS NULL, date_lo DESC, id LIMIT ?")
    return [_canon_event(store, json.loads(r[0])) for r in store.db.execute(sql, local + local + [limit])]


def role_bars(roles) -> list[dict]:
    """Roles with where their span sits on a shared time axis (0-100), for a small SVG chart."""
    from datetime import date

    def day(value, end):
        lo, hi = date_bounds(value)
        text = hi if end else lo
        try:
            return date.fromisoformat(text[:8] + min(text[8:10], "28")).toordinal() if text else None
        except ValueError:
            return None

    spans = [(r, day(r.first_seen, False), day(r.last_seen or r.first_seen, True)) for r in roles]
    known = [d for _, lo, hi in spans for d in (lo, hi) if d]
    first, last = (min(known), max(known)) if known else (0, 1)
    width = max(last - first, 1)
    bars = []
    for r, lo, hi in spans:
        row = {"title": r.title, "country": r.country, "first": r.first_seen, "last": r.last_seen, "x": None, "w": None}
        if lo is not None:
            hi = hi if hi is not None and hi >= lo else lo
            row["x"] = round((lo - first) / width * 100, 2)
            row["w"] = max(round((hi - lo) / width * 100, 2), 1.0)
        bars.append(row)
    return bars
