"""The publication date of a copied page: every place a page puts one, scored and sanity-checked.

Pages print their date in a labelled stamp ('Published: ...'), on a line of its own, inside a longer
header line (a byline, an outlet tag, words run together by the copy), in the dateline that opens the
story ('DHAKA, Feb 2, 2021 (BSS) -'), in a stamp after the story, and in the page address
(/2018/10/13/, -2021-04-26, 20221014). Dates inside the story's sentences are dates of events, not of
the page, and are not read. A date needs a year: 'July 4' gives no publication date. A date after
the day the page was read is a misreading (or a scheduled event), so it is dropped.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

from .dates import parse_published

MONTHS = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "oct": 10,
    "nov": 11, "dec": 12,
}
_MONTH = (r"(?i:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
          r"sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)")
_YEAR = r"(?P<year>(?:19|20)\d{2})(?!\d(?!\d?:\d\d))"  # '2023' but not '20231'; '202318:39' keeps '2023'
_DAY = r"(?P<day>(?<!\d)\d{1,2})(?:st|nd|rd|th)?"
# a month name starts a word, or follows capitals a copy ran into it ('AGENCYJanuary 20'), never 'Omar 12'
_MONTH_DAY = re.compile(rf"(?:(?<![A-Za-z])|(?<=[A-Z])(?=[A-Z][a-z]))(?P<month>{_MONTH})\.?\s+{_DAY}(?:\s?,)?\s+{_YEAR}")
_DAY_MONTH = re.compile(rf"{_DAY}(?:\s+of)?\s+(?P<month>{_MONTH})\.?(?:\s?,)?\s+{_YEAR}")
_NUMERIC = re.compile(r"(?<![\d.:/-])(?P<a>\d{1,2})(?P<sep>[./-])(?P<b>\d{1,2})(?P=sep)(?P<year>(?:19|20)\d{2})(?!\w)")
_YEAR_FIRST = re.compile(r"(?<![\d.:/-])(?P<year>(?:19|20)\d{2})(?P<sep>[./-])(?P<month>\d{1,2})(?P=sep)(?P<day>\d{1,2})(?!\d)")

# where a date sits, and how much that says it is the page's own date (higher wins)
SCORES = {
    "stamp": 10,     # a labelled 'Published/Posted' stamp or a date line of its own in the header
    "dateline": 9,   # the date in the dateline opening the story
    "header": 8,     # a date inside another header line (byline, outlet tag, run-together words)
    "updated": 6,    # an 'Updated' stamp: the publication day or later
    "address": 5,    # the page address: reliable, but pages move and archives re-date them
    "masthead": 4.5,  # a bare date above the headline: often the site's today, not the story's day
    "footer": 4,     # a stamp after the story ('first published', 'Publicado:')
}


@dataclass(frozen=True)
class DateClue:
    day: date
    where: str
    text: str  # the text the date was read from, for a full timestamp when it has one

    @property
    def score(self) -> int:
        return SCORES[self.where]


def dates_in(text: str, day_first: bool = True) -> list[tuple[date, int, int]]:
    """(date, start, end) for each full date in free text: named months, D/M/Y by `day_first`, Y-M-D."""
    found = []
    for pattern in (_MONTH_DAY, _DAY_MONTH):
        for match in pattern.finditer(text):
            month = MONTHS[match.group("month")[:3].lower()]
            found.append((_valid(int(match.group("year")), month, int(match.group("day"))), match.start(), match.end()))
    for match in _YEAR_FIRST.finditer(text):
        found.append((_valid(int(match.group("year")), int(match.group("month")), int(match.group("day"))),
                      match.start(), match.end()))
    for match in _NUMERIC.finditer(text):
        a, b = int(match.group("a")), int(match.group("b"))
        # '05.03.2024' is day first everywhere: the month-first countries write slashes
        day, month = (a, b) if day_first or match.group("sep") == "." else (b, a)
        if month > 12 >= day:  # '13/10/2018' can only be day-first, '10/13/2018' only month-first
            day, month = month, day
        found.append((_valid(int(match.group("year")), month, day), match.start(), match.end()))
    return sorted((f for f in found if f[0]), key=lambda f: f[1])


def _valid(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


_ADDRESS_YMD = re.compile(r"(?<![\d])(?P<year>(?:19|20)\d{2})[/_-](?P<month>\d{1,2})[/_-](?P<day>\d{1,2})(?=[/_.?#-]|$)")
_ADDRESS_NAMED = re.compile(rf"/(?P<year>(?:19|20)\d{{2}})/(?P<month>{_MONTH})/(?P<day>\d{{1,2}})/", re.I)
_ADDRESS_COMPACT = re.compile(r"(?:(?<=[/_=-])|(?<=[A-Za-z]))(?P<year>(?:19|20)\d{2})(?P<month>[01]\d)(?P<day>[0-3]\d)(?!\d{1,3}(?:\D|$))")


def address_date(url: str | None) -> date | None:
    """A full date in a page address: /2018/10/13/, /2022/8/29/, -2021-04-26/, /2022/may/20/, 20221014."""
    if not url:
        return None
    path = url.split("//", 1)[-1]
    path = path[path.find("/"):] if "/" in path else ""
    match = _ADDRESS_YMD.search(path)
    if match:
        return _valid(int(match.group("year")), int(match.group("month")), int(match.group("day")))
    match = _ADDRESS_NAMED.search(path)
    if match:
        return _valid(int(match.group("year")), MONTHS[match.group("month")[:3].lower()], int(match.group("day")))
    match = _ADDRESS_COMPACT.search(path)
    if match:
        return _valid(int(match.group("year")), int(match.group("month")), int(match.group("day")))
    return None


def best_published(clues: list[DateClue], today: date, zone: str | None, day_first: bool) -> str | None:
    """The best-placed clue not after `today`, as ISO 8601 (with the clock time when its text has one)."""
    usable = [c for c in clues if EARLIEST <= c.day <= today]
    if not usable:
        return None
    address = next((c.day for c in usable if c.where == "address"), None)
    agreeing = [c for c in usable if c.day == address and c.where != "address"]
    best = max(agreeing or usable, key=lambda c: c.score)  # text that agrees with the address wins
    if best.where != "address":
        full = parse_published(best.text, zone, day_first)
        if full and full[:10] == best.day.isoformat():
            return full
    return best.day.isoformat()


EARLIEST = date(1990, 1, 1)  # news pages on the web; earlier 'dates' are ids, sizes and counts


# lines that carry someone else's dates: a photo's, an embedded post's, a repeated teaser's
NOT_THE_PAGES = frozenset({"photo caption", "embedded social media post", "image alt text with sizes",
                           "duplicate of another paragraph", "repeated caption"})
HEADER_MAX_WORDS = 20  # a header line longer than this is a caption or standfirst: its dates are events'
FOOTER_REACH = 3  # an unlabelled date stamp this close under the story is the page's; further down, a list's
UNLABELLED = 1  # the priority dates.date_strings gives a date with no 'Published'/'Updated' label


def page_clues(lines, url: str | None, day_first: bool) -> list[DateClue]:
    """Date clues from a page's lines (clean/clutter.Line, roles decided) and its address.

    Stamps inside the story's span are left alone (a short line there is the story's); after the
    story only labelled stamps and those right under it count ('related' lists carry older dates);
    header lines that read as sentences are captions or standfirsts, whose dates are events'.
    """
    from .clutter import is_sentence, lowercase_share

    body = [l.index for l in lines if l.role == "body"]
    start, end = (body[0], body[-1]) if body else (len(lines), len(lines))
    headline = next((l.index for l in lines if l.role == "headline"), -1)
    clues: list[DateClue] = []
    for line in lines:
        if line.role == "body" or line.why in NOT_THE_PAGES or start < line.index < end:
            continue
        after = line.index > end
        near = line.index - end <= FOOTER_REACH
        stamps = line.meta.get("dates") or ()
        for priority, text in stamps:
            if after and priority == UNLABELLED and not near:
                continue
            for day, _s, _e in dates_in(text, day_first)[:1]:
                where = "footer" if after else ("updated" if priority >= 2 else "stamp")
                if where == "stamp" and priority == UNLABELLED and line.index < headline:
                    where = "masthead"
                clues.append(DateClue(day, where, text))
        if stamps or after or line.role == "headline":
            continue  # a date a headline names is the news's, not the page's
        sentence_like = is_sentence(line.text) and line.lower_share >= 0.5 and len(line.words) >= 6
        for day, at, _e in dates_in(line.text, day_first):
            if at <= 2 or (len(line.words) <= HEADER_MAX_WORDS and not sentence_like):
                clues.append(DateClue(day, "header", line.text[at:]))
                break
    for paragraph in [lines[i].text for i in body[:2]]:
        found = _dateline_clues(paragraph, day_first)
        if found:
            clues += found
            break
    day = address_date(url)
    if day:
        clues.append(DateClue(day, "address", day.isoformat()))
    return clues


def _dateline_clues(first: str, day_first: bool) -> list[DateClue]:
    """A date in the dateline that opens the story, or glued before its first sentence."""
    from .dateline import find_dateline

    found = find_dateline(first)
    head = first[: found.end] if found else first[:3]
    return [DateClue(day, "dateline", first[at:e]) for day, at, e in dates_in(head, day_first)[:1]] or \
        [DateClue(day, "dateline", first[at:e]) for day, at, e in dates_in(first, day_first)[:1] if at <= 2]


def ingest_day() -> date:
    """The latest day a page read now can carry: today, plus one day for zones ahead of ours."""
    return date.today() + timedelta(days=1)
