"""Spans the parser labels wrongly: a person's name filed as an organisation, and ordinary words that
open a sentence read as names ("Beyond Ukraine", "Coordinated"). `reader` is the mention reader of
mentions.py (its doc and its title and term indexes)."""

from __future__ import annotations

import numpy
from spacy.attrs import LOWER
from spacy.tokens import Span

from ..language import entities
from .knowledge import DESCRIBING_SUFFIXES, is_given_name, not_an_actor


def reads_as_person(reader, ent: Span, surnames: set[str]) -> bool:
    """A person's name the parser filed as an organisation ("Anna Kovac, director of ...", "Mila
    Kovac" in a story about Ivan Kovac): two or three capitalised words, none a title or a known name,
    with a person's title before it or in an apposition after it, a family name the story gives a
    person, or a first word that is an English given name."""
    doc, words = reader.doc, [t for t in ent if not t.is_punct]
    if not 2 <= len(words) <= 3 or not all(t.is_title and t.is_alpha for t in words):
        return False
    if any(t.i in reader.title_tok or t.i in reader.term_tok for t in ent) or not_an_actor(ent.text):
        return False

    def person_title(i: int) -> bool:
        span = reader.title_tok.get(i)
        return span is not None and reader.title(span).kind == "person"

    titled_before = ent.start > 0 and person_title(ent.start - 1)
    titled_after = ent.end < len(doc) and doc[ent.end].text == "," and any(
        person_title(i) for i in range(ent.end + 1, min(ent.end + 6, len(doc))))
    return titled_before or titled_after or words[-1].text in surnames or is_given_name(words[0].text)


def function_word_first(span: Span) -> bool:
    """"Beyond Ukraine", "Suffice": a sentence's opening preposition, determiner or adverb tagged as part
    of a name; names do not start with such words."""
    t = span[0]
    return t.is_sent_start and t.tag_ in ("IN", "DT", "CC", "MD", "WRB", "RB", "VB", "VBP")


def common_word_at_start(span: Span) -> bool:
    """A one-word "name" that opens a sentence and is tagged as an adjective, participle or adverb is an
    ordinary word written with a capital, not an organisation."""
    t = span[0]
    quote = t.nbor(-1) if t.i > 0 and t.nbor(-1).is_quote else None
    opens = t.is_sent_start or (quote is not None and (quote.is_sent_start or quote.i == 0 or quote.nbor(-1).is_space
                                                       or quote.nbor(-1).text in (".", "!", "?", ":")))
    return len(span) == 1 and opens and t.tag_ in ("JJ", "VBN", "VBD", "VBG", "RB", "IN", "DT", "VB", "VBP")


# "the city of X", "the province of X": the noun says the name after it is a place
PLACE_NOUNS = frozenset({"city", "town", "village", "province", "region", "district", "state", "county", "port",
                         "capital", "island", "islands", "governorate", "prefecture", "municipality"})


def place_words(doc) -> set[str]:
    """Words a story uses as place names: the name in "the city of X", the first words of a name ending
    in a place word ("X District"), and places the parser found (GPE, LOC). A one-word "person" among
    them is the place again ("leaders in X")."""
    ents = entities(doc)
    words = {e.text for e in ents if e.label_ in ("GPE", "LOC") and len(e) == 1}
    for e in ents:
        if len(e) > 1 and not_an_actor(e.text, ("place",)):
            words.update(t.text for t in e[:-1] if t.is_title)
    of = doc.vocab.strings["of"] if "of" in doc.vocab.strings else None
    lower = doc.to_array([LOWER]) if of is not None else []
    for i in (numpy.nonzero(lower == of)[0] if of is not None else []):  # the few "of" tokens, not every token
        i = int(i)
        if 0 < i < len(doc) - 1 and doc[i - 1].lower_ in PLACE_NOUNS and doc[i + 1].is_title:
            words.add(doc[i + 1].text)
    return words


# prepositions that place what they govern, and nouns of places and facilities a place name modifies
LOCATIVE = frozenset({"in", "at", "near", "from", "across", "throughout", "outside", "inside", "around"})
FACILITIES = PLACE_NOUNS | {"station", "railway", "airport", "prison", "hospital", "hotel", "base", "camp", "highway"}


