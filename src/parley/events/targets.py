"""Cascade step: recover the target a clause leaves implicit.

News names the other party once and then leaves it out: "Pakistan accused Kabul of sheltering the
militants. The Taliban rejected the claim." The rejection is of Pakistan's claim. When an act that
has an addressee or victim by nature (accusing, rejecting, demanding, attacking, sanctioning...)
has none in its clause, the target is, in order:
0. for a rejection or a denunciation of a thing ("rejected the warrant", "called the ruling
   arbitrary"), the doer of the latest act told before that fell on the one reacting;
1. another party the same sentence names, not of the doer's own side (no one person when the clause
   names its object as several: "shot them");
2. for a reaction (rejecting, accusing, threatening), the doer of an act told in the previous
   sentence; else another party that sentence names;
3. the party the lead is about.
An act of force on "the attackers", "militants" or "terrorists" falls on the armed group the story
names (the latest before it, else the first). Multilateral meetings, mobilisation and protest often
have no target at all and are left alone. So is a reaction to a claim its own clause defines
("rejected claims that X ..."): it answers no claim told before, and who is named inside the claim is
what it is about, not who made it.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import replace

from .candidates import OFFERS, PEOPLE  # (offers: acts addressed to whoever answers them)
from .nonevents import NON_POLITICAL_SECTORS
from ..ids import is_country_id, is_person_id
from ..records import EventActor
from .story import EventMention, Story, same_actor

NON_STATE = frozenset({"REB"})  # armed groups fighting a state, of that state's country
# acts that have an addressee or victim by nature
TARGETED = frozenset({"ACCUSE", "REJECT", "REQUEST", "THREATEN", "SUPPORT", "ASSAULT", "COERCE", "SANCTION",
                      "AID", "AGREE", "RETREAT", "CONCEDE", "COOPERATE"})
# acts whose implicit target may be the lead's party; coercion and sanctions fall on whoever the
# clause names (a person arrested, a group listed), so a lead party is no fair guess for them
FROM_LEAD = TARGETED - {"COERCE", "SANCTION"}
# acts of force, and the words for the fighters they fall on when the clause does not name them
FORCE = frozenset({"ASSAULT", "COERCE"})
ARMED_DESCRIPTIONS = frozenset(
    "attacker assailant gunman gunmen militant insurgent fighter terrorist rebel hijacker kidnapper jihadist".split())
# acts done to people, whom the clause may name as no party: "killed nearly 400 people", "released
# dozens of women and children", "arrested five people"; the people are the target as written
ON_PEOPLE = frozenset({"ASSAULT", "COERCE", "RETREAT"})
PEOPLE_WORDS = PEOPLE | frozenset("""passenger miner villager resident student pilgrim worshipper tourist elder
    lawmaker legislator politician demonstrator""".split())
IRREGULAR_PLURALS = frozenset({"people", "children", "women", "men"})
PLURAL_PRONOUN = "they"  # the lemma of "them": an object the clause names as several, so no one person
COUNTS = frozenset({"dozen", "hundred", "thousand", "score"})  # "dozens of passengers"
# acts that answer what another party said or did just before
REACTIONS = frozenset({"REJECT", "ACCUSE", "THREATEN", "REQUEST"})
# reactions that can be to a thing another party made ("rejected the warrant", "denounced the ruling"),
# and the acts that make such things (charges, demands, warrants, rulings, sanctions, attacks)
ANSWERS = frozenset({"REJECT", "ACCUSE"})
ANSWERED = frozenset({"ACCUSE", "REQUEST", "THREATEN", "SANCTION", "COERCE", "ASSAULT"})
PRONOUNS = frozenset("it they he she we you i this that these those".split())  # lemmas of pronoun objects
DEMONSTRATIVES = frozenset("this that these those such".split())
BLAMING = frozenset({"blame"})
# acts of war and of pulling back from it, and the sectors of the parties a lead can give them
ARMED_ACTS = frozenset({"ASSAULT", "RETREAT"})
WARRING_SECTORS = frozenset({"MIL", "REB", "GOV", "COP"})
UNDERTAKINGS = frozenset("commitment obligation pledge promise undertaking".split())  # one's own word


def people(mention: EventMention) -> bool:
    """Does the act's object name people, counted or not ("nine people", "dozens of passengers")?"""
    words = mention.object_phrase.lower().split()
    if not words or mention.object_word not in PEOPLE_WORDS | COUNTS:
        return False
    last = words[-1]
    return last in PEOPLE_WORDS or last in IRREGULAR_PLURALS or last.endswith("s") and last[:-1] in PEOPLE_WORDS


def other_side(doer, candidate) -> bool:
    """Is `candidate` a party other than `doer` and not of its own side (same state)?"""
    if candidate is None or same_actor(doer, candidate):
        return False
    if doer is None:
        return True
    return not (doer.country and candidate.country and doer.country == candidate.country)


def identified(candidate) -> bool:
    """An implicit target must be a party we can place: a state, or a known political sector. A bare
    name with neither (often a place or a publication taken for an actor) is too weak a guess."""
    if candidate.sector in NON_POLITICAL_SECTORS:
        return False
    return bool(candidate.country or candidate.sector)


def first_other(doer, candidates) -> object | None:
    return next((c for c in candidates if other_side(doer, c) and identified(c)), None)


def armed_group(story: Story, before: int):
    """The armed group the story names (non-state fighters, sector REB): the latest before sentence
    `before`, else the first it names at all."""
    groups = [(n, a) for n, names in enumerate(story.named) for a in names if a.sector == "REB"]
    earlier = [a for n, a in groups if n <= before]
    return earlier[-1] if earlier else (groups[0][1] if groups else None)


