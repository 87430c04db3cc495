"""Cascade step: quoted statements that do an act although no event verb tells it.

A plain statement is no event, but a statement that accuses, threatens, supports, rejects or pledges
is one (the guideline's rule), and news often lets the quote carry the act: '"We are deeply concerned
about X's conduct," the minister said' accuses X; '"X is the aggressor"' accuses X; '"Those
responsible will be punished"' threatens; '"We stand with Y"' supports Y. The words that carry such
acts are listed in data/quoted.tsv with the CAMEO code they carry.

A quote (direct, partial or indirect) becomes an event when
- its speaker is a political actor we can place (a state or a political sector): the one the quote
  stage resolved, or the party a voice phrase names ("the X statement said", "members of X wrote");
- a cue of the table stands in it, not negated ("is not illegal"), not conditional ("if ..."), not
  softened into a possibility ("would be unacceptable"), and not inside another's claim ("rejected
  accusations that the trial is unfair");
- a target is found where the table says the cue names it: a judgement names the doer of what it
  judges (a possessor "X's aggression", the subject "X is the aggressor", "concerned about X", "a
  case brought by X"), never its victim ("aggression against Y", "undermining Y"); a pledge, threat
  or show of support names whom it is for or against ("stand with X", "war on X"). A fragment quoted
  inside the reporter's sentence is read with that sentence ('called X's claims "baseless"'). A threat
  of force may leave its target to the story (events/targets.py); other acts need one.
Demands in the quote are acts too: "X must / should / has to ..." said of another party is a REQUEST.

The act is reported, dated by the sentence's own date (outside the quote) or else left for the
narrative date (events/reality.py). A verb event of the same sentence with the same doer and type
is preferred (`drop_told`); when it was read from the very same words, it takes the target the
quote's reading names (`read_targets`). The happenings step merges the rest.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date
from functools import cache
from importlib.resources import files

from ..dates import end_of, parse_day
from ..ids import record_id
from ..language import sentence_entities
from ..records import Article, Event, Source
from .frames import CLAIM_NOUNS
from .lexicon import load_lexicon
from .nonevents import NON_POLITICAL_SECTORS
from .story import EventMention, Story
from .when import resolve

MAX_GAP = 2  # words that may stand between two words of a cue ("pay a heavy price")
# prepositions that attach the victim or beneficiary of what is judged, not its doer:
# "aggression against Y", "a disaster for Y", "an attack on Y", "hostile to Y"
VICTIM_PREPS = frozenset("against for on upon to toward towards at into".split())
# prepositions of place: "the violence in X" does not say X did it
PLACE_PREPS = frozenset("in inside within near across throughout around".split())
# nouns of what is done to someone: their possessor is the one it is done to ("X's detention is unjust"
# judges the jailer, not X)
PATIENT_NOUNS = frozenset(
    "detention arrest trial imprisonment jailing conviction sentence killing death treatment expulsion exclusion "
    "abduction kidnapping prosecution extradition deportation".split())
# arguments that name a doer: a possessor, a subject, "of X" and "by X"
AGENT_DEPS = frozenset({"poss", "nsubj", "nsubjpass", "agent"})
AGENT_PREPS = frozenset({"of", "by"})
DISMISSAL = "120"  # CAMEO: reject, dismiss
# words that make the judgement a possibility, not a statement ("would be illegal")
SOFTENERS = frozenset("would could might may".split())
CONDITIONS = frozenset("if unless whether".split())
# verbs whose object is a matter talked about or weighed, not an act done ("discuss support for X")
TOPIC_VERBS = frozenset("discuss debate consider review examine talk address study weigh".split())
# modal demands: "X must withdraw", "X should stop" (see `demands`)
DEMAND_MODALS = frozenset({"must", "should"})
DEMAND_CODE = "100"  # CAMEO: make a demand
FIRST_PERSON = frozenset("we i us our my".split())
GENERIC_DETERMINERS = frozenset("every each any all no".split())
EMPTY_SUBJECTS = frozenset({"it", "there"})
HISTORICAL_DAYS = 31  # as the sentence stage: an act dated over a month back is background
# acts whose words are strong enough to stand with the target left to the story (events/targets.py):
# a threat of force (CAMEO 138) on those behind an attack names them by the story, not in the quote
OPEN_TARGET = frozenset({"138"})


READINGS = ("judge", "feeling", "object", "subject")


@dataclass(frozen=True)
class Cue:
    words: tuple  # lemmas, in order
    cameo: str
    reads: str  # judge | feeling | object | subject: where the words name their target (data/quoted.tsv)


@cache
def load_cues() -> tuple[Cue, ...]:
    text = files("parley.events").joinpath("data", "quoted.tsv").read_text(encoding="utf-8")
    out = []
    for line in text.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        cells = [c.strip() for c in line.split("\t")]
        if len(cells) != 3 or cells[2] not in READINGS:
            raise ValueError(f"events/data/quoted.tsv: bad row {line!r}: want cue, cameo, reads ({'|'.join(READINGS)})")
        out.append(Cue(tuple(cells[0].lower().split()), cells[1], cells[2]))
    return tuple(out)


@cache
def cue_index() -> dict:
    """First word -> the cues that start with it."""
    index: dict = {}
    for cue in load_cues():
        index.setdefault(cue.words[0], []).append(cue)
    return index


def _word(tok) -> str:
    return tok.lemma_.lower()


def _forms(tok) -> tuple:
    return (tok.lemma_.lower(), tok.lower_)


def find_cues(tokens: list) -> list[tuple[Cue, list]]:
    """(cue, matched tokens) for every cue of the table in `tokens` (one sentence's part of a quote)."""
    index = cue_index()
    found = []
    for n, tok in enumerate(tokens):
        if tok.i > 0 and tok.nbor(-1).text == "-" and tok.nbor(-1).whitespace_ == "":
            continue  # part of a hyphened word: "long-standing" is no "standing"
        for form in dict.fromkeys(_forms(tok)):
            for cue in index.get(form, ()):
                matched = _match(cue.words, tokens, n)
                if matched:
                    found.append((cue, matched))
    return found


def _match(words: tuple, tokens: list, start: int) -> list | None:
    matched, at = [tokens[start]], start
    for word in words[1:]:
        for k in range(at + 1, min(len(tokens), at + 2 + MAX_GAP)):
            if word in _forms(tokens[k]):
                matched.append(tokens[k])
                at = k
                break
        else:
            return None
    return matched


# --- is the cue asserted? --------------------------------------------------------------------------


def _clause_path(tok) -> list:
    """The cue and its governors up to its clause's verb (inclusive)."""
    path = [tok]
    while path[-1].pos_ not in ("VERB", "AUX") and path[-1].head.i != path[-1].i and len(path) < 6:
        path.append(path[-1].head)
    return path


def _topic(tok) -> bool:
    """Is `tok` in the matter of a verb of talking or weighing ("discuss support for X", "talk about
    the aggression")?"""
    for t in [tok, *tok.ancestors]:
        if t.dep_ == "dobj" and _word(t.head) in TOPIC_VERBS:
            return True
        if t.dep_ == "pobj" and t.head.lower_ in ("about", "on", "over") and _word(t.head.head) in TOPIC_VERBS:
            return True
        if t.pos_ in ("VERB", "AUX") and t.dep_ not in ("xcomp", "ccomp", "advcl", "conj", "acl", "relcl", "pcomp"):
            return False
    return False


def asserted(matched: list, own_negation: bool, threat: bool = False) -> bool:
    """The cue is said as a fact: not negated, not conditional, not softened into a possibility. (A
    threat may be conditional: "we will retaliate if they strike" is a threat.)"""
    path = _clause_path(matched[0])
    verb = path[-1]
    scope = path + [t for t in verb.children if t.dep_ in ("aux", "auxpass", "neg")]
    for t in scope:
        if not own_negation and any(c.dep_ == "neg" for c in t.children):
            return False
        if t.dep_ == "aux" and t.lower_ in SOFTENERS:
            return False
    if any(_word(t) in CLAIM_NOUNS and t.pos_ == "NOUN" for t in matched[0].ancestors):
        return False  # "rejected accusations that the trial is unfair": another's claim, not the speaker's
    if _topic(matched[0]):
        return False  # "will discuss support for X": what is talked about, not done
    if not threat and any(c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in CONDITIONS for m in c.children)
                          for c in verb.children):
        return False  # "if X does so, that is illegal": a warning of a judgement, not one made
    for t in [verb, *verb.ancestors]:
        if t.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in CONDITIONS for c in t.children):
            return False
        if any(c.dep_ == "mark" and c.lower_ in CONDITIONS for c in t.children):
            return False
    return True


