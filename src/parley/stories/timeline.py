"""Timelines: dated events in order, in plain words, with the outlets that reported them.

`build_timeline` returns a `Timeline`: a list of `TimelineEntry` that also carries `excluded`, the
articles kept out and why (no date: neither a publication date nor one in the text). Callers show
those on stderr.

By default a timeline holds what happened (status reported or historical); `status='planned'` asks
for announced events instead (events reported as happening after their article's date count as
planned). Contradictory dates across sources stay visible in `note`.

`summary=N` picks the N most important days of the process. Evidence per day (stories/dates.py):
the articles in scope that refer back to it (regex date references resolved against publication
dates), the articles published on it and the day after, and the merged events dated to it, each
worth its number of original sources times (1 + |Goldstein| / 10). For an actor or a dyad, only
days with an event of theirs can be chosen; otherwise any referenced day can, its entry being the
best event of the day or, failing one, the best sentence that refers to it.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field, replace

from ..ids import is_country_id
from ..records import Event, EventActor
from ..store import EventQuery, Store, date_bounds
from .dates import DateSignal
from .merge import HAPPENED
from .select import stored_statuses


@dataclass(frozen=True)
class TimelineEntry:
    date: str
    text: str  # the event in plain words
    outlets: list = field(default_factory=list)
    status: str = "reported"
    sentence: str = ""  # the best evidence sentence
    event_id: str | None = None  # None for a summary day known only from date references
    type: str | None = None
    n_sources: int = 0
    goldstein: float | None = None
    articles: list = field(default_factory=list)  # ids of the articles behind it
    note: str | None = None  # dates the sources disagree on, a plan it fulfils, ...


@dataclass(frozen=True)
class Excluded:
    article_id: str
    headline: str | None
    reason: str


class Timeline(list):
    """A list of TimelineEntry, plus the articles kept out of it (`excluded`) and, in `undated`, the
    events of articles with no date at all: shown in a section of their own rather than not at all."""

    def __init__(self, entries=(), excluded=(), undated=()) -> None:
        super().__init__(entries)
        self.excluded: list[Excluded] = list(excluded)
        self.undated: list[TimelineEntry] = list(undated)


# past tense with an object, base form with an object, past without, base without
_VERBS: dict[str, tuple[str, str, str, str]] = {
    "AGREE": ("agreed with", "agree with", "reached an agreement", "reach an agreement"),
    "CONSULT": ("met", "meet", "held talks", "hold talks"),
    "SUPPORT": ("expressed support for", "express support for", "expressed support", "express support"),
    "CONCEDE": ("made concessions to", "make concessions to", "made concessions", "make concessions"),
    "COOPERATE": ("cooperated with", "cooperate with", "cooperated", "cooperate"),
    "AID": ("gave aid to", "give aid to", "gave aid", "give aid"),
    "RETREAT": ("pulled back from", "pull back from", "pulled back", "pull back"),
    "REQUEST": ("made a request to", "make a request to", "made a request", "make a request"),
    "ACCUSE": ("accused", "accuse", "made accusations", "make accusations"),
    "REJECT": ("rejected", "reject", "refused", "refuse"),
    "THREATEN": ("threatened", "threaten", "issued threats", "issue threats"),
    "PROTEST": ("protested against", "protest against", "protested", "protest"),
    "SANCTION": ("imposed sanctions on", "impose sanctions on", "imposed sanctions", "impose sanctions"),
    "MOBILIZE": ("mobilized against", "mobilize against", "mobilized", "mobilize"),
    "COERCE": ("coerced", "coerce", "used force", "use force"),
    "ASSAULT": ("attacked", "attack", "carried out an attack", "carry out an attack"),
}
_CAMEO_VERBS: dict[str, tuple[str, str, str, str]] = {
    "036": ("expressed intent to meet", "express intent to meet", "offered talks", "offer talks"),
    "042": ("visited", "visit", "made a visit", "make a visit"),
    "043": ("hosted", "host", "hosted a visit", "host a visit"),
    "046": ("negotiated with", "negotiate with", "negotiated", "negotiate"),
    "057": ("signed an agreement with", "sign an agreement with", "signed an agreement", "sign an agreement"),
    "041": ("spoke by phone with", "speak by phone with", "held a phone call", "hold a phone call"),
    "051": ("praised", "praise", "expressed praise", "express praise"),
    "0831": ("stepped down from", "step down from", "stepped down", "step down"),
    "111": ("criticized", "criticize", "voiced criticism", "voice criticism"),
    "154": ("deployed forces against", "deploy forces against", "deployed forces", "deploy forces"),
    "163": ("imposed sanctions on", "impose sanctions on", "imposed sanctions", "impose sanctions"),
    "173": ("arrested", "arrest", "made arrests", "make arrests"),
    "195": ("fired on", "fire on", "used heavy weapons", "use heavy weapons"),
}


def actor_words(ref: EventActor | None) -> str:
    if ref is None:
        return ""
    is_country = is_country_id(ref.actor_id)
    if ref.country and not is_country and ref.country not in ref.name:
        return f"{ref.name} ({ref.country})"
    return ref.name


def plain_words(event: Event) -> str:
    """'Stephen Harlow (USA) met Lee Sang-ho (KOR) in Washington'."""
    past, base, past_alone, base_alone = _CAMEO_VERBS.get(event.cameo or "", _VERBS.get(
        event.type, (event.type.lower(), event.type.lower(), event.type.lower(), event.type.lower())))
    obj = actor_words(event.actor2)
    verb_past, verb_base = (past, base) if obj else (past_alone, base_alone)
    phrase = {"planned": f"is to {verb_base}", "negated": f"did not {verb_base}",
              "hypothetical": f"may {verb_base}"}.get(event.status, verb_past)
    text = " ".join(w for w in (actor_words(event.actor1) or "Someone", phrase, obj) if w)
    if event.location and event.location.name:
        text += f" in {event.location.name}"
    return text


def best_sentence(event: Event) -> str:
    """The evidence sentence that names the actors, reads as a sentence, from an original first."""
    names = [w.lower() for ref in (event.actor1, event.actor2) if ref for w in ref.name.split()[-1:]]

    def score(pair):
        n, source = pair
        text = source.sentence or ""
        words = len(text.split())
        return (sum(1 for w in names if w in text.lower()) + (1 if 6 <= words <= 60 else 0), -n)

    found = [(n, s) for n, s in enumerate(event.sources) if s.sentence]
    return max(found, key=score)[1].sentence if found else ""


def effective_status(event: Event) -> str:
    """Reported as happening after every report of it: planned (the merged store already says so)."""
    if event.status in HAPPENED and event.date and event.sources:
        latest = max((s.published or "")[:10] for s in event.sources)
        if latest and date_bounds(event.date)[0] > latest:
            return "planned"
    return event.status


def _note(event: Event) -> str | None:
    notes = []
    for c in event.context:
        if c.startswith("dates-disagree:"):
            pairs = [p.split("=") for p in c.split(":", 1)[1].split(";")]
            notes.append("sources disagree on the date: " + ", ".join(f"{d} ({n})" for d, n in pairs))
        elif c.startswith("planned:"):
            notes.append(f"announced earlier ({c.split(':', 1)[1]})")
        elif c.startswith("happened:"):
            notes.append(f"took place ({c.split(':', 1)[1]})")
    return "; ".join(notes) or None


def entry_for(event: Event, status: str) -> TimelineEntry:
    outlets = list(dict.fromkeys(s.outlet for s in event.sources if s.outlet))
    return TimelineEntry(
        date=event.date or "", text=plain_words(event if event.status == status else replace(event, status=status)), outlets=outlets, status=status,
        sentence=best_sentence(event), event_id=event.id, type=event.type, n_sources=event.n_sources,
        goldstein=event.goldstein, articles=list(dict.fromkeys(s.article_id for s in event.sources)),
        note=_note(event),
    )


def build_timeline(store: Store, *, actor: str | None = None, dyad: tuple[str, str] | None = None,
                   since: str | None = None, until: str | None = None, search: str | None = None,
                   status: str | None = None, summary: int | None = None) -> Timeline:
    wanted = {status} if status else set(HAPPENED)
    entries: list[TimelineEntry] = []
    undated: dict[str, str] = {}
    undated_entries: list[TimelineEntry] = []
    query = _query(wanted, actor, dyad, since, until, search)
    for e in store.events(query):
        st = _shown_status(e, wanted)
        if st is None:
            continue
        if not e.date:
            for s in e.sources:
                undated.setdefault(s.article_id, f"event '{plain_words(e)}' has no date: the article has no "
                                                 "publication date and the text gives none")
            undated_entries.append(entry_for(e, st))
            continue
        entries.append(entry_for(e, st))
    entries.sort(key=lambda x: (date_bounds(x.date)[0], -x.n_sources, x.event_id or ""))
    excluded = [Excluded(aid, _headline(store, aid), why) for aid, why in undated.items()]
    undated_entries.sort(key=lambda x: (-x.n_sources, -abs(x.goldstein or 0.0), x.event_id or ""))
    if summary is None:
        return Timeline(entries, excluded, undated_entries)
    scope = None if (actor or dyad) else (store.find_articles(search) if search else None)
    chosen, signal = _summary_days(store, entries, summary, since, until, scope, only_events=bool(actor or dyad))
    for aid in signal.undated:
        if aid not in undated:
            excluded.append(Excluded(aid, _headline(store, aid), "no publication date: cannot place it in time"))
    return Timeline(_summary_entries(store, entries, chosen, signal), excluded, undated_entries[:summary])


def latest_entries(store: Store, *, limit: int, actor: str | None = None, dyad: tuple[str, str] | None = None,
                   since: str | None = None, until: str | None = None, search: str | None = None,
                   status: str | None = None) -> tuple[list[TimelineEntry], bool]:
    """The latest `limit` dated entries of `build_timeline` with the same filters, in its order, and
    whether earlier ones were left out. Events are read newest first, a page at a time, until enough
    are kept: the cost follows `limit`, not the size of the store."""
    wanted = {status} if status else set(HAPPENED)
    query = replace(_query(wanted, actor, dyad, since, until, search), dated=True, newest_first=True)
    page = limit + limit // 4 + 1  # room for the few the status test drops
    entries: list[TimelineEntry] = []
    offset = 0
    while len(entries) <= limit:
        events = list(store.events(replace(query, limit=page, offset=offset)))
        for e in events:
            st = _shown_status(e, wanted)
            if st is not None and e.date:
                entries.append(entry_for(e, st))
        if len(events) < page:
            break
        offset += page
    cut = len(entries) > limit
    entries.sort(key=lambda x: (date_bounds(x.date)[0], -x.n_sources, x.event_id or ""))
    return entries[len(entries) - limit:] if cut else entries, cut


def _query(wanted: set[str], actor, dyad, since, until, search) -> EventQuery:
    return EventQuery(actor=actor, dyad=tuple(dyad) if dyad else None, since=since, until=until,
                      statuses=stored_statuses(wanted), search=search)


def _shown_status(e: Event, wanted: set[str]) -> str | None:
    """An event's status as the timeline shows it (None: it is left out)."""
    st = effective_status(e)
    return st if st in wanted else None


