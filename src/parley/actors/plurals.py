"""Plural references to parties a story named: "the two sides", "both leaders", "the three nations",
and "they" after a listed subject. Each becomes a (token range, actor keys) entry of the resolver's
`pairs`, which the event stage reads through ArticleActors.parties. `r` is the resolver of resolve.py."""

from __future__ import annotations

SUBJECT = {"nsubj", "nsubjpass"}  # the dependency labels of a clause subject

# "the two sides", "both leaders", "the three nations": how many parties the phrase stands for
PLURAL_COUNTS = {"two": 2, "both": 2, "three": 3, "four": 4}
# plural nouns that refer to parties named before: people, or states and organisations
PAIR_NOUNS = {"sides": "party", "parties": "party", "delegations": "party", "countries": "state", "nations": "state",
              "governments": "state", "neighbors": "state", "neighbours": "state", "capitals": "state",
              "leaders": "person", "presidents": "person", "men": "person", "ministers": "person",
              "women": "person", "envoys": "person"}

# plural offices whose holders a story has named: "the prime ministers", "the presidents"
OFFICE_PLURALS = ("ministers", "presidents", "premiers", "leaders")
OFFICE_WORDS = frozenset({"prime", "foreign", "defense", "defence", "two"})
# nouns that count the parties they stand for: "the trio" after three states were named
COLLECTIVES = {"duo": 2, "pair": 2, "trio": 3, "quartet": 4}


def find_plurals(r) -> None:
    """"the two sides", "both countries", "the three military-led nations": the parties of that kind
    the story named last (within the sentence and the two before it): people for leaders, countries
    for countries and nations, else states and organisations."""
    doc = r.doc
    for i in r.tokens(*PLURAL_COUNTS):
        t = doc[i]
        count = PLURAL_COUNTS[t.lower_]
        if t.lower_ != "both" and (t.i == 0 or doc[t.i - 1].lower_ != "the"):
            continue
        noun = _plural_noun_after(doc, t.i + 1)
        kind = PAIR_NOUNS.get(noun.lower_) if noun is not None else None
        if kind is None:
            continue
        start = t.i - 1 if t.lower_ != "both" else t.i
        keys = _last_named(r, start, kind, count)
        if keys:
            r.pairs.append((start, noun.i + 1, keys))


def find_office_pairs(r) -> None:
    """"the prime ministers signed eight pacts", "the presidents met": a definite plural of an office,
    as the subject of its clause, is the two people the story named last (within the sentence and the
    two before it), as "both leaders" is."""
    doc = r.doc
    for i in r.tokens(*OFFICE_PLURALS):
        t = doc[i]
        start = t.i - 1
        while start >= 0 and doc[start].lower_ in OFFICE_WORDS:
            start -= 1  # "the prime ministers", "the foreign ministers"
        if t.dep_ not in SUBJECT or start < 0 or doc[start].lower_ != "the" or any(c.dep_ == "prep" for c in t.children):
            continue  # ("the ministers of the bloc" are that body's, not two people named before)
        keys = _last_named(r, start, "person", 2)
        if keys:
            r.pairs.append((start, t.i + 1, keys))


def find_collectives(r) -> None:
    """"the trio", "the pair": as many parties as the noun counts, the states and organisations the
    story named last (as for "the three nations")."""
    doc = r.doc
    for i in r.tokens(*COLLECTIVES):
        if i == 0 or doc[i - 1].lower_ != "the" or doc[i].pos_ != "NOUN":
            continue
        keys = _last_named(r, i - 1, "party", COLLECTIVES[doc[i].lower_])
        if keys:
            r.pairs.append((i - 1, i + 1, keys))


def _last_named(r, at: int, kind: str, count: int) -> list[str]:
    lo = r.sent[at] - 2
    seen: list[tuple[int, str]] = []
    for d in r.drafts.values():
        if (d.kind == "person") != (kind == "person") or (kind == "state" and d.kind != "country"):
            continue
        if kind == "party" and d.country() == "IGO":
            continue  # an organisation of states mediates or watches; it is seldom one of "the two sides"
        for s, _, _ in d.spans:
            if s < at and r.sent[s] >= lo:
                seen.append((s, d.key))
    keys: list[str] = []
    for _, key in sorted(seen, reverse=True):
        if key not in keys:
            keys.append(key)
        if len(keys) == count:
            return keys[::-1]
    return []


def find_they(r) -> None:
    """"They" as a clause subject is the one group, organisation or country that was the subject of a
    clause earlier in its sentence, else of the sentence before ("The G7 statement said the group
    was concerned. They called on China ..."); with none or several, it stays unresolved."""
    at_token: dict[int, str] = {}
    subjects: dict[int, list[tuple[int, str]]] = {}
    for d in r.drafts.values():
        if d.kind == "person":
            continue
        for start, end, _ in d.spans:
            at_token[end - 1] = d.key
            if r.doc[end - 1].dep_ in SUBJECT:
                subjects.setdefault(r.sent[start], []).append((start, d.key))
    for i in r.tokens("they"):
        t = r.doc[i]
        if t.dep_ not in SUBJECT:
            continue
        s = r.sent[t.i]
        for where in (s, s - 1):
            found = [(pos, k) for pos, k in subjects.get(where, []) if pos < t.i]
            if not found:
                continue
            if len({k for _, k in found}) == 1:
                pos, key = found[0]
                listed = _coordinated_with(r, pos, at_token)
                if len(listed) > 1:  # "Ukraine and Russia traded blame. They ...": both
                    r.pairs.append((t.i, t.i + 1, listed))
                else:
                    r.drafts[key].spans.append((t.i, t.i + 1, "pronoun"))
            break


def _coordinated_with(r, start: int, at_token: dict[int, str]) -> list[str]:
    """The actors listed with the one mentioned at token `start` ("Ukraine and Russia"), in order."""
    head = r.doc[start]
    while head.head.i != head.i and head.head.i - head.i in range(1, 6) and head.dep_ in ("compound", "amod", "det"):
        head = head.head
    keys = [at_token.get(head.i)] + [at_token.get(c.i) for c in head.subtree if c.dep_ == "conj"]
    return list(dict.fromkeys(k for k in keys if k))


def _plural_noun_after(doc, i: int):
    """The noun of "two [neighbouring | military-led] countries": up to three describing words are passed."""
    for j in range(i, min(i + 4, len(doc))):
        t = doc[j]
        if t.lower_ in PAIR_NOUNS:
            return t
        if not (t.pos_ in ("ADJ", "VERB", "NOUN", "PROPN") or t.text == "-"):
            return None
    return None
