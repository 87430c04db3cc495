"""The local multi-process executor: a pool of worker processes, each loading the model once.

Documents go to the workers in chunks; at most `in_flight` chunks are out at any time, and results
come back in input order. Workers are spawned (not forked), so nothing the parent holds (SQLite
connections, threads, a half-loaded model) leaks into them.
"""

from __future__ import annotations

import functools
import multiprocessing
import pickle
from collections.abc import Iterable, Iterator
from concurrent.futures import CancelledError, Future, ProcessPoolExecutor
from concurrent.futures import TimeoutError as FutureTimeout
from concurrent.futures.process import BrokenProcessPool

from ..errors import InputError, ParleyError
from ..options import Options
from ..pipeline import Pipeline
from ..records import ArticleRecords, Document
from .chunks import CHUNK_CHARS, CHUNK_DOCS, Chunk, chunked, crash_error, from_wire, in_order, run_chunk, to_wire


@functools.lru_cache(maxsize=1)
def worker_pipeline(options_key: bytes) -> Pipeline:
    """The one Pipeline of this worker process, built on first use (the pool initializer)."""
    pipeline = Pipeline(pickle.loads(options_key))
    if pipeline.options.nlp:
        pipeline.nlp  # noqa: B018 - load the model now, in parallel with the other workers
    pipeline.knowledge  # noqa: B018
    return pipeline


def process_chunk(options_key: bytes, documents: list[Document]) -> list:
    return to_wire(run_chunk(worker_pipeline(options_key), documents))


class ProcessExecutor:
    # a fresh worker loads the model before its first chunk: time the parent's limit allows for it
    startup_seconds = 300.0

    def __init__(
        self,
        options: Options,
        *,
        workers: int | None = None,
        chunk_docs: int = CHUNK_DOCS,
        chunk_chars: int = CHUNK_CHARS,
        in_flight: int | None = None,
    ) -> None:
        self.workers = max(1, workers or options.workers)
        self.chunk_docs = chunk_docs
        self.chunk_chars = chunk_chars
        # one chunk running and two waiting per worker: no worker idles while the parent stores results
        self.in_flight = in_flight or 3 * self.workers
        self.options = options
        self._key = pickle.dumps(options)
        self._pool: ProcessPoolExecutor | None = None

    def _start(self) -> ProcessPoolExecutor:
        if self._pool is None:
            self._pool = ProcessPoolExecutor(
                max_workers=self.workers,
                mp_context=multiprocessing.get_context("spawn"),
                initializer=worker_pipeline,
                initargs=(self._key,),
            )
        return self._pool

    def warm(self) -> None:
        """Start the workers and wait until each has loaded the model (benchmarks time without it)."""
        pool = self._start()
        list(pool.map(worker_pipeline, [self._key] * self.workers))

    def _submit(self, chunk: Chunk) -> Future:
        if not chunk.documents:
            done: Future = Future()
            done.set_result([])
            return done
        return self._start().submit(process_chunk, self._key, chunk.documents)

    def map(self, documents: Iterable[Document | ParleyError]) -> Iterator[ArticleRecords | ParleyError]:
        for chunk, future in in_order(chunked(documents, self.chunk_docs, self.chunk_chars), self._submit,
                                      self.in_flight):
            yield from chunk.errors
            yield from self._results(chunk, future)

    def _limit(self, documents: list[Document]) -> float | None:
        """How long the parent waits for a chunk: past the workers' own watchdog (which gives up one
        input after `article_seconds` without progress, then redoes the rest one by one), so only a
        worker stuck where a signal cannot reach it (inside native code) ever meets this limit."""
        seconds = self.options.article_seconds
        if not seconds or seconds <= 0:
            return None
        return self.startup_seconds + seconds * (2 * len(documents) + 2)

    def _results(self, chunk: Chunk, future: Future) -> Iterator[ArticleRecords | ParleyError]:
        try:
            results = future.result(timeout=self._limit(chunk.documents))
        except FutureTimeout:
            # a worker is stuck beyond its watchdog: kill the pool, redo the chunk one by one
            self._restart(kill=True)
            results = [r for doc in chunk.documents for r in self._alone(doc)]
        except (BrokenProcessPool, CancelledError):
            # a worker died (killed, out of memory, a crash in native code) and took every chunk in
            # flight with it: each is retried in a fresh pool, then document by document
            self._restart()
            results = self._retry(chunk.documents)
        except Exception as exc:  # noqa: BLE001 - e.g. a result that cannot be pickled
            results = to_wire([crash_error(doc, exc) for doc in chunk.documents])
        yield from from_wire(results)

    def _alone(self, doc: Document) -> list:
        """One document in a fresh pool, given up (E014) if it does not finish within the limit."""
        try:
            return self._start().submit(process_chunk, self._key, [doc]).result(timeout=self._limit([doc]))
        except FutureTimeout:
            self._restart(kill=True)
            return to_wire([InputError("E014", path=doc.source, seconds=f"{self.options.article_seconds:g}")])
        except (BrokenProcessPool, CancelledError) as exc:
            self._restart()
            return to_wire([crash_error(doc, exc)])

    def _retry(self, documents: list[Document]) -> list:
        try:
            return self._start().submit(process_chunk, self._key, documents).result()
        except BrokenProcessPool as exc:
            self._restart()
            if len(documents) == 1:
                return to_wire([crash_error(documents[0], exc)])
        return [r for doc in documents for r in self._retry([doc])]

    def _restart(self, kill: bool = False) -> None:
        if self._pool is not None:
            if kill:  # shutdown() would wait on a stuck worker; the pool keeps its processes here
                for process in list(getattr(self._pool, "_processes", {}).values()):
                    process.kill()
            self._pool.shutdown(wait=False, cancel_futures=True)
            self._pool = None

    def close(self) -> None:
        if self._pool is not None:
            self._pool.shutdown(wait=True, cancel_futures=True)
            self._pool = None

    def __enter__(self) -> "ProcessExecutor":
        return self

    def __exit__(self, *exc) -> None:
        self.close()
