"""What every executor shares: cutting the document stream into bounded chunks, running one chunk
through the pipeline with per-document isolation, bounded in-order dispatch, and errors as data.

Every executor runs the same chunks through `run_chunk`, so in-process, process-pool and Dask runs
yield the same results in the same order.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any, Protocol

from .. import errors as _errors
from ..errors import InputError, ParleyError
from ..records import Article, ArticleRecords, Document

CHUNK_DOCS = 64  # a few nlp.pipe batches: small enough to keep workers evenly loaded
CHUNK_CHARS = 2_000_000  # and a cap on text per chunk, so one huge input cannot balloon memory


@dataclass
class Chunk:
    """A run of consecutive inputs: documents to process, and input errors to pass through."""

    seq: int
    documents: list[Document] = field(default_factory=list)
    errors: list[ParleyError] = field(default_factory=list)  # yielded just before this chunk's results
    chars: int = 0


def chunked(
    items: Iterable[Document | ParleyError], max_docs: int = CHUNK_DOCS, max_chars: int = CHUNK_CHARS
) -> Iterator[Chunk]:
    """Consecutive chunks of at most `max_docs` documents / `max_chars` characters (at least one
    document each), pulled lazily so only the chunk being built is held here."""
    chunk = Chunk(0)
    for item in items:
        if isinstance(item, ParleyError):
            chunk.errors.append(item)
            continue
        size = _chars(item)
        if chunk.documents and (len(chunk.documents) >= max_docs or chunk.chars + size > max_chars):
            yield chunk
            chunk = Chunk(chunk.seq + 1)
        chunk.documents.append(item)
        chunk.chars += size
    if chunk.documents or chunk.errors:
        yield chunk


def _chars(item: Document | Article) -> int:
    """The text an input carries: a Document's content, or a stored Article's body (reprocess)."""
    return len(item.content) if isinstance(item, Document) else len(item.body)


class _Processor(Protocol):
    def process(self, documents: Iterable[Document]) -> Iterator[ArticleRecords | ParleyError]: ...


def run_chunk(pipeline: _Processor, documents: list[Document]) -> list[ArticleRecords | ParleyError]:
    """The chunk's results, one per document. A bug that escapes a stage costs only the document
    that triggered it: the chunk is then redone one document at a time."""
    try:
        return list(pipeline.process(documents))
    except Exception as exc:  # noqa: BLE001 - isolated below, per document
        if len(documents) == 1:
            return [crash_error(documents[0], exc)]
    results: list[ArticleRecords | ParleyError] = []
    for doc in documents:
        try:
            results.extend(pipeline.process([doc]))
        except Exception as exc:  # noqa: BLE001
            results.append(crash_error(doc, exc))
    return results


def stream_chunk(pipeline: _Processor, documents: list[Document]) -> Iterator[ArticleRecords | ParleyError]:
    """`run_chunk`, result by result as each is made (so an in-process run shows progress from the
    first article, not per chunk). The pipeline yields one result per document, in order, so after a
    bug escapes, the documents not yet answered are redone one at a time."""
    done = 0
    try:
        for result in pipeline.process(documents):
            done += 1
            yield result
        return
    except Exception:  # noqa: BLE001 - isolated below, per document
        pass
    for doc in documents[done:]:
        try:
            results = list(pipeline.process([doc]))
        except Exception as exc:  # noqa: BLE001
            results = [crash_error(doc, exc)]
        yield from results


def crash_error(doc: Document, exc: BaseException) -> InputError:
    return InputError("E012", path=doc.source, detail=f"{type(exc).__name__}: {exc}")


class _Future(Protocol):
    def result(self, timeout: float | None = None) -> Any: ...


def in_order(
    chunks: Iterable[Chunk], submit: Callable[[Chunk], _Future], limit: int
) -> Iterator[tuple[Chunk, _Future]]:
    """Submit chunks ahead, at most `limit` in flight, and hand them back in submission order.

    The bound is what keeps memory flat: the input is pulled only as fast as results are consumed.
    """
    pending: deque[tuple[Chunk, _Future]] = deque()
    for chunk in chunks:
        pending.append((chunk, submit(chunk)))
        if len(pending) >= max(1, limit):
            yield pending.popleft()
    while pending:
        yield pending.popleft()


# ---- errors as plain data (pickling ParleyError goes through its one-line message, which loses
# the code and can fail on braces; Parquet needs JSON anyway) ---------------------------------------


def error_to_dict(error: ParleyError) -> dict:
    return {
        "class": type(error).__name__,
        "code": error.code,
        "path": error.path,
        "details": {k: v if isinstance(v, (str, int, float, bool, type(None))) else str(v)
                    for k, v in error.details.items()},
    }


def error_from_dict(data: dict) -> ParleyError:
    cls = getattr(_errors, data.get("class") or "", None)
    if not (isinstance(cls, type) and issubclass(cls, ParleyError)):
        cls = ParleyError
    return cls(data["code"], path=data.get("path"), **(data.get("details") or {}))


def to_wire(results: list[ArticleRecords | ParleyError]) -> list[ArticleRecords | dict]:
    return [error_to_dict(r) if isinstance(r, ParleyError) else r for r in results]


def from_wire(results: list[ArticleRecords | dict]) -> Iterator[ArticleRecords | ParleyError]:
    for r in results:
        yield error_from_dict(r) if isinstance(r, dict) else r
