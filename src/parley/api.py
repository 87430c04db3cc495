"""Plain functions behind the commands (ingest a batch, code text without storing it) and the
Python API for notebooks (`parley.open`, `parley.code`; see docs/python.md)."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field, replace
from datetime import date

from .errors import ParleyError, UsageError
from .ids import content_id
from .options import Options
from .records import Article, ArticleRecords, Document, Event
from .store import Store
from .store import open_store as open_backend

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
    on_step: Callable[[str], None] | None = None,
) -> IngestReport:
    """Read, clean, analyse and store every input; one bad input never stops the batch.

    Documents already stored are recognised by their content hash before any work is done,
    so re-ingesting a corpus costs a read and a hash per file. `on_step` hears of every input
    done (stored, already known or refused), for a progress count.
    """
    from .ingest import read_inputs
    from .stories import link_corpus, link_pending

    report = IngestReport()
    hooks = _Hooks(report, on_error, on_article, on_warning, on_step)

    def new_documents() -> Iterator[Document | ParleyError]:
        seen: set[str] = set()
        for item in read_inputs(paths, options):
            if isinstance(item, ParleyError):
                hooks.fail(item)
                continue
            report.read += 1
            if item.id in seen or store.has_article(item.id):
                report.known += 1
                hooks.step(item.source)
                continue
            seen.add(item.id)
            yield item

    _analyse_and_store(new_documents(), options, store, hooks, store.add)
    if report.stored or link_pending(store):
        # the journal, not this run's count, says whether linking is due: a run killed while
        # linking left it pending, and the rerun (which stores nothing new) finishes it
        report.linked = link_corpus(store, options, resume=True)
    return report


def reprocess(
    options: Options,
    store: Store,
    *,
    since: str | None = None,
    outlet: str | None = None,
    on_error: Callable[[ParleyError], None] | None = None,
    on_warning: Callable[[str], None] | None = None,
    on_step: Callable[[str], None] | None = None,
    on_total: Callable[[int], None] | None = None,
) -> IngestReport:
    """Analyse stored articles again (after an upgrade, or new actors, aliases or options) from
    their stored clean text, without the sources: ids stay (they hash the source's text), and each
    article's new records replace the old in one transaction, so a run cut short leaves every
    article whole and a rerun finishes it. The same executors and per-article path as ingest."""
    from .pipeline import STAGE_FAILED
    from .stories import link_corpus

    report = IngestReport()
    hooks = _Hooks(report, on_error, None, on_warning, on_step)
    ids = store.article_ids(outlet=outlet, since=since)
    if on_total:
        on_total(len(ids))

    def stored_articles() -> Iterator[Article]:
        for article_id in ids:
            article = store.article(article_id)
            if article is not None:
                report.read += 1
                yield replace(article, warnings=[w for w in article.warnings if not w.startswith(STAGE_FAILED)])

    _analyse_and_store(stored_articles(), options.with_(nlp=True), store, hooks, store.replace_records)
    report.linked = link_corpus(store, options, resume=True)
    return report


@dataclass
class _Hooks:
    """Where a batch reports: the report it fills and the caller's callbacks."""

    report: IngestReport
    on_error: Callable[[ParleyError], None] | None
    on_article: Callable[[ArticleRecords], None] | None
    on_warning: Callable[[str], None] | None
    on_step: Callable[[str], None] | None

    def fail(self, error: ParleyError) -> None:
        self.report.errors.append(error)
        if self.on_error:
            self.on_error(error)
        self.step(error.path or "")

    def step(self, label: str) -> None:
        if self.on_step:
            self.on_step(label)


def _analyse_and_store(items: Iterable, options: Options, store: Store, hooks: _Hooks,
                       write: Callable[[ArticleRecords], bool]) -> None:
    """Run the items through the executor (the per-article pipeline) and write each result with
    `write` (one transaction per article)."""
    from .ingest.limits import one_line, reported
    from .pipeline import STAGE_FAILED
    from .run import make_executor

    report = hooks.report
    executor = make_executor(options)
    try:
        for result in executor.map(items):
            if isinstance(result, ParleyError):
                hooks.fail(result)
                continue
            if write(result):
                report.stored += 1
                failed = [w for w in result.article.warnings if w.startswith(STAGE_FAILED)]
                if hooks.on_warning:
                    for line in failed[:1] + reported(result.article.warnings):
                        hooks.on_warning(one_line(f"{result.article.source}: {line}"))
                if hooks.on_article:
                    hooks.on_article(result)
            else:
                report.known += 1
            hooks.step(result.article.headline or result.article.source)
    finally:
        executor.close()


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


def check_day(value: str | None) -> str | None:
    """A --date value for ingest: one full day, YYYY-MM-DD."""
    if value is not None and len(value) != 10:
        raise UsageError("E031", value=value)
    return check_date(value)


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
    return OpenStore(open_backend(path, create=create))


def code_text(text: str, date: str | None = None, options: Options | None = None):
    """The events coded from one text (taken as an article body), without storing anything."""
    from .tables import Table

    found = [events for _, events in code([(None, text, date)], options or Options())]
    return Table(Event, found[0] if found else [])
