"""Clause-level event extraction over the dependency parse.

For each action verb or event noun found in the lexicon: actor1 from the subject (following
coordination, passives, relative clauses and pass-through verbs such as "is expected to"), actor2
from the object, a recipient preposition, or the subject of a complement ("urged Biden to engage").
Every actor span is resolved through ArticleActors; an event whose actor1 does not resolve is dropped.

Coding conventions (see also the lexicon data):
- `type` is the PLOVER type of the action itself and `status` says whether it happened; a meeting
  announced for next week is CONSULT/planned. `cameo` follows CAMEO, where an announced cooperative
  action is an intent (03x), so the two stay separately queryable.
- Verbs that govern a complement (agree/offer to, urge/call on X to, refuse to, threaten to) code the
  governing act; the complement refines its CAMEO subcode and is not an event of its own.
- Compound actors with no recipient give the reciprocal events (A->B and B->A), as CAMEO does.
"""

from __future__ import annotations

from itertools import product
from typing import TYPE_CHECKING

from ..ids import record_id
from ..options import Options
from ..records import Article, Event, Source
from ..actors import load_knowledge
from . import frames
from . import status as st
from .groups import EventActors
from .lexicon import INTENT_CODE, THREAT_CODE, Entry, load_lexicon
from .when import end_of, published_date, resolve
from .where import find_location

if TYPE_CHECKING:
    from ..actors.index import ArticleActors

LIGHT_VERBS = frozenset(
    "hold have conduct stage launch begin start continue resume make pay carry mount organize organise "
    "undertake give issue lodge file announce declare engage join attend complete renew "
    # restating or changing the pace of an act names the act: "reiterated its demand", "sped up the withdrawal"
    "reiterate repeat voice express speed accelerate expedite hasten step intensify escalate".split()
)
# Event nouns that make an event with no light verb, given a recipient: "in a meeting with X".
BARE_NOUN_TYPES = frozenset({"CONSULT"})
RETURN_VERBS = frozenset({"return", "come", "go"})
# Any event noun makes an event as the subject of a verb of going on ("riots against X continued"),
# its actor named on the noun itself; and with "between A and B" ("fighting between A and B").
ONGOING_VERBS = frozenset("continue resume begin start erupt escalate intensify rage spread persist".split())
GOVERNING_TYPES = frozenset({"AGREE", "REQUEST", "REJECT", "THREATEN"})
# How a governed complement refines the governing code, by the complement's CAMEO root.
REFINE = {
    # a promise of force ("vowed to fight") is, in PLOVER and CAMEO, a threat
    "AGREE": {"04": "036", "05": "032", "06": "031", "07": "033", "08": "035", **THREAT_CODE},
    "REQUEST": {"04": "106", "05": "102", "06": "101", "07": "103", "08": "105"},
    "REJECT": {"04": "125", "06": "121", "07": "122", "08": "124"},
    "THREATEN": {"16": "131", "17": "137", "18": "138", "19": "138", "14": "133"},
}
TOPICS = (
    ("nuclear", frozenset("nuclear denuclearization denuclearisation uranium enrichment warhead".split())),
    ("military", frozenset("military troop army soldier missile weapon drill defence defense navy".split())),
    ("economic", frozenset("trade tariff economy economic investment export import".split())),
    ("humanitarian", frozenset("humanitarian refugee famine relief".split())),
    ("human_rights", frozenset("rights torture abuse".split())),
)
SUBJECT_DEPS = ("nsubj", "nsubjpass", "csubj")
NP_SKIP = frozenset({"relcl", "acl", "advcl", "punct", "cc", "conj", "prep", "appos", "ccomp", "xcomp", "mark"})
# actions that coordinated subjects do with each other: "X and Y met / agreed / cooperated"
RECIPROCAL = frozenset({"CONSULT", "AGREE", "COOPERATE"})
# ...and the triggers that name such an act whatever the clause makes of it ("signed a treaty",
# "failed to reach a deal"): signing agreements, intents to cooperate, cooperation itself
RECIPROCAL_CODES = frozenset({"057", "030", "031", "036", "040", "046", "060", "061", "062", "063", "064"})
CLAUSE_DEPS = frozenset({"ccomp", "xcomp", "advcl", "relcl", "acl", "conj", "parataxis", "csubj", "pcomp"})
NP_PREPS = frozenset({"of", "from", "in", "for", "throughout", "across"})  # "rebels in the Ivory Coast", "doctors from American aid groups"
RELATIVE_PRONOUNS = frozenset({"who", "which", "that", "whom"})
TEMPORAL_PREPS = frozenset({"on", "in", "at", "since", "during", "from", "until", "by", "before", "after", "of", "as", "for"})
MAX_SENTENCE_TOKENS = 150
MAX_PAIRS = 6


