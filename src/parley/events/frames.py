"""Verb sense by frame: where what a verb governs, not the verb, decides the CAMEO category.

- A command to stop or to leave, given by an authority to another party ("ordered the paper to
  suspend publication", "ordered the envoys to leave"), imposes an administrative sanction or an
  expulsion: CAMEO 17 (coerce), not 10 (demand). A command to one's own forces is not coercion of
  them, so it stays a demand refined by what is commanded.
- Readying force ("the army prepared to resume shelling") is a show of military posture, CAMEO 15,
  besides the planned attack itself.
- Failing to agree ("failed to reach agreement") is, in CAMEO, coded as a rejection (12), not as an
  agreement that did not happen.
- An order to arrest or imprison ("ordered the arrest of X", "ordered X back to prison") is itself the
  coercive act (CAMEO 173), as is naming a group terrorist ("designated X a terrorist group", 172).
- Calling or describing something by a term of condemnation ("called the ruling arbitrary",
  "described the plan as a disaster"), or dismissing it as something ("dismissed the offer as a
  stunt"), is a criticism (111): it judges the act, it does not answer a proposal.
- Warning of a danger ("warned of a resurgence") threatens no one: a threat is a warning that the
  speaker will act ("warned it would retaliate"), or one given to a party ("warned Iran").
- Expecting a party to act ("Pakistan expects the Afghan government to deny ...") is demanding it
  (CAMEO 10); expecting to act oneself stays a plan.
- Threatening a state of things ("threatening the country's stability") endangers it; it is no threat
  made to a party.
- Ceasing to honour one's commitments ("stopped implementing its commitments") is reneging on them,
  a rejection (CAMEO 12).
- Recognising a fact or a situation ("we recognize a difficult situation") acknowledges it; it is no
  diplomatic recognition of a party.
- Fighting with no opponent in the clause ("still fighting", "fighting for their freedom") is a
  struggle, not an attack on anyone.
- Attacking someone for what they did or said ("attacked the paper for refusing ...") is a verbal
  attack, a criticism (111), not an armed one.
"""

from __future__ import annotations

from . import status as st

COMMANDS = frozenset("order instruct direct".split())
CEASE_CODES = {
    **dict.fromkeys("suspend stop halt cease close shut disband dissolve".split(), "172"),
    **dict.fromkeys("leave quit vacate depart".split(), "174"),
}
OWN_FORCES = frozenset("troop soldier force army unit police officer commander navy military guard".split())
FORCE_ROOTS = frozenset({"18", "19", "20"})
REJECTION = "120"
ARREST = "173"
ARREST_NOUNS = frozenset("arrest detention imprisonment jailing extradition".split())
CUSTODY = frozenset("prison jail custody detention".split())
DESIGNATING = frozenset("designate list label brand declare".split())
TERROR = frozenset("terrorist terror".split())
DESIGNATION = "172"
VERBAL_ATTACKS = frozenset("attack slam blast hit lash".split())
# the nouns of a claim: calling one baseless rejects it (and its claimant), not the one it is about
CLAIM_NOUNS = frozenset("allegation accusation claim charge report assertion suggestion rumor rumour story".split())
# verbs that name or characterise with an object predicate ("called X arbitrary", "described X as Y")
CHARACTERISING = frozenset("call name term dub label brand describe characterize characterise portray".split())
DISMISSING = frozenset({"dismiss"})
# words of condemnation: a thing called one of these is condemned (English evaluative vocabulary)
CONDEMNING = frozenset("""arbitrary baseless unfounded groundless illegal unlawful illegitimate unjust unfair unjustified
    inhumane inhuman cruel brutal barbaric barbarous outrageous shameful disgraceful unacceptable reckless
    irresponsible provocative aggressive hostile abusive dangerous absurd ridiculous appalling deplorable
    criminal corrupt racist colonial hypocritical fabricated false bogus sham farce travesty disaster
    catastrophe blunder mistake betrayal violation crime atrocity atrocities genocide aggression aggressor
    provocation weaponization weaponisation persecution hunt lie lies propaganda blackmail bullying
    interference meddling insult affront attack assault threat scandal fraud motivated""".split())
WARNING = frozenset({"warn"})
DANGER_PREPS = frozenset({"of", "about", "against"})
# what a speaker warns of when the danger is its own answer: "warned of consequences" is a threat
OWN_ANSWERS = frozenset("consequence retaliation response reprisal action measure countermeasure punishment".split())
EXPECTING = frozenset({"expect"})
# what a threat can endanger without being a threat to a party
ENDANGERED = frozenset("""sovereignty stability security peace integrity unity existence future life lives livelihood
    safety health democracy independence order institution constitution process economy""".split())
CEASING = frozenset("stop cease halt quit end suspend".split())
HONOURING = frozenset("implement honor honour observe respect fulfil fulfill comply abide".split())
RECOGNISING = frozenset({"recognize", "recognise", "acknowledge"})
ACKNOWLEDGED = frozenset("""situation need importance fact difficulty challenge problem reality risk danger complexity
    concern role contribution effort urgency value limit gravity seriousness""".split())
