from __future__ import annotations

import pytest

from parley.clean.dates import date_strings, parse_published


@pytest.mark.parametrize(
    "text, zone, day_first, expected",
    [
        ("Nov. 18, 2020 - 10:00", "Asia/Seoul", False, "2020-11-18T10:00:00+09:00"),
        ("07-07-2020 23:30 IST", "Asia/Kolkata", True, "2020-07-07T23:30:00+05:30"),
        ("08-07-2020 00:00 IST", None, True, "2020-07-08T00:00:00+05:30"),
        ("Thursday, 22 April 2021 7:43 AM", "Asia/Tehran", True, "2021-04-22T07:43:00+04:30"),
        ("Thursday, 22 April 2021 7:43 AM", None, False, "2021-04-22"),
        ("March 3, 2024", "Asia/Seoul", False, "2024-03-03"),
        ("2024-02-06T14:20:00+03:00", None, False, "2024-02-06T14:20:00+03:00"),
        ("2024-03-12 10:30:00", "America/New_York", False, "2024-03-12T10:30:00-04:00"),
        ("4:52 PM EDT, July 21, 2023", None, False, "2023-07-21T16:52:00-04:00"),
        ("12 Mar 2024, 06:05 PM SGT", None, True, "2024-03-12T18:05:00+08:00"),
        ("not a date", None, False, None),
    ],
)
def test_parse_published(text, zone, day_first, expected):
    assert parse_published(text, zone, day_first) == expected


def test_labels_prefer_created_over_updated():
    found = date_strings("AFP | Updated: 14-03-2022 09:15 IST | Created: 13-03-2022 21:40 IST")
    assert found[0] == (0, "13-03-2022 21:40 IST")


def test_sentences_mentioning_dates_are_not_date_lines():
    assert date_strings("The two leaders first met in Singapore on June 12, 2018, and again in Hanoi.") == []
