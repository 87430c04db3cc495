"""Calendar arithmetic (parley.dates): worked examples, and properties over many days.

The `_old_*` functions are the hand-written formulas the modules used before they called
parley.dates; the property tests check the new functions give the same days."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from parley import dates as cal

DAYS = st.dates(min_value=date(1900, 1, 1), max_value=date(2100, 12, 31))
WEEKDAY = st.integers(min_value=0, max_value=6)


# ---- worked examples ---------------------------------------------------------------------------------


def test_relative_weekdays_around_a_friday():
    friday = date(2024, 3, 15)
    assert cal.relative_weekday(friday, cal.WEEKDAYS["tuesday"], future=False) == date(2024, 3, 12)
    assert cal.relative_weekday(friday, cal.WEEKDAYS["tuesday"], future=True) == date(2024, 3, 19)
    assert cal.relative_weekday(friday, cal.WEEKDAYS["friday"], future=False) == friday
    assert cal.relative_weekday(friday, cal.WEEKDAYS["friday"], future=False, skip_same_day=True) == date(2024, 3, 8)
    assert cal.relative_weekday(friday, cal.WEEKDAYS["friday"], future=True, skip_same_day=True) == date(2024, 3, 22)


def test_weekends_last_this_and_across_a_month():
    assert cal.week_saturday(date(2024, 3, 13)) == date(2024, 3, 16)  # a Wednesday: this weekend
    assert cal.week_saturday(date(2024, 3, 13), -1) == date(2024, 3, 9)  # last weekend
    assert cal.week_saturday(date(2024, 3, 17), -1) == date(2024, 3, 9)  # said on Sunday: the week before's
    assert cal.week_saturday(date(2024, 3, 4), -1) == date(2024, 3, 2)
    assert cal.week_saturday(date(2024, 2, 28), 0) == date(2024, 3, 2)


def test_month_and_year_offsets_clip_to_short_months():
    assert cal.add_months(date(2024, 1, 31), 1) == date(2024, 2, 29)
    assert cal.add_months(date(2023, 3, 31), -1) == date(2023, 2, 28)
    assert cal.month_start(date(2024, 1, 31), -1) == date(2023, 12, 1)
    assert cal.year_start(date(2024, 7, 4), -3) == date(2021, 1, 1)
    assert cal.ago(date(2024, 3, 15), 3, "week") == date(2024, 2, 23)
    assert cal.ago(date(2024, 2, 29), 1, "year") == date(2023, 2, 28)
    assert cal.ago(date(2024, 5, 31), 1, "month") == date(2024, 4, 30)


def test_partial_dates_cover_the_days_they_name():
    assert cal.bounds("2019") == (date(2019, 1, 1), date(2019, 12, 31))
    assert cal.bounds("2019-02") == (date(2019, 2, 1), date(2019, 2, 28))
    assert cal.bounds("2020-02") == (date(2020, 2, 1), date(2020, 2, 29))
    assert cal.bounds("2019-09-12") == (date(2019, 9, 12), date(2019, 9, 12))
    assert cal.iso_bounds("2019-09-12T08:00:00+02:00") == ("2019-09-12", "2019-09-12")
    assert cal.iso_bounds(None) == (None, None)
    assert cal.end_of("2023-11") == date(2023, 11, 30)
    assert cal.start_of("2023") == date(2023, 1, 1)


@pytest.mark.parametrize("bad", ["", None, "2019-13", "2019-02-30", "May 2019", "2019-xx"])
def test_malformed_partial_dates_have_no_bounds(bad):
    assert cal.bounds(bad) is None
    if bad:
        with pytest.raises(ValueError):
            cal.end_of(bad)


def test_overlap_of_partial_dates():
    assert cal.overlaps("2019-09", "2019-09-12")
    assert cal.overlaps("2019", "2019-12-31")
    assert not cal.overlaps("2019-09", "2019-10-01")
    assert not cal.overlaps(None, "2019")


def test_a_day_and_month_without_a_year():
    base = date(2024, 1, 5)
    assert cal.occurrence(base, 12, 30) == date(2023, 12, 30)  # nearest: a week back, not a year ahead
    assert cal.occurrence(base, 12, 30, "after") == date(2024, 12, 30)
    assert cal.occurrence(base, 1, 5, "before") == base
    assert cal.occurrence(base, 1, 5, "after") == base
    assert cal.occurrence(base, 2, 30) is None
    assert cal.occurrence(date(2023, 3, 1), 2, 29, "after") == date(2024, 2, 29)


def test_named_month_on_the_side_of_the_tense():
    may = date(2024, 5, 20)
    assert cal.month_occurrence(may, 3, future=False) == date(2024, 3, 1)
    assert cal.month_occurrence(may, 3, future=True) == date(2025, 3, 1)
    assert cal.month_occurrence(may, 8, future=False) == date(2023, 8, 1)
    assert cal.month_occurrence(may, 5, future=True) == date(2024, 5, 1)


def test_month_buckets_and_day_counts():
    assert cal.month_range("2019-11", "2020-02") == ["2019-11", "2019-12", "2020-01", "2020-02"]
    assert cal.month_range("2019-11-30", "2019-11-01") == ["2019-11"]
    assert cal.month_range("2020-02", "2019-11") == []
    assert cal.month_of("2019-09-12") == "2019-09"
    assert cal.days_between("2019-12-31", "2020-03-01") == 61
    assert cal.days_between(date(2020, 3, 1), "2019-12-31") == -61
    assert cal.shift_day("2020-02-28", 1) == "2020-02-29"


def test_reading_and_writing_iso():
    assert cal.parse_day("2019-09-12T23:59:00-05:00") == date(2019, 9, 12)
    assert cal.parse_day("2019-09") is None
    assert cal.parse_day("2019-02-30") is None
    assert cal.parse_day(None) is None
    assert cal.partial_iso(date(2019, 9, 12), cal.MONTH) == "2019-09"
    assert cal.partial_iso(date(987, 1, 2), cal.YEAR) == "0987"
    assert [cal.precision_of(v) for v in ("2019", "2019-09", "2019-09-12")] == [cal.YEAR, cal.MONTH, cal.DAY]


# ---- the formulas the modules used before, as oracles ------------------------------------------------


def _old_weekday(base: date, target: int, future: bool, force_week: bool) -> date:
    """events/when.py `weekday` (force_week = 'next'/'last' in the phrase)."""
    if future:
        delta = (target - base.weekday()) % 7
        if force_week and delta == 0:
            delta = 7
    else:
        delta = -((base.weekday() - target) % 7)
        if force_week and delta == 0:
            delta = -7
    return base + timedelta(days=delta)


def _old_shift_months(d: date, months: int) -> date:
    index = d.year * 12 + d.month - 1 + months
    return date(index // 12, index % 12 + 1, 1)


def _old_weekend(base: date, offset: int) -> date:
    return base + timedelta(days=-base.weekday() - 2 if offset < 0 else 5 - base.weekday())


def _old_nearest(pub: date, month: int, day: int) -> date | None:
    """stories/dates.py: the year that puts the day nearest the publication date."""
    options = []
    for k in (-1, 0, 1):
        try:
            options.append(date(pub.year + k, month, day))
        except ValueError:
            pass
    return min(options, key=lambda d: abs((d - pub).days)) if options else None


def _old_on_side(base: date, month: int, day: int, future: bool) -> date | None:
    """events/when.py `_nearest_year`, for days every year has."""
    for year in (base.year, base.year + (1 if future else -1)):
        d = date(year, month, day)
        if (d >= base) == future or d == base:
            return d
    return None


def _old_month_range(first: str, last: str) -> list[str]:
    """stories/dyad.py `_month_range`."""
    y, m = int(first[:4]), int(first[5:7])
    out = []
    while f"{y:04d}-{m:02d}" <= last:
        out.append(f"{y:04d}-{m:02d}")
        y, m = (y + 1, 1) if m == 12 else (y, m + 1)
    return out


def _old_end_of(iso: str) -> date:
    """events/when.py `end_of`."""
    parts = [int(p) for p in iso.split("-")]
    if len(parts) == 1:
        return date(parts[0], 12, 31)
    if len(parts) == 2:
        return _old_shift_months(date(parts[0], parts[1], 1), 1) - timedelta(days=1)
    return date(*parts)


@given(DAYS, WEEKDAY, st.booleans(), st.booleans())
def test_relative_weekday_is_the_old_formula(base, target, future, force_week):
    found = cal.relative_weekday(base, target, future, skip_same_day=force_week)
    assert found == _old_weekday(base, target, future, force_week)
    assert found.weekday() == target
    assert 0 <= (found - base).days * (1 if future else -1) <= 7


@given(DAYS, st.integers(min_value=-240, max_value=240))
def test_month_offsets_are_the_old_formula(base, months):
    assert cal.month_start(base, months) == _old_shift_months(base, months)
    assert cal.partial_iso(cal.add_months(base, months), cal.MONTH) == \
        cal.partial_iso(_old_shift_months(base, months), cal.MONTH)


@given(DAYS, st.integers(min_value=-1, max_value=1))
def test_weekend_is_the_old_formula(base, offset):
    assert cal.week_saturday(base, -1 if offset < 0 else 0) == _old_weekend(base, offset)


@given(DAYS, st.integers(min_value=1, max_value=12), st.integers(min_value=1, max_value=31))
def test_nearest_occurrence_is_the_old_formula(base, month, day):
    assert cal.occurrence(base, month, day) == _old_nearest(base, month, day)


@given(DAYS, st.integers(min_value=1, max_value=12), st.integers(min_value=1, max_value=28), st.booleans())
def test_occurrence_on_the_side_of_the_tense_is_the_old_formula(base, month, day, future):
    found = cal.occurrence(base, month, day, "after" if future else "before")
    assert found == _old_on_side(base, month, day, future)
    assert (found >= base) if future else (found <= base)
    assert abs((found - base).days) <= 366


@given(DAYS, DAYS)
def test_month_range_is_the_old_formula(a, b):
    first, last = cal.month_of(min(a, b).isoformat()), cal.month_of(max(a, b).isoformat())
    months = cal.month_range(first, last)
    assert months == _old_month_range(first, last)
    assert months[0] == first and months[-1] == last
    assert len(months) == (int(last[:4]) - int(first[:4])) * 12 + int(last[5:]) - int(first[5:]) + 1


@given(DAYS, st.sampled_from([cal.YEAR, cal.MONTH, cal.DAY]))
def test_a_partial_date_covers_its_day(day, precision):
    value = cal.partial_iso(day, precision)
    lo, hi = cal.bounds(value)
    assert lo <= day <= hi
    assert cal.end_of(value) == _old_end_of(value)
    assert cal.precision_of(value) == precision
    assert cal.overlaps(value, day.isoformat())
    assert cal.add_days(hi, 1) == cal.start_of(cal.partial_iso(cal.add_days(hi, 1), precision))


@given(DAYS, st.integers(min_value=-5000, max_value=5000))
def test_day_shifts_and_differences_agree(day, n):
    moved = cal.shift_day(day.isoformat(), n)
    assert cal.days_between(day.isoformat(), moved) == n
    assert cal.parse_day(moved) == day + timedelta(days=n)


@given(DAYS, st.integers(min_value=0, max_value=60), st.sampled_from(["day", "week", "month", "year"]))
def test_ago_goes_back(base, n, unit):
    found = cal.ago(base, n, unit)
    assert found <= base
    if unit in ("day", "week"):
        assert cal.days_between(found, base) == n * (7 if unit == "week" else 1)
    elif unit == "month":
        assert cal.month_start(found) == _old_shift_months(base, -n)
    else:
        assert found.year == base.year - n
