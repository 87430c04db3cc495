"""The SQLite store (WAL, FTS5, versioned schema)."""

from .db import Store, date_bounds, event_filters, fts_query

__all__ = ["Store", "date_bounds", "event_filters", "fts_query"]
