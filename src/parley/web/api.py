"""The JSON API: the CLI's records (`parley ... --json`) with filters and paging.

Responses are documented in the OpenAPI schema by models of the records but built straight from
them (no per-request model validation: the records are already typed).
"""

from __future__ import annotations

from typing import Annotated, Generic, TypeVar

from fastapi import APIRouter, HTTPException, Query, Request
from fastapi.responses import JSONResponse, Response
from pydantic import BaseModel

from ..records import Actor, Article, Event, Mention, Quote, to_dict
from . import data, graph
from .params import (Blank, Actor as ActorQ, ActorKind, EventType, Limit, Offset, Outlet, Q, QuoteKind, Since, Speaker,
                     Status, Text, Until)

router = APIRouter(prefix="/api", tags=["api"])
With = Annotated[str | None, Blank, Query(alias="with", description="With `actor`: only events between the two.")]
T = TypeVar("T")


class Page(BaseModel, Generic[T]):
    items: list[T]
    limit: int
    offset: int
    next_offset: int | None = None


class ArticleFull(BaseModel):
    article: Article
    mentions: list[Mention]
    quotes: list[Quote]
    events: list[Event]
    duplicates: list[str]


class ActorFull(BaseModel):
    actor: Actor
    articles: int
    quotes: int
    events: int
    co_actors: list[dict]


class TimelineEntry(BaseModel):
    date: str
    text: str
    outlets: list[str] = []
    status: str | None = None
    sentence: str | None = None
    event_id: str | None = None


class DyadMonth(BaseModel):
    month: str
    quad1: int = 0
    quad2: int = 0
    quad3: int = 0
    quad4: int = 0
    goldstein: float = 0
    events: int = 0


class Graph(BaseModel):
    nodes: list[dict]
    edges: list[dict]
    total_pairs: int


NOT_FOUND = {404: {"description": "No such record", "content": {"application/json": {"example": {"detail": "..."}}}}}


def _store(request: Request):
    return request.app.state.stores.get()


def _page(items, limit: int, offset: int) -> JSONResponse:
    return JSONResponse(_page_body(items, limit, offset))


def _page_body(items, limit: int, offset: int) -> dict:
    items = [data.as_dict(x) for x in items]
    return {"items": items, "limit": limit, "offset": offset,
            "next_offset": offset + limit if len(items) == limit else None}


def _cached(store, key: tuple, compute) -> Response:
    """A JSON response made once per state of the store and kept as bytes (store/cache.py): under many
    clients the same page is asked for again and again, and building it is most of its cost."""
    body = store.view(("api",) + key, lambda: JSONResponse(compute()).body)
    return Response(body, media_type="application/json")


@router.get("/articles", summary="Articles", responses={200: {"model": Page[Article]}})
def articles(request: Request, q: Q = None, outlet: Outlet = None, actor: ActorQ = None, since: Since = None,
             until: Until = None, limit: Limit = 50, offset: Offset = 0):
    """Stored articles, oldest first (best match first with `q`)."""
    store = _store(request)
    if store is None:
        return _page([], limit, offset)

    def page() -> dict:
        if q:
            rows = data.list_articles(store, q=q, outlet=outlet, actor=actor, since=since, until=until,
                                      limit=limit, offset=offset)
            found = {a.id: a for a in store.articles(ids=[r.id for r in rows])}
            items = [found[r.id] for r in rows if r.id in found]
        else:
            items = list(store.articles(outlet=outlet, actor=actor, since=since, until=until, limit=limit,
                                        offset=offset))
        return _page_body(items, limit, offset)

    return _cached(store, ("articles", q, outlet, actor, since, until, limit, offset), page)


@router.get("/articles/{article_id}", summary="One article with its mentions, quotes and events",
            responses={200: {"model": ArticleFull}, **NOT_FOUND})
def article(request: Request, article_id: str):
    store = _store(request)
    found = data.article_of(store, article_id) if store else None
    if found is None:
        raise HTTPException(404, f"no article {article_id!r}")
    return JSONResponse({
        "article": to_dict(found),
        "mentions": [to_dict(m) for m in store.mentions(found.id)],
        "quotes": [to_dict(x) for x in store.quotes(article_id=found.id)],
        "events": [to_dict(e) for e in store.events(article_id=found.id)],
        "duplicates": [r.id for r in data.duplicates_of(store, found.id)],
    })


