"""Sentence-level triggers: the verbs and event nouns of the lexicon found in one parsed sentence.

A candidate is one matched trigger (verb and/or event noun, lexicon entry, CAMEO code). Verbs that
govern a complement (agree/offer to, urge X to, refuse to, threaten to) absorb it: the complement
refines the governing code and is not a candidate of its own.
"""

from __future__ import annotations

from . import frames
from . import status as st
from .lexicon import THREAT_CODE, Entry
from .phrases import agent_of, between_prep, content_clauses, helped_clause, meeting_body, ongoing_verb

LIGHT_VERBS = frozenset(
    "hold have conduct stage launch begin start continue resume make pay carry mount organize organise "
    "undertake give issue lodge file announce declare engage join attend complete renew "
    # restating or changing the pace of an act names the act: "reiterated its demand", "sped up the withdrawal"
    "reiterate repeat voice express speed accelerate expedite hasten step intensify escalate "
    # affirming support, convening or chairing a meeting: the act is the noun's
    "affirm reaffirm convene chair "
    # increasing or leading acts names them: "ramped up attacks on X", "spearheaded the offensive against X"
    "ramp spearhead lead "
    # waging a war or a campaign of attacks is making it: "waged war on X"
    "wage".split()
)
# Event nouns that make an event with no light verb, given a recipient: "in a meeting with X".
BARE_NOUN_TYPES = frozenset({"CONSULT"})
THREAT = "130"
CRITICISM = "111"
NEWSROOM_OBJECTS = frozenset("comment interview reaction".split())
# a count or run of acts names the acts: "carried out a series of airstrikes", "a wave of arrests"
SERIES_HEADS = frozenset("series wave string round spate barrage volley number campaign".split()
                         # ...and so does a length of them: "held two days of talks", "led hours of negotiations"
                         + "hour day week month".split())
# an attack or its authors, as the subject of a reported clause that says where it came from
ATTACK_WORDS = frozenset(
    "attack attacker assailant bombing bomber hijacking hijacker handler planner perpetrator gunman gunmen "
    "ambush assault massacre".split())
AUTHORS = frozenset("those people men individuals persons".split())  # named by a clause on what they did
# participles that tell someone is held by a state ("jailed publisher", "detained activists")
HELD = frozenset("arrest detain jail imprison".split())
PENALTY_VERBS = frozenset("face risk suffer incur".split())  # "... or face sanctions"
# verbs that, with an object predicate, name or characterise: "called the ruling arbitrary"
NAMING_VERBS = frozenset("call name term dub label brand".split())
RETURN_VERBS = frozenset({"return", "come", "go"})
GOVERNING_TYPES = frozenset({"AGREE", "REQUEST", "REJECT", "THREATEN"})
# How a governed complement refines the governing code, by the complement's CAMEO root.
REFINE = {
    # a promise of force ("vowed to fight") is, in PLOVER and CAMEO, a threat
    "AGREE": {"04": "036", "05": "032", "06": "031", "07": "033", "08": "035", **THREAT_CODE},
    "REQUEST": {"04": "106", "05": "102", "06": "101", "07": "103", "08": "105"},
    "REJECT": {"04": "125", "06": "121", "07": "122", "08": "124"},
    "THREATEN": {"16": "131", "17": "137", "18": "138", "19": "138", "14": "133"},
}
# calling for force against a party ("called for war against X", "demanded strikes on X") threatens
# it (CAMEO 138), as the brief's convention and CAMEO's threat codes have it; urging a party to fight
# (a complement with its own subject) stays a demand made of that party
FORCE_ROOTS = frozenset({"18", "19", "20"})
CALL_TO_ARMS = "138"
# past forms the lemmatiser leaves as they are
IRREGULAR_PAST = {"retook": "retake"}
# claiming an act is owning it: "claimed responsibility for the attack", "took credit for attacking X"
CLAIMING = frozenset("claim take accept assume".split())
CLAIMED = frozenset({"responsibility", "credit"})
# ...and "claimed the killing of 20 fighters": an act of force named as the object of "claim"
CLAIM_LIGHT = frozenset({"claim"})
# verbs of getting what another gives: "has the backing of X", "received aid from X", "won the support of X"
RECEIVING = frozenset("have receive win gain enjoy get secure garner".split())
RECEIVED_TYPES = frozenset({"SUPPORT", "AID"})
# withdrawing from an organisation or a pact (not from a place) is cutting ties: SANCTION, as the
# PLOVER codebook has it ("withdrew from the bloc", "pulled out of the treaty", "quit the alliance")
LEAVING = frozenset({"withdraw", "pull", "exit", "quit", "leave"})
PACTS = frozenset("agreement deal treaty accord pact convention alliance organization organisation bloc union".split())
LEAVING_BODY = "161"  # as types.refined_cameo codes a withdrawal from an international body
# agreeing with a view, plan or proposal endorses it (CAMEO 051, SUPPORT); agreeing to a deal, or with
# a party on something, is agreement (AGREE)
CONCURRING = frozenset({"agree", "concur"})
VIEWS = frozenset("""proposal plan view assessment position statement decision approach idea suggestion conclusion
    call stance policy analysis argument""".split())
