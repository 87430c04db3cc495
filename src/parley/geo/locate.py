"""Give events' places their coordinates: the pipeline step after event coding."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import replace

from ..records import Event, EventActor, Location
from .resolve import Place, geocode


# actor `country` values that are kinds of international actor, not countries
NON_STATE = frozenset({"IGO", "NGO", "IMG", "MNC", "ISM", "INT", "NGM"})


# actor sectors whose country says where the telling comes from, not where the story is: a story
# that cites a broadcaster or news agency is not about that outlet's country
NOT_WHERE = frozenset({"MED", "JRN"})


def actor_countries(actors: Iterable) -> list[str | None]:
    """The countries of a story's actors (records.Actor), one per mention, news outlets left out."""
    return [a.country for a in actors if a.sector not in NOT_WHERE for _ in range(max(a.mentions, 1))]


def story_countries(codes: Iterable[str | None]) -> list[str]:
    """ISO alpha-3 codes of a story (actor countries, one per mention), most frequent first."""
    counts = Counter(c for c in codes if c and len(c) == 3 and c.isalpha() and c.isupper() and c not in NON_STATE)
    return [c for c, _ in counts.most_common()]


def located(location: Location | None, countries: list[str]) -> Location | None:
    """The location with its GeoNames entry filled in (unchanged when already located or unknown)."""
    if location is None or location.lat is not None or not location.name:
        return location
    place = geocode(location.name, countries, country=location.country)
    if place is None:
        return location
    return with_place(location, place)


def with_place(location: Location, place: Place) -> Location:
    return replace(location, country=place.country or None, lat=place.lat, lon=place.lon, adm1=place.adm1,
                   geonames_id=place.geonames_id, feature=place.feature)


def locate_events(events: list[Event], countries: list[str]) -> list[Event]:
    return [replace(e, location=located(e.location, _hints(e, countries))) if e.location else e for e in events]


def _hints(event: Event, countries: list[str]) -> list[str]:
    own = [a.country for a in (event.actor1, event.actor2) if isinstance(a, EventActor) and a.country]
    return list(dict.fromkeys([*countries, *own]))
