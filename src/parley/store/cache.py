"""Values derived from a store file (the explorer's network, timelines, ...), shared by every
connection of the process and keyed on the file's write counter (meta `writes`, moved on by every
committed write), so a view is computed once per state of the store, not once per request.

While another process writes (an ingest commits an article every few milliseconds), the counter moves
on between any two requests; recomputing an expensive view for each would put every reader behind
the writer. So an expensive view may lag the writer a little: while one thread recomputes it the
others get the previous value, and after a recompute that took D seconds the next one waits until
REFRESH_FACTOR x D have passed. A cheap view (under SLOW_VIEW_SECONDS) is current unless a writer
streams commits (then it lags by at most STREAM_LAG_SECONDS); after a single write, every view is.
"""

from __future__ import annotations

import threading
import time
from collections import OrderedDict, deque
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
# a writer that commits this many times within STREAM_SECONDS is streaming (an ingest, not one edit):
# then every view, cheap ones too, may lag it by up to STREAM_LAG_SECONDS, so that the readers
# share one computation per view and per second instead of one per request (a person reading the
# explorer during an ingest cannot tell a second's lag; the next page shows the new articles)
STREAM_WRITES = 3
STREAM_SECONDS = 1.0
STREAM_LAG_SECONDS = 1.0
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
        self.latest = -1  # the highest write count seen
        self.changes: deque[float] = deque(maxlen=STREAM_WRITES)  # when it was seen to move

    def get(self, key: Hashable, version: int, compute: Callable[[], Any]) -> Any:
        with self.lock:
            if version > self.latest:
                self.latest = version
                self.changes.append(time.monotonic())
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
            newer = self.entries.get(key)
            if newer is not None and newer.version > version:
                return value  # a thread that started later, at a later state, has stored its value
            self.entries[key] = _Entry(version, value, time.monotonic(), cost)
            self.entries.move_to_end(key)
            while len(self.entries) > MAX_VIEWS:
                self.entries.popitem(last=False)
        return value

    def _may_lag(self, key: Hashable, entry: _Entry) -> bool:
        age = time.monotonic() - entry.made
        if self._streaming() and (age < STREAM_LAG_SECONDS or key in self.busy):
            return True
        if entry.cost < SLOW_VIEW_SECONDS:
            return False
        return key in self.busy or age < REFRESH_FACTOR * entry.cost

    def _streaming(self) -> bool:
        """Whether the write count moved STREAM_WRITES times within the last STREAM_SECONDS."""
        return (len(self.changes) == STREAM_WRITES
                and time.monotonic() - self.changes[0] < STREAM_SECONDS)


_CACHES: dict[str, ViewCache] = {}
_CACHES_LOCK = threading.Lock()


def cache_for(path: str, instance: str | None) -> ViewCache:
    """The process-wide cache of the store file at `path` whose meta `instance` is `instance`
    (":memory:" stores get one each: see Store.view)."""
    key = f"{Path(path).resolve()}\x00{instance}"
    with _CACHES_LOCK:
        return _CACHES.setdefault(key, ViewCache())