ENDORSEMENT = "051"
# "held X responsible for the attack": blaming X (CAMEO 112)
HOLDING = frozenset({"hold"})
ANSWERABLE = frozenset({"responsible", "accountable", "liable", "culpable"})
BLAME = "112"
# "came under attack from X", "was under fire from X": the subject is the one attacked
UNDERGOING = frozenset({"come", "be"})
UNDERGONE_FIRE = frozenset({"fire", "gunfire"})
# what a force is deployed as: a verb of deploying with another object sends things, not forces
# ("dispatched coffins", "deployed a new app")
FORCES = frozenset("""troop soldier force police policeman officer unit battalion brigade division regiment army navy
    marine commando reinforcement contingent militia guard peacekeeper personnel warship ship vessel fleet frigate
    destroyer submarine carrier jet aircraft plane fighter bomber helicopter drone tank artillery missile
    battery system""".split())
DEPLOYING = frozenset({"deploy", "dispatch"})
# "struck an upbeat tone", "struck a balance", "hit the right note": striking a manner is no attack
STRIKING = frozenset({"strike", "hit"})
MANNERS = frozenset("tone note chord balance pose figure posture image".split())
# killing verbs with senses for things: "executed the plan", "targeted the market"
PERSONAL_VIOLENCE = frozenset({"execute", "prosecute"})  # (prosecuting a person, not "a case")
PEOPLE = frozenset("""prisoner hostage detainee captive man woman people person activist protester protestor dissident
    soldier civilian member personnel worker journalist official leader commander militant fighter child
    opponent critic suspect""".split())
# verbs whose clause is an open question, and the words that open one ("wants to know whether X will ...")
ASKING = frozenset("ask know understand wonder learn determine see question".split())
WH_WORDS = frozenset("whether what which how if".split())
# "insisted that X must ...", "insisted on talks" demand; "insists it is committed" asserts
INSISTING = frozenset({"insist"})
# "targeted X with sanctions": the measure is the act
INSTRUMENTAL = frozenset({"target"})
# "the tariffs are targeting American goods": a measure aimed at trade is no attack
AIMING = frozenset({"target"})
MEASURES = frozenset("tariff duty levy tax sanction ban embargo restriction measure rule law policy regulation".split())
GOODS = frozenset("""product good import export item commodity brand industry sector company firm business
    market trade spirit whiskey wine steel aluminum aluminium car vehicle""".split())
# "committed abuses" is doing wrong, not a commitment (CAMEO 03 needs "commit to")
COMMITTING = frozenset({"commit"})
# wrongs one is said to commit ("X says Y committed abuses"), and the sides said to ("both sides")
WRONGS = frozenset("abuse crime atrocity violation massacre genocide offence offense breach".split())
SIDES = frozenset({"side", "party"})
# "ordered a new trial", "ordered an investigation": a body ordering a thing done, no demand on a party
ORDERING = frozenset({"order"})
# "an exchange of fire between A and B": fighting
EXCHANGES = frozenset({"exchange"})
EXCHANGE_OF_FIRE = Entry("193", ("between", "with"))
# nouns of charges made, whose content clause says against whom: "X's allegation that Y planned it"
CHARGES = frozenset({"allegation", "accusation"})
# offers, whose answer ("rejected X's offer of talks", "accepted Y's proposal") tells they were made
OFFERS = frozenset({"offer", "proposal"})
ANSWERS = frozenset("reject accept welcome refuse decline dismiss spurn embrace endorse".split())
# nouns of a standing relation, not of an act: "cooperation between A and B" is how things are
RELATION_NOUNS = frozenset({"cooperation", "partnership"})
SUBJECT_DEPS = ("nsubj", "nsubjpass", "csubj")
# modals that, in a reported clause on another party, make it a demand: "X said Y must / should leave"
DEMAND_MODALS = frozenset({"must", "should"})
RELATIVE_OBJECTS = frozenset({"that", "which", "whom"})
PARTY_ENTITIES = frozenset({"PERSON", "ORG", "GPE", "NORP"})


class Candidate:
    """One matched trigger: the verb (or None), the event noun (or None), its lexicon entry."""

    __slots__ = ("verb", "noun", "entry", "trigger", "cameo", "prep", "frame", "said")

    def __init__(self, verb, noun, entry: Entry, trigger: list, prep: str | None = None, frame: str | None = None,
                 said=None):
        self.verb, self.noun, self.entry, self.trigger, self.prep = verb, noun, entry, trigger, prep
        self.cameo = entry.cameo
        # how a verb-less noun event was admitted: "subject" (of an ongoing verb), "between", or None
        self.frame = frame
        # the verb of the act that says this one (a demand's penalty is threatened as the demand is made)
        self.said = said


def _verb_lemma(tok, lex) -> str:
    """The verb's lemma, repaired where the lemmatiser strips a stem's final e ("staged" -> "stag")."""
    lemma = tok.lemma_.lower()
    low = tok.lower_
    if low in IRREGULAR_PAST:
        return IRREGULAR_PAST[low]
    if low.endswith("ed") and low[:-2] == lemma and lemma not in lex.verbs:
        stem = low[:-1]
        if stem in lex.verbs or stem in LIGHT_VERBS:
            return stem
    return lemma


