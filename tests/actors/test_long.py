"""Very long and odd inputs: no crash, and time that grows with the text."""

from __future__ import annotations


from spacy.tokens import Doc, Span

from parley.actors import find_actors
from parley.records import Article


def test_hundred_thousand_words_do_not_crash(nlp, options, knowledge):
    sentence = ("Swiss envoy Hans Keller met Chilean officials in Geneva , and Keller said he would return "
                "to Santiago . ").split()
    words = (sentence * (100_000 // len(sentence) + 1))[:100_000]
    spaces = [True] * len(words)
    doc = Doc(nlp.vocab, words=words, spaces=spaces, sent_starts=[w == "Swiss" for w in words])
    # tagging 100k words with the statistical model takes minutes on a shared box; the actor stage is
    # what this test is about, so the doc gets its names and parts of speech from a cheap stand-in
    ents = []
    for i, w in enumerate(words):
        doc[i].pos_ = "PROPN" if w[:1].isupper() else "NOUN"
        if w == "Hans" and i + 2 <= len(words):
            ents.append(Span(doc, i, i + 2, label="PERSON"))
        elif w == "Keller" and words[i - 1] != "Hans":
            ents.append(Span(doc, i, i + 1, label="ORG"))
    doc.set_ents(ents)
    doc = nlp.get_pipe("parley_names")(doc)
    article = Article(id="long", source="t", body=doc.text)
    found = find_actors(article, doc, knowledge, options)
    keller = [a for a in found.actors if a.name == "Hans Keller"]
    assert keller and keller[0].country == "CHE"
    assert keller[0].mentions > 10_000


def test_real_parse_of_a_long_article(nlp, options, knowledge):
    from parley.language import parse

    body = "\n\n".join(f"Greek Defence Minister Nikos Pappas spoke on day {i}. Pappas said talks went well."
                       for i in range(400))
    (article, doc), = list(parse(nlp, [Article(id="l", source="t", body=body)], options))
    found = find_actors(article, doc, knowledge, options)
    assert [a.country for a in found.actors if a.name == "Nikos Pappas"] == ["GRC"]
