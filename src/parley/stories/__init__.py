"""Across articles: duplicates, actor merging, event merging, timelines and dyads."""

from __future__ import annotations

from ..options import Options
from ..store import Store
from .duplicates import link_duplicates
from .merge import link_events


LINK_STEPS = ("duplicates", "actors", "events")


def link_corpus(store: Store, options: Options, *, resume: bool = False) -> dict:
    """The cross-article step, run after each ingest: each part is linear in the corpus size.

    Order matters: copies are known before events are counted, and canonical actors before events
    are compared. Each part is recorded in the store's linking journal once its results are
    committed; with `resume`, parts already done over the current articles are not redone, so a
    rerun after a kill finishes what the killed run left.
    """
    generation = store.generation()
    summary: dict = {"articles": store.count("articles")}

    def due(step: str) -> bool:
        return not resume or store.linked(step) != generation

    if due("duplicates"):
        summary["duplicates"] = link_duplicates(store)
        store.mark_linked("duplicates", generation)
    if due("actors"):
        try:
            from ..actors.merge import merge_actors
        except ImportError:
            merge_actors = None
        if merge_actors is not None:
            actors, mapping = merge_actors(store.article_actors())
            store.set_actors(actors, mapping)
            summary["actors"] = len(actors)
        store.mark_linked("actors", generation)
    if due("events"):
        summary.update(link_events(store))
        store.mark_linked("events", generation)
    return summary


def link_pending(store: Store) -> bool:
    """Whether some part of the cross-article step has not run over the current articles."""
    generation = store.generation()
    return any(store.linked(step) != generation for step in LINK_STEPS)