def _object_predicate(verb, obj) -> bool:
    """"making aid conditional on ...", "keep the talks secret": the verb predicates something of its
    object (an adjective after it); it does not do the act the object names."""
    return any(c.dep_ == "oprd" for c in verb.children) or any(
        c.dep_ == "amod" and c.pos_ == "ADJ" and c.i > obj.i for c in obj.children)


def _held(tok, lex):
    """"imprisoned publisher X", "a reporter detained over his articles": a participle of
    state coercion on a noun tells that the one it names is held (by the state's authorities)."""
    low = tok.lower_
    lemma = next((w for w in (tok.lemma_.lower(), low[:-2], low[:-1]) if w in HELD), None)
    if tok.tag_ not in ("VBN", "JJ") or tok.dep_ not in ("amod", "acl") or not low.endswith("ed") or lemma not in lex.verbs:
        return None
    if any(c.dep_ == "agent" for c in tok.children):
        return None  # "arrested by the police": the agent is told, the ordinary reading holds
    return Candidate(tok, None, lex.verbs[lemma], [tok], frame="held")


def _match_verb(tok, lex, actors):
    lemma = _verb_lemma(tok, lex)
    dobj = next((c for c in tok.children if c.dep_ in ("dobj", "nsubjpass") and c.pos_ in ("NOUN", "PROPN", "PRON")), None)
    if tok.dep_ == "amod" or tok.dep_ == "compound":
        return None
    if (owned := _claimed(tok, lemma, dobj, lex)) is not None:
        return owned
    if lemma in UNDERGOING and (undergone := _undergone(tok, lex)) is not None:
        return undergone
    if dobj is not None and dobj.lemma_.lower() in NEWSROOM_OBJECTS:
        return None  # "an email requesting comment", "sought an interview": the reporter's work
    if frames.expectation_of(tok, _party):
        return Candidate(tok, None, Entry("100"), [tok])  # "X expects Y to uphold ...": a demand on Y
    if frames.reneging(tok):
        return Candidate(tok, None, Entry(frames.REJECTION), [tok])  # "stopped implementing its commitments"
    if lemma in LEAVING and (left := _left_body(tok, actors)) is not None:
        return Candidate(tok, None, Entry(LEAVING_BODY, ("from", "of")), [tok, left])  # "withdrew from the bloc"
    if lemma in CONCURRING and (view := _concurred_view(tok)) is not None:
        return Candidate(tok, None, Entry(ENDORSEMENT, ("with",)), [tok, view])  # "agreed with X's proposal"
    if lemma in HOLDING and any(c.dep_ in ("oprd", "ccomp", "acomp", "xcomp") and c.lower_ in ANSWERABLE for c in tok.children):
        return Candidate(tok, None, Entry(BLAME), [tok], frame="held-to-account")  # "held X responsible for Y"
    if frames.condemning_term(tok):  # "called the ruling arbitrary"; "called the claims baseless" rejects them
        return Candidate(tok, None, Entry(frames.REJECTION if frames.dismissal(tok) else CRITICISM), [tok], frame="judged")
    if lemma in NAMING_VERBS and any(c.dep_ == "oprd" for c in tok.children):
        return None  # "called him a hero": naming, not a phone call
    if frames.danger_warning(tok) or frames.no_opponent(tok) or frames.endangering(tok) or frames.acknowledging(tok):
        return None
    if dobj is not None:
        obj = dobj.lemma_.lower()
        entry = lex.verb_objects.get((lemma, obj))
        if entry:
            return Candidate(tok, dobj, entry, [tok, dobj])
        # a measure of the thing given: "gave 5 million dollars of aid", "sent 700 kg of medicine"
        kind = next((g for p in dobj.children if p.dep_ == "prep" and p.lower_ == "of"
                     for g in p.children if g.dep_ == "pobj" and g.pos_ == "NOUN"), None)
        if kind is not None and (lemma, kind.lemma_.lower()) in lex.verb_objects:
            return Candidate(tok, kind, lex.verb_objects[(lemma, kind.lemma_.lower())], [tok, kind])
        for mod in dobj.children:
            if mod.dep_ == "compound" and (lemma, mod.lemma_.lower()) in lex.verb_objects:
                return Candidate(tok, dobj, lex.verb_objects[(lemma, mod.lemma_.lower())], [tok, mod, dobj])
        if lemma in RECEIVING and (entry := noun_entry(dobj, lex)) and lex.code(entry.cameo).type in RECEIVED_TYPES:
            # "the deal has the backing of X", "Y received aid from X": X acts, on the subject
            return Candidate(tok, dobj, entry, [tok, dobj], frame="received")
        if lemma in CLAIM_LIGHT and not _own_doer(dobj) and (entry := noun_entry(dobj, lex)) and \
                lex.code(entry.cameo).type == "ASSAULT":
            return Candidate(tok, dobj, entry, [tok, dobj])
        if lemma in LIGHT_VERBS and not _object_predicate(tok, dobj):
            entry = noun_entry(dobj, lex)
            if entry:
                return Candidate(tok, dobj, entry, [tok, dobj])
            if dobj.lemma_.lower() in SERIES_HEADS and kind is not None and (entry := noun_entry(kind, lex)):
                return Candidate(tok, kind, entry, [tok, kind])
    if (rel := _relative_object(tok, dobj)) is not None:
        entry = lex.verb_objects.get((lemma, rel.lemma_.lower())) or (
            noun_entry(rel, lex) if lemma in LIGHT_VERBS else None)
        if entry:
            return Candidate(tok, rel, entry, [tok, rel])
    if lemma in RETURN_VERBS:
        # "returned to the negotiating table", "came back to talks": the event named is resumed
        for prep in tok.children:
            if prep.dep_ == "prep" and prep.lower_ == "to":
                pobj = next((c for c in prep.children if c.dep_ == "pobj" and c.pos_ == "NOUN"), None)
                entry = noun_entry(pobj, lex) if pobj is not None else None
                if entry:
                    return Candidate(tok, pobj, entry, [tok, prep, pobj])
    for child in tok.children:
        # the parser often hangs a particle as an adverb: "stepped down", "pulled out"
        particle_adverb = child.dep_ == "advmod" and child.i == tok.i + 1
        if child.dep_ in ("prt", "prep", "dative", "agent") or particle_adverb:
            if any(g.ent_type_ in ("DATE", "TIME") for g in child.children):
                continue  # "agreed on Wednesday" is not "agree on"
            entry = lex.particles.get((lemma, child.lower_))
            if entry:
                prep = None if child.dep_ == "prt" or particle_adverb else child.lower_
                return Candidate(tok, None, entry, [tok, child], prep)
    entry = lex.verbs.get(lemma)
    return _bare_verb(tok, lemma, entry, dobj, lex) if entry else None