def _headline(store: Store, article_id: str) -> str | None:
    rows = store.article_summaries([article_id])
    return rows[0][1] if rows else None


def _summary_days(store: Store, entries: list[TimelineEntry], n: int, since, until, scope: set[str] | None,
                  only_events: bool) -> tuple[list[str], DateSignal]:
    signal = DateSignal()
    article_ids = {a for e in entries for a in e.articles} if only_events else scope
    for aid, published, body in store.article_texts(article_ids):
        signal.add_article(aid, published, body or "")
    extra: dict[str, float] = defaultdict(float)
    for e in entries:
        if len(e.date) >= 10:
            extra[e.date[:10]] += max(e.n_sources, 1) * (1 + abs(e.goldstein or 0.0) / 10)
    scores = signal.scores(extra)
    lo, hi = date_bounds(since)[0] or "", date_bounds(until)[1] or "~"
    days = [d for d in scores if lo <= d <= hi and (not only_events or d in extra)]
    days.sort(key=lambda d: (-scores[d], d))
    return sorted(days[:n]), signal


def _summary_entries(store: Store, entries: list[TimelineEntry], days: list[str],
                     signal: DateSignal) -> list[TimelineEntry]:
    by_day: dict[str, list[TimelineEntry]] = defaultdict(list)
    for e in entries:
        by_day[e.date[:10]].append(e)
    out = []
    for day in days:
        if by_day.get(day):
            out.append(max(by_day[day], key=lambda e: (e.n_sources, abs(e.goldstein or 0.0), bool(e.sentence))))
            continue
        sentence, article_id = signal.best_reference(day)
        rows = store.article_summaries([article_id]) if article_id else []
        outlet = rows[0][2] if rows else None
        out.append(TimelineEntry(date=day, text=_tidy(sentence), outlets=[outlet] if outlet else [],
                                 status="reported", sentence=sentence, articles=[article_id] if article_id else []))
    return out


def _tidy(sentence: str) -> str:
    return re.sub(r"\s+", " ", sentence).strip()
