"""Spans the parser labels wrongly: a person's name filed as an organisation, and ordinary words that
open a sentence read as names ("Beyond Ukraine", "Coordinated"). `reader` is the mention reader of
mentions.py (its doc and its title and term indexes)."""

from __future__ import annotations

from spacy.tokens import Span

from .knowledge import is_given_name, not_an_actor


def reads_as_person(reader, ent: Span, surnames: set[str]) -> bool:
    """A person's name the parser filed as an organisation ("Artur Romeu, director of ...", "Sebastien
    Lai" in a story about Jimmy Lai): two or three capitalised words, none a title or a known name,
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
