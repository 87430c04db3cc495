"""Who acts in one clause: actor1 from the subject (actor2, who it falls on, is recipients.py).

Every noun phrase is resolved through the article's actors (EventActors); coordination, passives,
relative clauses, appositions and pass-through verbs ("is expected to") are followed.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from . import status as st
from .candidates import CLAIMED
from .phrases import agent_of, between_prep, meeting_body
from .groups import FOLLOWERS, against, backer
from .lexicon import place_country

if TYPE_CHECKING:
    from ..actors.index import ArticleActors

SUBJECT_DEPS = ("nsubj", "nsubjpass", "csubj")
OPERATIONS = frozenset("operation raid offensive strike airstrike campaign".split())  # acts of force a "by" names the doer of
NP_SKIP = frozenset({"relcl", "acl", "advcl", "punct", "cc", "conj", "prep", "appos", "ccomp", "xcomp", "mark"})
NP_PREPS = frozenset({"of", "from", "in", "for", "throughout", "across"})  # "rebels in the Ivory Coast", "doctors from American aid groups"
THIRD_PERSON = frozenset("he she they".split())  # "it" only for a state or body (see _antecedent)
STATE_LIKE = frozenset({"country", "organization"})
# verbs that link a subject to a state: "stands accused", "remains detained", "got arrested"
LINKING = frozenset("be stand remain become get seem appear feel look stay".split())
RELATIVE_PRONOUNS = frozenset({"who", "which", "that", "whom"})
# people a possessor names who are not the possessor: "X's lawyers", "X's son", "X's critics"
NOT_THE_OWNER = frozenset("""team lawyer attorney counsel family son daughter wife husband mother father brother sister
    relative supporter critic opponent rival victim accuser platform user""".split())
SAYING_ACTS = frozenset("call urge demand ask appeal condemn criticize criticise denounce say warn reject".split())
# texts that say what their authors say: "adopted a resolution demanding", "issued a statement urging"
DOCUMENTS = frozenset("resolution statement declaration communique communiqué letter decree motion report".split())
# writings about a party: concern with one is concern with what it reports ("the latest report about X")
REPORTS = frozenset("report study assessment finding findings investigation inquiry review".split())
POSTED = frozenset({"mission", "embassy", "delegation", "consulate"})  # a state's posts abroad
COUNSEL = frozenset({"team", "lawyer", "attorney", "counsel"})
LEADING = frozenset({"lead", "head"})  # "a delegation led by X"  # who speaks and acts for the one they defend
# acts only a state's authorities do, whose doer an agentless passive leaves to be understood
STATE_COERCION = frozenset("arrest detain jail imprison charge sentence indict convict deport".split())
EXPELLING = frozenset({"expel", "oust", "suspend"})
MOBILIZING = "15"  # CAMEO root of mobilising and deploying forces
MEDIATION = "045"  # CAMEO: mediate  # the body one is expelled "from" is the one expelling


def _np_tokens(tok, out: list) -> None:
    out.append(tok)
    for child in tok.children:
        if child.dep_ in NP_SKIP and not (child.dep_ == "prep" and child.lower_ in NP_PREPS):
            if child.dep_ == "appos":
                _np_tokens(child, out)
            continue
        _np_tokens(child, out)


def resolve_np(tok, actors: ArticleActors) -> list:
    """Actors a noun phrase names: itself, its conjuncts, and coordinated modifiers ('Hungarian and Romanian')."""
    found = []
    # a list may hang as appositions with a final conjunct: "Kang, Vice Minister Cho and negotiator Lee"
    appos = [c for c in tok.children if c.dep_ == "appos"]
    listed = {tok.i} | {c.i for c in appos if len(appos) > 1 or any(g.dep_ == "conj" for g in c.children)}
    heads = [tok] + [c for c in tok.subtree if c.i != tok.i and (c.i in listed or c.dep_ == "conj" and _conj_root(c).i in listed)
                     and not (c.dep_ == "conj" and _others(c))]
    for head in heads:
        if leaders := _leaders(head, actors):
            found.extend(leaders)
            continue
        toks: list = []
        _np_tokens(head, toks)
        actor = _pick(head, toks, actors) or actors.group(head) or actors.located(head) or actors.described(head)
        if _own_people(head) and (actor is None or actor.kind != "person"):
            continue  # (the record is the owner's; "X and his colleague Y" are two people, each a party)
        if actor is not None:
            found.append((actor, toks))
        else:  # "the two sides", "the three nations": each party the actor layer says it stands for
            found.extend((party, toks) for party in actors.parties(head.idx, head.idx + len(head)))
        for mod in head.children:
            if mod.dep_ in ("amod", "compound", "nmod"):
                for conj in (c for c in mod.subtree if c.dep_ == "conj"):
                    other = actors.at(conj.idx, conj.idx + len(conj))
                    if other is not None:
                        found.append((other, [conj]))
        if actor is not None and actor.kind == "group":
            found.extend(actors.members_of_each(head))
    unique, ids = [], set()
    for actor, toks in found:
        if actor.id not in ids:
            ids.add(actor.id)
            unique.append((actor, toks))
    return unique


def _others(conj) -> bool:
    """"X and other officials": the ones named first are among them; the record is theirs, the rest
    come with them (a coder names the first party and adds the others)."""
    return any(c.dep_ in ("amod", "det") and c.lower_ == "other" for c in conj.children)


def _own_people(conj) -> bool:
    """"X and his cabinet", "X and its allies": a conjunct owned by the one named before it."""
    return conj.dep_ == "conj" and any(c.dep_ == "poss" and c.tag_ == "PRP$" for c in conj.children)


def _leaders(head, actors: ArticleActors) -> list:
    """"a delegation led by X", "senators led by X and Y": a body told with the people who lead it is
    named, at its most specific, by them (people only: "a coalition led by Saudi Arabia" is the coalition)."""
    if head.pos_ not in ("NOUN", "PROPN"):
        return []
    for clause in head.children:
        if clause.dep_ == "acl" and clause.lemma_.lower() in LEADING:
            by = [g for a in clause.children if a.dep_ == "agent" for g in a.children if g.dep_ == "pobj"]
            people = [f for b in by for f in resolve_np(b, actors)]
            if people and all(a.kind == "person" for a, _ in people):
                return people
    return []


def _pick(head, toks, actors: ArticleActors):
    """The actor of a phrase: a mention on its head word, else on an apposition's head, else any mention in it."""
    if head.lemma_.lower() in REPORTS:
        # "concerned about the inspectors' latest report on X's enrichment": what the report tells of is
        # what the concern is about, not the body that wrote it
        for prep in (c for c in head.children if c.dep_ == "prep" and c.lower_ in ("about", "on", "into")):
            told = [a for p in prep.children if p.dep_ == "pobj" for a, _ in resolve_np(p, actors)]
            if told:
                return told[0]
    if head.lemma_.lower() in COUNSEL and any(c.dep_ == "poss" for c in head.children):
        # "Lai's legal team", "Y's lawyers": a person's lawyers act for them, a party of their own
        return actors.counsel(head)
    if (followers := actors.followers(head)) is not None or head.lemma_.lower() in FOLLOWERS:
        # "Assad loyalists", "supporters of X", "fighters loyal to X": a group of their own, not the one
        # they follow (nor the group the actor layer takes a bare "the fighters" for)
        return followers
    opposed = {place_country(t.text) for t in toks if against(t)} - {None}
    for word in [head] + [c for c in head.children if c.dep_ == "appos"]:
        actor = actors.at(word.idx, word.idx + len(word))
        if actor is not None and actor.country in opposed:
            return None  # "anti-Pakistan fighters" taken for Pakistan's own
        if actor is not None:
            return actor
    # "anti-Pakistan fighters" are not Pakistan's; "the China-backed government" is not China
    backers = {getattr(actors.at(t.idx, t.idx + len(t)), "id", None) for t in toks if backer(t)}
    toks = [t for t in toks if not against(t) and not backer(t)] or [head]
    if head.lemma_.lower() in POSTED and any(c.dep_ == "poss" for c in head.children):
        # "his U.N. mission", "Iran's embassy in Kabul": a state's post abroad, whatever body hosts it
        posted = actors.posted(head)
        if posted is not None:
            return posted
    if head.lemma_.lower() in NOT_THE_OWNER and any(c.dep_ == "poss" for c in head.children):
        return None  # "Putin's critics" are not Putin
    lo, hi = min(t.idx for t in toks), max(t.idx + len(t) for t in toks)
    found = actors.at(lo, hi)
    # ("the leader of her legal team" is not "her": a possessive deep in the phrase names no one of it)
    deep = {t.idx for t in toks if t.tag_ == "PRP$" and t.head.i != head.i}
    if found is not None and deep and all(m.start in deep for m in actors.base.mentions_in(lo, hi) if m.actor_id == found.id):
        return None
    if found is not None and found.id in backers:
        return None
    if found is not None and found.kind == "country" and _only_in_prep(head, toks, actors):
        return actors.members(head, found) or found
    return found


