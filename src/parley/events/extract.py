"""Sentence-level event mentions over the dependency parse (the first step of events/document.py).

For each action verb or event noun found in the lexicon: actor1 from the subject (following
coordination, passives, relative clauses and pass-through verbs such as "is expected to"), actor2
from the object, a recipient preposition, or the subject of a complement ("urged Biden to engage").
Every actor span is resolved through ArticleActors; an event whose actor1 does not resolve is dropped.

Coding conventions (see also the lexicon data):
- `type` is the PLOVER type of the action itself and `status` says whether it happened; a meeting
  set for next week ("X will meet Y") is CONSULT 040/planned; an actor's statement that it will act
  ("X said it will meet Y", "is ready to", "will impose tariffs") is one record, the statement (AGREE
  03x, THREATEN 13x, REJECT 12x), as the CAMEO->PLOVER crosswalk codes intents.
- Verbs that govern a complement (agree/offer to, urge/call on X to, refuse to, threaten to) code the
  governing act; the complement refines its CAMEO subcode and is not an event of its own.
- Compound actors with no recipient of a symmetric act ("X and Y met") give one event X-Y (see story.py).
"""

from __future__ import annotations

import re
from bisect import bisect_left
from itertools import product
from typing import TYPE_CHECKING

from ..ids import record_id
from ..language import entities
from ..options import Options
from ..records import Article, Event, Source
from .story import EventMention, Story
from ..actors import load_knowledge
from . import frames
from . import status as st
from .arguments import actor1, governing_verb, resolve_np, subjects
from .recipients import TOPIC_OBJECT_VERBS, actor2, summing_noun
from .candidates import EXCHANGE_OF_FIRE, REFINE, candidates, noun_entry
from .phrases import content_clauses, ongoing_verb
from .groups import HARDWARE, EventActors, home_country
from .lexicon import INTENT_CODE, THREAT_CODE, load_lexicon
from ..dates import end_of, parse_day as published_date
from .when import habitual, narrative_days, resolve, sharing_anchors, told_past
from .lexicon import place_country
from .where import find_location

if TYPE_CHECKING:
    from ..actors.index import ArticleActors

TOPICS = (
    ("nuclear", frozenset("nuclear denuclearization denuclearisation uranium enrichment warhead".split())),
    ("military", frozenset("military troop army soldier missile weapon drill defence defense navy".split())),
    ("economic", frozenset("trade tariff economy economic investment export import".split())),
    ("humanitarian", frozenset("humanitarian refugee famine relief".split())),
    ("human_rights", frozenset("rights torture abuse".split())),
)
# actions that coordinated subjects do with each other: "X and Y met / agreed / cooperated"
# a name hyphened to one of these modifies another party: "U.S.-backed forces", "China-funded port"
BACKER = re.compile(r"-(?:backed|controlled|funded|supported|allied|aligned|sponsored|led|brokered|financed|armed)\b",
                    re.IGNORECASE)
RECIPROCAL = frozenset({"CONSULT", "AGREE", "COOPERATE"})
# ...and the triggers that name such an act whatever the clause makes of it ("signed a treaty",
# "failed to reach a deal"): signing agreements, intents to cooperate, cooperation itself
RECIPROCAL_CODES = frozenset({"050", "057", "030", "031", "036", "040", "046", "060", "061", "062", "063", "064"})
CLAUSE_DEPS = frozenset({"ccomp", "xcomp", "advcl", "relcl", "acl", "conj", "parataxis", "csubj", "pcomp"})
TEMPORAL_PREPS = frozenset({"on", "in", "at", "since", "during", "from", "until", "by", "before", "after", "of", "as", "for"})
# what a phrase naming those acted on leaves out: its clauses, appositions and most prepositions
OBJECT_SKIP = frozenset({"relcl", "acl", "advcl", "appos", "prep", "parataxis"})
MAX_SENTENCE_TOKENS = 150
MAX_PAIRS = 6
SPEAKING = frozenset({"speak", "talk"})
# determiners that make an event noun a count of past acts: "several meetings", "repeated attacks"
COUNTING = frozenset("several many numerous repeated multiple previous past earlier prior".split())
# noun events whose doer the noun phrase names itself ("Russia's invasion", "the hijacking by X"):
# acts referred to, as real whatever the verb they hang from does with them
REFERRED = frozenset({"owner", "by"})
EXCHANGING = frozenset({"exchange", "trade"})
GUNFIRE = frozenset(("fire", "gunfire", "blow", "shot"))
MUTUAL_FIGHTING = frozenset("clash skirmish battle gunbattle firefight fighting".split())  # both sides fight
HELPING = frozenset({"help"})
DEMONSTRATION, OFFICIAL_COMPLAINT = "141", "114"
# cooperative stances whose present negation is a refusal (see _present_refusal)
STANCES = frozenset({"SUPPORT", "AGREE"})
PHONE_CALL, PHONES = "041", frozenset({"phone", "telephone"})  # CAMEO: discuss by telephone
OPINION_HOLDERS = frozenset("analyst expert observer commentator pundit scholar".split())  # whose word is a reading
# nouns that say their infinitive is not done, by the will of the one who holds back
REFUSAL_NOUNS = frozenset("refusal reluctance unwillingness".split())
DEPLOYMENT = "154"  # CAMEO: mobilise or increase armed forces
FORCE_WORDS = frozenset("troop soldier peacekeeper force unit battalion brigade contingent marine reinforcement".split())


