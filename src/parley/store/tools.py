"""Schema version 4: the store as data tools expect it (Datasette, sqlite-utils, pandas.read_sql).

- Foreign keys: every per-article table refers to `articles(id)` (ON DELETE CASCADE). SQLite
  cannot add a constraint to a table, so each is rebuilt (rows and rowids kept, orphans dropped).
- Full-text search linked to its table (`content="articles"`, `content="quotes"`), as
  sqlite-utils makes it, so Datasette's `?_search=` finds it. The indexed text lives in the JSON
  `data`; VIRTUAL generated columns (`articles.body`, `quotes.text`, and `article_id`/`quote_id`
  copies of the ids, the FTS tables' first column) expose it without storing it twice. Triggers
  keep the index in step with inserts, updates and deletes.
- Flat views `events_flat` and `quotes_flat` (views.sql).
"""

from __future__ import annotations

import sqlite3

# table -> (its columns after the rebuild, with the foreign key; indexes to recreate)
_REBUILT = {
    "article_actors": (
        "article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE, actor_id TEXT NOT NULL,"
        " data TEXT NOT NULL, PRIMARY KEY (article_id, actor_id)",
        ["CREATE INDEX IF NOT EXISTS article_actors_actor ON article_actors(actor_id)"]),
    "mentions": (
        "article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE, actor_id TEXT NOT NULL,"
        " start INTEGER NOT NULL, end INTEGER NOT NULL, text TEXT, kind TEXT",
        ["CREATE INDEX IF NOT EXISTS mentions_article ON mentions(article_id)",
         "CREATE INDEX IF NOT EXISTS mentions_actor ON mentions(actor_id)"]),
    "quotes": (
        "id TEXT PRIMARY KEY, article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,"
        " speaker TEXT, speaker_actor_id TEXT, kind TEXT, data TEXT NOT NULL",
        ["CREATE INDEX IF NOT EXISTS quotes_article ON quotes(article_id)",
         "CREATE INDEX IF NOT EXISTS quotes_speaker ON quotes(speaker_actor_id)"]),
    "events": (
        "id TEXT PRIMARY KEY, article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,"
        " date_lo TEXT, date_hi TEXT, type TEXT, status TEXT, actor1_id TEXT, actor2_id TEXT, data TEXT NOT NULL",
        ["CREATE INDEX IF NOT EXISTS events_article ON events(article_id)",
         "CREATE INDEX IF NOT EXISTS events_date ON events(date_lo)",
         "CREATE INDEX IF NOT EXISTS events_actor1 ON events(actor1_id, actor2_id, type)",
         "CREATE INDEX IF NOT EXISTS events_actor2 ON events(actor2_id)",
         "CREATE INDEX IF NOT EXISTS events_actor1_country ON events(json_extract(data, '$.actor1.country'))",
         "CREATE INDEX IF NOT EXISTS events_actor2_country ON events(json_extract(data, '$.actor2.country'))",
         "CREATE INDEX IF NOT EXISTS events_actor1_name ON events(lower(json_extract(data, '$.actor1.name')))",
         "CREATE INDEX IF NOT EXISTS events_actor2_name ON events(lower(json_extract(data, '$.actor2.name')))"]),
}

# FTS table -> (content table, indexed columns, generated columns the content table needs)
_FTS = {
    "articles_fts": ("articles", ["article_id UNINDEXED", "headline", "body"],
                     {"article_id": "id", "body": "json_extract(data, '$.body')"}),
    "quotes_fts": ("quotes", ["quote_id UNINDEXED", "text", "speaker"],
                   {"quote_id": "id", "text": "json_extract(data, '$.text')"}),
}


def for_data_tools(db: sqlite3.Connection) -> None:
    for name in ("articles_fts", "quotes_fts"):
        db.execute(f"DROP TABLE IF EXISTS {name}")
    for table, (columns, indexes) in _REBUILT.items():
        _rebuild(db, table, columns, indexes)
    for fts, (table, columns, generated) in _FTS.items():
        _linked_fts(db, fts, table, columns, generated)
    from .migrations import _run_script

    _run_script(db, "views.sql")


def _rebuild(db: sqlite3.Connection, table: str, columns: str, indexes: list[str]) -> None:
    names = [row[1] for row in db.execute(f"PRAGMA table_info({table})")]
    kept = ", ".join(names)
    db.execute(f"CREATE TABLE {table}_v4 ({columns})")
    db.execute(f"INSERT INTO {table}_v4 (rowid, {kept}) SELECT rowid, {kept} FROM {table}"
               " WHERE article_id IN (SELECT id FROM articles)")
    db.execute(f"DROP TABLE {table}")
    db.execute(f"ALTER TABLE {table}_v4 RENAME TO {table}")
    for statement in indexes:
        db.execute(statement)


def _linked_fts(db: sqlite3.Connection, fts: str, table: str, columns: list[str], generated: dict) -> None:
    for column, expression in generated.items():
        db.execute(f"ALTER TABLE {table} ADD COLUMN {column} TEXT GENERATED ALWAYS AS ({expression}) VIRTUAL")
    names = [c.split()[0] for c in columns]
    db.execute(f"CREATE VIRTUAL TABLE {fts} USING fts5({', '.join(columns)}, content=\"{table}\","
               " tokenize='porter unicode61')")
    db.execute(f"INSERT INTO {fts} ({fts}) VALUES ('rebuild')")
    new = ", ".join(f"new.{n}" for n in names)
    old = ", ".join(f"old.{n}" for n in names)
    cols = ", ".join(names)
    db.execute(f"CREATE TRIGGER {fts}_ai AFTER INSERT ON {table} BEGIN"
               f" INSERT INTO {fts} (rowid, {cols}) VALUES (new.rowid, {new}); END")
    db.execute(f"CREATE TRIGGER {fts}_ad AFTER DELETE ON {table} BEGIN"
               f" INSERT INTO {fts} ({fts}, rowid, {cols}) VALUES ('delete', old.rowid, {old}); END")
    changed = " OR ".join(f"old.{n} IS NOT new.{n}" for n in names)
    db.execute(f"CREATE TRIGGER {fts}_au AFTER UPDATE ON {table} WHEN {changed} BEGIN"
               f" INSERT INTO {fts} ({fts}, rowid, {cols}) VALUES ('delete', old.rowid, {old});"
               f" INSERT INTO {fts} (rowid, {cols}) VALUES (new.rowid, {new}); END")