def find_events(article: Article, doc, actors: ArticleActors, options: Options) -> list[Event]:
    lex = load_lexicon()
    actors = EventActors(actors, load_knowledge(options))
    base = published_date(article.published)
    events: list[Event] = []
    seen: set = set()
    for sent in doc.sents:
        if not _codable(sent):
            continue
        here = _Sentence(sent)
        source = Source(article.id, article.outlet, article.published, sent.text, sent.start_char, sent.end_char)
        for cand in _candidates(sent, lex, actors):
            for event in _events(cand, sent, article, here, actors, lex, base, source):
                key = (event.actor1.actor_id, event.actor2.actor_id if event.actor2 else None, event.type, event.trigger, sent.start)
                if key not in seen:
                    seen.add(key)
                    events.append(event)
    return events


class _Sentence:
    """Per-sentence look-ups the extractor repeats for every candidate: entities and clauses."""

    __slots__ = ("ents", "_clauses")

    def __init__(self, sent) -> None:
        self.ents = sent.ents
        self._clauses: dict = {}

    def clause(self, head) -> set:
        if head.i not in self._clauses:
            self._clauses[head.i] = _clause(head)
        return self._clauses[head.i]


def _codable(sent) -> bool:
    """Skip what cannot be a reported clause: over-long runs, flattened tables, all-caps headlines."""
    if len(sent) > MAX_SENTENCE_TOKENS:
        return False
    alpha = [t for t in sent if t.is_alpha]
    if len(alpha) < 3 or len(alpha) < 0.5 * len(sent):
        return False
    upper = sum(1 for t in alpha if t.is_upper and len(t) > 1)
    if upper >= 0.6 * len(alpha):
        return False
    return any(t.pos_ in ("VERB", "AUX") for t in sent)


class _Cand:
    """One matched trigger: the verb (or None), the event noun (or None), its lexicon entry."""

    __slots__ = ("verb", "noun", "entry", "trigger", "cameo", "prep", "frame")

    def __init__(self, verb, noun, entry: Entry, trigger: list, prep: str | None = None, frame: str | None = None):
        self.verb, self.noun, self.entry, self.trigger, self.prep = verb, noun, entry, trigger, prep
        self.cameo = entry.cameo
        # how a verb-less noun event was admitted: "subject" (of an ongoing verb), "between", or None
        self.frame = frame


def _verb_lemma(tok, lex) -> str:
    """The verb's lemma, repaired where the lemmatiser strips a stem's final e ("staged" -> "stag")."""
    lemma = tok.lemma_.lower()
    low = tok.lower_
    if low.endswith("ed") and low[:-2] == lemma and lemma not in lex.verbs:
        stem = low[:-1]
        if stem in lex.verbs or stem in LIGHT_VERBS:
            return stem
    return lemma


