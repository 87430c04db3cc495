"""Executors: one interface (documents in, records out) over in-process, processes and Dask.

Whichever runs, results come back in input order (an input error just before the results of the
chunk it fell in), with memory bounded by the chunks in flight, not by the corpus.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Protocol

from ..errors import ParleyError
from ..options import Options
from ..records import ArticleRecords, Document


class Executor(Protocol):
    def map(self, documents: Iterable[Document | ParleyError]) -> Iterator[ArticleRecords | ParleyError]: ...

    def close(self) -> None: ...


def make_executor(options: Options) -> Executor:
    """Dask when `options.dask` is set, a process pool when `options.workers > 1`, else in-process."""
    if options.dask:
        from .dask import DaskExecutor

        return DaskExecutor(options)
    if options.workers > 1:
        from .processes import ProcessExecutor

        return ProcessExecutor(options)
    from .local import LocalExecutor

    return LocalExecutor(options)
