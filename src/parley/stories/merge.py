"""One real-world event, once: per-article events merged across outlets.

Two per-article events are the same event when they have
- the same PLOVER type and the same canonical actors (in either order for the symmetric types),
- the same status class: happened (reported, historical), planned, negated or hypothetical, and
- dates that agree at their precision ('2019-09' agrees with '2019-09-12'), or day dates one day
  apart (time zones, late reports); that disagreement is kept in `context` as
  'dates-disagree:2019-09-12=2;2019-09-13=1' (date=number of original sources giving it). One outlet
  writes its days in one time zone, so two of its reports whose own words date the act ("on Tuesday"
  in a Wednesday story, "on Wednesday" in a Thursday one) a day apart tell two acts on two days: a day
  a report only takes from its publication or its story's narrative (date_basis 'published',
  'narrative') is the one that can be a day off,
and come from different articles. An undated event (its article's date unknown, its text giving none)
merges with a copy of its own article, or with the same act reported elsewhere, dated or not, when
both place it and the places agree: participants, type and place agree and no explicit clue
conflicts.

Counting: events from an article that is a copy of another (`duplicate_of`) are merged and their
source listed, but `n_sources` counts distinct originals: a Reuters story carried by Yahoo is one.

An event reported as happening after its article's publication day is planned, whatever the
extractor said. A planned event later reported as happened is linked both ways through `context`:
the planned one gets 'happened:<merged id>', the happened one 'planned:<merged id>'.

In a store (`link_events`), new events are merged again with the events of their family (type and
actor pair) near them in time only: the rules above never join events further apart, so the result
is the one merging every event gives.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field, replace

from ..dates import days_between, overlaps, shift_day
from ..events.types import symmetric_types
from ..ids import record_id, slug
from ..records import Article, Event, EventActor, Source
from ..store.db import date_bounds
from ..store.linking import EventChange, Linking

SYMMETRIC = symmetric_types()  # the events' one type table
HAPPENED = frozenset({"reported", "historical"})
# date bases the act's own words give ("on March 3", "on Tuesday", "a day earlier"); 'narrative' and
# 'published' dates are the day of the story around the act, not the act's own
OWN_DATE = frozenset({"explicit", "relative"})


@dataclass
class _Member:
    article: Article
    event: Event
    order: int  # place of the article in time (publication, then ingestion)

    @property
    def root(self) -> str:
        return self.article.duplicate_of or self.article.id


@dataclass
class _Cluster:
    key: tuple
    members: list = field(default_factory=list)  # [_Member]

    def articles(self) -> set[str]:
        return {m.article.id for m in self.members}

    def dates(self) -> list[str]:
        return [m.event.date for m in self.members if m.event.date]


def status_of(article: Article, event: Event) -> str:
    """The event's status, with happened-after-publication turned into planned."""
    if event.status in HAPPENED and event.date and article.published:
        if date_bounds(event.date)[0] > article.published[:10]:
            return "planned"
    return event.status


def status_class(status: str) -> str:
    return "happened" if status in HAPPENED else status


def actor_key(ref: EventActor | None) -> str:
    if ref is None:
        return ""
    return ref.actor_id or f"name:{slug(ref.name)}"


def block_key(event: Event, status: str) -> tuple:
    a1, a2 = actor_key(event.actor1), actor_key(event.actor2)
    pair = tuple(sorted((a1, a2))) if event.type in SYMMETRIC else (a1, a2)
    return (event.type, pair, status_class(status))


def date_relation(a: str | None, b: str | None) -> str | None:
    """'same' when the dates agree at their precision, 'near' when day dates are one day apart."""
    if not a or not b:
        return None
    if overlaps(a, b):
        return "same"
    if len(a) >= 10 and len(b) >= 10:
        try:
            return "near" if abs(days_between(a, b)) == 1 else None
        except ValueError:
            return None
    return None


