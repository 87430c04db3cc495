"""Calendar arithmetic, in one place, on python-dateutil: relative weekdays, week/month/year offsets,
partial ISO dates ("2019", "2019-09", "2019-09-12") and the days they cover, month buckets and day
differences.

Nothing here reads text: the modules that find dates in sentences (events/when.py, stories/dates.py)
decide what a phrase means ("last Tuesday" = the Tuesday before publication) and ask this module
which day that is. Weeks start on Monday (ISO 8601), as `date.weekday()` counts them.
"""

from __future__ import annotations

from calendar import monthrange
from datetime import date, timedelta
from functools import lru_cache

from dateutil.relativedelta import relativedelta
from dateutil.relativedelta import weekday as _weekday
from dateutil.rrule import MONTHLY, rrule

DAY, MONTH, YEAR = "day", "month", "year"  # precisions of a partial ISO date
SATURDAY = 5
WEEKDAYS = {"monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4, "saturday": 5, "sunday": 6}


# ---- reading and writing ISO dates -----------------------------------------------------------------


def parse_day(value: str | date | None) -> date | None:
    """The day a full ISO date or timestamp starts with ('2019-09-12T08:00+02:00' -> 2019-09-12); None
    for anything shorter (a month or a year is not a day) or not a real day."""
    if isinstance(value, date):
        return value
    if not value or len(value) < 10:
        return None
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        return None


def partial_iso(day: date, precision: str) -> str:
    """A day written at a precision: '2019', '2019-09' or '2019-09-12'."""
    if precision == YEAR:
        return f"{day.year:04d}"
    if precision == MONTH:
        return f"{day.year:04d}-{day.month:02d}"
    return day.isoformat()


def precision_of(value: str) -> str:
    """The precision of a partial ISO date by its length: '2019' year, '2019-09' month, else day."""
    return YEAR if len(value) <= 4 else MONTH if len(value) <= 7 else DAY


# ---- partial dates as ranges -------------------------------------------------------------------------


@lru_cache(maxsize=8192)  # merging and sorting events ask for the same few thousand dates again and again
def bounds(value: str | None) -> tuple[date, date] | None:
    """The first and last day a partial ISO date covers: '2019-02' -> (2019-02-01, 2019-02-28).
    None for an empty or malformed value."""
    if not value:
        return None
    try:
        parts = [int(p) for p in value[:10].split("-")]
        if len(parts) == 1:
            return date(parts[0], 1, 1), date(parts[0], 12, 31)
        if len(parts) == 2:
            first = date(parts[0], parts[1], 1)
            return first, first.replace(day=monthrange(first.year, first.month)[1])
        day = date(*parts[:3])
    except (ValueError, TypeError):
        return None
    return day, day


@lru_cache(maxsize=8192)
def iso_bounds(value: str | None) -> tuple[str | None, str | None]:
    """`bounds` as ISO strings, (None, None) when there are none: for ordering and comparing with
    other ISO days as text."""
    found = bounds(value)
    return (found[0].isoformat(), found[1].isoformat()) if found else (None, None)


def first_day(value: str | None) -> tuple[date | None, str | None]:
    """The first day a partial ISO date covers and its precision ('2019-09' -> (2019-09-01, 'month')),
    (None, None) for an empty or malformed value: a partial date as a data tool's date column."""
    found = bounds(value)
    if found is None:
        return None, None
    parts = value[:10].count("-") + 1
    return found[0], (YEAR, MONTH, DAY)[min(parts, 3) - 1]


def start_of(value: str) -> date:
    """The first day a partial ISO date covers (ValueError when it is malformed)."""
    found = bounds(value)
    if found is None:
        raise ValueError(f"not a partial ISO date: {value!r}")
    return found[0]


def end_of(value: str) -> date:
    """The last day a partial ISO date covers (ValueError when it is malformed)."""
    found = bounds(value)
    if found is None:
        raise ValueError(f"not a partial ISO date: {value!r}")
    return found[1]


def overlaps(a: str | None, b: str | None) -> bool:
    """Whether two partial dates can mean the same day ('2019-09' and '2019-09-12' can)."""
    first, second = bounds(a), bounds(b)
    return bool(first and second and first[0] <= second[1] and second[0] <= first[1])


# ---- offsets -----------------------------------------------------------------------------------------


def add_days(day: date, days: int) -> date:
    # a plain timedelta: relativedelta costs ~50x more, and day sums run in the timeline's inner loops
    return day + timedelta(days=days)


def shift_day(value: str, days: int) -> str:
    """An ISO day moved by a number of days: ('2019-12-31', 1) -> '2020-01-01'."""
    return add_days(date.fromisoformat(value[:10]), days).isoformat()


def add_months(day: date, months: int) -> date:
    """The same day `months` later (or earlier), clipped to the end of a shorter month."""
    return day + relativedelta(months=months)


def month_start(day: date, months: int = 0) -> date:
    """The first day of the month `months` after the day's month."""
    return day + relativedelta(months=months, day=1)


def year_start(day: date, years: int = 0) -> date:
    """1 January of the year `years` after the day's year."""
    return day + relativedelta(years=years, month=1, day=1)


def ago(base: date, count: int, unit: str) -> date:
    """The day `count` days, weeks, months or years before `base` (a month or year earlier keeps the
    day of month where it can, clipped to the end of a shorter month)."""
    steps = {"day": relativedelta(days=count), "week": relativedelta(weeks=count),
             "month": relativedelta(months=count), "year": relativedelta(years=count)}
    return base - steps[unit]


# ---- weekdays ------------------------------------------------------------------------------------------


def relative_weekday(base: date, weekday: int, future: bool, skip_same_day: bool = False) -> date:
    """The nearest day with that weekday (0 = Monday) on the side of `base` the tense points to,
    `base` itself included; `skip_same_day` moves a match on `base` a whole week ('last Friday' said
    on a Friday is a week back)."""
    step = 1 if future else -1
    start = base + relativedelta(days=step) if skip_same_day else base
    return start + relativedelta(weekday=_weekday(weekday, step))


def week_saturday(base: date, weeks: int = 0) -> date:
    """The Saturday of the (Monday-first) week `weeks` after the week of `base`: its weekend."""
    return base + relativedelta(days=-base.weekday() + SATURDAY, weeks=weeks)


# ---- years for dates that name only a day and month -----------------------------------------------------


def occurrence(base: date, month: int, day: int, side: str = "nearest") -> date | None:
    """The date with that month and day, in base's year or the one before or after: the nearest to
    `base` (side 'nearest'; a tie goes to the earlier), the first on or after it ('after') or the last
    on or before it ('before'). None when no such day exists in those years (February 30)."""
    candidates = []
    for year in (base.year - 1, base.year, base.year + 1):
        try:
            candidates.append(date(year, month, day))
        except ValueError:
            continue
    if side == "after":
        return min((d for d in candidates if d >= base), default=None)
    if side == "before":
        return max((d for d in candidates if d <= base), default=None)
    return min(candidates, key=lambda d: abs((d - base).days), default=None)


def month_occurrence(base: date, month: int, future: bool) -> date:
    """The first day of the named month nearest `base` on the side the tense points to, `base`'s own
    month included ('in March' said in May is this March, or next March when it is planned)."""
    year = base.year
    if future and month < base.month:
        year += 1
    elif not future and month > base.month:
        year -= 1
    return date(year, month, 1)


# ---- months and day counts --------------------------------------------------------------------------------


def month_of(value: str) -> str:
    """The month bucket ('2019-09') of a partial ISO date of at least month precision."""
    return value[:7]


def month_range(first: str, last: str) -> list[str]:
    """Every month bucket from `first` to `last` inclusive ('2019-11', '2020-02' -> four months);
    empty when `last` comes first."""
    start, end = date.fromisoformat(first[:7] + "-01"), date.fromisoformat(last[:7] + "-01")
    return [f"{d.year:04d}-{d.month:02d}" for d in rrule(MONTHLY, dtstart=start, until=end)]


def days_between(earlier: str | date, later: str | date) -> int:
    """Days from one day to another (negative when `later` comes first)."""
    a = earlier if isinstance(earlier, date) else date.fromisoformat(earlier[:10])
    b = later if isinstance(later, date) else date.fromisoformat(later[:10])
    return (b - a).days
