"""Across articles: duplicates, actor merging, event merging, timelines and dyads."""

from __future__ import annotations

from ..options import Options
from ..store import Store
from ..store.linking import LinkRace
from .duplicates import link_duplicates
from .merge import link_events


LINK_STEPS = ("duplicates", "actors", "events")


def link_corpus(store: Store, options: Options, *, resume: bool = False, full: bool = False) -> dict:
    """The cross-article step, run after each ingest over the articles stored since the last one.

    Each part links the new articles against the blocks they touch (LSH buckets, name blocks, event
    families; see store/linking.py), so its cost follows the new articles, not the corpus; `full`
    (`parley relink`) redoes every part over every article, with the same result.

    Order matters: copies are known before events are counted, and canonical actors before events
    are compared. Each part commits its results with its entry in the store's linking journal; with
    `resume`, parts already done over the current articles are not redone, so a rerun after a kill
    finishes what the killed run left.
    """
    from ..actors.link import link_actors

    generation = store.generation()
    summary: dict = {"articles": store.count("articles")}

    def due(step: str) -> bool:
        return full or not resume or store.linked(step) != generation

    if due("duplicates"):
        summary["duplicates"] = _raced(link_duplicates, store, generation, full)
    if due("actors"):
        summary["actors"] = _raced(link_actors, store, generation, full)
    if due("events"):
        summary.update(_raced(link_events, store, generation, full))
    return summary


def _raced(step, store: Store, generation: int, full: bool, tries: int = 5):
    """Run a step; when another process linked it meanwhile (LinkRace), run it again over the new state."""
    for _ in range(tries - 1):
        try:
            return step(store, generation=generation, full=full)
        except LinkRace:
            continue
    return step(store, generation=generation, full=full)


def relink(store: Store, options: Options) -> dict:
    """Rebuild every cross-article result and the tables behind incremental linking from scratch."""
    return link_corpus(store, options, full=True)


def link_pending(store: Store) -> bool:
    """Whether some part of the cross-article step has not run over the current articles."""
    generation = store.generation()
    return any(store.linked(step) != generation for step in LINK_STEPS)
