"""Quotes: direct, partial and indirect, with speakers resolved through hand-built actors."""

from __future__ import annotations

import re

import pytest

from parley.actors.index import ArticleActors
from parley.ids import record_id
from parley.quotes import extract_quotes, find_quotes, quote_segments
from parley.records import Actor, Article, Document, Mention

PEOPLE = {
    "Jane Doe": ("per:jane-doe", "person"),
    "Mark Roe": ("per:mark-roe", "person"),
    "State Department": ("org:state-department", "organization"),
}


def actors_for(article: Article, names: dict = PEOPLE, extra: list = ()) -> ArticleActors:
    """Mentions at every occurrence of each name (and of its surname), plus `extra` mentions."""
    actors, mentions = {}, []
    for name, (aid, kind) in names.items():
        actors[aid] = Actor(id=aid, name=name, kind=kind)
        forms = {name, name.split()[-1]} if kind == "person" else {name}
        taken = []
        for form in sorted(forms, key=len, reverse=True):
            for m in re.finditer(re.escape(form), article.body):
                if not any(s <= m.start() < e for s, e in taken):
                    taken.append((m.start(), m.end()))
                    mentions.append(Mention(article.id, aid, form, m.start(), m.end(), "name"))
    mentions.extend(extra)
    return ArticleActors(list(actors.values()), mentions)


@pytest.fixture
def run(nlp, options):
    def _run(body: str, extra=(), published="2024-05-06T10:00:00+09:00"):
        article = Article(id="a1", source="t", body=body, published=published)
        return find_quotes(article, nlp(body), actors_for(article, extra=extra), options)

    return _run


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
        '"Mark Roe said there have been difficulties in the talks since the summit,"'
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


# ------------------------------------------------------------------ marks that are not quotes
def test_apostrophes_and_possessives_are_not_quotes(run):
    quotes = run("The US’ pursuit of talks and Trump’s plan were discussed in Jane Doe’s office on Monday.")
    assert not [q for q in quotes if q.kind in ("direct", "partial")]


def test_headline_scare_quotes_are_not_speech(run):
    body = "Jane Doe warns of ‘grave’ risk in 'new' talks\n\nJane Doe said on Monday the talks would continue."
    assert not only(run(body), "partial")


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


def test_extract_reports_speaker_span(nlp, options):
    body = "“We will keep talking to them,” Jane Doe said on Monday."
    article = Article(id="a1", source="t", body=body)
    (found,) = extract_quotes(article, nlp(body), actors_for(article), options)
    s, e = found.speaker_span
    assert body[s:e] == "Jane Doe" and body[slice(*found.cue_span)] == "said"


# ------------------------------------------------------------------ the five seed articles
# (quote opening words, accepted speaker names) read by hand from ../shared/seeds
SEED_SPEAKERS = {
    "000": [("Deputy State Secretary Biegun", "lawmakers"), ("We hope the next", "Song")],
    "001": [
        ("To keep the dialogue", "Lee"),
        ("Since North Korea has", "Lee"),
        ("Both sides understand", "Biegun|Beigun"),
        ("The denuclearization talks", "official|director general"),
    ],
    "002": [("I don’t see signals", "Delury"), ("The allies should", "Duyeon Kim")],
    "003": [
        ("Regrettably", "Biegun"),
        ("ambitious and bold", "Biegun"),
        ("This vision was", "Biegun"),
        ("yet to deliver", "Biegun"),
        ("You might wonder", "Biegun"),
        ("ready to make progress", "Biegun"),
    ],
    "004": [
        ("The most important starting", "Moon|South Korean president"),
        ("I hope that Biden", "Moon"),
        ("beat around the bush", "Moon|South Korean president"),
        ("I believe that if", "Moon"),
        ("mutually trusted road map", "Moon"),
    ],
}


def test_seed_articles(shared, nlp, options):
    from parley.actors import find_actors, load_knowledge
    from parley.clean import clean_document

    knowledge = load_knowledge(options)
    right = total = 0
    problems = []
    for path in sorted((shared / "seeds").glob("*.txt")):
        document = Document(path.stem, str(path), "text", path.read_text(encoding="utf-8"))
        article = clean_document(document, options)
        doc = nlp(article.body)
        quotes = find_quotes(article, doc, find_actors(article, doc, knowledge, options), options)
        spans = [(q.start, q.end) for q in quotes if q.kind in ("direct", "partial")]
        for m in re.finditer(r"[“\"]([^“”\"]+)[”\"]", article.body):
            if len(m.group(1).split()) >= 3 and not any(s < m.end(1) and e > m.start(1) for s, e in spans):
                problems.append(f"{path.stem}: not found: {m.group(1)[:50]!r}")
        for opening, names in SEED_SPEAKERS[path.stem[:3]]:
            total += 1
            match = [q for q in quotes if q.kind != "indirect" and q.text.startswith(opening)]
            if match and any(n.lower() in (match[0].speaker or "").lower() for n in names.split("|")):
                right += 1
            else:
                got = match[0].speaker if match else "no quote"
                problems.append(f"{path.stem}: {opening!r} -> {got!r}, want {names}")
    assert not [p for p in problems if "not found" in p], problems
    assert right / total >= 0.95, problems