def sentence_mentions(article: Article, doc, actors: ArticleActors, options: Options) -> tuple[list[EventMention], Story]:
    """Every event each sentence tells, sentence by sentence, and the story they come from."""
    lex = load_lexicon()
    actors = EventActors(actors, load_knowledge(options), home_country(article.dateline, actors), doc.text)
    base = published_date(article.published)
    mentions: list[EventMention] = []
    texts, named, days = [], [], []
    seen: set = set()
    doc_ents = list(entities(doc))
    starts = [e.start for e in doc_ents]
    for n, sent in enumerate(doc.sents):
        texts.append(sent.text)
        named.append(_named(sent, actors))
        days.append(narrative_days(sent, base))
        if not _codable(sent):
            continue
        here = _Sentence(sent, doc_ents, starts)
        actors.near = {a.actor_id for names in named[-2:] for a in names if a.actor_id}
        source = Source(article.id, article.outlet, article.published, sent.text, sent.start_char, sent.end_char)
        for cand in candidates(sent, lex, actors):
            told = None  # what the telling says of the act, the same for every event of the candidate
            for event in _events(cand, sent, article, here, actors, lex, base, source):
                key = (event.actor1.actor_id, event.actor2.actor_id if event.actor2 else None, event.type, event.trigger, sent.start)
                if key not in seen:
                    seen.add(key)
                    doer = actors.base.actor(event.actor1.actor_id) if event.actor1 else None
                    if doer is not None:
                        actors.recent.append(doer)
                    told = told or _telling(cand, lex, actors)
                    mentions.append(EventMention(event, n, explicit_date=event.date_basis != "published",
                                                 nearby=named[-1], **told))
    return mentions, Story(article, tuple(texts), tuple(named), tuple(days))


def _named(sent, actors) -> tuple:
    """The actors a sentence names, in text order, once each."""
    out, ids = [], set()
    # the text read once per article (EventActors keeps it): spaCy rebuilds Doc.text on every read
    text = actors.text or sent.doc.text
    for m in actors.base.mentions_in(sent.start_char, sent.end_char):
        if text[max(0, m.start - 5):m.start].lower().endswith(("anti-", "anti ")):
            continue  # "anti-Pakistan fighters" are no party of Pakistan's
        if BACKER.match(text, m.end):
            continue  # "the Serb-controlled republic", "U.S.-backed forces": the backer, not the party named
        actor = actors.base.actor(m.actor_id)
        if actor is not None and actor.id not in ids:
            ids.add(actor.id)
            out.append(actors.ref(actor))
    return tuple(out)


