"""Helpers for the actor tests: parse a hand-written text and find its actors."""

from __future__ import annotations

import pytest

from parley.actors import find_actors, load_knowledge
from parley.language import parse
from parley.records import Article


@pytest.fixture(scope="session")
def knowledge(options):
    return load_knowledge(options)


@pytest.fixture(scope="session")
def actors_of(nlp, options, knowledge):
    def run(text: str, published: str | None = "2020-01-01", opts=None, know=None, dateline=None):
        article = Article(id="t", source="test", body=text, published=published, dateline=dateline)
        (article, doc), = list(parse(nlp, [article], opts or options))
        return find_actors(article, doc, know or knowledge, opts or options)

    return run


def person(result, name):
    """The actor whose canonical name is `name` (asserts there is one)."""
    found = [a for a in result.actors if a.name == name]
    assert found, f"no actor {name!r} in {[a.name for a in result.actors]}"
    return found[0]


def mentions_of(result, actor):
    return [m.text for m in result.mentions if m.actor_id == actor.id]