def _fit(member: _Member, cluster: _Cluster) -> str | None:
    """How well a member fits a cluster: 'same', 'near' or None."""
    if member.article.id in cluster.articles():
        return None
    day = member.event.date
    if not day:
        if not cluster.dates() and member.root in {m.root for m in cluster.members}:
            return "same"
        return "same" if _same_place(member, cluster) else None
    if not cluster.dates():
        return "same" if _same_place(member, cluster) else None
    relations = set()
    for other in cluster.members:
        if not other.event.date:
            continue
        relation = date_relation(day, other.event.date)
        if relation == "near" and _two_days_of_one_outlet(member, other):
            return None
        relations.add(relation)
    if not relations or None in relations:
        return None
    return "near" if "near" in relations else "same"


def _two_days_of_one_outlet(a: _Member, b: _Member) -> bool:
    """Are two dates a day apart both the act's own words in reports of one outlet, which writes its
    days in one time zone: two acts on two days, not one reported late?"""
    outlet = a.article.outlet
    return bool(outlet) and outlet == b.article.outlet and \
        a.event.date_basis in OWN_DATE and b.event.date_basis in OWN_DATE


def _same_place(member: _Member, cluster: _Cluster) -> bool:
    """Both place the act, and every place the cluster gives is the same place."""
    here = member.event.location
    places = [m.event.location for m in cluster.members if m.event.location is not None]
    if here is None or not places:
        return False
    return all(p.name.lower() == here.name.lower() for p in places)


def _lookup_keys(day: str | None) -> list[str]:
    if not day:
        return [""]
    keys = [day, day[:7], day[:4]]
    if len(day) >= 10:
        keys += [shift_day(day, k) for k in (-1, 1)]
    return keys


def cluster_events(items: Iterable[tuple[Article, Event]], order: dict[str, int] | None = None) -> list[_Cluster]:
    """Group per-article events into real-world events (see the module notes for the rules)."""
    order = order or {}
    members = []
    for n, (article, event) in enumerate(items):
        status = status_of(article, event)
        if status != event.status:
            event = replace(event, status=status)
        members.append(_Member(article, event, order.get(article.id, n)))
    members.sort(key=lambda m: (m.event.date is None, date_bounds(m.event.date)[0] or "", m.order, m.event.id))
    blocks: dict[tuple, dict[str, list[_Cluster]]] = defaultdict(lambda: defaultdict(list))
    clusters: list[_Cluster] = []
    for m in members:
        key = block_key(m.event, m.event.status)
        index = blocks[key]
        candidates = {id(c): c for k in _lookup_keys(m.event.date) for c in index.get(k, [])}
        # undated events and clusters may join any of the block by place (see _fit)
        candidates.update({id(c): c for c in index.get("", [])})
        if not m.event.date:
            candidates.update({id(c): c for cs in index.values() for c in cs})
        # broader clusters (month, year) are indexed under their own key; day clusters also
        # under their month and year so a partial date can find them
        if m.event.date and len(m.event.date) < 10:
            candidates.update({id(c): c for c in index.get("~" + m.event.date, [])})
        best, best_fit = None, None
        for c in candidates.values():
            fit = _fit(m, c)
            if fit and (best is None or (fit == "same" and best_fit != "same")
                        or (fit == best_fit and len(c.members) > len(best.members))):
                best, best_fit = c, fit
        if best is None:
            best = _Cluster(key)
            clusters.append(best)
        best.members.append(m)
        day = m.event.date or ""
        index[day].append(best)
        if len(day) >= 7:
            index["~" + day[:7]].append(best)
            index["~" + day[:4]].append(best)
    return clusters


def merged_event(cluster: _Cluster) -> Event:
    """The merged record of a cluster: the best-attested fields, every source, the original count."""
    members = sorted(cluster.members, key=lambda m: (m.order, m.event.id))
    first = members[0]
    rep = min(members, key=lambda m: (m.article.duplicate_of is not None, m.event.date_basis != "explicit",
                                      m.order, m.event.id))
    day, disagreement = _consensus_date(members)
    sources: list[Source] = []
    for m in sorted(members, key=lambda m: (m.article.duplicate_of is not None, m.order)):
        sources += _sources_of(m)
    context = list(dict.fromkeys(c for m in members for c in m.event.context))
    if disagreement:
        context.append(disagreement)
    cameo = _agreed_cameo([m.event.cameo for m in members if m.event.cameo]) or rep.event.cameo
    location = rep.event.location or next((m.event.location for m in members if m.event.location), None)
    return replace(
        rep.event,
        id=record_id("mev", first.event.id),
        date=day,
        date_basis=next((m.event.date_basis for m in members if m.event.date == day), rep.event.date_basis),
        cameo=cameo,
        location=location,
        context=context,
        sources=sources,
        n_sources=len({m.root for m in members}),
    )


