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
CRITICISM = "111"


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
