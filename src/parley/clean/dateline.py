"""Datelines ('SEOUL, Aug. 24 (Yonhap) --') and wire credits at the end of a story ('(AFP)').

The shapes are those of news copy everywhere: a capitalised city (or two joined by '/'), an optional
region or country, an optional date (with or without the year), an optional credit in parentheses
or slashes ('(dpa/MIA)', '/TASS/'), then a dash or colon; the city-period-date-period-wire form
('Astana. July 4. KazTAG -'); and the date-first form ('March 5, 2019 (NAIROBI) -').
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .tables import agency_named, city_names, clutter_vocab

# month words of the languages wires write datelines in (English, Spanish, Portuguese, French)
_MONTH = (r"(?i:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|"
          r"oct(?:ober)?|nov(?:ember)?|dec(?:ember)?|ene(?:ro)?|abr(?:il)?|mayo|ago(?:sto)?|set|dic|"
          r"janv|févr|mars|avr|mai|juin|juil|août|déc)\.?")
_ORDINAL = r"\d{1,2}(?:st|nd|rd|th)?"
_DATE = rf"(?:{_MONTH}\s+{_ORDINAL}(?:,?\s+\d{{4}})?|{_ORDINAL}\s+(?:of\s+)?{_MONTH}(?:,?\s+\d{{4}})?)"
_DASH = r"(?:--|—|–|-|:)"
_CAPS_WORD = r"[A-Z][A-Z.'’]+"
_CAPS_CITY = rf"{_CAPS_WORD}(?:[ -]{_CAPS_WORD}){{0,3}}(?:/{_CAPS_WORD}(?:[ -]{_CAPS_WORD}){{0,2}})?"
_MIXED_WORD = r"[A-Z][a-zà-ÿ.'’]+"
_MIXED_CITY = rf"{_MIXED_WORD}(?:[ -](?:{_MIXED_WORD}|de|del|do|da)){{0,2}}(?:/{_MIXED_WORD}(?:[ -]{_MIXED_WORD}){{0,2}})?"
_PLACE_TAIL = rf"(?:,\s*(?!{_MONTH}\s)[A-Z][A-Za-z.]+(?:\s[A-Z][A-Za-z.]+){{0,2}}){{0,2}}"
_CREDIT = r"(?:\((?P<agency>[^()]{2,60})\)|/(?P<slashed>[A-Za-z][\w .-]{1,20})/\.?)"
_END = rf"(?:\s*{_DASH}\s+|(?<=[)/])\s+|(?<=/\.)\s+)(?=\S)"  # no dash only after a credit

_CAPS = re.compile(
    rf"^(?P<city>{_CAPS_CITY}){_PLACE_TAIL}(?:\s*\[[^\]]{{2,30}}\])?(?:,\s*(?P<date>{_DATE}))?\.?"
    rf"\s*{_CREDIT}?(?P<end>{_END})"
)
_MIXED = re.compile(rf"^(?P<city>{_MIXED_CITY})(?:,\s*(?P<date>{_DATE}))?\s*{_CREDIT}(?P<end>{_END})")
_PERIODS = re.compile(
    rf"^(?P<city>{_MIXED_CITY}|{_CAPS_CITY})\.\s+(?P<date>{_DATE})\.\s+(?P<agency>[A-Za-z][\w-]{{1,15}})\s*{_DASH}\s+(?=\S)")
_DATE_FIRST = re.compile(rf"^(?P<date>{_DATE}),?\s*\((?P<city>{_CAPS_CITY})\)\s*{_DASH}\s+(?=\S)")
_TRAILING = re.compile(r"[(\[]\s*([A-Z][\w .&-]{1,40}?)\s*[)\]]\s*$|\s[—–-]{1,2}\s*([A-Z][\w .&-]{1,40}?)\s*$")
_SMALL = {"of", "de", "la", "el", "al", "and", "upon", "on"}


@dataclass(frozen=True)
class Dateline:
    city: str
    agency: str | None
    end: int  # where the story proper starts in the paragraph


def find_dateline(paragraph: str) -> Dateline | None:
    """The dateline opening a story's first paragraph, if any."""
    for find in (_caps_dateline, _mixed_dateline, _periods_dateline, _date_first_dateline, _city_colon_dateline):
        found = find(paragraph)
        if found:
            return found
    return None


def _caps_dateline(paragraph: str) -> Dateline | None:
    match = _CAPS.match(paragraph)
    if not match or _looks_like_acronym(match.group("city")):
        return None
    credit = match.group("agency") or match.group("slashed")
    agency = agency_in(credit or "")
    dashed = bool(re.search(_DASH, match.group("end")))
    if credit and not agency and not match.group("date") and not _has_date(credit):
        return None  # 'NATO (the alliance) -': a name explained in brackets, not a credit
    if not dashed and not (agency or _has_date(credit or "") or match.group("slashed")):
        return None  # without a dash only a credit or a date marks the end of a dateline
    return Dateline(normalise_city(match.group("city")), agency, match.end())


