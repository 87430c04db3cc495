"""The store: one SQLite file (WAL, FTS5), records kept whole as JSON beside indexed columns.

Writes of one article happen in one transaction, so an interrupted ingest leaves only whole
articles behind and a rerun completes it. Reads return the records of records.py, with per-article
actor ids replaced by the canonical actors of the cross-article merge.
"""

from __future__ import annotations

import itertools
import json
import sqlite3
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import replace
from datetime import datetime, timezone
from pathlib import Path
from types import MappingProxyType

from ..errors import StoreError
from ..records import (
    Actor,
    Article,
    ArticleRecords,
    Event,
    EventActor,
    Mention,
    Quote,
    from_dict,
    to_dict,
)
from .cache import ViewCache, cache_for
from .linking import aliases, note_write
from . import sql as sqlq
from .decode import decode_event
from .migrations import SCHEMA_VERSION, migrate
from .query import (COUNTRY_CODE, MARK_CLOSE, MARK_OPEN, ActorMatch, ArticleQuery, BoundArticleQuery, BoundEventQuery,
                    BoundQuoteQuery, EventQuery, QuoteQuery, actor_match, date_bounds)
from .reads import ExplorerReads
from .sql import event_filters, fts_query


def _dumps(record) -> str:
    return json.dumps(to_dict(record), ensure_ascii=False, separators=(",", ":"))


