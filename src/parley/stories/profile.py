"""An actor's profile: who it is, and its latest articles, quotes and events.

Records are gathered with the same words the listings take (`articles --actor NAME`, `quotes
--speaker NAME`, `events --actor NAME`), so the profile's counts are the listings' counts. When
those words also name other actors (a "Steve Harlow" beside "Stephen Harlow"), the profile says so.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ..records import Actor
from ..store import Store


@dataclass(frozen=True)
class ActorProfile:
    actor: Actor
    also: list = field(default_factory=list)  # [Actor] other actors the same name matches
    n_articles: int = 0
    n_quotes: int = 0
    n_events: int = 0
    articles: list = field(default_factory=list)  # [Article], latest first, at most `limit`
    quotes: list = field(default_factory=list)  # [Quote], latest first
    events: list = field(default_factory=list)  # [Event], latest first


def actor_profile(store: Store, name: str, limit: int = 10) -> ActorProfile | None:
    """The profile of the actor `name` (id, name or alias), or None when nothing matches."""
    actor = store.actor(name)
    if actor is None:
        return None
    also = [a for a in store.actors(name=name) if a.id != actor.id]
    articles = list(store.articles(actor=name))
    quotes = list(store.quotes(speaker=name))
    events = list(store.events(actor=name))
    return ActorProfile(
        actor=actor, also=also, n_articles=len(articles), n_quotes=len(quotes), n_events=len(events),
        articles=_latest(articles, lambda a: a.published, limit),
        quotes=_latest(quotes, lambda q: q.date, limit),
        events=_latest(events, lambda e: e.date, limit),
    )


def _latest(rows: list, day, limit: int) -> list:
    """Newest first; undated rows after dated ones, in stored order."""
    dated = sorted((r for r in rows if day(r)), key=day, reverse=True)
    return (dated + [r for r in rows if not day(r)])[:limit]


__all__ = ["ActorProfile", "actor_profile"]