def _background(cand, lex) -> bool:
    """Told as background: a relative clause on a noun ("X, who led the talks"), or a count of
    past acts ("held three meetings", "several attacks")."""
    trigger = cand.verb if cand.verb is not None else cand.noun
    if cand.verb is not None and summing_noun(cand.verb) is not None:
        return False  # "..., a charge X rejected": the answer to the news just told, not background
    if any(t.dep_ == "relcl" for t in [trigger, *trigger.ancestors]):
        return True  # told inside a relative clause: "X, who facilitated summits between A and B"
    if cand.frame == "held" and cand.verb.dep_ == "amod":
        return True  # "imprisoned publisher X": the state an earlier act left, not the act told as news
    if cand.verb is not None and any(c.lemma_.lower() == "time" and c.tag_ == "NNS" for c in cand.verb.children):
        return True  # "met three times", "has visited several times": a count of past acts
    if cand.verb is not None and habitual(cand.verb):
        return True  # "routinely deny", "have repeatedly called for": a habit or a series (when.habitual)
    noun = cand.noun
    if noun is None:
        return False
    if cand.frame == "between" and noun.dep_ != "nsubj":
        return True  # "following a summit between A and B": a reference to it, not its telling
    if cand.frame == "owner":
        return True  # "condemned Russia's invasion of Ukraine": an act referred to, told before
    if noun.tag_ != "NNS" or noun_entry(noun, lex) is None:
        return False  # (a count of things acted on, "closed 12 outlets", is no count of acts)
    return any(c.dep_ == "nummod" and c.like_num or c.dep_ in ("amod", "det") and c.lower_ in COUNTING
               for c in noun.children)


def _tense_verb(cand):
    """The verb whose tense tells the act's: the trigger verb, or the verb an event noun hangs from."""
    if cand.verb is not None:
        return cand.verb
    return governing_verb(cand.noun, direct=False) or (ongoing_verb(cand.noun) if cand.frame == "subject" else None)


def _regardless(verb) -> bool:
    """Is `verb` the clause of "whether ... or not", which says its act does not matter?"""
    if verb is None or verb.dep_ != "advcl" or not any(m.dep_ == "mark" and m.lower_ == "whether" for m in verb.children):
        return False
    return any(t.lower_ == "or" and t.i + 1 < len(t.doc) and t.nbor(1).lower_ == "not" for t in verb.subtree)


def _demanded_condition(cand) -> bool:
    """Is the trigger the act a condition asks for: "unless Y withdraws", "if Y does not release them"?"""
    verb = cand.verb
    if verb is None or verb.dep_ != "advcl":
        return False
    marks = {m.lower_ for m in verb.children if m.dep_ == "mark"}
    return "unless" in marks or "if" in marks and any(c.dep_ == "neg" for c in verb.children)


def _object(cand):
    """What the act fell on: the trigger verb's direct object, else the "of" object of an event noun
    ("claimed the killing of 33 fighters", "led to the arrest of five people")."""
    obj = None
    if cand.verb is not None:
        obj = next((c for c in cand.verb.children if c.dep_ in ("dobj", "nsubjpass") and c not in cand.trigger), None)
        comp = next((c for c in cand.verb.children if c.dep_ in ("xcomp", "ccomp") and c.tag_ in ("VBG", "VB")), None)
        if obj is None and comp is not None:  # "stopped implementing its commitments", "refused to sign the deal"
            obj = next((c for c in comp.children if c.dep_ == "dobj"), None)
    if obj is None and cand.noun is not None and "of" in cand.entry.preps:
        obj = next((g for p in cand.noun.children if p.dep_ == "prep" and p.lower_ == "of" for g in p.children
                    if g.dep_ == "pobj"), None)
    return obj


def _telling(cand, lex, actors) -> dict:
    """The EventMention fields that the telling of a candidate gives (see story.EventMention)."""
    obj = _object(cand)
    return dict(lemma=cand.trigger[0].lemma_.lower(), background=_background(cand, lex), question=_question(cand),
                wished=st.wished(cand.verb if cand.verb is not None else cand.noun),
                told_past=told_past(_tense_verb(cand)), object_parties=_object_parties(cand, actors),
                object_word=obj.lemma_.lower() if obj is not None else "", object_phrase=_object_phrase(obj),
                object_defined=_object_defined(cand), demanded_condition=_demanded_condition(cand))


def _object_phrase(obj) -> str:
    """The act's object as written, with its "of" complement and conjuncts but without clauses or
    other modifiers ("dozens of women and children", not "... held on the train")."""
    if obj is None:
        return ""
    keep: list = []
    stack = [obj]
    while stack:
        tok = stack.pop()
        keep.append(tok)
        stack.extend(c for c in tok.children if c.dep_ not in OBJECT_SKIP or c.dep_ == "prep" and c.lower_ == "of")
    keep.sort(key=lambda t: t.i)
    while keep and (keep[0].is_punct or keep[0].lower_ in ("the", "a", "an")):
        keep.pop(0)
    while keep and keep[-1].is_punct:
        keep.pop()
    return " ".join(t.text for t in keep).replace(" ,", ",")


