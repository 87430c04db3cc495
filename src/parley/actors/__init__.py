"""Actors: people, organisations, countries and groups, with titles and roles over time."""

from .index import ArticleActors
from .knowledge import Knowledge, load_knowledge
from .mentions import find_actors
from .merge import merge_actors

__all__ = ["ArticleActors", "Knowledge", "find_actors", "load_knowledge", "merge_actors"]
