"""Places no GeoNames city or division table holds: seats of power and landmarks news uses for an
institution ("the Kremlin said"), and well-known regions that are no official first-level division
("Donbas", "Puntland"), or that lie over several countries ("the Sahel", "the South China Sea").

The knowledge is in data/landmarks.tsv (it changes with the world: a new seat of government, a new
federal member state); this module reads it and turns a row into a Place.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from .gazetteer import City, Gazetteer, fold, small_towns

TABLE = "data/landmarks.tsv"
KINDS = frozenset({"landmark", "region"})
EVERY_COUNTRY = "*"  # a seat every country has ("the presidential palace"): in the story's country's capital


@dataclass(frozen=True)
class Landmark:
    name: str  # the row's first name
    country: str  # ISO 3166 alpha-3; '' for a region over several countries; '*' for a seat of every country
    lat: float
    lon: float
    kind: str  # landmark (a building or site, placed in its city) | region
    city: str  # the city a landmark stands in ('' for a region)


@lru_cache(maxsize=1)
def landmarks() -> dict[str, tuple[Landmark, ...]]:
    """folded name -> the rows that carry it (a name may stand for a place in each of several countries)."""
    from importlib import resources

    text = resources.files(__package__).joinpath(TABLE).read_text("utf-8")
    found: dict[str, list[Landmark]] = {}
    for number, line in enumerate(text.splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        row = parse_row(line, number)
        for name in line.split("\t", 1)[0].split("|"):
            found.setdefault(fold(name), []).append(row)
    return {key: tuple(rows) for key, rows in found.items()}


def parse_row(line: str, number: int = 0) -> Landmark:
    """One table row; a malformed one is an error naming the table and the line (the table ships
    with the package, so a bad row is a defect to fix, not input to skip)."""
    cells = line.split("\t")
    try:
        names, country, lat, lon, kind, *rest = cells
        row = Landmark(names.split("|")[0].strip(), "" if country == "-" else country, float(lat), float(lon),
                       kind, rest[0].strip() if rest else "")
    except ValueError as error:
        raise ValueError(f"geo/{TABLE} line {number}: {error}: {line!r}") from None
    if kind not in KINDS or (row.country not in ("", EVERY_COUNTRY) and len(row.country) != 3) or not -90 <= row.lat <= 90:
        raise ValueError(f"geo/{TABLE} line {number}: bad kind, country or latitude: {line!r}")
    return row


def capital(g: Gazetteer, iso3: str) -> City | None:
    """A country's capital as a GeoNames city (the biggest of that name in the country)."""
    country = g.countries.get(iso3)
    if country is None or not country.capital:
        return None
    towns = [c for c, main in g.cities.get(fold(country.capital), []) if main and c.iso2 == country.iso2]
    return max(towns, key=lambda c: c.population, default=None)


def standing_city(g: Gazetteer, row: Landmark) -> City | None:
    """The GeoNames city a landmark stands in: of the cities of that name in its country, the
    nearest to it ("Arlington" of the Pentagon is the one in Virginia, not the bigger one in Texas)."""
    country = g.countries.get(row.country)
    if not row.city or country is None:
        return None
    key = fold(row.city)
    towns = [c for c, main in [*g.cities.get(key, []), *small_towns().get(key, [])] if c.iso2 == country.iso2]
    return min(towns, key=lambda c: (c.lat - row.lat) ** 2 + (c.lon - row.lon) ** 2, default=None)
