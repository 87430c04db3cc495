"""Fixtures for the quote tests: hand-built actors over hand-written sentences."""

from __future__ import annotations

import re

import pytest

from parley.actors.index import ArticleActors
from parley.quotes import find_quotes
from parley.records import Actor, Article, Mention

PEOPLE = {
    "Jane Doe": ("per:jane-doe", "person"),
    "Mark Roe": ("per:mark-roe", "person"),
    "State Department": ("org:state-department", "organization"),
}


def _actors_for(article: Article, names: dict = PEOPLE, extra: list = ()) -> ArticleActors:
    """Mentions at every occurrence of each name (and of its surname), plus `extra` mentions."""
    actors, mentions = {}, []
    for name, (aid, kind) in names.items():
        actors[aid] = Actor(id=aid, name=name, kind=kind)
        forms = {name, name.split()[-1]} if kind == "person" else {name}
        taken = []
        for form in sorted(forms, key=len, reverse=True):
            for m in re.finditer(re.escape(form), article.body):
                if not any(s <= m.start() < e for s, e in taken):
                    taken.append((m.start(), m.end()))
                    mentions.append(Mention(article.id, aid, form, m.start(), m.end(), "name"))
    mentions.extend(extra)
    return ArticleActors(list(actors.values()), mentions)


@pytest.fixture
def run(nlp, options):
    def _run(body: str, extra=(), published="2024-05-06T10:00:00+09:00"):
        article = Article(id="a1", source="t", body=body, published=published)
        return find_quotes(article, nlp(body), _actors_for(article, extra=extra), options)

    return _run


@pytest.fixture
def actors_for():
    return _actors_for
