"""The Python API: docs/python.md's examples run as written, and the table types hold."""

from __future__ import annotations

import doctest
from pathlib import Path

import pytest

import parley
from parley.errors import UsageError
from parley.records import (Actor, Article, ArticleRecords, Event, EventActor, Location, Quote, Source)
from parley.store import open_store
from parley.tables import Table

DOCS = Path(__file__).resolve().parents[1] / "docs" / "python.md"
HARLOW = EventActor("Stephen Harlow", "per:harlow", "USA", "GOV")
LEE = EventActor("Lee Sang-ho", "per:lee", "KOR", "GOV")
USA = EventActor("United States", "country:USA", "USA", "GOV")


def _article(aid, day, body, headline):
    return Article(id=aid, source=f"{aid}.txt", url=f"https://news.example/{aid}", headline=headline,
                   outlet="Herald", published=day, body=body)


def _event(aid, key, day, type_, a1, a2, cameo, place=None):
    return Event(id=f"{aid}-{key}", date=day, date_basis="explicit", type=type_, cameo=cameo, goldstein=1.0, quad=1,
                 actor1=a1, actor2=a2, trigger="met", location=place,
                 sources=[Source(aid, "Herald", day, "A sentence.", 0, 11)])


def _actors(*refs):
    return [Actor(id=r.actor_id, name=r.name, kind="person" if r.actor_id.startswith("per") else "country",
                  country=r.country, sector=r.sector, mentions=1) for r in refs]


def make_store(path: str) -> None:
    with open_store(path) as store:
        store.add(ArticleRecords(_article("a1", "2019-09-10", "Harlow met Lee in Washington.", "Envoys meet"),
                                 _actors(HARLOW, LEE),
                                 quotes=[Quote("q1", "a1", "We will meet again", "Lee Sang-ho", "per:lee", "said",
                                               "direct", "2019-09-10", "We will meet again, Lee said.")],
                                 events=[_event("a1", "m", "2019-09-10", "CONSULT", HARLOW, LEE, "040",
                                                Location("Washington", "USA", 38.895, -77.036, "USDC", 4140963, "city"))]))
        store.add(ArticleRecords(_article("a2", "2019-10-02", "In October Harlow met Lee again.", "Second round"),
                                 _actors(HARLOW, LEE),
                                 events=[_event("a2", "m", "2019-10", "CONSULT", HARLOW, LEE, "040")]))
        store.add(ArticleRecords(_article("a3", "2019-08-05", "The Treasury imposed sanctions on two firms.",
                                          "Treasury targets shipping firms"), _actors(USA),
                                 events=[_event("a3", "s", "2019-08-05", "SANCTION", USA, None, "163")]))


@pytest.fixture
def api_store(store_target) -> str:
    """The small store in a store of each backend (tests/conftest.py)."""
    make_store(store_target)
    return store_target


@pytest.fixture
def in_store_folder(tmp_path, monkeypatch):
    """The small store as `parley.db` in the working folder, the file the documented examples open."""
    monkeypatch.chdir(tmp_path)
    make_store(str(tmp_path / "parley.db"))
    return tmp_path


def test_the_documented_examples_run(in_store_folder, nlp):
    failures, tried = doctest.testfile(str(DOCS), module_relative=False, globs={},
                                       optionflags=doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE)
    assert tried >= 10 and failures == 0


def test_open_refuses_a_missing_file_and_bad_dates(tmp_path, in_store_folder):
    from parley.errors import StoreError

    with pytest.raises(StoreError):
        parley.open(tmp_path / "nothing-here.db")
    with parley.open("parley.db") as store, pytest.raises(UsageError):
        store.events(since="last week")


def test_tables_type_every_column_without_pandas(api_store):
    with parley.open(api_store) as store:
        for table in (store.events(), store.articles(), store.quotes(), store.actors()):
            columns = table.columns()
            assert all(kind in ("string", "datetime", "float", "int") for _, kind in columns.values())
            assert all(len(values) == len(table) for values, _ in columns.values())
        events = store.events(type="SANCTION")
        assert events.columns()["cameo"] == (["163"], "string")
        assert events.columns()["actor2_name"] == ([None], "string")
        published = store.articles(search="sanctions").columns()
        assert published["published_precision"] == (["day"], "string")


def test_data_frames_say_what_to_install_when_the_library_is_missing(in_store_folder):
    table = Table(Event, [])
    for method, module in ((table.to_pandas, "pandas"), (table.to_polars, "polars")):
        try:
            __import__(module)
        except ImportError:
            with pytest.raises(ImportError, match=f"pip install {module}"):
                method()
        else:  # installed: the frame has the documented types
            frame = method()
            assert "cameo" in frame.columns