def armed_party(actor) -> bool:
    """Can the party be on the other side of fighting or a withdrawal: a state, its forces or
    government, an armed group (not lawmakers, commentators or a person)?"""
    return is_country_id(actor.actor_id) or actor.sector in WARRING_SECTORS


def _names_an_act(mention: EventMention) -> bool:
    """Is the reaction's object a thing (a warrant, the charges, the ruling) rather than a party or a
    claim its own clause spells out?"""
    word = mention.object_word
    if not word or mention.object_defined or word in PRONOUNS | PEOPLE_WORDS | ARMED_DESCRIPTIONS | COUNTS:
        return False
    # "blamed the attacks on X" names the act blamed, not a thing X made; "those claims" points to what
    # was just told, which the previous sentence gives
    first = mention.object_phrase.split()[:1]
    return mention.lemma not in BLAMING and not (first and first[0].lower() in DEMONSTRATIVES)


def _answered_act(mention: EventMention, mentions: list[EventMention]):
    """The doer of the latest act told before `mention` whose target is the one now reacting, or a party
    named on the object ("the decision to jail X"): a denial or a denunciation of "the warrant", "the
    charges", "the ruling" answers the act that produced it."""
    e = mention.event
    patients = {_key(e.actor1)} | set(mention.object_parties)
    earlier = [m for m in mentions if m.sentence < mention.sentence and m.event.type in ANSWERED
               and m.event.actor2 is not None and _key(m.event.actor2) in patients]
    for m in sorted(earlier, key=lambda m: m.sentence, reverse=True):
        if other_side(e.actor1, m.event.actor1) and identified(m.event.actor1):
            return m.event.actor1
    return None


def _fitting(candidates, several: bool) -> list:
    """The candidates that can be the target: no single person when the clause names several."""
    return [a for a in candidates if not (several and is_person_id(a.actor_id))]


def _key(ref) -> str:
    return ref.actor_id or ref.name.lower()


def find_targets(mentions: list[EventMention], story: Story) -> list[EventMention]:
    doers = defaultdict(list)  # sentence -> doers of the acts it tells
    co_doers = defaultdict(list)  # (sentence, trigger) -> doers of that one act ("X and Y warned")
    # a party recovered from elsewhere is not named by this clause: it takes its canonical name, not
    # the wording another clause gave it ("Islamabad blamed ... The Taliban denied it" -> Pakistan)
    canonical = {r.actor_id: r for names in story.named for r in names if r.actor_id}
    answered = defaultdict(list)  # (sentence, doer) -> who acts on that doer in the sentence
    for m in mentions:
        if m.event.actor1 is not None:
            doers[m.sentence].append(canonical.get(m.event.actor1.actor_id, m.event.actor1))
            if m.event.actor2 is not None:
                answered[(m.sentence, _key(m.event.actor2))].append(m.event.actor1)
            co_doers[(m.sentence, m.event.trigger)].append(m.event.actor1)
    lead = story.lead_actors()
    out = []
    for m in mentions:
        e = m.event
        if e.actor2 is not None or e.type not in TARGETED or m.object_defined and e.type in REACTIONS or \
                e.type == "REJECT" and m.object_word in UNDERTAKINGS:
            # ("stopped implementing its commitments": a party going back on its own word answers no one)
            out.append(m)
            continue
        # a co-doer of the sentence ("X and Y warned ...") is not the one acted on
        # (the doer of another act in the sentence may well be the one acted on: "warned it will
        # keep up pressure on Iran, ... Iran denied ...")
        nearby = [a for a in m.nearby if not any(same_actor(a, d) for d in co_doers[(m.sentence, e.trigger)])]
        nearby = [a for a in nearby if a.actor_id not in m.object_parties]
        # "X welcomed the news that Y had agreed to a ceasefire": who comments on Y's act is no party to it
        # (but an offer is made to whoever answers it: "X rejected Y's offer of talks")
        commenters = [] if e.type in REACTIONS or m.lemma in OFFERS else answered[(m.sentence, _key(e.actor1))]
        nearby = [a for a in nearby if not any(same_actor(a, c) for c in commenters)]
        target = None
        if m.object_word in ARMED_DESCRIPTIONS and e.type in FORCE:
            # "killed all six attackers": the group the story says attacked
            target = armed_group(story, m.sentence)
            # (an insurgent group is the other side of its own state's forces)
            target = target if target is not None and not same_actor(e.actor1, target) else None
        if target is None and e.type in ON_PEOPLE and people(m):
            target = EventActor(name=m.object_phrase, sector="CVL")
        if target is None and e.type in ANSWERS and _names_an_act(m):
            # "X rejected the warrant": the warrant is the act told before that fell on X
            answered_by = _answered_act(m, mentions)
            target = canonical.get(answered_by.actor_id, answered_by) if answered_by is not None else None
        # "shot them", "accused them": whoever they are, they are not one person named nearby
        several = m.object_word == PLURAL_PRONOUN
        target = target or first_other(e.actor1, _fitting(nearby, several))
        if target is None and m.sentence > 0 and e.type in REACTIONS:
            previous = m.sentence - 1
            target = first_other(e.actor1, _fitting(doers.get(previous, ()), several)) or \
                first_other(e.actor1, _fitting(story.named[previous], several))
        if target is None and e.type in FROM_LEAD and not (e.type in FORCE and m.object_word):
            # (force on a thing the clause names, "blew up the tracks", falls on no party the lead guesses)
            target = first_other(e.actor1, [a for a in lead if not any(same_actor(a, d) for d in co_doers[(m.sentence, e.trigger)])
                                            and a.actor_id not in m.object_parties
                                            and not any(same_actor(a, c) for c in commenters)
                                            and (e.type not in ARMED_ACTS or armed_party(a))])
        out.append(replace(m, event=replace(e, actor2=target)) if target is not None else m)
    return out
