"""Mentions -> actors within one article. (Placeholder: named entities only; to be replaced.)"""

from __future__ import annotations

from ..ids import actor_id
from ..options import Options
from ..records import Actor, Article, Mention
from .index import ArticleActors

_KINDS = {"PERSON": "person", "ORG": "organization", "GPE": "country", "NORP": "group"}


def load_knowledge(options: Options) -> dict:
    """Data the actor stage needs, loaded once per process (countries, titles, user actors)."""
    return {}


def find_actors(article: Article, doc, knowledge: dict, options: Options) -> ArticleActors:
    actors: dict[str, Actor] = {}
    mentions: list[Mention] = []
    for ent in doc.ents:
        kind = _KINDS.get(ent.label_)
        if not kind:
            continue
        aid = actor_id(kind, ent.text)
        actors.setdefault(aid, Actor(id=aid, name=ent.text, kind=kind))
        mentions.append(Mention(article.id, aid, ent.text, ent.start_char, ent.end_char))
    return ArticleActors(list(actors.values()), mentions)