# --- targets ---------------------------------------------------------------------------------------


class _Parties:
    """Who the tokens of a sentence name, from the actor layer's mentions."""

    def __init__(self, doc, actors, speaker) -> None:
        self.doc, self.actors, self.speaker = doc, actors, speaker

    def at(self, tokens) -> list:
        """Actors named on `tokens`, in the order of `tokens`, without the speaker's own side."""
        if not tokens:
            return []
        rank = {t.i: n for n, t in enumerate(tokens)}
        lo, hi = min(t.idx for t in tokens), max(t.idx + len(t) for t in tokens)
        found = []
        for m in self.actors.mentions_in(lo, hi):
            span = self.doc.char_span(m.start, m.end, alignment_mode="expand")
            if span is None or span.root.i not in rank:
                continue
            actor = self.actors.actor(m.actor_id)
            if actor is not None and self.other(actor):
                found.append((rank[span.root.i], actor))
        out = []
        for _, actor in sorted(found, key=lambda x: x[0]):
            if actor not in out:
                out.append(actor)
        return out

    def other(self, actor) -> bool:
        s = self.speaker
        if actor.id == s.id or actor.sector in NON_POLITICAL_SECTORS:
            return False
        # the speaker's own state ("our country", "the U.S. and our allies must"): the state it
        # serves, or the state of one of its titles when the actor layer left it unplaced
        home = s.country or next((r.country for r in s.roles if r.country), None)
        return not (actor.kind == "country" and home and actor.country == home)


