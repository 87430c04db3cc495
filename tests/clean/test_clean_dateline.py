from __future__ import annotations

import pytest

from parley.clean.dateline import find_dateline, trailing_agency


@pytest.mark.parametrize(
    "paragraph, city, agency",
    [
        ("WASHINGTON -- US officials met on Tuesday.", "Washington", None),
        ("SEOUL, Aug. 24 (Yonhap) -- The ministers spoke.", "Seoul", "Yonhap"),
        ("NEW YORK (AP) — The council voted.", "New York", "AP"),
        ("UNITED NATIONS (AFP) - Diplomats said.", "United Nations", "AFP"),
        ("Nairobi, July 4 (Reuters) - Kenya offered talks.", "Nairobi", "Reuters"),
        ("VIENTIANE – Ministers agreed.", "Vientiane", None),
    ],
)
def test_datelines(paragraph, city, agency):
    found = find_dateline(paragraph)
    assert (found.city, found.agency) == (city, agency)


@pytest.mark.parametrize("paragraph", ["US -- the country said.", "The talks -- which began -- ended.",
                                       "Kim said: talks are over."])
def test_not_datelines(paragraph):
    assert find_dateline(paragraph) is None


def test_trailing_agency():
    assert trailing_agency("They will meet again next month. (Yonhap)") == "Yonhap"
    assert trailing_agency("They met in June (2019)") is None
