"""Plain functions behind the commands (ingest a batch, code text without storing it) and the
Python API for notebooks (`parley.open`, `parley.code`; see docs/python.md)."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date

from .errors import ParleyError, UsageError
from .ids import content_id
from .options import Options
from .records import Article, ArticleRecords, Document, Event
from .store import Store

_DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")


@dataclass
class IngestReport:
    read: int = 0  # documents read
    stored: int = 0  # new articles stored
    known: int = 0  # already in the store (same content hash)
    errors: list = field(default_factory=list)  # [ParleyError], one per unusable input
    linked: dict = field(default_factory=dict)  # what the cross-article step made


def ingest(
    paths: list[str],
    options: Options,
    store: Store,
    *,
    on_error: Callable[[ParleyError], None] | None = None,
    on_article: Callable[[ArticleRecords], None] | None = None,
    on_warning: Callable[[str], None] | None = None,
) -> IngestReport:
    """Read, clean, analyse and store every input; one bad input never stops the batch.

    Documents already stored are recognised by their content hash before any work is done,
    so re-ingesting a corpus costs a read and a hash per file.
    """
    from .ingest import read_inputs
    from .pipeline import STAGE_FAILED
    from .run import make_executor
    from .stories import link_corpus

    report = IngestReport()

    def fail(error: ParleyError) -> None:
        report.errors.append(error)
        if on_error:
            on_error(error)

    def new_documents() -> Iterator[Document | ParleyError]:
        seen: set[str] = set()
        for item in read_inputs(paths, options):
            if isinstance(item, ParleyError):
                fail(item)
                continue
            report.read += 1
            if item.id in seen or store.has_article(item.id):
                report.known += 1
                continue
            seen.add(item.id)
            yield item

    executor = make_executor(options)
    try:
        for result in executor.map(new_documents()):
            if isinstance(result, ParleyError):
                fail(result)
                continue
            if store.add(result):
                report.stored += 1
                failed = [w for w in result.article.warnings if w.startswith(STAGE_FAILED)]
                if failed and on_warning:
                    on_warning(f"{result.article.source}: {failed[0]}")
                if on_article:
                    on_article(result)
            else:
                report.known += 1
    finally:
        executor.close()
    if report.stored or not store.meta("linked"):
        report.linked = link_corpus(store, options)
        store.set_meta("linked", "1")
    return report


def check_date(value: str | None) -> str | None:
    """A --since/--until/--date value: YYYY, YYYY-MM or YYYY-MM-DD."""
    if value is None:
        return None
    if _DATE.match(value):
        padded = value + "-01-01"[len(value) - 4:] if len(value) < 10 else value
        try:
            date.fromisoformat(padded)
            return value
        except ValueError:
            pass
    raise UsageError("E031", value=value)


def code(items: Iterable[tuple[str | None, str, str | None]], options: Options) -> Iterator[tuple[str | None, list[Event]]]:
    """Code (id, text, date) items without storing them: the text is taken as an article body."""
    from .pipeline import Pipeline

    pipeline = Pipeline(options)
    ids: dict[str, str | None] = {}

    def articles():
        for n, (item_id, text, day) in enumerate(items):
            check_date(day)
            aid = content_id(f"{n}\x1f{text}")
            ids[aid] = item_id
            yield Article(id=aid, source="input", body=text, published=day, language="en")

    for records in pipeline.analyse(articles()):
        yield ids.pop(records.article.id, None), records.events


class OpenStore:
    """A store opened for reading from Python: the CLI's listings with the CLI's filters, as tables."""

    def __init__(self, store: Store) -> None:
        self.store = store

    def __enter__(self) -> "OpenStore":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def close(self) -> None:
        self.store.close()

    def articles(self, *, outlet: str | None = None, since: str | None = None, until: str | None = None,
                 actor: str | None = None, search: str | None = None, limit: int | None = None):
        from .records import Article
        from .tables import Table

        return Table(Article, self.store.articles(outlet=outlet, since=check_date(since), until=check_date(until),
                                                  actor=actor, search=search, limit=limit))

    def events(self, *, actor: str | None = None, since: str | None = None, until: str | None = None,
               status: str | None = None, type: str | None = None, per_article: bool = False,
               limit: int | None = None):
        from .tables import Table

        return Table(Event, self.store.events(actor=actor, since=check_date(since), until=check_date(until),
                                              status=status, type=type, merged=False if per_article else None,
                                              limit=limit))

    def quotes(self, *, speaker: str | None = None, kind: str | None = None, search: str | None = None,
               limit: int | None = None):
        from .records import Quote
        from .tables import Table

        return Table(Quote, self.store.quotes(speaker=speaker, kind=kind, search=search, limit=limit))

    def actors(self, *, name: str | None = None, kind: str | None = None, limit: int | None = None):
        from .records import Actor
        from .tables import Table

        return Table(Actor, self.store.actors(name=name, kind=kind, limit=limit))


def open_store(path: str, *, create: bool = False) -> OpenStore:
    """A parley store file for reading (it must exist unless `create`)."""
    return OpenStore(Store(path, create=create))


def code_text(text: str, date: str | None = None, options: Options | None = None):
    """The events coded from one text (taken as an article body), without storing anything."""
    from .tables import Table

    found = [events for _, events in code([(None, text, date)], options or Options())]
    return Table(Event, found[0] if found else [])