def _victim(tok, stop) -> bool:
    """Is `tok` attached on its way up to `stop` as one who is not the doer: a victim ("aggression
    against X", "a betrayal of X", "undermining X", "X's detention"), a place ("the violence in X") or
    a companion ("the talks with X")?"""
    t = tok
    while t.i != stop.i and t.head.i != t.i:
        if t.dep_ in ("dobj", "dative") and t.head.i == stop.i and stop.pos_ == "VERB":
            return True  # "X undermines Y": the object of a judged deed is the one it harms
        if t.dep_ == "pobj" and t.head.lower_ in VICTIM_PREPS | PLACE_PREPS:
            return True
        if t.dep_ == "pobj" and t.head.lower_ == "with" and t.head.head.pos_ in ("NOUN", "PROPN"):
            return True  # "the talks with X", "a violation, with X present": a companion, not the doer
        if t.dep_ == "pobj" and t.head.lower_ == "of" and t.head.head.i == stop.i and stop.pos_ == "NOUN":
            return True
        if t.dep_ == "poss" and _word(t.head) in PATIENT_NOUNS:
            return True
        t = t.head
    return False


def _agent_first(tokens: list) -> list:
    """Tokens that name a doer (possessor, subject, "of"/"by" X) before the rest, each in text order."""
    def agent(t) -> bool:
        return t.dep_ in AGENT_DEPS or t.dep_ == "pobj" and t.head.lower_ in AGENT_PREPS
    return [t for t in tokens if agent(t)] + [t for t in tokens if not agent(t)]


