"""The store: a protocol (store/protocol.py) with an SQLite file backend (the default) and a
PostgreSQL backend for a team's shared store. Only this package speaks SQL."""

from __future__ import annotations

from pathlib import Path

from .db import SQLiteStore
from .protocol import Store
from .query import ActorQuery, ArticleQuery, EventQuery, QuoteQuery, date_bounds
from .sql import event_filters, fts_query

POSTGRES_SCHEMES = ("postgresql://", "postgres://")


def is_postgres(target: str | Path) -> bool:
    return str(target).startswith(POSTGRES_SCHEMES)


def open_store(target: str | Path, *, create: bool = True) -> Store:
    """The store at `target`: a `postgresql://` URL, else an SQLite file path (or ':memory:')."""
    if is_postgres(target):
        from .postgres import PostgresStore

        return PostgresStore(str(target), create=create)
    return SQLiteStore(target, create=create)


__all__ = ["ActorQuery", "ArticleQuery", "EventQuery", "QuoteQuery", "SQLiteStore", "Store", "date_bounds",
           "event_filters", "fts_query", "is_postgres", "open_store"]
