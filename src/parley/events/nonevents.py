"""Cascade step: drop what a story tells that is no political act.

- credit lines ("X contributed to this report"), headings and link lines ("SEE ALSO: ..."), which
  are the page's furniture, not its news;
- wishes and worries: an act that is only the content of a hope or a fear ("hopes Russia will
  withdraw") was not done, planned or demanded by anyone;
- questions: a sentence that asks, and the participle of a reporter's question ("Asked whether ...,
  X said"), put no act on record;
- meetings at home: a CONSULT between two parties of one state (purely domestic routine), or a
  visit to a place that is no identifiable party (a town taken for an actor);
- (the senses of action verbs that are no act, "committed abuses", "struck a conciliatory tone",
  "dispatched coffins", are told apart where the sentence is read: candidates.py);
- acts by actors outside politics: the press, scholars and analysts, businesses (their sector in
  the actor tables). They may still be on the receiving end ("police arrested a journalist"), and
  then their answers are acts of that conflict ("the journalist denies the charges").
"""

from __future__ import annotations

import re

from .story import EventMention, Story

# sectors of actors whose own acts are not political events (PLOVER sector codes of the actor tables)
SIGNING = "057"  # CAMEO: sign a formal agreement
NON_POLITICAL_SECTORS = frozenset({"MED", "EDU", "BUS"})
PURSUING = frozenset({"COERCE", "SANCTION"})  # what a state does to those it pursues
# "X contributed to this report", "reporting by X", "additional reporting by X"
CREDIT = re.compile(r"\bcontributed\b.{0,40}\breport\b|^(?:additional\s+)?reporting\s+by\b|^(?:written|edited)\s+by\b",
                    re.IGNORECASE)
# a line that sends the reader elsewhere: "SEE ALSO: ...", "Related: ...", "Read more: ..."
LINK_LINE = re.compile(r"^\s*(?:see also|related|read more|read also|also read|watch|listen)\s*[:\-–]", re.IGNORECASE)
SENTENCE_END = ("." , "!", "?", '"', "”", "’", "'", ")", "…")
HEADING_MAX_WORDS = 14  # a line with no final stop this short is a heading, not a sentence

def is_furniture(sentence: str) -> bool:
    """A credit, link line or heading: page furniture, not a sentence of the story."""
    text = sentence.strip()
    if CREDIT.search(text) or LINK_LINE.match(text):
        return True
    return not text.endswith(SENTENCE_END) and len(text.split()) <= HEADING_MAX_WORDS


def is_question(sentence: str) -> bool:
    text = sentence.strip().rstrip('"”’\' )')
    return text.endswith("?")


def political(mention: EventMention, pursued: frozenset = frozenset()) -> bool:
    """Is the act's doer a political actor (not the press, scholars or business)? Whoever a state
    arrests, jails or punishes in the story is a party to that conflict, and so are their answers
    ("the jailed reporter denies the charges")."""
    actor = mention.event.actor1
    # whoever takes to the street or strikes acts politically, students and workers too
    return actor is None or actor.sector not in NON_POLITICAL_SECTORS or mention.event.type == "PROTEST" or \
        bool(actor.actor_id) and actor.actor_id in pursued


def pursued_parties(mentions: list[EventMention]) -> frozenset:
    """Ids of the parties the story's coercions and sanctions fall on."""
    return frozenset(m.event.actor2.actor_id for m in mentions if m.event.type in PURSUING
                     and m.event.actor2 is not None and m.event.actor2.actor_id)


def domestic_meeting(mention: EventMention) -> bool:
    e = mention.event
    if e.type != "CONSULT" or e.actor1 is None or e.actor2 is None:
        return False
    a, b = e.actor1, e.actor2
    if a.country and b.country and a.country == b.country and a.country != "IGO":
        return True
    return e.mode == "visit" and not (b.country or b.sector)


def lone_act(mention: EventMention) -> bool:
    """An act that needs a counterpart and found none: a signature with no other party (a decree, a
    declaration). (A visit with no host stays: a gathering of a group is often told so.)"""
    e = mention.event
    return e.actor2 is None and (e.cameo or "").startswith(SIGNING)


def drop_non_events(mentions: list[EventMention], story: Story) -> list[EventMention]:
    kept = []
    pursued = pursued_parties(mentions)
    for m in mentions:
        text = story.sentences[m.sentence] if m.sentence < len(story.sentences) else ""
        if is_furniture(text) or is_question(text) or m.question or m.wished or not political(m, pursued) or \
                domestic_meeting(m):
            continue
        kept.append(m)
    return kept


def drop_lone_acts(mentions: list[EventMention], story: Story) -> list[EventMention]:
    """After targets are found: acts that still have no counterpart they need (see lone_act)."""
    return [m for m in mentions if not lone_act(m)]