def _without_nul(value):
    if isinstance(value, str):
        return value.replace("\x00", "\ufffd")
    if isinstance(value, dict):
        return {k: _without_nul(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_without_nul(v) for v in value]
    return value


def storable(records: ArticleRecords) -> ArticleRecords:
    """The records as every backend holds them: PostgreSQL's text refuses NUL (SQLite's keeps it),
    so on both a NUL becomes U+FFFD, the character for text that cannot be shown, and a store reads
    back the same whichever backend holds it. The check is one repr; records without NUL pass as
    they are."""
    if "\\x00" not in repr(records):
        return records
    again = [[from_dict(type(r), _without_nul(to_dict(r))) for r in group]
             for group in ([records.article], records.actors, records.mentions, records.quotes, records.events)]
    return ArticleRecords(again[0][0], *again[1:])


class SQLiteStore(ExplorerReads):
    """A parley store file. Use as a context manager, or call close()."""

    def __init__(self, path: str | Path, *, create: bool = True) -> None:
        self.path = str(path)
        if self.path != ":memory:" and not create and not Path(self.path).exists():
            raise StoreError("E020", path=self.path, detail="no such file (run `parley ingest` first)")
        try:
            self.db = sqlite3.connect(self.path, timeout=30, isolation_level=None, check_same_thread=False)
            self.db.execute("PRAGMA journal_mode=WAL")
            self.db.execute("PRAGMA synchronous=NORMAL")
            self.db.execute("PRAGMA foreign_keys=ON")
            migrate(self.db)
            self._prepare_connection()
        except StoreError as exc:
            raise StoreError(exc.code, path=self.path, **exc.details) from exc
        except sqlite3.DatabaseError as exc:
            raise StoreError("E020", path=self.path, detail=str(exc)) from exc
        self._canon: dict[str, Actor] | None = None
        self._views: ViewCache | None = None

    def __enter__(self) -> "SQLiteStore":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def close(self) -> None:
        self.db.close()

    # ---- writes -------------------------------------------------------------------------

    def has_article(self, article_id: str) -> bool:
        return self.db.execute("SELECT 1 FROM articles WHERE id=?", (article_id,)).fetchone() is not None

    def add(self, records: ArticleRecords) -> bool:
        """Store one article and everything found in it, in one transaction. False if already there."""
        records = storable(records)
        a = records.article
        with self._transaction():
            if self.has_article(a.id):
                return False
            # each article write moves the generation on, so the linking knows it has work to redo
            self.db.execute("UPDATE meta SET value = CAST(value AS INTEGER) + 1 WHERE key = 'generation'")
            note_write(self.db, a.id, replaced=False)
            self.db.execute(
                "INSERT INTO articles (id, source, url, headline, outlet, published, day, language,"
                " duplicate_of, ingested_at, data) VALUES (?,?,?,?,?,?,?,?,?,?,?)",
                (a.id, a.source, a.url, a.headline, a.outlet, a.published, (a.published or "")[:10] or None,
                 a.language, a.duplicate_of, datetime.now(timezone.utc).isoformat(timespec="seconds"), _dumps(a)),
            )
            # articles_fts and quotes_fts follow their tables through triggers (store/tools.py)
            self._insert_found(records)
        return True

    def replace_records(self, records: ArticleRecords) -> bool:
        """Swap what was found in a stored article for a new analysis of it, in one transaction (an
        interrupted reprocess leaves each article wholly old or wholly new). False if not stored."""
        records = storable(records)
        a = records.article
        with self._transaction():
            if not self.has_article(a.id):
                return False
            # a new analysis is new work for the linking too (see `add`)
            self.db.execute("UPDATE meta SET value = CAST(value AS INTEGER) + 1 WHERE key = 'generation'")
            note_write(self.db, a.id, replaced=True)
            self.db.execute("UPDATE articles SET data=? WHERE id=?",
                            (_dumps(replace(a, duplicate_of=self._duplicate_of(a.id))), a.id))
            # the quotes' full-text entries go with them (a trigger, store/tools.py)
            for table in ("article_actors", "mentions", "quotes", "events"):
                self.db.execute(f"DELETE FROM {table} WHERE article_id=?", (a.id,))
            self._insert_found(records)
        return True

    def _duplicate_of(self, article_id: str) -> str | None:
        row = self.db.execute("SELECT duplicate_of FROM articles WHERE id=?", (article_id,)).fetchone()
        return row[0] if row else None

    def _insert_found(self, records: ArticleRecords) -> None:
        """The actors, mentions, quotes and events of one article (inside the caller's transaction)."""
        a = records.article
        self.db.executemany(
            "INSERT OR REPLACE INTO article_actors (article_id, actor_id, data) VALUES (?,?,?)",
            [(a.id, actor.id, _dumps(actor)) for actor in records.actors],
        )
        self.db.executemany(
            'INSERT INTO mentions (article_id, actor_id, start, "end", text, kind) VALUES (?,?,?,?,?,?)',
            [(a.id, m.actor_id, m.start, m.end, m.text, m.kind) for m in records.mentions],
        )
        # an upsert, not OR REPLACE: a replaced row would leave its old full-text entry behind
        self.db.executemany(
            "INSERT INTO quotes (id, article_id, speaker, speaker_actor_id, kind, data) VALUES (?,?,?,?,?,?)"
            " ON CONFLICT(id) DO UPDATE SET article_id=excluded.article_id, speaker=excluded.speaker,"
            " speaker_actor_id=excluded.speaker_actor_id, kind=excluded.kind, data=excluded.data",
            [(q.id, q.article_id, q.speaker, q.speaker_actor_id, q.kind, _dumps(q)) for q in records.quotes],
        )
        self.db.executemany(
            "INSERT OR REPLACE INTO events (id, article_id, date_lo, date_hi, type, status, actor1_id,"
            " actor2_id, data) VALUES (?,?,?,?,?,?,?,?,?)",
            [(e.id, a.id, *date_bounds(e.date), e.type, e.status, e.actor1.actor_id if e.actor1 else None,
              e.actor2.actor_id if e.actor2 else None, _dumps(e)) for e in records.events],
        )

    def article_ids(self, *, outlet: str | None = None, since: str | None = None) -> list[str]:
        """The ids of the stored articles matching the filters, in date order."""
        where, args = self.article_filters(outlet=outlet, since=since)
        sql = "SELECT a.id FROM articles a" + (" WHERE " + " AND ".join(where) if where else "")
        return [r[0] for r in self.db.execute(sql + " ORDER BY a.day IS NULL, a.day, a.published, a.id", args)]

    def set_duplicates(self, duplicate_of: dict[str, str | None]) -> None:
        """Record which article each article copies (None: it is an original)."""
        with self._transaction():
            self._write_duplicates(duplicate_of)

    def _write_duplicates(self, duplicate_of: dict[str, str | None]) -> None:
        """The writes of `set_duplicates`, inside a transaction the caller holds (linking's too)."""
        for article_id, original in duplicate_of.items():
            row = self.db.execute("SELECT data FROM articles WHERE id=?", (article_id,)).fetchone()
            if row is None:
                continue
            data = json.loads(row[0])
            data["duplicate_of"] = original
            self.db.execute(
                "UPDATE articles SET duplicate_of=?, data=? WHERE id=?",
                (original, json.dumps(data, ensure_ascii=False, separators=(",", ":")), article_id),
            )

    def set_actors(self, actors: Iterable[Actor], mapping: dict[str, str]) -> None:
        """Replace the canonical actors and the per-article id -> canonical id map."""
        with self._transaction():
            self.db.execute("DELETE FROM actors")
            self.db.execute("DELETE FROM actor_map")
            self.db.executemany(
                "INSERT INTO actors (id, name, kind, country, mentions, data) VALUES (?,?,?,?,?,?)",
                [(x.id, x.name, x.kind, x.country, x.mentions, _dumps(x)) for x in actors],
            )
            self.db.executemany("INSERT INTO actor_map (local_id, actor_id) VALUES (?,?)", list(mapping.items()))
            # how often the actors were replaced: what other connections' refresh() looks at
            self.db.execute("INSERT INTO meta (key, value) VALUES ('actors', '1')"
                            " ON CONFLICT(key) DO UPDATE SET value = CAST(value AS INTEGER) + 1")
        self._canon = None

    # ---- the linking journal: what the cross-article step has done, for crash-safe reruns ----

    def generation(self) -> int:
        """How many article writes the store has seen (the linking is current when it has run at this)."""
        row = self.db.execute("SELECT value FROM meta WHERE key='generation'").fetchone()
        return int(row[0]) if row else 0

    def linked(self, step: str) -> int | None:
        """The generation the cross-article `step` last completed at (None: never)."""
        row = self.db.execute("SELECT generation FROM link_journal WHERE step=?", (step,)).fetchone()
        return row[0] if row else None

    def set_meta(self, key: str, value: str) -> None:
        with self._transaction():
            self.db.execute("INSERT OR REPLACE INTO meta (key, value) VALUES (?,?)", (key, value))

    def meta(self, key: str) -> str | None:
        row = self.db.execute("SELECT value FROM meta WHERE key=?", (key,)).fetchone()
        return row[0] if row else None

    # ---- derived views, cached per state of the file (store/cache.py) ----------------------

    def writes(self) -> int:
        """How many write transactions the file has committed: any change to what a view shows moves it."""
        row = self.db.execute("SELECT value FROM meta WHERE key='writes'").fetchone()
        return int(row[0]) if row else 0

    def view(self, key: tuple, compute):
        """`compute()`, cached for this state of the file and shared by every connection to it in this
        process (the value is shared: callers must not change it). `key` names the view and its filters."""
        if self._views is None:
            self._views = ViewCache() if self.path == ":memory:" else cache_for(self.path, self.meta("instance"))
        return self._views.get(key, self.writes(), compute)

    # ---- reads --------------------------------------------------------------------------

    def count(self, table: str) -> int:
        if table not in {"articles", "actors", "quotes", "events", "merged_events", "mentions", "article_actors"}:
            raise ValueError(table)
        return self.db.execute(f"SELECT count(*) FROM {table}").fetchone()[0]

    def article(self, article_id: str) -> Article | None:
        row = self.db.execute("SELECT data FROM articles WHERE id=?", (article_id,)).fetchone()
        return from_dict(Article, json.loads(row[0])) if row else None

    def articles(self, query: ArticleQuery | None = None, /, **filters) -> Iterator[Article]:
        """Articles matching an ArticleQuery (or its fields as keywords), in date order."""
        if query is None:
            ids = filters.pop("ids", None)
            query = ArticleQuery(ids=tuple(ids) if ids is not None else None, **filters)
        q = query
        where, args = self.article_filters(outlet=q.outlet, since=q.since, until=q.until, actor=q.actor)
        if q.ids is not None:
            clause, ids = sqlq.in_list("a.id", q.ids)
            where.append(clause)
            args += ids
        if q.search:
            fts, fts_args = self._fts_articles(q.search)
            where.append(f"a.id IN ({fts})")
            args += fts_args
        sql = "SELECT a.data FROM articles a"
        if where:
            sql += " WHERE " + " AND ".join(where)
        order = "DESC" if q.newest_first else "ASC"
        sql += f" ORDER BY a.day IS NULL, a.day {order}, a.published {order}, a.id"
        sql += self._paging(q.limit, q.offset)
        for (data,) in self.db.execute(sql, args):
            yield from_dict(Article, json.loads(data))

    def bind_articles(self, query: ArticleQuery) -> BoundArticleQuery:
        """The query with its actor and its full-text search resolved against this store."""
        return BoundArticleQuery(
            query, actor_ids=frozenset(self.local_ids(query.actor)) - {"\x00"} if query.actor else None,
            found=frozenset(self.find_articles(query.search)) if query.search else None)

    def bind_quotes(self, query: QuoteQuery) -> BoundQuoteQuery:
        return BoundQuoteQuery(
            query, speaker_ids=frozenset(self.local_ids(query.speaker)) - {"\x00"} if query.speaker else None,
            found=frozenset(self.find_quotes(query.search)) if query.search else None)

    def article_filters(self, *, outlet: str | None = None, since: str | None = None, until: str | None = None,
                        actor: str | None = None) -> tuple[list[str], list]:
        """SQL conditions (on `articles a`) and their arguments for the usual article filters."""
        where, args = [], []
        if outlet:
            where.append(self._like("a.outlet"))
            args.append(f"%{outlet}%")
        if since:
            where.append("a.day >= ?")
            args.append(date_bounds(since)[0])
        if until:
            where.append("a.day <= ?")
            args.append(date_bounds(until)[1])
        if actor:
            clause, local = sqlq.in_list("actor_id", self.local_ids(actor))
            where.append(f"a.id IN (SELECT article_id FROM article_actors WHERE {clause})")
            args += local
        return where, args

    def count_articles(self, **filters) -> int:
        """How many articles match the usual filters (see article_filters)."""
        where, args = self.article_filters(**filters)
        sql = "SELECT count(*) FROM articles a" + (" WHERE " + " AND ".join(where) if where else "")
        return self.db.execute(sql, args).fetchone()[0]

    def article_links(self) -> dict[str, tuple[str, str]]:
        """article id -> (URL or '', when it was stored, ISO 8601 UTC): what exports cite."""
        rows = self.db.execute("SELECT id, coalesce(url, ''), ingested_at FROM articles")
        return {aid: (url, at) for aid, url, at in rows}

    def search(self, query: str, limit: int = 20, offset: int = 0) -> list[tuple[str, str, str]]:
        """(article_id, headline, snippet with [matches] marked) for a full-text search, best first."""
        text, args = self._ranked_search(query, "[", "]", 16)
        rows = self.db.execute(text.replace("{where}", "") + self._paging(limit, offset), args)
        return [(r[0], r[1], r[5]) for r in rows]

    def mentions(self, article_id: str) -> list[Mention]:
        rows = self.db.execute(
            'SELECT article_id, actor_id, text, start, "end", kind FROM mentions WHERE article_id=? ORDER BY start',
            (article_id,),
        )
        return [Mention(r[0], self.canonical_id(r[1]), r[2], r[3], r[4], r[5]) for r in rows]

    def article_actors(self) -> Iterator[tuple[str | None, Actor]]:
        """Every per-article actor with its article's date: the input of the cross-article merge."""
        rows = self.db.execute(
            # the undated first, on both backends (SQLite sorts NULL first, PostgreSQL last)
            "SELECT a.day, x.data FROM article_actors x JOIN articles a ON a.id = x.article_id"
            " ORDER BY a.day IS NOT NULL, a.day, a.id"
        )
        for day, data in rows:
            yield day, from_dict(Actor, json.loads(data))

    # canonical actors

    def _canonical(self) -> dict[str, Actor]:
        if self._canon is None:
            actors = {r[0]: from_dict(Actor, json.loads(r[1])) for r in self.db.execute("SELECT id, data FROM actors")}
            canon = dict(actors)
            for local, target in self.db.execute("SELECT local_id, actor_id FROM actor_map"):
                if target in actors:
                    canon[local] = actors[target]
            for old, target in aliases(self.db):  # ids retired by a merge still lead to the actor kept
                if target in actors:
                    canon.setdefault(old, actors[target])
            self._canon = canon
        return self._canon

    def refresh(self) -> None:
        """Forget cached canonical actors if another connection (the linking of an ingest) replaced them.
        Article writes leave them alone: reloading them on each of those would put every read of a
        server behind a running ingest."""
        version = self.db.execute("PRAGMA data_version").fetchone()[0]
        if version != getattr(self, "_data_version", None):
            self._data_version = version
            actors_version = self.meta("actors")
            if actors_version != getattr(self, "_actors_version", None):
                self._actors_version = actors_version
                self._canon = None

    def actor_names(self, ids: Iterable[str]) -> dict[str, str]:
        """Display names for canonical or per-article actor ids (unknown ids are left out)."""
        canon = self._canonical()
        names = {i: canon[i].name for i in ids if i in canon}
        missing = [i for i in ids if i not in names]
        for start in range(0, len(missing), 500):
            chunk = missing[start:start + 500]
            rows = self.db.execute(
                f"SELECT actor_id, min({self._json('data', 'name')}) FROM article_actors"
                f" WHERE actor_id IN ({','.join('?' * len(chunk))}) GROUP BY actor_id", chunk)
            names.update(dict(rows.fetchall()))
        return names

    def canonical_actors(self) -> Mapping[str, Actor]:
        """Every known actor id (canonical or per-article) -> the canonical actor it stands for (read-only)."""
        return MappingProxyType(self._canonical())

    def canonical_id(self, actor_id: str | None) -> str | None:
        if actor_id is None:
            return None
        actor = self._canonical().get(actor_id)
        return actor.id if actor else actor_id

    def canonical_ref(self, ref: EventActor | None) -> EventActor | None:
        if ref is None or ref.actor_id is None:
            return ref
        actor = self._canonical().get(ref.actor_id)
        if actor is None:
            return ref
        return ref.under(actor.id, actor.name, actor.country, actor.sector)

    def actors(self, *, name: str | None = None, kind: str | None = None,
               limit: int | None = None, offset: int = 0) -> Iterator[Actor]:
        """Canonical actors, most mentioned first; before any merge, the per-article ones grouped by id."""
        if not self.count("actors"):
            yield from self._unmerged_actors(name, kind, limit, offset)
            return
        where, args = [], []
        if name:
            where.append(f"({self._like('name')} OR {self._like('data')})")
            args += [f"%{name}%", f"%{name}%"]
        if kind:
            where.append("kind = ?")
            args.append(kind)
        sql = "SELECT data FROM actors" + (" WHERE " + " AND ".join(where) if where else "")
        sql += " ORDER BY mentions DESC, name" + self._paging(limit, offset)
        for (data,) in self.db.execute(sql, args):
            yield from_dict(Actor, json.loads(data))

    def _unmerged_actors(self, name, kind, limit, offset) -> Iterator[Actor]:
        where, args = [], []
        if name:
            where.append(self._like("data"))
            args.append(f"%{name}%")
        if kind:
            where.append(f"{self._json('data', 'kind')} = ?")
            args.append(kind)
        sql = (f"SELECT min({self._as_text('data')}), sum({self._json_int('data', 'mentions')}) AS n FROM article_actors"
               + (" WHERE " + " AND ".join(where) if where else "")
               + " GROUP BY actor_id ORDER BY n DESC NULLS LAST, actor_id" + self._paging(limit, offset))
        for data, n in self.db.execute(sql, args):
            yield replace(from_dict(Actor, json.loads(data)), mentions=n or 0)

    def actor(self, key: str) -> Actor | None:
        """An actor by id, exact name or alias, else the best-mentioned partial match."""
        canon = self._canonical()
        if key in canon:
            return canon[key]
        lowered = key.lower()
        partial = None
        for actor in self.actors():
            names = [actor.name.lower()] + [a.lower() for a in actor.aliases]
            if lowered in names:
                return actor
            if partial is None and any(lowered in n for n in names):
                partial = actor
        return partial

    def local_ids(self, name: str) -> list[str]:
        """All per-article actor ids that stand for the actors matching a name (id, name or alias)."""
        targets = {a.id for a in self.actors(name=name)}
        exact = self.actor(name)
        if exact:
            targets.add(exact.id)
        local = set(targets)
        for lid, aid in self.db.execute("SELECT local_id, actor_id FROM actor_map"):
            if aid in targets:
                local.add(lid)
        return sorted(local) or ["\x00"]

    # quotes and events

    def quotes(self, query: QuoteQuery | None = None, /, **filters) -> Iterator[Quote]:
        """Quotations matching a QuoteQuery (or its fields as keywords), each speaker the canonical actor."""
        q = query or QuoteQuery(**filters)
        speaker, article_id, search, kind, limit, offset = q.speaker, q.article_id, q.search, q.kind, q.limit, q.offset
        where, args = [], []
        if speaker:
            clause, local = sqlq.in_list("q.speaker_actor_id", self.local_ids(speaker))
            where.append(f"({clause} OR {self._like('q.speaker')})")
            args += local + [f"%{speaker}%"]
        if article_id:
            where.append("q.article_id = ?")
            args.append(article_id)
        if kind:
            where.append("q.kind = ?")
            args.append(kind)
        if search:
            fts, fts_args = self._fts_quotes(search)
            where.append(f"q.id IN ({fts})")
            args += fts_args
        sql = "SELECT q.data FROM quotes q JOIN articles a ON a.id = q.article_id"
        if where:
            sql += " WHERE " + " AND ".join(where)
        sql += f" ORDER BY a.day IS NOT NULL, a.day, q.article_id, {self._json_int('q.data', 'start')}, q.id" + self._paging(limit, offset)
        for (data,) in self.db.execute(sql, args):
            q = from_dict(Quote, json.loads(data))
            if q.speaker_actor_id:
                actor = self._canonical().get(q.speaker_actor_id)
                if actor is not None:
                    q = replace(q, speaker=actor.name, speaker_actor_id=actor.id)
            yield q

    def events(self, query: EventQuery | None = None, /, **filters) -> Iterator[Event]:
        """Events matching an EventQuery (or its fields as keywords), in its order. Merged across
        articles when the cross-article step has run (and `merged` is not False); else as coded in
        each article. The SQL narrows the rows (store/sql.py); the query's predicate decides."""
        bound = self.bind_events(query or EventQuery(**filters))
        q = bound.query
        rows = self._event_rows(bound)
        kept = (e for e in rows if bound.matches(e))
        stop = None if q.limit is None else q.offset + q.limit
        yield from itertools.islice(kept, q.offset, stop)

    def bind_events(self, query: EventQuery) -> BoundEventQuery:
        """The query with its actor keys and full-text search resolved against this store."""
        merged = query.merged if query.merged is not None else self.event_table() == "merged_events"
        return BoundEventQuery(
            query,
            actor=self.actor_match(query.actor) if query.actor else None,
            dyad=(self.actor_match(query.dyad[0]), self.actor_match(query.dyad[1])) if query.dyad else None,
            found=frozenset(self.find_articles(query.search)) if query.search else None,
            merged=merged and not query.article_id,
        )

    def actor_match(self, key: str) -> ActorMatch:
        """Which event sides stand for `key` (an id, name, alias or country code): see query.ActorMatch."""
        return actor_match(key, self.local_ids(key) if not COUNTRY_CODE.match(key) else (),
                           self.canonical_actors())

    def event_candidates(self, bound: BoundEventQuery) -> Iterator[Event]:
        """Every row the SQL translation of `bound` selects, decoded (a superset of the answer)."""
        table = "merged_events" if bound.merged else "events"
        where, args = sqlq.event_where(self, bound, table)
        text = f"SELECT data FROM {table}" + (" WHERE " + " AND ".join(where) if where else "")
        text += sqlq.event_order(self, bound.query.newest_first)
        for (data,) in self.db.execute(text, args):
            yield decode_event(self, data)

    def _event_rows(self, bound: BoundEventQuery) -> Iterator[Event]:
        """The candidates, read a page at a time when the query is paged: the cost follows the page."""
        q = bound.query
        if q.limit is None:
            yield from self.event_candidates(bound)
            return
        table = "merged_events" if bound.merged else "events"
        where, args = sqlq.event_where(self, bound, table)
        text = f"SELECT data FROM {table}" + (" WHERE " + " AND ".join(where) if where else "")
        text += sqlq.event_order(self, q.newest_first) + " LIMIT ? OFFSET ?"
        page = q.limit + q.offset + q.limit // 4 + 1  # room for the few the predicate drops
        start = 0
        while True:
            rows = self.db.execute(text, args + [page, start]).fetchall()
            for (data,) in rows:
                yield decode_event(self, data)
            if len(rows) < page:
                return
            start += page

    def event_table(self) -> str:
        """The table event views read: merged events once the cross-article step has run."""
        merged = self.db.execute("SELECT EXISTS (SELECT 1 FROM merged_events)").fetchone()[0]
        return "merged_events" if merged else "events"

    def event_pairs(self, *, since: str | None = None, until: str | None = None, status: str | None = None,
                    type: str | None = None, statuses: Iterable[str] = (),
                    counted_types: Iterable[str] = ()) -> list[tuple[str, str, int, int]]:
        """(actor1 id, actor2 id, events, events of `counted_types`) per ordered pair of different
        per-article actor ids, over the events matching the filters (`statuses`: any of these).
        Answered from the index of schema 6 alone: no event row is read."""
        where, args = event_filters(since=since, until=until, status=status, type=type)
        where += ["actor1_id IS NOT NULL", "actor2_id IS NOT NULL", "actor1_id != actor2_id"]
        statuses, counted = sorted(statuses), sorted(counted_types)
        if statuses:
            where.append(f"status IN ({','.join('?' * len(statuses))})")
            args += statuses
        sql = (f"SELECT actor1_id, actor2_id, count(*), coalesce(sum(CASE WHEN type IN ({','.join('?' * len(counted)) or 'NULL'}) THEN 1 ELSE 0 END), 0)"
               f" FROM {self.event_table()} WHERE {' AND '.join(where)} GROUP BY actor1_id, actor2_id")
        return [tuple(r) for r in self.db.execute(sql, counted + args)]

    def top_pair(self) -> tuple[str, str] | None:
        """The pair of per-article actor ids with the most events between them (ties: by id)."""
        row = self.db.execute(
            f"SELECT actor1_id, actor2_id FROM {self.event_table()} WHERE actor1_id IS NOT NULL"
            " AND actor2_id IS NOT NULL AND actor1_id != actor2_id GROUP BY actor1_id, actor2_id"
            " ORDER BY count(*) DESC, 1, 2 LIMIT 1").fetchone()
        return (row[0], row[1]) if row else None

    def raw_events(self) -> Iterator[tuple[Article, Event]]:
        """Every per-article event with its article (the input of cross-article merging), by date."""
        articles: dict[str, Article] = {}
        for article_id, data in self.db.execute("SELECT article_id, data FROM events ORDER BY date_lo, id"):
            if article_id not in articles:
                articles[article_id] = self.article(article_id)
            e = from_dict(Event, json.loads(data))
            yield articles[article_id], replace(e, actor1=self.canonical_ref(e.actor1), actor2=self.canonical_ref(e.actor2))

    # ---- the SQLite dialect of the shared SQL (store/sql.py; store/postgres.py has its own) --------

    def _paging(self, limit: int | None, offset: int) -> str:
        return _paging(limit, offset)

    def after_bulk_load(self) -> None:
        """After `parley copy` filled the store: nothing to do for SQLite (ANALYZE is for queries it
        plans well already)."""

    def tables(self) -> list[str]:
        """The store's own tables (not SQLite's nor the full-text index's internals)."""
        rows = self.db.execute("SELECT name FROM sqlite_master WHERE type='table' AND name NOT LIKE 'sqlite_%'"
                               " AND name NOT LIKE '%_fts' AND name NOT LIKE '%_fts_%'")
        return sorted(r[0] for r in rows)

    def _like(self, column: str) -> str:
        return f"{column} LIKE ?"  # SQLite's LIKE ignores the case of ASCII letters

    def _json(self, column: str, path: str) -> str:
        return f"json_extract({column}, '$.{path}')"

    def _as_text(self, column: str) -> str:
        return column  # a JSON column is text already

    def _lower(self, expression: str, value: str) -> str:
        # SQLite's lower() folds ASCII only; names and search words follow Python's str.lower()
        return f"lower({expression})" if value.isascii() else f"parley_lower({expression})"

    def _json_int(self, column: str, path: str) -> str:
        return self._json(column, path)  # json_extract gives the stored number

    def _fts_quotes(self, text: str) -> tuple[str, list]:
        return "SELECT quote_id FROM quotes_fts WHERE quotes_fts MATCH ?", [fts_query(text)]

    def _fts_articles(self, text: str) -> tuple[str, list]:
        return "SELECT article_id FROM articles_fts WHERE articles_fts MATCH ?", [fts_query(text)]

    def _source_articles(self, table: str) -> str:
        return f"(SELECT json_extract(s.value, '$.article_id') AS src FROM json_each({table}.data, '$.sources') s)"

    def _all_words(self, column: str, words: list[str]) -> tuple[str, list]:
        return f"parley_all_words_in({column}, ?)", ["\x1f".join(words)]

    def _desc_nulls_last(self, column: str) -> str:
        return f"{column} DESC"  # SQLite puts NULL first in ascending order, last in descending

    def _ranked_search(self, text: str, open_: str = MARK_OPEN, close: str = MARK_CLOSE,
                       words: int = 24) -> tuple[str, list]:
        """(id, headline, outlet, published, duplicate_of, snippet) of the articles the search finds,
        best first; `{where}` stands for more conditions on `articles a`."""
        return (f"SELECT a.id, a.headline, a.outlet, a.published, a.duplicate_of,"
                f" snippet(articles_fts, 2, '{open_}', '{close}', ' … ', {int(words)})"
                " FROM articles_fts f JOIN articles a ON a.id = f.article_id WHERE articles_fts MATCH ?{where}"
                " ORDER BY rank", [fts_query(text)])

    def _newest_articles(self) -> str:
        # by the moment of publication (julianday reads the offset, so times in different zones
        # compare in UTC), then by when it was stored
        return ("a.day IS NULL, a.day DESC, julianday(a.published) IS NULL, julianday(a.published) DESC,"
                " a.ingested_at DESC, a.id")

    def _prepare_connection(self) -> None:
        """The Python functions the shared SQL calls (Datasette's prepare_connection)."""
        self.db.create_function("parley_lower", 1, _python_lower, deterministic=True)
        self.db.create_function("parley_all_words_in", 2, _all_words_in, deterministic=True)

    # ---- plumbing -----------------------------------------------------------------------

    def _transaction(self):
        return _Transaction(self.db)


class _Transaction:
    """BEGIN IMMEDIATE ... COMMIT, rolled back on any error: a write is whole or absent."""

    def __init__(self, db: sqlite3.Connection) -> None:
        self.db = db

    def __enter__(self):
        self.db.execute("BEGIN IMMEDIATE")
        return self.db

    def __exit__(self, exc_type, exc, tb) -> None:
        if exc_type is None:
            # the cached views (store/cache.py) are keyed on this count
            self.db.execute("UPDATE meta SET value = CAST(value AS INTEGER) + 1 WHERE key = 'writes'")
        self.db.execute("COMMIT" if exc_type is None else "ROLLBACK")


def _python_lower(value):
    return value.lower() if isinstance(value, str) else value


def _all_words_in(data, words):
    if not isinstance(data, str):
        return 0
    lowered = data.lower()
    return int(all(w in lowered for w in words.split("\x1f")))


def _paging(limit: int | None, offset: int) -> str:
    if limit is None and not offset:
        return ""
    return f" LIMIT {int(limit) if limit is not None else -1} OFFSET {int(offset)}"


__all__ = ["SQLiteStore", "SCHEMA_VERSION", "date_bounds", "event_filters", "fts_query"]
