"""The in-process executor: the pipeline runs in this process, streaming."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from ..errors import ParleyError
from ..options import Options
from ..pipeline import Pipeline
from ..records import ArticleRecords, Document


class LocalExecutor:
    def __init__(self, options: Options) -> None:
        self.pipeline = Pipeline(options)

    def map(self, documents: Iterable[Document | ParleyError]) -> Iterator[ArticleRecords | ParleyError]:
        return self.pipeline.process(documents)

    def close(self) -> None:
        pass
