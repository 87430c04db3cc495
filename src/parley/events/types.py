"""The last step of the cascade: an event's type, quad class and Goldstein value from one table.

`data/codes.tsv` maps each CAMEO code to its PLOVER type (following the official CAMEO->PLOVER
crosswalk, and the project guideline where the two differ: sanctions are SANCTION) and Goldstein
value; `data/types.tsv` gives each PLOVER type its quad class and says whether it is symmetric.
Everything that needs a quad or the symmetric types reads them here.
"""

from __future__ import annotations

from dataclasses import replace
from functools import cache
from importlib.resources import files
from types import MappingProxyType

from ..records import Event
from .story import EventMention


@cache
def _table() -> tuple[MappingProxyType, frozenset]:
    quads, symmetric = {}, set()
    text = files("parley.events").joinpath("data", "types.tsv").read_text(encoding="utf-8")
    for line in text.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        type_, quad, sym = (c.strip() for c in line.split("\t"))
        quads[type_] = int(quad)
        if sym == "1":
            symmetric.add(type_)
    return MappingProxyType(quads), frozenset(symmetric)


def type_quad() -> MappingProxyType:
    """PLOVER type -> quad class (1 verbal coop, 2 material coop, 3 verbal conflict, 4 material conflict)."""
    return _table()[0]


def symmetric_types() -> frozenset:
    """The PLOVER types whose two parties act with each other: one record, either order."""
    return _table()[1]


def quad_of(type_: str) -> int | None:
    return type_quad().get(type_)


WITHDRAW_ROOT = "087"  # withdraw (troops, from a place)
LEAVE_ORGANISATION = "161"  # reduce or break relations: leaving an organisation is a sanction of it
INTERNATIONAL = "IGO"  # the country field of an international organisation


def refined_cameo(event: Event) -> str | None:
    """The code the act's target makes of it: withdrawing from an international organisation is
    leaving it (SANCTION, as the guideline files exits), not a military pull-back (RETREAT)."""
    cameo = event.cameo
    if cameo and cameo.startswith(WITHDRAW_ROOT) and event.actor2 is not None and event.actor2.country == INTERNATIONAL:
        return LEAVE_ORGANISATION
    return cameo


def coded(event: Event) -> Event:
    """The event with type and Goldstein from its CAMEO code, and the quad of that type."""
    event = replace(event, cameo=refined_cameo(event))
    if not event.cameo:
        return replace(event, quad=quad_of(event.type))
    from .lexicon import load_lexicon  # the lexicon reads quads from here

    code = load_lexicon().code(event.cameo)
    return replace(event, type=code.type, mode=code.mode, goldstein=code.goldstein, quad=quad_of(code.type))


OPPOSE = "oppose"
CRITICIZE = "111"  # CAMEO: criticize or denounce (PLOVER ACCUSE, disapprove)
# What one rejects (PLOVER REJECT: a proposal, demand, request or offer put to the actor). Opposing
# anything else (a policy, an investment, a war, a country) is disapproval: PLOVER ACCUSE.
PROPOSALS = frozenset(
    "proposal plan deal offer bill resolution motion request demand measure amendment ceasefire truce "
    "treaty agreement accord initiative idea call condition term draft settlement roadmap framework "
    # what a party asks to be granted: to oppose it is to turn the request down
    "bid application candidacy accession membership nomination appointment".split()
)
REFUSE = "120"  # CAMEO: reject, not specified


def refined_by_words(mention: EventMention) -> Event:
    """Conventions that need the words of the telling, not just the trigger's code:
    "X opposes Y's investment" is disapproval (ACCUSE) unless what is opposed is a proposal, a bid or
    an application. (A refusal held now, "does not recognize the court", is read in extract.py.)"""
    e = mention.event
    cameo = e.cameo or ""
    # a code refined beyond the bare root already says what was rejected ("opposed to mediation": 125)
    if mention.lemma == OPPOSE and cameo == REFUSE and mention.object_word not in PROPOSALS:
        return replace(e, cameo=CRITICIZE)
    return e


def assign_types(mentions: list[EventMention]) -> list[EventMention]:
    return [replace(m, event=coded(refined_by_words(m))) for m in mentions]
