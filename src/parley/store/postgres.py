"""The store on PostgreSQL (`--db postgresql://...` or $PARLEY_DB): a team's shared store, written by
several ingests at once and read by the explorer.

It is the SQLite store's code over another connection: the store's SQL keeps to a portable subset,
`PgConnection` turns its few SQLite forms into PostgreSQL's (`?` parameters, INSERT OR REPLACE /
OR IGNORE as ON CONFLICT upserts, BEGIN IMMEDIATE as one writer lock, json_extract as a function of
the schema), and the dialect methods below give full-text search (tsvector/GIN), JSONB paths and
case folding of PostgreSQL's own.

Concurrent writers: an article is written under a transaction-level advisory lock on its id, and
its rows are upserts, so two ingests of the same article store it once and neither fails; writes
that replace whole tables (the cross-article linking, BEGIN IMMEDIATE) take one lock for the
database, as SQLite's single writer does.
"""

from __future__ import annotations

import hashlib
import re
import threading

from ..errors import StoreError
from .cache import ViewCache, _CACHES, _CACHES_LOCK
from .db import SQLiteStore
from .pg_migrations import migrate_pg
from .query import MARK_CLOSE, MARK_OPEN
from .sql import clean_words

WRITE_LOCK = 0x70617274  # the database's one lock for whole-table writes (as SQLite's writer lock)
# primary keys, for turning SQLite's INSERT OR REPLACE into an upsert
KEYS = {"meta": ("key",), "articles": ("id",), "article_actors": ("article_id", "actor_id"), "actors": ("id",),
        "actor_map": ("local_id",), "quotes": ("id",), "events": ("id",), "merged_events": ("id",),
        "minhashes": ("article_id",), "link_journal": ("step",),
        # incremental linking's tables (store/linking.py)
        "article_writes": ("article_id",), "minhash_bands": ("key", "article_id"), "actor_profiles": ("local_id",),
        "actor_blocks": ("key", "local_id"), "name_variants": ("variant", "surname"), "actor_aliases": ("old_id",),
        "event_families": ("event_id",), "link_dirty": ("kind", "id")}
_JSON_NUL = re.compile(r"(?<!\\)((?:\\\\)*)\\u0000")  # an escaped NUL, not an escaped backslash before 'u0000'
_OR_REPLACE = re.compile(r"^\s*INSERT\s+OR\s+REPLACE\s+INTO\s+(\w+)\s*\(([^)]*)\)", re.I | re.S)
_OR_IGNORE = re.compile(r"^\s*INSERT\s+OR\s+IGNORE\s+INTO\b", re.I)
_COUNTER_UPSERT = re.compile(r"(?<=DO UPDATE SET )(\w+) = CAST\(\1 AS INTEGER\)", re.I)


def translate(sql: str) -> str:
    """A statement of the store's SQL as PostgreSQL takes it (see the module's doc)."""
    replace = _OR_REPLACE.match(sql)
    if replace:
        table, columns = replace.group(1), [c.strip() for c in replace.group(2).split(",")]
        keys = KEYS[table]
        updates = ", ".join(f"{c} = excluded.{c}" for c in columns if c not in keys)
        sql = (f"INSERT INTO {sql[replace.start(1):]} ON CONFLICT ({', '.join(keys)}) "
               + (f"DO UPDATE SET {updates}" if updates else "DO NOTHING"))
    elif _OR_IGNORE.match(sql):
        sql = _OR_IGNORE.sub("INSERT INTO", sql) + " ON CONFLICT DO NOTHING"
    elif _COUNTER_UPSERT.search(sql):
        # in an upsert PostgreSQL reads a bare column as ambiguous (the row or `excluded`)
        table = re.match(r"\s*INSERT\s+INTO\s+(\w+)", sql, re.I).group(1)
        sql = _COUNTER_UPSERT.sub(lambda m: f"{m.group(1)} = CAST({table}.{m.group(1)} AS INTEGER)", sql)
    return sql.replace("%", "%%").replace("?", "%s")


def _text(value):
    """A parameter as PostgreSQL can hold it: its text types refuse NUL (SQLite's keep it), so a NUL
    becomes U+FFFD, the character that stands for text that cannot be shown; JSON's escaped form of
    it likewise (jsonb refuses \\u0000)."""
    if isinstance(value, str):
        if "\x00" in value:
            value = value.replace("\x00", "\ufffd")
        if "\\u0000" in value:
            value = _JSON_NUL.sub(lambda m: m.group(1) + "\ufffd", value)
    return value


def _params(params) -> tuple:
    return tuple(_text(p) for p in params)


