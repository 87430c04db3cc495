"""Plain functions behind the commands: ingest a batch, code text without storing it."""

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
    from .ingest.limits import one_line, reported
    from .pipeline import STAGE_FAILED
    from .run import make_executor
    from .stories import link_corpus, link_pending

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
                if on_warning:
                    for line in failed[:1] + reported(result.article.warnings):
                        on_warning(one_line(f"{result.article.source}: {line}"))
                if on_article:
                    on_article(result)
            else:
                report.known += 1
    finally:
        executor.close()
    if report.stored or link_pending(store):
        # the journal, not this run's count, says whether linking is due: a run killed while
        # linking left it pending, and the rerun (which stores nothing new) finishes it
        report.linked = link_corpus(store, options, resume=True)
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
