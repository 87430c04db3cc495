"""A time budget per article: the pipeline must make progress (yield a result) within
`Options.article_seconds`, else the input in hand is given up with one named line.

The clock is SIGALRM, so it interrupts Python code and regular expressions anywhere in the stages
(a catastrophic backtrack, a loop that never ends). It runs where signals can be delivered: the
main thread of the ingest process and of each worker process. Elsewhere (Dask worker threads) it
is off; the size limits of ingest/limits.py still bound the work there.
"""

from __future__ import annotations

import signal
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager


class OverBudget(BaseException):
    """Raised in the stages when the watchdog fires. A BaseException, so that the stages' own
    `except Exception` guards (which keep an article after a bug) do not swallow it."""


def _usable(seconds: float | None) -> bool:
    return bool(seconds and seconds > 0 and hasattr(signal, "setitimer")
                and threading.current_thread() is threading.main_thread())


@contextmanager
def watchdog(seconds: float | None) -> Iterator[Callable[[], None]]:
    """Arm the clock for `seconds`; the callable it yields rearms it (call it at each result)."""
    if not _usable(seconds):
        yield lambda: None
        return

    def fire(signum, frame):
        raise OverBudget()

    previous = signal.signal(signal.SIGALRM, fire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield lambda: signal.setitimer(signal.ITIMER_REAL, seconds)
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
