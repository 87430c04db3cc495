"""The in-process executor: the pipeline runs in this process, streaming chunk by chunk.

Chunking here (rather than one long `Pipeline.process` stream) bounds memory even when the
pipeline holds back items (e.g. articles it does not parse), and makes the output identical, in
content and order, to the process-pool and Dask executors.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from ..errors import ParleyError
from ..options import Options
from ..pipeline import Pipeline
from ..records import ArticleRecords, Document
from .chunks import CHUNK_CHARS, CHUNK_DOCS, chunked, stream_chunk


class LocalExecutor:
    def __init__(self, options: Options, *, chunk_docs: int = CHUNK_DOCS, chunk_chars: int = CHUNK_CHARS) -> None:
        self.pipeline = Pipeline(options)
        self.chunk_docs = chunk_docs
        self.chunk_chars = chunk_chars

    def map(self, documents: Iterable[Document | ParleyError]) -> Iterator[ArticleRecords | ParleyError]:
        for chunk in chunked(documents, self.chunk_docs, self.chunk_chars):
            yield from chunk.errors
            if chunk.documents:
                yield from stream_chunk(self.pipeline, chunk.documents)

    def close(self) -> None:
        pass
