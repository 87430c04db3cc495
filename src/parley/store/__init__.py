"""The store: a protocol (store/protocol.py) and its backends. Only this package speaks SQL.

`open_store(target)` picks the backend from the target (the seam of httpx's transports):
- a file path: SQLite (store/db.py), the default, one file per store;
- `postgresql://...` (or `postgres://`): PostgreSQL (store/postgres.py), a team's shared store, several
  writers at once; `options=-csearch_path=NAME` in the URL puts a store in a schema of its own;
- `:memory:`: the in-memory store, SQLite's code over one connection the store owns and no file, gone
  when closed. It is the stand-in for tests, as httpx's MockTransport is for the network: the same
  protocol and the same SQL, nothing on disk, a few ms to make. Every opening is a new, empty store,
  so it serves the one process that holds it open (a test, a script), not the CLI's separate
  commands or the explorer's other connections.

Both backends hold the same records and give the same answers and exports (the test suite runs on
each: tests/conftest.py); a record's NUL, which PostgreSQL's text cannot hold, is U+FFFD on both."""

from __future__ import annotations

from pathlib import Path

from .db import SQLiteStore
from .protocol import Store
from .query import ActorQuery, ArticleQuery, EventQuery, QuoteQuery, date_bounds
from .sql import event_filters, fts_query

POSTGRES_SCHEMES = ("postgresql://", "postgres://")


def is_postgres(target: str | Path) -> bool:
    return str(target).startswith(POSTGRES_SCHEMES)


def store_exists(target: str | Path) -> bool:
    """Whether a store is at `target` yet (a reader may then say how to make one, not fail): the
    SQLite file exists, or the PostgreSQL schema holds the store's tables."""
    if is_postgres(target):
        from .postgres import holds_store

        return holds_store(str(target))
    return str(target) == ":memory:" or Path(target).exists()


def open_store(target: str | Path, *, create: bool = True) -> Store:
    """The store at `target`: a `postgresql://` URL, else an SQLite file path (or ':memory:')."""
    if is_postgres(target):
        from .postgres import PostgresStore

        return PostgresStore(str(target), create=create)
    return SQLiteStore(target, create=create)


__all__ = ["ActorQuery", "ArticleQuery", "EventQuery", "QuoteQuery", "SQLiteStore", "Store", "date_bounds",
           "event_filters", "fts_query", "is_postgres", "open_store", "store_exists"]
