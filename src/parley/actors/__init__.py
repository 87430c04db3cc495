"""Actors: people, organisations, countries and groups, with titles and roles over time."""

from .index import ArticleActors
from .mentions import find_actors, load_knowledge

__all__ = ["ArticleActors", "find_actors", "load_knowledge"]
