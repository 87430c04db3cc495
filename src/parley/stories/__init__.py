"""Across articles: duplicates, actor merging, event merging, timelines and dyads."""

from __future__ import annotations

from ..options import Options
from ..store import Store


def link_corpus(store: Store, options: Options) -> dict:
    """The cross-article step, run after each ingest: each part is linear in the corpus size."""
    summary: dict = {}
    try:
        from ..actors.merge import merge_actors
    except ImportError:
        return summary
    actors, mapping = merge_actors(store.article_actors())
    store.set_actors(actors, mapping)
    summary["actors"] = len(actors)
    return summary
