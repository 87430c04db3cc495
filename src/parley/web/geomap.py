"""The map page: events at their places on a tile-free world outline (Leaflet, vendored).

`/api/map` answers GeoJSON: one point per place, with how many events happened there and the
latest of them; events whose place was stored without coordinates are geocoded on the way out.
"""

from __future__ import annotations

from urllib.parse import urlencode

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, JSONResponse

from ..geo.locate import located, story_countries
from .app import html
from .params import Actor, EventType, Since, Status, Until

router = APIRouter()
# events read for one map: the latest ones when there are more (a map of every event of a large
# store would send megabytes and draw nothing more useful)
MAP_EVENTS = 5000
EVENTS_PER_PLACE = 8  # listed in a place's popup, latest first


@router.get("/map", response_class=HTMLResponse, include_in_schema=False)
def map_page(request: Request, actor: Actor = None, since: Since = None, until: Until = None,
             status: Status = None, type: EventType = None):
    from .data import EVENT_TYPES, STATUSES

    query = {k: v for k, v in dict(actor=actor, since=since, until=until, status=status, type=type).items() if v}
    source = "/api/map" + ("?" + urlencode(query) if query else "")
    return html(request, "map.html", nav="map", source=source,
                actor=actor or "", since=since or "", until=until or "", status=status or "", type=type or "",
                statuses=STATUSES, types=EVENT_TYPES)


@router.get("/api/map", tags=["api"], summary="Events by place, as GeoJSON points")
def map_points(request: Request, actor: Actor = None, since: Since = None, until: Until = None,
               status: Status = None, type: EventType = None) -> JSONResponse:
    store = request.app.state.stores.get()
    events = [] if store is None else list(store.events(actor=actor, since=since, until=until, status=status,
                                                        type=type))[-MAP_EVENTS:]
    return JSONResponse(places_geojson(events))


def places_geojson(events) -> dict:
    places: dict = {}
    unplaced = 0
    for event in events:
        loc = located(event.location, story_countries(a.country for a in (event.actor1, event.actor2) if a))
        if loc is None or loc.lat is None:
            unplaced += 1
            continue
        key = (round(loc.lat, 4), round(loc.lon, 4))
        place = places.setdefault(key, {"name": loc.name, "country": loc.country, "events": []})
        place["events"].append(event)
    features = []
    for (lat, lon), place in places.items():
        latest = sorted(place["events"], key=lambda e: e.date or "", reverse=True)[:EVENTS_PER_PLACE]
        features.append({"type": "Feature", "geometry": {"type": "Point", "coordinates": [lon, lat]},
                         "properties": {"name": place["name"], "country": place["country"],
                                        "count": len(place["events"]), "events": [_brief(e) for e in latest]}})
    return {"type": "FeatureCollection", "features": features, "unplaced": unplaced}


def _brief(event) -> dict:
    who = [a.name for a in (event.actor1, event.actor2) if a]
    first = event.sources[0] if event.sources else None
    return {"id": event.id, "date": event.date, "type": event.type, "status": event.status, "actors": who,
            "article_id": first.article_id if first else None}
