"""The schema versions of store/migrations.py, as PostgreSQL reaches them: one step per version for
each backend (tests/store/test_postgres.py checks that every version has both). Opening a store
brings it up to date; several processes opening it at once take turns (an advisory lock)."""

from __future__ import annotations

import uuid
from importlib import resources

from ..errors import StoreError
from .migrations import SCHEMA_VERSION

MIGRATE_LOCK = 0x70617273  # any fixed number: every parley process migrating a database takes it


def _v1(db) -> None:
    script = resources.files("parley.store").joinpath("pg_schema.sql").read_text(encoding="utf-8")
    db.execute_script(script)


def _v2(db) -> None:
    # the explorer's network, dyad and actor pages filter events by actor pair and type
    for table in ("events", "merged_events"):
        db.execute(f"CREATE INDEX IF NOT EXISTS {table}_actor1 ON {table}(actor1_id, actor2_id, type)")
        db.execute(f"CREATE INDEX IF NOT EXISTS {table}_actor2 ON {table}(actor2_id)")
    db.execute("CREATE INDEX IF NOT EXISTS articles_duplicate ON articles(duplicate_of)")


def _v3(db) -> None:
    # each article's MinHash signature (stories/duplicates.py); each side's country and folded name
    # as the dyad and timeline SQL reads them (PostgresStore._json)
    db.execute("CREATE TABLE IF NOT EXISTS minhashes (article_id TEXT COLLATE \"C\" PRIMARY KEY"
               " REFERENCES articles(id) ON DELETE CASCADE, params TEXT NOT NULL, size INTEGER NOT NULL,"
               " sig BYTEA NOT NULL)")
    for table in ("events", "merged_events"):
        for col in ("actor1", "actor2"):
            db.execute(f"CREATE INDEX IF NOT EXISTS {table}_{col}_country ON {table}((data #>> '{{{col},country}}'))")
            db.execute(f"CREATE INDEX IF NOT EXISTS {table}_{col}_name ON {table}(lower(data #>> '{{{col},name}}'))")


def _v4(db) -> None:
    # SQLite's version 4 added foreign keys and linked full-text search: PostgreSQL has had both since 1
    pass


def _v5(db) -> None:
    db.execute("CREATE TABLE IF NOT EXISTS link_journal (step TEXT COLLATE \"C\" PRIMARY KEY,"
               " generation INTEGER NOT NULL)")
    db.execute("INSERT INTO meta (key, value) SELECT 'generation', count(*)::text FROM articles"
               " ON CONFLICT (key) DO NOTHING")


def _v6(db) -> None:
    for table in ("events", "merged_events"):
        db.execute(f"CREATE INDEX IF NOT EXISTS {table}_pairs"
                   f" ON {table}(actor1_id, actor2_id, status, type, date_lo, date_hi)")
    db.execute("INSERT INTO meta (key, value) VALUES ('writes', '0') ON CONFLICT (key) DO NOTHING")
    db.execute("INSERT INTO meta (key, value) VALUES ('instance', ?) ON CONFLICT (key) DO NOTHING",
               (uuid.uuid4().hex,))


def _v7(db) -> None:
    # incremental linking's tables: SQLite's statements (store/linking.py), less SQLite's table options;
    # an LSH band key is a 64-bit hash (SQLite's INTEGER is 64 bits, PostgreSQL's 32)
    from .linking import TABLE_STATEMENTS

    for statement in TABLE_STATEMENTS:
        db.execute(statement.replace(" WITHOUT ROWID", "").replace("key INTEGER", "key BIGINT"))


# version reached -> the step that reaches it on PostgreSQL (store/migrations.py STEPS: on SQLite)
PG_STEPS = {1: _v1, 2: _v2, 3: _v3, 4: _v4, 5: _v5, 6: _v6, 7: _v7}


def migrate_pg(db) -> int:
    """Bring the database (its current schema) to SCHEMA_VERSION; refuse one written by a newer parley."""
    db.execute("SELECT pg_advisory_lock(?)", (MIGRATE_LOCK,))
    try:
        current = 0
        if db.execute("SELECT to_regclass('meta') IS NOT NULL").fetchone()[0]:
            row = db.execute("SELECT value FROM meta WHERE key='schema_version'").fetchone()
            current = int(row[0]) if row else 0
        elif db.execute("SELECT count(*) FROM pg_tables WHERE schemaname = current_schema()").fetchone()[0]:
            raise StoreError("E020", detail="the database holds tables of something else")
        if current > SCHEMA_VERSION:
            raise StoreError("E021", found=current, known=SCHEMA_VERSION)
        for version in range(current + 1, SCHEMA_VERSION + 1):
            with db.transaction():
                PG_STEPS[version](db)
                db.execute("INSERT INTO meta (key, value) VALUES ('schema_version', ?)"
                           " ON CONFLICT (key) DO UPDATE SET value = excluded.value", (str(version),))
    finally:
        db.execute("SELECT pg_advisory_unlock(?)", (MIGRATE_LOCK,))
    return SCHEMA_VERSION