def _only_in_prep(head, toks, actors) -> bool:
    """Is every actor mention of the phrase inside a prepositional modifier ("students throughout Indonesia")?"""
    pre = [t for t in toks if t.i < head.i or t.i == head.i]
    return bool(pre) and actors.at(min(t.idx for t in pre), max(t.idx + len(t) for t in pre)) is None


def _conj_root(tok):
    while tok.dep_ == "conj":
        tok = tok.head
    return tok


def subjects(verb):
    """(subject tokens, passive?) of `verb`, climbing pass-through verbs, conjuncts and relative clauses."""
    token = verb
    passive = any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.children)
    for _ in range(6):
        subj = [c for c in token.children if c.dep_ in SUBJECT_DEPS]
        # (the parser at times hangs the subject on the auxiliary: "X and Y [are] mediating")
        subj = subj or [g for c in token.children if c.dep_ in ("aux", "auxpass") for g in c.children
                        if g.dep_ in SUBJECT_DEPS]
        if subj:
            if token.dep_ == "relcl" and subj[0].lower_ in RELATIVE_PRONOUNS:
                return [antecedent_noun(token.head)], passive and token.i == verb.i
            return subj, passive and token.i == verb.i
        if token.dep_ == "relcl":
            return [antecedent_noun(token.head)], False
        if token.dep_ == "conj" and _said_past_a_present_clause(token):
            token = token.head.head  # "X determined that Y is unlawful and called for Z": X called
            continue
        if token.dep_ in ("xcomp", "conj", "acomp", "advcl") and token.head.i != token.i:
            token = token.head
            continue
        if token.dep_ == "pcomp" and token.tag_ == "VBG" and token.head.lower_ in ("in", "by") and \
                token.head.head.pos_ in ("VERB", "AUX"):
            token = token.head.head  # "X led the group in calling on Y": X calls on Y
            continue
        if token.dep_ == "pcomp" and token.tag_ == "VBG" and token.head.lower_ == "including" and \
                (whole := governing_verb(token.head.head, direct=False) if token.head.head.pos_ == "NOUN"
                 else token.head.head if token.head.head.pos_ == "VERB" else None) is not None:
            token = whole  # "will take measures, including reimposing sanctions": the measures' taker
            continue
        if token.dep_ == "pcomp" and token.tag_ == "VBG" and token.head.lower_ == "for" and \
                (claimer := _claimer(token.head.head)) is not None:
            token = claimer  # "X took credit for attacking Y": X attacked Y
            continue
        if token.dep_ == "acl" and token.tag_ in ("VBG", "VBD") and token.i > token.head.i and token.head.pos_ in ("NOUN", "PROPN"):
            # "demonstrators protesting X": the noun a present participle (or a misparsed past) modifies acts
            writing = token.head
            if writing.lemma_.lower() in DOCUMENTS and writing.dep_ == "dobj" and writing.head.pos_ == "VERB":
                token = writing.head  # "adopted a resolution demanding X": who adopts the text says it
                continue
            return [token.head], False
        if token.dep_ == "acl" and token.tag_ == "VB":
            # "stressed the need to rid X of Y": the infinitive's subject is the main clause's
            noun = token.head
            if noun.dep_ in ("dobj", "attr") and noun.head.pos_ in ("VERB", "AUX"):
                token = noun.head
                continue
        break
    return [], passive