@router.get("/events", summary="Events", responses={200: {"model": Page[Event]}})
def events(request: Request, actor: ActorQ = None, with_: With = None, since: Since = None, until: Until = None,
           status: Status = None, type: EventType = None, limit: Limit = 50, offset: Offset = 0):
    """Events in date order, merged across articles once the cross-article step has run.
    `with` (with `actor`): only events between the two."""
    store = _store(request)
    if store is None:
        return _page([], limit, offset)

    def page() -> dict:
        if actor and with_:
            items = graph.events_between(store, actor, with_, limit=limit, offset=offset, since=since, until=until,
                                        status=status, type=type)
        else:
            items = list(store.events(actor=actor, since=since, until=until, status=status, type=type,
                                      limit=limit, offset=offset))
        return _page_body(items, limit, offset)

    return _cached(store, ("events", actor, with_, since, until, status, type, limit, offset), page)


@router.get("/quotes", summary="Quotations", responses={200: {"model": Page[Quote]}})
def quotes(request: Request, q: Q = None, speaker: Speaker = None, actor: ActorQ = None, kind: QuoteKind = None,
           article_id: Text = None, limit: Limit = 50, offset: Offset = 0):
    """Quotations in date order; `actor` is another name for `speaker`."""
    store = _store(request)
    if store is None:
        return _page([], limit, offset)
    return _cached(store, ("quotes", q, speaker or actor, kind, article_id, limit, offset), lambda: _page_body(
        list(store.quotes(speaker=speaker or actor, search=q, kind=kind, article_id=article_id, limit=limit,
                          offset=offset)), limit, offset))


@router.get("/actors", summary="Actors", responses={200: {"model": Page[Actor]}})
def actors(request: Request, q: Q = None, kind: ActorKind = None, limit: Limit = 50, offset: Offset = 0):
    """Actors, most mentioned first; `q` matches names and aliases."""
    store = _store(request)
    if store is None:
        return _page([], limit, offset)
    return _cached(store, ("actors", q, kind, limit, offset), lambda: _page_body(
        list(store.actors(name=q, kind=kind, limit=limit, offset=offset)), limit, offset))


@router.get("/actors/{actor_id}", summary="One actor", responses={200: {"model": ActorFull}, **NOT_FOUND})
def actor(request: Request, actor_id: str):
    store = _store(request)
    found = store.actor(actor_id) if store else None
    if found is None:
        raise HTTPException(404, f"no actor {actor_id!r}")
    return JSONResponse({
        "actor": to_dict(found),
        "articles": store.count_articles(actor=found.id),
        "quotes": sum(1 for _ in store.quotes(speaker=found.id, limit=10_000)),
        "events": sum(1 for _ in store.events(actor=found.id, limit=10_000)),
        "co_actors": data.co_actors(store, found.id),
    })


@router.get("/timeline", summary="Timeline entries", responses={200: {"model": list[TimelineEntry]}})
def timeline(request: Request, actor: ActorQ = None, a: ActorQ = None, b: ActorQ = None, since: Since = None,
             until: Until = None, status: Status = None, q: Q = None):
    """Dated events in order, in plain words (the latest 600); `a` and `b` together: a dyad."""
    store = _store(request)
    if store is None:
        return JSONResponse([])
    return _cached(store, ("timeline", actor, a, b, since, until, status, q), lambda: graph.timeline(
        store, actor=actor, dyad=(a, b) if a and b else None, since=since, until=until, search=q, status=status)[0])


@router.get("/dyad", summary="Monthly cooperation and conflict between two actors",
            responses={200: {"model": list[DyadMonth]}})
def dyad(request: Request, a: ActorQ, b: ActorQ):
    """Per month: events by quad class (1 verbal cooperation ... 4 material conflict) and the Goldstein sum.
    `a` and `b` are actors (id, name, alias) or country codes."""
    store = _store(request)
    if store is None or not a or not b:
        return JSONResponse([])
    return _cached(store, ("dyad", a, b), lambda: graph.dyad_series(store, a, b))


@router.get("/network", summary="Who did what to whom", responses={200: {"model": Graph}})
def network(request: Request, since: Since = None, until: Until = None, status: Status = None,
            type: EventType = None, limit: Limit = 150):
    """Actor pairs weighted by their events (top `limit` pairs)."""
    store = _store(request)
    if store is None:
        return JSONResponse({"nodes": [], "edges": [], "total_pairs": 0})
    return _cached(store, ("network", since, until, status, type, limit), lambda: graph.network(
        store, since=since, until=until, status=status, type=type, max_edges=limit))
