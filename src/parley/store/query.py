"""Typed queries over a store: what the CLI, the explorer, the stories and the exports ask for.

Each query has one Python predicate (`matches`), the meaning of the query, and one SQL translation
(store/sql.py), which selects a superset of what the predicate keeps using the indexed columns; a
store runs the SQL and then the predicate on every row it returns, so the answers are the
predicate's. tests/store/test_query.py checks on random events that the SQL never drops a row the
predicate keeps and the two give the same answers.

Actors are named by the user as an id, a name, an alias or a three-letter country code; a store
resolves the name once (`Store.actor_match`) into an `ActorMatch`, the one test of an event's side.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from ..records import Actor, Article, Event, EventActor, Quote

# full-text snippet markers: control characters cannot come from cleaned text, unlike brackets
MARK_OPEN, MARK_CLOSE = "\x02", "\x03"
# an upper-case three-letter key is an ISO country code: it matches the actors of that country
COUNTRY_CODE = re.compile(r"^[A-Z]{3}$")


def date_bounds(value: str | None) -> tuple[str | None, str | None]:
    """The first and last day a partial ISO date can mean: '2019-09' -> ('2019-09-01', '2019-09-31').

    Day 31 for every month is deliberate: the bounds only order and compare, they are never shown.
    """
    if not value:
        return None, None
    day = value[:10]
    parts = day.split("-")
    if len(parts) == 1:
        return f"{parts[0]}-01-01", f"{parts[0]}-12-31"
    if len(parts) == 2:
        return f"{day}-01", f"{day}-31"
    return day, day


@dataclass(frozen=True)
class ActorMatch:
    """Which event sides stand for one actor key, as the store resolved it.

    `ids`: the canonical and per-article ids the key stands for (a returned event carries canonical
    refs); `stored_ids`: every per-article id whose canonical actor can match, for the SQL, which
    reads the stored per-article refs; `name`: the key lower-cased (an exact name also matches a side
    that has no id); `country`: set when the key is a country code.
    """

    key: str
    ids: frozenset[str] = frozenset()
    stored_ids: frozenset[str] = frozenset()
    name: str | None = None
    country: str | None = None

    def matches(self, ref: EventActor | None) -> bool:
        if ref is None:
            return False
        if self.country:
            return ref.country == self.country or ref.actor_id == f"country:{self.country}"
        return ref.actor_id in self.ids or ref.name.lower() == self.name


def actor_match(key: str, local_ids: Iterable[str], canon: Mapping[str, Actor]) -> ActorMatch:
    """Resolve a key: `local_ids` are the per-article ids the store finds for it (id, name, alias or
    part of a name), `canon` the map of every id to its canonical actor."""
    if COUNTRY_CODE.match(key):
        target = f"country:{key}"
        stored = {target} | {lid for lid, actor in canon.items() if actor.country == key or actor.id == target}
        return ActorMatch(key, frozenset({target}), frozenset(stored), None, key)
    local = {i for i in local_ids if i != "\x00"}
    ids = local | {canon[i].id if i in canon else i for i in local}
    lowered = key.lower()
    stored = ids | {lid for lid, actor in canon.items() if actor.id in ids or actor.name.lower() == lowered}
    return ActorMatch(key, frozenset(ids), frozenset(stored), lowered, None)


def _in_dates(lo: str | None, hi: str | None, since: str | None, until: str | None) -> bool:
    """A partial date is in a range when any day it can mean is inside it."""
    if since and (hi is None or hi < date_bounds(since)[0]):
        return False
    if until and (lo is None or lo > date_bounds(until)[1]):
        return False
    return True


def search_words(text: str | None) -> list[str]:
    return [w.lower() for w in (text or "").split()]


@dataclass(frozen=True)
class EventQuery:
    """Events in date order (`newest_first`: the latest first, the undated last).

    `merged`: the cross-article events (None: those once the linking has run, else per article);
    `statuses`: any of these stored statuses; `search`: a source among the articles the full-text
    search finds, or a source sentence holding every word; `dated`: only events with a date."""

    actor: str | None = None
    dyad: tuple[str, str] | None = None
    since: str | None = None
    until: str | None = None
    status: str | None = None
    statuses: frozenset[str] | None = None
    type: str | None = None
    search: str | None = None
    article_id: str | None = None
    merged: bool | None = None
    dated: bool = False
    newest_first: bool = False
    limit: int | None = None
    offset: int = 0


@dataclass(frozen=True)
class BoundEventQuery:
    """An EventQuery with its actor keys and its search resolved by one store."""

    query: EventQuery
    actor: ActorMatch | None = None
    dyad: tuple[ActorMatch, ActorMatch] | None = None
    found: frozenset[str] | None = None  # the articles the full-text search finds
    merged: bool = False

    def matches(self, e: Event) -> bool:
        """The meaning of the query, on an event as the store returns it (canonical actors)."""
        q = self.query
        lo, hi = date_bounds(e.date)
        if not _in_dates(lo, hi, q.since, q.until) or (q.dated and lo is None):
            return False
        if (q.status and e.status != q.status) or (q.statuses is not None and e.status not in q.statuses):
            return False
        if q.type and e.type != q.type.upper():
            return False
        if q.article_id and not any(s.article_id == q.article_id for s in e.sources):
            return False
        if self.actor and not (self.actor.matches(e.actor1) or self.actor.matches(e.actor2)):
            return False
        if self.dyad and not between(e, *self.dyad):
            return False
        if self.found is not None and not self._found(e):
            return False
        return True

    def _found(self, e: Event) -> bool:
        words = search_words(self.query.search)
        return (any(s.article_id in self.found for s in e.sources)
                or any(all(w in (s.sentence or "").lower() for w in words) for s in e.sources))


def between(e: Event, a: ActorMatch, b: ActorMatch) -> bool:
    """`a` on one side of the event and `b` on the other, in either direction."""
    return (a.matches(e.actor1) and b.matches(e.actor2)) or (b.matches(e.actor1) and a.matches(e.actor2))


@dataclass(frozen=True)
class ArticleQuery:
    """Articles in date order (`newest_first`: newest first by the moment of publication)."""

    ids: tuple[str, ...] | None = None
    outlet: str | None = None
    since: str | None = None
    until: str | None = None
    search: str | None = None
    actor: str | None = None
    newest_first: bool = False
    limit: int | None = None
    offset: int = 0


@dataclass(frozen=True)
class BoundArticleQuery:
    query: ArticleQuery
    actor_ids: frozenset[str] | None = None  # the per-article actor ids the actor key stands for
    found: frozenset[str] | None = None  # the articles the full-text search finds

    def matches(self, a: Article, actor_ids: Iterable[str] = ()) -> bool:
        """On an article and the per-article ids of the actors it names. The outlet is matched as
        SQL's LIKE does: part of the name, ignoring the case of ASCII letters."""
        q = self.query
        if q.ids is not None and a.id not in q.ids:
            return False
        if q.outlet and _ascii_lower(q.outlet) not in _ascii_lower(a.outlet or ""):
            return False
        day = (a.published or "")[:10] or None
        if not _in_dates(day, day, q.since, q.until):
            return False
        if self.found is not None and a.id not in self.found:
            return False
        if self.actor_ids is not None and not (set(actor_ids) & self.actor_ids):
            return False
        return True