def _said_past_a_present_clause(verb) -> bool:
    """A past verb of saying the parser joins to the present copula of a reported clause ("found that
    the detention is unlawful and called for ..."): its tense says it goes with the reporting verb."""
    head = verb.head
    return (verb.tag_ == "VBD" and verb.lemma_.lower() in SAYING_ACTS and head.lemma_.lower() == "be"
            and head.tag_ in ("VBZ", "VBP") and head.dep_ == "ccomp" and head.head.pos_ == "VERB")


def _claimer(head):
    """The verb of "claimed responsibility for", "took credit for" (the "for" on the verb or its object)."""
    if head.lemma_.lower() in CLAIMED and head.dep_ == "dobj":
        head = head.head
    if head.pos_ == "VERB" and any(c.dep_ == "dobj" and c.lemma_.lower() in CLAIMED for c in head.children):
        return head
    return None


def _stray_agent(verb):
    """The "by" phrase the parser hangs on the noun of a passive's "as" phrase: "X is designated as a
    terrorist organization by Y" (the agent of the verb, not of the organization)."""
    for prep in verb.children:
        if prep.dep_ == "prep" and prep.lower_ == "as":
            for pobj in (c for c in prep.children if c.dep_ == "pobj"):
                for by in pobj.children:
                    if by.dep_ == "prep" and by.lower_ == "by":
                        return next((g for g in by.children if g.dep_ == "pobj"), None)
    return None


