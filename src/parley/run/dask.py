"""The Dask executor: partitions of documents processed on a Dask cluster, results via Parquet shards.

Each worker loads the pipeline once, through `ParleyPlugin` (a distributed WorkerPlugin, applied to
workers that join later too). A task runs one partition and writes one Parquet shard; the main
process reads the shards back in input order and yields the records, so the store has one writer.

Where shards go: a folder or fsspec URL both sides can reach (`shards=`, or $PARLEY_SHARDS; for
`--dask local` a temporary folder). Without one, on a remote scheduler, the shard's Parquet bytes
come back as the task result instead (nothing shared needed; the bytes pass through Dask).

`process_inputs` is the batch path for a large crawl: workers read the input files themselves
(shared filesystem or object storage) and leave the shards for `shards.read_shards` to load.
"""

from __future__ import annotations

import os
import shutil
import tempfile
import threading
import uuid
from collections.abc import Iterable, Iterator
from dataclasses import replace
from pathlib import Path

from distributed import Client, LocalCluster, WorkerPlugin, get_worker

from ..errors import ParleyError
from ..options import Options
from ..pipeline import Pipeline
from ..records import ArticleRecords, Document
from .chunks import Chunk, chunked, crash_error, in_order, run_chunk
from .shards import read_shard, remove_shard, write_shard

PLUGIN = "parley"
SHARDS_ENV = "PARLEY_SHARDS"
PARTITION_DOCS = 256  # bigger than a process-pool chunk: a task and a shard each cost a few ms
PARTITION_CHARS = 8_000_000


class ParleyPlugin(WorkerPlugin):
    """Loads the pipeline once per worker. Tasks on one worker share it under a lock: run workers
    with one thread each (the parse holds the GIL) and as many worker processes as cores."""

    name = PLUGIN

    def __init__(self, options: Options) -> None:
        self.options = options
        self.pipeline: Pipeline | None = None
        self.lock: threading.Lock | None = None

    def setup(self, worker) -> None:
        self.lock = threading.Lock()
        self.pipeline = Pipeline(self.options)
        if self.options.nlp:
            self.pipeline.nlp  # noqa: B018 - load the model now, not inside the first task
        self.pipeline.knowledge  # noqa: B018

    def teardown(self, worker) -> None:
        self.pipeline = None

    def run(self, documents: list[Document]) -> list[ArticleRecords | ParleyError]:
        with self.lock:
            return run_chunk(self.pipeline, documents)


def _plugin() -> ParleyPlugin:
    return get_worker().plugins[PLUGIN]


def process_partition(documents: list[Document], url: str | None) -> str | bytes:
    """One task: a partition of documents -> one shard (its URL, or its bytes when `url` is None)."""
    return write_shard(_plugin().run(documents), url)


def connect(address: str, workers: int = 1) -> tuple[Client, LocalCluster | None]:
    """A client for a scheduler address, or for a new local cluster ("local": one single-threaded
    worker process per core, or `workers` of them)."""
    if address == "local":
        n = workers if workers > 1 else (os.cpu_count() or 1)
        cluster = LocalCluster(n_workers=n, threads_per_worker=1, processes=True, dashboard_address=None)
        return Client(cluster), cluster
    return Client(address), None


