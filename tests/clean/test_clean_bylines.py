"""Bylines without 'By': a bare name next to the date line; credits split into names and agencies."""

from __future__ import annotations

import pytest

from parley.clean import clean_document
from parley.clean.metadata import parse_byline, split_authors
from parley.ids import content_id
from parley.options import Options
from parley.records import Document

STORY = [
    "Delegates from the two river-basin states spent a second day on Wednesday arguing over how much water "
    "each may draw from the shared reservoir during the dry season, officials said.",
    "The chair of the basin commission said a draft text would be circulated to both capitals before the next "
    "round, which is expected to take place in Harare at the end of the month.",
    "Neither delegation commented on the record, but one official said the gap on dry-season quotas had "
    "narrowed since the talks opened in the spring.",
]
HEADLINE = "Basin states fail to agree dry-season water quotas"


def clean(*top: str):
    text = "\n\n".join(["Zambezi Ledger", "Environment", HEADLINE, *top, *STORY, "Advertisement"])
    return clean_document(Document(content_id(text), "s.txt", "text", text), Options())


def test_bare_name_above_the_date_is_the_author():
    article = clean("Share this article", "Chipo Banda", "Published: 9:15am, 8 May 2024")
    assert article.authors == ["Chipo Banda"]
    assert "Chipo Banda" in article.removed and "Chipo Banda" not in article.body


def test_bare_name_below_the_date_in_capitals():
    assert clean("8 May 2024", "TENDAI MOYO").authors == ["Tendai Moyo"]


@pytest.mark.parametrize("label", ["Dry Seasons", "Water Security", "Zambezi Basin"])
def test_topic_label_named_in_the_story_is_not_a_byline(label):
    # each label shares a word with the story; a reporter's name does not
    article = clean(label, "8 May 2024")
    assert article.authors == []


def test_name_away_from_the_date_is_not_a_byline():
    article = clean("Chipo Banda", "Share this article", "Listen to this article", "8 May 2024")
    assert article.authors == []


def test_explicit_byline_wins_over_a_bare_name():
    assert clean("By Tendai Moyo", "8 May 2024", "Chipo Banda").authors == ["Tendai Moyo"]


@pytest.mark.parametrize("credit,authors,agency", [
    ("By RUTH OKAFOR and DANIEL SETH Associated Press", ("Ruth Okafor", "Daniel Seth"), "AP"),
    ("By Amara Diallo, PhD, RD", ("Amara Diallo",), None),
    ("By Tendai Moyo, Senior Water Correspondent", ("Tendai Moyo",), None),
])
def test_credit_tails(credit, authors, agency):
    byline = parse_byline(credit)
    assert byline is not None and (byline.authors, byline.agency) == (authors, agency)


def test_split_authors_list():
    assert split_authors(["Chipo Banda", "MS"]) == ["Chipo Banda"]