def antecedent_noun(noun):
    """The noun a relative clause hangs on, or, for a predicate noun ("X is a group that ..."), the
    copula's subject X."""
    if noun.dep_ == "attr" and noun.head.lemma_.lower() == "be":
        subj = next((c for c in noun.head.children if c.dep_ == "nsubj"), None)
        if subj is not None:
            return subj
    return noun


def passive_participle(verb) -> bool:
    """A bare past participle hung on another verb is passive: "X stands accused of ...", "if
    convicted, X ..." name the one acted on, not the doer."""
    hung = verb.dep_ in ("acomp", "oprd", "advcl") or verb.dep_ == "xcomp" and verb.head.lemma_.lower() in LINKING
    return verb.tag_ == "VBN" and hung and not any(c.dep_ in ("aux", "nsubj") for c in verb.children)


def actor1(cand, actors):
    verb = cand.verb
    if cand.frame == "held":  # "imprisoned publisher X": held by the story's own state's authorities
        state = actors.authorities()
        if state is not None and _held_elsewhere(verb, state.country):
            return [], False  # "jailed publisher X in Hong Kong", told in a story about another state
        return ([(state, [verb])] if state is not None else []), False
    if cand.frame == "undergone":  # "X came under attack from Y", "came under a Russian missile attack"
        return (prep_objects(cand.noun, ("from", "by"), actors) or prep_objects(verb, ("from", "by"), actors)
                or _own_actors(cand.noun, actors)), False
    if cand.frame == "received":  # "has the backing of X", "received aid from X": the giver acts
        return (prep_objects(cand.noun, ("of", "from"), actors) or prep_objects(verb, ("from",), actors)), False
    if cand.frame == "body":  # "told a meeting of the Security Council": the body meets
        body = meeting_body(cand.noun, actors)
        return ([(body, [cand.noun])] if body is not None else []), False
    if cand.frame == "by":  # "the hijacking by militants", "an offensive launched by X"
        agent = agent_of(cand.noun)
        return (resolve_np(agent, actors) if agent is not None else []), False
    if cand.frame == "caused":  # "an operation by X ... resulted in the deaths of Y": the cause's doer
        subj = subjects(cand.verb)[0]
        return [found for s in subj for found in _operation_by(s, actors) or resolve_np(s, actors)], False
    if cand.frame == "outcome":  # "led to the arrest of five people": like "five people were arrested",
        state = actors.authorities()  # the doing of the only ones who arrest, a state's authorities
        return ([(state, [cand.noun])] if state is not None else []), False
    if cand.frame == "owner":  # "their calls on the parties": a pronoun the actor layer resolved
        poss = next(c for c in cand.noun.children if c.dep_ == "poss")
        return resolve_np(poss, actors), False
    if cand.noun is not None:
        poss = [c for c in cand.noun.children if c.dep_ == "poss" and c.pos_ != "PRON"]
        # ("froze the newspaper's assets": the owner of what a verb acts on is acted on, not the doer)
        acted_on = verb is not None and cand.noun.dep_ == "dobj" and cand.noun.head.i == verb.i and bool(subjects(verb)[0])
        owner = resolve_np(poss[0], actors) if poss and not acted_on else []
        # "Iran's attack" names its doer; the object of a verb ("conferred the country's top medal
        # on X") may have an owner that names no party, and then the verb's subject acts
        if owner or poss and verb is None:
            return owner, False
        between = between_parties(cand.noun, actors) if not mediating(cand) else []
        if len(between) >= 2:
            return between[:1], False
        if cand.frame == "subject":
            return _own_actors(cand.noun, actors), False
        if cand.frame == "between":
            return [], False
        if verb is None:
            verb = governing_verb(cand.noun, direct=False)
            if verb is None or _inside_subject(cand.noun, verb):
                return [], False
    if (owner := _infinitive_owner(verb)) is not None and (found := resolve_np(owner, actors) or _its(owner, actors)):
        return found, False  # "Iran's decision to withdraw", "its refusal to sign": the owner acts
    subj, passive = subjects(verb)
    passive = passive or passive_participle(verb)
    if passive and cand.entry.stative and not any(c.dep_ == "agent" for c in verb.children):
        passive = False
    if passive:
        agent = next((c for c in verb.children if c.dep_ == "agent"), None)
        pobj = next((c for c in agent.children if c.dep_ == "pobj"), None) if agent is not None else _stray_agent(verb)
        if pobj is None and verb.lemma_.lower() in STATE_COERCION and (state := actors.authorities()) is not None:
            # "a reporter detained over his articles": only a state's authorities arrest and jail
            return [(state, [verb])], True
        if pobj is None and cand.cameo[:2] == MOBILIZING and (force := next(
                (c for c in verb.children if c.dep_ == "nsubjpass"), None)) is not None:
            # "troops were deployed to the border", "security forces had been dispatched": a force sent
            # out by its own side, named for that side
            return [f for f in resolve_np(force, actors) if f[0].kind != "person"], False
        if pobj is None and verb.lemma_.lower() in EXPELLING:
            # "X was expelled from the party": a body expels its own members
            pobj = next((g for p in verb.children if p.dep_ == "prep" and p.lower_ == "from"
                         for g in p.children if g.dep_ == "pobj"), None)
        return (resolve_np(pobj, actors) if pobj is not None else []), True
    found = []
    for s in subj:
        # "X said they killed ...": in news the pronoun of a reported clause is the speaker's side,
        # whatever a story-wide guess makes of it
        # (a side: a state, a body, or a person who serves one; a witness telling what "they" did is
        # not of the side that did it)
        speaker = _side(verb, actors) if s.pos_ == "PRON" and s.lower_ in ("they", "it", "we") else []
        resolved = speaker or own_forces(s, verb, actors) or _operation_by(s, actors) or resolve_np(s, actors)
        # (a personal pronoun, not a demonstrative: "This denies recognition to X" is a document's doing)
        if not resolved and (s.tag_ == "PRP" or any(c.dep_ == "poss" and c.pos_ == "PRON" for c in s.children)):
            # "X said it will ..." / "X said their forces had ...": the speaker's own side
            resolved = _side(verb, actors) if s.lower_ in ("they", "it", "we") or s.tag_ != "PRP" else _speaker(verb, actors)
        if not resolved and s.pos_ == "PRON":
            resolved = _main_subject(s, verb, actors) or _antecedent(s, actors)
        if not resolved and (crowd := actors.crowd(s, verb)) is not None:
            resolved = [(crowd, [s])]  # "thousands of protesters marched in Belgrade", "protesters clashed with police"
        found.extend(resolved)
    return _speaking_for(found, verb, actors), False