def _mixed_dateline(paragraph: str) -> Dateline | None:
    match = _MIXED.match(paragraph)
    if not match:
        return None
    credit = match.group("agency") or match.group("slashed") or ""
    agency = agency_in(credit)
    # 'Nairobi, July 4 (Reuters) -', 'La Habana, 12 abr (RHC)': a known wire, or a date and an
    # all-capitals source code; 'Kim (the leader) said' has neither
    if agency or (match.group("date") and re.fullmatch(r"[A-Z]{2,6}", credit.strip())):
        return Dateline(normalise_city(match.group("city")), agency, match.end())
    return None


def _periods_dateline(paragraph: str) -> Dateline | None:
    match = _PERIODS.match(paragraph)
    if not match:
        return None
    agency = agency_named(match.group("agency"))
    if not agency and not re.search(r"[A-Z].*[A-Z]", match.group("agency")):
        return None
    return Dateline(normalise_city(match.group("city")), agency or match.group("agency"), match.end())


def _date_first_dateline(paragraph: str) -> Dateline | None:
    match = _DATE_FIRST.match(paragraph)
    if not match or _looks_like_acronym(match.group("city")):
        return None
    return Dateline(normalise_city(match.group("city")), None, match.end())


_CITY_COLON = re.compile(rf"^(?P<city>{_MIXED_CITY})(?:,\s*{_MIXED_WORD}(?:\s{_MIXED_WORD})?)?"
                         rf"\s*(?::|\s[—–-]{{1,2}})\s+(?=[A-Z\"“‘'])")


def _city_colon_dateline(paragraph: str) -> Dateline | None:
    """'Kathmandu: India and Nepal agreed ...': a city written in mixed case before a colon or dash.
    Headlines and labels take the same shape ('Analysis: ...'), so the word must name a known city."""
    match = _CITY_COLON.match(paragraph)
    if not match or len(paragraph.split()) < 8 or _looks_like_acronym(match.group("city")):
        return None
    if match.group("city").lower() not in city_names():
        return None
    return Dateline(match.group("city"), None, match.end())


def agency_in(credit: str) -> str | None:
    """The wire a dateline credit names: '(dpa/MIA)' -> dpa, '(Outlet News / Sputnik - 10th May)' -> Sputnik."""
    whole = agency_named(credit)
    if whole:
        return whole
    for part in re.split(r"\s*(?:/|,|;|\s[-–—]\s|\s\+\s)\s*", credit):
        found = agency_named(part)
        if found:
            return found
    return None


def _has_date(text: str) -> bool:
    return bool(re.search(rf"{_DATE}|\d{{1,2}}[./-]\d{{1,2}}[./-]\d{{2,4}}", text))


def trailing_agency(paragraph: str) -> str | None:
    """A wire credited at the end of the last paragraph: '... next month. (Yonhap)'."""
    match = _TRAILING.search(paragraph.strip())
    if not match:
        return None
    return agency_named(match.group(1) or match.group(2))


_REPORTING = re.compile(r"(?:^|[,;]\s+|\.\s+)(?:and\s+)?(?P<wire>[A-Z][\w.-]*(?:\s[A-Z][\w.-]*){0,2})"
                        r"\s+(?:also\s+)?(?:reports|notes|noted|adds|added)\s*[.”\"]*$")


def reporting_wire(paragraph: str) -> str | None:
    """A wire named as the teller in the story's last words ('..., EFE also notes.'): rewritten wire copy.
    'X reported' or 'according to X' cite a wire for one fact and do not credit the story."""
    tail = paragraph.strip()[-160:]
    match = _REPORTING.search(tail)
    if not match:
        return None
    return agency_named(match.group("wire").rstrip("."))


def normalise_city(city: str) -> str:
    """'NEW YORK' -> 'New York', 'ST. LOUIS' -> 'St. Louis', 'A/B' kept joined; mixed case is kept."""
    city = city.strip(" ,")
    if not city.isupper():
        return city
    words = []
    for i, word in enumerate(re.split(r"(\s+|-|/)", city)):
        low = word.lower()
        words.append(low if i and low in _SMALL else low[:1].upper() + low[1:])
    return "".join(words)


def _looks_like_acronym(city: str) -> bool:
    # 'US --' or 'NATO -' open sentences too; real datelines are city names of 3+ letters;
    # 'BREAKING:' and 'EXCLUSIVE -' label headlines
    if city.lower().strip(" .") in clutter_vocab()["headline_labels"]:
        return True
    letters = city.replace(".", "").replace(" ", "")
    return len(letters) < 3 or (len(city.split()) == 1 and "." in city)
