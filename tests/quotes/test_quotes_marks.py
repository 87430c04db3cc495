"""Marks that are not quotes, and bad input."""

from __future__ import annotations

import pytest

from parley.quotes import quote_segments


def only(quotes, kind):
    return [q for q in quotes if q.kind == kind]


# ------------------------------------------------------------------ marks that are not quotes
def test_apostrophes_and_possessives_are_not_quotes(run):
    quotes = run("The US’ pursuit of talks and Trump’s plan were discussed in Jane Doe’s office on Monday.")
    assert not [q for q in quotes if q.kind in ("direct", "partial")]


def test_headline_scare_quotes_are_not_speech(run):
    body = "Jane Doe warns of ‘grave’ risk in 'new' talks\n\nJane Doe said on Monday the talks would continue."
    assert not only(run(body), "partial")


# ------------------------------------------------------------------ bad input
@pytest.mark.parametrize(
    "body",
    [
        "",
        "“This quote never closes. Jane Doe said so.\n\nAnother paragraph entirely.",
        "Stray closing mark” here, and an opening “ there.",
        "“He told me “never again” and walked out of the room,” Jane Doe said.",
        '"' + "Everything in this article is quoted. " * 40 + '"',
        '"""""',
        "‘ ’ ' '' `` „ « » “ ”",
    ],
)
def test_bad_input_does_not_crash(run, body):
    quotes = run(body)
    for q in quotes:
        assert body[q.start : q.end] == q.text


def test_nested_quote_stays_inside_the_outer(run):
    (q,) = only(run("“He told me “never again” and walked out of the room,” Jane Doe said."), "direct")
    assert "never again" in q.text and q.speaker == "Jane Doe"


def test_unbalanced_quote_is_dropped():
    assert quote_segments("“This quote never closes.\n\nAnother paragraph.") == []


def test_sentence_bounds_from_arrays_are_spacys_own(nlp):
    from parley.quotes.text import ArticleText
    from parley.records import Article

    body = ("Jane Doe said the talks would resume. “We are ready,” Mark Roe told reporters on Monday!\n\n"
            "A short line\nThe ministry, which declined to comment, issued a statement? Yes.")
    doc = nlp(body)
    text = ArticleText(Article(id="a", source="s", body=body), doc, None, None)
    assert len(list(doc.sents)) > 3
    for t in doc:
        assert text._sentence_chars(t.i) == (t.sent.start_char, t.sent.end_char)