def _infinitive_owner(verb):
    """The possessor of the noun an infinitive completes ("Iran's decision to withdraw")."""
    if verb is None or verb.dep_ != "acl" or verb.head.pos_ != "NOUN" or not any(
            c.dep_ == "aux" and c.lower_ == "to" for c in verb.children):
        return None
    return next((c for c in verb.head.children if c.dep_ == "poss"), None)


def _its(pronoun, actors):
    """"X said ..., signaling its reluctance to ...": "its" is the state or body the sentence named last
    before it as a party, not as a word on a thing ("a Ukraine ceasefire deal")."""
    if pronoun.lower_ != "its":
        return []
    for tok in reversed(pronoun.doc[pronoun.sent.start:pronoun.i]):
        actor = actors.at(tok.idx, tok.idx + len(tok)) if tok.dep_ not in ("compound", "amod") else None
        if actor is not None:
            return [(actor, [pronoun])] if actor.kind in STATE_LIKE else []
    return []


def _operation_by(noun, actors):
    """"An operation by Kenyan forces killed 16 militants": what an operation does, its doer does."""
    if noun.lemma_.lower() not in OPERATIONS or (agent := agent_of(noun)) is None:
        return []
    return resolve_np(agent, actors)


def _side(verb, actors):
    """The speaker of the clause as a side: a state, a body, or a person who serves one."""
    return [f for f in _speaker(verb, actors) if f[0].kind != "person" or f[0].country or f[0].sector]


