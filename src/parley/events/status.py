"""Status of an event: reported, planned, negated, hypothetical or historical.

Decided from the clause around the trigger: auxiliaries and negation on the trigger and on the
verbs it passes through ("is expected to meet", "refused"? no: that is REJECT), conditional marks,
the modifiers of an event noun ("upcoming talks", "no agreement"), and the pluperfect.
The date-based part of "historical" (well before publication) is applied by the caller.
"""

from __future__ import annotations

# Verbs and adjectives whose complement is an event not yet done: "plans to visit", "is due to meet".
PLANNED_GOVERNORS = frozenset(
    "plan intend expect schedule due set likely poised seek aim want prepare ready willing prepared "
    "going try attempt slate propose consider mull look eager keen determined".split()
)
# Governors of what is only wished, needed or recommended: "needed to engage", "hopes to meet". The
# act is not reported, not even as planned.
WISHING_GOVERNORS = frozenset("need hope wish ought recommend".split())
# Governors whose complement is a matter talked over, not an act done: "discuss upgrading ties",
# "considering sending troops". The act is at most a possibility.
TOPIC_GOVERNORS = frozenset("discuss debate explore weigh study examine".split())
# Governors that pass the event through unchanged ("decided to allow", "began to withdraw").
NEUTRAL_GOVERNORS = frozenset("decide continue begin start resume manage move help able use".split())
NEGATING_GOVERNORS = frozenset("fail".split())
# Governors by which an actor commits itself: "is willing to", "is ready to", "is committed to".
COMMITTING = frozenset("willing ready prepared committed determined".split())
REPORTING = frozenset(
    "say tell announce report state add note claim declare reiterate confirm stress emphasize emphasise "
    "conclude write explain indicate reveal disclose acknowledge admit suggest predict believe think "
    "contend argue assert".split()
)
# Verbs whose complement is an act someone else is asked or wished to do: "calling for Mubarak to
# resign", "want him to step down", "demanded that he resign". The act has not happened.
DEMANDING = frozenset(
    "call urge demand ask want press push appeal insist request wish encourage order tell beg implore "
    "pressure lobby".split()
)
# Verbs whose that-clause is only hoped or feared: "hopes (that) Russia will withdraw", "fear Iran
# will attack". What the clause tells has not happened; it is a wish or a worry, not a report.
WISHING_CLAUSE_HEADS = WISHING_GOVERNORS | frozenset("fear worry pray dream".split())
# nouns of hoping or fearing whose clause ("the hope that X will ...") is wished, not told
HOPE_NOUNS = frozenset("hope wish fear dream".split())
# verbs of coming about, whose subject is the act itself: "a ceasefire could take place", "talks will begin"
OCCURRING = frozenset("take happen occur begin start resume materialize materialise".split())
_REPAIRABLE = PLANNED_GOVERNORS | WISHING_GOVERNORS | NEUTRAL_GOVERNORS
HYPOTHETICAL_MODALS = frozenset("could might may should must can".split())
FUTURE_AUX = frozenset("will shall 'll wo".split())
PLANNED_NOUN_MODIFIERS = frozenset("upcoming planned proposed future next scheduled expected possible potential".split())


def lemma_of(token) -> str:
    """The token's lemma, repaired where the lemmatiser cuts a stem ("hopes" -> "hop")."""
    lemma = token.lemma_.lower()
    low = token.lower_
    for end in ("s", "d"):
        if low.endswith("e" + end) and low[:-1] != lemma and lemma == low[:-2] and low[:-1] in _REPAIRABLE:
            return low[:-1]
    if low.endswith("ing") and lemma == low[:-3] and lemma + "e" in _REPAIRABLE | WISHING_CLAUSE_HEADS:
        return lemma + "e"  # "hoping" -> "hop"
    return lemma


def passes_through(token) -> bool:
    """Does `token` govern its xcomp as a modality (plan/neutral/fail) rather than as an event of its own?"""
    lemma = lemma_of(token)
    return (lemma in PLANNED_GOVERNORS or lemma in NEUTRAL_GOVERNORS or lemma in NEGATING_GOVERNORS
            or lemma in WISHING_GOVERNORS or lemma in TOPIC_GOVERNORS or token.lower_ == "going")


def governors(verb) -> list:
    """The pass-through verbs/adjectives above `verb`: 'is expected to meet' -> [expected]."""
    chain = []
    token = verb
    for _ in range(5):
        if token.dep_ == "conj" and token.head.pos_ in ("VERB", "AUX") and token.head.dep_ == "xcomp" and chain == []:
            token = token.head  # "plans to visit X and meet Y": the second act shares the first one's governor
            continue
        if token.dep_ == "xcomp" and passes_through(token.head):
            chain.append(token.head)
            token = token.head
        elif token.dep_ == "xcomp" and token.head.dep_ == "acomp" and passes_through(token.head):
            chain.append(token.head)
            token = token.head
        elif token.dep_ == "acomp" and chain:
            chain.append(token.head)
            token = token.head
        else:
            break
    return chain


