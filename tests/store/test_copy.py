"""`parley copy` moves a store between backends without loss: SQLite -> PostgreSQL -> SQLite gives
the same exports, byte for byte, as the original; the PostgreSQL copy answers as the original does."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

sys.path.insert(0, str(Path(__file__).resolve().parent))

from test_db import make_records  # noqa: E402

from parley.cli import app  # noqa: E402
from parley.export import FORMATS, export_store  # noqa: E402
from parley.options import Options  # noqa: E402
from parley.store import open_store  # noqa: E402
from parley.stories import link_corpus  # noqa: E402

BODIES = ["Biegun met Song in Washington on Tuesday.", "Biegun met Song in Washington on Tuesday.",
          "Song urged talks with Pyongyang — “we hope for progress”, he said.", "Biegun left Seoul."]


def _source(path: str) -> None:
    with open_store(path) as store:
        for n, body in enumerate(BODIES):
            store.add(make_records(f"a{n}", ["2020-11-18", "2020-11-18T09:30:00+09:00", "2020-11", None][n], body))
        link_corpus(store, Options())


def _exports(path: str, out: Path) -> dict[str, bytes]:
    with open_store(path, create=False) as store:
        files = [p for fmt in FORMATS if fmt != "parquet" for p in export_store(store, fmt, out / fmt, all_statuses=True)]
    return {p.relative_to(out).as_posix(): p.read_bytes() for p in files}


def test_sqlite_to_postgresql_to_sqlite_gives_identical_exports(tmp_path, pg_cluster):
    original, back = str(tmp_path / "original.db"), str(tmp_path / "back.db")
    _source(original)
    middle = pg_cluster.new_schema()
    runner = CliRunner()
    for src, dst in ((original, middle), (middle, back)):
        result = runner.invoke(app, ["copy", src, dst])
        assert result.exit_code == 0, result.output
    before = _exports(original, tmp_path / "before")
    assert before and all(before.values())
    assert _exports(back, tmp_path / "after") == before
    assert _exports(middle, tmp_path / "middle") == before
    with open_store(original) as a, open_store(middle) as b:
        for name in ("articles", "actors", "quotes", "events", "merged_events", "mentions", "article_actors"):
            assert a.count(name) == b.count(name), name
        assert a.generation() == b.generation() and a.linked("events") == b.linked("events")
        assert list(a.actors()) == list(b.actors())
        assert [e.id for e in a.events(actor="Biegun")] == [e.id for e in b.events(actor="Biegun")]


def test_copy_refuses_a_store_that_holds_articles(tmp_path, store_target):
    one, two = str(tmp_path / "one.db"), store_target  # into a store of each backend
    _source(one)
    _source(two)
    result = CliRunner().invoke(app, ["copy", one, two])
    assert result.exit_code == 2 and "E022" in result.output


@pytest.mark.parametrize("fmt", ["parquet"])
def test_parquet_export_survives_the_round_trip_too(tmp_path, fmt):
    pytest.importorskip("pyarrow")
    original, back = str(tmp_path / "original.db"), str(tmp_path / "back.db")
    _source(original)
    with open_store(original) as src, open_store(back) as dst:
        from parley.store.copy import copy_store

        copy_store(src, dst)
    import pyarrow.parquet as pq

    for name, path in (("a", original), ("b", back)):
        with open_store(path) as store:
            export_store(store, fmt, tmp_path / name)
    for p in sorted((tmp_path / "a").iterdir()):
        assert pq.read_table(p).equals(pq.read_table(tmp_path / "b" / p.name)), p.name
