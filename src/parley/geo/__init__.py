"""Offline geocoding: place names to GeoNames entries (coordinates, ADM1, FIPS country codes)."""

from .gazetteer import fold
from .locate import locate_events, story_countries
from .resolve import Place, country_place, geocode

__all__ = ["Place", "country_place", "fold", "geocode", "locate_events", "story_countries"]