class DaskExecutor:
    def __init__(
        self,
        options: Options,
        *,
        client: Client | None = None,
        shards: str | None = None,
        partition_docs: int = PARTITION_DOCS,
        partition_chars: int = PARTITION_CHARS,
        in_flight: int | None = None,
    ) -> None:
        self._cluster = None
        self._own_client = client is None
        if client is None:
            client, self._cluster = connect(options.dask or "local", options.workers)
        self.client = client
        self.client.register_plugin(ParleyPlugin(options), name=PLUGIN)
        self.partition_docs = partition_docs
        self.partition_chars = partition_chars
        self.in_flight = in_flight
        self._tmp = None
        self.shards = shards or options.shards or os.environ.get(SHARDS_ENV)
        if self.shards is None and self._cluster is not None:
            self._tmp = tempfile.mkdtemp(prefix="parley-shards-")
            self.shards = self._tmp
        self._run = uuid.uuid4().hex[:8]

    def _submit(self, chunk: Chunk):
        url = f"{self.shards.rstrip('/')}/{self._run}-{chunk.seq:09d}.parquet" if self.shards else None
        return self.client.submit(process_partition, chunk.documents, url, pure=False)

    def map(self, documents: Iterable[Document | ParleyError]) -> Iterator[ArticleRecords | ParleyError]:
        if self.shards and "://" not in self.shards:
            Path(self.shards).mkdir(parents=True, exist_ok=True)
        # two partitions per worker thread: one running, one already on its way
        limit = self.in_flight or 2 * max(1, sum(self.client.nthreads().values()))
        for chunk, future in in_order(chunked(documents, self.partition_docs, self.partition_chars),
                                      self._submit, limit):
            yield from chunk.errors
            if not chunk.documents:
                continue
            try:
                shard = future.result()
            except Exception as exc:  # noqa: BLE001 - a lost worker or a task error costs its partition only
                yield from (crash_error(doc, exc) for doc in chunk.documents)
                continue
            finally:
                future.release()
            yield from read_shard(shard)
            if self._tmp and isinstance(shard, str):
                remove_shard(shard)

    def close(self) -> None:
        if self._own_client:
            self.client.close()
            if self._cluster is not None:
                self._cluster.close()
        if self._tmp:
            shutil.rmtree(self._tmp, ignore_errors=True)

    def __enter__(self) -> "DaskExecutor":
        return self

    def __exit__(self, *exc) -> None:
        self.close()


# ---- the batch path: workers read their own inputs ----------------------------------------------


def read_partitions(url: str, options: Options, max_docs: int = PARTITION_DOCS) -> Iterator[list[Document | ParleyError]]:
    """The documents of one input file (local path or fsspec URL), in partitions.

    The file is copied to the worker's local disk and read with parley's own readers, so every
    format parley ingests (text, HTML, JSONL, WARC, gzip) works from object storage as it does
    locally; `source` names the URL, not the copy.
    """
    import fsspec

    from ..ingest import read_inputs

    suffix = "".join(Path(url.split("?")[0]).suffixes[-2:])
    with tempfile.TemporaryDirectory(prefix="parley-in-") as tmp:
        local = str(Path(tmp) / f"input{suffix}")
        with fsspec.open(url, "rb") as src, open(local, "wb") as dst:
            shutil.copyfileobj(src, dst, 1 << 20)
        part: list[Document | ParleyError] = []
        for item in read_inputs([local], options):
            if isinstance(item, ParleyError):
                item.path = (item.path or local).replace(local, url)
            else:
                item = replace(item, source=item.source.replace(local, url))
            part.append(item)
            if len(part) >= max_docs:
                yield part
                part = []
        if part:
            yield part


def process_input(url: str, location: str, index: int) -> list[str]:
    """One task of the batch path: one input file -> its shards under `location`."""
    plugin = _plugin()
    written = []
    for n, part in enumerate(read_partitions(url, plugin.options)):
        docs = [d for d in part if not isinstance(d, ParleyError)]
        results = plugin.run(docs) if docs else []
        errors = [e for e in part if isinstance(e, ParleyError)]
        written.append(write_shard(errors + results, f"{location.rstrip('/')}/{index:06d}-{n:05d}.parquet"))
    return written


def process_inputs(client: Client, urls: Iterable[str], location: str, options: Options) -> list[str]:
    """Run every input file on the cluster, one task per file; returns the shard URLs written,
    for `shards.read_shards(location)` (or `read_shard` each) to load into the store."""
    client.register_plugin(ParleyPlugin(options), name=PLUGIN)
    if "://" not in location:
        Path(location).mkdir(parents=True, exist_ok=True)
    futures = [client.submit(process_input, url, location, i, pure=False) for i, url in enumerate(urls)]
    return [url for batch in client.gather(futures) for url in batch]