def _subtree(tok, within: set) -> list:
    return _agent_first([t for t in tok.subtree if t.i in within and not _victim(t, tok)])


# links a judgement climbs to reach the phrase it judges: "the most hostile [authorities]",
# "[defying] flagrantly", "an unjust and [cruel] ..."
MODIFIER_DEPS = frozenset({"amod", "advmod", "conj", "compound", "npadvmod", "pobj", "prep", "appos"})
PREDICATE_DEPS = frozenset({"attr", "acomp", "oprd", "xcomp", "ccomp"})
MAX_CLIMB = 4
# what a predicate is said of: its subject, or the object named with it ("called X['s claims] baseless";
# the parser files that object as dobj or as a second oprd)
OBJECT_DEPS = frozenset({"nsubj", "nsubjpass", "dobj", "oprd"})
CONTROLLED_DEPS = frozenset({"xcomp", "advcl"})
ADJECTIVAL_DEPS = frozenset({"acomp", "amod", "oprd"})


def judged(cue) -> list[tuple]:
    """The phrases a judgement may be about, nearest first, each with how it names its party: the
    cue's own phrase ("X's aggression", "concerned about X"), the phrase it modifies ("a baseless case
    brought by X"), and, for a predicate, the subject it is said of ("X is the aggressor") or the
    object named with it ("called X's claims baseless"). A deed (a verb) names its doer as subject
    ("X has failed to ...", "X uses the law to suppress ...")."""
    # (a participle said of someone, "concerned with X", is no deed: its phrase names the party)
    out = [(cue, "deed" if cue.pos_ == "VERB" and cue.dep_ not in ADJECTIVAL_DEPS else "phrase")]
    node = cue
    for _ in range(MAX_CLIMB):
        if node.dep_ not in MODIFIER_DEPS or node.head.i == node.i:
            break
        node = node.head
        out.append((node, "deed" if node.pos_ == "VERB" else "phrase"))
    if node.dep_ in PREDICATE_DEPS and node.head.pos_ in ("AUX", "VERB"):
        out += [(c, "name") for c in node.head.children if c.dep_ in OBJECT_DEPS and c.i != node.i]
    elif node.pos_ == "VERB" and node.dep_ in CONTROLLED_DEPS and not _has_subject(node):
        # "X uses the law to suppress Y": the doer of the infinitive is the subject of its governor
        out += [(c, "name") for c in node.head.children if c.dep_ in ("nsubj", "nsubjpass")]
    return out


def _has_subject(verb) -> bool:
    return any(c.dep_ in ("nsubj", "nsubjpass", "csubj") for c in verb.children)


def _named_by(noun, within: set) -> list:
    """The tokens that say who a noun phrase is, not what it mentions: its head, possessor and
    modifiers, and "of X" / "by X" ("the conduct of X"); not "the talks with X"."""
    tokens = [noun] + [c for c in noun.children if c.dep_ in ("poss", "compound", "amod", "nmod", "appos")]
    for prep in (c for c in noun.children if c.dep_ == "prep" and c.lower_ in AGENT_PREPS):
        for obj in (g for g in prep.children if g.dep_ == "pobj"):
            tokens += [obj] + [c for c in obj.children if c.dep_ in ("poss", "compound")]
    return _agent_first([t for t in tokens if t.i in within])


def _phrase_tokens(phrase, how: str, within: set) -> list:
    if how == "deed":
        # (the parser may hang the subject on the auxiliary: "Iran is [nsubj of is] defying")
        heads = [phrase, *(c for c in phrase.children if c.dep_ in ("aux", "auxpass"))]
        subjects = [c for h in heads for c in h.children if c.dep_ in ("nsubj", "nsubjpass")]
        return [t for subj in subjects for t in _named_by(subj, within)]
    if how == "name":
        return _named_by(phrase, within)
    return _subtree(phrase, within)