FIGHTING = frozenset({"fight", "battle"})
OPPONENT_PREPS = frozenset({"against", "with", "between"})
CRITICISM = "111"


# verbs that put someone somewhere: "sent X to prison", "returned X to jail", "remanded X in custody"
PLACING = frozenset("send return put throw take remand".split())


def jailing(verb) -> bool:
    """"sent X to prison", "returned him to jail", "remanded X in custody": putting a person in custody."""
    if verb.lemma_.lower() not in PLACING or not any(c.dep_ in ("dobj", "nsubjpass") for c in verb.children):
        return False
    return any(t.dep_ == "pobj" and t.lemma_.lower() in CUSTODY and t.head.lower_ in ("to", "into", "in")
               and (t.head.head.i == verb.i or t.head.head.lower_ == "back" and t.head.head.head.i == verb.i)
               for t in verb.subtree)


# verbs that tell an act as the outcome of another: "the raid led to the arrest of five people"
CAUSING = frozenset("lead result prompt trigger spark".split())
DEATH_NOUNS = frozenset({"death", "killing"})
KILLING = "190"  # CAMEO: use conventional military force (the lexicon's "kill")


def outcome(noun) -> bool:
    """"led to the arrest of five people", "resulted in the detention of X": an arrest told as the
    outcome of something else, with those it falls on and no doer of its own."""
    return _caused(noun, ARREST_NOUNS)


def deadly_outcome(noun) -> bool:
    """"an operation ..., which resulted in the deaths of 16 militants": deaths told as the outcome of
    an act of force, whose doer is the cause's (the operation's), and whose victims are the "of" phrase."""
    return _caused(noun, DEATH_NOUNS)


def _caused(noun, nouns: frozenset) -> bool:
    """Is `noun`, one of `nouns`, what a verb of causing led to, with an "of" phrase ("led to the X of Y")?"""
    if noun.lemma_.lower() not in nouns or noun.dep_ != "pobj" or noun.head.lower_ not in ("to", "in"):
        return False
    verb = noun.head.head
    return verb.lemma_.lower() in CAUSING and any(p.dep_ == "prep" and p.lower_ == "of" for p in noun.children)


def command_code(verb, complements) -> str | None:
    """The CAMEO 17 code of `verb` commanding another party to stop or leave, else None."""
    if verb.lemma_.lower() not in COMMANDS:
        return None
    target = next((c for c in verb.children if c.dep_ == "dobj"), None)
    if target is not None and target.lemma_.lower() in ARREST_NOUNS:
        return ARREST
    if any(t.dep_ == "pobj" and t.lemma_.lower() in CUSTODY and t.head.lower_ in ("to", "into") for t in verb.subtree):
        return ARREST
    if target is None or target.lemma_.lower() in OWN_FORCES:
        return None
    for comp in complements:
        code = CEASE_CODES.get(comp.lemma_.lower())
        if code:
            return code
    return None


def preparation(verb, root: str):
    """The verb by which an actor readies the use of force governed by `verb`, or None."""
    if root not in FORCE_ROOTS:
        return None
    for gov in st.governors(verb):
        # "is prepared to" is a statement of readiness (see status.COMMITTING), not an act of preparing
        if gov.lemma_.lower() == "prepare" and gov.pos_ == "VERB" and gov.dep_ != "acomp" and not any(
            c.dep_ in ("auxpass", "cop") for c in gov.children
        ):
            return gov
    return None


def failed(verb) -> bool:
    """Is `verb` governed by "fail" ("failed to reach", "failed to agree")?"""
    return any(g.lemma_.lower() in st.NEGATING_GOVERNORS for g in st.governors(verb))


def designation(verb) -> str | None:
    """CAMEO 172 for naming a party terrorist: "designated X (as) a terrorist group"."""
    if verb.lemma_.lower() not in DESIGNATING or not any(c.dep_ in ("dobj", "nsubjpass") for c in verb.children):
        return None
    return DESIGNATION if any(t.lemma_.lower() in TERROR for t in verb.subtree) else None


def verbal_attack(verb) -> bool:
    """"attacked X for refusing ...": an attack given a reason is a verbal one."""
    return verb.lemma_.lower() in VERBAL_ATTACKS and any(
        c.dep_ == "prep" and c.lower_ == "for" and any(g.dep_ in ("pcomp", "pobj") for g in c.children)
        for c in verb.children)


def _own_clause(tok, verb) -> bool:
    """Is `tok` in `verb`'s own clause (no other verb between them)?"""
    for anc in tok.ancestors:
        if anc.i == verb.i:
            return True
        if anc.pos_ in ("VERB", "AUX") and anc.dep_ != "amod":
            return False
    return False


def _as_phrase(verb, obj) -> list:
    """Tokens of an "as" phrase on the verb or on its object ("described the plan as a disaster")."""
    return [t for h in (verb, obj) for p in h.children if p.dep_ == "prep" and p.lower_ == "as" for t in p.subtree]


