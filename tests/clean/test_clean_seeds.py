"""The five real seed pages (../shared/seeds, skipped when absent): story kept, clutter gone, metadata.

Story paragraphs and the headline are named by their line number among the page's non-empty lines,
so no article text is copied here.
"""

from __future__ import annotations

import pytest

from parley.clean import clean_document
from parley.clean.clutter import split_lines
from parley.ids import content_id
from parley.records import Document

SEEDS = {
    "000_3dcf391817acc376.txt": dict(story=range(7, 16), headline=2, outlet="The Korea Herald",
                                     published="2020-11-18T10:00:00+09:00", authors=[], agency="Yonhap",
                                     dateline="Washington"),
    "001_fb4d47756badae17.txt": dict(story=[6, 7, *range(9, 20)], headline=2, outlet="The Korea Herald",
                                     published="2019-09-19T18:09:00+09:00", authors=["Park Han-na"],
                                     agency=None, dateline=None),
    "002_7631eedc800fec3c.txt": dict(story=range(7, 13), headline=3, outlet="Devdiscourse",
                                     published="2020-07-07T23:30:00+05:30", authors=[], agency="Reuters",
                                     dateline=None),
    "003_66de766337597eb5.txt": dict(story=[11, 12, 13, 14, 16, 17, 19, 20], headline=4,
                                     outlet="South China Morning Post", published=None, authors=[],
                                     agency="Reuters", dateline=None),
    "004_5cee7427307657f0.txt": dict(story=range(6, 25), headline=3, outlet="Press TV",
                                     published="2021-04-22T07:43:00+04:30", authors=[], agency=None,
                                     dateline=None),
}


@pytest.fixture(scope="module", params=sorted(SEEDS))
def seed(request, shared, options):
    text = (shared / "seeds" / request.param).read_text(encoding="utf-8")
    article = clean_document(Document(content_id(text), request.param, "text", text), options)
    return split_lines(text), article, SEEDS[request.param]


def test_every_story_paragraph_kept_in_order(seed):
    lines, article, expected = seed
    paragraphs = article.body.split("\n\n")
    assert paragraphs == [lines[i].text for i in expected["story"]]


def test_no_clutter_line_left_and_all_removed_are_listed(seed):
    lines, article, expected = seed
    story = set(expected["story"])
    body = article.body.split("\n\n")
    for line in lines:
        if line.index not in story:
            assert line.text not in body
            assert line.text in article.removed


def test_headline_exact(seed):
    lines, article, expected = seed
    assert article.headline == lines[expected["headline"]].text


@pytest.mark.parametrize("field", ["outlet", "published", "authors", "agency", "dateline"])
def test_metadata(seed, field):
    _lines, article, expected = seed
    assert getattr(article, field) == expected[field]


def test_language(seed):
    assert seed[1].language == "en" and not seed[1].warnings
