"""Direct quotes: marks, cues beside them, speakers before and after."""

from __future__ import annotations

from parley.ids import record_id
from parley.quotes import extract_quotes
from parley.records import Article, Mention


def only(quotes, kind):
    return [q for q in quotes if q.kind == kind]


# ------------------------------------------------------------------ direct quotes
def test_curly_quote_speaker_after(run):
    body = "“We will keep talking to them until there is a deal,” Jane Doe said on Monday."
    (q,) = only(run(body), "direct")
    assert q.text == "We will keep talking to them until there is a deal"
    assert (q.speaker, q.speaker_actor_id, q.cue) == ("Jane Doe", "per:jane-doe", "said")
    assert q.date == "2024-05-06" and q.sentence == body
    assert body[q.start : q.end] == q.text and q.id == record_id("q", "a1", q.start, q.end)


def test_straight_quote_speaker_before_with_colon(run):
    (q,) = only(run('Jane Doe told reporters: "The talks are over for now, but we will return."'), "direct")
    assert q.speaker == "Jane Doe" and q.cue == "told"
    assert q.text.startswith("The talks are over")


def test_inverted_said_with_apposition(run):
    body = '"Nobody in the region wants another crisis," said Mark Roe, a trade expert at a university in Lyon.'
    (q,) = only(run(body), "direct")
    assert q.speaker == "Mark Roe" and q.speaker_actor_id == "per:mark-roe"


def test_double_apostrophe_marks(run):
    (q,) = only(run("''It is a reform in name only,'' said Mark Roe."), "direct")
    assert q.text.startswith("It is a reform") and q.speaker == "Mark Roe"


def test_cue_in_the_middle_and_pronoun_fallback(run):
    body = (
        "Mark Roe arrived in Paris on Monday for the talks. "
        "“The first part went well,” he said, “and the second part will be harder.”"
    )
    quotes = only(run(body), "direct")
    assert [q.text for q in quotes] == ["The first part went well", "and the second part will be harder."]
    assert all(q.speaker == "Mark Roe" and q.speaker_actor_id == "per:mark-roe" for q in quotes)


def test_pronoun_resolved_by_actor_layer_first(run):
    body = "Mark Roe met Jane Doe in Paris on Monday. “We are making progress on every issue,” she said."
    she = body.index("she said")
    extra = [Mention("a1", "per:jane-doe", "she", she, she + 3, "pronoun")]
    (q,) = only(run(body, extra=extra), "direct")
    assert q.speaker == "Jane Doe"


def test_quote_runs_over_paragraphs(run):
    body = (
        "“The first paragraph of the statement sets out what we want from the talks.\n\n"
        "“The second paragraph says how we will get there,” Jane Doe said."
    )
    quotes = only(run(body), "direct")
    assert len(quotes) == 2 and all(q.speaker == "Jane Doe" for q in quotes)
    assert quotes[0].text.endswith("from the talks.")


def test_said_in_the_next_paragraph(run):
    body = "Mark Roe spoke for an hour.\n\n“We are not going to give up on it,”\n\nhe said. Jane Doe left."
    (q,) = only(run(body), "direct")
    assert (q.speaker, q.cue) == ("Mark Roe", "said")


def test_consecutive_quotes_share_the_speaker(run):
    body = "“We came to listen,” Jane Doe said. “Nobody should expect a deal this week.”"
    quotes = only(run(body), "direct")
    assert len(quotes) == 2 and all(q.speaker == "Jane Doe" for q in quotes)


def test_dash_and_transcript_attribution(run):
    quotes = run("“We will win this race in the end.” ― Jane Doe\n\n“MARK ROE: Let us start with the news.”")
    assert [q.speaker for q in only(quotes, "direct")] == ["Jane Doe", "MARK ROE"]


def test_relayed_quote_belongs_to_outer_speaker(run):
    body = (
        '"Mark Roe said the negotiations have been hard going since the summit,"'
        " the lawmakers said in a statement."
    )
    quotes = run(body)
    (q,) = only(quotes, "direct")
    assert q.speaker == "the lawmakers" and q.speaker_actor_id is None
    assert not [x for x in quotes if x.speaker == "Mark Roe"]


def test_description_speaker_not_hijacked_by_modifier(run):
    (q,) = only(run("“We are ready to meet at any time,” a State Department spokesperson said."), "direct")
    assert q.speaker == "a State Department spokesperson" and q.speaker_actor_id is None


def test_description_resolved_when_actor_layer_knows_it(run):
    body = "“We are ready to meet at any time,” the spokesperson said."
    s = body.index("the spokesperson")
    extra = [Mention("a1", "per:mark-roe", "the spokesperson", s, s + 16, "description")]
    (q,) = only(run(body, extra=extra), "direct")
    assert q.speaker == "Mark Roe"


def test_unattributed_quote_keeps_null_speaker(run):
    quotes = run("Jane Doe arrived in Seoul on Monday.\n\n“Nobody expected this outcome at all.”")
    (q,) = only(quotes, "direct")
    assert q.speaker is None and q.speaker_actor_id is None


def test_previous_sentence_speaker_when_clear(run):
    body = "Jane Doe warned of the risks. “Nobody expected this outcome at all.”"
    (q,) = only(run(body), "direct")
    assert q.speaker == "Jane Doe"


def test_extract_reports_speaker_span(nlp, options, actors_for):
    body = "“We will keep talking to them,” Jane Doe said on Monday."
    article = Article(id="a1", source="t", body=body)
    (found,) = extract_quotes(article, nlp(body), actors_for(article), options)
    s, e = found.speaker_span
    assert body[s:e] == "Jane Doe" and body[slice(*found.cue_span)] == "said"