def cue_target(cue: Cue, matched: list, within: set, parties: _Parties):
    """The party the cue names, read as the table says (see data/quoted.tsv)."""
    if cue.reads == "object":
        return addressee(matched, within, parties) if speakers_side(matched, parties) else None
    if cue.reads == "subject":
        return threatened(matched, within, parties)
    if cue.reads == "feeling" and not speakers_side(matched, parties):
        return None
    seen: set = set()
    for phrase, how in judged(matched[0]):
        tokens = [t for t in _phrase_tokens(phrase, how, within) if t.i not in seen]
        seen |= {t.i for t in tokens}
        found = parties.at(tokens)
        if found:
            return found[0]
    return None


def addressee(matched: list, within: set, parties: _Parties):
    """Whom a pledge, threat or show of support is for or against: the first party in the phrase of
    its words, the clause's subject left out ("stand with X", "total war against X", "ready to accept
    X's offer", "bring X to justice")."""
    if any(c.dep_ in ("poss", "compound", "nmod") and c.lower_ not in FIRST_PERSON for t in matched for c in t.children):
        return None  # "her support for X", "State Department support for X": another's act, told
    if any(c.dep_ == "auxpass" for t in matched for c in t.children):
        return None  # "X will be crushed by Y": the passive names the threatened as subject (see threatened)
    subject = {t.i for m in matched for c in m.children if c.dep_ in ("nsubj", "nsubjpass") for t in c.subtree}
    tokens = sorted({t for m in matched for t in m.subtree if t.i in within and t.i not in subject}, key=lambda t: t.i)
    found = parties.at(tokens)
    return found[0] if found else None


def _clause_subjects(matched: list) -> list:
    first = matched[0].head if matched[0].dep_ in ("aux", "auxpass", "neg") else matched[0]
    verb = _clause_path(first)[-1]
    heads = [verb, *(c for c in verb.children if c.dep_ in ("aux", "auxpass"))]
    return [c for h in heads for c in h.children if c.dep_ in ("nsubj", "nsubjpass")]


def threatened(matched: list, within: set, parties: _Parties):
    """The one a threat falls on: the clause's subject, when not the speaker's side ("X will pay a
    heavy price", "those behind the attack will be punished": not the attack's victim)."""
    for subj in _clause_subjects(matched):
        if subj.i in within and subj.lower_ not in FIRST_PERSON:
            found = parties.at(_subtree(subj, within))
            if found:
                return found[0]
    return None


def speakers_side(matched: list, parties: _Parties) -> bool:
    """Is the clause's subject the speaker's side ("we are concerned", "we will support X", "Britain
    will take measures" said by a British envoy), or left unsaid (a fragment, "deeply concerned about
    X")? A feeling or a pledge of another party ("people are concerned", "X will support Y") is told
    by the speaker, not done."""
    cue = {t.i for t in matched}
    # (not the cue itself as subject, "our support for X remains", nor an empty "it is up to X")
    subjects = [c for c in _clause_subjects(matched) if not cue & {t.i for t in c.subtree} and c.lower_ not in EMPTY_SUBJECTS]
    if not subjects:
        return True
    for subj in subjects:
        if subj.lower_ in FIRST_PERSON:
            return True
        named = [parties.actors.actor(m.actor_id) for m in parties.actors.mentions_in(subj.idx, subj.idx + len(subj))]
        if any(a is not None and (a.id == parties.speaker.id or not parties.other(a)) for a in named):
            return True
    return False


def claim_code(matched: list) -> str | None:
    """A dismissal of a claim ("the allegations are baseless") rejects it: REJECT, not ACCUSE."""
    cue = matched[0]
    heads = [cue.head]
    if cue.dep_ in ("attr", "acomp"):
        heads += [c for c in cue.head.children if c.dep_ == "nsubj"]
    if cue.dep_ in ("oprd", "xcomp", "ccomp"):  # "called the claims baseless"
        heads += [c for c in cue.head.children if c.dep_ in ("dobj", "oprd") and c.i != cue.i]
    return DISMISSAL if any(_word(h) in CLAIM_NOUNS for h in heads) else None