def _match_verb(tok, lex):
    lemma = _verb_lemma(tok, lex)
    dobj = next((c for c in tok.children if c.dep_ in ("dobj", "nsubjpass") and c.pos_ in ("NOUN", "PROPN", "PRON")), None)
    if tok.dep_ == "amod" or tok.dep_ == "compound":
        return None
    if dobj is not None:
        obj = dobj.lemma_.lower()
        entry = lex.verb_objects.get((lemma, obj))
        if entry:
            return _Cand(tok, dobj, entry, [tok, dobj])
        # a measure of the thing given: "gave 5 million dollars of aid", "sent 700 kg of medicine"
        kind = next((g for p in dobj.children if p.dep_ == "prep" and p.lower_ == "of"
                     for g in p.children if g.dep_ == "pobj" and g.pos_ == "NOUN"), None)
        if kind is not None and (lemma, kind.lemma_.lower()) in lex.verb_objects:
            return _Cand(tok, kind, lex.verb_objects[(lemma, kind.lemma_.lower())], [tok, kind])
        for mod in dobj.children:
            if mod.dep_ == "compound" and (lemma, mod.lemma_.lower()) in lex.verb_objects:
                return _Cand(tok, dobj, lex.verb_objects[(lemma, mod.lemma_.lower())], [tok, mod, dobj])
        if lemma in LIGHT_VERBS:
            entry = _noun_entry(dobj, lex)
            if entry:
                return _Cand(tok, dobj, entry, [tok, dobj])
    if lemma in RETURN_VERBS:
        # "returned to the negotiating table", "came back to talks": the event named is resumed
        for prep in tok.children:
            if prep.dep_ == "prep" and prep.lower_ == "to":
                pobj = next((c for c in prep.children if c.dep_ == "pobj" and c.pos_ == "NOUN"), None)
                entry = _noun_entry(pobj, lex) if pobj is not None else None
                if entry:
                    return _Cand(tok, pobj, entry, [tok, prep, pobj])
    for child in tok.children:
        # the parser often hangs a particle as an adverb: "stepped down", "pulled out"
        particle_adverb = child.dep_ == "advmod" and child.i == tok.i + 1
        if child.dep_ in ("prt", "prep", "dative", "agent") or particle_adverb:
            if any(g.ent_type_ in ("DATE", "TIME") for g in child.children):
                continue  # "agreed on Wednesday" is not "agree on"
            entry = lex.particles.get((lemma, child.lower_))
            if entry:
                prep = None if child.dep_ == "prt" or particle_adverb else child.lower_
                return _Cand(tok, None, entry, [tok, child], prep)
    entry = lex.verbs.get(lemma)
    if entry and entry.transitive and dobj is None and not _passive(tok) and _counted_object(tok) is None:
        return None
    if entry:
        return _Cand(tok, None, entry, [tok])
    return None


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


def _noun_entry(noun, lex):
    lemma = noun.lemma_.lower()
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


def _candidates(sent, lex, actors) -> list[_Cand]:
    cands: list[_Cand] = []
    taken: set[int] = set()
    for tok in sent:
        if tok.pos_ == "VERB" or tok.pos_ == "AUX" and tok.dep_ == "ROOT" or tok.tag_.startswith("VB"):
            cand = _reported_demand(tok, lex, actors) if tok.lemma_.lower() in st.REPORTING else None
            if cand is None:
                cand = _match_verb(tok, lex)
            if cand:
                cands.append(cand)
                taken.update(t.i for t in cand.trigger)
    # governed complements are part of their governor's event
    governed: set[int] = set()
    for cand in list(cands):
        code = lex.code(cand.cameo)
        if cand.verb is not None and (ready := frames.preparation(cand.verb, code.root)) is not None:
            cands.append(_Cand(ready, None, Entry("150"), [ready]))
        if code.type not in GOVERNING_TYPES or cand.verb is None:
            continue
        comps = list(_complements(cand.verb)) + _content_clauses(cand.noun)
        cand.cameo = frames.command_code(cand.verb, comps) or cand.cameo
        # the event noun a rejection, demand or agreement is about is part of it: "opposed to mediation"
        for obj in _governed_nouns(cand):
            governed.add(obj.i)
            entry = _noun_entry(obj, lex)
            if entry is not None and cand.cameo == cand.entry.cameo:
                cand.cameo = REFINE[code.type].get(lex.code(entry.cameo).root) or cand.cameo
        for comp in comps:
            governed.add(comp.i)
            inner = next((c for c in cands if c.verb is not None and c.verb.i == comp.i), None)
            if inner is not None and cand.cameo == cand.entry.cameo:
                refined = REFINE[code.type].get(lex.code(inner.cameo).root)
                if refined:
                    cand.cameo = refined
    cands = [c for c in cands if c.verb is None or c.verb.i not in governed]
    for tok in sent:
        if tok.pos_ not in ("NOUN", "PROPN") or tok.i in taken:
            continue
        entry = _noun_entry(tok, lex)
        if entry is None:
            continue
        if lex.code(entry.cameo).type in BARE_NOUN_TYPES:
            frame = None
        elif _ongoing_verb(tok) is not None:
            frame = "subject"
        elif any(c.dep_ == "prep" and c.lower_ == "between" for c in tok.children):
            frame = "between"
        else:
            continue
        if _inside_governed(tok, governed):
            continue
        cands.append(_Cand(None, tok, entry, [tok], frame=frame))
    return cands


