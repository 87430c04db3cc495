"""Executors: one interface (documents in, records out) over in-process, processes and Dask."""

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
    from .local import LocalExecutor

    return LocalExecutor(options)
