"""Values derived from a store file (the explorer's network, timelines, ...), shared by every
connection of the process and keyed on the file's write counter (meta `writes`, moved on by every
committed write), so a view is computed once per state of the store, not once per request.

While another process writes (an ingest commits an article every few milliseconds), the counter moves
on between any two requests; recomputing an expensive view for each would put every reader behind
the writer. So an expensive view may lag the writer a little: while one thread recomputes it the
others get the previous value, and after a recompute that took D seconds the next one waits until
REFRESH_FACTOR x D have passed. A cheap view (under SLOW_VIEW_SECONDS) is always current.
"""

from __future__ import annotations

import threading
import time
from collections import OrderedDict
from collections.abc import Callable, Hashable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

# a view computed faster than this is recomputed whenever the store changed: no reader can notice it
# (and small stores, tests included, always see their latest write)
SLOW_VIEW_SECONDS = 0.02
# an expensive view is recomputed at most once per this many of its compute times while writes go
# on: recomputing then costs at most ~1/REFRESH_FACTOR of one core, and the view lags by < 1 s on a
# 10k-article store (its slowest view takes ~0.1 s)
REFRESH_FACTOR = 5
# distinct views kept per store file (each filter combination is one); the least recently used go
MAX_VIEWS = 256


@dataclass
class _Entry:
    version: int
    value: Any
    made: float  # time.monotonic() when computed
    cost: float  # seconds the computation took


class ViewCache:
    """The cached views of one store file."""

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.entries: OrderedDict[Hashable, _Entry] = OrderedDict()
        self.busy: set[Hashable] = set()

    def get(self, key: Hashable, version: int, compute: Callable[[], Any]) -> Any:
        with self.lock:
            entry = self.entries.get(key)
            if entry is not None:
                self.entries.move_to_end(key)
                if entry.version == version or self._may_lag(key, entry):
                    return entry.value
            self.busy.add(key)
        try:
            start = time.monotonic()
            value = compute()
            cost = time.monotonic() - start
        finally:
            with self.lock:
                self.busy.discard(key)
        with self.lock:
            self.entries[key] = _Entry(version, value, time.monotonic(), cost)
            self.entries.move_to_end(key)
            while len(self.entries) > MAX_VIEWS:
                self.entries.popitem(last=False)
        return value

    def _may_lag(self, key: Hashable, entry: _Entry) -> bool:
        if entry.cost < SLOW_VIEW_SECONDS:
            return False
        return key in self.busy or time.monotonic() - entry.made < REFRESH_FACTOR * entry.cost


_CACHES: dict[str, ViewCache] = {}
_CACHES_LOCK = threading.Lock()


def cache_for(path: str, instance: str | None) -> ViewCache:
    """The process-wide cache of the store file at `path` whose meta `instance` is `instance`
    (":memory:" stores get one each: see Store.view)."""
    key = f"{Path(path).resolve()}\x00{instance}"
    with _CACHES_LOCK:
        return _CACHES.setdefault(key, ViewCache())