def _object_parties(cand, actors) -> tuple:
    """Actor ids named inside a clause on the trigger's object: "called the decision to jail X a
    travesty" judges the jailer, not X."""
    if cand.verb is None:
        return ()
    inside: list = []
    for obj in (c for c in cand.verb.children if c.dep_ == "dobj"):
        for clause in (c for c in obj.children if c.dep_ in ("acl", "relcl")):
            span = list(clause.subtree)
            inside += [m.actor_id for m in actors.base.mentions_in(span[0].idx, span[-1].idx + len(span[-1]))]
    return tuple(dict.fromkeys(inside))


def _object_defined(cand) -> bool:
    """Does the trigger verb's object carry its own content clause ("claims that X ...")?"""
    if cand.verb is None:
        return False
    return any(c.dep_ == "dobj" and content_clauses(c) for c in cand.verb.children)


def _question(cand) -> bool:
    """The trigger is a reporter's question: "Asked whether ..., X said" (a participle with no subject)."""
    verb = cand.verb
    return (verb is not None and verb.lemma_.lower() == "ask" and verb.tag_ == "VBN"
            and not any(c.dep_ in ("nsubj", "nsubjpass", "auxpass", "aux") for c in verb.children))


class _Sentence:
    """Per-sentence look-ups the extractor repeats for every candidate: entities and clauses."""

    __slots__ = ("ents", "_clauses")

    def __init__(self, sent, doc_ents: list, starts: list[int]) -> None:
        # the sentence's entities cut from the document's list: Span.ents rebuilds every entity of the
        # document on each call, once per sentence
        window = doc_ents[bisect_left(starts, sent.start):bisect_left(starts, sent.end)]
        self.ents = [e for e in window if e.end <= sent.end]
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
        first = cand.verb
        while first.dep_ == "conj" and first.head.pos_ in ("VERB", "AUX"):
            first = first.head
            anchors.append(first)  # "In January, X withdrew from Y and created Z": one date for both acts
        anchors += _when_date(first)
    elif cand.noun is not None:
        gov = governing_verb(cand.noun, direct=False) or (ongoing_verb(cand.noun) if cand.frame == "subject" else None)
        if gov is not None:
            anchors.append(gov)
        # "a summit between X and Y that ended in February": the event noun's own clause dates it
        anchors += [c for c in cand.noun.children if c.dep_ in ("relcl", "acl") and c.pos_ in ("VERB", "AUX")]
    return _date_at(anchors, here, base, future)


def _when_date(verb) -> list:
    """"Since August 2022, when X called for war, ...": a when-clause right after a date happened then
    (the parser hangs it on the date or on the main verb); the date's head, as an anchor."""
    when = next((c for c in verb.children if c.dep_ == "advmod" and c.lower_ == "when" and c.i < verb.i), None)
    if when is None:
        return [verb.head] if verb.dep_ == "relcl" and verb.head.ent_type_ == "DATE" else []
    before = verb.doc[when.i - 1] if when.i > 0 else None
    if before is not None and before.is_punct and when.i > 1:
        before = verb.doc[when.i - 2]
    if before is None or before.ent_type_ != "DATE":
        return []
    head = before
    while head.head.i != head.i and head.head.ent_type_ == "DATE":
        head = head.head
    return [head]


def _date_at(anchors, here, base, future: bool):
    """The first date expression in the clause of one of `anchors`, nearest the anchor first; then in
    the clauses that share their time (when.sharing_anchors)."""
    anchors = [a for a in anchors if a is not None]
    for anchor in anchors + [s for a in anchors for s in sharing_anchors(a) if s not in anchors]:
        clause = here.clause(anchor)
        spans = [e for e in here.ents if e.label_ in ("DATE", "TIME") and e.root.i in clause and _temporal(e.root)]
        spans.sort(key=lambda e: abs(e.root.i - anchor.i))
        for ent in spans:
            found = resolve(ent.text, base, future)
            if found:
                return found
    return None