def _ongoing_verb(noun):
    """The verb of going on whose subject `noun` is ("the riots continued"), or None."""
    head = noun.head
    if noun.dep_ == "nsubj" and head.lemma_.lower() in ONGOING_VERBS:
        return head
    return None


def _complements(verb):
    for child in verb.children:
        # the parser sometimes hangs the infinitive as an adverbial clause: "have sworn [to fight]"
        infinitive = child.dep_ == "advcl" and child.i > verb.i and any(
            c.dep_ == "aux" and c.lower_ == "to" for c in child.children) and not any(c.dep_ == "mark" for c in child.children)
        if (child.dep_ in ("xcomp", "ccomp") or infinitive) and child.pos_ in ("VERB", "AUX"):
            yield child
            yield from (c for c in child.children if c.dep_ == "conj" and c.pos_ == "VERB")


def _content_clauses(noun) -> list:
    """The clause a demand noun states: "its demand that X release Y"."""
    if noun is None:
        return []
    return [c for c in noun.children if c.dep_ in ("acl", "ccomp") and c.pos_ == "VERB"
            and any(m.dep_ == "mark" and m.lower_ == "that" for m in c.children)]


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


def _reported_demand(verb, lex, actors):
    """'X said Y must do Z' is a demand by X on Y (CAMEO 10)."""
    for comp in verb.children:
        if comp.dep_ != "ccomp":
            continue
        if any(c.dep_ == "aux" and c.lower_ == "must" for c in comp.children):
            if any(c.dep_ in SUBJECT_DEPS for c in comp.children):
                must = next(c for c in comp.children if c.lower_ == "must")
                return _Cand(verb, None, Entry("100"), [verb, must])
    return None


# --- actors -----------------------------------------------------------------------------------


def _np_tokens(tok, out: list) -> None:
    out.append(tok)
    for child in tok.children:
        if child.dep_ in NP_SKIP and not (child.dep_ == "prep" and child.lower_ in NP_PREPS):
            if child.dep_ == "appos":
                _np_tokens(child, out)
            continue
        _np_tokens(child, out)


def _resolve_np(tok, actors: ArticleActors) -> list:
    """Actors a noun phrase names: itself, its conjuncts, and coordinated modifiers ('Hungarian and Romanian')."""
    found = []
    # a list may hang as appositions with a final conjunct: "Kang, Vice Minister Cho and negotiator Lee"
    appos = [c for c in tok.children if c.dep_ == "appos"]
    listed = {tok.i} | {c.i for c in appos if len(appos) > 1 or any(g.dep_ == "conj" for g in c.children)}
    heads = [tok] + [c for c in tok.subtree if c.i != tok.i and (c.i in listed or c.dep_ == "conj" and _conj_root(c).i in listed)]
    for head in heads:
        toks: list = []
        _np_tokens(head, toks)
        actor = _pick(head, toks, actors) or actors.group(head) or actors.located(head)
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
    unique, ids = [], set()
    for actor, toks in found:
        if actor.id not in ids:
            ids.add(actor.id)
            unique.append((actor, toks))
    return unique


def _pick(head, toks, actors: ArticleActors):
    """The actor of a phrase: a mention on its head word, else on an apposition's head, else any mention in it."""
    for word in [head] + [c for c in head.children if c.dep_ == "appos"]:
        actor = actors.at(word.idx, word.idx + len(word))
        if actor is not None:
            return actor
    found = actors.at(min(t.idx for t in toks), max(t.idx + len(t) for t in toks))
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


def _subjects(verb):
    """(subject tokens, passive?) of `verb`, climbing pass-through verbs, conjuncts and relative clauses."""
    token = verb
    passive = any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.children)
    for _ in range(6):
        subj = [c for c in token.children if c.dep_ in SUBJECT_DEPS]
        if subj:
            if token.dep_ == "relcl" and subj[0].lower_ in RELATIVE_PRONOUNS:
                return [token.head], passive and token.i == verb.i
            return subj, passive and token.i == verb.i
        if token.dep_ == "relcl":
            return [token.head], False
        if token.dep_ in ("xcomp", "conj", "acomp", "advcl") and token.head.i != token.i:
            token = token.head
            continue
        if token.dep_ == "acl" and token.tag_ in ("VBG", "VBD") and token.i > token.head.i and token.head.pos_ in ("NOUN", "PROPN"):
            # "demonstrators protesting X": the noun a present participle (or a misparsed past) modifies acts
            return [token.head], False
        if token.dep_ == "acl" and token.tag_ == "VB":
            # "stressed the need to rid X of Y": the infinitive's subject is the main clause's
            noun = token.head
            if noun.dep_ in ("dobj", "attr") and noun.head.pos_ in ("VERB", "AUX"):
                token = noun.head
                continue
        break
    return [], passive