def _held_elsewhere(verb, home: str | None) -> bool:
    """Is the one a participle says is held placed in another state ("jailed publisher X in Hong Kong")?"""
    noun = verb.head
    while noun.dep_ in ("compound", "amod") and noun.head.i != noun.i:
        noun = noun.head  # "jailed pro-democracy publisher X": up to the name
    for prep in (c for c in noun.children if c.dep_ == "prep" and c.lower_ == "in"):
        for place in (c for c in prep.children if c.dep_ == "pobj" and c.ent_type_ in ("GPE", "LOC")):
            code = place_country(" ".join(t.text for t in place.subtree if t.ent_type_ in ("GPE", "LOC")))
            if code and code != home:
                return True
    return False


def own_forces(noun, verb, actors):
    """"our soldiers killed two militants," the commander said: the forces a speaker calls "our" or
    "their" are their state's, not the speaker; named as that state's ("Somali soldiers")."""
    if noun.pos_ != "NOUN" or not any(c.dep_ == "poss" and c.lower_ in ("our", "their", "its") for c in noun.children):
        return []
    title = actors.knowledge.titles.get(noun.lower_) if actors.knowledge is not None else None
    if title is None or title.kind != "group" or title.sector not in ("MIL", "COP"):
        return []
    speaker = _speaker(verb, actors) or _quoted_speaker(verb, actors)
    if len(speaker) != 1:
        return []
    # a speaker the story gives no state speaks for the story's own ("our soldiers", says a local official)
    country = speaker[0][0].country or actors.home
    if not country or len(country) != 3 or country == "IGO":
        return []
    return [(actors.own_group(noun, country), [noun])]


def _quoted_speaker(verb, actors):
    """The speaker of a quoted sentence: "'...,' X said." told after the quote, in the same sentence."""
    root = verb
    while root.head.i != root.i:
        root = root.head
    if root.i == verb.i:
        return []
    said = [t for t in root.sent if t.lemma_.lower() in st.REPORTING and t.i > verb.i and t.dep_ in ("ROOT", "parataxis")]
    for t in said:
        subj = next((c for c in t.children if c.dep_ == "nsubj"), None)
        if subj is not None:
            return resolve_np(subj, actors)
    return []


def _main_subject(pronoun, verb, actors):
    """"The militants blew up the tracks, ... where they stormed it": a third-person pronoun subject of a
    subordinate clause stands for the subject of a clause above it in the same sentence, when that names
    a party of its kind (a person for he/she). Reported clauses are left to the speaker rule."""
    low = pronoun.lower_
    if low not in THIRD_PERSON:
        return []
    person = low in ("he", "she")
    token = verb
    while token.head.i != token.i:
        if token.dep_ in ("ccomp", "parataxis"):
            return []
        token = token.head
        subject = next((c for c in token.children if c.dep_ in ("nsubj", "nsubjpass") and c.pos_ != "PRON"), None)
        if subject is not None:
            found = resolve_np(subject, actors)
            return [(a, [pronoun]) for a, _ in found if (a.kind == "person") == person][:1]
    return []


