"""The per-article pipeline: Document -> Article -> parse -> actors, quotes, events.

`Pipeline.process` is the one function every executor runs (in-process, worker processes, Dask);
it holds what is loaded once per process (the spaCy model, the actor knowledge).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import replace

from .actors import ArticleActors, find_actors, load_knowledge
from .clean import clean_document
from .errors import InputError, ParleyError
from .events import find_events
from .options import Options
from .quotes import find_quotes
from .records import Article, ArticleRecords, Document


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
        return self._nlp

    @property
    def knowledge(self) -> dict:
        if self._knowledge is None:
            self._knowledge = load_knowledge(self.options)
        return self._knowledge

    def clean(self, documents: Iterable[Document | ParleyError]) -> Iterator[Article | ParleyError]:
        for doc in documents:
            if isinstance(doc, ParleyError):
                yield doc
                continue
            try:
                yield clean_document(doc, self.options)
            except ParleyError as exc:
                yield exc
            except Exception as exc:  # a bug on one input must not lose the batch
                yield InputError("E012", path=doc.source, detail=f"{type(exc).__name__}: {exc}")

    def analyse(self, articles: Iterable[Article]) -> Iterator[ArticleRecords]:
        """Parse English articles in batches and run the record stages on each."""
        from .language import parse

        def english(items):
            for article in items:
                if self.options.nlp and article.body and (article.language or "en") == "en":
                    yield article
                else:
                    self._skipped.append(article)

        self._skipped: list[Article] = []
        for article, doc in parse(self.nlp, english(articles), self.options):
            while self._skipped:
                yield ArticleRecords(self._skipped.pop(0))
            yield self.records(article, doc)
        while self._skipped:
            yield ArticleRecords(self._skipped.pop(0))

    def records(self, article: Article, doc) -> ArticleRecords:
        actors: ArticleActors = find_actors(article, doc, self.knowledge, self.options)
        quotes = find_quotes(article, doc, actors, self.options)
        events = find_events(article, doc, actors, self.options)
        return ArticleRecords(article, actors.actors, actors.mentions, quotes, events)

    def process(self, documents: Iterable[Document | ParleyError]) -> Iterator[ArticleRecords | ParleyError]:
        """Documents in, records (or one error per unusable input) out, streaming."""
        articles: list[Article] = []

        def good(items):
            for item in items:
                if isinstance(item, ParleyError):
                    errors.append(item)
                else:
                    yield item

        errors: list[ParleyError] = []
        for records in self.analyse(good(self.clean(documents))):
            while errors:
                yield errors.pop(0)
            yield records
        yield from errors
        del articles
