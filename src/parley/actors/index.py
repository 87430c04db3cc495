"""ArticleActors: the actors of one article and where each is mentioned.

This is the interface the quote and event stages use to turn a span of text into an actor.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ..records import Actor, EventActor, Mention


@dataclass
class ArticleActors:
    actors: list[Actor] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)
    # plural references to two named parties ("the two sides", "both leaders"): (start, end, actor ids)
    plurals: list[tuple[int, int, tuple[str, ...]]] = field(default_factory=list)

    def __post_init__(self) -> None:
        self._by_id = {a.id: a for a in self.actors}
        self._sorted = sorted(self.mentions, key=lambda m: (m.start, -m.end))

    def actor(self, actor_id: str | None) -> Actor | None:
        return self._by_id.get(actor_id) if actor_id else None

    def mentions_in(self, start: int, end: int) -> list[Mention]:
        """Mentions that overlap the character range [start, end) of the body, in text order."""
        return [m for m in self._sorted if m.start < end and m.end > start]

    def at(self, start: int, end: int) -> Actor | None:
        """The actor a span refers to: the longest mention overlapping it, earliest on a tie."""
        best = None
        for m in self.mentions_in(start, end):
            if best is None or (m.end - m.start) > (best.end - best.start):
                best = m
        return self.actor(best.actor_id) if best else None

    def resolve_reference(self, start: int, end: int) -> Actor | None:
        """The actor a span of the body refers to, after the document-level work: a name, a surname, a
        misspelling, a title ("the envoy"), a description ("the militants", "the bloc"), a capital standing
        for its government ("Pyongyang"), a pronoun. None when the span names no actor."""
        return self.at(start, end)

    def parties(self, start: int, end: int) -> list[Actor]:
        """The actors a plural reference overlapping the span stands for ("the two sides" after "Kyiv
        and Moscow"); empty when the span holds none."""
        for a, b, ids in self.plurals:
            if a < end and b > start:
                return [x for x in (self.actor(i) for i in ids) if x is not None]
        return []

    def ref(self, actor: Actor | None) -> EventActor | None:
        """The short form of an actor carried by events."""
        if actor is None:
            return None
        return EventActor(name=actor.name, actor_id=actor.id, country=actor.country, sector=actor.sector)
