"""Which stored statuses a timeline reads, and the quick event decoder (now the store's own).

The selection itself is the store's EventQuery (store/query.py: one predicate, one SQL translation);
what stays here is the stories' knowledge of status: a timeline shows an event as planned when every
report of it came before it happened, so asking for planned events reads happened ones too.
"""

from __future__ import annotations

from ..store.decode import decode_event
from .merge import HAPPENED

__all__ = ["decode_event", "stored_statuses"]


def stored_statuses(wanted: set[str]) -> frozenset[str]:
    """Stored statuses that can give one of `wanted` once timeline.effective_status has turned
    happened-after-every-report into planned."""
    return frozenset(set(wanted) | (set(HAPPENED) if "planned" in wanted else set()))
