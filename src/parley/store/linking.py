"""The store side of the cross-article step (stories/duplicates.py, actors/merge.py, stories/merge.py):
every read and write the linking makes, and the tables that let it grow with the new articles only.

- `article_writes`: the generation each article was last written at; a step's pending articles are
  those written after the generation its journal entry (link_journal) records.
- `minhash_bands`: each article's MinHash LSH band keys (band number and values hashed to 64 bits),
  so a new article's candidate copies are an index lookup, not a walk over every signature.
- `actor_profiles` / `actor_blocks` / `name_variants`: what the actor merge knows of each per-article
  actor id, summed over its articles; the name blocks (family name, spelling) it sits in; and the
  family names sharing each one-letter deletion (the merge's misspelling candidates).
- `actor_aliases`: canonical ids retired by a merge -> the id kept, so old explorer URLs still work.
- `event_families`: the (type, actor pair) family of every per-article event, its date bounds and the
  merged event it is in: a new event re-merges the events of its family near it in time only.
- `link_dirty`: what one step changed that a later one must redo (copies found: their articles'
  events; actors remapped: their events), written in the step's own transaction.

Each step writes its results, its dirty marks and its journal entry in one transaction, so a kill
leaves a step wholly done or not at all.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable, Iterator

from ..records import to_dict

INDEX_VERSION = "1"  # the layout of the tables above; a different value makes the next link rebuild them
CHUNK = 500  # ids per `IN (...)`: under SQLite's variable limit

TABLE_STATEMENTS = (
    "CREATE TABLE IF NOT EXISTS article_writes (article_id TEXT PRIMARY KEY, generation INTEGER NOT NULL,"
    " replaced INTEGER NOT NULL DEFAULT 0)",
    "CREATE INDEX IF NOT EXISTS article_writes_generation ON article_writes(generation)",
    "CREATE TABLE IF NOT EXISTS minhash_bands (key INTEGER NOT NULL, article_id TEXT NOT NULL,"
    " PRIMARY KEY (key, article_id)) WITHOUT ROWID",
    "CREATE INDEX IF NOT EXISTS minhash_bands_article ON minhash_bands(article_id)",
    "CREATE TABLE IF NOT EXISTS actor_profiles (local_id TEXT PRIMARY KEY, data TEXT NOT NULL)",
    "CREATE TABLE IF NOT EXISTS actor_blocks (key TEXT NOT NULL, local_id TEXT NOT NULL,"
    " PRIMARY KEY (key, local_id)) WITHOUT ROWID",
    "CREATE INDEX IF NOT EXISTS actor_blocks_local ON actor_blocks(local_id)",
    "CREATE TABLE IF NOT EXISTS name_variants (variant TEXT NOT NULL, surname TEXT NOT NULL,"
    " PRIMARY KEY (variant, surname)) WITHOUT ROWID",
    "CREATE TABLE IF NOT EXISTS actor_aliases (old_id TEXT PRIMARY KEY, actor_id TEXT NOT NULL)",
    "CREATE INDEX IF NOT EXISTS actor_aliases_target ON actor_aliases(actor_id)",
    "CREATE INDEX IF NOT EXISTS actor_map_target ON actor_map(actor_id)",
    "CREATE TABLE IF NOT EXISTS event_families (event_id TEXT PRIMARY KEY, family TEXT NOT NULL, date_lo TEXT,"
    " date_hi TEXT, merged_id TEXT NOT NULL)",
    "CREATE INDEX IF NOT EXISTS event_families_family ON event_families(family, date_lo)",
    # the link's summary counts multi-source events: from this index, not a scan of every merged event
    "CREATE INDEX IF NOT EXISTS merged_events_sources ON merged_events(n_sources)",
    "CREATE TABLE IF NOT EXISTS link_dirty (kind TEXT NOT NULL, id TEXT NOT NULL, PRIMARY KEY (kind, id))",
)


def create_tables(db: sqlite3.Connection) -> None:
    """The tables of incremental linking (schema version 7)."""
    for statement in TABLE_STATEMENTS:
        db.execute(statement)


def note_write(db: sqlite3.Connection, article_id: str, *, replaced: bool) -> None:
    """Inside an article's write transaction: the article is new work for every linking step."""
    db.execute("INSERT OR REPLACE INTO article_writes (article_id, generation, replaced)"
               " SELECT ?, CAST(value AS INTEGER), ? FROM meta WHERE key='generation'", (article_id, int(replaced)))


