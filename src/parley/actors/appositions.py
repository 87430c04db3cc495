"""Names listed with one apposition after them: "Lena Holt and Pavel Orlov, advisers to the presidents of
Chile and Peru". The plural title holds for each name; the countries named after "of" go one to each, in
order ("respectively" is implied in news English), or all to each when there is one. `reader` is the
mention reader of mentions.py (its doc, knowledge and term index)."""

from __future__ import annotations

from .knowledge import Title


def share_plural_appositions(reader, people: list) -> None:
    """"Lena Holt and Pavel Orlov, advisers to the presidents of Chile and Peru": a plural title after
    a list of names holds for each of them, and a list of as many countries goes one to each, in order
    ("respectively" is implied in news English); one country goes to all."""
    from .mentions import TitleSeen  # the reader's own record; imported here as mentions imports this module
    by_end = {c.end: c for c in people}
    for last in people:
        chain = _chain_ending(reader.doc, last, by_end)
        if len(chain) < 2 or last.end >= len(reader.doc) or reader.doc[last.end].text != ",":
            continue
        found = _plural_title(reader, last.end + 1)
        if found is None:
            continue
        title, info, stop = found
        countries = _countries_until_break(reader, stop)
        if len(countries) not in (1, len(chain)) or info.topical:
            countries = []
        for n, cand in enumerate(chain):
            code = countries[n if len(countries) > 1 else 0] if countries else None
            if not any(t.role for t in cand.titles):
                cand.titles.append(TitleSeen(title, code, info.sector, info.cls))


def _chain_ending(doc, last, by_end: dict) -> list:
    """The names listed up to `last` ("A, B and C"), in order."""
    chain, cand = [last], last
    while True:
        i = cand.start - 1
        if i >= 0 and doc[i].lower_ == "and":
            i -= 1
            if i >= 0 and doc[i].text == ",":
                i -= 1
        elif i >= 0 and doc[i].text == ",":
            i -= 1
        else:
            break
        prev = by_end.get(i + 1)
        if prev is None:
            break
        chain.insert(0, prev)
        cand = prev
    return chain


def _plural_title(reader, i: int) -> tuple[str, Title, int] | None:
    """A plural person title starting at token i ("advisers", "deputy foreign ministers"): its
    singular wording, its entry, and the token after it."""
    from .wording import title_text
    doc = reader.doc
    while i < len(doc) and doc[i].lower_ in ("the", "both", "two", "three"):
        i += 1
    for width in (3, 2, 1):
        words = [t.lower_ for t in doc[i : i + width]]
        if len(words) < width or not words[-1].endswith("s"):
            continue
        singular = " ".join([*words[:-1], words[-1][:-1]])
        info = reader.k.titles.get(singular)
        if info is not None and info.kind == "person":
            return title_text(singular.split()), info, i + width
    return None


def _countries_until_break(reader, i: int) -> list[str]:
    """Countries named after "of" from token i to the end of the phrase (a comma, a clause, a sentence
    end): "of Chile and Peru" are the people's own; "envoys to Norway" are sent there."""
    from .mentions import BREAK
    found, after_of = [], False
    while i < len(reader.doc) and reader.doc[i].text not in BREAK and reader.doc[i].pos_ not in ("VERB", "AUX"):
        after_of = after_of or reader.doc[i].lower_ == "of"
        span = reader.term_tok.get(i)
        term = reader.term(span) if span is not None and span.start == i else None
        if after_of and term is not None and term.kind in ("country", "demonym", "capital") and term.country:
            found.append(term.country)
            i = span.end
            continue
        i += 1
    return found
