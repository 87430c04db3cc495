"""Cascade step: one event per happening. A story tells its main act in the lead, again further down,
and as "the meeting" or "the talks"; each telling is a mention of one happening.

Two mentions in one story are one happening when they have the same type, the same status class
(happened, planned, negated, hypothetical), the same doer, the same target (in either order for the
symmetric types, or no target in one of them: "X met Y on Monday ... the meeting, X said, ..."; for a
symmetric act the lone party may be either side: "... after the talks, Y said"; for a meeting or an
act done by saying, a state and a body or group of it are one target: "called on X ... urged X's
authorities"; the people an attack killed, written as no party, are its toll, not another attack), and
dates that do not conflict (two dates of their own that differ are two happenings: two meetings of
the same people on different days are two events; news dated by the day of the story and
background of another date are two as well). The happening keeps the first telling's
sentence, the most precise date and every evidence sentence among its sources.
"""

from __future__ import annotations

from dataclasses import replace

from ..dates import bounds
from ..ids import is_country_id
from ..records import Event, EventActor
from .reality import NEWS_DAYS
from .story import EventMention, same_actor
from .types import symmetric_types

HAPPENED = frozenset({"reported", "historical"})
MEETING = "CONSULT"
ATTACK = "ASSAULT"
CALL, IN_PERSON = "phone", frozenset({"meet", "visit", "host"})  # modes of CONSULT (data/codes.tsv)
# acts done by saying, which a story may tell as addressed to a state and again to its government
# ("called on X to ...", "called for X's rulers to ...")
SAYING = frozenset({"REQUEST", "ACCUSE", "REJECT", "SUPPORT", "THREATEN"})


def status_class(status: str) -> str:
    return "happened" if status in HAPPENED else status


def same_parties(a: Event, b: Event) -> bool:
    """Same doer and target, a missing target agreeing with any; either order for symmetric acts.
    A visit to a country and a meeting with its leader or officials are one meeting: its host is
    that state, whoever of it the other telling names."""
    # (a demand or a charge told as made of a state and of its government is made once)
    hosting = a.type == MEETING or a.type in SAYING
    # (the people an attack killed, "more than 10 people", are its outcome, not the target of another attack)
    toll = a.type == ATTACK and (casualties(a.actor2) or casualties(b.actor2))

    def akin(x, y):  # the same party, or (where hosting counts) a state and someone of it
        return same_actor(x, y) or hosting and (host_of(x, y) or host_of(y, x))

    if same_actor(a.actor1, b.actor1) and (a.actor2 is None or b.actor2 is None or toll or akin(a.actor2, b.actor2)):
        return True
    if a.type not in symmetric_types():
        return False
    if a.actor2 is not None and b.actor2 is not None:
        # told from the other side ("X visited Z ... Z's leader met X")
        return same_actor(a.actor1, b.actor2) and akin(a.actor2, b.actor1) or \
            same_actor(a.actor2, b.actor1) and akin(a.actor1, b.actor2)
    # "X met Y ... Following the talks with X, Y said": a party of a symmetric act told alone is one of
    # its two parties, whichever side the other telling put it on
    lone, pair = (a, b) if a.actor2 is None else (b, a)
    return pair.actor2 is not None and same_actor(lone.actor1, pair.actor2)


def casualties(actor: EventActor | None) -> bool:
    """Is the side people an act fell on, as written ("more than 10 people"), no party of any kind?"""
    return actor is not None and not actor.actor_id and actor.sector == "CVL"


def host_of(state: EventActor, party: EventActor) -> bool:
    """Is `state` a country and `party` someone of it (its leader, its officials)?"""
    return is_country_id(state.actor_id) and not is_country_id(party.actor_id) and bool(party.country) \
        and party.country == state.country


def dates_agree(a: EventMention, b: EventMention) -> bool:
    x, y = a.event.date or "", b.event.date or ""
    if not (a.explicit_date and b.explicit_date):
        # a date the clause does not give (the news day) is no conflict, except between news and
        # background: what is told as past history did not happen on the day of the news; nor did an
        # act the story dates weeks before it ("Last month, X ambushed a bus" is not this week's attack)
        if not (x and y) or a.event.status == b.event.status and not _weeks_apart(x, y):
            return True
    return x.startswith(y) or y.startswith(x)


def _weeks_apart(x: str, y: str) -> bool:
    """Are two dates further apart than the story's week (reality.NEWS_DAYS), one wholly before the other?"""
    first, second = bounds(x), bounds(y)
    if first is None or second is None:
        return False
    return (second[0] - first[1]).days > NEWS_DAYS or (first[0] - second[1]).days > NEWS_DAYS


def one_happening(a: EventMention, b: EventMention) -> bool:
    ea, eb = a.event, b.event
    return (ea.type == eb.type and status_class(ea.status) == status_class(eb.status)
            and not _call_and_visit(ea, eb) and not _other_claims(a, b) and same_parties(ea, eb) and dates_agree(a, b))


def _other_claims(a: EventMention, b: EventMention) -> bool:
    """"X rejected accusations that its trials are unfair ... X rejected those claims" (of Y, told just
    before): a claim its own clause spells out is not the claim another telling answers, made by someone."""
    defined, other = (a, b) if a.object_defined else (b, a)
    return defined.object_defined and not other.object_defined and other.event.actor2 is not None


def _call_and_visit(a: Event, b: Event) -> bool:
    """A phone call and a meeting in person are two happenings, whatever their dates allow."""
    return {a.mode, b.mode} & {CALL} and bool({a.mode, b.mode} & IN_PERSON)


def combine(first: EventMention, other: EventMention) -> EventMention:
    """The happening told by `first`, with what `other` adds: a target, a date, a place, its sentence."""
    e, o = first.event, other.event
    changes: dict = {"sources": e.sources + [s for s in o.sources if s not in e.sources]}
    changes["n_sources"] = 1
    if e.actor2 is None and o.actor2 is not None:
        # (a symmetric act's lone party may be the other telling's target: its partner is then the doer)
        changes["actor2"] = o.actor1 if same_actor(e.actor1, o.actor2) else o.actor2
    elif casualties(e.actor2) and o.actor2 is not None and not casualties(o.actor2):
        changes["actor2"] = o.actor2  # the party attacked, of which the people killed are the toll
    elif e.type == MEETING and e.actor2 is not None and o.actor2 is not None and host_of(e.actor2, o.actor2):
        changes["actor2"] = o.actor2  # the host named at its most specific: its leader, not the state
    if other.explicit_date and (not first.explicit_date or len(o.date or "") > len(e.date or "")):
        changes.update(date=o.date, date_basis=o.date_basis)
    if e.location is None and o.location is not None:
        changes["location"] = o.location
    return replace(first, event=replace(e, **changes), explicit_date=first.explicit_date or other.explicit_date)


def merge_mentions(mentions: list[EventMention]) -> list[EventMention]:
    happenings: list[EventMention] = []
    for m in mentions:
        # (a toll told alone is of the attack told just before it: "... attacked a bridge on Tuesday.
        # The militants killed nine people.": the last happening it fits, else the first)
        latest = m.event.type == ATTACK and casualties(m.event.actor2)
        found = None
        for n, h in enumerate(happenings):
            if one_happening(h, m):
                found = n
                if not latest:
                    break
        if found is None:
            happenings.append(m)
        else:
            happenings[found] = combine(happenings[found], m)
    return happenings
