"""How the words of a mention become the name of an actor: titles written out, a group noun as
written, the capitalised words that make a body's own name."""

from __future__ import annotations

from spacy.tokens import Span

# titles written short before a name, written out in full
ABBREVIATIONS = {"rep.": "Representative", "sen.": "Senator", "gen.": "General", "lt. gen.": "Lieutenant General",
                 "maj. gen.": "Major General", "col.": "Colonel", "adm.": "Admiral"}
SMALL_WORDS = {"of", "for", "and", "the", "on", "in", "at", "to", "a"}  # left in lower case inside a name


def name_words(left: list) -> list:
    """The capitalised words just before an office or body word that make it a name of its own
    ("Autonomous" in "the Kurdish-led Autonomous Administration"); none that name a person, place or
    nationality (those make it that one's body), none at a sentence's start."""
    words: list = []
    for t in reversed(left):
        capital = t.is_title or t.is_upper and t.is_alpha and len(t) > 1  # ("the ANC party": an acronym too)
        if not capital or t.is_sent_start or t.lower_ in SMALL_WORDS or t.ent_type_ in ("PERSON", "GPE", "NORP", "LOC"):
            break
        words.insert(0, t)
    return words


def head_text(span: Span) -> str:
    """A group noun as written when it is a proper noun ("Kurds"), else in lower case."""
    first = span[0]
    proper = first.is_title and not first.is_sent_start and first.pos_ == "PROPN"
    return span.text if proper else span.text.lower()


def name_text(span: Span) -> str:
    """A name as one line: "Kim Jong - un" tokens back to "Kim Jong-un", spaces normalised."""
    text = span.text.replace("’", "'")
    return " ".join(text.split())


def title_text(tokens) -> str:
    text = " ".join(t if isinstance(t, str) else t.text for t in tokens).replace(" - ", "-").replace(" -", "-").replace("- ", "-")
    low = text.lower()
    if low in ABBREVIATIONS:
        return ABBREVIATIONS[low]
    words = []
    for n, w in enumerate(text.split()):
        if w.isupper() and len(w) > 1:
            words.append(w)
        elif n and w.lower() in SMALL_WORDS:
            words.append(w.lower())
        else:
            words.append("-".join(p[:1].upper() + p[1:] for p in w.split("-")) if not w[:1].isupper() else w)
    return " ".join(words)