def _temporal(root) -> bool:
    if root.dep_ == "compound" and root.head.i != root.i:
        return _temporal(root.head)  # "on Tuesday morning": the day modifies the part of day that "on" takes
    if root.dep_ in ("npadvmod", "tmod", "advmod", "nmod") and root.head.pos_ in ("VERB", "AUX", "NOUN"):
        return root.dep_ != "nmod" or root.head.pos_ == "VERB"
    if root.dep_ == "pobj":
        return root.head.lower_ in TEMPORAL_PREPS
    if root.dep_ == "dobj":
        return root.head.lower_ == "dated"  # "a letter dated May 4" (when.time_host)
    return root.dep_ in ("ROOT", "appos", "conj")


def _context(code, sent) -> list:
    context = list(code.context)
    lemmas = {t.lemma_.lower() for t in sent}
    for name, words in TOPICS:
        if name not in context and lemmas & words:
            context.append(name)
    return context


def _events(cand, sent, article, here, actors, lex, base, source):
    if cand.verb is not None and _opinion(cand.verb):
        return []  # "analysts point out that X backs Y": a commentator's reading, not an act told
    if _regardless(cand.verb):
        return []  # "whether they agree or not, they should talk": an act either way, so none
    first, passive = actor1(cand, actors)
    if not first:
        return []
    second = actor2(cand, passive, actors, lex)
    ongoing = ongoing_verb(cand.noun) if cand.frame == "subject" else None
    if cand.frame == "between" and cand.noun.dep_ in ("nsubj", "nsubjpass") and cand.noun.head.pos_ in ("VERB", "AUX"):
        ongoing = cand.noun.head  # "a ceasefire between A and B could take place": as real as its verb says
    anchor = cand.verb if cand.verb is not None else ongoing or governing_verb(cand.noun, direct=False)
    # a noun event takes its verb's modality only when it hangs from it directly
    inherit = cand.verb is not None or ongoing is not None or governing_verb(cand.noun) is not None
    if cand.frame in REFERRED:
        inherit = False  # "never condemned Russia's invasion of X": the invasion is no less real for it
    if cand.said is not None:
        anchor = cand.said
    elif cand.verb is not None and cand.verb.dep_ == "pcomp" and cand.verb.head.lower_ in ("in", "by") and \
            cand.verb.head.head.pos_ in ("VERB", "AUX"):
        anchor = cand.verb.head.head  # "called for X to reciprocate by agreeing to ...": as real as the act it serves
    elif cand.verb is not None and cand.verb.dep_ == "pcomp" and cand.verb.head.lower_ == "including" and \
            (whole := governing_verb(cand.verb.head.head, direct=False) or cand.verb.head.head).pos_ in ("VERB", "AUX"):
        anchor = whole  # "will take measures, including reimposing sanctions": as real as the measures
    status = (st.clause_status(anchor, cand.noun, inherit=inherit, acting=anchor is cand.verb or anchor is cand.said)
              if anchor is not None else st.clause_status(None, cand.noun))
    cameo = cand.cameo
    if cand.verb is not None and lex.code(cameo).type == "CONSULT" and _by_phone(cand.verb):
        cameo = PHONE_CALL  # "spoke by phone with X": talks, but not in person
    if status == "negated" and cand.verb is not None and lex.code(cameo).type == "AGREE" and frames.failed(cand.verb):
        cameo, status = frames.REJECTION, "reported"
    if cand.verb is not None and _refused(cand.verb):
        status = "negated"  # "its refusal to sign", "their reluctance to endorse": not done, and not to be
    if status == "negated" and cand.verb is not None and lex.code(cameo).type in STANCES and (
            _present_refusal(cand.verb) or _refused(cand.verb)):
        # "X does not recognize the court", "Y does not support the plan": a stance held against, now
        cameo, status = frames.REJECTION, "reported"
    if cand.verb is None and status == "reported" and cand.noun.dep_ == "pobj" and cand.noun.head.lower_ == "for":
        status = "planned"  # "arrived for talks with X": the talks are the purpose, still to come
    found = (_date_at([cand.said], here, base, future=False) if cand.said is not None
             else _date(cand, here, base, future=status in ("planned", "hypothetical")))
    said = st.reporting_head(cand.verb) if cand.verb is not None and not found else None
    if said is not None and (lex.code(cameo).quad in (1, 3) or status == "reported"):
        # "X said last month he would support the deal": a verbal act is done when it is said; and
        # "X said Tuesday that it closed 12 outlets": an act told done is done by the day it is told
        found = _date_at([said], here, base, future=False)
    if found:
        date, basis, _ = found
        if status == "reported" and base is not None and (end_of(date) - base).days < -31:
            status = "historical"
    elif base is not None:
        date, basis = base.isoformat(), "published"
    else:
        date, basis = None, "published"
    if cameo == DEMONSTRATION and cand.verb is not None and _formal_protest(cand.verb, first):
        cameo = OFFICIAL_COMPLAINT  # "the ministry protested the detention of its citizens": a complaint
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
    elif len(first) >= 2 and _each_other(cand.verb) and code.type not in RECIPROCAL:
        # "X and Y blamed each other": each accuses the other, one event per direction
        pairs = [(a, b) for a in first for b in first if a[0].id != b[0].id]
    elif len(first) >= 2 and (code.type in RECIPROCAL or cand.entry.cameo[:3] in RECIPROCAL_CODES):
        # a symmetric act between the parties is one record, the party named first as actor1
        pairs = [(a, b) for i, a in enumerate(first) for b in first[i + 1:] if a[0].id != b[0].id]
    else:  # "X and Y warned that ..." is two warnings, not a warning to each other
        pairs = [(a, None) for a in first]
    if code.type == "ASSAULT" and second and _mutual_fighting(cand):
        # "clashes between X and Y", "X clashed with Y": each fights the other, one event per direction
        pairs += [(b, a) for a, b in pairs if a[0].id != b[0].id]
    if cand.frame == "held" and (not second or any(b.country and b.country != actors.home for b, _ in second)
                                 or _held_abroad(cand.verb, actors.home)):
        return []  # no one named is held, or one of another state, held who knows where
    if (code.mode == "phone" or st.lemma_of(cand.trigger[0]) in SPEAKING) and not second:
        return []  # a call or a talk needs a partner: "speaking to reporters" is no meeting
    if code.type == "PROTEST" and cand.noun is None and all(a.kind == "country" and t[0].pos_ in ("PROPN", "PRON")
                                                             for a, t in first):
        return []  # "the two states are not marching in lockstep": states do not take to the streets (their people do)
    if st.lemma_of(cand.trigger[0]) in HELPING and not (
            {b.id for b, _ in second} - {a.id for a, _ in first} and all(
            a.kind in ("country", "organization") or a.sector in ("GOV", "MIL") for a, _ in first)):
        return []  # "she helps people run a business", "the law will help X tighten control": no aid between parties
    if code.mode == "visit" and cand.verb is not None and _vehicle_subject(cand.verb):
        return []  # "an Iranian ship is heading to Iran": a vessel's voyage, no visit by a party
    if code.mode == "visit" and all(a.sector == "MIL" or _force_word(t) for a, t in first):
        # "peacekeepers arrived in X", "troops headed to the border": forces that go somewhere are deployed
        code, pairs = lex.code(DEPLOYMENT), [(a, None) for a, _ in pairs]
    if code.type == "CONSULT" and cand.noun is None and _thing_object(cand, actors):
        return []  # "received the information", "met the deadline", "conferred an honour on X": another sense
    if cand.verb is None and cand.frame is None and not second and len(first) < 2:
        return []  # a bare event noun names an act only with its partners: "in a meeting with X", "X and Y
        # return for talks", not "at a meeting"
    # (code, cameo, status, date, basis, id tag): the action, and the actor's statement of it if any
    versions = []
    if statement is None:
        # the act keeps its own code whatever its status: a planned meeting is CONSULT 040, planned; the
        # intent codes (03x, 13x, 12x) are for an actor's statement of it (below), so type and code agree
        versions.append((code, code.cameo, status, date, basis, ()))
    else:
        # "X said it will meet Y", "is ready to lift sanctions", "will impose tariffs on Y": one record,
        # the statement, said now (AGREE, THREATEN, REJECT); what it undertakes is not yet an act, and a
        # second record of it would tell one happening twice
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
            target = actors.named(*b) if b is not None and b[0].id != a[0].id else None
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
                    actor1=actors.named(*a),
                    actor2=target,
                    location=location,
                    trigger=trigger,
                    sources=[source],
                    n_sources=1,
                )
            )
    return events


