"""Quotes: direct, partial and indirect, with the speaker resolved to an actor. (Placeholder.)"""

from __future__ import annotations

from .actors import ArticleActors
from .options import Options
from .records import Article, Quote


def find_quotes(article: Article, doc, actors: ArticleActors, options: Options) -> list[Quote]:
    return []