def aliases(db: sqlite3.Connection) -> list[tuple[str, str]]:
    """(retired canonical id, the id kept) pairs."""
    return db.execute("SELECT old_id, actor_id FROM actor_aliases").fetchall()


def _marks(n: int) -> str:
    return ",".join("?" * n)


def _chunks(ids: Iterable) -> Iterator[list]:
    ids = list(ids)
    for start in range(0, len(ids), CHUNK):
        yield ids[start:start + CHUNK]


def _dumps(value) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"), sort_keys=True)


class LinkRace(Exception):
    """Another process linked the same step between this one's reads and its write: redo the step."""


class Linking:
    """The linking's view of one store (all SQL of the cross-article step lives here)."""

    def __init__(self, store) -> None:
        self.store = store
        self.db: sqlite3.Connection = store.db
        self._read: dict[str, int | None] = {}  # step -> the journal entry its pending articles were read at

    def _select(self, sql: str, ids: Iterable, extra: tuple = ()) -> Iterator[tuple]:
        """Rows of `sql` (holding one `{marks}`) for the ids, a chunk at a time."""
        for chunk in _chunks(ids):
            yield from self.db.execute(sql.format(marks=_marks(len(chunk))), (*extra, *chunk))

    # ---- what is due -------------------------------------------------------------------

    def pending(self, step: str, generation: int) -> tuple[list[str], bool]:
        """The articles written since `step` last ran (up to `generation`), and whether any of them
        was reanalysed (its old records gone: the step is then redone whole)."""
        self._read[step] = self.store.linked(step)
        mark = self._read[step] or 0
        rows = self.db.execute("SELECT article_id, replaced FROM article_writes WHERE generation > ? AND generation <= ?"
                               " ORDER BY generation", (mark, generation)).fetchall()
        return [r[0] for r in rows], any(r[1] for r in rows)

    def needs_rebuild(self, step: str, settings: str = "") -> bool:
        """The step never ran, or its tables were made by another layout (an older parley) or with other
        settings (`settings` names what they depend on)."""
        index = self.store.meta(f"link_index:{step}")
        return self.store.linked(step) is None or index != f"{INDEX_VERSION}/{settings}"

    def _check(self, step: str) -> None:
        """Inside the step's write transaction, before any write: the journal is as it was read (two
        ingests into one store may link at once; the later one redoes its step over the new state)."""
        if step in self._read and self.store.linked(step) != self._read[step]:
            raise LinkRace(step)

    def _finish(self, step: str, generation: int, settings: str = "") -> None:
        """Inside the step's transaction: its journal entry (never moved back: a step another process
        ran further stays marked so) and what its tables were made with."""
        generation = max(generation, self.store.linked(step) or 0)
        self.db.execute("INSERT OR REPLACE INTO link_journal (step, generation) VALUES (?,?)", (step, generation))
        self.db.execute("INSERT OR REPLACE INTO meta (key, value) VALUES (?,?)",
                        (f"link_index:{step}", f"{INDEX_VERSION}/{settings}"))

    def dirty(self, kind: str) -> list[str]:
        return [r[0] for r in self.db.execute("SELECT id FROM link_dirty WHERE kind=? ORDER BY id", (kind,))]

    # ---- duplicates ----------------------------------------------------------------------

    def unsigned(self, ids: Iterable[str] | None, params: str) -> list[tuple[str, str]]:
        """(id, body) of the articles (all, or these) with no signature made with `params`."""
        sql = ("SELECT a.id, json_extract(a.data, '$.body') FROM articles a LEFT JOIN minhashes m"
               " ON m.article_id = a.id AND m.params = ? WHERE m.article_id IS NULL")
        if ids is None:
            return self.db.execute(sql + " ORDER BY a.rowid", (params,)).fetchall()
        return list(self._select(sql + " AND a.id IN ({marks})", ids, (params,)))

    def save_signatures(self, signed: list[tuple[str, str, int, bytes]], bands: list[tuple[int, str]],
                        params: str) -> None:
        """New signatures (id, params, size, sig) and their band keys (key, id): a redo rewrites the same."""
        with self.store._transaction():
            self.db.executemany("INSERT OR REPLACE INTO minhashes (article_id, params, size, sig) VALUES (?,?,?,?)",
                                signed)
            self.db.executemany("INSERT OR IGNORE INTO minhash_bands (key, article_id) VALUES (?,?)", bands)
            self.db.execute("DELETE FROM minhashes WHERE params != ?", (params,))

    def replace_bands(self, bands: Iterable[tuple[int, str]]) -> None:
        with self.store._transaction():
            self.db.execute("DELETE FROM minhash_bands")
            self.db.executemany("INSERT OR IGNORE INTO minhash_bands (key, article_id) VALUES (?,?)", bands)

    def signatures(self, ids: Iterable[str] | None, params: str) -> Iterator[tuple[str, str | None, int, int, bytes]]:
        """(id, published, ingestion order, shingle count, signature) of the articles (all, or these)."""
        sql = ("SELECT a.id, a.published, a.rowid, m.size, m.sig FROM articles a"
               " JOIN minhashes m ON m.article_id = a.id AND m.params = ?")
        if ids is None:
            return self.db.execute(sql, (params,))
        return self._select(sql + " WHERE a.id IN ({marks})", ids, (params,))

    def band_keys_of(self, ids: Iterable[str]) -> set[int]:
        return {r[0] for r in self._select("SELECT key FROM minhash_bands WHERE article_id IN ({marks})", ids)}

    def articles_in_bands(self, keys: Iterable[int]) -> set[str]:
        return {r[0] for r in self._select("SELECT article_id FROM minhash_bands WHERE key IN ({marks})", keys)}

    def duplicate_of(self, ids: Iterable[str] | None) -> dict[str, str | None]:
        if ids is None:
            return dict(self.db.execute("SELECT id, duplicate_of FROM articles"))
        return dict(self._select("SELECT id, duplicate_of FROM articles WHERE id IN ({marks})", ids))

    def save_duplicates(self, changed: dict[str, str | None], step: str, generation: int, settings: str) -> None:
        """Record which article each changed one copies; their events are redone by the events step."""
        with self.store._transaction():
            self._check(step)
            self.store._write_duplicates(changed)
            self.db.executemany("INSERT OR IGNORE INTO link_dirty (kind, id) VALUES ('article', ?)",
                                [(a,) for a in changed])
            self._finish(step, generation, settings)

    def copies(self) -> int:
        return self.db.execute("SELECT count(*) FROM articles WHERE duplicate_of IS NOT NULL").fetchone()[0]

    # ---- actors --------------------------------------------------------------------------

    def actor_items(self, article_ids: Iterable[str] | None) -> Iterator[tuple[str | None, str, int, str]]:
        """(article day, article id, ingestion order, per-article actor JSON) of the articles (all, or these),
        in (day, article id) order."""
        sql = "SELECT a.day, a.id, a.rowid, x.data FROM article_actors x JOIN articles a ON a.id = x.article_id"
        if article_ids is None:
            return self.db.execute(sql + " ORDER BY a.day, a.id")
        rows = list(self._select(sql + " WHERE a.id IN ({marks})", article_ids))
        return iter(sorted(rows, key=lambda r: (r[0] is not None, r[0] or "", r[1])))

    def profiles(self, ids: Iterable[str]) -> dict[str, dict]:
        return {i: json.loads(d) for i, d in self._select(
            "SELECT local_id, data FROM actor_profiles WHERE local_id IN ({marks})", ids)}

    def block_keys_of(self, ids: Iterable[str]) -> set[str]:
        return {r[0] for r in self._select("SELECT key FROM actor_blocks WHERE local_id IN ({marks})", ids)}

    def ids_in_blocks(self, keys: Iterable[str]) -> set[str]:
        return {r[0] for r in self._select("SELECT local_id FROM actor_blocks WHERE key IN ({marks})", keys)}

    def variant_groups(self, variants: Iterable[str]) -> dict[str, set[str]]:
        """Deletion -> the family names of the store's people that have it."""
        found: dict[str, set[str]] = {}
        for v, surname in self._select("SELECT variant, surname FROM name_variants WHERE variant IN ({marks})",
                                       variants):
            found.setdefault(v, set()).add(surname)
        return found

    def actor_map(self, ids: Iterable[str] | None) -> dict[str, str]:
        if ids is None:
            return dict(self.db.execute("SELECT local_id, actor_id FROM actor_map"))
        return dict(self._select("SELECT local_id, actor_id FROM actor_map WHERE local_id IN ({marks})", ids))

    def actor_rows(self, ids: Iterable[str] | None) -> dict[str, dict]:
        """Canonical actors (all, or these) as stored: id -> record dict."""
        if ids is None:
            rows = self.db.execute("SELECT id, data FROM actors")
        else:
            rows = self._select("SELECT id, data FROM actors WHERE id IN ({marks})", ids)
        return {i: json.loads(d) for i, d in rows}

    def canonical(self, local_ids: Iterable[str]) -> dict[str, dict]:
        """Per-article (or canonical, or retired) id -> its canonical actor's record dict, resolved as
        `Store.canonical_actors` does (the map first, then the actor's own id, then an alias), for these ids."""
        local_ids = set(local_ids)
        target = self.actor_map(local_ids)
        retired = dict(self._select("SELECT old_id, actor_id FROM actor_aliases WHERE old_id IN ({marks})",
                                    local_ids - set(target)))
        rows = self.actor_rows(set(target.values()) | set(retired.values()) | local_ids)
        found = {}
        for i in local_ids:
            for key in (target.get(i), i, retired.get(i)):
                if key in rows:
                    found[i] = rows[key]
                    break
        return found

    def save_actors(self, change: "ActorChange", step: str, generation: int, *, whole: bool) -> None:
        """Write one actor link: profiles and blocks of the ids seen, the canonical actors and map of the
        ids regrouped, aliases of the ids retired, and the remapped ids for the events step."""
        db = self.db
        with self.store._transaction():
            self._check(step)
            if whole:
                for table in ("actor_profiles", "actor_blocks", "name_variants", "actors", "actor_map"):
                    db.execute(f"DELETE FROM {table}")
            db.executemany("INSERT OR REPLACE INTO actor_profiles (local_id, data) VALUES (?,?)",
                           [(i, _dumps(p)) for i, p in change.profiles.items()])
            db.executemany("INSERT OR IGNORE INTO actor_blocks (key, local_id) VALUES (?,?)", change.blocks)
            db.executemany("INSERT OR IGNORE INTO name_variants (variant, surname) VALUES (?,?)", change.variants)
            self._replace_actors(change)
            db.executemany("INSERT OR IGNORE INTO link_dirty (kind, id) VALUES ('actor', ?)",
                           [(i,) for i in change.remapped])
            # how often the actors changed: what other connections' Store.refresh() looks at
            db.execute("INSERT INTO meta (key, value) VALUES ('actors', '1')"
                       " ON CONFLICT(key) DO UPDATE SET value = CAST(value AS INTEGER) + 1")
            self._finish(step, generation)
        self.store._canon = None

    def _replace_actors(self, change: "ActorChange") -> None:
        db = self.db
        db.executemany("DELETE FROM actors WHERE id=?", [(i,) for i in change.dropped])
        db.executemany("INSERT OR REPLACE INTO actors (id, name, kind, country, mentions, data) VALUES (?,?,?,?,?,?)",
                       [(a["id"], a["name"], a["kind"], a.get("country"), a.get("mentions"),
                         json.dumps(a, ensure_ascii=False, separators=(",", ":"))) for a in change.actors])
        db.executemany("INSERT OR REPLACE INTO actor_map (local_id, actor_id) VALUES (?,?)", change.mapping.items())
        for old, kept in change.retired.items():
            db.execute("UPDATE actor_aliases SET actor_id=? WHERE actor_id=?", (kept, old))
            db.execute("INSERT OR REPLACE INTO actor_aliases (old_id, actor_id) VALUES (?,?)", (old, kept))
        # an id given again (a group split back) is an actor's own id, no longer an alias
        db.executemany("DELETE FROM actor_aliases WHERE old_id=?", [(a["id"],) for a in change.actors])

    # ---- merged events -------------------------------------------------------------------

    def events_of_articles(self, article_ids: Iterable[str]) -> set[str]:
        return {r[0] for r in self._select("SELECT id FROM events WHERE article_id IN ({marks})", article_ids)}

    def events_of_actors(self, local_ids: Iterable[str]) -> set[str]:
        local_ids = list(local_ids)
        found = {r[0] for r in self._select("SELECT id FROM events WHERE actor1_id IN ({marks})", local_ids)}
        return found | {r[0] for r in self._select("SELECT id FROM events WHERE actor2_id IN ({marks})", local_ids)}

    def slots(self, event_ids: Iterable[str]) -> dict[str, tuple]:
        """Per-article event id -> (family, date_lo, date_hi, merged id) as last linked."""
        return {r[0]: r[1:] for r in self._select(
            "SELECT event_id, family, date_lo, date_hi, merged_id FROM event_families WHERE event_id IN ({marks})",
            event_ids)}

    def family_near(self, family: str, lo_from: str, lo_to: str, hi_from: str) -> dict[str, tuple]:
        """The family's events with date_lo in [lo_from, lo_to] and date_hi >= hi_from, as `slots`."""
        rows = self.db.execute(
            "SELECT event_id, family, date_lo, date_hi, merged_id FROM event_families WHERE family = ?"
            " AND date_lo BETWEEN ? AND ? AND date_hi >= ?", (family, lo_from, lo_to, hi_from))
        return {r[0]: r[1:] for r in rows}

    def family_undated(self, family: str) -> bool:
        return self.db.execute("SELECT 1 FROM event_families WHERE family = ? AND date_lo IS NULL LIMIT 1",
                               (family,)).fetchone() is not None

    def family_events(self, families: Iterable[str]) -> dict[str, tuple]:
        return {r[0]: r[1:] for r in self._select(
            "SELECT event_id, family, date_lo, date_hi, merged_id FROM event_families WHERE family IN ({marks})",
            families)}

    def raw_events(self, event_ids: Iterable[str] | None) -> list[tuple]:
        """(article id, source, outlet, published, duplicate_of, day, ingestion order, event JSON, actor ids)
        of the per-article events (all, or these)."""
        sql = ("SELECT a.id, a.source, a.outlet, a.published, a.duplicate_of, a.day, a.rowid, e.data, e.actor1_id,"
               " e.actor2_id FROM events e JOIN articles a ON a.id = e.article_id")
        if event_ids is None:
            return self.db.execute(sql + " ORDER BY e.date_lo, e.id").fetchall()
        return sorted(self._select(sql + " WHERE e.id IN ({marks})", event_ids), key=lambda r: r[7])

    def save_events(self, change: "EventChange", step: str, generation: int, *, whole: bool) -> None:
        """Replace the merged events of the per-article events redone, and note where each now is."""
        from .db import date_bounds  # db imports this module

        db = self.db
        with self.store._transaction():
            self._check(step)
            if whole:
                db.execute("DELETE FROM merged_events")
                db.execute("DELETE FROM event_families")
            db.executemany("DELETE FROM merged_events WHERE id=?", [(i,) for i in change.dropped])
            rows, slots = [], []
            for e, members, family in change.merged:
                lo, hi = date_bounds(e.date)
                rows.append((e.id, lo, hi, e.type, e.status, e.actor1.actor_id if e.actor1 else None,
                             e.actor2.actor_id if e.actor2 else None, e.n_sources, json.dumps(members),
                             json.dumps(to_dict(e), ensure_ascii=False, separators=(",", ":"))))
                slots += [(m, family, *change.bounds[m], e.id) for m in members]
            db.executemany("INSERT OR REPLACE INTO merged_events (id, date_lo, date_hi, type, status, actor1_id,"
                           " actor2_id, n_sources, members, data) VALUES (?,?,?,?,?,?,?,?,?,?)", rows)
            db.executemany("INSERT OR REPLACE INTO event_families (event_id, family, date_lo, date_hi, merged_id)"
                           " VALUES (?,?,?,?,?)", slots)
            db.execute("DELETE FROM link_dirty")
            self._finish(step, generation)

    def event_counts(self) -> dict:
        one = self.db.execute
        return {"events": one("SELECT count(*) FROM events").fetchone()[0],
                "merged_events": one("SELECT count(*) FROM merged_events").fetchone()[0],
                "multi_source_events": one("SELECT count(*) FROM merged_events WHERE n_sources > 1").fetchone()[0]}



class ActorChange:
    """What one actor link writes (see `Linking.save_actors`)."""

    def __init__(self) -> None:
        self.profiles: dict[str, dict] = {}  # per-article id -> its profile, for the ids seen
        self.blocks: list[tuple[str, str]] = []  # (block key, per-article id) of the ids seen
        self.variants: list[tuple[str, str]] = []  # (one-letter deletion, family name) of the ids seen
        self.actors: list[dict] = []  # the canonical actors of the groups redone, as record dicts
        self.mapping: dict[str, str] = {}  # per-article id -> canonical id, for the ids regrouped
        self.dropped: set[str] = set()  # canonical ids no longer given
        self.retired: dict[str, str] = {}  # canonical id no longer given -> the id its actor now has
        self.remapped: set[str] = set()  # per-article ids whose canonical actor (as events show it) changed


class EventChange:
    """What one events link writes (see `Linking.save_events`)."""

    def __init__(self) -> None:
        self.dropped: set[str] = set()  # the merged events of the per-article events redone, as they were
        self.bounds: dict[str, tuple] = {}  # per-article event id -> its date bounds, for the events redone
        self.merged: list[tuple] = []  # (merged Event, member ids, family)