def _actor1(cand, actors):
    verb = cand.verb
    if cand.noun is not None:
        poss = [c for c in cand.noun.children if c.dep_ == "poss" and c.pos_ != "PRON"]
        if poss:
            return _resolve_np(poss[0], actors), False
        between = _between(cand.noun, actors)
        if len(between) >= 2:
            return between[:1], False
        if cand.frame == "subject":
            return _own_actors(cand.noun, actors), False
        if cand.frame == "between":
            return [], False
        if verb is None:
            verb = _governing_verb(cand.noun, direct=False)
            if verb is None or _inside_subject(cand.noun, verb):
                return [], False
    subj, passive = _subjects(verb)
    if passive and cand.entry.stative and not any(c.dep_ == "agent" for c in verb.children):
        passive = False
    if passive:
        agent = next((c for c in verb.children if c.dep_ == "agent"), None)
        pobj = next((c for c in agent.children if c.dep_ == "pobj"), None) if agent is not None else None
        return (_resolve_np(pobj, actors) if pobj is not None else []), True
    found = []
    for s in subj:
        resolved = _resolve_np(s, actors)
        if not resolved and (s.pos_ == "PRON" or any(c.dep_ == "poss" and c.pos_ == "PRON" for c in s.children)):
            # "X said it will ..." / "X said their forces had ...": the speaker's own side
            resolved = _speaker(verb, actors)
        found.extend(resolved)
    return found, False


def _own_actors(noun, actors):
    """The actor named on an event noun itself: "Palestinian riots", "protests by students"."""
    found = []
    for mod in noun.children:
        if mod.dep_ in ("amod", "compound", "nmod") and mod.i < noun.i:
            actor = actors.at(mod.idx, mod.idx + len(mod))
            if actor is not None:
                found.append((actor, [mod]))
    return found or _prep_objects(noun, ("by",), actors)


def _inside_subject(tok, verb) -> bool:
    """Is `tok` part of `verb`'s own subject ("talks with X have stalled")?"""
    return any(c.dep_ in SUBJECT_DEPS and tok.i in {t.i for t in c.subtree} for c in verb.children)


def _speaker(verb, actors):
    """An unresolved pronoun subject of 'X said it will ...' is X."""
    head = verb
    for _ in range(4):
        if head.dep_ in ("ccomp", "parataxis") and head.head.lemma_.lower() in st.REPORTING:
            subj = [c for c in head.head.children if c.dep_ == "nsubj"]
            return _resolve_np(subj[0], actors) if subj else []
        if head.dep_ not in ("xcomp", "conj", "acomp"):
            return []
        head = head.head
    return []


def _governing_verb(noun, direct: bool = True):
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


def _between(noun, actors):
    for prep in noun.children:
        if prep.dep_ == "prep" and prep.lower_ == "between":
            pobj = next((c for c in prep.children if c.dep_ == "pobj"), None)
            if pobj is not None:
                return _resolve_np(pobj, actors)
    return []


def _actor2(cand, passive: bool, actors, lex):
    verb, noun = cand.verb, cand.noun
    code = lex.code(cand.cameo)
    if noun is not None:
        between = _between(noun, actors)
        if len(between) >= 2:
            return between[1:]
        found = _prep_objects(noun, cand.entry.preps, actors)
        if found or verb is None:
            return found
    if passive:
        subj = next((c for c in verb.children if c.dep_ == "nsubjpass"), None)
        return _resolve_np(subj, actors) if subj is not None else []
    if cand.prep:
        found = _prep_objects(verb, (cand.prep,), actors)
        if found:
            return found
    if code.type == "REQUEST" or cand.entry.cameo == "100":
        for comp in [*verb.children, *_content_clauses(noun)]:
            if comp.dep_ == "ccomp" or comp.dep_ == "acl":
                subj = next((c for c in comp.children if c.dep_ in SUBJECT_DEPS), None)
                if subj is not None:
                    found = _resolve_np(subj, actors)
                    if found:
                        return found
    for dep in ("dative", "dobj"):
        obj = next((c for c in verb.children if c.dep_ == dep and c not in cand.trigger), None)
        if obj is not None:
            target = next((c for c in obj.children if c.dep_ == "pobj"), obj) if dep == "dative" else obj
            found = _resolve_np(target, actors)
            if found:
                return found
            if dep == "dobj":
                found = _prep_objects(obj, ("of", "by", "from", "for", "with", "against", "on", "to"), actors)
                if found:
                    return found
    return _prep_objects(verb, cand.entry.preps, actors)