def _bare_verb(tok, lemma: str, entry: Entry, dobj, lex):
    """The candidate of a verb the lexicon lists alone, where its clause keeps that sense."""
    if lemma in ASKING and any(c.dep_ == "ccomp" and min(c.subtree, key=lambda t: t.i).lower_ in WH_WORDS
                               for c in tok.children):
        return None  # "asked whether X would attend": a question put, no demand
    if lemma in INSISTING and _asserted(tok):
        return None  # "insists it is committed to peace": an assertion, not a demand
    if lemma in INSTRUMENTAL and (measure := _instrument(tok, lex)) is not None:
        return measure
    if lemma in INSTRUMENTAL and (any(c.dep_ == "nsubj" and c.pos_ != "PRON" and not _party(c) for c in tok.children)
                                  or tok.dep_ == "acl" and tok.head.pos_ == "NOUN"
                                  and tok.head.lemma_.lower() not in PEOPLE | FORCES):
        return None  # "its tariffs are targeting X", "tariffs targeting X": a measure's aim, told where it is taken
    if dobj is not None and not _fitting_object(tok, lemma, dobj):
        return None
    if entry.transitive and dobj is None and not _passive(tok) and _counted_object(tok) is None \
            and helped_clause(tok) is None:
        return None
    return Candidate(tok, None, entry, [tok])


def _relative_object(verb, dobj):
    """The object of a verb in an object relative clause is the noun the clause modifies: "the
    sanctions Washington imposed on Moscow", "the talks that X held with Y"."""
    if verb.dep_ != "relcl" or verb.head.pos_ != "NOUN":
        return None
    if any(c.dep_ == "prep" and not any(g.dep_ in ("pobj", "pcomp") for g in c.children) for c in verb.children):
        return None  # "the place he returned to": the noun is the stranded preposition's object
    if dobj is None or dobj.dep_ == "dobj" and dobj.lower_ in RELATIVE_OBJECTS:
        if any(c.dep_ in ("nsubj", "nsubjpass") and c.lower_ not in RELATIVE_OBJECTS for c in verb.children):
            return verb.head
    return None


def _claimed(verb, lemma, dobj, lex):
    """"claimed responsibility for the attack on X": the claimant did the act the claim names. (A
    gerund, "took credit for attacking X", is an event of its own; subjects() climbs to the claimant.)"""
    if lemma not in CLAIMING or dobj is None or dobj.lemma_.lower() not in CLAIMED:
        return None
    for head in (dobj, verb):
        for prep in head.children:
            if prep.dep_ == "prep" and prep.lower_ == "for":
                pobj = next((c for c in prep.children if c.dep_ == "pobj" and c.pos_ == "NOUN"), None)
                entry = noun_entry(pobj, lex) if pobj is not None else None
                if entry is not None:
                    return Candidate(verb, pobj, entry, [verb, dobj, pobj])
    return None


def _left_body(verb, actors):
    """The organisation or pact a verb of leaving leaves ("withdrew from the bloc", "pulled out of the
    deal", "quit the alliance"), or None: leaving a place, a state or a post is no cutting of ties."""
    heads = [verb] + [c for c in verb.children if c.dep_ in ("prt", "advmod", "prep") and c.lower_ == "out"]
    if verb.lemma_.lower() in ("withdraw", "pull"):
        left = [g for h in heads for p in h.children if p.dep_ == "prep" and p.lower_ in ("from", "of")
                for g in p.children if g.dep_ == "pobj"]
    else:
        left = [c for c in verb.children if c.dep_ == "dobj"]
    if verb.lemma_.lower() == "pull" and len(heads) == 1:
        return None  # "pulled the plug": only "pull out" leaves
    return next((t for t in left if t.lemma_.lower() in PACTS or _body(t, actors)), None)


