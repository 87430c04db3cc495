"""What the explorer, the timelines and the exports read beyond whole records: article lists with
full-text snippets, outlets, co-occurring actors, article bodies for the date signal. Shared by both
backends; the dialect methods (`_json`, `_snippet`, `_fts_articles`, ...) say what differs."""

from __future__ import annotations

from .query import ArticleQuery
from .sql import in_list, marks


class ExplorerReads:
    """Mixed into the stores: every method reads through `self.db` in the shared SQL."""

    def find_articles(self, text: str) -> set[str]:
        """The ids of the articles the full-text search finds for `text` (every word required)."""
        fts, args = self._fts_articles(text)
        return {r[0] for r in self.db.execute(fts, args)}

    def has_articles(self) -> bool:
        """Whether the store holds any article (cheap on both backends, unlike a count)."""
        return bool(self.db.execute("SELECT EXISTS (SELECT 1 FROM articles)").fetchone()[0])

    def find_quotes(self, text: str) -> set[str]:
        """The ids of the quotations the full-text search finds for `text` (every word required)."""
        fts, args = self._fts_quotes(text)
        return {r[0] for r in self.db.execute(fts, args)}

    def article_list(self, query: ArticleQuery) -> list[tuple]:
        """(id, headline, outlet, published, duplicate_of, snippet) of the articles matching: best
        match first with a search (the snippet marks the matches with query.MARK_OPEN/MARK_CLOSE),
        else newest first by the moment of publication, then by when it was stored."""
        q = query
        where, args = self.article_filters(outlet=q.outlet, since=q.since, until=q.until, actor=q.actor)
        if q.search:
            text, fts_args = self._ranked_search(q.search)
            where_sql = "".join(" AND " + w for w in where)
            text = text.replace("{where}", where_sql)
            args = fts_args + args
        else:
            text = "SELECT a.id, a.headline, a.outlet, a.published, a.duplicate_of, '' FROM articles a"
            text += (" WHERE " + " AND ".join(where) if where else "") + " ORDER BY " + self._newest_articles()
        text += " LIMIT ? OFFSET ?"
        return [tuple(r) for r in self.db.execute(text, args + [q.limit or 20, q.offset])]

    def outlets(self, limit: int = 200) -> list[str]:
        """The outlets with the most articles, in name order."""
        rows = self.db.execute("SELECT outlet FROM articles WHERE outlet IS NOT NULL GROUP BY outlet"
                               " ORDER BY count(*) DESC, outlet LIMIT ?", (limit,))
        return sorted(r[0] for r in rows)

    def article_summaries(self, ids=None, *, duplicate_of: str | None = None, limit: int = 100) -> list[tuple]:
        """(id, headline, outlet, published, duplicate_of) of these articles, or of the copies of one."""
        head = "SELECT id, headline, outlet, published, duplicate_of FROM articles"
        if duplicate_of is not None:
            return [tuple(r) for r in self.db.execute(head + " WHERE duplicate_of = ? ORDER BY id LIMIT ?",
                                                      (duplicate_of, limit))]
        ids = list(dict.fromkeys(ids or ()))
        out = []
        for start in range(0, len(ids), 500):
            clause, args = in_list("id", ids[start:start + 500])
            out += [tuple(r) for r in self.db.execute(f"{head} WHERE {clause}", args)]
        return out

    def article_id_by_prefix(self, prefix: str) -> str | None:
        """The one article id starting with `prefix`, if exactly one does."""
        rows = self.db.execute("SELECT id FROM articles WHERE id >= ? AND id < ? ORDER BY id LIMIT 2",
                               (prefix, prefix + "\uffff")).fetchall()
        return rows[0][0] if len(rows) == 1 else None

    def article_texts(self, ids=None) -> list[tuple[str, str | None, str]]:
        """(id, published, body) of the original (not copied) articles, all or these, in store order."""
        head = f"SELECT rowid, id, published, {self._json('data', 'body')} FROM articles WHERE duplicate_of IS NULL"
        if ids is None:
            rows = self.db.execute(head + " ORDER BY rowid").fetchall()
        else:
            ids, rows = sorted(set(ids)), []
            for start in range(0, len(ids), 500):
                clause, args = in_list("id", ids[start:start + 500])
                rows += self.db.execute(f"{head} AND {clause}", args).fetchall()
            rows.sort()
        return [(r[1], r[2], r[3] or "") for r in rows]

    def actors_alongside(self, local_ids: list[str]) -> list[tuple[str, int]]:
        """(per-article actor id, articles) of the actors named in the articles naming any of these."""
        clause, args = in_list("actor_id", local_ids)
        return [tuple(r) for r in self.db.execute(
            "SELECT actor_id, count(*) FROM article_actors WHERE article_id IN"
            f" (SELECT article_id FROM article_actors WHERE {clause}) GROUP BY actor_id", args)]

    def counterparts(self, local_ids: list[str]) -> list[tuple[str, int]]:
        """(per-article actor id, events) of the other sides of the events of any of these ids."""
        ids = sorted({i for i in local_ids if i and i != "\x00"})
        if not ids:
            return []
        m = marks(len(ids))
        return [tuple(r) for r in self.db.execute(
            f"SELECT CASE WHEN actor1_id IN ({m}) THEN actor2_id ELSE actor1_id END, count(*)"
            f" FROM {self.event_table()} WHERE actor1_id IN ({m}) OR actor2_id IN ({m}) GROUP BY 1", ids * 3)]
