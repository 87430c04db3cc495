"""The language layer: one pipeline, batches in input order, name rules, re-casing."""

from __future__ import annotations

from parley.language import load_pipeline, parse, recase
from parley.records import Article


def test_loaded_once_with_the_components_later_stages_need(nlp, options):
    assert load_pipeline(options) is nlp
    for name in ("parser", "ner", "lemmatizer", "parley_names", "parley_headings"):
        assert name in nlp.pipe_names
    assert not {"parser", "ner", "lemmatizer", "tagger"} & set(nlp.disabled)


def test_parse_keeps_input_order_and_offsets(nlp, options):
    arts = [Article(id=str(i), source="t", body=f"Story {i}: Maria Lopez spoke in Lima.") for i in range(40)]
    out = list(parse(nlp, arts, options.with_(batch_size=8)))
    assert [a.id for a, _ in out] == [str(i) for i in range(40)]
    assert all(doc.text == a.body for a, doc in out)


def test_hyphenated_names_are_one_person(nlp):
    doc = nlp("Choi Seung-ho met Lim Ji-yeon in Daejeon.")
    people = [e.text for e in doc.ents if e.label_ == "PERSON"]
    assert "Choi Seung-ho" in people and "Lim Ji-yeon" in people


def test_known_surname_stays_a_person(nlp):
    doc = nlp("Special envoy Martin Kowalczyk landed. Kowalczyk said talks would resume. Kowalczyk's aide agreed.")
    labels = [e.label_ for e in doc.ents if e.text == "Kowalczyk"]
    assert labels == ["PERSON", "PERSON"]


def test_a_possessive_inside_a_name_parts_the_owner_from_what_they_own(nlp):
    doc = nlp("Officials say Al-Karim’s KLF has been a banned movement since 2019.")
    ents = [(e.text, e.label_) for e in doc.ents]
    assert ("Al-Karim", "PERSON") in ents and ("KLF", "ORG") in ents
    doc = nlp("Abu-Bakr’s ALF was banned in 2019 as an extremist movement by Kenya.")
    assert not any("’s" in e.text for e in doc.ents)


def test_a_name_has_a_capital_somewhere(nlp):
    doc = nlp("Officials listed whiskey, rum & alcoholic drinks among the goods.")
    assert not any(e.label_ in ("ORG", "PERSON") and e.text.islower() for e in doc.ents)


def test_entities_do_not_cross_lines(nlp):
    doc = nlp("Talks with Kim\n\nMorning Herald TV\n\nended.")
    assert all("\n" not in e.text for e in doc.ents)


def test_recase_keeps_length_and_warns_on_shouting():
    text = "President ORTEGA Luis spoke.\nTHE GOVERNMENT OF PERU SAID IT WOULD ACCEPT THE OFFER."
    new, warning = recase(text)
    assert len(new) == len(text)
    assert "Ortega Luis" in new and "Peru" in new and "said" in new
    assert warning
    assert recase("The US and the UN agreed.") == ("The US and the UN agreed.", None)


def test_shouted_article_gets_a_warning(nlp, options):
    body = "NORTH KOREA SAID ON MONDAY IT WOULD HOLD TALKS WITH SOUTH KOREAN OFFICIALS."
    (article, doc), = list(parse(nlp, [Article(id="a", source="t", body=body)], options))
    assert article.warnings and len(doc.text) == len(body)
    assert any(e.label_ == "GPE" for e in doc.ents)


def test_empty_and_entity_free_bodies(nlp, options):
    arts = [Article(id="e", source="t", body=""), Article(id="n", source="t", body="it was quiet.")]
    assert [len(doc.ents) for _, doc in parse(nlp, arts, options)] == [0, 0]


def test_a_subheading_run_into_the_text_starts_no_clause(nlp):
    doc = nlp("The mayor left Lima on Monday. Port deal hopes During a visit to Quito, the mayor signed the deal. "
              "Last month The Hague ruled on it.")
    sentences = [s.text for s in doc.sents]
    assert "During a visit to Quito, the mayor signed the deal." in sentences
    # an article before a name in mid-sentence is a name's, not a new sentence's
    assert "Last month The Hague ruled on it." in sentences


def test_a_headline_subheading_before_a_nationals_group_starts_no_clause(nlp):
    doc = nlp("The deal was signed in May. Kenya backs port deal Kenyan officials have also said that Nairobi "
              "would support it. Ruto says the Kenyan officials are wrong. Last week Kenyan officials said so.")
    sentences = [s.text for s in doc.sents]
    assert "Kenyan officials have also said that Nairobi would support it." in sentences
    assert "Ruto says the Kenyan officials are wrong." in sentences  # (a clause goes on over "the")
    assert "Last week Kenyan officials said so." in sentences  # (no headline verb before them)


def test_two_names_with_only_a_space_between_are_one(nlp):
    doc = nlp("Somali Prime Minister Ali Sheikh Hussein met donors in Nairobi. Mary Atieno, John Kamau and Paul Otieno spoke.")
    people = [e.text for e in doc.ents if e.label_ == "PERSON"]
    assert "Ali Sheikh Hussein" in people and "Ali Sheikh" not in people
    assert {"Mary Atieno", "John Kamau", "Paul Otieno"} <= set(people)  # (a list keeps its names apart)