BELIEVING = frozenset("believe think predict suggest expect guess suppose".split())


def under_reporting(token) -> bool:
    """Is the clause of `token` the complement of a reporting verb ('said it would ...')?"""
    return reporting_head(token) is not None


def reporting_head(token):
    """The reporting verb whose complement holds `token`'s clause ('said' in 'X said it would ...'), or None."""
    head = token
    for _ in range(5):
        if head.dep_ in ("ccomp", "parataxis") and head.head.lemma_.lower() in REPORTING:
            return head.head
        if head.head.i == head.i:
            return None
        if head.dep_ not in ("xcomp", "conj", "acomp", "aux"):
            return None
        head = head.head
    return None


def announced(verb) -> bool:
    """Is the event under `verb` its actor's own statement of what it will (not) do?

    Either a commitment ("is willing/ready/prepared to withdraw") or a future in a clause attributed
    to a source ("X said it will withdraw", "..., X announced"). PLOVER and CAMEO code such a statement
    as an event of its own (AGREE, THREATEN, REJECT): the statement happened, the action is planned.
    """
    chain = [verb, *governors(verb)]
    stance = _stance(chain)
    if stance is not None:
        return not _guessed(stance)  # "X might be willing to ...": a guess at a stance, no commitment made
    future = any(
        c.dep_ == "aux" and (c.lower_ in FUTURE_AUX or c.lower_ in ("would", "going") or c.lemma_.lower() == "will")
        for token in chain for c in token.children
    ) or any(token.lemma_.lower() in ("plan", "intend") for token in chain[1:])
    head = reporting_head(chain[-1])
    # a belief or forecast about what others will do ("Rubio believes the leaders will meet") is no
    # statement by the actor of what it will do
    return future and head is not None and head.lemma_.lower() not in BELIEVING


def _stance(chain):
    """The commitment adjective a chain of governors holds ("is willing to", "are ready to"), if any."""
    return next((token for token in chain[1:] if token.lemma_.lower() in COMMITTING and (
        token.dep_ == "acomp" or any(c.dep_ in ("aux", "auxpass", "cop") and c.lemma_ == "be" for c in token.children))),
        None)


def offered(verb) -> bool:
    """Is the act one its actor says it stands ready to do ("is willing to", "is ready to"): an offer?"""
    return _stance([verb, *governors(verb)]) is not None


def _guessed(stance) -> bool:
    """Is a stance adjective ("willing", "ready") under a modal of possibility: "might be willing"?"""
    holders = [stance, stance.head] if stance.dep_ == "acomp" else [stance]
    return any(c.dep_ == "aux" and c.lower_ in ("might", "may", "could") for h in holders for c in h.children)


def demanded(verb) -> bool:
    """Is `verb` the act that a verb of demanding or wishing asks of someone else?"""
    token = verb
    for _ in range(3):
        head = token.head
        if head.i == token.i:
            return False
        own_subject = any(c.dep_ in ("nsubj", "nsubjpass") for c in token.children)
        infinitive = any(c.dep_ == "aux" and c.lower_ == "to" for c in token.children)
        if head.lemma_.lower() in REPORTING and token.dep_ == "ccomp" and not infinitive:
            return False  # "X told reporters: we reject ...": a statement, not a demand
        if head.lemma_.lower() in DEMANDING and (
            token.dep_ == "ccomp" and (own_subject or infinitive)
            or token.dep_ in ("advcl", "relcl", "acl") and infinitive
            or token.dep_ == "xcomp" and any(c.dep_ == "dobj" for c in head.children)
        ):
            return True
        if token.dep_ not in ("xcomp", "conj", "ccomp"):
            return False
        token = head
    return False


