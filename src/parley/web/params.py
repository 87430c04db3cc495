"""Query parameters shared by the pages and the API. A bad value is a 422 with a message; an empty
one (what an HTML form sends for a field left blank) means "no filter"."""

from __future__ import annotations

from typing import Annotated

from fastapi import Query
from pydantic import AfterValidator, BeforeValidator

from ..api import check_date
from ..errors import UsageError
from ..choices import ACTOR_KINDS, EVENT_TYPES, QUOTE_KINDS, STATUSES


def _blank_is_none(value):
    if isinstance(value, str):
        value = value.strip()
        return value or None
    return value


def _date(value: str | None) -> str | None:
    if value is None:
        return None
    try:
        return check_date(value)
    except UsageError as exc:
        raise ValueError(exc.reason) from None


def _one_of(choices: tuple[str, ...], upper: bool = False):
    def check(value: str | None) -> str | None:
        if value is None:
            return None
        value = value.upper() if upper else value.lower()
        if value not in choices:
            raise ValueError(f"expected one of {', '.join(choices)}")
        return value
    return check


def _at_most(n: int):
    def check(value: str | None) -> str | None:
        if value is not None and len(value) > n:
            raise ValueError(f"at most {n} characters")
        return value
    return AfterValidator(check)


Blank = BeforeValidator(_blank_is_none)
Text = Annotated[str | None, Blank, _at_most(500), Query()]
Q = Annotated[str | None, Blank, _at_most(500), Query(description="Full-text search words (all required).")]
Outlet = Annotated[str | None, Blank, _at_most(200), Query(description="Outlet name contains this.")]
Actor = Annotated[str | None, Blank, _at_most(200), Query(description="Actor id, name or alias.")]
Speaker = Annotated[str | None, Blank, _at_most(200), Query(description="Speaker: actor id, name or alias.")]
Since = Annotated[str | None, Blank, AfterValidator(_date), Query(description="From this date: YYYY, YYYY-MM or YYYY-MM-DD.")]
Until = Annotated[str | None, Blank, AfterValidator(_date), Query(description="Up to this date: YYYY, YYYY-MM or YYYY-MM-DD.")]
Status = Annotated[str | None, Blank, AfterValidator(_one_of(STATUSES)),
                   Query(description="Event status: " + ", ".join(STATUSES) + ".")]
EventType = Annotated[str | None, Blank, AfterValidator(_one_of(EVENT_TYPES, upper=True)),
                      Query(description="PLOVER event type, e.g. CONSULT.")]
ActorKind = Annotated[str | None, Blank, AfterValidator(_one_of(ACTOR_KINDS)),
                      Query(description="person, organization, country or group.")]
QuoteKind = Annotated[str | None, Blank, AfterValidator(_one_of(QUOTE_KINDS)),
                      Query(description="direct, partial or indirect.")]
Limit = Annotated[int, Query(ge=1, le=500, description="At most this many items (1-500).")]
Offset = Annotated[int, Query(ge=0, le=10_000_000, description="Skip this many items.")]
Page = Annotated[int, Query(ge=1, le=100_000, description="Page number, from 1.")]