def condemning_term(verb) -> bool:
    """"called X arbitrary", "described X as a disaster", "dismissed X as a stunt": a criticism."""
    lemma = verb.lemma_.lower()
    if lemma not in CHARACTERISING and lemma not in DISMISSING:
        return False
    obj = next((c for c in verb.children if c.dep_ == "dobj"), None)
    if obj is None:  # the parser may fold the object into the predicate: "called [China's ruling arbitrary]"
        if lemma in DISMISSING or not any(c.dep_ == "oprd" for c in verb.children):
            return False
        said = [t for c in verb.children if c.dep_ == "oprd" for t in c.subtree]
        return any(t.lemma_.lower() in CONDEMNING or t.lower_ in CONDEMNING for t in said)
    as_phrase = _as_phrase(verb, obj)
    if lemma in DISMISSING:
        return bool(as_phrase)
    # (an apposition after the object is the parser's reading of the predicate: "called X a travesty")
    outside = as_phrase + [t for c in obj.children if c.dep_ == "appos" and c.i > obj.i for t in c.subtree]
    inside_obj = {t.i for t in obj.subtree} - {t.i for t in outside}
    said = [t for t in verb.subtree if t.i > obj.i and t.i not in inside_obj and _own_clause(t, verb)]
    return any(t.lemma_.lower() in CONDEMNING or t.lower_ in CONDEMNING for t in said)


def dismissal(verb) -> bool:
    """"called X's assertions baseless", "dismissed the allegations as lies": judging a claim untrue
    rejects it (REJECT), where judging a deed condemns it (ACCUSE)."""
    obj = next((c for c in verb.children if c.dep_ == "dobj"), None)
    if obj is None:
        obj = next((t for c in verb.children if c.dep_ == "oprd" for t in c.subtree if t.pos_ == "NOUN"), None)
    return obj is not None and obj.lemma_.lower() in CLAIM_NOUNS


def danger_warning(verb) -> bool:
    """"warned of a resurgence": a warning of a danger, with no party warned and no act announced."""
    if verb.lemma_.lower() not in WARNING:
        return False
    kids = list(verb.children)
    if any(c.dep_ in ("dobj", "ccomp", "xcomp", "dative", "nsubjpass") for c in kids):
        return False
    dangers = [t for t in verb.subtree if t.dep_ == "prep" and t.lower_ in DANGER_PREPS and _own_clause(t, verb)]
    return bool(dangers) and not any(g.lemma_.lower() in OWN_ANSWERS for p in dangers for g in p.children)


def no_opponent(verb) -> bool:
    """"still fighting", "fighting for their freedom": a fight with no one to fight in the clause."""
    if verb.lemma_.lower() not in FIGHTING or any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children):
        return False  # (a fight vowed or threatened, "sworn to fight until ...", is a threat of force)
    return not any(c.dep_ in ("dobj", "nsubjpass") or c.dep_ == "prep" and c.lower_ in OPPONENT_PREPS
                   for c in verb.children)


def expectation_of(verb, is_party) -> bool:
    """"X expects Y to do Z": a party told an infinitive (as object, or as the infinitive's subject)."""
    if verb.lemma_.lower() not in EXPECTING or verb.dep_ == "xcomp":
        return False
    told = [c for c in verb.children if c.dep_ in ("xcomp", "ccomp") and any(a.lower_ == "to" for a in c.children)]
    parties = [c for c in verb.children if c.dep_ == "dobj"]
    parties += [s for c in told for s in c.children if s.dep_ == "nsubj"]
    return bool(told) and any(is_party(p) for p in parties)


def endangering(verb) -> bool:
    """"threatening the sovereignty of X": a state of things endangered, no threat to a party."""
    if verb.lemma_.lower() != "threaten":
        return False
    obj = next((c for c in verb.children if c.dep_ == "dobj"), None)
    return obj is not None and obj.lemma_.lower() in ENDANGERED


def reneging(verb) -> bool:
    """"stopped implementing its commitments", "ceased to comply with the deal": reneging."""
    if verb.lemma_.lower() not in CEASING:
        return False
    return any(c.dep_ in ("xcomp", "dobj", "pcomp") and c.lemma_.lower() in HONOURING for c in verb.children)


def acknowledging(verb) -> bool:
    """"we continue to recognize a difficult situation": acknowledging a fact, not recognising a party."""
    if verb.lemma_.lower() not in RECOGNISING:
        return False
    obj = next((c for c in verb.children if c.dep_ == "dobj"), None)
    if obj is not None and _as_phrase(verb, obj) and not any(
            t.pos_ == "PROPN" or t.ent_type_ in ("GPE", "ORG", "NORP", "PERSON") for t in obj.subtree):
        return True  # "does not recognize dog meat as edible": taking a thing as something, no party recognised
    return obj is not None and obj.lemma_.lower() in ACKNOWLEDGED
