from datetime import date

from parley.events.lexicon import load_lexicon, place_country
from parley.events.when import resolve

BASE = date(2020, 7, 8)  # a Wednesday


def test_explicit_forms():
    assert resolve("Nov. 3", BASE, False) == ("2019-11-03", "explicit", "day")
    assert resolve("Nov. 3", BASE, True) == ("2020-11-03", "explicit", "day")
    assert resolve("June 30, 2019", BASE, False) == ("2019-06-30", "explicit", "day")
    assert resolve("June 2018", BASE, False) == ("2018-06", "explicit", "month")
    assert resolve("2018", BASE, False) == ("2018", "explicit", "year")
    assert resolve("mid-July", BASE, False) == ("2020-07", "explicit", "month")


def test_relative_forms():
    assert resolve("Tuesday", BASE, False)[0] == "2020-07-07"
    assert resolve("Tuesday", BASE, True)[0] == "2020-07-14"
    assert resolve("Wednesday", BASE, False)[0] == "2020-07-08"
    assert resolve("yesterday", BASE, False)[0] == "2020-07-07"
    assert resolve("last month", BASE, False)[:2] == ("2020-06", "relative")
    assert resolve("later this month", BASE, True)[0] == "2020-07"
    assert resolve("next year", BASE, True)[0] == "2021"
    assert resolve("three years ago", BASE, False)[0] == "2017"


def test_durations_are_not_dates():
    assert resolve("the past two years", BASE, False) is None
    assert resolve("the first day", BASE, True) is None


def test_code_table():
    lex = load_lexicon()
    assert (lex.code("040").quad, lex.code("040").goldstein) == (1, 1.0)
    assert (lex.code("163").type, lex.code("163").quad, lex.code("163").goldstein) == ("SANCTION", 4, -6.5)
    assert lex.code("0841").type == "RETREAT"


def test_place_country():
    assert place_country("Incheon Airport") == "KOR"
    assert place_country("the United States") == "USA"
    assert place_country("Atlantis") is None


def test_a_day_without_a_year_is_on_the_side_the_tense_points_to():
    new_year = date(2020, 1, 2)
    assert resolve("Dec. 30", new_year, False)[0] == "2019-12-30"
    assert resolve("Jan. 5", new_year, True)[0] == "2020-01-05"
    assert resolve("December", new_year, False)[0] == "2019-12"
    assert resolve("last weekend", BASE, False)[0] == "2020-07"  # Saturday 4 July
    assert resolve("last Wednesday", BASE, False)[0] == "2020-07-01"  # said on a Wednesday: a week back
    assert resolve("next Wednesday", BASE, True)[0] == "2020-07-15"


def test_a_month_named_with_last_this_or_next():
    spring = date(2025, 3, 13)
    assert resolve("last August", spring, False)[0] == "2024-08"
    assert resolve("since last August", spring, False)[0] == "2024-08"
    assert resolve("last March", spring, False)[0] == "2024-03"  # said in March: a year back
    assert resolve("next March", spring, True)[0] == "2026-03"
    assert resolve("this August", spring, True)[0] == "2025-08"
    assert resolve("this January", spring, False)[0] == "2025-01"


def test_the_part_of_a_year_or_month_is_that_year_or_month():
    assert resolve("the beginning of the year", BASE, False)[0] == "2020"
    assert resolve("since the start of the year", BASE, False)[0] == "2020"
    assert resolve("the end of the month", BASE, False)[0] == "2020-07"