def _sources_of(m: _Member) -> list[Source]:
    a = m.article
    if not m.event.sources:
        return [Source(article_id=a.id, outlet=a.outlet, published=a.published)]
    return [replace(s, article_id=s.article_id or a.id, outlet=s.outlet or a.outlet,
                    published=s.published or a.published) for s in m.event.sources]


def _consensus_date(members: list[_Member]) -> tuple[str | None, str | None]:
    """The most precise date most originals give, and a note when day dates disagree."""
    votes: Counter = Counter()
    roots: dict[str, set] = defaultdict(set)
    own: set[str] = set()
    for m in members:
        if m.event.date and m.event.date_basis in OWN_DATE:
            own.add(m.event.date)
        if m.event.date and m.root not in roots[m.event.date]:
            roots[m.event.date].add(m.root)
            votes[m.event.date] += 1
    if not votes:
        return None, None
    # most precise first, then a date the act's own words give over the day of a story around it
    # (a report that repeats "X met Y" the next day gives it its own news day), then most supported,
    # then earliest
    best = min(votes, key=lambda d: (-len(d[:10]), d not in own, -votes[d], d))
    days = sorted(d for d in votes if len(d) >= 10 and d[:10] != best[:10])
    if not days:
        return best, None
    shown = sorted({best, *days})
    return best, "dates-disagree:" + ";".join(f"{d}={votes[d]}" for d in shown)


def _agreed_cameo(codes: list[str]) -> str | None:
    """The most specific CAMEO code the others are prefixes of; else the most common one."""
    if not codes:
        return None
    longest = max(codes, key=len)
    if all(longest.startswith(c) for c in codes):
        return longest
    return Counter(codes).most_common(1)[0][0]


def link_plans(events: list[tuple[Event, _Cluster]]) -> list[Event]:
    """Point planned events at the happened event that fulfilled them, and back."""
    happened: dict[tuple, list[Event]] = defaultdict(list)
    for e, c in events:
        if c.key[2] == "happened":
            happened[c.key[:2]].append(e)
    notes: dict[str, list[str]] = defaultdict(list)
    for e, c in events:
        if c.key[2] != "planned":
            continue
        announced = min((s.published or "")[:10] for s in e.sources) if e.sources else ""
        for h in sorted(happened.get(c.key[:2], []), key=lambda x: date_bounds(x.date)[0] or "~"):
            if not h.date:
                continue
            fits = date_relation(e.date, h.date) is not None if e.date else date_bounds(h.date)[1] >= announced
            if fits:
                notes[e.id].append(f"happened:{h.id}")
                notes[h.id].append(f"planned:{e.id}")
                break
    return [replace(e, context=e.context + notes[e.id]) if notes.get(e.id) else e for e, _ in events]


def merge_events(items: Iterable[tuple[Article, Event]], order: dict[str, int] | None = None
                 ) -> list[tuple[Event, list[str]]]:
    """Merged events with the ids of the per-article events in each."""
    clusters = cluster_events(items, order)
    built = [(merged_event(c), c) for c in clusters]
    linked = link_plans(built)
    return [(e, [m.event.id for m in c.members]) for e, (_, c) in zip(linked, built)]


def family_of(event: Event) -> str:
    """The event's block without its status: its type and actor pair. Planned and happened events are
    linked within it (link_plans), so a new event re-merges its whole family and nothing else."""
    a1, a2 = actor_key(event.actor1), actor_key(event.actor2)
    pair = sorted((a1, a2)) if event.type in SYMMETRIC else (a1, a2)
    return "\x1f".join((event.type or "", *pair))


