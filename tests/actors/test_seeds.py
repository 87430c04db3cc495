"""The five real seed articles in ../shared: people, countries, clutter, Biegun across articles."""

from __future__ import annotations

import pytest

from parley.actors import find_actors, load_knowledge, merge_actors
from parley.clean import clean_document
from parley.ids import content_id
from parley.language import parse
from parley.records import Document

# people named in the seeds whose nationality the stories state (title, nationality word, apposition)
EXPECTED = {
    "Stephen Biegun": "USA", "Song Young-gil": "KOR", "Joe Biden": "USA", "Donald Trump": "USA",
    "Kim Jong-un": "PRK", "Lee Do-hoon": "KOR", "Luo Zhaohui": "CHN", "Wang Yi": "CHN",
    "Shigeki Takizaki": "JPN", "Suh Hoon": "KOR", "Moon Jae-in": "KOR", "Kang Kyung-wha": "KOR",
    "Cho Sei-young": "KOR", "Noh Kyu-duk": "KOR", "Sung Kim": "USA",
}


@pytest.fixture(scope="module")
def seeds(shared, nlp, options):
    knowledge = load_knowledge(options)
    articles = []
    for path in sorted((shared / "seeds").glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        articles.append(clean_document(Document(id=content_id(text), source=str(path), kind="text", content=text), options))
    return [(a, find_actors(a, doc, knowledge, options)) for a, doc in parse(nlp, articles, options)]


@pytest.fixture(scope="module")
def merged(seeds):
    return merge_actors([(a.published, actor) for a, found in seeds for actor in found.actors])


def test_every_named_person_is_an_actor_with_the_right_country(merged):
    actors, _ = merged
    people = {a.name: a for a in actors if a.kind == "person"}
    wrong = {name: people[name].country if name in people else "missing"
             for name, code in EXPECTED.items() if name not in people or people[name].country != code}
    assert not wrong


def test_each_article_names_its_people(seeds):
    for article, found in seeds:
        for mention in found.mentions:
            assert article.body[mention.start : mention.end] == mention.text
        for name in ("Biegun",):
            if name in article.body:
                assert any(name in a.name for a in found.actors if a.kind == "person")


def test_no_clutter_line_becomes_an_actor(seeds):
    for article, found in seeds:
        names = {a.name for a in found.actors} | {m.text for m in found.mentions}
        for line in article.removed:
            line = line.strip()
            if len(line) > 3 and line not in article.body:  # a section label may also be a word of the story
                assert line not in names, line
        # whatever clutter survived cleaning, a person is never a news outlet or a page label
        people = {a.name for a in found.actors if a.kind == "person"}
        assert not people & {"Yonhap", "Reuters", "Image Credit", "Korea Herald", "bush"}


def test_biegun_is_one_actor_with_both_roles(merged):
    actors, mapping = merged
    biegun = [a for a in actors if "Biegun" in a.name or "Beigun" in a.name]
    assert len(biegun) == 1
    roles = {r.title: r for r in biegun[0].roles}
    special = roles["Special Representative for North Korea"]
    deputy = roles["Deputy Secretary of State"]
    assert special.first_seen.startswith("2019") and deputy.first_seen.startswith("2020")
    assert biegun[0].country == "USA" and biegun[0].sector == "GOV"
    assert "Beigun" in biegun[0].aliases


def test_the_kims_stay_apart(merged):
    actors, _ = merged
    kims = {a.name for a in actors if a.kind == "person" and "Kim" in a.name.split()}
    assert {"Kim Jong-un", "Sung Kim", "Duyeon Kim"} <= kims


def test_biegun_is_one_actor_under_every_spelling(merged):
    actors, _ = merged
    biegun = [a for a in actors if any(w in n for n in [a.name, *a.aliases] for w in ("Biegun", "Beigun"))]
    assert [a.name for a in biegun] == ["Stephen Biegun"]