def _prep_objects(head, preps, actors):
    for prep in head.children:
        if prep.dep_ in ("prep", "dative", "agent") and prep.lower_ in preps:
            pobj = next((c for c in prep.children if c.dep_ == "pobj"), None)
            if pobj is not None:
                found = _resolve_np(pobj, actors)
                if found:
                    return found
    return []


# --- clause, date, place ------------------------------------------------------------------------


def _clause(head) -> set:
    """Token indices of `head`'s clause, without nested clauses that carry their own events."""
    out: set = set()
    stack = [head]
    while stack:
        tok = stack.pop()
        out.add(tok.i)
        for child in tok.children:
            if child.dep_ in CLAUSE_DEPS and child.pos_ in ("VERB", "AUX"):
                continue
            stack.append(child)
    return out


def _date(cand, here, base, future: bool):
    anchors = [t for t in (cand.noun, cand.verb) if t is not None]
    if cand.verb is not None:
        anchors += st.governors(cand.verb)
    elif cand.noun is not None:
        gov = _governing_verb(cand.noun, direct=False) or (_ongoing_verb(cand.noun) if cand.frame == "subject" else None)
        if gov is not None:
            anchors.append(gov)
    return _date_at(anchors, here, base, future)


def _date_at(anchors, here, base, future: bool):
    """The first date expression in the clause of one of `anchors`, nearest the anchor first."""
    for anchor in anchors:
        clause = here.clause(anchor)
        spans = [e for e in here.ents if e.label_ in ("DATE", "TIME") and e.root.i in clause and _temporal(e.root)]
        spans.sort(key=lambda e: abs(e.root.i - anchor.i))
        for ent in spans:
            found = resolve(ent.text, base, future)
            if found:
                return found
    return None


def _temporal(root) -> bool:
    if root.dep_ in ("npadvmod", "tmod", "advmod", "nmod") and root.head.pos_ in ("VERB", "AUX", "NOUN"):
        return root.dep_ != "nmod" or root.head.pos_ == "VERB"
    if root.dep_ == "pobj":
        return root.head.lower_ in TEMPORAL_PREPS
    return root.dep_ in ("ROOT", "appos", "conj")


def _context(code, sent) -> list:
    context = list(code.context)
    lemmas = {t.lemma_.lower() for t in sent}
    for name, words in TOPICS:
        if name not in context and lemmas & words:
            context.append(name)
    return context