def link_events(store, *, generation: int | None = None, full: bool = False) -> dict:
    """Merge the per-article events that new articles, new copies or remapped actors touch, with every
    event of their family near them in time (all events: `full`), and record the result."""
    links = Linking(store)
    generation = store.generation() if generation is None else generation
    pending, replaced = links.pending("events", generation)
    full = full or replaced or links.needs_rebuild("events")
    change = EventChange()
    if full:
        decoded = _decoded(links, links.raw_events(None))
    else:
        decoded = _neighbourhood(links, change, pending)
    families = {e.id: family_of(e) for _, e, _ in decoded}
    change.bounds = {e.id: date_bounds(e.date) for _, e, _ in decoded}
    order = {a.id: rank for a, _, rank in decoded}
    merged = merge_events([(a, e) for a, e, _ in decoded], order)
    change.merged = [(e, members, families[members[0]]) for e, members in merged]
    links.save_events(change, "events", generation, whole=full)
    return links.event_counts()


def _neighbourhood(links: Linking, change: EventChange, pending: list[str]) -> list[tuple[Article, Event, tuple]]:
    """The touched per-article events and every event that can share a merged event with them, or with
    those, and so on: within a family, events whose dates are neither the same nor a day apart never
    merge, nor link as planned and happened (undated ones may: their whole family is taken)."""
    touched = links.events_of_articles([*pending, *links.dirty("article")])
    touched |= links.events_of_actors(links.dirty("actor"))
    decoded = _decoded(links, links.raw_events(touched))
    old = links.slots(touched)
    seeds = [(family_of(e), *date_bounds(e.date)) for _, e, _ in decoded]
    seeds += [(family, lo, hi) for family, lo, hi, _ in old.values()]
    found = _close_in_time(links, seeds, set(touched))
    change.dropped = {slot[3] for slot in [*old.values(), *found.values()]}
    return decoded + _decoded(links, links.raw_events(set(found) - touched))


def _close_in_time(links: Linking, seeds: list[tuple], touched: set[str]) -> dict[str, tuple]:
    """The stored events of the seeds' families near their dates, closed under nearness (see
    `_neighbourhood`); the touched events are left out (what is stored of them is their old place)."""
    found: dict[str, tuple] = {}
    whole = {f for f, lo, _ in seeds if lo is None or links.family_undated(f)}
    found.update({i: slot for i, slot in links.family_events(whole).items() if i not in touched})
    todo = [(f, lo, hi) for f, lo, hi in seeds if f not in whole]
    while todo:
        family, lo, hi = todo.pop()
        start, end = _shift(lo, -1), _shift(hi, 1)
        # a stored date spans a year at most: its date_lo is at most a year before its date_hi
        for i, slot in links.family_near(family, _shift(start, -367), end, start).items():
            if i not in found and i not in touched:
                found[i] = slot
                todo.append((family, slot[1], slot[2]))
    return found


def _shift(day: str, days: int) -> str:
    """An ISO day moved by some days; the bounds' deliberate day 31 of every month is read as its last day."""
    import calendar

    y, m, d = (int(x) for x in day[:10].split("-"))
    return shift_day(f"{y:04d}-{m:02d}-{min(d, calendar.monthrange(y, m)[1]):02d}", days)


class _Canonical:
    """Store.canonical_ref over the canonical actors of the given ids only (not the whole table)."""

    def __init__(self, found: dict[str, dict]) -> None:
        self.found = found

    def canonical_ref(self, ref: EventActor | None) -> EventActor | None:
        actor = self.found.get(ref.actor_id) if ref is not None and ref.actor_id else None
        if actor is None:
            return ref
        return ref.under(actor["id"], actor["name"], actor.get("country"), actor.get("sector"))


def _decoded(links: Linking, rows: list[tuple]) -> list[tuple[Article, Event, tuple]]:
    """(article cut to the fields merging reads, event with canonical actors, place of the article in
    time) for rows of `Linking.raw_events`."""
    from .select import decode_event  # select imports this module

    ids = {i for row in rows for i in row[8:10] if i}
    canon = _Canonical(links.canonical(ids))
    articles: dict[str, Article] = {}
    out = []
    for article_id, source, outlet, published, duplicate_of, day, rowid, data, _, _ in rows:
        article = articles.get(article_id)
        if article is None:
            article = articles[article_id] = Article(id=article_id, source=source, outlet=outlet,
                                                     published=published, duplicate_of=duplicate_of)
        out.append((article, decode_event(canon, data), (day is None, day or "", published or "", rowid)))
    return out