# --- demands ----------------------------------------------------------------------------------------


def demands(tokens: list, within: set, parties: _Parties) -> list:
    """(modal token, addressee) for "X must / should VERB" and "it is for X to VERB", with X another
    party. ("Needs to" and "has to" are left out: as often they tell what a party must do to get by,
    "the people need to know", as what another demands of it.)"""
    out = []
    for tok in tokens:
        verb = None
        if tok.lower_ in DEMAND_MODALS and tok.dep_ == "aux":
            verb = tok.head
        elif tok.lower_ == "for" and tok.dep_ == "mark" and _bare_it_is(tok.head.head) and \
                any(c.dep_ == "aux" and c.lower_ == "to" for c in tok.head.children):
            verb = tok.head  # "it is now for X to accept it": X is the one who must
        if verb is None or verb.dep_ in ("aux", "auxpass") or any(c.dep_ == "auxpass" for c in verb.children):
            continue  # "X must be stopped" demands it of others, not of X
        if any(c.dep_ == "aux" and c.lower_ in ("would", "could", "might") for c in verb.children):
            continue
        if verb.tag_ == "VBN" or any(c.lower_ == "have" and c.dep_ == "aux" for c in verb.children):
            continue  # "X should have known": a reproach of the past, no demand
        for subj in (c for c in verb.children if c.dep_ == "nsubj" and c.i in within):
            if subj.lower_ in FIRST_PERSON:
                continue
            if any(c.dep_ == "det" and c.lower_ in GENERIC_DETERMINERS for c in subj.children):
                continue  # "every member has to ...": a rule for all, no demand of a party
            # the subject itself must be the party: "the suspension of X should continue" and "talks
            # with X must go on" ask nothing of X
            found = parties.at([t for t in [subj, *(c for c in subj.children if c.dep_ in ("compound", "amod"))]
                                if t.i in within])
            if found:
                out.append((tok, found[0]))
    return out


def _bare_it_is(verb) -> bool:
    """"It is (now) ...": a copula on "it" with no predicate of its own ("it is necessary for X to",
    "the next step will be for X to" say what is needed or next, not who must act)."""
    return (_word(verb) == "be" and any(c.dep_ == "nsubj" and c.lower_ == "it" for c in verb.children)
            and not any(c.dep_ in ("attr", "acomp") for c in verb.children))


# --- the step -----------------------------------------------------------------------------------


# words of a title that make its holder a commentator, not a party (the guideline leaves out analysts'
# and former officials' opinions; a think tank's "vice president of studies" is no state's officer)
COMMENTATOR_TITLE_WORDS = frozenset(
    "analyst professor scholar researcher fellow expert studies lecturer commentator academic".split())


def political_speaker(actor) -> bool:
    """A party whose words can do an act: placed (a state or a political sector), not of a sector
    outside politics, and holding a title that is not only former or a commentator's."""
    if actor is None or actor.sector in NON_POLITICAL_SECTORS or not (actor.country or actor.sector):
        return False
    titles = [r.title.lower().split() for r in actor.roles if r.title]
    if titles and all(t[0] == "former" or COMMENTATOR_TITLE_WORDS & set(t) for t in titles):
        return False
    return True


def _quote_parts(doc, quote) -> list[tuple]:
    """(sentence, the quote's tokens in it) for each sentence the quote runs through."""
    span = doc.char_span(quote.start, quote.end, alignment_mode="expand")
    if span is None or not len(span):
        return []
    parts, sent = [], span[0].sent
    while True:
        parts.append((sent, list(doc[max(sent.start, span.start):min(sent.end, span.end)])))
        if sent.end >= span.end or sent.end >= len(doc):
            return parts
        sent = doc[sent.end].sent


