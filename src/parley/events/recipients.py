"""Who an act falls on, in one clause: actor2 from the object, a recipient preposition, the subject
of a complement ("urged X to engage"), or what the act is about (an arrest: whoever holds the one
arrested; a claim: whoever made it). The doer's side is arguments.py, whose phrase resolution this uses.
"""

from __future__ import annotations

from .arguments import (RELATIVE_PRONOUNS, SUBJECT_DEPS, antecedent_noun, between_parties, mediating, own_forces,
                        passive_participle, prep_objects, resolve_np, subjects)
from .candidates import blamed_clause, noun_entry
from .phrases import agent_of, content_clauses, helped_clause


# verbs of talking whose object is the matter talked about, not the other party
TOPIC_OBJECT_VERBS = frozenset("discuss debate review address raise examine consider".split())
# nouns that sum up the act a sentence tells ("..., a charge X denied", "in a move X condemned")
SUMMING_NOUNS = frozenset("charge claim accusation allegation move step decision assertion".split())
# acts of custody a state does to a person: who judges them or asks for their end addresses the holder
CUSTODY_ACTS = frozenset("arrest detention jailing imprisonment incarceration release freedom conviction sentencing".split())
HOLDING = frozenset("hold detain jail imprison keep treat".split())  # "the conditions in which X is held"
JUDGING = frozenset({"ACCUSE", "REQUEST", "REJECT", "PROTEST"})


def _custody_holder(cand, actors):
    """"condemned X's arrest", "called for the release of X": judging or asking for an act of custody
    over X is addressed to whoever holds X (its "by" agent, else the story's state's authorities), not
    to X. None when the act's matter is no such act."""
    matter = [c for c in cand.verb.children if c.dep_ == "dobj" and c not in cand.trigger]
    matter += [g for p in cand.verb.children if p.dep_ == "prep" and p.lower_ == (cand.prep or "") for g in p.children
               if g.dep_ == "pobj"]
    # ("expressed concern about X": the matter hangs on the trigger's noun)
    matter += [g for t in cand.trigger if t.pos_ == "NOUN" for p in t.children if p.dep_ == "prep"
               and p.lower_ in ("about", "over", "at") for g in p.children if g.dep_ == "pobj"]
    for noun in matter:
        if noun.lemma_.lower() in CUSTODY_ACTS and any(
                c.dep_ == "poss" or c.dep_ == "prep" and c.lower_ == "of" for c in noun.children):
            agent = agent_of(noun)
            if agent is not None:
                return resolve_np(agent, actors)
            held = [p if p.dep_ == "poss" else next((g for g in p.children if g.dep_ == "pobj"), p)
                    for p in noun.children if p.dep_ == "poss" or p.dep_ == "prep" and p.lower_ == "of"]
            return _holder(cand, noun, held, actors)
        # "concern about the conditions in which X is being held": how one is held is the holder's doing
        for clause in (c for c in noun.children if c.dep_ in ("relcl", "acl") and c.lemma_.lower() in HOLDING):
            held = [c for c in clause.children if c.dep_ == "nsubjpass"]
            if held:
                agent = next((g for a in clause.children if a.dep_ == "agent" for g in a.children if g.dep_ == "pobj"), None)
                return resolve_np(agent, actors) if agent is not None else _holder(cand, noun, held, actors)
    return None


def _holder(cand, noun, held_phrases, actors):
    """The state's authorities that hold the one named by `held_phrases`: short of a word on it, the
    state of that person, else the story's own."""
    held = [a for p in held_phrases for a, _ in resolve_np(p, actors)]
    state = actors.authorities(held[0].country if held and held[0].kind == "person" else None)
    own = {a.country for s in subjects(cand.verb)[0] for a, _ in resolve_np(s, actors)}
    if state is None or state.country in own:
        return None  # (a state asking for a release asks another: its own authorities are no guess)
    return [(state, [noun])]


