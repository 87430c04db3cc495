"""The HTML pages: search, article, actors, actor, timeline, network and dyad."""

from __future__ import annotations

import re
from collections import Counter

from fastapi import APIRouter, HTTPException, Request
from fastapi.responses import HTMLResponse

from ..store import Store
from . import data
from . import graph as events_view
from .app import CSP_TIMELINE, html
from .params import Actor, ActorKind, EventType, Outlet, Page, Q, Since, Status, Until

router = APIRouter(include_in_schema=False)


def page(path: str):
    """A page route answering GET and HEAD (link checkers and `curl -I` ask with HEAD)."""
    return router.api_route(path, methods=["GET", "HEAD"], response_class=HTMLResponse)

PER_PAGE = 20


def _store(request: Request) -> Store | None:
    """The store if it holds any article, else None (the page then says how to ingest)."""
    store = request.app.state.stores.get()
    if store is None or not store.has_articles():
        return None
    return store


def _counts(store: Store) -> dict:
    """Once per state of the store (a count reads a whole table on PostgreSQL): callers must not change it."""
    return store.view(("counts",), lambda: {t: store.count(t) for t in ("articles", "actors", "quotes", "events")})


def empty(request: Request, nav: str) -> HTMLResponse:
    return html(request, "empty.html", nav=nav)


# what the validators' wording means to a reader of the page
_PLAIN = [
    (re.compile(r"\bValue error, "), ""),
    (re.compile(r"Input should be a valid integer, unable to parse string as an integer"), "expected a whole number"),
    (re.compile(r"Input should be greater than or equal to (\d+)"), r"expected \1 or more"),
    (re.compile(r"Input should be less than or equal to (\d+)"), r"expected at most \1"),
]
_FIELDS = {"q": "search words", "since": "“from” date", "until": "“to” date", "a": "first actor", "b": "second actor"}


def plain_message(message: str) -> str:
    """A validation message in plain words: "since — bad date 'x' ..." rather than "Value error, ..."."""
    for pattern, words in _PLAIN:
        message = pattern.sub(words, message)
    message = re.sub(r"(^|; )(\w+): ", lambda m: f"{m.group(1)}{_FIELDS.get(m.group(2), m.group(2))}: ", message)
    return message[:1].upper() + message[1:]


def error_page(request: Request, status: int, message: str) -> HTMLResponse:
    titles = {404: "Not found", 422: "Bad request", 503: "Store unavailable"}
    message = plain_message(message) if status == 422 else message
    try:
        store = request.app.state.stores.get()
        is_empty = store is None or not store.has_articles()
    except Exception:  # noqa: BLE001 - the error page must render even when the store cannot be opened
        is_empty = False
    return html(request, "error.html", status_code=status, status=status,
                title=titles.get(status, "Error"), message=message, is_empty=is_empty)


def _paging(request: Request, page: int, has_next: bool) -> dict:
    def link(n: int) -> str:
        return str(request.url.include_query_params(page=n))
    return {"page": page, "prev": link(page - 1) if page > 1 else None, "next": link(page + 1) if has_next else None}


@page("/")
def search(request: Request, q: Q = None, outlet: Outlet = None, actor: Actor = None, since: Since = None,
           until: Until = None, page: Page = 1):
    store = _store(request)
    if store is None:
        return empty(request, "search")
    rows = data.list_articles(store, q=q, outlet=outlet, actor=actor, since=since, until=until,
                              limit=PER_PAGE + 1, offset=(page - 1) * PER_PAGE)
    quotes, actors = [], []
    if (q or actor) and page == 1:
        quotes = data.found_quotes(store, search=q, speaker=actor, limit=10)
        if q:
            actors = list(store.actors(name=q, limit=8))
    heads = data.headlines(store, [x.article_id for x in quotes])
    return html(request, "search.html", nav="search", q=q or "", outlet=outlet or "", actor=actor or "",
                since=since or "", until=until or "", rows=rows[:PER_PAGE], quotes=quotes, heads=heads,
                actors=actors, outlets=data.outlets(store), counts=_counts(store),
                filtered=any([q, outlet, actor, since, until]), **_paging(request, page, len(rows) > PER_PAGE))


