"""The name an event gives a party: the story's own wording in that clause, at its most specific.

An actor record carries one canonical name per story ("Pakistan", "Afghan authorities"), which is what
joins its mentions and what dyads count by (`actor_id`, `country`). A coder writing the event down names
the party as the clause does when the clause is more specific or chooses a form of its own:
- a capital standing for its government is written as the capital ("Islamabad blamed ...");
- a body of a state named by its country or capital is that body ("the Kabul authorities", "the
  Pakistani state", "the U.S. Treasury Department"), not the bare country;
- a group named by a nationality keeps its own words ("Kabul authorities" rather than the table's
  "Afghan authorities").
A pronoun, a bare description ("the group", "the authorities") or a surname says less than the
canonical name, which is kept.
"""

from __future__ import annotations

from ..records import Actor, Mention

# nouns for the bodies through which a state acts: "the Pakistani state", "Kabul authorities",
# "Iran's leadership" name that state's government, more specifically than the bare country
STATE_BODIES = frozenset("""state government authorities authority administration regime leadership military army
    navy forces police judiciary parliament cabinet ministry presidency junta""".split())
# the heads of the proper names of a state's bodies ("the U.S. Treasury Department", "Kenya's High
# Court"); other proper nouns after a country's name are laws, events or places ("the Chinese Exclusion Act")
NAMED_BODIES = STATE_BODIES | frozenset("""department ministry agency office service council commission court
    assembly guard command mission embassy senate congress house committee bureau corps""".split())
# modifier dependencies that tie a country's name to the body it owns
OWNER_DEPS = frozenset({"amod", "compound", "nmod", "poss"})
DETERMINERS = frozenset({"the", "a", "an"})


def written_name(actor: Actor, toks, mentions: list[Mention]) -> str:
    """The name the clause gives `actor`, whose noun phrase is `toks` (spaCy tokens; may be empty).

    `mentions` are the actor layer's mentions overlapping the phrase."""
    own = [m for m in mentions if m.actor_id == actor.id]
    if not own or not toks:
        return actor.name
    mention = max(own, key=lambda m: m.end - m.start)
    if actor.kind == "country":
        body = _state_body(mention, toks)
        if body:
            return body
        if mention.kind == "metonym" and not _in_apposition(mention, toks):
            return _undetermined(mention.text)  # "Islamabad", "the Kremlin"
        return actor.name
    if actor.kind == "group" and mention.kind == "description" and _proper_modifier(mention.text):
        return _undetermined(mention.text)  # "Kabul authorities", "Pakistani envoy" as written
    return actor.name


def _state_body(mention: Mention, toks) -> str:
    """"the Pakistani state", "Iran's leadership", "the U.S. Treasury Department": the phrase from the
    country's name to the head of the noun phrase it modifies, when that head is a body of the state or
    a name of its own; "" otherwise ("China's military build-up" is China's act, not a body)."""
    by_start = {t.idx: t for t in toks}
    first = by_start.get(mention.start)
    if first is None:
        return ""
    last = max((t for t in toks if t.idx < mention.end), key=lambda t: t.i)
    head = last
    while head.dep_ in OWNER_DEPS or head.dep_ == "case" or head.text in ("'s", "’s"):
        if head.head.i <= head.i:
            return ""
        head = head.head
    if head.i == last.i:
        return ""
    if not (head.lower_ in STATE_BODIES or head.pos_ == "PROPN" and head.is_title and head.lower_ in NAMED_BODIES):
        return ""
    if head.lower_ == "state" and any(t.i < head.i and t.dep_ in ("amod", "compound") and not (t.idx < mention.end)
                                      for t in head.children):
        return ""  # "the U.S. southern state of Texas": a state of a federation, a place
    between = [t for t in head.doc[last.i + 1:head.i]]
    if any(t.pos_ not in ("PROPN", "ADJ", "NOUN", "PART") and t.text not in ("'s", "’s") for t in between):
        return ""
    if head.pos_ == "PROPN" and any(t.pos_ not in ("PROPN", "PART") and t.text not in ("'s", "’s") for t in between):
        return ""  # a name of its own is written in proper nouns throughout ("Treasury Department")
    text = head.doc[first.i:head.i + 1].text.replace("’", "'")
    return _undetermined(" ".join(text.split()))


def _in_apposition(mention: Mention, toks) -> bool:
    """"a visit to the capital, Lima": a capital named beside "the capital" is the place."""
    return any(t.dep_ == "appos" for t in toks if mention.start <= t.idx < mention.end)


def _proper_modifier(text: str) -> bool:
    """Is a group's description one nationality (or capital) and its noun, not a list of parties?"""
    words = [w for w in text.split() if w.lower() not in DETERMINERS]
    listed = "and" in words or any(w.endswith(",") for w in words)
    return len(words) >= 2 and words[0][:1].isupper() and not listed


def _undetermined(text: str) -> str:
    words = text.split()
    while words and words[0].lower() in DETERMINERS:
        words = words[1:]
    return " ".join(words) or text
