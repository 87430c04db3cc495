"""Whose office a title names: the country after "of" ("the foreign minister of Jordan", "the leader of
ISIS"), or the country of the person it is held under ("Trump's special envoy"). `reader` is the
mention reader of mentions.py (its doc, knowledge, term index and the people read so far)."""

from __future__ import annotations


def country_after_of(reader, chunk: list, after: int) -> str | None:
    """"the foreign minister of Jordan", "adviser to the president of Chile": the country named after
    "of" serves as the office's (an "envoy to X" or "for X" is sent to X, so only "of" counts)."""
    for t in chunk:
        if t.i < after or t.i not in reader.term_tok or reader.term_tok[t.i].start != t.i:
            continue
        prev = reader.doc[t.i - 1]
        if prev.lower_ == "the" and t.i > 1:
            prev = reader.doc[t.i - 2]
        term = reader.term(reader.term_tok[t.i])
        if prev.lower_ == "of" and term and term.kind in ("country", "capital") and term.actor_kind != "person":
            return term.country
    return None


def possessor_country(reader, i: int) -> str | None:
    """The country of the person named just before the possessive at token i ("Trump's")."""
    owner = reader.last_person_at.get(i - 1)
    if owner is None:
        return None
    return next((t.country for t in owner.titles if t.country), owner.nationality)


def serves(reader, cand, country: str | None) -> None:
    """"Trump's special envoy": an office held under a person is held for that person's country."""
    if country and cand.titles and cand.titles[-1].country is None and not cand.nationality:
        cand.titles[-1].country = country


def owner_after_of(reader, i: int) -> tuple[str | None, str | None]:
    """(code, owner) of the country or organisation named right after an office ("of [the] X");
    the owner is the organisation's name when it is not a country."""
    if i >= len(reader.doc) or reader.doc[i].lower_ != "of":
        return None, None
    i += 1 + (i + 1 < len(reader.doc) and reader.doc[i + 1].lower_ == "the")
    span = reader.term_tok.get(i)
    term = reader.term(span) if span is not None and span.start == i else None
    if term is None or not term.country or term.actor_kind == "person":
        return None, None
    return term.country, None if term.country in reader.k.countries else term.name
