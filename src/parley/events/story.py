"""The typed records the document-level cascade passes along (see events/document.py).

`EventMention`: one event as one sentence tells it, with what the later steps need to know about
that telling. `Story`: the article's sentences and who each names, for steps that look beyond the
sentence (the previous sentence, the lead).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ..records import Article, Event, EventActor


@dataclass(frozen=True)
class EventMention:
    event: Event
    sentence: int  # index of the telling sentence in the story
    lemma: str = ""  # the trigger's head lemma ("meet", "talk", "reject")
    # told as background: in a relative clause ("X, who led the talks"), or as a count of past acts
    # ("held three meetings")
    background: bool = False
    # the trigger is the participle of a reporter's question ("Asked whether ..., X said")
    question: bool = False
    # the act is the content of a hope or a fear ("I'm hoping they will make concessions"): a wish,
    # which the guideline leaves out, unlike a demand made of someone (hypothetical, kept)
    wished: bool = False
    explicit_date: bool = False  # the clause itself dates the act (not the publication day)
    # the act is told in a past tense ("attacked", "had met", "was arrested"), as a narrative tells what
    # happened, not in the present or present perfect of a state that holds now ("opposes", "have condemned")
    told_past: bool = False
    nearby: tuple = ()  # EventActors the sentence names, in text order
    # the head lemma of the trigger's object when it names no actor ("killed all six attackers")
    object_word: str = ""
    # that object as written, without its clauses ("nearly 400 people", "dozens of women and children")
    object_phrase: str = ""
    # the trigger's object is defined by its own content clause ("rejected claims that X ..."): it
    # points to no earlier claim, so no claimant is to be recovered from the context
    object_defined: bool = False
    # actor ids named inside a clause on the trigger's object ("the decision to jail X"): the act's
    # patients, no fair guess for the target of a judgement of it
    object_parties: tuple = ()
    # the act is what a condition asks for ("unless Y withdraws", "if Y does not release them"): in a
    # threat, a demand made of Y (events/demands.py)
    demanded_condition: bool = False


@dataclass(frozen=True)
class Story:
    article: Article
    sentences: tuple = ()  # sentence texts, in order
    named: tuple = ()  # per sentence: the EventActors it names, in text order
    # per sentence: the days its past-tense clauses are dated by (when.narrative_days), in text order
    days: tuple = ()
    extra: dict = field(default_factory=dict)

    def lead_actors(self) -> tuple:
        """Actors of the lead: the first sentence that names any."""
        return next((names for names in self.named if names), ())


def same_actor(a: EventActor | None, b: EventActor | None) -> bool:
    if a is None or b is None:
        return a is b
    if a.actor_id and b.actor_id:
        return a.actor_id == b.actor_id
    return a.name.lower() == b.name.lower()