def _charged(noun, actors):
    """The first party a charge's content clause names, other than the one who makes it."""
    owner = {a.id for p in noun.children if p.dep_ == "poss" for a, _ in resolve_np(p, actors)}
    for clause in content_clauses(noun):
        span = list(clause.subtree)
        for mention in actors.base.mentions_in(span[0].idx, span[-1].idx + len(span[-1])):
            actor = actors.base.actor(mention.actor_id)
            if actor is not None and actor.id not in owner:
                return [(actor, [clause])]
    return []


def actor2(cand, passive: bool, actors, lex):
    verb, noun = cand.verb, cand.noun
    code = lex.code(cand.cameo)
    if cand.frame == "held":  # the noun held, up through compounds ("imprisoned publisher X")
        noun = verb.head
        while noun.dep_ in ("compound", "amod") and noun.pos_ in ("NOUN", "PROPN") and noun.head.i != noun.i:
            noun = noun.head
        return resolve_np(noun, actors)
    if cand.frame == "blamed":
        return _blamed(verb, actors)
    if cand.frame == "caused":  # the dead, of whom the "of" phrase tells
        return prep_objects(noun, ("of",), actors)
    if cand.frame == "undergone":  # (the speaker's "their forces came under attack" too)
        return [found for s in subjects(verb)[0] for found in resolve_np(s, actors) or own_forces(s, verb, actors)]
    if cand.frame == "body":
        return []
    if cand.frame == "held-to-account":  # "held X responsible": X (the object, or the clause's subject)
        held = [c for c in verb.children if c.dep_ == "dobj"]
        held += [g for c in verb.children if c.dep_ == "ccomp" for g in c.children if g.dep_ in SUBJECT_DEPS]
        return [found for h in held for found in resolve_np(h, actors)]
    if cand.frame == "received":  # ...on the one who gets it
        return [found for s in subjects(verb)[0] for found in resolve_np(s, actors)]
    if cand.frame == "by":  # the one it falls on, on the noun or on the participle ("launched ... against X")
        found = prep_objects(noun, cand.entry.preps, actors)
        for clause in (c for c in noun.children if c.dep_ == "acl" and not found):
            found = prep_objects(clause, cand.entry.preps, actors)
        if not found and noun.dep_ == "nsubj":  # "airstrikes by X have killed 50 fighters of Y"
            found = [f for o in noun.head.children if o.dep_ == "dobj" for f in resolve_np(o, actors)]
        return found
    if cand.frame == "judged":
        return _custody_holder(cand, actors) or _judged(verb, actors) or summed_up_doer(verb, actors)
    if verb is not None and not passive and (summed := summed_up_doer(verb, actors)):
        return summed
    if verb is not None and not passive and code.type in JUDGING and (holder := _custody_holder(cand, actors)) is not None:
        return holder
    if noun is not None:
        between = between_parties(noun, actors)
        if len(between) >= 2:
            # "brokered a ceasefire between A and B": the mediator acts on both parties
            return between if mediating(cand) else between[1:]
        found = prep_objects(noun, cand.entry.preps, actors)
        if not found and cand.frame == "owner":  # "X's allegation that Y ...": the party the charge names
            found = _charged(noun, actors)
        if found or verb is None:
            return found
        if noun.dep_ == "dobj" and (owner := _possessor(noun)) is not None and (found := resolve_np(owner, actors)):
            return found  # "froze the newspaper's assets", "seized the group's weapons": the owner is acted on
    if passive:
        subj = next((c for c in verb.children if c.dep_ == "nsubjpass"), None)
        if subj is not None and subj.lower_ in RELATIVE_PRONOUNS and verb.dep_ == "relcl":
            subj = antecedent_noun(verb.head)  # "X is a group that is designated ... by Y"
        if subj is None and passive_participle(verb) and verb.dep_ == "advcl":
            # "if convicted, X faces life in prison": the one acted on is the main clause's subject
            subj = next((c for c in verb.head.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        return resolve_np(subj, actors) if subj is not None else []
    if code.mode == "visit" and (hosts := _purpose_partners(verb, actors, lex)):
        return hosts  # "will travel to Canada for meetings with G7 ministers": the ministers are met
    if cand.prep:
        found = prep_objects(verb, (cand.prep,), actors)
        if found:
            return found
    if code.type == "THREATEN" and (put_to := _condition_party(verb, actors)):
        return put_to
    if code.type == "REQUEST" or cand.entry.cameo == "100" or cand.frame == "said-of" or helped_clause(verb) is not None:
        for comp in [*verb.children, *content_clauses(noun)]:
            if comp.dep_ == "ccomp" or comp.dep_ == "acl":
                subj = next((c for c in comp.children if c.dep_ in SUBJECT_DEPS), None)
                if subj is not None:
                    found = resolve_np(subj, actors)
                    if found:
                        return found
    for dep in ("dative", "dobj"):
        obj = next((c for c in verb.children if c.dep_ == dep and c not in cand.trigger), None)
        if obj is not None and dep == "dobj" and verb.lemma_.lower() in TOPIC_OBJECT_VERBS:
            # "discussed China": what they talked about; the partner comes with "with", which the
            # parser may hang on the matter ("discussed trade with X")
            found = prep_objects(obj, ("with",), actors)
            if found:
                return found
            continue
        if obj is not None and dep == "dobj" and _meeting(obj, lex) and (partners := prep_objects(obj, ("with",), actors)):
            return partners  # "requested consultations with X", "sought talks with Y": the one to meet
        if obj is not None and dep == "dobj" and code.type == "SUPPORT" and (doer := _welcomed_doer(obj, actors)):
            return doer  # "welcomed the announcement that Ukraine had agreed to ...": Ukraine's act is welcomed
        owner = _possessor(obj) or _maker(obj) if obj is not None and dep == "dobj" else None
        if owner is not None:
            # "condemned Russia's invasion of Ukraine", "rejected Pakistan's claim": the owner of
            # the act or words acted on is the one it is aimed at
            found = resolve_np(owner, actors)
            if found:
                return found
        if obj is not None:
            target = next((c for c in obj.children if c.dep_ == "pobj"), obj) if dep == "dative" else obj
            found = resolve_np(target, actors) or _object_of_governor(obj, verb, actors)
            if found:
                return found
            if dep == "dobj":
                found = prep_objects(obj, ("of", "by", "from", "for", "with", "against", "on", "to"), actors)
                if found:
                    return found
    return prep_objects(verb, cand.entry.preps, actors)


def summing_noun(verb):
    """The noun a relative clause hangs on when that noun sums up the sentence's main act: "...,
    a charge X rejected", "... in a move that X called inhumane". None otherwise."""
    if verb is None or verb.dep_ not in ("relcl", "acl"):
        return None
    noun = verb.head
    if noun.lemma_.lower() not in SUMMING_NOUNS or noun.dep_ not in ("appos", "pobj", "npadvmod"):
        return None
    if any(c.dep_ in ("dobj", "nsubjpass") and c.lower_ not in RELATIVE_PRONOUNS for c in verb.children):
        return None  # the clause acts on something else
    return noun


def summed_up_doer(verb, actors):
    """The doer of the main act a summing noun stands for: whom "a charge X rejected" answers."""
    noun = summing_noun(verb)
    if noun is None:
        return []
    root = noun.sent.root
    subj = [c for c in root.children if c.dep_ in ("nsubj",)]
    return resolve_np(subj[0], actors) if subj else []


def _blamed(verb, actors):
    """Whom "X said the attack was planned in Y" accuses: a state the clause names outside its subject
    (the attack itself), where the attack is said to come from; else the first party it names."""
    comp = blamed_clause(verb)
    subject = next(c for c in comp.children if c.dep_ in SUBJECT_DEPS)
    own = {t.i for t in subject.subtree}
    named = []
    for tok in comp.subtree:
        if tok.i not in own and tok.pos_ in ("PROPN", "NOUN", "ADJ"):
            actor = actors.at(tok.idx, tok.idx + len(tok))
            if actor is not None:
                named.append((actor, [tok]))
    states = [n for n in named if n[0].kind == "country"]
    return (states or named)[:1]


def _judged(verb, actors):
    """Whom "called X arbitrary" judges: X when X names a party, else X's owner or maker ("China's
    ruling", "the ruling by China"); never the parties inside X's own clause or the predicate."""
    obj = next((c for c in verb.children if c.dep_ == "dobj"), None)
    if obj is None:
        return []
    found = [(a, [obj]) for a in [actors.at(obj.idx, obj.idx + len(obj))] if a is not None]
    owner = _possessor(obj)
    if not found and owner is not None:
        found = resolve_np(owner, actors)
    return found or prep_objects(obj, ("by", "of"), actors)


def _object_of_governor(pronoun, verb, actors):
    """"blamed India, accusing it of ...": the pronoun object of a participle clause stands for the
    party its governing verb acted on."""
    if pronoun.lower_ not in ("it", "them", "him", "her") or verb.dep_ not in ("advcl", "xcomp", "conj"):
        return []
    head = verb.head
    obj = next((c for c in head.children if c.dep_ == "dobj" and c.i < pronoun.i), None)
    return resolve_np(obj, actors) if obj is not None and obj.pos_ != "PRON" else []


def _condition_party(verb, actors):
    """Whom a conditional threat is put to: the subject of its "if ... not" / "unless" clause ("X warned
    it would kill its captives unless Y freed its members")."""
    for clause in verb.subtree:
        if clause.dep_ != "advcl" or not any(m.dep_ == "mark" and m.lower_ in ("if", "unless") for m in clause.children):
            continue
        subject = next((c for c in clause.children if c.dep_ in SUBJECT_DEPS), None)
        if subject is not None and subject.pos_ != "PRON":
            found = resolve_np(subject, actors)
            if found:
                return found
    return []


def _welcomed_doer(noun, actors):
    """The subject of a that-clause on the object ("the news that X agreed"): whose act it tells."""
    for clause in noun.children:
        if clause.dep_ in ("acl", "ccomp") and any(m.dep_ == "mark" and m.lower_ == "that" for m in clause.children):
            subject = next((c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass")), None)
            if subject is not None:
                return resolve_np(subject, actors)
    return []


def _purpose_partners(verb, actors, lex):
    """The partners of the meeting a journey is for: "travel to X for talks with Y" -> Y."""
    for prep in verb.children:
        if prep.dep_ == "prep" and prep.lower_ == "for":
            for noun in (c for c in prep.children if c.dep_ == "pobj"):
                entry = noun_entry(noun, lex)
                if entry is not None and lex.code(entry.cameo).type == "CONSULT":
                    found = prep_objects(noun, ("with",), actors)
                    if found:
                        return found
    return []


def _meeting(noun, lex) -> bool:
    """Does the noun name a meeting ("talks", "consultations"), whose partner comes with "with"?"""
    entry = lex.nouns.get(noun.lemma_.lower())
    return entry is not None and lex.code(entry.cameo).type == "CONSULT"


def _maker(noun):
    """Who made the words or act acted on: "the allegations made by Pakistan", "a ruling issued by X"."""
    if noun.pos_ != "NOUN":
        return None
    for clause in (c for c in noun.children if c.dep_ == "acl" and c.tag_ == "VBN"):
        for agent in (c for c in clause.children if c.dep_ == "agent"):
            return next((g for g in agent.children if g.dep_ == "pobj"), None)
    return None


def _possessor(noun):
    """The possessive owner of a common noun ("Pakistan's allegation"), not of a name or pronoun."""
    if noun.pos_ != "NOUN":
        return None
    return next((c for c in noun.children if c.dep_ == "poss" and c.pos_ != "PRON"), None)