@page("/articles/{article_id}")
def article(request: Request, article_id: str):
    store = request.app.state.stores.get()
    found = data.article_of(store, article_id) if store else None
    if found is None:
        raise HTTPException(404, f"No article with id {article_id!r}.")
    mentions = store.mentions(found.id)
    quotes = list(store.quotes(article_id=found.id))
    events = list(store.events(article_id=found.id))
    names = data.names_of(store, {m.actor_id for m in mentions})
    counts = Counter(m.actor_id for m in mentions)
    cast = [{"id": i, "name": names.get(i, i), "n": n} for i, n in counts.most_common()]
    original = data.headlines(store, [found.duplicate_of]).get(found.duplicate_of) if found.duplicate_of else None
    return html(request, "article.html", nav="search", a=found, cast=cast, quotes=quotes, events=events,
                segments=data.segments(found.body, mentions, quotes, events, names, found.id),
                duplicates=data.duplicates_of(store, found.id), original=original)


@page("/actors")
def actors(request: Request, q: Q = None, kind: ActorKind = None, page: Page = 1):
    store = _store(request)
    if store is None:
        return empty(request, "actors")
    rows = list(store.actors(name=q, kind=kind, limit=PER_PAGE * 2 + 1, offset=(page - 1) * PER_PAGE * 2))
    return html(request, "actors.html", nav="actors", q=q or "", kind=kind or "", rows=rows[:PER_PAGE * 2],
                **_paging(request, page, len(rows) > PER_PAGE * 2))


@page("/actors/{actor_id}")
def actor(request: Request, actor_id: str):
    store = request.app.state.stores.get()
    found = store.actor(actor_id) if store else None
    if found is None:
        raise HTTPException(404, f"No actor {actor_id!r}.")
    quotes = list(store.quotes(speaker=found.id, limit=30))
    events = events_view.actor_events(store, found.id, limit=50)
    articles = data.list_articles(store, actor=found.id, limit=20)
    heads = data.headlines(store, [x.article_id for x in quotes])
    return html(request, "actor.html", nav="actors", x=found, roles=data.role_bars(found.roles), quotes=quotes,
                heads=heads, events=events, articles=articles, co=data.co_actors(store, found.id))


@page("/timeline")
def timeline(request: Request, actor: Actor = None, a: Actor = None, b: Actor = None, status: Status = None,
             since: Since = None, until: Until = None, q: Q = None):
    store = _store(request)
    if store is None:
        return empty(request, "timeline")
    dyad = (a, b) if a and b else None
    entries, cut = events_view.timeline(store, actor=actor, dyad=dyad, since=since, until=until, search=q, status=status)
    return html(request, "timeline.html", nav="timeline", entries=entries, cut=cut, actor=actor or "",
                a=a or "", b=b or "", status=status or "", since=since or "", until=until or "", q=q or "",
                statuses=data.STATUSES, listed=list(reversed(entries[-100:])), csp=CSP_TIMELINE if entries else None)


@page("/network")
def network(request: Request, type: EventType = None, status: Status = None, since: Since = None,
            until: Until = None):
    store = _store(request)
    if store is None:
        return empty(request, "network")
    graph = events_view.network(store, type=type, status=status, since=since, until=until)
    names = {n["id"]: n["name"] for n in graph["nodes"]}
    return html(request, "network.html", nav="network", graph=graph, names=names, type=type or "",
                status=status or "", since=since or "", until=until or "", types=data.EVENT_TYPES,
                statuses=data.STATUSES)


@page("/dyad")
def dyad(request: Request, a: Actor = None, b: Actor = None):
    store = _store(request)
    if store is None:
        return empty(request, "dyad")
    if not (a and b):
        pair = events_view.top_pair(store)
        if pair:
            a, b = a or pair[0], b or pair[1]
    series = events_view.dyad_series(store, a, b) if a and b else []
    keys = [x for x in (a, b) if x]
    names = data.names_of(store, keys + [f"country:{x}" for x in keys])
    # the form shows names, not ids (a country code stays a code: it means the whole country)
    in_form = {x: names.get(x, x) for x in keys}
    titles = {x: names.get(x) or names.get(f"country:{x}") or x for x in keys}
    return html(request, "dyad.html", nav="dyad", a=a or "", b=b or "", name_a=in_form.get(a, ""),
                name_b=in_form.get(b, ""), title_a=titles.get(a, ""), title_b=titles.get(b, ""), series=series,
                quads=data.QUAD_NAMES)