def _events(cand, sent, article, here, actors, lex, base, source):
    first, passive = _actor1(cand, actors)
    if not first:
        return []
    second = _actor2(cand, passive, actors, lex)
    ongoing = _ongoing_verb(cand.noun) if cand.frame == "subject" else None
    anchor = cand.verb if cand.verb is not None else ongoing or _governing_verb(cand.noun, direct=False)
    # a noun event takes its verb's modality only when it hangs from it directly
    inherit = cand.verb is not None or ongoing is not None or _governing_verb(cand.noun) is not None
    status = (st.clause_status(anchor, cand.noun, inherit=inherit, acting=anchor is cand.verb)
              if anchor is not None else st.clause_status(None, cand.noun))
    cameo = cand.cameo
    if status == "negated" and cand.verb is not None and lex.code(cameo).type == "AGREE" and frames.failed(cand.verb):
        cameo, status = frames.REJECTION, "reported"
    if cand.noun is not None and status == "reported" and cand.noun.dep_ == "pobj" and cand.noun.head.lower_ == "for":
        status = "planned"  # "arrived for talks with X": the talks are the purpose, still to come
    found = _date(cand, here, base, future=status in ("planned", "hypothetical"))
    if found:
        date, basis, _ = found
        if status == "reported" and base is not None and (end_of(date) - base).days < -31:
            status = "historical"
    elif base is not None:
        date, basis = base.isoformat(), "published"
    else:
        date, basis = None, "published"
    code = lex.code(cameo)
    statement = _statement_code(code, status, cand.verb) if cand.verb is not None and st.announced(cand.verb) else None
    used = {toks[0].i for _, toks in first + second}
    clause = set(here.clause(anchor)) if anchor is not None else {t.i for t in cand.noun.subtree}
    if cand.noun is not None:
        clause |= {t.i for t in cand.noun.subtree}
    # the dateline is where the reporter files from: a fair guess for what was said or met there that
    # day, not for troops, strikes or aid elsewhere, nor for what is planned or long past
    filed_here = article.dateline if code.quad in (1, 3) and status in ("reported", "negated") else None
    location = find_location(clause, here, actors, filed_here, used)
    trigger = " ".join(t.text for t in sorted(cand.trigger, key=lambda t: t.i))
    if second:
        pairs = list(product(first, second))
    elif len(first) >= 2 and (code.type in RECIPROCAL or cand.entry.cameo[:3] in RECIPROCAL_CODES):
        pairs = [(a, b) for a in first for b in first if a[0].id != b[0].id]
    else:  # "X and Y warned that ..." is two warnings, not a warning to each other
        pairs = [(a, None) for a in first]
    if code.mode == "phone" and not second:
        return []
    # (code, cameo, status, date, basis, id tag): the action, and the actor's statement of it if any
    versions = []
    if statement is None:
        versions.append((code, _status_cameo(code, status), status, date, basis, ()))
    else:
        if status == "planned":
            versions.append((code, code.cameo, status, date, basis, ()))
        said = st.reporting_head(cand.verb) or ([cand.verb, *st.governors(cand.verb)][-1])
        found = _date_at([said], here, base, future=False)
        s_date, s_basis = (found[0], found[1]) if found else (base.isoformat() if base else None, "published")
        versions.append((lex.code(statement), statement, "reported", s_date, s_basis, ("statement",)))
    events = []
    trigger_start = cand.trigger[0].idx
    for v_code, cameo, v_status, v_date, v_basis, tag in versions:
        cameo_code = lex.code(cameo)
        for a, b in pairs[:MAX_PAIRS]:
            # one trigger, several actor pairs: the pair keeps the ids apart
            extra = (a[0].id, b[0].id if b else "") if len(pairs) > 1 else ()
            actor2 = actors.ref(b[0]) if b is not None and b[0].id != a[0].id else None
            events.append(
                Event(
                    id=record_id("e", article.id, sent.start_char, trigger_start, *extra, *tag),
                    date=v_date,
                    date_basis=v_basis,
                    type=v_code.type,
                    mode=v_code.mode,
                    context=_context(v_code, sent),
                    cameo=cameo,
                    goldstein=cameo_code.goldstein,
                    quad=cameo_code.quad,
                    status=v_status,
                    actor1=actors.ref(a[0]),
                    actor2=actor2,
                    location=location,
                    trigger=trigger,
                    sources=[source],
                    n_sources=1,
                )
            )
    return events


def _status_cameo(code, status: str) -> str:
    """CAMEO's code for an action in `status`: a planned cooperative action is an intent (03x), ..."""
    if status == "planned" and code.root in INTENT_CODE:
        return INTENT_CODE[code.root]
    if status in ("planned", "hypothetical") and code.root in THREAT_CODE:
        return THREAT_CODE[code.root]
    if status == "negated" and code.root in REFINE["REJECT"]:
        return REFINE["REJECT"][code.root]
    return code.cameo


def _statement_code(code, status: str, verb) -> str | None:
    """The code of an actor's statement that it will (not) act: AGREE 03x, THREATEN 13x, REJECT 12x.

    Whatever the action, making it depend on what another does ("will withdraw unless ...") is a threat.
    """
    if status != "negated" and any(
        c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ == "unless" for m in c.children) for c in verb.children
    ):
        return THREAT_CODE.get(code.root, "130")
    if status in ("planned", "hypothetical") and code.root in INTENT_CODE:
        return INTENT_CODE[code.root]
    if status in ("planned", "hypothetical") and code.root in THREAT_CODE:
        return THREAT_CODE[code.root]
    if status == "negated" and code.root in REFINE["REJECT"]:
        return REFINE["REJECT"][code.root]
    if status == "negated" and code.type == "AGREE":
        return "120"  # "said it will not accept": a refusal
    return None