class PgConnection:
    """A psycopg connection that takes the store's SQL (the single owner of the store's connection:
    statements are serialised by psycopg, transactions are the store's)."""

    def __init__(self, url: str) -> None:
        import psycopg
        from psycopg.types.string import TextLoader

        self.conn = psycopg.connect(url, autocommit=True)
        # records travel as JSON text, as they do from SQLite
        self.conn.adapters.register_loader("jsonb", TextLoader)
        self.conn.execute("SET TIME ZONE 'UTC'")  # a date without a zone is a UTC day, as julianday reads it
        self._cache: dict[str, str] = {}
        self.lock = threading.RLock()

    def _sql(self, sql: str) -> str:
        text = self._cache.get(sql)
        if text is None:
            text = self._cache[sql] = translate(sql)
        return text

    def execute(self, sql: str, params=()):
        head = sql.lstrip()[:16].upper()
        if head.startswith("BEGIN"):
            cur = self.conn.execute("BEGIN")
            if "IMMEDIATE" in head:
                self.conn.execute("SELECT pg_advisory_xact_lock(%s)", (WRITE_LOCK,))
            return cur
        return self.conn.execute(self._sql(sql), _params(params))

    def executemany(self, sql: str, rows) -> None:
        rows = [_params(r) for r in rows]
        if rows:
            with self.conn.cursor() as cur:
                cur.executemany(self._sql(sql), rows)

    def copy_in(self, table: str, columns: list[str], rows) -> int:
        """Rows into a table through COPY (inside the caller's transaction): how `parley copy` fills
        a PostgreSQL store, several times faster than INSERTs."""
        n = 0
        with self.conn.cursor() as cur, cur.copy(f"COPY {table} ({', '.join(columns)}) FROM STDIN") as copy:
            for row in rows:
                copy.write_row(_params(row))
                n += 1
        return n

    def execute_script(self, script: str) -> None:
        self.conn.execute(script)

    def transaction(self):
        return self.conn.transaction()

    def close(self) -> None:
        self.conn.close()


def holds_store(url: str) -> bool:
    """Whether the database (its schema of the URL) holds a parley store yet. A server that cannot be
    reached says True: opening the store then says what is wrong."""
    import psycopg

    try:
        with psycopg.connect(url, autocommit=True) as conn:
            return bool(conn.execute("SELECT to_regclass('meta') IS NOT NULL").fetchone()[0])
    except psycopg.Error:
        return True


def _article_lock(article_id: str) -> int:
    return int.from_bytes(hashlib.sha1(article_id.encode("utf-8")).digest()[:8], "big", signed=True)


