"""The PostgreSQL backend: one versioned list of schema steps, SQLite's SQL forms turned into
PostgreSQL's, concurrent writers that store an article once, foreign keys that hold."""

from __future__ import annotations

import sys
import threading
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))

from test_db import make_records  # noqa: E402

from parley.errors import StoreError  # noqa: E402
from parley.store import is_postgres, open_store  # noqa: E402
from parley.store.migrations import SCHEMA_VERSION, STEPS  # noqa: E402
from parley.store.pg_migrations import PG_STEPS  # noqa: E402
from parley.store.postgres import translate  # noqa: E402


def test_every_schema_version_has_a_step_for_each_backend():
    assert set(STEPS) == set(PG_STEPS) == set(range(1, SCHEMA_VERSION + 1))


def test_sqlite_forms_become_postgresql_ones():
    assert translate("INSERT OR REPLACE INTO link_journal (step, generation) VALUES (?,?)") == (
        "INSERT INTO link_journal (step, generation) VALUES (%s,%s) ON CONFLICT (step)"
        " DO UPDATE SET generation = excluded.generation")
    assert translate("INSERT OR IGNORE INTO meta (key, value) VALUES ('a', ?)").endswith("ON CONFLICT DO NOTHING")
    assert "CAST(meta.value AS INTEGER)" in translate(
        "INSERT INTO meta (key, value) VALUES ('actors', '1') ON CONFLICT(key) DO UPDATE SET value = CAST(value AS INTEGER) + 1")
    assert translate("SELECT 1 WHERE x LIKE '%a' AND y = ?") == "SELECT 1 WHERE x LIKE '%%a' AND y = %s"


def test_a_url_selects_postgresql():
    assert is_postgres("postgresql://u@/db?host=/tmp") and is_postgres("postgres://h/db")
    assert not is_postgres("parley.db") and not is_postgres("/data/postgresql.db")


def test_concurrent_writers_store_each_article_once(pg_cluster):
    url = pg_cluster.new_schema()
    open_store(url).close()  # the schema, before the race
    ids = [f"a{n}" for n in range(12)]
    stored: list[str] = []
    errors: list[BaseException] = []

    def ingest(order: list[str]) -> None:
        try:
            with open_store(url) as store:
                for aid in order:
                    if store.add(make_records(aid)):
                        stored.append(aid)
        except BaseException as exc:  # noqa: BLE001 - reported below
            errors.append(exc)

    threads = [threading.Thread(target=ingest, args=(ids[::step],)) for step in (1, 1, -1)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    assert sorted(stored) == sorted(ids)  # each article stored by exactly one writer
    with open_store(url) as store:
        assert store.count("articles") == 12 and store.count("events") == 12
        assert store.generation() == 12


def test_foreign_keys_hold_and_cascade(pg_cluster):
    import psycopg

    url = pg_cluster.new_schema()
    with open_store(url) as store:
        store.add(make_records("a1"))
        with pytest.raises(psycopg.errors.ForeignKeyViolation):
            store.db.execute("INSERT INTO events (id, article_id, data) VALUES ('x', 'nowhere', '{}')")
        store.db.execute("DELETE FROM articles WHERE id = 'a1'")
        assert store.count("events") == 0 and store.count("quotes") == 0


def test_other_and_newer_databases_are_refused(pg_cluster):
    url = pg_cluster.new_schema()
    with pytest.raises(StoreError):
        open_store(url, create=False)  # nothing there yet
    with open_store(url) as store:
        store.db.execute("UPDATE meta SET value = ? WHERE key = 'schema_version'", (str(SCHEMA_VERSION + 1),))
    with pytest.raises(StoreError) as err:
        open_store(url)
    assert err.value.code == "E021"
    other = pg_cluster.new_schema()
    import psycopg

    with psycopg.connect(other, autocommit=True) as conn:
        conn.execute("CREATE TABLE something (x int)")
    with pytest.raises(StoreError) as err:
        open_store(other)
    assert "something else" in err.value.line()


def test_the_cli_takes_a_postgresql_url_from_db_or_parley_db(pg_cluster, tmp_path):
    from typer.testing import CliRunner

    from parley.cli import app

    url = pg_cluster.new_schema()
    page = tmp_path / "note.txt"
    page.write_text("GENEVA, March 3, 2021 — The envoys met in Geneva on Tuesday to discuss a ceasefire.\n",
                    encoding="utf-8")
    runner = CliRunner()
    result = runner.invoke(app, ["ingest", str(page), "--db", url, "--no-nlp", "--quiet"])
    assert result.exit_code == 0, result.output
    result = runner.invoke(app, ["articles", "--json", "--search", "ceasefire"], env={"PARLEY_DB": url})
    assert result.exit_code == 0, result.output
    assert '"headline"' in result.output and "Geneva" in result.output
