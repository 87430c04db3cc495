"""Partial quotes and indirect attributions."""

from __future__ import annotations


def only(quotes, kind):
    return [q for q in quotes if q.kind == kind]


# ------------------------------------------------------------------ partial and indirect
def test_partial_quote_takes_the_sentence_speaker(run):
    (q,) = only(run("Jane Doe called the deal a “significant first step” toward a lasting peace."), "partial")
    assert q.text == "significant first step" and q.speaker == "Jane Doe"


def test_single_quoted_fragment_in_body_text(run):
    (q,) = only(run("Jane Doe said the plan was 'ambitious and bold' in a speech on Monday."), "partial")
    assert q.text == "ambitious and bold" and q.speaker == "Jane Doe"


def test_indirect_said_that(run):
    (q,) = only(run("Jane Doe said that the talks would resume in Geneva next week."), "indirect")
    assert q.text == "the talks would resume in Geneva next week"
    assert (q.speaker, q.cue) == ("Jane Doe", "said")


def test_indirect_according_to(run):
    (q,) = only(run("The two sides have agreed to meet again in the spring, according to Mark Roe."), "indirect")
    assert q.speaker == "Mark Roe" and q.cue == "according to"
    assert q.text.startswith("The two sides have agreed")


def test_indirect_object_content(run):
    (q,) = only(run("Jane Doe stressed the need for patience in the talks with the North."), "indirect")
    assert q.text.startswith("the need for patience") and q.cue == "stressed"


def test_direct_quote_cue_is_not_also_indirect(run):
    quotes = run("“We will keep talking to them,” Jane Doe said on Monday.")
    assert not only(quotes, "indirect")


# ------------------------------------------------------------------ the cue lexicon
def test_belief_verb_with_clause(run):
    (q,) = only(run("Jane Doe believes that the ceasefire will hold through the winter."), "indirect")
    assert q.text == "the ceasefire will hold through the winter" and q.speaker == "Jane Doe"
    assert q.cue == "believes"


def test_intention_verb_with_infinitive(run):
    (q,) = only(run("Mark Roe plans to visit the border region before the vote."), "indirect")
    assert q.text.startswith("to visit the border region") and q.speaker == "Mark Roe"


def test_evidence_speaks_through_its_subject(run):
    (q,) = only(run("The latest survey of farmers shows that support for the tariff is falling."), "indirect")
    assert q.text == "support for the tariff is falling" and q.speaker == "The latest survey of farmers"


def test_preposition_cue(run):
    (q,) = only(run("Jane Doe called for an immediate halt to the shelling of the port."), "indirect")
    assert q.text.startswith("an immediate halt") and q.cue == "called"


def test_stance_verb_object_and_its_reason(run):
    (q,) = only(run("Mark Roe accused the ministry of hiding the cost of the bridge."), "indirect")
    assert q.text == "the ministry of hiding the cost of the bridge" and q.speaker == "Mark Roe"


def test_passive_cue_with_agent(run):
    (q,) = only(run("The new budget was criticized by Jane Doe during the session."), "indirect")
    assert q.text == "The new budget" and q.speaker == "Jane Doe"


def test_noun_cue_owned_by_possessor(run):
    quotes = only(run("Jane Doe’s claim that the fleet had left the harbour was never confirmed."), "indirect")
    assert [(q.text, q.speaker, q.cue) for q in quotes] == [("the fleet had left the harbour", "Jane Doe", "claim")]


def test_noun_cue_owned_through_a_light_verb(run):
    (q,) = only(run("Mark Roe made the decision to close the embassy in March."), "indirect")
    assert q.text.startswith("to close the embassy") and q.speaker == "Mark Roe"


def test_colon_label_in_a_headline(run):
    quotes = only(run("Survey: Most farmers oppose the new tariff\n\nThe tariff takes effect in May."), "indirect")
    assert [(q.text, q.speaker, q.cue) for q in quotes] == [("Most farmers oppose the new tariff", "Survey", ":")]


def test_headline_claim_with_a_clause(run):
    quotes = only(run("Jane Doe Says Talks Will Resume Next Week\n\nThe talks stalled in May."), "indirect")
    assert [q.speaker for q in quotes] == ["Jane Doe"]


def test_plain_narration_is_not_attribution(run):
    body = "The delegation arrived in Geneva on Monday and the talks began after lunch."
    assert not only(run(body), "indirect")


def test_lexicon_is_data():
    from parley.quotes.cues import load_cues

    cues = load_cues()
    assert {"ccomp", "xcomp"} <= cues.complements["plan"] and "dobj" in cues.complements["endorse"]
    assert "for" in cues.prepositions["call"] and "statement" in cues.speech_nouns


def test_colon_label_on_a_line_after_a_long_one(run):
    body = ("Delegates from nine countries met in a hotel near the river for two days of closed talks on fishing.\n"
            "NEGOTIATOR: The quotas will be cut by a tenth next year.")
    quotes = only(run(body), "indirect")
    assert [(q.text, q.speaker, q.cue) for q in quotes] == [("The quotas will be cut by a tenth next year.",
                                                             "NEGOTIATOR", ":")]


def test_five_words_before_a_colon_are_no_label(run):
    body = "THE HEAD OF THE DELEGATION: The quotas will be cut by a tenth next year."
    assert not [q for q in only(run(body), "indirect") if q.cue == ":"]
