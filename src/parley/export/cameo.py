"""CAMEO actor codes (GDELT's Actor1Code...): country + known group + type, each a 3-letter part
of the CAMEO actor code tables (data/cameo_codes.tsv, data/cameo_groups.tsv)."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from importlib import resources

from ..geo import fold
from ..records import EventActor

# parley's actor `country` values that are CAMEO international types, not countries
INTERNATIONAL = frozenset({"IGO", "NGO", "IMG", "MNC", "INT", "NGM"})
# ISO codes CAMEO writes otherwise: Kosovo has no ISO 3166 code; ISO's user-assigned XKX is CAMEO's KSV
CAMEO_COUNTRY = {"XKX": "KSV"}
# parley sectors (PLOVER sector names) -> CAMEO type codes. PLOVER's JRN (journalists) is CAMEO's MED;
# PLOVER's SOC (civil society) is CAMEO's CVL. Parties (PTY) and religious bodies (REL) have no CAMEO
# type (CAMEO codes parties as known groups and religion in its own columns), so they get none.
SECTOR_TYPE = {"JRN": "MED", "SOC": "CVL", "PTY": None, "REL": None}


@dataclass(frozen=True)
class ActorCode:
    code: str  # the whole code: 'USAGOV', 'IGONAT', 'IGOUNOGOV'
    country: str  # CAMEO country code ('' for international actors)
    group: str  # known-group code
    types: tuple  # type codes, in order (at most three fit GDELT's Type1..3Code)


@cache
def _table(name: str) -> list[list[str]]:
    text = resources.files(__package__).joinpath(f"data/{name}").read_text("utf-8")
    return [line.split("\t") for line in text.splitlines() if line.strip() and not line.startswith("#")]


@cache
def groups() -> dict[str, tuple[str, str]]:
    """folded name -> (known-group code, kind)."""
    found = {}
    for code, kind, names in _table("cameo_groups.tsv"):
        for name in names.split("|"):
            found.setdefault(fold(name), (code, kind))
    return found


@cache
def _group_pattern():
    """Group names of four letters or more, longest first, as whole words: found inside a longer
    name ("Group of Seven foreign ministers", "United Nations special envoy")."""
    import re

    names = sorted((n for n in groups() if len(n) >= 4), key=len, reverse=True)
    return re.compile(r"\b(" + "|".join(re.escape(n) for n in names) + r")\b")


def find_group(name: str, inside: bool = True) -> tuple[str, str]:
    """(known-group code, kind) for an actor name: the name itself, else (`inside`) a group named
    inside it."""
    key = fold(name)
    if key in groups():
        return groups()[key]
    found = _group_pattern().search(key) if inside else None
    return groups()[found.group(1)] if found else ("", "")


@cache
def group_codes() -> frozenset[str]:
    return frozenset(row[0] for row in _table("cameo_groups.tsv"))


@cache
def type_codes() -> frozenset[str]:
    return frozenset(code for table, code, _ in _table("cameo_codes.tsv") if table == "type")


@cache
def country_codes() -> frozenset[str]:
    import pycountry

    extra = {code for table, code, _ in _table("cameo_codes.tsv") if table == "country"}
    return frozenset({c.alpha_3 for c in pycountry.countries} | extra)


@cache
def _type_word_pattern():
    import re

    words = {fold(w): t for w, t in _table("cameo_type_words.tsv")}
    names = sorted(words, key=len, reverse=True)
    return re.compile(r"\b(" + "|".join(re.escape(n) for n in names) + r")\b"), words


def name_type(name: str) -> str:
    """The CAMEO type an organisation's own name gives ("Ministry of Health" GOV), or ''."""
    pattern, words = _type_word_pattern()
    found = pattern.findall(fold(name))
    return words[found[-1]] if found else ""


def place_country(name: str) -> str:
    """The country of a city or country an actor's name is, by the place's own name in the
    gazetteer (a city named as an actor stands for its people or authorities, coded with their
    country): '' when there is no such place, or namesakes abroad as big as the biggest."""
    from ..geo.gazetteer import load
    from ..geo.resolve import WORLD_CITY_FACTOR

    g = load()
    key = fold(name)
    if key in g.country_names:
        return g.country_names[key]
    cities = sorted((c for c, main in g.cities.get(key, []) if main), key=lambda c: -c.population)
    if not cities:
        return ""
    rival = next((c for c in cities if c.iso2 != cities[0].iso2), None)
    if rival is not None and cities[0].population < WORLD_CITY_FACTOR * max(rival.population, 1):
        return ""
    country = g.by_iso2.get(cities[0].iso2)
    return country.iso3 if country else ""


def _is_person(ref: EventActor) -> bool:
    return (ref.actor_id or "").startswith("per:")


def actor_code(ref: EventActor | None) -> ActorCode | None:
    """The CAMEO code of an event's actor, or None when nothing about it is known."""
    if ref is None:
        return None
    if not ref.country and not ref.sector and not _is_person(ref):
        # an organisation or group the actor layer knows nothing of: what its own name says
        ref = EventActor(ref.name, ref.actor_id, place_country(ref.name) or None, name_type(ref.name) or None)
    given = (ref.country or "").upper()
    # a group named inside a longer name only for actors without a country: "United States
    # ambassador to NATO" is American, not NATO
    group, kind = find_group(ref.name, inside=given in INTERNATIONAL or not given)
    if given in INTERNATIONAL:
        country, kind = "", given
    else:
        country = CAMEO_COUNTRY.get(given, given) if given in country_codes() or given in CAMEO_COUNTRY else ""
        if country:
            kind = ""  # a group with a country (Hamas in PSE) is coded country + group
    sector = (ref.sector or "").upper()
    mapped = SECTOR_TYPE.get(sector, sector) or ""
    if kind and mapped == "GOV":
        mapped = ""  # an international body is not a government: CAMEO has no 'IGOGOV'
    types = tuple(t for t in dict.fromkeys([kind, mapped]) if t and t in type_codes() and t != group)
    if not (country or group or types):
        return None
    # international actors lead with their type ('IGOUNO', 'IGONATMIL'); others with the country
    parts = [kind, group, *types[1:]] if kind else [country, group, *types]
    return ActorCode("".join(parts), country, group, types)


def invalid_parts(code: str) -> list[str]:
    """The parts of an actor code that are not in the CAMEO tables (empty: a valid code).

    A valid code is 3-letter parts: at most one country, first; known groups and types after it;
    no part twice (no 'IGOIGO').
    """
    if not code:
        return []
    if len(code) % 3:
        return [code]
    parts = [code[i:i + 3] for i in range(0, len(code), 3)]
    bad = []
    for i, part in enumerate(parts):
        if part in parts[:i]:
            bad.append(part)
        elif i == 0 and part in country_codes():
            continue
        elif part not in type_codes() and part not in group_codes():
            bad.append(part)
    return bad
