"""Events of one story: a cascade of small steps over the sentence-level mentions.

    sentence mentions (extract) + acts quotes do (quoted) -> drop non-events (nonevents) -> find targets (targets)
    -> conditions in threats as demands (demands) -> drop acts left without the counterpart they need (nonevents) -> decide time and reality (reality) -> merge mentions (happenings) -> type (types)

Actors are resolved before any of this, at the story level, by the actor layer (ArticleActors).
Each step is a plain function over `EventMention`s (story.py) that a test can drive alone.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..options import Options
from ..records import Article, Event
from .demands import demands_in_threats
from .extract import sentence_mentions
from .happenings import merge_mentions
from .nonevents import drop_lone_acts, drop_non_events
from .quoted import add_quoted
from .reality import decide_reality
from .targets import find_targets
from .types import assign_types

if TYPE_CHECKING:
    from ..actors.index import ArticleActors


def find_events(article: Article, doc, actors: ArticleActors, options: Options, quotes: list | None = None) -> list[Event]:
    """The story's events; `quotes` (the quote stage's records) add the acts quoted words do."""
    mentions, story = sentence_mentions(article, doc, actors, options)
    mentions = add_quoted(mentions, article, doc, actors, quotes, story)
    mentions = drop_non_events(mentions, story)
    mentions = find_targets(mentions, story)
    mentions = demands_in_threats(mentions)
    mentions = drop_lone_acts(mentions, story)
    mentions = decide_reality(mentions, story)
    mentions = merge_mentions(mentions)
    mentions = assign_types(mentions)
    return [m.event for m in mentions]
