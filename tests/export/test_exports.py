from __future__ import annotations

import json

import pytest

from parley.errors import UsageError
from parley.export import export_store
from parley.export.gdelt import COLUMNS, global_event_id, read_gdelt
from parley.export.plover import read_plover
from parley.export.tabular import RECORD_TYPES, read_csv, read_parquet, records
from parley.output import flatten
from parley.records import from_dict, to_dict


def _expected(store, name):
    return list(records(store, name))


def test_jsonl_round_trips_every_record_type(linked_store, tmp_path):
    paths = export_store(linked_store, "jsonl", tmp_path)
    assert sorted(p.name for p in paths) == ["actors.jsonl", "articles.jsonl", "events.jsonl", "quotes.jsonl"]
    for name, cls in RECORD_TYPES.items():
        lines = (tmp_path / f"{name}.jsonl").read_text(encoding="utf-8").splitlines()
        back = [from_dict(cls, json.loads(line)) for line in lines]
        assert back == _expected(linked_store, name) and back, name


def test_csv_round_trips_flattened_records(linked_store, tmp_path):
    export_store(linked_store, "csv", tmp_path)
    for name in RECORD_TYPES:
        rows = read_csv(tmp_path / f"{name}.csv")
        expected = [flatten(to_dict(r)) for r in _expected(linked_store, name)]
        assert len(rows) == len(expected) > 0, name
        for row, want in zip(rows, expected):
            for key, value in want.items():
                if key in row:
                    assert row[key] == ("" if value is None else str(value)), (name, key)
    events = read_csv(tmp_path / "events.csv")
    assert {"actor1.name", "actor2.country", "location.name", "sources"} <= set(events[0])
    assert json.loads(events[0]["sources"])[0]["outlet"]


def test_parquet_round_trips_nested_records_as_structs(linked_store, tmp_path):
    import pyarrow.parquet as pq

    export_store(linked_store, "parquet", tmp_path)
    for name, cls in RECORD_TYPES.items():
        assert read_parquet(tmp_path / f"{name}.parquet", cls) == _expected(linked_store, name), name
    schema = pq.read_schema(tmp_path / "events.parquet")
    assert str(schema.field("actor1").type).startswith("struct")
    assert str(schema.field("sources").type).startswith("list<element: struct")
    assert str(schema.field("date").type) == "date32[day]" and "date_precision" in schema.names
    articles = pq.read_schema(tmp_path / "articles.parquet")
    assert str(articles.field("published_utc").type) == "timestamp[us, tz=UTC]"
    assert str(articles.field("published_day").type) == "date32[day]"
    table = pq.read_table(tmp_path / "articles.parquet").to_pylist()
    tokyo = next(r for r in table if r["published"] == "2019-08-05T14:00:00+09:00")
    assert tokyo["published_utc"].isoformat() == "2019-08-05T05:00:00+00:00"


def test_gdelt_rows_have_61_columns_and_carry_our_fields(linked_store, tmp_path):
    (path,) = export_store(linked_store, "gdelt", tmp_path)
    lines = path.read_text(encoding="utf-8").splitlines()
    assert all(len(line.split("\t")) == 61 for line in lines) and len(COLUMNS) == 61
    rows = read_gdelt(path)
    events = [e for e in _expected(linked_store, "events") if e.date]
    assert len(rows) == len(events) == 2  # the undated event has no place in GDELT
    sanction, meeting = rows
    assert sanction["GlobalEventID"] == str(global_event_id(events[0].id))
    assert (sanction["Day"], sanction["MonthYear"], sanction["Year"]) == ("20190805", "201908", "2019")
    assert (sanction["EventCode"], sanction["EventBaseCode"], sanction["EventRootCode"]) == ("163", "163", "16")
    assert (sanction["Actor1Code"], sanction["Actor1CountryCode"], sanction["Actor2Name"]) == ("USAGOV", "USA", "NORTH KOREA")
    assert (sanction["QuadClass"], sanction["GoldsteinScale"], sanction["DATEADDED"]) == ("3", "-8", "20190805050000")
    assert meeting["EventCode"] == "040" and meeting["EventRootCode"] == "04"
    assert (meeting["NumSources"], meeting["NumArticles"], meeting["NumMentions"]) == ("2", "2", "2")
    assert (meeting["ActionGeo_FullName"], meeting["ActionGeo_Type"], meeting["ActionGeo_CountryCode"],
            meeting["ActionGeo_ADM1Code"]) == ("Washington, District of Columbia, United States", "3", "US", "USDC")
    assert abs(float(meeting["ActionGeo_Lat"]) - 38.9) < 0.1 and abs(float(meeting["ActionGeo_Long"]) + 77.0) < 0.1
    assert (sanction["Actor1Geo_Type"], sanction["Actor1Geo_CountryCode"], sanction["Actor2Geo_CountryCode"]) == ("1", "US", "KN")
    assert meeting["SOURCEURL"] == "https://Yonhap.example/x"