def _thing_object(cand, actors) -> bool:
    """Does the trigger verb take a direct object that is no party (a thing, not a partner)? Verbs of
    talking take their matter as object ("discussed the budget") and keep their sense."""
    if cand.verb.lemma_.lower() in TOPIC_OBJECT_VERBS:
        return False
    return any(c.dep_ == "dobj" and c not in cand.trigger and c.pos_ == "NOUN" and not resolve_np(c, actors)
               for c in cand.verb.children)


def _formal_protest(verb, doers) -> bool:
    """"protested the decision" by a state, a body or an official: a formal complaint, not a street
    protest (crowds protest against things; states and officials protest them)."""
    return verb.lemma_.lower() == "protest" and any(c.dep_ == "dobj" for c in verb.children) and bool(doers) and all(
        a.kind in ("country", "organization", "person") for a, _ in doers)


def _by_phone(verb) -> bool:
    return any(p.dep_ == "prep" and p.lower_ in ("by", "over", "on") and any(
        g.dep_ == "pobj" and g.lemma_.lower() in PHONES for g in p.children) for p in verb.children)


def _opinion(verb) -> bool:
    """Is the clause what analysts or experts say (the guideline leaves their opinions out)?"""
    token = verb
    for _ in range(4):
        if token.head.i == token.i or token.dep_ not in ("ccomp", "xcomp", "conj", "parataxis"):
            return False
        if token.dep_ in ("ccomp", "parataxis") and any(
                c.dep_ == "nsubj" and c.lemma_.lower() in OPINION_HOLDERS for c in token.head.children):
            return True
        token = token.head
    return False


