"""kill -9 at random points of an ingest (start-up/reading/analysing, storing, linking), chained on one
store, then a rerun: the store must equal a clean run's record for record. bench/kills.py runs the
same harness with 50+ kills; here 8, on the bundled examples, to keep the suite fast."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def harness():
    spec = importlib.util.spec_from_file_location("bench_kills", ROOT / "bench" / "kills.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up there
    spec.loader.exec_module(module)
    return module


def test_random_kills_leave_a_store_a_rerun_completes(tmp_path):
    kills = harness()
    # the first examples are ingested and linked before: a rerun must not trust that earlier link
    result, clean = kills.run_chains([str(ROOT / "examples")], 8, seed=7, work=tmp_path, log=lambda *_: None,
                                     prelude=kills.examples_prelude())
    assert clean.articles >= 10
    assert result.differs == []
    # some kills must hit a running ingest for the test to mean much (kill times are calibrated on a clean
    # run, so on a loaded machine a few land after the exit: counted as missed, not as failures)
    assert sum(result.landed.values()) >= 2


def test_dump_sees_a_changed_record(tmp_path):
    """The comparison itself can fail: a store with one event changed differs from its copy."""
    import shutil
    import sqlite3

    from parley.records import Article, ArticleRecords
    from parley.store import open_store

    db = tmp_path / "a.db"
    with open_store(db) as store:
        store.add(ArticleRecords(Article("a1", "x.txt", body="Ministers met.")))
    shutil.copy(db, tmp_path / "b.db")
    kills = harness()
    assert kills.differences(kills.dump(str(db)), kills.dump(str(tmp_path / "b.db"))) == []
    con = sqlite3.connect(tmp_path / "b.db")
    con.execute("UPDATE articles SET headline='changed'")
    con.commit()
    con.close()
    assert kills.differences(kills.dump(str(db)), kills.dump(str(tmp_path / "b.db")))
