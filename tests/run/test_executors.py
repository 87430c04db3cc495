"""Every executor yields exactly what the in-process run yields, in the same order."""

from __future__ import annotations

import pytest

from parley.errors import InputError
from parley.pipeline import Pipeline
from parley.records import ArticleRecords, to_dict
from parley.run.chunks import error_to_dict
from parley.run.local import LocalExecutor
from parley.run.processes import ProcessExecutor

pytestmark = pytest.mark.slow


def dicts(results) -> list[dict]:
    return [to_dict(r) if isinstance(r, ArticleRecords) else error_to_dict(r) for r in results]


def same(results, reference: list[dict]) -> bool:
    """The same records in the same order, and the same errors (the pipeline reports an error as
    soon as it sees it, so its place among the records depends on where the chunks were cut)."""
    got = dicts(results)

    def key(e: dict) -> str:
        return repr(sorted(e.items()))

    return ([r for r in got if "article" in r] == [r for r in reference if "article" in r]
            and sorted(map(key, (r for r in got if "article" not in r)))
            == sorted(map(key, (r for r in reference if "article" not in r))))


@pytest.fixture(scope="module")
def inputs(documents):
    # an input error in the stream passes through, at its place
    return documents[:3] + [InputError("E002", path="empty.txt")] + documents[3:]


@pytest.fixture(scope="module")
def reference(options, inputs) -> list[dict]:
    results = dicts(LocalExecutor(options).map(inputs))
    assert sum("article" not in r for r in results) <= 2  # the input error, and maybe the empty text
    assert any(r.get("actors") for r in results), "the sample should yield some records"
    return results


def test_chunked_in_process_run_equals_one_pipeline_stream(options, inputs, reference):
    docs = [d for d in inputs if not isinstance(d, InputError)]
    assert same(Pipeline(options).process(docs), [r for r in reference if r.get("path") != "empty.txt"])
    assert same(LocalExecutor(options, chunk_docs=2).map(inputs), reference)


def test_process_pool_equals_in_process(options, inputs, reference):
    with ProcessExecutor(options.with_(workers=2), chunk_docs=2, in_flight=3) as pool:
        assert same(pool.map(inputs), reference)
        assert same(pool.map(inputs), reference)  # the pool serves several runs


def test_dask_local_cluster_equals_in_process(options, inputs, reference, tmp_path):
    distributed = pytest.importorskip("distributed")
    from parley.run.dask import DaskExecutor

    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                                  dashboard_address=None) as cluster, distributed.Client(cluster) as client:
        shards = tmp_path / "shards"
        with DaskExecutor(options, client=client, shards=str(shards), partition_docs=3) as dask:
            assert same(dask.map(inputs), reference)
        assert len(list(shards.glob("*.parquet"))) == 4  # kept: the folder was the caller's
        assert sum(client.run(lambda dask_worker: dask_worker.plugins["parley"].pipeline is not None).values()) == 2
        with DaskExecutor(options, client=client, partition_docs=5) as dask:  # shards as bytes
            assert same(dask.map(inputs), reference)

        # the batch path: workers read the input files themselves, the loader reads the shards
        from parley.ingest import read_inputs
        from parley.run.dask import process_inputs
        from parley.run.shards import read_shards

        files = []
        for n, d in enumerate(d for d in inputs if not isinstance(d, InputError)):
            files.append(tmp_path / "in" / f"{n:02d}.txt")
            files[-1].parent.mkdir(exist_ok=True)
            files[-1].write_text(d.content, encoding="utf-8")
        urls = [str(f) for f in files]
        written = process_inputs(client, urls, str(tmp_path / "batch"), options)
        assert len(written) == len(urls)
        expected = dicts(LocalExecutor(options).map(read_inputs(urls, options)))
        assert same(read_shards(str(tmp_path / "batch")), expected)
