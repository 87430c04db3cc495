"""The GDELT 2.0 export read back as a GDELT user would: the codebook's column names and types."""

from __future__ import annotations

import csv
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))

from synthetic import fill  # noqa: E402

from parley.export import export_store  # noqa: E402
from parley.export.cameo import actor_code, invalid_parts  # noqa: E402
from parley.export.gdelt import COLUMNS, FLOAT_COLUMNS, INTEGER_COLUMNS, date_fields, global_event_id, read_gdelt  # noqa: E402
from parley.records import EventActor  # noqa: E402
from parley.store import open_store  # noqa: E402

# The GDELT 2.0 Event codebook's column order (written out here, not imported, so the test can fail)
PUBLISHED = (
    "GlobalEventID Day MonthYear Year FractionDate Actor1Code Actor1Name Actor1CountryCode Actor1KnownGroupCode "
    "Actor1EthnicCode Actor1Religion1Code Actor1Religion2Code Actor1Type1Code Actor1Type2Code Actor1Type3Code "
    "Actor2Code Actor2Name Actor2CountryCode Actor2KnownGroupCode Actor2EthnicCode Actor2Religion1Code "
    "Actor2Religion2Code Actor2Type1Code Actor2Type2Code Actor2Type3Code IsRootEvent EventCode EventBaseCode "
    "EventRootCode QuadClass GoldsteinScale NumMentions NumSources NumArticles AvgTone Actor1Geo_Type "
    "Actor1Geo_FullName Actor1Geo_CountryCode Actor1Geo_ADM1Code Actor1Geo_ADM2Code Actor1Geo_Lat Actor1Geo_Long "
    "Actor1Geo_FeatureID Actor2Geo_Type Actor2Geo_FullName Actor2Geo_CountryCode Actor2Geo_ADM1Code "
    "Actor2Geo_ADM2Code Actor2Geo_Lat Actor2Geo_Long Actor2Geo_FeatureID ActionGeo_Type ActionGeo_FullName "
    "ActionGeo_CountryCode ActionGeo_ADM1Code ActionGeo_ADM2Code ActionGeo_Lat ActionGeo_Long ActionGeo_FeatureID "
    "DATEADDED SOURCEURL"
).split()


@pytest.fixture(scope="module")
def thousand(tmp_path_factory, new_store_target):
    folder = tmp_path_factory.mktemp("gdelt")
    with open_store(new_store_target()) as store:
        events = fill(store, 1300)
        paths = export_store(store, "gdelt", folder / "all", all_statuses=True)
        default = export_store(store, "gdelt", folder / "reported")
    return events, paths, default


def _typed(row: dict) -> dict:
    """The codebook's types: integers and floats where it says so, every code a string."""
    out = {}
    for key, value in row.items():
        if value and key in INTEGER_COLUMNS:
            out[key] = int(value)
        elif value and key in FLOAT_COLUMNS:
            out[key] = float(value)
        else:
            out[key] = value
    return out


def test_columns_are_the_codebooks(thousand):
    assert COLUMNS == PUBLISHED and len(PUBLISHED) == 61


def test_thousand_rows_read_back_with_the_published_names_and_no_invalid_code(thousand):
    events, (path, side), _ = thousand
    with path.open(encoding="utf-8", newline="") as f:
        rows = [_typed(r) for r in csv.DictReader(f, fieldnames=PUBLISHED, delimiter="\t", quoting=csv.QUOTE_NONE)]
    dated = [e for e in events if e.date]
    assert len(rows) == len(dated) >= 1000
    bad = [(r["GlobalEventID"], c, r[c]) for r in rows for c in ("Actor1Code", "Actor2Code") if invalid_parts(r[c])]
    assert bad == []
    for r in rows:
        for side_ in ("Actor1", "Actor2"):
            # a named actor always has a code, and the code's parts are in their own columns
            if r[f"{side_}Name"] and r[f"{side_}Name"] != "SOMEONE":
                assert r[f"{side_}Code"], r
            code = r[f"{side_}Code"]
            assert not code or code.startswith(r[f"{side_}CountryCode"] or r[f"{side_}Type1Code"]), r
        assert r["EventCode"].isdigit() and r["EventCode"].startswith(r["EventRootCode"])
        assert isinstance(r["GlobalEventID"], int) and r["QuadClass"] in (1, 2, 3, 4)
        assert r["SOURCEURL"] == "" or r["SOURCEURL"].startswith("https://")
        assert r["ActionGeo_Type"] in ("", 1, 2, 3, 4)
        if r["ActionGeo_Type"]:
            assert isinstance(r["ActionGeo_Lat"], float) and len(r["ActionGeo_CountryCode"]) == 2
        assert r["Day"] == "" or r["FractionDate"] == pytest.approx(
            int(r["Day"][:4]) + (int(r["Day"][4:6]) * 30 + int(r["Day"][6:])) / 365, abs=1e-4)
    statuses = dict(line.split("\t")[:2] for line in side.read_text(encoding="utf-8").splitlines()[1:])
    assert set(statuses.values()) == {"reported", "planned", "negated", "hypothetical", "historical"}
    assert set(statuses) == {str(r["GlobalEventID"]) for r in rows}


