"""Schema versions. A new version appends a step here; opening a store brings it up to date."""

from __future__ import annotations

import sqlite3
import uuid
from importlib import resources

from ..errors import StoreError

SCHEMA_VERSION = 7


def _v1(db: sqlite3.Connection) -> None:
    _run_script(db, "schema.sql")


def _run_script(db: sqlite3.Connection, name: str) -> None:
    # statement by statement: executescript would commit and break the surrounding transaction
    script = resources.files("parley.store").joinpath(name).read_text(encoding="utf-8")
    lines = [line.split("--", 1)[0] for line in script.splitlines()]
    for statement in "\n".join(lines).split(";"):
        if statement.strip():
            db.execute(statement)


def _v2(db: sqlite3.Connection) -> None:
    # the explorer's network, dyad and actor pages filter events by actor pair and type
    for table in ("events", "merged_events"):
        db.execute(f"CREATE INDEX IF NOT EXISTS {table}_actor1 ON {table}(actor1_id, actor2_id, type)")
        db.execute(f"CREATE INDEX IF NOT EXISTS {table}_actor2 ON {table}(actor2_id)")
    db.execute("CREATE INDEX IF NOT EXISTS articles_duplicate ON articles(duplicate_of)")


def _v3(db: sqlite3.Connection) -> None:
    # stories/duplicates.py: each article's MinHash signature, so that a link after an ingest only
    # hashes the new articles; `params` names the shingle/permutation settings it was made with
    db.execute("CREATE TABLE IF NOT EXISTS minhashes (article_id TEXT PRIMARY KEY REFERENCES articles(id)"
               " ON DELETE CASCADE, params TEXT NOT NULL, size INTEGER NOT NULL, sig BLOB NOT NULL)")
    # timelines and dyad series by country code or by a name with no actor id: the same expressions
    # as the queries of stories/select.py and web/graph.py, so SQLite can use these indexes
    for table in ("events", "merged_events"):
        for col in ("actor1", "actor2"):
            db.execute(f"CREATE INDEX IF NOT EXISTS {table}_{col}_country"
                       f" ON {table}(json_extract(data, '$.{col}.country'))")
            db.execute(f"CREATE INDEX IF NOT EXISTS {table}_{col}_name"
                       f" ON {table}(lower(json_extract(data, '$.{col}.name')))")


def _v4(db: sqlite3.Connection) -> None:
    from .tools import for_data_tools

    for_data_tools(db)


def _v5(db: sqlite3.Connection) -> None:
    # crash-safe linking: `generation` counts article writes (bumped in the same transaction as each
    # article); link_journal says up to which generation each cross-article step has run, so a rerun
    # after a kill anywhere in the linking finishes it
    db.execute("CREATE TABLE IF NOT EXISTS link_journal (step TEXT PRIMARY KEY, generation INTEGER NOT NULL)")
    db.execute("INSERT OR IGNORE INTO meta (key, value) SELECT 'generation', count(*) FROM articles")
    if db.execute("SELECT 1 FROM meta WHERE key='linked' AND value='1'").fetchone():
        # a store linked by an older parley: the only trace is this flag; trust it as before
        for step in ("duplicates", "actors", "events"):
            db.execute("INSERT OR REPLACE INTO link_journal (step, generation)"
                       " SELECT ?, CAST(value AS INTEGER) FROM meta WHERE key='generation'", (step,))


def _v6(db: sqlite3.Connection) -> None:
    # the network and the dyad default group every event by actor pair, filtered on status, type and
    # dates: with all those columns in one index SQLite answers from the index alone, never reading
    # the rows (whose JSON makes a table scan ~6x slower)
    for table in ("events", "merged_events"):
        db.execute(f"CREATE INDEX IF NOT EXISTS {table}_pairs"
                   f" ON {table}(actor1_id, actor2_id, status, type, date_lo, date_hi)")
    # `writes` counts every committed write (articles, links, actors, merged events): what the
    # explorer's cached views are keyed on (`generation` counts article writes only)
    db.execute("INSERT OR IGNORE INTO meta (key, value) VALUES ('writes', '0')")
    # which file this is, beside its path: a store rebuilt at the same path starts a new cache
    db.execute("INSERT OR IGNORE INTO meta (key, value) VALUES ('instance', ?)", (uuid.uuid4().hex,))


def _v7(db: sqlite3.Connection) -> None:
    # incremental linking (store/linking.py): what each cross-article step keeps so that new articles
    # are linked against the blocks they touch only; a store from before has none of it, so its next
    # link rebuilds them whole (the `link_index:<step>` meta keys are missing)
    from .linking import create_tables

    create_tables(db)


# version reached -> the step that reaches it from the version before
STEPS = {1: _v1, 2: _v2, 3: _v3, 4: _v4, 5: _v5, 6: _v6, 7: _v7}


def migrate(db: sqlite3.Connection) -> int:
    """Bring the store to SCHEMA_VERSION; refuse a store written by a newer parley."""
    has_meta = db.execute("SELECT 1 FROM sqlite_master WHERE type='table' AND name='meta'").fetchone()
    current = 0
    if has_meta:
        row = db.execute("SELECT value FROM meta WHERE key='schema_version'").fetchone()
        current = int(row[0]) if row else 0
    elif db.execute("SELECT count(*) FROM sqlite_master").fetchone()[0]:
        raise StoreError("E020", detail="the file is an SQLite database of something else")
    if current > SCHEMA_VERSION:
        raise StoreError("E021", found=current, known=SCHEMA_VERSION)
    for version in range(current + 1, SCHEMA_VERSION + 1):
        db.execute("BEGIN IMMEDIATE")
        try:
            STEPS[version](db)
            db.execute("INSERT OR REPLACE INTO meta (key, value) VALUES ('schema_version', ?)", (str(version),))
            # the same number where SQLite tools look for it (sqlite-utils, Datasette, `sqlite3 .dbinfo`)
            db.execute(f"PRAGMA user_version = {int(version)}")
            db.execute("COMMIT")
        except Exception:
            db.execute("ROLLBACK")
            raise
    return SCHEMA_VERSION
