"""Dyad series: per month, events between two actors or countries by quad class, and their Goldstein sum.

Counted: merged events (each real-world event once, however many outlets carried it) that happened
(status reported or historical), dated to at least the month, between a and b in either direction.
Months with no events between the first and the last are listed with zeros, as forecasting models
expect a regular series.
"""

from __future__ import annotations

from collections.abc import Callable

from ..dates import month_of, month_range
from ..records import Event, EventActor
from ..store import EventQuery, Store
from .merge import HAPPENED


def actor_matcher(store: Store, key: str) -> Callable[[EventActor | None], bool]:
    """A test for event actors: a three-letter upper-case code matches the actor's country, anything
    else the actors the store resolves that name, alias or id to (or, failing that, the exact name).
    The store's one matcher (store/query.py ActorMatch), also behind its SQL."""
    return store.actor_match(key).matches


def between(event: Event, match_a, match_b) -> bool:
    return (match_a(event.actor1) and match_b(event.actor2)) or (match_b(event.actor1) and match_a(event.actor2))


def dyad_series(store: Store, a: str, b: str) -> list[dict]:
    months: dict[str, dict] = {}
    query = EventQuery(dyad=(a, b), statuses=frozenset(HAPPENED), dated=True)
    for e in store.events(query):
        if len(e.date) < 7:
            continue
        row = months.setdefault(month_of(e.date), _empty(month_of(e.date)))
        if e.quad in (1, 2, 3, 4):
            row[f"quad{e.quad}"] += 1
        row["goldstein"] = round(row["goldstein"] + (e.goldstein or 0.0), 2)
        row["events"] += 1
    if not months:
        return []
    return [months.get(m) or _empty(m) for m in month_range(min(months), max(months))]


def _empty(month: str) -> dict:
    return {"month": month, "quad1": 0, "quad2": 0, "quad3": 0, "quad4": 0, "goldstein": 0.0, "events": 0}
