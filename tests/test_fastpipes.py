"""fastpipes.py: the attribute ruler and lemmatizer stand-ins set what spaCy's own components set."""

from __future__ import annotations

import pytest
import spacy
from spacy.attrs import DEP, HEAD, LEMMA, MORPH, ORTH, POS, TAG
from spacy.pipeline import AttributeRuler

from parley.fastpipes import FastAttributeRuler, FastEnglishLemmatizer, speed_up

# sentences written for this test: news prose, and the spellings and spaces the ruler's rarer rules
# are about (contractions, "gonna", "let's", "y'all", "ain't", "there is", spaces, tabs, capitals)
TEXTS = [
    "The foreign minister said on Tuesday that talks with the rebels would resume in Geneva next week.",
    "Troops were deployed to the border after the ceasefire collapsed, officials told reporters.",
    "Y'all ain't gonna believe it, lemme tell ya. Let's go! C'mon, we gotta go. Nothin' happened.",
    "There is a problem. There are two. There's more. It is what it is. I do. You did it for me.",
    "But he left.  Then   he came \n\n back.\tTabs here. It got worse, it gets better. I'm here; you're there.",
    "THE UN SAID SO. Do not enter. He's gotta go and they're gonna stay, but it will not end there.",
    "   ",
    "A",
    "Whether or not the envoy goes, I said I would; it was them who asked, wasn't it?",
]
COLUMNS = [ORTH, TAG, POS, MORPH, LEMMA, DEP, HEAD]


@pytest.fixture(scope="module")
def fresh_nlp(options):
    return spacy.load(options.model)  # spaCy's components as shipped, not parley's cached pipeline


def _annotations(doc):
    return doc.to_array(COLUMNS).tolist(), [(t.lemma_, str(t.morph), t.pos_) for t in doc]


def test_the_stand_ins_set_the_same_attributes_as_spacy(fresh_nlp):
    before = [n for n in fresh_nlp.pipe_names if n not in ("attribute_ruler", "lemmatizer", "ner")]
    with fresh_nlp.select_pipes(enable=before):
        parsed = list(fresh_nlp.pipe(TEXTS))
    ruler, lemmatizer = fresh_nlp.get_pipe("attribute_ruler"), fresh_nlp.get_pipe("lemmatizer")
    assert type(ruler) is AttributeRuler
    expected = [_annotations(lemmatizer(ruler(doc.copy()))) for doc in parsed]
    speed_up(fresh_nlp)
    assert isinstance(ruler, FastAttributeRuler) and isinstance(lemmatizer, FastEnglishLemmatizer)
    lemmatizer.cache.clear()  # spaCy's own answers from the run above: each word is worked out anew
    for _ in range(2):  # the second time from what the first kept
        got = [_annotations(lemmatizer(ruler(doc.copy()))) for doc in parsed]
        assert got == expected


def test_a_ruler_with_patterns_it_cannot_reproduce_is_left_as_it_is(fresh_nlp):
    nlp = spacy.blank("en")
    ruler = nlp.add_pipe("attribute_ruler")
    ruler.add([[{"LOWER": "new", "OP": "?"}, {"LOWER": "york"}]], {"TAG": "NNP"})
    speed_up(nlp)
    assert type(nlp.get_pipe("attribute_ruler")) is AttributeRuler


def test_a_simple_ruler_is_swapped_and_applies_its_rules_in_order():
    nlp = spacy.blank("en")
    ruler = nlp.add_pipe("attribute_ruler")
    ruler.add([[{"LOWER": {"IN": ["talks", "summit"]}}]], {"TAG": "NN"})
    ruler.add([[{"LOWER": "summit"}]], {"TAG": "NNP"})  # a later rule wins
    ruler.add([[{"LOWER": "peace"}, {"LOWER": {"REGEX": "^talks?$"}}]], {"TAG": "NNS"}, index=1)
    speed_up(nlp)
    assert isinstance(nlp.get_pipe("attribute_ruler"), FastAttributeRuler)
    doc = nlp("The summit held peace talks, and talks went on.")
    assert [t.tag_ for t in doc] == ["", "NNP", "", "", "NNS", "", "", "NN", "", "", ""]


def test_a_rule_added_after_the_swap_that_it_cannot_reproduce_goes_to_spacy():
    nlp = spacy.blank("en")
    ruler = nlp.add_pipe("attribute_ruler")
    ruler.add([[{"LOWER": "summit"}]], {"TAG": "NN"})
    speed_up(nlp)
    assert [t.tag_ for t in nlp("summit")] == ["NN"]
    ruler.add([[{"LOWER": "new", "OP": "?"}, {"LOWER": "york"}]], {"TAG": "NNP"})
    assert [t.tag_ for t in nlp("a summit in new york")] == ["", "NN", "", "NNP", "NNP"]