def _ascii_lower(text: str) -> str:
    return "".join(c.lower() if c.isascii() else c for c in text)


@dataclass(frozen=True)
class QuoteQuery:
    """Quotations in the order of their articles' dates, then their place in the article."""

    speaker: str | None = None
    article_id: str | None = None
    search: str | None = None
    kind: str | None = None
    limit: int | None = None
    offset: int = 0


@dataclass(frozen=True)
class BoundQuoteQuery:
    query: QuoteQuery
    speaker_ids: frozenset[str] | None = None
    found: frozenset[str] | None = None

    def matches(self, q: Quote) -> bool:
        """On a stored quotation (its per-article speaker id)."""
        query = self.query
        if query.speaker and not (q.speaker_actor_id in self.speaker_ids
                                  or _ascii_lower(query.speaker) in _ascii_lower(q.speaker or "")):
            return False
        if query.article_id and q.article_id != query.article_id:
            return False
        if query.kind and q.kind != query.kind:
            return False
        return self.found is None or q.id in self.found


@dataclass(frozen=True)
class ActorQuery:
    """Actors, most mentioned first; `name` is found in any of the actor's fields (name, aliases, roles,
    country), ignoring case."""

    name: str | None = None
    kind: str | None = None
    limit: int | None = None
    offset: int = 0

    def matches(self, a: Actor) -> bool:
        if self.kind and a.kind != self.kind:
            return False
        if self.name:
            from ..records import to_dict

            return self.name.lower() in json.dumps(to_dict(a), ensure_ascii=False).lower()
        return True
