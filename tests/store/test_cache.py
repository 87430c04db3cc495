"""Views cached per state of the store file: computed once per state, shared by connections, and an
expensive view may lag a busy writer a little (store/cache.py)."""

from __future__ import annotations

import sqlite3
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from test_db import make_records  # noqa: E402

from parley.store import open_store  # noqa: E402
from parley.store.cache import REFRESH_FACTOR, SLOW_VIEW_SECONDS, ViewCache, _Entry  # noqa: E402
from parley.store.migrations import STEPS  # noqa: E402


class Counter:
    def __init__(self) -> None:
        self.calls = 0

    def __call__(self):
        self.calls += 1
        return self.calls


def test_a_view_is_computed_once_per_state_and_shared_by_connections(store_target):
    path = store_target
    compute = Counter()
    with open_store(path) as one, open_store(path) as two:
        assert one.view(("v",), compute) == 1
        assert two.view(("v",), compute) == 1  # another connection (a server thread): the same value
        assert one.view(("other",), compute) == 2  # each key is its own view
        two.add(make_records())  # any committed write moves the counter on
        assert one.view(("v",), compute) == 3


def test_every_kind_of_write_moves_the_counter_not_only_articles(store_target):
    with open_store(store_target) as store:
        before = store.writes()
        store.set_actors([], {})  # the linking replaces actors without a new article
        store.set_meta("k", "v")
        assert store.writes() == before + 2
        assert store.generation() == 0  # the linking's own counter is left to article writes


def test_a_store_rebuilt_at_the_same_path_starts_a_new_cache(tmp_path):
    path = tmp_path / "s.db"
    compute = Counter()
    with open_store(path) as store:
        store.view(("v",), compute)
    for suffix in ("", "-wal", "-shm"):
        Path(str(path) + suffix).unlink(missing_ok=True)
    with open_store(path) as store:  # same path, same write count: still a different file
        assert store.view(("v",), compute) == 2


def test_memory_stores_do_not_share_views():
    compute = Counter()
    with open_store(":memory:") as one, open_store(":memory:") as two:
        assert one.view(("v",), compute) == 1
        assert two.view(("v",), compute) == 2


def test_a_cheap_view_is_always_current():
    cache = ViewCache()
    cache.entries["v"] = _Entry(1, "old", made=time.monotonic(), cost=SLOW_VIEW_SECONDS / 10)
    assert cache.get("v", 2, lambda: "new") == "new"


def test_an_expensive_view_lags_a_busy_writer_for_a_few_compute_times_only():
    cache = ViewCache()
    cost = SLOW_VIEW_SECONDS * 10
    cache.entries["v"] = _Entry(1, "old", made=time.monotonic(), cost=cost)
    assert cache.get("v", 2, lambda: "new") == "old"  # just computed: the writer has moved on since
    cache.entries["v"] = _Entry(1, "old", made=time.monotonic() - REFRESH_FACTOR * cost - 1, cost=cost)
    assert cache.get("v", 2, lambda: "new") == "new"


def test_while_one_thread_recomputes_an_expensive_view_the_others_get_the_last_value():
    cache = ViewCache()
    cost = SLOW_VIEW_SECONDS * 10
    cache.entries["v"] = _Entry(1, "old", made=time.monotonic() - REFRESH_FACTOR * cost - 1, cost=cost)
    seen = []
    # the recompute asks for the view again, as a concurrent request would
    assert cache.get("v", 2, lambda: seen.append(cache.get("v", 2, lambda: "other")) or "new") == "new"
    assert seen == ["old"]


def test_the_cache_keeps_a_bounded_number_of_views(monkeypatch):
    import parley.store.cache as cache_module

    monkeypatch.setattr(cache_module, "MAX_VIEWS", 3)
    cache = ViewCache()
    for n in range(5):
        cache.get(n, 1, lambda n=n: n)
    assert list(cache.entries) == [2, 3, 4]


def test_schema_6_indexes_the_pairs_so_the_network_reads_no_row(tmp_path):
    with open_store(tmp_path / "s.db") as store:
        store.add(make_records())
        for table in ("events", "merged_events"):
            plan = store.db.execute(
                f"EXPLAIN QUERY PLAN SELECT actor1_id, actor2_id, count(*), sum(type IN ('AID')) FROM {table}"
                " WHERE actor1_id IS NOT NULL AND actor2_id IS NOT NULL AND actor1_id != actor2_id"
                " AND status IN ('reported') AND date_lo <= '2020' GROUP BY actor1_id, actor2_id").fetchall()
            assert any("COVERING INDEX" in row[-1] for row in plan), plan
        assert store.event_pairs(statuses=["reported"], counted_types=["CONSULT"]) == [
            ("per:stephen-harlow", "per:song-ha-jin", 1, 1)]
        assert store.top_pair() == ("per:stephen-harlow", "per:song-ha-jin")


def test_a_schema_5_store_gains_the_write_counter(tmp_path):
    path = str(tmp_path / "old.db")
    db = sqlite3.connect(path, isolation_level=None)
    for version in range(1, 6):
        STEPS[version](db)
    db.execute("INSERT OR REPLACE INTO meta VALUES ('schema_version', '5')")
    db.close()
    with open_store(path) as store:
        assert store.writes() == 0 and store.meta("instance")
        store.add(make_records())
        assert store.writes() == 1


def test_a_reader_reloads_the_actors_when_the_linking_replaced_them_not_on_each_article(store_target):
    from parley.records import Actor

    path = store_target
    with open_store(path) as reader, open_store(path) as writer:
        writer.add(make_records())
        reader.refresh()
        assert reader.canonical_id("per:song-ha-jin") == "per:song-ha-jin"
        loaded = reader._canonical()
        writer.add(make_records("a2"))  # an ingest writes an article: the actors stay as they were
        reader.refresh()
        assert reader._canonical() is loaded
        writer.set_actors([Actor("song", "Song Ha-jin", [], "person", "KOR", "LEG", [], 2)],
                          {"per:song-ha-jin": "song"})
        reader.refresh()
        assert reader.canonical_id("per:song-ha-jin") == "song"


def test_a_cheap_view_lags_a_streaming_writer_by_a_second_at_most():
    from parley.store.cache import STREAM_LAG_SECONDS, STREAM_WRITES

    cache = ViewCache()
    for version in range(STREAM_WRITES):  # commits seen in quick succession: an ingest
        cache.get("other", version, lambda: None)
    cheap = SLOW_VIEW_SECONDS / 10
    cache.entries["v"] = _Entry(0, "old", made=time.monotonic(), cost=cheap)
    assert cache.get("v", STREAM_WRITES, lambda: "new") == "old"
    cache.entries["v"] = _Entry(0, "old", made=time.monotonic() - STREAM_LAG_SECONDS - 1, cost=cheap)
    assert cache.get("v", STREAM_WRITES + 1, lambda: "new") == "new"


def test_a_value_computed_at_an_older_state_does_not_replace_a_newer_one():
    cache = ViewCache()

    def slow_old():  # while it runs, another thread stores the view at a later state
        cache.entries["v"] = _Entry(5, "newer", made=time.monotonic(), cost=0.0)
        return "older"

    assert cache.get("v", 4, slow_old) == "older"
    assert cache.get("v", 5, lambda: "again") == "newer"