def _body(tok, actors) -> bool:
    """Does the phrase name an organisation (a bloc, a body, a party), not a state or a person?"""
    span = [t for t in tok.subtree if t.i <= tok.i]
    actor = actors.at(span[0].idx, tok.idx + len(tok)) or actors.at(tok.idx, tok.idx + len(tok))
    return actor is not None and actor.kind not in ("country", "person")


def _concurred_view(verb):
    """The view a verb of agreeing takes with "with" ("agreed with the proposal"), or None (a party)."""
    for prep in verb.children:
        if prep.dep_ == "prep" and prep.lower_ == "with":
            pobj = next((c for c in prep.children if c.dep_ == "pobj"), None)
            if pobj is not None and pobj.lemma_.lower() in VIEWS:
                return prep
    return None


def _undergone(verb, lex):
    """"X came under attack from Y", "X was under fire": the subject undergoes an act of force."""
    for prep in verb.children:
        if prep.dep_ == "prep" and prep.lower_ == "under":
            pobj = next((c for c in prep.children if c.dep_ == "pobj"), None)
            if pobj is None:
                return None
            entry = Entry("193") if pobj.lemma_.lower() in UNDERGONE_FIRE else noun_entry(pobj, lex)
            if entry is not None and lex.code(entry.cameo).type == "ASSAULT":
                return Candidate(verb, pobj, entry, [verb, prep, pobj], frame="undergone")
    return None


def _own_doer(noun) -> bool:
    """Does an event noun name its own doer: a possessor, a party as modifier or a "by" phrase
    ("Iran's attack", "a Russian attack", "an attack by X")? Then "X claimed the attack" is a
    claim about another's act, not X owning it."""
    return agent_of(noun) is not None or any(
        c.dep_ == "poss" or c.dep_ in ("amod", "compound") and c.ent_type_ in PARTY_ENTITIES for c in noun.children)


def _asserted(verb) -> bool:
    """"insisted that it is committed": a that-clause stating a fact (indicative, no modal of obligation),
    not one demanding an act ("insisted that X must leave", "insisted on talks")."""
    if any(c.dep_ == "prep" and c.lower_ == "on" for c in verb.children):
        return False
    clauses = [c for c in verb.children if c.dep_ == "ccomp"]
    return bool(clauses) and not any(
        c.tag_ == "VB" and not any(a.dep_ == "aux" for a in c.children)  # subjunctive: "insist that X leave"
        or any(a.dep_ == "aux" and a.lower_ in ("must", "should", "shall") for a in c.children) for c in clauses)


def _instrument(verb, lex):
    """"targeted X with sanctions": the act is the measure's (the target is the verb's object)."""
    for prep in verb.children:
        if prep.dep_ == "prep" and prep.lower_ == "with":
            pobj = next((c for c in prep.children if c.dep_ == "pobj" and c.pos_ == "NOUN"), None)
            entry = noun_entry(pobj, lex) if pobj is not None else None
            if entry is not None:
                return Candidate(verb, None, Entry(entry.cameo), [verb, prep, pobj])
    return None


def _fitting_object(verb, lemma: str, obj) -> bool:
    """Does a bare lexicon verb keep its event sense with this direct object? Deploying needs a force
    (or a party's own), committing a pledge is no crime committed, striking a tone is no blow,
    ordering a thing is no demand, a tariff targeting goods is no attack."""
    word = obj.lemma_.lower()
    if lemma in PERSONAL_VIOLENCE:
        return obj.pos_ == "PROPN" or obj.ent_type_ in ("PERSON", "NORP") or word in PEOPLE
    if lemma in DEPLOYING:
        return word in FORCES or obj.pos_ == "PROPN" or any(c.lemma_.lower() in FORCES for c in obj.subtree)
    if lemma in COMMITTING:
        return obj.pos_ == "PROPN" or obj.like_num or any(c.like_num or c.tag_ == "$" for c in obj.subtree)
    if lemma in STRIKING:
        return word not in MANNERS
    if lemma in AIMING:
        if any(c.dep_ == "prep" and c.lower_ == "with" for c in verb.children):
            return True  # "targeted X's exports with sanctions": the measure names the act
        subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
        return word not in GOODS and (subject is None or subject.lemma_.lower() not in MEASURES)
    if lemma in ORDERING:
        return obj.pos_ in ("PROPN", "PRON") or word in frames.ARREST_NOUNS or any(
            c.dep_ in ("xcomp", "ccomp", "oprd") for c in verb.children) or _party(obj)
    return True


def _counted_object(verb):
    """The object the parser hangs under "up to": "kidnapped up to 16 advisers" (prt "up", prep "to")."""
    for prep in verb.children:
        if prep.dep_ == "prep" and prep.lower_ == "to" and prep.i > 0 and prep.nbor(-1).lower_ == "up":
            pobj = next((c for c in prep.children if c.dep_ == "pobj"), None)
            if pobj is not None and any(c.dep_ == "nummod" for c in pobj.children):
                return pobj
    return None