def _sentence_date(sent, quote, base: date | None):
    """The first date the sentence gives outside the quote: when the words were said."""
    for ent in sentence_entities(sent):
        if ent.label_ != "DATE" or quote.start <= ent.start_char < quote.end:
            continue
        found = resolve(ent.text, base, False)
        if found:
            return found
    return None


# nouns for the voice or paper a party speaks through: "the ministry's statement", "a letter from X",
# "members of X": the party named in the phrase is the speaker
VOICE_NOUNS = frozenset("statement letter communique communiqué declaration release post note member members "
                        "spokesperson spokesman spokeswoman mission delegation office".split())
SPEAKER_REACH = 600  # characters around the quote's sentence where the quote stage may have read its speaker
OTHERS_PRONOUNS = frozenset("his her its their".split())  # "his mission": whose is told elsewhere


def speaker_of(quote, doc, actors, text: str):
    """The quote's speaker: the one the quote stage resolved, else the party a voice phrase names
    ("the U.S. statement said", "three members of the Senate wrote"). `text`: the parsed body."""
    speaker = actors.actor(quote.speaker_actor_id)
    if speaker is not None or not quote.speaker:
        return speaker
    words = quote.speaker.split()
    if words[0].lower() in OTHERS_PRONOUNS or not VOICE_NOUNS & {w.lower().strip(",.") for w in words}:
        return None
    sent = doc.char_span(quote.start, quote.end, alignment_mode="expand")
    if sent is None:
        return None
    sent = sent[0].sent
    at = text.find(quote.speaker, max(0, sent.start_char - SPEAKER_REACH), sent.end_char + SPEAKER_REACH)
    if at < 0:
        return None
    named = [actors.actor(m.actor_id) for m in actors.mentions_in(at, at + len(quote.speaker))]
    return named[0] if named else None


def quote_acts(quote, doc, actors, speaker) -> list[tuple]:
    """(sentence, cue tokens, cameo, target) for every act the quote's words do, said by `speaker`."""
    if not political_speaker(speaker):
        return []
    parties = _Parties(doc, actors, speaker)
    lex = load_lexicon()
    acts, seen = [], set()
    for sent, part in _quote_parts(doc, quote):
        within = {t.i for t in part}
        for cue, matched in find_cues(part):
            if not asserted(matched, own_negation="not" in cue.words, threat=cue.cameo.startswith("13")):
                continue
            cameo = claim_code(matched) or cue.cameo
            # a fragment quoted inside the reporter's sentence is judged with the sentence's words
            # ('called X's claims "baseless"'); a whole quote with its own words only
            scope = {t.i for t in sent} if quote.kind == "partial" else within
            target = cue_target(cue, matched, scope, parties)
            type_ = lex.code(cameo).type
            if target is None and cameo not in OPEN_TARGET:
                continue
            key = (type_, target.id if target else None)
            if key not in seen:
                seen.add(key)
                acts.append((sent, matched, cameo, target))
        cue_words = {t.i for _, matched, _, _ in acts for t in matched}
        for modal, target in demands(part, within, parties):
            key = ("REQUEST", target.id)
            if modal.i in cue_words:
                continue  # "X must face consequences": the "must" is the threat's, no demand besides
            if key not in seen:
                seen.add(key)
                acts.append((sent, [modal], DEMAND_CODE, target))
    # an act left without a target adds nothing beside one of its type that has one
    aimed = {lex.code(cameo).type for _, _, cameo, target in acts if target is not None}
    return [a for a in acts if a[3] is not None or lex.code(a[2]).type not in aimed]


