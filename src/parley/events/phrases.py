"""Where a clause puts the parts of an act: the "by" phrase that names an event noun's doer, its
"between" phrase, the verb of going on it is the subject of, its content clauses, the helped clause of
"help X do Y", the body a meeting noun names. Plain functions over the parse, used by the candidate,
argument and recipient steps alike.
"""

from __future__ import annotations


# Any event noun makes an event as the subject of a verb of going on ("riots against X continued"),
# its actor named on the noun itself; and with "between A and B" ("fighting between A and B").
ONGOING_VERBS = frozenset("continue resume begin start erupt escalate intensify rage spread persist".split())


def agent_of(noun):
    """The doer a "by" phrase names on an event noun: "the hijacking by militants", "an offensive
    launched by X", "an operation conducted by X"."""
    # (the parser often hangs the "by" on the noun's "of" object, "the hijacking of a train by X", or
    # as an agent on an intransitive verb, "died in the hijacking by X")
    holders = [noun] + [g for p in noun.children if p.dep_ == "prep" and p.lower_ == "of" for g in p.children
                        if g.dep_ == "pobj"]
    if noun.dep_ == "pobj" and noun.head.head.pos_ == "VERB" and not any(
            c.dep_ in ("auxpass", "nsubjpass") for c in noun.head.head.children):
        holders.append(noun.head.head)
    for prep in (c for h in holders for c in h.children):
        if prep.dep_ in ("prep", "agent") and prep.lower_ == "by":
            pobj = next((c for c in prep.children if c.dep_ == "pobj"), None)
            if pobj is not None:
                return pobj
    for clause in noun.children:
        if clause.dep_ == "acl" and clause.tag_ == "VBN":
            for agent in (c for c in clause.children if c.dep_ == "agent"):
                pobj = next((g for g in agent.children if g.dep_ == "pobj"), None)
                if pobj is not None:
                    return pobj
    return None


def helped_clause(verb):
    """"X helped Y build a port": the parser makes the one helped the subject of a bare clause."""
    if verb.lemma_.lower() != "help":
        return None
    return next((c for c in verb.children if c.dep_ in ("ccomp", "xcomp") and c.tag_ == "VB"
                 and any(s.dep_ == "nsubj" for s in c.children)), None)


def between_prep(noun):
    """The "between" phrase of an event noun, on the noun or where the parser hangs it: on its "of"
    object ("exchange of fire between A and B"), on a participle after it ("fire reported between"), or
    on the verb it is the subject of ("clashes broke out between", "fire was reported between")."""
    holders = [noun] + [g for c in noun.children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children
                        if g.dep_ == "pobj"] + [c for c in noun.children if c.dep_ == "acl"]
    if noun.dep_ in ("nsubj", "nsubjpass") and noun.head.pos_ in ("VERB", "AUX"):
        holders.append(noun.head)
    return next((c for h in holders for c in h.children if c.dep_ == "prep" and c.lower_ == "between"), None)


def meeting_body(noun, actors):
    """"a meeting of the Security Council", "the summit of ECOWAS": the international body whose
    meeting it is (a multilateral meeting has the body as its doer and no target), or None."""
    for prep in noun.children:
        if prep.dep_ == "prep" and prep.lower_ == "of":
            pobj = next((c for c in prep.children if c.dep_ == "pobj"), None)
            if pobj is None:
                return None
            span = list(pobj.subtree)
            body = actors.at(span[0].idx, span[-1].idx + len(span[-1])) or actors.at(pobj.idx, pobj.idx + len(pobj))
            return body if body is not None and body.country == "IGO" and body.kind != "person" else None
    return None


def ongoing_verb(noun):
    """The verb of going on whose subject `noun` is ("the riots continued"), or None."""
    head = noun.head
    if noun.dep_ == "nsubj" and head.lemma_.lower() in ONGOING_VERBS:
        return head
    return None


def content_clauses(noun) -> list:
    """The clause a demand noun states: "its demand that X release Y"."""
    if noun is None:
        return []
    return [c for c in noun.children if c.dep_ in ("acl", "ccomp") and c.pos_ in ("VERB", "AUX")
            and any(m.dep_ == "mark" and m.lower_ == "that" for m in c.children)]