def _passive(tok) -> bool:
    return any(c.dep_ in ("nsubjpass", "auxpass") for c in tok.children)


def noun_entry(noun, lex):
    lemma = noun.lemma_.lower()
    if lemma in EXCHANGES and any(g.lemma_.lower() in UNDERGONE_FIRE for c in noun.children
                                  if c.dep_ == "prep" and c.lower_ == "of" for g in c.children):
        return EXCHANGE_OF_FIRE  # "an exchange of fire between A and B", "traded fire with X"
    for child in noun.children:
        if child.dep_ in ("compound", "amod"):
            entry = lex.noun_modifiers.get((lemma, child.lower_))
            if entry:
                return entry
        if child.dep_ == "prep":
            entry = lex.noun_preps.get((lemma, child.lower_))
            if entry:
                return entry
    entry = lex.nouns.get(lemma)
    if entry is None:
        for child in noun.children:
            if child.dep_ == "compound" and child.lemma_.lower() in lex.nouns:
                return lex.nouns[child.lemma_.lower()]
    return entry


def candidates(sent, lex, actors) -> list[Candidate]:
    cands: list[Candidate] = []
    taken: set[int] = set()
    for tok in sent:
        # ...and an adjective of attitude after "be": "X is concerned about Y"
        predicate = tok.pos_ == "ADJ" and tok.dep_ == "acomp"
        if tok.dep_ == "amod" and tok.tag_ == "JJ" and (held := _held(tok, lex)) is not None:
            cands.append(held)  # "jailed opposition leader X" (an adjective to the tagger)
            taken.add(tok.i)
            continue
        if tok.pos_ == "VERB" or tok.pos_ == "AUX" and tok.dep_ == "ROOT" or tok.tag_.startswith("VB") or predicate:
            cand = (_reported_demand(tok, lex, actors) or _reported_failure(tok) or _reported_blame(tok, lex, actors)
                    or _reported_condemnation(tok) or _reported_wrongdoing(tok)
                    if tok.lemma_.lower() in st.REPORTING else None)
            if cand is None and _indirect_question(tok):
                continue  # "to understand what concessions X might make": asked about, not told
            if cand is None and _topic_gerund(tok):
                continue  # "will discuss upgrading ties", "weighed imposing sanctions": talked of, not done
            if cand is None:
                cand = _held(tok, lex) or _match_verb(tok, lex, actors)
            if cand is None and (code := frames.designation(tok)):
                cand = Candidate(tok, None, Entry(code), [tok])
            if cand is None and frames.jailing(tok):
                cand = Candidate(tok, None, Entry(frames.ARREST), [tok])  # "sent X to prison"
            if cand is not None and cand.verb is tok and frames.verbal_attack(tok):
                cand.cameo = frames.CRITICISM
            if cand:
                cands.append(cand)
                taken.update(t.i for t in cand.trigger)
    # governed complements are part of their governor's event
    governed: set[int] = set()
    for cand in list(cands):
        code = lex.code(cand.cameo)
        if cand.verb is not None and (ready := frames.preparation(cand.verb, code.root)) is not None:
            cands.append(Candidate(ready, None, Entry("150"), [ready]))
        if code.type not in GOVERNING_TYPES or cand.verb is None:
            continue
        comps = list(_complements(cand.verb)) + content_clauses(cand.noun)
        cand.cameo = frames.command_code(cand.verb, comps) or cand.cameo
        # the event noun a rejection, demand or agreement is about is part of it: "opposed to mediation"
        for obj in _governed_nouns(cand):
            governed.add(obj.i)
            entry = noun_entry(obj, lex)
            if entry is not None and cand.cameo == cand.entry.cameo:
                root = lex.code(entry.cameo).root
                cand.cameo = (CALL_TO_ARMS if code.type == "REQUEST" and root in FORCE_ROOTS
                              else REFINE[code.type].get(root) or cand.cameo)
        for comp in comps:
            governed.add(comp.i)
            inner = next((c for c in cands if c.verb is not None and c.verb.i == comp.i), None)
            if inner is not None and cand.cameo == cand.entry.cameo:
                kind = code.type
                if kind == "AGREE" and _negated(comp):
                    kind = "REJECT"  # "vowed never to recognise", "promised not to attend": a refusal
                refined = REFINE[kind].get(lex.code(inner.cameo).root)
                if refined or kind != code.type:
                    cand.cameo = refined or frames.REJECTION
    cands = [c for c in cands if c.verb is None or c.verb.i not in governed]
    cands = [c for c in cands if not _meeting_purpose(c, cands, lex)]
    # the threat is made when, and as, the demand is: its status and date are the demand's ("said")
    cands += [Candidate(alt, None, Entry(THREAT), [alt], said=c.verb) for c in list(cands)
              if (alt := _or_else(c, lex)) is not None]
    for tok in sent:
        if tok.pos_ not in ("NOUN", "PROPN") or tok.i in taken:
            continue
        if frames.deadly_outcome(tok):
            cands.append(Candidate(tok.head.head, tok, Entry(frames.KILLING, ("of",)), [tok], frame="caused"))
            continue
        entry = noun_entry(tok, lex)
        if entry is None:
            continue
        if lex.code(entry.cameo).type in BARE_NOUN_TYPES:
            frame = "body" if meeting_body(tok, actors) is not None else "by" if agent_of(tok) is not None else None
        elif ongoing_verb(tok) is not None:
            frame = "subject"
        elif between_prep(tok) is not None and tok.lemma_.lower() not in RELATION_NOUNS:
            frame = "between"
        elif agent_of(tok) is not None:
            frame = "by"
        elif _owned_act(tok, actors):
            frame = "owner"
        elif frames.outcome(tok):
            frame = "outcome"
        else:
            continue
        if _inside_governed(tok, governed) and frame != "owner":
            continue  # (an act another party owns is no part of what is said of it: "rejected X's allegation")
        cands.append(Candidate(None, tok, entry, [tok], frame=frame))
    return cands


