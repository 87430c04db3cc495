"""Pronoun speakers: gender and number must agree with the antecedent, else the speaker is null."""

from __future__ import annotations

from parley.records import Mention

# Anna Berg and Tom Lind have no actor entries: their gender comes only from the text.
PEOPLE = {
    "Jane Doe": ("per:jane-doe", "person"),
    "Mark Roe": ("per:mark-roe", "person"),
    "Anna Berg": ("per:anna-berg", "person"),
    "Tom Lind": ("per:tom-lind", "person"),
    "State Department": ("org:state-department", "organization"),
    "Farmers Union": ("org:farmers-union", "organization"),
}


def direct(quotes):
    return [q for q in quotes if q.kind == "direct"]


def run_people(nlp, options, actors_for, body, extra=()):
    from parley.quotes import find_quotes
    from parley.records import Article

    article = Article(id="a1", source="t", body=body)
    return find_quotes(article, nlp(body), actors_for(article, PEOPLE, extra), options)


def test_she_skips_a_nearer_man_known_by_title(nlp, options, actors_for):
    body = (
        "Ms. Berg met Mr. Lind in Oslo on Monday. Mr. Lind spoke first about the fishing quotas. "
        "“We can close the gap by Friday,” she said."
    )
    (q,) = direct(run_people(nlp, options, actors_for, body))
    assert (q.speaker, q.speaker_actor_id) == ("Anna Berg", "per:anna-berg")


def test_he_skips_a_nearer_woman_known_by_title(nlp, options, actors_for):
    body = (
        "Mr. Lind arrived late. Later, Ms. Berg opened the session on the fishing quotas. "
        "“Nobody here wants another delay,” he said."
    )
    (q,) = direct(run_people(nlp, options, actors_for, body))
    assert q.speaker == "Tom Lind"


def test_gender_learnt_from_an_earlier_pronoun(nlp, options, actors_for):
    body = (
        "Anna Berg visited the port. Tom Lind stayed in the capital. "
        "“The fleet is ready,” she said."
    )
    she = body.index("she said")
    # the actor layer tied two earlier pronouns to Tom Lind: he is not the 'she'
    extra = [
        Mention("a1", "per:tom-lind", "he", 0, 0, "pronoun"),
        Mention("a1", "per:tom-lind", "his", 0, 0, "pronoun"),
    ]
    (q,) = direct(run_people(nlp, options, actors_for, body, extra))
    assert q.speaker == "Anna Berg", body[she:]


def test_unknown_gender_in_front_of_a_known_fit_is_null(nlp, options, actors_for):
    body = (
        "Ms. Berg chaired the meeting. Tom Lind answered questions about the quotas. "
        "“The quotas will not change this year,” she said."
    )
    (q,) = direct(run_people(nlp, options, actors_for, body))
    assert q.speaker is None and q.speaker_actor_id is None


def test_they_goes_to_an_organisation_not_a_person(nlp, options, actors_for):
    body = (
        "The Farmers Union met Jane Doe on Monday. Jane Doe listened for an hour. "
        "“We will not accept the new quotas,” they said."
    )
    (q,) = direct(run_people(nlp, options, actors_for, body))
    assert (q.speaker, q.speaker_actor_id) == ("Farmers Union", "org:farmers-union")


def test_they_with_no_group_in_sight_is_null(nlp, options, actors_for):
    body = "Jane Doe arrived on Monday. “We will not accept the new quotas,” they said."
    (q,) = direct(run_people(nlp, options, actors_for, body))
    assert q.speaker is None


def test_actor_layer_pronoun_of_the_wrong_gender_is_not_taken(nlp, options, actors_for):
    body = "Ms. Berg arrived first. Mr. Lind met her on Monday. “The talks went well,” she said."
    she = body.index("she said")
    extra = [Mention("a1", "per:tom-lind", "she", she, she + 3, "pronoun")]  # a wrong link
    (q,) = direct(run_people(nlp, options, actors_for, body, extra))
    assert q.speaker == "Anna Berg"
