"""The one spaCy pipeline, loaded once per process. (Minimal; the actors work extends it with rules.)"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from .options import Options
from .records import Article


def load_pipeline(options: Options) -> Language:
    nlp = spacy.load(options.model)
    nlp.max_length = max(nlp.max_length, options.max_body_chars + 1)
    return nlp


def parse(nlp: Language, articles: Iterable[Article], options: Options) -> Iterator[tuple[Article, Doc]]:
    """(article, doc) pairs in input order, parsed in batches with nlp.pipe."""
    pairs = ((a.body, a) for a in articles)
    yield from ((a, doc) for doc, a in ((d, ctx) for d, ctx in nlp.pipe(pairs, as_tuples=True, batch_size=options.batch_size)))
