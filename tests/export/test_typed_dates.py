"""Parquet dates are typed and partial dates keep their precision; codes stay strings."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from synthetic import fill  # noqa: E402

from parley.export import export_store  # noqa: E402
from parley.export.tabular import read_parquet  # noqa: E402
from parley.records import Event  # noqa: E402
from parley.store import open_store  # noqa: E402


def test_partial_dates_round_trip_through_typed_parquet(tmp_path, store_target):
    import pyarrow.parquet as pq

    with open_store(store_target) as store:
        fill(store, 60)
        export_store(store, "parquet", tmp_path)
        events = list(store.events())
    table = pq.read_table(tmp_path / "events.parquet")
    assert str(table.schema.field("date").type) == "date32[day]"
    rows = table.to_pylist()
    by_id = {r["id"]: r for r in rows}
    for event in events:
        row = by_id[event.id]
        expected = {None: None, 4: "year", 7: "month", 10: "day"}[len(event.date) if event.date else None]
        assert row["date_precision"] == expected
        if event.date:
            assert row["date"].isoformat().startswith(event.date)
    assert {r["date_precision"] for r in rows} == {"day", "month", "year", None}
    assert read_parquet(tmp_path / "events.parquet", Event) == events
    assert all(isinstance(r["cameo"], str) for r in rows)