def quoted_mentions(article: Article, doc, actors, quotes: list, story: Story) -> list[EventMention]:
    """The acts the story's quotes do, as mentions of the sentence that holds each cue."""
    if not quotes:
        return []
    lex = load_lexicon()
    base = parse_day(article.published)
    sentence_of = {sent.start: n for n, sent in enumerate(doc.sents)}
    # the body the doc was parsed from (spaCy rebuilds Doc.text on every read)
    text = article.body or doc.text
    out = []
    for quote in quotes:
        speaker = speaker_of(quote, doc, actors, text)
        for sent, matched, cameo, target in quote_acts(quote, doc, actors, speaker):
            code = lex.code(cameo)
            found = _sentence_date(sent, quote, base)
            status = "reported"
            if found:
                day, basis = found[0], found[1]
                if base is not None and (end_of(day) - base).days < -HISTORICAL_DAYS:
                    status = "historical"
            else:
                day, basis = (base.isoformat() if base else None), "published"
            source = Source(article.id, article.outlet, article.published, sent.text, sent.start_char, sent.end_char)
            event = Event(
                id=record_id("e", article.id, sent.start_char, matched[0].idx, target.id if target else "", "quoted"),
                date=day, date_basis=basis, type=code.type, mode=code.mode, cameo=cameo,
                goldstein=code.goldstein, quad=code.quad, status=status,
                actor1=actors.ref(speaker), actor2=actors.ref(target) if target else None,
                trigger=" ".join(t.text for t in matched), sources=[source], n_sources=1)
            n = sentence_of.get(sent.start, 0)
            out.append(EventMention(event, n, lemma=_word(matched[0]), explicit_date=basis != "published",
                                    nearby=story.named[n] if n < len(story.named) else ()))
    return out


def drop_told(quoted: list[EventMention], told: list[EventMention]) -> list[EventMention]:
    """Quoted acts a verb event of the same sentence already tells (same doer, same type)."""
    have = {(m.sentence, m.event.actor1.actor_id if m.event.actor1 else None, m.event.type) for m in told}
    return [m for m in quoted if (m.sentence, m.event.actor1.actor_id, m.event.type) not in have]


def _same_act(a: EventMention, b: EventMention) -> bool:
    """Same sentence, doer and type: one act told by the verb and carried by the quote's words."""
    ea, eb = a.event, b.event
    return (a.sentence == b.sentence and ea.type == eb.type and ea.actor1 is not None and eb.actor1 is not None
            and ea.actor1.actor_id == eb.actor1.actor_id)


def _same_words(a: EventMention, b: EventMention) -> bool:
    ea, eb = a.event, b.event
    return (a.sentence == b.sentence and ea.type == eb.type and ea.trigger.lower() == eb.trigger.lower()
            and ea.actor1 is not None and eb.actor1 is not None and ea.actor1.actor_id == eb.actor1.actor_id)


def read_targets(told: list[EventMention], quoted: list[EventMention]) -> list[EventMention]:
    """A verb event read from the very words a quote's act was read from ("concerned about ...") takes
    the target the quote's reading names: the judged party (the doer of what is judged), where the
    clause reading may have taken the first party named. So does a verb act of the same doer and type
    in the sentence that names no target ('X warned: "Y will pay a heavy price"'): the quote names it."""
    out = []
    for m in told:
        twin = next((q for q in quoted if q.event.actor2 is not None and
                     (_same_words(m, q) or m.event.actor2 is None and _same_act(m, q))), None)
        out.append(replace(m, event=replace(m.event, actor2=twin.event.actor2)) if twin is not None else m)
    return out


def add_quoted(mentions: list[EventMention], article: Article, doc, actors, quotes, story: Story) -> list[EventMention]:
    """The sentence mentions with the quotes' acts added, in sentence order (verb events first)."""
    found = quoted_mentions(article, doc, actors, quotes or [], story)
    if not found:
        return mentions
    mentions = read_targets(mentions, found)
    quoted = drop_told(found, mentions)
    return sorted([*mentions, *quoted], key=lambda m: m.sentence) if quoted else mentions
