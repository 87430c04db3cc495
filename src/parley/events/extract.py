"""Clause-level event extraction. (Placeholder.)"""

from __future__ import annotations

from ..actors import ArticleActors
from ..options import Options
from ..records import Article, Event


def find_events(article: Article, doc, actors: ArticleActors, options: Options) -> list[Event]:
    return []