def _antecedent(pronoun, actors):
    """'They called on China ...' after a sentence whose doer was the G7: a third-person pronoun the
    actor layer leaves open stands for the latest doer of its kind (a person for he/she)."""
    low = pronoun.lower_
    if low == "it" and actors.recent and actors.recent[-1].kind in STATE_LIKE and actors.recent[-1].id in actors.near:
        # "Iran ... In 2021, it stopped ...": "it" as the doer of an act is the state or body whose act
        # was told last, when this or the sentence before names it (else "it" is likelier a thing
        # told about since: a ship, a plan)
        return [(actors.recent[-1], [pronoun])]
    if low not in THIRD_PERSON:
        return []
    person = low in ("he", "she")
    for actor in reversed(actors.recent):
        if (actor.kind == "person") == person:
            return [(actor, [pronoun])]
    return []


def _speaking_for(found, verb, actors):
    """'Russian President X said Russia supports ...': an official announcing what their own state
    does is the one acting (the statement is theirs), as a coder names the most specific actor."""
    if len(found) != 1 or found[0][0].kind != "country":
        return found
    speaker = _speaker(verb, actors)
    if len(speaker) == 1 and speaker[0][0].kind != "country" and speaker[0][0].country == found[0][0].country:
        return speaker
    return found


def _own_actors(noun, actors):
    """The actor named on an event noun itself: "Palestinian riots", "protests by students"."""
    found = []
    for mod in noun.children:
        if mod.dep_ in ("amod", "compound", "nmod") and mod.i < noun.i:
            actor = actors.at(mod.idx, mod.idx + len(mod))
            if actor is not None:
                found.append((actor, [mod]))
    return found or prep_objects(noun, ("by",), actors)


def _inside_subject(tok, verb) -> bool:
    """Is `tok` part of `verb`'s own subject ("talks with X have stalled")?"""
    return any(c.dep_ in SUBJECT_DEPS and tok.i in {t.i for t in c.subtree} for c in verb.children)


def _speaker(verb, actors):
    """An unresolved pronoun subject of 'X said it will ...' is X."""
    head = verb
    for _ in range(4):
        if head.dep_ in ("ccomp", "parataxis") and head.head.lemma_.lower() in st.REPORTING:
            subj = [c for c in head.head.children if c.dep_ == "nsubj"]
            return resolve_np(subj[0], actors) if subj else []
        if head.dep_ not in ("xcomp", "conj", "acomp"):
            return []
        head = head.head
    return []


def governing_verb(noun, direct: bool = True):
    """The verb an event noun hangs from: as its object or through its preposition ("in a meeting with").

    With direct=False, also through other nouns' objects and prepositions ("the outcome of his meeting"),
    as a parser often attaches "in a meeting" to the object noun before it.
    """
    tok = noun
    for _ in range(1 if direct else 4):
        if tok.dep_ in ("dobj", "attr", "nsubjpass"):
            head = tok.head
        elif tok.dep_ == "pobj" and tok.head.dep_ == "prep":
            head = tok.head.head
        else:
            return None
        if head.pos_ in ("VERB", "AUX"):
            return head
        if head.pos_ not in ("NOUN", "PROPN"):
            return None
        tok = head
    return None


def mediating(cand) -> bool:
    """A verb of mediating an act between others ("brokered a deal between A and B"): its subject
    acts, and the parties the act is between are those it acts on."""
    return cand.verb is not None and cand.cameo.startswith(MEDIATION)


def between_parties(noun, actors):
    for prep in [between_prep(noun)]:
        if prep is not None:
            pobj = next((c for c in prep.children if c.dep_ == "pobj"), None)
            if pobj is not None:
                found = resolve_np(pobj, actors)
                if len(found) == 1:
                    # "agreements between A and an armed group, B": the parser may hang the apposition
                    # that names the second party on the event noun itself
                    ids = {a.id for a, _ in found}
                    # (or on the first party, after the conjunct it belongs to)
                    last = max([pobj.i] + [c.i for c in pobj.children if c.dep_ == "conj"])
                    found += [f for c in [*noun.children, *pobj.children] if c.dep_ == "appos" and c.i > last
                              for f in resolve_np(c, actors) if f[0].id not in ids][:1]
                return found
    return []


def prep_objects(head, preps, actors):
    for prep in head.children:
        if prep.dep_ in ("prep", "dative", "agent") and prep.lower_ in preps:
            pobj = next((c for c in prep.children if c.dep_ == "pobj"), None)
            if pobj is not None:
                found = resolve_np(pobj, actors)
                if found:
                    return found
    return []
