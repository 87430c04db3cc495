"""Offline geocoding: place names to GeoNames entries (coordinates, ADM1, FIPS country codes)."""

from .gazetteer import fold
from .locate import actor_countries, locate_events, story_countries
from .resolve import Place, country_place, geocode

__all__ = ["Place", "actor_countries", "country_place", "fold", "geocode", "locate_events", "story_countries"]
