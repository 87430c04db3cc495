"""Across articles: duplicates, actor merging, event merging, timelines and dyads."""

from __future__ import annotations

from ..options import Options
from ..store import Store
from .duplicates import link_duplicates
from .merge import link_events


def link_corpus(store: Store, options: Options) -> dict:
    """The cross-article step, run after each ingest: each part is linear in the corpus size.

    Order matters: copies are known before events are counted, and canonical actors before events
    are compared.
    """
    summary: dict = {"articles": store.count("articles"), "duplicates": link_duplicates(store)}
    try:
        from ..actors.merge import merge_actors
    except ImportError:
        merge_actors = None
    if merge_actors is not None:
        actors, mapping = merge_actors(store.article_actors())
        store.set_actors(actors, mapping)
        summary["actors"] = len(actors)
    summary.update(link_events(store))
    return summary