def _refused(verb) -> bool:
    """Is the act the infinitive of a noun of refusal ("its refusal to sign", "reluctance to endorse")?"""
    return verb.dep_ == "acl" and verb.head.lemma_.lower() in REFUSAL_NOUNS and any(
        c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)


def _present_refusal(verb) -> bool:
    """"does not recognize", "do not accept", "will not accept": a simple present negated with "do", or
    a negated future, which states the refusal now (not a past "did not", not a perfect "has not")."""
    aux = [c for c in verb.children if c.dep_ == "aux"]
    present = len(aux) == 1 and aux[0].lemma_.lower() == "do" and aux[0].tag_ in ("VBZ", "VBP")
    future = len(aux) == 1 and aux[0].lower_ in ("will", "wo", "shall")
    return (present or future) and any(c.dep_ == "neg" for c in verb.children)


def _held_abroad(participle, home) -> bool:
    """"jailed publisher X in Hong Kong" in a story about another state: held by another state."""
    noun = participle.head
    while noun.dep_ in ("compound", "amod") and noun.head.i != noun.i:
        noun = noun.head  # "jailed publisher X in a foreign city": the name the place is on
    places = [g for p in noun.subtree if p.dep_ == "prep" and p.lower_ == "in" for g in p.children
              if g.dep_ == "pobj" and g.ent_type_ == "GPE"]
    return any((code := place_country(" ".join(t.text for t in g.subtree if t.ent_type_ == "GPE"))) and code != home
               for g in places)


def _force_word(toks) -> bool:
    """Is the phrase headed by a word for an armed force ("troops", "peacekeepers", "soldiers")?"""
    return any(t.lemma_.lower() in FORCE_WORDS for t in toks[:1])


def _vehicle_subject(verb) -> bool:
    subj, _ = subjects(verb)
    return any(s.lemma_.lower() in HARDWARE for s in subj)


def _mutual_fighting(cand) -> bool:
    """Is the act fighting that both sides do: a clash, a battle, an exchange of fire (as the noun
    lexicon reads it)? ("A and B exchanged fire" is told as each other's already: _each_other.)"""
    word = cand.noun if cand.noun is not None else cand.verb
    return cand.entry is EXCHANGE_OF_FIRE or word.lemma_.lower() in MUTUAL_FIGHTING


def _each_other(verb) -> bool:
    """Is the object of `verb` the reciprocal pronoun ("blamed each other", "accused one another")?"""
    if verb is None:
        return False
    objects = [c for c in verb.children if c.dep_ == "dobj"]
    if verb.lemma_.lower() in EXCHANGING and any(o.lemma_.lower() in GUNFIRE for o in objects):
        return True  # "A and B exchanged fire": each fired at the other
    objects += [g for p in verb.children if p.dep_ == "prep" for g in p.children if g.dep_ == "pobj"]
    return any(o.lower_ in ("other", "another") and any(c.lower_ in ("each", "one") for c in o.children)
               for o in objects)


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
