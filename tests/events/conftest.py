"""Helpers for the event tests: hand-built actors, so these tests do not depend on the actor layer."""

from __future__ import annotations

import re

import pytest

from parley.actors import ArticleActors
from parley.ids import actor_id
from parley.records import Actor, Article, Mention


def hand_actors(article_id: str, text: str, known: dict) -> ArticleActors:
    """known: surface form -> (canonical name, kind, country). Longest forms claim text first."""
    actors, mentions, taken = {}, [], []
    for form in sorted(known, key=len, reverse=True):
        name, kind, country = known[form]
        aid = actor_id(kind, country if kind == "country" else name)
        actors.setdefault(aid, Actor(id=aid, name=name, kind=kind, country=country))
        for m in re.finditer(rf"(?<!\w){re.escape(form)}(?!\w)", text):
            if any(m.start() < e and m.end() > s for s, e in taken):
                continue
            taken.append((m.start(), m.end()))
            mentions.append(Mention(article_id, aid, form, m.start(), m.end()))
    return ArticleActors(list(actors.values()), mentions)


@pytest.fixture
def code(nlp, options):
    from parley.events import find_events

    def run(text: str, known: dict, published: str | None = "2020-07-08", dateline: str | None = None):
        article = Article(id="a1", source="test", body=text, published=published, dateline=dateline, language="en")
        doc = nlp(text)
        return find_events(article, doc, hand_actors(article.id, text, known), options)

    return run


PEOPLE = {
    "Lee": ("Lee Sang-ho", "person", "KOR"),
    "Harlow": ("Stephen Harlow", "person", "USA"),
    "Moon": ("Moon Jae-in", "person", "KOR"),
    "Biden": ("Joe Biden", "person", "USA"),
    "Kim": ("Kim Jong-un", "person", "PRK"),
    "Abe": ("Shinzo Abe", "person", "JPN"),
    "Putin": ("Vladimir Putin", "person", "RUS"),
}
COUNTRIES = {
    "Japan": ("Japan", "country", "JPN"),
    "China": ("China", "country", "CHN"),
    "Iran": ("Iran", "country", "IRN"),
    "the United States": ("United States", "country", "USA"),
    "France": ("France", "country", "FRA"),
    "Germany": ("Germany", "country", "DEU"),
}


@pytest.fixture
def known():
    return {**PEOPLE, **COUNTRIES}


@pytest.fixture(scope="session")
def make_actors():
    return hand_actors
