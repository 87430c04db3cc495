"""What the pages and the API read, from Store calls (only store/ speaks SQL).

Everything returned here is plain data; escaping is the templates' and the browser's job.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field, is_dataclass

from ..choices import EVENT_TYPES, STATUSES  # noqa: F401 - re-exported for the web
from ..events.types import type_quad
from ..records import Article, Event, to_dict
from ..store import ArticleQuery, Store, date_bounds
from ..store.query import MARK_CLOSE, MARK_OPEN
# the quad class of each PLOVER type: the events' one table (events/data/types.tsv), not a copy
TYPE_QUAD = type_quad()
QUAD_NAMES = {1: "verbal cooperation", 2: "material cooperation", 3: "verbal conflict", 4: "material conflict"}


def as_dict(row) -> dict:
    return to_dict(row) if is_dataclass(row) else dict(row)


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


def list_articles(store: Store, *, q=None, outlet=None, actor=None, since=None, until=None,
                  limit=20, offset=0) -> list[ArticleRow]:
    """Articles matching the filters: best match first with a query, else newest first. Cached per
    state of the store (the newest-first order sorts every article): callers must not change it."""
    key = ("list_articles", q, outlet, actor, since, until, limit, offset)
    return store.view(key, lambda: _list_articles(store, q=q, outlet=outlet, actor=actor, since=since, until=until,
                                                  limit=limit, offset=offset))


def _list_articles(store: Store, *, q, outlet, actor, since, until, limit, offset) -> list[ArticleRow]:
    rows = store.article_list(ArticleQuery(search=q, outlet=outlet, actor=actor, since=since, until=until,
                                           newest_first=True, limit=limit, offset=offset))
    return [ArticleRow(r[0], r[1], r[2], r[3], r[4], split_marked(r[5] or "")) for r in rows]


def found_quotes(store: Store, *, search=None, speaker=None, limit=10) -> list:
    """Store.quotes for a search box, cached per state of the store (a common word matches thousands
    of quotations, each joined to its article to sort them by date): callers must not change it."""
    return store.view(("quotes", search, speaker, limit),
                      lambda: list(store.quotes(search=search, speaker=speaker, limit=limit)))


def outlets(store: Store, limit: int = 200) -> list[str]:
    """The outlets with the most articles, once per state of the store: callers must not change it."""
    return store.view(("outlets", limit), lambda: store.outlets(limit))


def duplicates_of(store: Store, article_id: str) -> list[ArticleRow]:
    return [ArticleRow(*r) for r in store.article_summaries(duplicate_of=article_id)]


def headlines(store: Store, ids) -> dict[str, ArticleRow]:
    return {r[0]: ArticleRow(*r) for r in store.article_summaries(ids)}


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
    return store.actor_names(list(set(ids)))


def co_actors(store: Store, actor_id: str, limit: int = 25) -> list[dict]:
    """Actors named in the same articles and those on the other side of its events."""
    local = store.local_ids(actor_id)
    own = set(local) | {actor_id}
    together: Counter = Counter()
    for other, n in store.actors_alongside(local):
        if other not in own:
            together[store.canonical_id(other)] += n
    counterpart: Counter = Counter()
    for other, n in store.counterparts(local):
        if other and other not in own:
            counterpart[store.canonical_id(other)] += n
    keys = [k for k, _ in (together + counterpart).most_common(limit) if k not in own]
    names = names_of(store, keys)
    return [{"id": k, "name": names.get(k, k), "articles": together[k], "events": counterpart[k]} for k in keys]


def article_of(store: Store, article_id: str) -> Article | None:
    """An article by id or unique id prefix (at least 6 characters)."""
    found = store.article(article_id)
    if found is None and len(article_id) >= 6:
        unique = store.article_id_by_prefix(article_id)
        if unique:
            found = store.article(unique)
    return found


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
