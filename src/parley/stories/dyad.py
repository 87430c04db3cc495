"""Dyad series: per month, events between two actors or countries by quad class, and their Goldstein sum.

Counted: merged events (each real-world event once, however many outlets carried it) that happened
(status reported or historical), dated to at least the month, between a and b in either direction.
Months with no events between the first and the last are listed with zeros, as forecasting models
expect a regular series.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from ..dates import month_of, month_range
from ..records import Event, EventActor
from ..store import Store
from . import select
from .merge import HAPPENED

_CODE = re.compile(r"^[A-Z]{3}$")


def actor_matcher(store: Store, key: str) -> Callable[[EventActor | None], bool]:
    """A test for event actors: a three-letter upper-case code matches the actor's country, anything
    else the actors the store resolves that name, alias or id to (or, failing that, the exact name)."""
    if _CODE.match(key):
        return lambda ref: ref is not None and (ref.country == key or ref.actor_id == f"country:{key}")
    local = {i for i in store.local_ids(key) if i != "\x00"}
    ids = local | {store.canonical_id(i) for i in local}
    lowered = key.lower()
    return lambda ref: ref is not None and (ref.actor_id in ids or ref.name.lower() == lowered)


def between(event: Event, match_a, match_b) -> bool:
    return (match_a(event.actor1) and match_b(event.actor2)) or (match_b(event.actor1) and match_a(event.actor2))


def dyad_series(store: Store, a: str, b: str) -> list[dict]:
    match_a, match_b = actor_matcher(store, a), actor_matcher(store, b)
    months: dict[str, dict] = {}
    # SQL narrows the rows to a superset; the test below decides, as over every event
    where = [select.status_clause(set(HAPPENED)), ("date_lo IS NOT NULL", []),
             select.dyad_clause(store, select.event_table(store), a, b)]
    for e in select.select_events(store, where):
        if e.status not in HAPPENED or not e.date or len(e.date) < 7 or not between(e, match_a, match_b):
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
