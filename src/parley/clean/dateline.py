"""Datelines ('SEOUL, Aug. 24 (Yonhap) --') and wire credits at the end of a story ('(AFP)')."""

from __future__ import annotations

import re
from dataclasses import dataclass

from .tables import agency_named

_DASH = r"(?:--|—|–|-|:)"
_CAPS_CITY = r"[A-Z][A-Z.'’]+(?:[ /-][A-Z][A-Z.'’]+){0,3}"
_MIXED_CITY = r"[A-Z][a-z.'’]+(?:[ -][A-Z][a-z.'’]+){0,2}"
_DAY = r"(?:[A-Z][a-z]{2,8}\.?\s+\d{1,2}|\d{1,2}\s+[A-Z][a-z]{2,8})"
_PLACE_TAIL = r"(?:,\s*[A-Z][A-Za-z.]+(?:\s[A-Z][A-Za-z.]+){0,2})?"
_CAPS = re.compile(
    rf"^(?P<city>{_CAPS_CITY}){_PLACE_TAIL}(?:\s*\[[^\]]{{2,30}}\])?(?:,\s*(?P<date>{_DAY}))?"
    rf"\s*(?:\((?P<agency>[^()]{{2,40}})\))?\s*{_DASH}\s+(?=\S)"
)
_MIXED = re.compile(
    rf"^(?P<city>{_MIXED_CITY})(?:\s*\[[^\]]{{2,30}}\])?(?:,\s*(?P<date>{_DAY}))?"
    rf"\s*\((?P<agency>[^()]{{2,40}})\)\s*{_DASH}\s+(?=\S)"
)
_TRAILING = re.compile(r"[(\[]\s*([A-Z][\w .&-]{1,40}?)\s*[)\]]\s*$|\s[—–-]{1,2}\s*([A-Z][\w .&-]{1,40}?)\s*$")
_SMALL = {"of", "de", "la", "el", "al", "and", "upon", "on"}


@dataclass(frozen=True)
class Dateline:
    city: str
    agency: str | None
    end: int  # where the story proper starts in the paragraph


def find_dateline(paragraph: str) -> Dateline | None:
    """The dateline opening a story's first paragraph, if any."""
    match = _CAPS.match(paragraph)
    if match and not _looks_like_acronym(match.group("city")):
        agency = agency_named(match.group("agency") or "")
        if match.group("agency") and not agency and not match.group("date"):
            return None
        return Dateline(normalise_city(match.group("city")), agency, match.end())
    match = _MIXED.match(paragraph)
    if match:
        agency = agency_named(match.group("agency"))
        if agency:
            return Dateline(normalise_city(match.group("city")), agency, match.end())
    return None


def trailing_agency(paragraph: str) -> str | None:
    """A wire credited at the end of the last paragraph: '... next month. (Yonhap)'."""
    match = _TRAILING.search(paragraph.strip())
    if not match:
        return None
    return agency_named(match.group(1) or match.group(2))


def normalise_city(city: str) -> str:
    """'NEW YORK' -> 'New York', 'ST. LOUIS' -> 'St. Louis'; mixed case is kept."""
    city = city.strip(" ,")
    if not city.isupper():
        return city
    words = []
    for i, word in enumerate(re.split(r"(\s+|-)", city)):
        low = word.lower()
        words.append(low if i and low in _SMALL else low[:1].upper() + low[1:])
    return "".join(words)


def _looks_like_acronym(city: str) -> bool:
    # 'US --' or 'NATO -' open sentences too; real datelines are city names of 3+ letters
    letters = city.replace(".", "").replace(" ", "")
    return len(letters) < 3 or (len(city.split()) == 1 and "." in city)