def test_plover_lines_use_the_manual_names_and_round_trip(linked_store, tmp_path):
    (path,) = export_store(linked_store, "plover", tmp_path)
    lines = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
    first = lines[0]
    for key in ("id", "date", "event", "mode", "context", "actor", "recipient", "event_text", "text"):
        assert key in first
    assert first["actor"] == [{"actor_text": "United States", "code": "USA", "sector": "GOV",
                               "identifier_text": "United States"}]
    assert first["event"] == ["SANCTION"] and first["cite_info"]["url"] == "https://AP.example/x"
    assert read_plover(path) == [e for e in _expected(linked_store, "events") if e.date]


def test_unknown_format_is_a_usage_error(linked_store, tmp_path):
    with pytest.raises(UsageError) as err:
        export_store(linked_store, "xml", tmp_path)
    assert err.value.code == "E030"


@pytest.fixture
def still_clock(monkeypatch):
    """The moment of storing, which GDELT's DATEADDED falls back on, held still: stores compared
    across backends are filled seconds apart."""
    from datetime import datetime

    import parley.store.db as store_db

    class Clock(datetime):
        @classmethod
        def now(cls, tz=None):
            return datetime(2024, 1, 2, 3, 4, 5, tzinfo=tz)

    monkeypatch.setattr(store_db, "datetime", Clock)


def _exports_on_each_backend(tmp_path, pg_cluster, fill) -> dict[str, dict[str, bytes]]:
    """Every export format but parquet, as bytes, of a store each backend filled and linked itself
    (no copy between them); parquet, whose bytes carry writer metadata, is compared as tables."""
    import pyarrow.parquet as pq

    from parley.export import FORMATS
    from parley.store import open_store

    exports = {}
    for name, target in (("sqlite", str(tmp_path / "s.db")), ("postgresql", pg_cluster.new_schema())):
        with open_store(target) as store:
            fill(store)
            out = tmp_path / name
            files = [p for fmt in FORMATS if fmt != "parquet" for p in export_store(store, fmt, out / fmt,
                                                                                     all_statuses=True)]
            exports[name] = {p.relative_to(out).as_posix(): p.read_bytes() for p in files}
            export_store(store, "parquet", out / "parquet")
    for table in sorted((tmp_path / "sqlite" / "parquet").iterdir()):
        assert pq.read_table(table).equals(pq.read_table(tmp_path / "postgresql" / "parquet" / table.name)), table.name
    return exports


def test_the_same_records_export_byte_for_byte_alike_on_both_backends(tmp_path, pg_cluster, corpus_filler,
                                                                      still_clock):
    exports = _exports_on_each_backend(tmp_path, pg_cluster, corpus_filler)
    assert exports["sqlite"] and all(exports["sqlite"].values())
    assert exports["postgresql"] == exports["sqlite"]


@pytest.mark.slow
def test_the_bundled_examples_ingested_on_each_backend_export_alike(tmp_path, pg_cluster, nlp, still_clock):
    """The whole pipeline (spaCy, actors, quotes, events, linking) into each backend: the same files."""
    from pathlib import Path

    from parley.api import ingest
    from parley.options import Options

    examples = Path(__file__).resolve().parents[2] / "examples"
    exports = _exports_on_each_backend(tmp_path, pg_cluster, lambda store: ingest([str(examples)], Options(), store))
    events = exports["sqlite"]["jsonl/events.jsonl"].splitlines()
    assert len(events) >= 10 and exports["sqlite"]["jsonl/quotes.jsonl"]
    assert exports["postgresql"] == exports["sqlite"]