class PostgresStore(SQLiteStore):
    """A parley store in a PostgreSQL database (its current schema: `options=-csearch_path=...` in
    the URL gives each store a schema of its own)."""

    def __init__(self, url: str, *, create: bool = True) -> None:
        import psycopg

        self.path = url
        try:
            self.db = PgConnection(url)
            if not create and not self.db.execute("SELECT to_regclass('meta') IS NOT NULL").fetchone()[0]:
                raise StoreError("E020", detail="no parley store in this database (run `parley ingest` first)")
            migrate_pg(self.db)
        except StoreError as exc:
            raise StoreError(exc.code, path=_safe(url), **exc.details) from exc
        except psycopg.Error as exc:
            raise StoreError("E020", path=_safe(url), detail=str(exc).strip()) from exc
        self._canon = None
        self._views = None
        self._article_write: str | None = None

    # ---- writes: an article under its own lock, whole-table writes under the database's ----------

    def add(self, records) -> bool:
        self._article_write = records.article.id
        try:
            return super().add(records)
        finally:
            self._article_write = None

    def replace_records(self, records) -> bool:
        self._article_write = records.article.id
        try:
            return super().replace_records(records)
        finally:
            self._article_write = None

    def has_article(self, article_id: str) -> bool:
        if self._article_write == article_id:
            # another ingest writing the same article waits here until it has committed, then sees it
            self.db.execute("SELECT pg_advisory_xact_lock(?)", (_article_lock(article_id),))
        return super().has_article(article_id)

    def _transaction(self):
        return _PgTransaction(self.db, article=self._article_write is not None)

    # ---- state --------------------------------------------------------------------------------

    def refresh(self) -> None:
        actors_version = self.meta("actors")
        if actors_version != getattr(self, "_actors_version", None):
            self._actors_version = actors_version
            self._canon = None

    def view(self, key: tuple, compute):
        if self._views is None:
            with _CACHES_LOCK:
                self._views = _CACHES.setdefault(f"{self.path}\x00{self.meta('instance')}", ViewCache())
        return self._views.get(key, self.writes(), compute)

    def after_bulk_load(self) -> None:
        """Statistics for the planner and the visibility map (so a count reads an index, not the
        rows), which autovacuum would give only later."""
        for table in self.tables():
            self.db.execute(f"VACUUM ANALYZE {table}")

    def tables(self) -> list[str]:
        rows = self.db.execute("SELECT tablename FROM pg_tables WHERE schemaname = current_schema()")
        return sorted(r[0] for r in rows)

    # ---- the PostgreSQL dialect of the shared SQL ---------------------------------------------

    def _paging(self, limit: int | None, offset: int) -> str:
        if limit is None and not offset:
            return ""
        return (f" LIMIT {int(limit)}" if limit is not None else "") + f" OFFSET {int(offset)}"

    def _like(self, column: str) -> str:
        return f"{column}::text ILIKE ?"

    def _json(self, column: str, path: str) -> str:
        return f"({column} #>> '{{{path.replace('.', ',')}}}')"

    def _json_int(self, column: str, path: str) -> str:
        return f"({self._json(column, path)})::integer"

    def _as_text(self, column: str) -> str:
        return f"{column}::text"  # JSONB has no ordering min() can use

    def _lower(self, expression: str, value: str) -> str:
        # lower() folds non-ASCII letters as the database's locale says, which may not be Python's:
        # then the SQL leaves the name to the query's predicate rather than risk dropping a row
        return f"lower({expression})" if value.isascii() else None

    def _tsquery(self, text: str) -> str:
        return " ".join(clean_words(text))

    def _fts_articles(self, text: str) -> tuple[str, list]:
        return "SELECT id FROM articles WHERE tsv @@ plainto_tsquery('english', ?)", [self._tsquery(text)]

    def _fts_quotes(self, text: str) -> tuple[str, list]:
        return "SELECT id FROM quotes WHERE tsv @@ plainto_tsquery('english', ?)", [self._tsquery(text)]

    def _source_articles(self, table: str) -> str:
        return f"(SELECT s ->> 'article_id' AS src FROM jsonb_array_elements({table}.data -> 'sources') s)"

    def _all_words(self, column: str, words: list[str]) -> tuple[str, list]:
        if not all(w.isascii() for w in words):
            return "1=1", []  # see _lower: the predicate decides
        return "(" + " AND ".join(f"strpos(lower({column}::text), ?) > 0" for _ in words) + ")", list(words)

    def _desc_nulls_last(self, column: str) -> str:
        return f"{column} DESC NULLS LAST"

    def _ranked_search(self, text: str, open_: str = MARK_OPEN, close: str = MARK_CLOSE,
                       words: int = 24) -> tuple[str, list]:
        options = (f"StartSel={open_}, StopSel={close}, MaxWords={int(words)}, MinWords={max(int(words) // 3, 1)},"
                   ' MaxFragments=2, FragmentDelimiter=" … "')
        return ("SELECT a.id, a.headline, a.outlet, a.published, a.duplicate_of,"
                " ts_headline('english', coalesce(a.data ->> 'body', ''), q, ?)"
                " FROM articles a, plainto_tsquery('english', ?) q WHERE a.tsv @@ q{where}"
                " ORDER BY ts_rank(a.tsv, q) DESC, a.id", [options, self._tsquery(text)])

    def _newest_articles(self) -> str:
        return ("a.day IS NULL, a.day DESC, parley_moment(a.published) IS NULL, parley_moment(a.published) DESC,"
                " a.ingested_at DESC, a.id")

    def _prepare_connection(self) -> None:
        pass  # the functions the SQL calls are in the schema (pg_schema.sql)


class _PgTransaction:
    """BEGIN ... COMMIT, rolled back on any error; the database's writer lock unless it writes one
    article (which its own lock, taken in has_article, guards)."""

    def __init__(self, db: PgConnection, *, article: bool) -> None:
        self.db, self.article = db, article

    def __enter__(self):
        self.db.execute("BEGIN" if self.article else "BEGIN IMMEDIATE")
        return self.db

    def __exit__(self, exc_type, exc, tb) -> None:
        if exc_type is None:
            try:
                self.db.execute("UPDATE meta SET value = CAST(value AS INTEGER) + 1 WHERE key = 'writes'")
                self.db.execute("COMMIT")
                return
            except Exception:
                self.db.execute("ROLLBACK")
                raise
        self.db.execute("ROLLBACK")


def _safe(url: str) -> str:
    """The URL without its password, for messages."""
    return re.sub(r"(://[^:/@]+):[^@]*@", r"\1:***@", url)
