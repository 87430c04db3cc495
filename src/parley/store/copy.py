"""`parley copy SRC DST`: a store moved between backends (SQLite file <-> PostgreSQL) row for row.

Every table is copied whole, in the order its rows were stored, including what the linking derived
(duplicates, canonical actors, merged events, MinHash signatures, the link journal), so the copy
answers every query as the original does without relinking. Records are JSON in both backends;
PostgreSQL's JSONB orders an object's keys its own way, so JSON is re-encoded compactly on the way
in: the records read back are equal field for field. The destination must hold no articles.
"""

from __future__ import annotations

import json
from collections.abc import Callable

from ..errors import StoreError

# table -> the columns copied (generated ones, such as full-text columns, are rebuilt by the
# destination), and whether both backends keep its rows' storage order in `rowid`
TABLES: dict[str, tuple[list[str], bool]] = {
    "articles": (["id", "source", "url", "headline", "outlet", "published", "day", "language", "duplicate_of",
                  "ingested_at", "data"], True),
    "article_actors": (["article_id", "actor_id", "data"], False),
    "mentions": (["article_id", "actor_id", "start", '"end"', "text", "kind"], True),
    "quotes": (["id", "article_id", "speaker", "speaker_actor_id", "kind", "data"], True),
    "events": (["id", "article_id", "date_lo", "date_hi", "type", "status", "actor1_id", "actor2_id", "data"], True),
    "merged_events": (["id", "date_lo", "date_hi", "type", "status", "actor1_id", "actor2_id", "n_sources",
                       "members", "data"], True),
    "actors": (["id", "name", "kind", "country", "mentions", "data"], False),
    "actor_map": (["local_id", "actor_id"], False),
    "minhashes": (["article_id", "params", "size", "sig"], False),
    "link_journal": (["step", "generation"], False),
    # incremental linking (store/linking.py)
    "article_writes": (["article_id", "generation", "replaced"], False),
    "minhash_bands": (["key", "article_id"], False),
    "actor_profiles": (["local_id", "data"], False),
    "actor_blocks": (["key", "local_id"], False),
    "name_variants": (["variant", "surname"], False),
    "actor_aliases": (["old_id", "actor_id"], False),
    "event_families": (["event_id", "family", "date_lo", "date_hi", "merged_id"], False),
    "link_dirty": (["kind", "id"], False),
}
JSON_COLUMNS = {"data", "members"}
# meta keys that belong to one store, not to what it holds
OWN_META = {"schema_version", "instance", "writes"}
BATCH = 500


def copy_store(src, dst, progress: Callable[[str, int], None] | None = None) -> dict[str, int]:
    """Copy every row of `src` into the empty store `dst`; returns rows copied per table."""
    if dst.count("articles"):
        raise StoreError("E022", path=dst.path, detail="it already holds articles (copy into a new store)")
    unknown = set(src.tables()) - set(TABLES) - {"meta"}
    if unknown:
        raise StoreError("E022", path=dst.path, detail=f"the source has tables this parley cannot copy: {sorted(unknown)}")
    copied: dict[str, int] = {}
    with dst._transaction():  # noqa: SLF001 - one transaction: a failed copy leaves nothing behind
        for table, (columns, by_rowid) in TABLES.items():
            n = 0
            rows = _rows(src, table, columns, by_rowid)
            bulk = getattr(dst.db, "copy_in", None)  # PostgreSQL's COPY
            if bulk is not None:
                copied[table] = bulk(table, columns, rows)
                if progress:
                    progress(table, copied[table])
                continue
            insert = (f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({','.join('?' * len(columns))})")
            batch = []
            for row in rows:
                batch.append(row)
                if len(batch) >= BATCH:
                    dst.db.executemany(insert, batch)
                    n += len(batch)
                    batch = []
            if batch:
                dst.db.executemany(insert, batch)
                n += len(batch)
            copied[table] = n
            if progress:
                progress(table, n)
        for key, value in src.db.execute("SELECT key, value FROM meta ORDER BY key").fetchall():
            if key not in OWN_META:
                dst.db.execute("INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)", (key, value))
    dst._canon = None  # noqa: SLF001
    dst.after_bulk_load()
    return copied


def _rows(src, table: str, columns: list[str], by_rowid: bool):
    order = "rowid" if by_rowid else ", ".join(TABLE_KEYS[table])
    json_at = [i for i, c in enumerate(columns) if c in JSON_COLUMNS]
    blob_at = [i for i, c in enumerate(columns) if c == "sig"]
    for row in src.db.execute(f"SELECT {', '.join(columns)} FROM {table} ORDER BY {order}"):
        row = list(row)
        for i in json_at:
            row[i] = json.dumps(json.loads(row[i]), ensure_ascii=False, separators=(",", ":"))
        for i in blob_at:
            row[i] = bytes(row[i])
        yield tuple(row)


TABLE_KEYS = {"article_actors": ("article_id", "actor_id"), "actors": ("id",), "actor_map": ("local_id",),
              "minhashes": ("article_id",), "link_journal": ("step",), "article_writes": ("article_id",),
              "minhash_bands": ("key", "article_id"), "actor_profiles": ("local_id",),
              "actor_blocks": ("key", "local_id"), "name_variants": ("variant", "surname"),
              "actor_aliases": ("old_id",), "event_families": ("event_id",), "link_dirty": ("kind", "id")}
