"""Line rules for copied text, on small hand-written snippets."""

from __future__ import annotations

import pytest

from parley.clean import clean_document
from parley.clean.clutter import repeated_phrase, ui_reason
from parley.errors import InputError
from parley.ids import content_id
from parley.records import Document

P1 = ("The foreign ministers of both countries met in Geneva on Monday and agreed to resume talks on the "
      "disputed border next month, officials said.")
P2 = ("\"We have a long road ahead, but today we took the first step,\" the Swiss mediator told reporters after "
      "the four-hour session ended.")
P3 = "Neither side gave details of the agenda, and the mediator declined to say where the next round would be held."


def clean(text: str, **hints):
    return clean_document(Document(content_id(text), "snippet.txt", "text", text, hints=hints), _options())


def _options():
    from parley.options import Options

    return Options()


def page(*lines: str) -> str:
    return "\n\n".join(lines)


@pytest.mark.parametrize(
    "line",
    ["Advertisement", "Link copied", "• Link copied", "Reading Time:2 minutes", "Select Voice", "1.00x",
     "Give Feedback", "Share this article", "Subscribe to our newsletter", "Image Credit:",
     "Join the Example.org mailing list", "(This story has not been edited by Example staff and is "
     "auto-generated from a syndicated feed.)", "Please make a charitable donation to keep our reporting free"],
)
def test_interface_lines(line):
    assert ui_reason(line)


@pytest.mark.parametrize("line", [P1, P2, "Talks on the border resume in Geneva", "Sanctions relief"])
def test_story_lines_are_not_interface(line):
    assert ui_reason(line) is None


def test_repeated_phrase_is_a_doubled_caption():
    assert repeated_phrase("Jane Roe (AFP) Jane Roe (AFP)")
    assert not repeated_phrase("Jane Roe (AFP) met John Doe (AFP)")


def test_header_and_trailer_clutter_removed_story_kept():
    text = page("Daily Example", "World", "Border talks to resume in Geneva next month", "By Jane Roe",
                "Published: March 3, 2024", "Share", "Jane Roe (AFP) Jane Roe (AFP)", P1, P2, "Advertisement", P3,
                "Most read", "Another headline about something else entirely", "Select Voice", "1.00x")
    article = clean(text)
    assert article.body.split("\n\n") == [P1, P2, P3]
    assert article.headline == "Border talks to resume in Geneva next month"
    assert article.authors == ["Jane Roe"] and article.published == "2024-03-03"
    assert {"World", "Share", "Advertisement", "Most read", "Select Voice", "1.00x"} <= set(article.removed)


def test_headline_prefers_title_line_the_story_follows():
    text = page("Nuclear Weapons And Arms Control", "Ministers agree to resume border talks in Geneva",
                "Monday, 4 March 2024", P1, P2)
    assert clean(text).headline == "Ministers agree to resume border talks in Geneva"


def test_bullet_summary_and_caption_before_story_removed():
    text = page("Ministers agree to resume border talks in Geneva", "• Both sides said talks would resume next month",
                "• The mediator called it a first step", "Delegates arrive at the talks venue on Monday. Photo: AFP",
                P1, P2)
    article = clean(text)
    assert article.body.split("\n\n") == [P1, P2]
    assert "Delegates arrive at the talks venue on Monday. Photo: AFP" in article.removed


def test_teaser_repeating_a_story_paragraph_is_dropped():
    teaser = "Neither side gave details of the agenda, and the mediator declined to say where the next round would be held."
    text = page("Ministers agree to resume border talks in Geneva", teaser, "Ministers agree to resume border talks in Geneva",
                P1, P2 + " " + P3)
    article = clean(text)
    assert article.body.split("\n\n") == [P1, P2 + " " + P3]


def test_trailing_byline_with_email_and_credits():
    text = page("Ministers agree to resume border talks in Geneva", P1, P2,
                "By Jane Roe (jroe@example.com)", "Roe reported from Geneva.")
    article = clean(text)
    assert article.authors == ["Jane Roe"]
    assert article.body.split("\n\n") == [P1, P2]


def test_non_latin_site_line_removed():
    article = clean(page("Daily Example", "데일리", "Ministers agree to resume border talks in Geneva", P1, P2))
    assert "데일리" in article.removed and "데일리" not in article.body


def test_no_story_raises_e009():
    with pytest.raises(InputError) as info:
        clean(page("Advertisement", "Share", "Subscribe"))
    assert info.value.code == "E009" and info.value.path == "snippet.txt"


def test_non_english_gets_a_warning():
    text = page("Les ministres reprennent les discussions",
                "Les ministres des deux pays se sont rencontrés lundi à Genève et ont convenu de reprendre les "
                "discussions sur la frontière le mois prochain, selon des responsables.")
    article = clean(text)
    assert article.language == "fr" and any("fr" in w for w in article.warnings)


def test_record_uses_hints_and_still_runs_rules(options):
    text = "\n".join(["GENEVA (Reuters) - " + P1, "Photo: Reuters", P2])
    doc = Document("id1", "c.jsonl#1", "record", text, hints={
        "title": "Talks resume", "published": "2024-03-04T09:00:00+01:00", "authors": ["Jane Roe"],
        "outlet": "reuters.com"})
    article = clean_document(doc, options)
    assert (article.headline, article.outlet, article.authors) == ("Talks resume", "Reuters", ["Jane Roe"])
    assert article.published == "2024-03-04T09:00:00+01:00"
    assert (article.dateline, article.agency) == ("Geneva", "Reuters")
    assert "Photo: Reuters" in article.removed


def test_line_words_follow_a_trimmed_text():
    """Words (and their lowercase share) are split once per text, and again when the text is trimmed."""
    from parley.clean.clutter import Line

    line = Line("Talks resumed in the capital on Monday. Share this article", 0)
    assert line.words[-1] == "article"
    share = line.lower_share
    line.text = line.text[: line.text.index(".") + 1]
    assert line.words == ["Talks", "resumed", "in", "the", "capital", "on", "Monday"]
    assert line.lower_share != share


def test_is_sentence_reads_the_end_of_a_long_paragraph():
    from parley.clean.clutter import is_sentence

    long = "word " * 2000
    assert is_sentence(long + "ends here.")
    assert is_sentence(long + "ends here. (Wire)")
    assert not is_sentence(long + "Share this article")
