"""Publication dates from the strings pages print, with labels, zones and day order resolved.

dateparser reads the date itself (English only). Zone abbreviations and the day/month order are
ours: dateparser maps IST to Israel and reads 08-07-2020 month-first, which is wrong for an Indian
site, so both come from the outlet's entry in the table.
"""

from __future__ import annotations

import re
from datetime import datetime, timedelta, timezone
from functools import lru_cache
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from .tables import zone_table

MONTH = (r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
         r"sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?")
_DATE = re.compile(
    rf"\b(?:{MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}}|\d{{1,2}}(?:st|nd|rd|th)?\s+{MONTH},?\s+\d{{4}}"
    rf"|\d{{4}}-\d{{2}}-\d{{2}}|\d{{1,2}}[-/.]\d{{1,2}}[-/.]\d{{4}}|\d{{4}}/\d{{1,2}}/\d{{1,2}})",
    re.I,
)
_TIME = re.compile(r"\b\d{1,2}:\d{2}(?::\d{2})?\b|\b\d{1,2}\s*[ap]\.?m\b\.?", re.I)
LABELS = {
    "published": 0, "posted": 0, "created": 0, "first published": 0, "released": 0, "issued": 0,
    "date": 1, "updated": 2, "last updated": 2, "modified": 2, "last modified": 2, "edited": 2,
}
_LABEL = re.compile(r"^\s*(" + "|".join(sorted(LABELS, key=len, reverse=True)) + r")\b\s*(?:on|at)?\s*[:：-]?\s*",
                    re.I)
_UTC_OFFSET = re.compile(r"\b(?:UTC|GMT)\s*([+-]\d{1,2})(?::?(\d{2}))?")
_ABBR = re.compile(r"\b[A-Z]{2,5}\b")
_NUMERIC_OFFSET = re.compile(r"[+-]\d{2}:?\d{2}$|Z$")
_FILLER = re.compile(r"\s+(?:-|–|—|at|\||,)\s+|\s*,\s*(?=\d{1,2}:)", re.I)
_OTHER_WORDS = re.compile(r"[A-Za-z]{3,}")
_DATE_WORDS = re.compile(
    rf"^(?:{MONTH}|monday|tuesday|wednesday|thursday|friday|saturday|sunday|mon|tue|tues|wed|thu|thur|"
    rf"thurs|fri|sat|sun|am|pm|a\.m|p\.m|at|on|of|the|utc|gmt|[A-Z]{{2,5}})$", re.I)


EARLIEST_YEAR = 1900


def date_strings(line: str) -> list[tuple[int, str]]:
    """(priority, date text) for each labelled or bare date in a short header line, best first.

    The line is split on '|' so 'Reuters | Updated: ... | Created: ...' yields two dates; a segment
    counts only when little but the date and its label is in it (not a sentence mentioning a date).
    """
    found = []
    for segment in re.split(r"\s[|•·]\s|\s{3,}", line):
        label = _LABEL.match(segment)
        priority = LABELS[label.group(1).lower()] if label else 1
        text = segment[label.end():] if label else segment
        text = text.strip(" :|-")
        match = _DATE.search(text)
        if not match:
            continue
        leftover = _DATE.sub(" ", text)
        leftover = _TIME.sub(" ", leftover)
        extra = [w for w in _OTHER_WORDS.findall(leftover) if not _DATE_WORDS.match(w)]
        if len(extra) > 1:
            continue
        found.append((priority, text))
    return sorted(found, key=lambda p: p[0])


def has_date(line: str) -> bool:
    return bool(_DATE.search(line))


def parse_published(text: str, zone: str | None = None, day_first: bool = False) -> str | None:
    """ISO 8601: a datetime with offset when the text has a time and the zone is known, else a date."""
    text = " ".join(text.split())
    if not text:
        return None
    iso = _iso(text)
    if iso is not None and iso.year < EARLIEST_YEAR:
        return None  # '0001-01-01T00:00:00Z': a CMS's empty value, not a date
    if iso is not None:
        if iso.tzinfo is not None:
            return iso.isoformat()
        return _localise(iso, zone) if _TIME.search(text) or "T" in text else iso.date().isoformat()
    offset, body = _zone_of(text, zone)
    parsed = _dateparser(_FILLER.sub(" ", body).strip(" ,"), day_first)
    if parsed is None or parsed.year < EARLIEST_YEAR:
        return None
    if parsed.tzinfo is not None:
        return parsed.isoformat()
    if not _TIME.search(body):
        return parsed.date().isoformat()
    return _localise(parsed, offset or zone)


def _iso(text: str) -> datetime | None:
    if not re.match(r"^\d{4}-\d{2}-\d{2}", text):
        return None
    try:
        return datetime.fromisoformat(text.replace(" ", "T", 1).replace("Z", "+00:00"))
    except ValueError:
        return None


def _zone_of(text: str, zone: str | None) -> tuple[str | None, str]:
    """The offset or zone named in the text ('KST', 'GMT+5:30', 'EDT'), and the text without it."""
    if _NUMERIC_OFFSET.search(text):
        return None, text
    match = _UTC_OFFSET.search(text)
    if match:
        hours = int(match.group(1))
        minutes = int(match.group(2) or 0) * (1 if hours >= 0 else -1)
        return _fmt_offset(hours * 60 + minutes), _cut(text, match)
    table = zone_table()
    for match in _ABBR.finditer(text):
        abbr = match.group(0)
        value = table.get("by_zone", {}).get(zone or "", {}).get(abbr) or table["abbreviations"].get(abbr)
        if value:
            return value, _cut(text, match)
    return None, text


def _cut(text: str, match: re.Match) -> str:
    return (text[: match.start()] + " " + text[match.end():]).replace("()", " ").strip(" ,(")


def _localise(moment: datetime, zone: str | None) -> str:
    if not zone:
        return moment.date().isoformat()
    if zone.startswith(("+", "-")):
        sign = 1 if zone[0] == "+" else -1
        hours, minutes = zone[1:].split(":")
        tz = timezone(sign * timedelta(hours=int(hours), minutes=int(minutes)))
    else:
        try:
            tz = ZoneInfo(zone)
        except (ZoneInfoNotFoundError, ValueError):
            return moment.date().isoformat()
    return moment.replace(tzinfo=tz).isoformat()


def _fmt_offset(minutes: int) -> str:
    sign = "+" if minutes >= 0 else "-"
    minutes = abs(minutes)
    return f"{sign}{minutes // 60:02d}:{minutes % 60:02d}"


@lru_cache(maxsize=4096)
def _dateparser(text: str, day_first: bool) -> datetime | None:
    import dateparser

    settings = {
        "DATE_ORDER": "DMY" if day_first else "MDY",
        "PREFER_DAY_OF_MONTH": "first",
        "REQUIRE_PARTS": ["day", "month", "year"],
        "RETURN_AS_TIMEZONE_AWARE": False,
        "PARSERS": ["absolute-time"],
    }
    try:
        return dateparser.parse(text, languages=["en"], settings=settings)
    except (ValueError, OverflowError):
        return None