def _indirect_question(verb) -> bool:
    """Is `verb` inside a clause a verb of asking or knowing takes as an open question ("asked whether X
    would attend", "wants to know what X might offer")? What it asks about is not told as done."""
    token = verb
    for _ in range(4):
        head = token.head
        if head.i == token.i:
            return False
        if token.dep_ == "ccomp" and st.lemma_of(head) in ASKING:
            first = min(token.subtree, key=lambda t: t.i)
            return first.lower_ in WH_WORDS
        if token.dep_ not in ("xcomp", "acomp", "conj"):
            return False
        token = head
    return False


def _topic_gerund(tok) -> bool:
    """A gerund that is what a verb of discussing or weighing is about: "discuss upgrading ties"."""
    return tok.tag_ == "VBG" and tok.dep_ in ("xcomp", "dobj", "ccomp") and st.lemma_of(tok.head) in st.TOPIC_GOVERNORS


def _owned_act(noun, actors) -> bool:
    """An event noun whose possessor names its doer, with the party it falls on: "Russia's invasion of
    Ukraine", "their repeated calls on the parties", or with what it says: "X's allegation that ..."."""
    poss = next((c for c in noun.children if c.dep_ == "poss"), None)
    if poss is None or not actors.base.mentions_in(poss.idx, poss.idx + len(poss)):
        return False
    return any(c.dep_ == "prep" and c.lower_ in ("of", "on", "against", "to", "with") for c in noun.children) or \
        noun.lemma_.lower() in CHARGES and bool(content_clauses(noun)) or \
        noun.lemma_.lower() in OFFERS and _answered(noun)


def _answered(noun) -> bool:
    """Is the offer the object of an answer to it: "rejected X's offer", "accepted Y's proposal"?"""
    return noun.dep_ == "dobj" and noun.head.lemma_.lower() in ANSWERS


def _meeting_purpose(cand, cands, lex) -> bool:
    """"called a meeting of the Council to discuss X": talking is what the meeting is for, not a
    second meeting. A CONSULT infinitive hung on another CONSULT trigger is part of it."""
    verb = cand.verb
    if verb is None or lex.code(cand.cameo).type != "CONSULT" or not any(
            c.dep_ == "aux" and c.lower_ == "to" for c in verb.children):
        return False
    heads = {t.i for t in verb.ancestors}
    return any(o is not cand and lex.code(o.cameo).type == "CONSULT" and any(t.i in heads for t in o.trigger)
               for o in cands)


def _or_else(cand, lex):
    """The penalty a demand holds out ("urged X to accept the deal or face sanctions"), which makes the
    demand a threat as well (CAMEO 13): the "face" verb of the alternative, or None."""
    if cand.verb is None or lex.code(cand.cameo).type != "REQUEST":
        return None
    for comp in _complements(cand.verb):
        for alt in comp.children:
            if alt.dep_ == "conj" and alt.lemma_.lower() in PENALTY_VERBS and any(
                    c.dep_ == "cc" and c.lower_ == "or" for c in comp.children):
                return alt
    return None


def _negated(verb) -> bool:
    """Does `verb` carry its own negation ("not to attend", "never to recognise")?"""
    return any(c.dep_ == "neg" or c.dep_ == "advmod" and c.lower_ == "never" for c in verb.children)


def _complements(verb):
    for child in verb.children:
        # the parser sometimes hangs the infinitive as an adverbial clause: "have sworn [to fight]"
        infinitive = child.dep_ == "advcl" and child.i > verb.i and any(
            c.dep_ == "aux" and c.lower_ == "to" for c in child.children) and not any(c.dep_ == "mark" for c in child.children)
        if (child.dep_ in ("xcomp", "ccomp") or infinitive) and child.pos_ in ("VERB", "AUX"):
            yield child
            yield from (c for c in child.children if c.dep_ == "conj" and c.pos_ == "VERB")


def _governed_nouns(cand) -> list:
    """Nouns a governing verb takes as its matter: its object, or the object of its own preposition."""
    found = [c for c in cand.verb.children if c.dep_ == "dobj" and c not in cand.trigger]
    for prep in cand.verb.children:
        if prep.dep_ == "prep" and (prep.lower_ == cand.prep or prep.lower_ == "for" and prep in cand.trigger):
            found += [c for c in prep.children if c.dep_ == "pobj"]
    return found


def _inside_governed(tok, governed: set) -> bool:
    head = tok
    for _ in range(8):
        if head.i in governed:
            return True
        if head.head.i == head.i:
            return False
        head = head.head
    return False


