"""The store as data tools see it: foreign keys, linked full-text search, flat views, user_version."""

from __future__ import annotations

import asyncio
import sqlite3
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))

from test_db import make_records  # noqa: E402

from parley.records import Location  # noqa: E402
from parley.store import open_store  # noqa: E402
from parley.store.migrations import SCHEMA_VERSION, STEPS  # noqa: E402


def _v3_store(path: str) -> None:
    """A store as schema version 3 wrote it, with one article and its quote indexed the old way."""
    db = sqlite3.connect(path, isolation_level=None)
    for version in (1, 2, 3):
        STEPS[version](db)
    db.execute("INSERT INTO meta VALUES ('schema_version', '3')")
    db.execute("INSERT INTO articles (id, source, headline, day, ingested_at, data) VALUES"
               " ('old', 'old.txt', 'Old news', '2019-01-02', '2019-01-02T00:00:00+00:00',"
               " '{\"id\":\"old\",\"source\":\"old.txt\",\"body\":\"The envoy discussed a ceasefire.\"}')")
    db.execute("INSERT INTO articles_fts (article_id, headline, body) VALUES ('old', 'Old news', 'The envoy discussed a ceasefire.')")
    db.execute("INSERT INTO quotes (id, article_id, speaker, kind, data) VALUES ('q-old', 'old', 'Envoy', 'direct',"
               " '{\"id\":\"q-old\",\"article_id\":\"old\",\"text\":\"A truce now\",\"speaker\":\"Envoy\"}')")
    db.execute("INSERT INTO quotes (id, article_id, speaker, kind, data) VALUES ('q-orphan', 'gone', 'X', 'direct', '{}')")
    db.close()


def test_a_version_3_store_is_brought_to_version_4(db_path):
    _v3_store(db_path)
    with open_store(db_path) as store:
        assert store.db.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION >= 4
        assert [a.id for a in store.articles(search="ceasefire")] == ["old"]
        assert [q.id for q in store.quotes(search="truce")] == ["q-old"]  # the orphan quote was dropped
        store.add(make_records())
        assert [a.id for a in store.articles(search="Washington")] == ["a1"]
        for table in ("quotes", "events", "mentions", "article_actors"):
            refs = store.db.execute(f"PRAGMA foreign_key_list({table})").fetchall()
            assert [(r[2], r[3], r[4]) for r in refs] == [("articles", "article_id", "id")], table
        assert store.db.execute("PRAGMA foreign_key_check").fetchall() == []


def test_full_text_follows_inserts_updates_and_deletes(db_path):
    with open_store(db_path) as store:
        store.add(make_records("a1", body="Talks on grain exports resumed."))
        store.add(make_records("a2", body="Talks on gas prices stalled."))
        db = store.db
        assert [r[0] for r in db.execute("SELECT article_id FROM articles_fts WHERE articles_fts MATCH 'grain'")] == ["a1"]
        db.execute("UPDATE articles SET data = json_set(data, '$.body', 'Nothing about food.') WHERE id = 'a1'")
        assert db.execute("SELECT count(*) FROM articles_fts WHERE articles_fts MATCH 'grain'").fetchone()[0] == 0
        db.execute("DELETE FROM articles WHERE id = 'a2'")  # cascades to its quotes, events, mentions
        assert db.execute("SELECT count(*) FROM articles_fts WHERE articles_fts MATCH 'gas'").fetchone()[0] == 0
        assert db.execute("SELECT count(*) FROM quotes WHERE article_id = 'a2'").fetchone()[0] == 0
        assert db.execute("SELECT count(*) FROM quotes_fts WHERE quotes_fts MATCH 'progress'").fetchone()[0] == 1
        db.execute("INSERT INTO articles_fts (articles_fts) VALUES ('integrity-check')")


def test_flat_views_have_one_column_per_field(db_path):
    records = make_records()
    event = records.events[0]
    located = type(event)(**{**event.__dict__, "location": Location("Washington", "USA", 38.9, -77.0, "USDC", 4140963, "city")})
    with open_store(db_path) as store:
        store.add(type(records)(records.article, records.actors, records.mentions, records.quotes, [located]))
        store.db.row_factory = sqlite3.Row
        [row] = store.db.execute("SELECT * FROM events_flat").fetchall()
        flat = dict(row)
        assert flat["cameo"] == "040" and flat["goldstein"] == 1.0 and flat["quad"] == 1
        assert (flat["actor1_name"], flat["actor1_country"], flat["actor1_sector"]) == ("Stephen Harlow", "USA", "GOV")
        assert (flat["actor2_name"], flat["actor2_country"]) == ("Song Ha-jin", "KOR")
        assert (flat["date"], flat["date_precision"], flat["status"]) == ("2020-11-18", "day", "reported")
        assert (flat["place"], flat["latitude"], flat["longitude"], flat["place_adm1"]) == ("Washington", 38.9, -77.0, "USDC")
        assert flat["first_article_id"] == "a1" and "first_source_url" in flat
        [quote] = [dict(r) for r in store.db.execute("SELECT * FROM quotes_flat")]
        assert (quote["speaker"], quote["text"], quote["outlet"]) == ("Song Ha-jin", "We hope for progress", "Herald")


def test_sqlite_utils_lists_the_tables_and_finds_the_search_index(db_path):
    sqlite_utils = pytest.importorskip("sqlite_utils")
    with open_store(db_path) as store:
        store.add(make_records())
    db = sqlite_utils.Database(db_path)
    assert {"articles", "quotes", "events", "actors", "articles_fts", "quotes_fts"} <= set(db.table_names())
    assert {"events_flat", "quotes_flat"} <= set(db.view_names())
    assert db["articles"].detect_fts() == "articles_fts" and db["quotes"].detect_fts() == "quotes_fts"
    assert [r["id"] for r in db["articles"].search("Washington")] == ["a1"]


def test_datasette_serves_the_store_and_search_works(db_path):
    datasette_app = pytest.importorskip("datasette.app")
    with open_store(db_path) as store:
        store.add(make_records("a1", body="Talks on grain exports resumed."))
        store.add(make_records("a2", body="Talks on gas prices stalled."))

    async def fetch():
        ds = datasette_app.Datasette([db_path])
        name = Path(db_path).stem
        found = await ds.client.get(f"/{name}/articles.json?_search=grain&_shape=array")
        quotes = await ds.client.get(f"/{name}/quotes.json?_search=progress&_shape=array")
        flat = await ds.client.get(f"/{name}/events_flat.json?_shape=array")
        return found, quotes, flat

    found, quotes, flat = asyncio.run(fetch())
    assert found.status_code == 200, found.text
    assert [r["id"] for r in found.json()] == ["a1"]
    assert quotes.status_code == 200 and len(quotes.json()) == 2
    assert flat.status_code == 200 and {r["cameo"] for r in flat.json()} == {"040"}


def test_reprocessing_an_article_keeps_its_quotes_search_in_step(db_path):
    from dataclasses import replace

    records = make_records("a1")
    with open_store(db_path) as store:
        store.add(records)
        new_quote = replace(records.quotes[0], text="A lasting settlement")
        assert store.replace_records(type(records)(records.article, records.actors, records.mentions, [new_quote],
                                                  records.events))
        assert [q.id for q in store.quotes(search="settlement")] == ["q-a1"]
        assert list(store.quotes(search="progress")) == []
        store.db.execute("INSERT INTO quotes_fts (quotes_fts) VALUES ('integrity-check')")
        store.db.execute("INSERT INTO articles_fts (articles_fts) VALUES ('integrity-check')")
