"""The per-article pipeline: Document -> Article -> parse -> actors, quotes, events.

`Pipeline.process` is the one function every executor runs (in-process, worker processes, Dask);
it holds what is loaded once per process (the spaCy model, the actor knowledge).
"""

from __future__ import annotations

import gc
from collections import deque
from collections.abc import Iterable, Iterator
from dataclasses import replace

from .actors import ArticleActors, find_actors, load_knowledge
from .clean import clean_document
from .errors import InputError, ParleyError
from .events import find_events
from .geo import actor_countries, locate_events, story_countries
from .ingest.limits import cut_long_runs
from .options import Options
from .quotes import find_quotes
from .records import Article, ArticleRecords, Document


# the start of the warning an article carries when a stage failed on it (the ingest reports it)
STAGE_FAILED = "actors, quotes and events skipped"
# allocations between young collections of the cyclic collector while a model is loaded (Python's
# default is 700): parsing and the record stages make millions of short-lived objects, nearly all
# freed by reference counting, so a collection every 700 of them walks live objects for nothing
# (0.17 s of gc per 89 stories at 700, 0.09 s at 20,000, measured with gc.callbacks); the memory
# held back is at most that many small objects
GC_YOUNG_THRESHOLD = 20_000


def fewer_collections() -> None:
    """Raise the young generation's threshold (never lower a caller's)."""
    young, *older = gc.get_threshold()
    if young and young < GC_YOUNG_THRESHOLD:
        gc.set_threshold(GC_YOUNG_THRESHOLD, *older)


def bounded(article: Article) -> Article:
    """The article with whitespace-free runs the tokenizer would spend quadratic time on cut (with
    a warning): the body is cut before parsing, so every offset found indexes the body stored."""
    body, cut = cut_long_runs(article.body)
    if not cut:
        return article
    return replace(article, body=body, warnings=[*article.warnings, f"{cut} overlong word(s) cut"])


class Pipeline:
    def __init__(self, options: Options) -> None:
        self.options = options
        self._nlp = None
        self._knowledge = None

    @property
    def nlp(self):
        if self._nlp is None:
            from .language import load_pipeline

            self._nlp = load_pipeline(self.options)
            gc.freeze()  # see `knowledge`
            fewer_collections()
        return self._nlp

    @property
    def knowledge(self):
        """The actor layer's knowledge (countries, titles, leaders, user actors)."""
        if self._knowledge is None:
            self._knowledge = load_knowledge(self.options)
            # the model and the knowledge live as long as the process: moved out of the cyclic
            # collector's generations, the full collections an ingest sets off no longer walk them
            gc.freeze()
        return self._knowledge

    def clean(self, documents: Iterable[Document | Article | ParleyError]) -> Iterator[Article | ParleyError]:
        """Documents cleaned into Articles; a stored Article (reprocess) is clean already."""
        for doc in documents:
            if isinstance(doc, (ParleyError, Article)):
                yield doc
                continue
            try:
                yield clean_document(doc, self.options)
            except ParleyError as exc:
                yield exc
            except RecursionError:
                yield InputError("E012", path=doc.source, detail="nested too deeply")
            except Exception as exc:  # a bug on one input must not lose the batch
                yield InputError("E012", path=doc.source, detail=f"{type(exc).__name__}: {str(exc)[:200]}")

    def analyse(self, articles: Iterable[Article]) -> Iterator[ArticleRecords]:
        """Parse articles in batches (nlp.pipe) and run the record stages on each, in input order.

        Articles that are not analysed (not English, empty) go through nlp.pipe as empty texts, so
        none is held back waiting for a parsed one: memory stays within one batch whatever the mix.
        With NLP switched off the model is not even loaded.
        """
        if not self.options.nlp:
            yield from (ArticleRecords(article) for article in articles)
            return
        from .language import parse

        held: deque[Article | None] = deque()  # per article in the batch: None, or the one not analysed

        def to_parse() -> Iterator[Article]:
            for article in articles:
                if article.body.strip() and (article.language or "en") == "en":
                    held.append(None)
                    yield bounded(article)
                else:
                    held.append(article)
                    yield replace(article, body="")  # an empty Doc costs next to nothing

        for article, doc in parse(self.nlp, to_parse(), self.options):
            skipped = held.popleft()
            yield ArticleRecords(skipped) if skipped is not None else self.safe_records(article, doc)

    def safe_records(self, article: Article, doc) -> ArticleRecords:
        """The records; a bug in a stage keeps the article (with a warning) and the batch going."""
        try:
            return self.records(article, doc)
        except Exception as exc:  # noqa: BLE001
            note = f"{STAGE_FAILED}: {type(exc).__name__}: {str(exc)[:200]}"
            return ArticleRecords(replace(article, warnings=[*article.warnings, note]))

    def records(self, article: Article, doc) -> ArticleRecords:
        actors: ArticleActors = find_actors(article, doc, self.knowledge, self.options)
        quotes = find_quotes(article, doc, actors, self.options)
        events = find_events(article, doc, actors, self.options, quotes)
        if events:  # coordinates for the events' places, ambiguity resolved by the story's countries
            countries = story_countries(actor_countries(actors.actors))
            events = locate_events(events, countries)
        return ArticleRecords(article, actors.actors, actors.mentions, quotes, events)

    def process(self, documents: Iterable[Document | ParleyError]) -> Iterator[ArticleRecords | ParleyError]:
        """Documents in, records (or one error per unusable input) out, streaming."""
        errors: deque[ParleyError] = deque()

        def articles() -> Iterator[Article]:
            for item in self.clean(documents):
                if isinstance(item, ParleyError):
                    errors.append(item)
                else:
                    yield item

        for records in self.analyse(articles()):
            while errors:
                yield errors.popleft()
            yield records
        yield from errors