def test_only_reported_events_by_default(thousand):
    events, _, (default,) = thousand
    ids = {r["GlobalEventID"] for r in read_gdelt(default)}
    assert ids == {str(global_event_id(e.id)) for e in events if e.date and e.status == "reported"}


def test_partial_dates_leave_the_unknown_parts_empty():
    assert date_fields("2019-09-10") == (["20190910", "201909", "2019", f"{2019 + (9 * 30 + 10) / 365:.4f}"], "day")
    assert date_fields("2019-09") == (["", "201909", "2019", ""], "month")
    assert date_fields("2019") == (["", "", "2019", ""], "year")
    assert date_fields(None) is None


@pytest.mark.parametrize("ref, code", [
    (EventActor("United Nations", None, "IGO", None), "IGOUNO"),
    (EventActor("NATO", None, "IGO", "MIL"), "IGONATMIL"),
    (EventActor("ECOWAS", None, "IGO", "GOV"), "IGOWAS"),
    (EventActor("African Union", None, "IGO", None), "IGOOAU"),
    (EventActor("Treasury", None, "USA", "GOV"), "USAGOV"),
    (EventActor("Kosovo", None, "XKX", None), "KSV"),
    (EventActor("A body", None, "IGO", "IGO"), "IGO"),
])
def test_actor_codes(ref, code):
    assert actor_code(ref).code == code
    assert invalid_parts(code) == []


def test_invalid_codes_are_caught():
    assert invalid_parts("IGOIGO") == ["IGO"]
    assert invalid_parts("USAXYZ") == ["XYZ"]
    assert invalid_parts("GOVUSA") == ["USA"]


def test_the_command_writes_the_side_file_only_with_all_statuses(tmp_path, store_target):
    from typer.testing import CliRunner

    from parley.cli import app

    db = store_target
    with open_store(db) as store:
        fill(store, 40)
    runner = CliRunner()
    plain = runner.invoke(app, ["export", "-f", "gdelt", "-o", str(tmp_path / "a"), "--db", db])
    every = runner.invoke(app, ["export", "-f", "gdelt", "-o", str(tmp_path / "b"), "--db", db, "--all-statuses"])
    assert plain.exit_code == every.exit_code == 0
    assert plain.stdout.split() == [str(tmp_path / "a" / "events.gdelt.tsv")]
    assert every.stdout.split()[1] == str(tmp_path / "b" / "events.gdelt.status.tsv")
    assert len(read_gdelt(tmp_path / "b" / "events.gdelt.tsv")) > len(read_gdelt(tmp_path / "a" / "events.gdelt.tsv"))


@pytest.mark.parametrize("ref, code", [
    (EventActor("Ministry of Water Resources", "org:ministry-of-water-resources"), "GOV"),
    (EventActor("Central Hospital of the North", "org:central-hospital"), "HLH"),
    (EventActor("Springfield Teachers College", "org:stc"), "EDU"),
    (EventActor("Lyon", "org:lyon"), "FRA"),            # a city named as an actor: its country
])
def test_organisations_the_actor_layer_knows_nothing_of_are_coded_by_their_name(ref, code):
    assert actor_code(ref).code == code
    assert invalid_parts(code) == []


def test_people_are_not_coded_by_words_of_their_name():
    assert actor_code(EventActor("Paris Hilton", "per:paris-hilton")) is None
    assert actor_code(EventActor("Lyon", "per:lyon")) is None
    assert actor_code(EventActor("Quiet Name Group", "org:quiet")) is None
