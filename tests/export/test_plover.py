"""PLOVER records checked against a JSON Schema written from the PLOVER manual."""

from __future__ import annotations

import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from schema_check import errors  # noqa: E402
from synthetic import fill  # noqa: E402

from parley.export import export_store  # noqa: E402
from parley.export.plover import date_range, modes, read_plover, schema, vocabulary  # noqa: E402
from parley.records import Event  # noqa: E402
from parley.store import open_store  # noqa: E402


def test_every_record_is_valid_against_the_schema(tmp_path, store_target):
    with open_store(store_target) as store:
        events = fill(store, 300)
        (path,) = export_store(store, "plover", tmp_path)
        stored = [e for e in store.events() if e.date]
    records = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
    assert len(records) == len([e for e in events if e.date]) > 200
    problems = [(r["id"], p) for r in records for p in errors(r, schema())]
    assert problems == []
    assert read_plover(path) == stored
    by_status = {}
    for r in records:
        by_status.setdefault(r["parley"]["status"], []).append(r)
    assert all("future" in r["mode"] for r in by_status["planned"])
    assert all("negation" in r["mode"] for r in by_status["negated"])
    assert all(not set(r["mode"]) & set(vocabulary()["auxiliary_modes"]) for r in by_status["reported"])
    assert any("event_loc" in r and "latitude" in r["event_loc"] for r in records)


def test_the_schema_rejects_what_the_manual_does_not_allow():
    good = {"id": "x", "date": "2019-09-10", "actor": [{"code": "USA"}], "event": ["CONSULT"]}
    assert errors(good, schema()) == []
    assert errors(good | {"context": ["nuclear"]}, schema())
    assert errors(good | {"mode": ["praise"]}, schema())
    assert errors(good | {"date": "2019-09"}, schema())
    assert errors(good | {"source": [{"actorText": "x"}]}, schema())
    assert errors({k: v for k, v in good.items() if k != "event"}, schema())


def test_modes_come_from_the_categorys_table_plus_an_auxiliary_mode():
    def event(type_, mode, status="reported"):
        return Event(id="e", date="2019", date_basis="explicit", type=type_, mode=mode, status=status)

    assert modes(event("CONSULT", "visit")) == ["visit"]
    assert modes(event("CONSULT", "meet")) == []
    assert modes(event("SUPPORT", "praise", "planned")) == ["future"]
    assert modes(event("AGREE", "yield", "hypothetical")) == ["hypothetical"]


def test_partial_dates_become_a_range():
    assert date_range("2019-09") == ("2019-09-01", "2019-09-30")
    assert date_range("2020-02") == ("2020-02-01", "2020-02-29")
    assert date_range("2019") == ("2019-01-01", "2019-12-31")
    assert date_range("2019-09-10") == ("2019-09-10", None)


def test_a_province_is_an_adm1_location():
    from parley.export.plover import location_object
    from parley.geo import geocode
    from parley.geo.locate import with_place
    from parley.records import Location

    loc = with_place(Location("Tuscany"), geocode("Tuscany", ["ITA"]))
    obj = location_object(loc)
    assert (obj["feature class"], obj["feature code"], obj["cc3"]) == ("A", "ADM1", "ITA")
    assert obj["admin1 code"] == "16" and "latitude" in obj