def reads_as_place(span: Span) -> bool:
    """A one-word "organisation" the tables do not know, used as a place: governed by a locative
    preposition ("officials in X") or naming a facility ("X railway station"). Organisations the story
    places things in ("in Congress", "in NATO") are in the tables."""
    if len(span) != 1:
        return False
    t = span[0]
    if not t.is_title or t.is_upper:
        return False
    return t.dep_ == "pobj" and t.head.lower_ in LOCATIVE or t.dep_ == "compound" and t.head.lower_ in FACILITIES


# endings of nouns for people ("landowner", "activist", "civilian", "refugee", "resident", "Texan"), and the
# machines a country's forces act through ("Russian tanks shelled ..."): a nationality on these names actors
PEOPLE_SUFFIXES = ("er", "or", "ist", "ian", "man", "men", "ee", "ant", "ent", "ese", "ite", "ple")
# things whose names end like those of people ("investment", "border", "paper")
THING_ENDINGS = ("ment", "letter", "number", "border", "center", "centre", "order", "paper", "water", "power")
MACHINES = frozenset("""aircraft plane jet warplane bomber fighter helicopter drone ship warship vessel boat submarine
    frigate destroyer tank artillery missile rocket gunboat""".split())
PEOPLE_WORDS = frozenset("representative relative native operative executive captive kin family clan tribe".split())


def names_agents(head, titles) -> bool:
    """Does a plural noun name people or the machines forces fight with ("landowners", "students",
    "tanks"), who act for their country, rather than things ("efforts", "investments")?"""
    low, lemma = head.lower_, head.lemma_.lower()
    return head.tag_ == "NNPS" or low in titles or lemma in MACHINES or low in MACHINES \
        or lemma in PEOPLE_WORDS or lemma.endswith(PEOPLE_SUFFIXES) and not lemma.endswith(THING_ENDINGS)


def describes(doc, i: int) -> bool:
    """Whether the words at token i make the noun before them part of a describing compound
    ("military" in "military-led", "government" in "government-backed")."""
    return i + 1 < len(doc) and doc[i].text == "-" and doc[i + 1].lower_ in DESCRIBING_SUFFIXES


def titled_names(reader, person_tok: set[int]) -> list[Span]:
    """"spokesperson Tomas Varga" the parser did not tag a person: two or three capitalised proper
    nouns right after a person's title, none a known term or part of a place or organisation, are a
    person's name."""
    doc, found = reader.doc, []
    for span in reader.titles.values():
        if reader.title(span).kind != "person":
            continue
        i = span.end
        while i < len(doc) and i - span.end < 3 and doc[i].pos_ == "PROPN" and doc[i].is_title and doc[i].is_alpha \
                and i not in person_tok and i not in reader.term_tok and i not in reader.skip \
                and doc[i].ent_type_ not in ("GPE", "LOC", "ORG", "NORP", "FAC"):
            i += 1
        if i - span.end >= 2 and (i == len(doc) or not (doc[i].pos_ == "PROPN" and doc[i].is_title)):
            found.append(Span(doc, span.end, i, label="PERSON"))
    return found


def run_on(reader, ent: Span) -> bool:
    """Is the entity run on over a sentence's end: a one-letter word and its stop, then a noun of the
    title table ("on X. Militants attacked")?"""
    return any(len(t.text) == 2 and t.text[0].isupper() and t.text[1] == "." and t.i + 1 < ent.end
               and reader.doc[t.i + 1].lower_ in reader.k.titles for t in ent)


def modifies_a_thing(reader, span) -> bool:
    """Is the title noun a modifier of a following noun that names no person or body ("military" in
    "the military build-up", "army" in "army budget")?"""
    root = span.root
    head = root.head
    return root.dep_ in ("compound", "amod", "nmod") and head.i >= span.end and head.pos_ == "NOUN" \
        and head.i not in reader.title_tok and head.lower_ not in reader.k.titles


def capital_acts(span: Span) -> bool:
    """A capital used for its government ("Seoul and Washington agreed", "talks with Pyongyang"),
    not as a place ("in Seoul", "a visit to Washington")."""
    root = span.root
    if root.dep_ in ("nsubj", "nsubjpass", "poss", "dobj", "appos", "ROOT"):
        return True
    if root.dep_ == "conj":
        return capital_acts(root.head.doc[root.head.i : root.head.i + 1])
    if root.dep_ == "pobj":
        return root.head.lower_ in {"with", "between", "by", "against", "from", "toward", "towards", "on"}
    if span.end < len(span.doc) and span.doc[span.end].text in ("'s", "’s", "'", "’"):
        return True
    return False
