"""Place names -> GeoNames entries, with ambiguity resolved by the countries of the story."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from .gazetteer import City, Gazetteer, fold, load, region_keys, regions, small_towns, subdivisions
from .landmarks import EVERY_COUNTRY, Landmark, capital, landmarks, standing_city

# A city in one of the story's countries wins over a namesake elsewhere unless the namesake is
# this many times bigger: a story about Texas that says "Paris" still means Paris, France, when
# the US is only one of several countries in it (and the place's own country is not given).
WORLD_CITY_FACTOR = 20
# How many of the story's countries (most mentioned first) speak for a city name: a country named
# once in passing should not pull "Geneva" to Illinois.
STORY_COUNTRIES = 2
# A city this big wins over a US state of the same name: news that says "Washington" or "New York"
# means the city far more often than the state (a small namesake town does not).
MAJOR_CITY = 500_000
# Words that follow a city's name without changing the place ("Kharkiv region", "Gaza City").
# "Guantanamo Bay": a bay, port or base named after its town is next to it.
PLACE_SUFFIXES = ("region", "province", "oblast", "city", "district", "governorate", "state", "area",
                  "airport", "county", "prefecture", "bay", "port", "air base", "base", "island", "archipelago")
# An island or archipelago may be named as a whole group ("Riau Archipelago" for the Riau Islands)
ISLAND_WORDS = ("island", "archipelago")


@dataclass(frozen=True)
class Place:
    name: str  # the gazetteer's name
    feature: str  # country | state (US state) | region (a division elsewhere) | city
    country: str  # ISO 3166 alpha-3
    country_iso2: str
    fips: str  # FIPS 10-4 country code
    adm1: str  # GDELT style: FIPS country code + ADM1 code ('USCA', 'UP07'); the FIPS code for a country
    lat: float | None
    lon: float | None
    geonames_id: int | None

    @property
    def gdelt_type(self) -> int:
        """GDELT geo type: 1 country, 2 US state, 3 US city, 4 world city, 5 world state (ADM1)."""
        if self.feature == "country":
            return 1
        if self.feature == "state":
            return 2
        if self.feature == "region":
            return 5
        return 3 if self.country == "USA" else 4


def geocode(name: str, countries: Sequence[str] = (), *, country: str | None = None) -> Place | None:
    """The place a name stands for. `countries`: ISO alpha-3 codes of the story, most present
    first (its actors' countries); `country`: the place's own country when the text gives it,
    which always wins."""
    return _geocode(name, tuple(countries), country)


@lru_cache(maxsize=100_000)
def _geocode(name: str, countries: tuple, country: str | None) -> Place | None:
    g = load()
    hints = [c for c in dict.fromkeys([country, *countries]) if c in g.countries]
    own = country in g.countries
    key = fold(name)
    if not key:
        return None
    if "," in key:  # "Springfield, Illinois", "Kharkiv, Ukraine": the tail narrows the head
        head, tail = key.split(",", 1)
        tail_place = geocode(tail, hints)
        if tail_place is not None:
            found = _lookup(g, head.strip(), [tail_place.country, *hints], True, state=tail_place)
            if found is not None:
                return found
        # a tail the gazetteer does not know ("Washington, DC"): the name without its comma
        key = " ".join(key.replace(",", " ").split())
    found = _from_table(g, key, hints) or _lookup(g, key, hints, own)
    if found is not None:
        return found
    words = key.split()
    while len(words) > 1 and words[-1] in PLACE_SUFFIXES:
        suffix, words = words[-1], words[:-1]
        if suffix == "state" and " ".join(words) in g.us_states:  # "Washington state"
            return _state(g, g.us_states[" ".join(words)])
        if suffix in ISLAND_WORDS:
            found = _lookup(g, " ".join(words) + " islands", hints, own)
            if found is not None:
                return found
        found = _from_table(g, " ".join(words), hints) or _lookup(g, " ".join(words), hints, own)
        if found is not None:
            return found
    return None


def _from_table(g: Gazetteer, key: str, hints: list[str]) -> Place | None:
    """A landmark or a region of data/landmarks.tsv: the row in one of the story's countries, else
    (unless a town or division of that name lies in one of them: "Westminster" in a story about
    Colorado) the row over several countries, else the name's one row (a name of rows in several
    countries, none the story's, is no place)."""
    rows = landmarks().get(key)
    if not rows:
        return None
    if rows[0].country == EVERY_COUNTRY:
        return _seat_in_capital(g, rows[0], hints)
    near = hints[:STORY_COUNTRIES]
    row = next((r for hint in near for r in rows if r.country == hint), None)
    if row is None:
        if _named_in(g, key, near):
            return None
        row = next((r for r in rows if not r.country), rows[0] if len(rows) == 1 else None)
    return _table_place(g, row) if row else None


def _seat_in_capital(g: Gazetteer, row: Landmark, hints: list[str]) -> Place | None:
    """A seat every country has ("the presidential palace") stands in the capital of the story's
    first country; with no country to go by it is no place."""
    city = capital(g, hints[0]) if hints else None
    if city is None:
        return None
    place = _city(g, city)
    return Place(row.name, "city", place.country, place.country_iso2, place.fips, place.adm1, city.lat, city.lon,
                 city.geonames_id) if place else None


def _named_in(g: Gazetteer, key: str, countries: list[str]) -> bool:
    """Whether a city, town or first-level division of these countries has this name."""
    iso2 = {g.countries[c].iso2 for c in countries if c in g.countries}
    if any(c.iso2 in iso2 for c, main in g.cities.get(key, []) if main):
        return True
    if any(c.iso2 in iso2 for c, _ in small_towns().get(key, [])):
        return True
    return any((i, k) in regions() for i in iso2 for k in region_keys(key))


def _table_place(g: Gazetteer, row: Landmark) -> Place | None:
    if not row.country:  # a region over several countries: a point, no one country
        return Place(row.name, "region", "", "", "", "", row.lat, row.lon, None)
    country = g.countries.get(row.country)
    if country is None:
        return None
    if row.kind == "region":
        return Place(row.name, "region", country.iso3, country.iso2, country.fips, country.fips, row.lat, row.lon, None)
    city = standing_city(g, row)
    adm1 = country.fips + city.admin1 if city and city.admin1 not in ("", "00") else country.fips
    return Place(row.name, "city", country.iso3, country.iso2, country.fips, adm1, row.lat, row.lon,
                 city.geonames_id if city else None)


def _lookup(g: Gazetteer, key: str, hints: list[str], own: bool, state: Place | None = None) -> Place | None:
    iso3 = g.country_names.get(key)
    us_state = g.us_states.get(key)
    candidates = g.cities.get(key, [])
    if us_state and not any(c.population >= MAJOR_CITY for c, _ in candidates):
        # a name of both (Georgia): the state when the story is more about the US than that country
        if iso3 is None or ("USA" in hints and (iso3 not in hints or hints.index("USA") < hints.index(iso3))):
            return _state(g, us_state)
    if iso3:
        return country_place(iso3)
    region = _subdivision(key, hints)
    if region is not None and not any(_city_wins(c, region) for c, _ in candidates):
        return region
    city = _best_city(candidates, hints, own, state, key=key)
    if city is None and hints:
        city = _best_city(small_towns().get(key, []), hints[:1] if own else hints, True, state, local_only=True)
    if city is not None:
        return _city(g, city)
    return region


def _city_wins(city: City, region: Place) -> bool:
    """Whether a city beats a province of the same name in one of the story's countries: a city in
    that same country (a province is mostly named after its capital, and the city is in it), or a
    major city anywhere."""
    return city.iso2 == region.country_iso2 or city.population >= MAJOR_CITY


def _subdivision(key: str, hints: list[str]) -> Place | None:
    """A province, state or region of one of the story's countries: a GeoNames division (with the
    median point of its towns), else an ISO 3166-2 name (pycountry) that no table places."""
    g = load()
    keys = region_keys(key)
    for hint in hints:
        if hint == "USA":  # US states are in the gazetteer itself, with points
            continue
        country = g.countries[hint]
        region = next((regions()[(country.iso2, k)] for k in keys if (country.iso2, k) in regions()), None)
        if region is not None:
            adm1 = country.fips + region.admin1 if region.admin1 else country.fips
            return Place(region.name, "region", country.iso3, country.iso2, country.fips, adm1,
                         region.lat, region.lon, None)
        found = subdivisions().get((country.iso2, key))
        if found is not None:
            return Place(found, "region", country.iso3, country.iso2, country.fips, country.fips, None, None, None)
    return None


def _best_city(candidates: list[tuple[City, bool]], hints: list[str], own: bool,
               state: Place | None, local_only: bool = False, key: str = "") -> City | None:
    if not candidates:
        return None
    g = load()
    iso3 = {c.geonames_id: g.by_iso2[c.iso2].iso3 if c.iso2 in g.by_iso2 else "" for c, _ in candidates}
    if state is not None and state.feature == "state":
        in_state = [c for c, _ in candidates if c.iso2 == "US" and "US" + c.admin1 == state.adm1]
        if in_state:
            return max(in_state, key=lambda c: c.population)
    if hints and not local_only:
        # GeoNames' other names of a far-away city ("Bali" for Bari) are weak evidence against a
        # story that never mentions its country: only own names count outside the story's countries
        # ... unless the other name is the city's own name with more after it ("Washington DC")
        candidates = [(c, main) for c, main in candidates
                      if main or iso3[c.geonames_id] in hints or key.startswith(fold(c.name) + " ")]
        if not candidates:
            return None
    biggest = max(candidates, key=lambda cm: (cm[0].population, cm[1]))[0]
    for rank, hint in enumerate(hints[:STORY_COUNTRIES + (1 if own else 0)]):
        # in the story's countries only a city's own name counts: GeoNames' alternate names carry
        # strays (a US town listed as "Quebec") that would beat the real place
        local = [c for c, main in candidates if iso3[c.geonames_id] == hint and (main or not local_only and own)]
        if local:
            best = max(local, key=lambda c: c.population)
            if (rank == 0 and own) or local_only or biggest.population < WORLD_CITY_FACTOR * max(best.population, 1):
                return best
    return None if local_only else biggest


def country_place(iso3: str) -> Place | None:
    g = load()
    c = g.countries.get(iso3)
    if c is None:
        return None
    return Place(c.name, "country", c.iso3, c.iso2, c.fips, c.fips, c.lat, c.lon, c.geonames_id)


def _state(g: Gazetteer, state: tuple[str, str, int]) -> Place:
    code, name, geonames_id = state
    lat, lon = g.admin1_points.get(("US", code), (None, None))
    us = g.countries["USA"]
    return Place(name, "state", "USA", "US", us.fips, "US" + code, lat, lon, geonames_id)


def _city(g: Gazetteer, city: City) -> Place | None:
    country = g.by_iso2.get(city.iso2)
    if country is None:
        return None
    adm1 = country.fips + city.admin1 if city.admin1 and city.admin1 != "00" else country.fips
    return Place(city.name, "city", country.iso3, country.iso2, country.fips, adm1, city.lat, city.lon,
                 city.geonames_id)