def _party(subject) -> bool:
    """Does the phrase name a party (a name, or a noun a nationality or name modifies: "US forces")?"""
    return any(t.pos_ == "PROPN" or t.ent_type_ in PARTY_ENTITIES for t in subject.subtree if t.i <= subject.i)


def _reported_failure(verb):
    """'X said Y was failing to rein in the militants' is X's criticism of Y (CAMEO 111): saying that
    another party fails at what it should do."""
    for comp in verb.children:
        if comp.dep_ != "ccomp" or st.lemma_of(comp) not in st.NEGATING_GOVERNORS:
            continue
        subject = next((c for c in comp.children if c.dep_ in SUBJECT_DEPS), None)
        if subject is not None and _party(subject):
            return Candidate(verb, None, Entry(CRITICISM), [verb, comp], frame="said-of")
    return None


def _reported_condemnation(verb):
    """'X contended that Y is "hostile and abusive"', 'X said Y is the aggressor': saying that a party
    is something condemnable is criticising it (CAMEO 111)."""
    for comp in verb.children:
        if comp.dep_ != "ccomp" or comp.lemma_.lower() != "be":
            continue
        subject = next((c for c in comp.children if c.dep_ in SUBJECT_DEPS), None)
        said = [t for c in comp.children if c.dep_ in ("attr", "acomp") for t in c.subtree]
        if subject is not None and _party(subject) and any(
                t.lemma_.lower() in frames.CONDEMNING or t.lower_ in frames.CONDEMNING for t in said):
            return Candidate(verb, None, Entry(CRITICISM), [verb, comp], frame="said-of")
    return None


def _reported_wrongdoing(verb):
    """'X said Y committed abuses', 'X says both sides have committed war crimes': saying a party did
    wrong accuses it (CAMEO 112)."""
    for comp in verb.children:
        if comp.dep_ != "ccomp" or comp.lemma_.lower() not in COMMITTING:
            continue
        subject = next((c for c in comp.children if c.dep_ in SUBJECT_DEPS), None)
        wrong = next((c for c in comp.children if c.dep_ == "dobj" and c.lemma_.lower() in WRONGS), None)
        if subject is not None and wrong is not None and (_party(subject) or subject.lemma_.lower() in SIDES):
            return Candidate(verb, None, Entry(BLAME), [verb, comp], frame="said-of")
    return None


def blamed_clause(verb):
    """The reported clause of "X said the attack was planned in Y" / "X claimed the attackers were in
    touch with handlers in Y": a clause whose subject is an attack or its authors. None otherwise."""
    told = [c for c in verb.children if c.dep_ == "ccomp"]
    # "reiterated the claim that the attack was planned in Y"
    told += [c for o in verb.children if o.dep_ == "dobj" for c in o.children if c.dep_ in ("acl", "ccomp")
             and any(m.dep_ == "mark" and m.lower_ == "that" for m in c.children)]
    for comp in told:
        subject = next((c for c in comp.children if c.dep_ in SUBJECT_DEPS), None)
        if subject is not None and (subject.lemma_.lower() in ATTACK_WORDS or _authors_of_attack(subject)):
            return comp
    return None


def _authors_of_attack(subject) -> bool:
    """"those involved in the attack", "the men behind the bombing": its authors, named by what they did."""
    return subject.lower_ in AUTHORS and any(
        t.lemma_.lower() in ATTACK_WORDS for c in subject.children if c.dep_ in ("acl", "relcl", "prep") for t in c.subtree)


def _reported_blame(verb, lex, actors):
    """Saying where an attack came from, or who stands behind it, accuses that party (CAMEO 112)."""
    comp = blamed_clause(verb)
    if comp is None:
        return None
    told = lex.verbs.get(_verb_lemma(comp, lex))
    if told is not None and lex.code(told.cameo).type in ("ASSAULT", "COERCE"):
        return None  # "gunmen kidnapped 50 students in X, police said": the attack itself, told where it was
    subject = next(c for c in comp.children if c.dep_ in SUBJECT_DEPS)
    own = {t.i for t in subject.subtree}
    rest = [t for t in comp.subtree if t.i not in own]
    if not rest or not actors.base.mentions_in(rest[0].idx, rest[-1].idx + len(rest[-1])):
        return None
    return Candidate(verb, None, Entry("112"), [verb, comp], frame="blamed")


def _reported_demand(verb, lex, actors):
    """'X said Y must (or should) do Z' is a demand by X on Y (CAMEO 10); 'Y should have done Z' is a
    reproach of the past, no demand."""
    for comp in verb.children:
        if comp.dep_ != "ccomp":
            continue
        modal = next((c for c in comp.children if c.dep_ == "aux" and c.lower_ in DEMAND_MODALS), None)
        if modal is not None and not (comp.tag_ == "VBN" and any(c.lower_ == "have" for c in comp.children)):
            subject = next((c for c in comp.children if c.dep_ in SUBJECT_DEPS), None)
            # the one told what it must do is a party ("Iran must stop"), not a thing ("peace must come")
            if subject is not None and _party(subject):
                return Candidate(verb, None, Entry("100"), [verb, modal])
    return None