def wished(verb) -> bool:
    """Is `verb`'s clause (or a clause it is coordinated or subordinated within) the content of a
    hope or a fear ("I'm hoping they will reach out and make concessions")?"""
    token = verb
    for _ in range(2):  # an event noun: up to the verb it hangs from ("make concessions", "hold talks on")
        if token.pos_ in ("VERB", "AUX") or token.dep_ not in ("dobj", "pobj", "prep", "nsubj", "nsubjpass"):
            break
        if token.dep_ in ("nsubj", "nsubjpass") and lemma_of(token.head) not in OCCURRING:
            break  # "hoped the talks would succeed": the talks are real, their success is hoped for
        token = token.head  # (or whose subject it is, coming about: "hopes a ceasefire could take place")
    for _ in range(5):
        head = token.head
        if head.i == token.i:
            return False
        if token.dep_ == "ccomp" and lemma_of(head) in WISHING_CLAUSE_HEADS:
            return True
        if token.dep_ == "conj" and lemma_of(head) in WISHING_CLAUSE_HEADS and token.tag_ == "VB" and \
                head.tag_ != "VB" and not any(c.dep_ in ("nsubj", "nsubjpass") for c in token.children):
            # "I'm hoping they will reach out, bring them to the table and ...": a bare verb the parser
            # coordinates with a progressive "hoping" cannot share its auxiliary: it goes on the hoped clause
            return True
        if token.dep_ in ("acl", "ccomp") and head.pos_ == "NOUN" and head.lemma_.lower() in HOPE_NOUNS and any(
                c.dep_ in ("nsubj", "nsubjpass") for c in token.children):
            return True  # the content of a hope named as a noun: "in the hope that X will help"
        if token.dep_ not in ("xcomp", "conj", "ccomp", "advcl"):
            return False
        token = head
    return False


def _backshifted(token) -> bool:
    """A past perfect in reported words, the complement of a verb of saying or a noun's content clause
    ("said troops had been sent", "the announcement that X had agreed"), is the tense of the words
    reported shifted back ("troops have been sent"), not the telling of something before the news."""
    return under_reporting(token) or token.dep_ == "acl" and any(
        c.dep_ == "mark" and c.lower_ == "that" for c in token.children)


def clause_status(verb, noun=None, inherit: bool = True, acting: bool = False) -> str:
    """The status of the event carried by `verb` (and, for noun events, `noun`).

    With acting=True `verb` is the trigger itself, so its own lemma is the act, not a modality:
    "sought asylum" and "the army prepared" happened; "prepared to attack" is a planned attack.
    """
    chain = [verb, *governors(verb)] if inherit and verb is not None else []
    negated = hypothetical = planned = historical = conditional = False
    if noun is not None:
        for child in noun.children:
            low = child.lower_
            if child.dep_ == "det" and low == "no" or child.dep_ == "neg":
                negated = True
            if child.dep_ in ("amod", "compound") and low in PLANNED_NOUN_MODIFIERS:
                planned = True
        if noun.head.lower_ == "without" and noun.dep_ == "pobj":
            negated = True
    for token in chain:
        lemma = lemma_of(token) if not (acting and token is verb) else ""
        if lemma in NEGATING_GOVERNORS:
            negated = True
        if lemma in PLANNED_GOVERNORS or token is not verb and token.lower_ == "going":
            planned = True
        if lemma in WISHING_GOVERNORS or lemma in TOPIC_GOVERNORS:
            hypothetical = True
        for child in token.children:
            low = child.lower_
            if child.dep_ == "neg" or child.dep_ == "advmod" and low == "never":
                negated = True
            elif child.dep_ == "advmod" and low == "longer" and child.i > 0 and child.nbor(-1).lower_ == "no":
                negated = True
            elif child.dep_ == "advmod" and low == "better" and child.i < token.i:  # "he better step down"
                hypothetical = True
            elif child.dep_ in ("aux", "auxpass"):
                if low in FUTURE_AUX or child.lemma_.lower() in ("will", "shall"):
                    planned = True
                elif low == "would":
                    if under_reporting(verb):
                        planned = True
                    else:
                        hypothetical = True
                elif low in HYPOTHETICAL_MODALS:
                    hypothetical = True
                elif low == "had" and token.tag_ == "VBN" and not _backshifted(token):
                    historical = True
                elif low == "going" or low == "gon":
                    planned = True
            elif child.dep_ == "mark" and low in ("if", "unless", "whether"):
                hypothetical = conditional = True
            elif child.dep_ in ("nsubj", "nsubjpass") and any(
                    g.dep_ == "preconj" and g.lower_ == "neither" or g.dep_ == "det" and g.lower_ in ("neither", "no")
                    for g in child.children):
                negated = True  # "neither X nor Y signed", "no country objected"
        if token.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in ("if", "unless") for c in token.children):
            hypothetical = conditional = True
    if verb is not None and (demanded(verb) or wished(verb)):
        hypothetical = True
    if conditional:
        return "hypothetical"  # "if the state did not release them": a condition asserts no act, done or not
    if negated:
        return "negated"
    if hypothetical:
        return "hypothetical"
    if planned:
        return "planned"
    if historical:
        return "historical"
    return "reported"
