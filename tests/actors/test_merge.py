"""Actors across articles: merge_actors."""

from __future__ import annotations


from parley.actors import merge_actors
from parley.ids import actor_id
from parley.records import Actor, Role


def person(name, country=None, roles=(), mentions=1, aliases=()):
    return Actor(actor_id("person", name), name, list(aliases), "person", country, "GOV", list(roles), mentions)


def test_spelling_variants_merge_and_map():
    a, b = person("Kim Jong Un", "PRK", mentions=3), person("Kim Jong-un", "PRK", mentions=5)
    actors, mapping = merge_actors([("2019-01-01", a), ("2020-01-01", b)])
    assert len(actors) == 1
    assert mapping[a.id] == mapping[b.id] == actors[0].id
    assert actors[0].mentions == 8
    assert set(actors[0].aliases) | {actors[0].name} == {"Kim Jong Un", "Kim Jong-un"}


def test_people_sharing_a_surname_stay_apart():
    items = [("2020-01-01", person("Kim Jong-un", "PRK")), ("2020-01-02", person("Joon Kim", "USA")),
             ("2020-01-03", person("Minji Kim", "NGO")), ("2020-01-04", person("Kim Yo-jong", "PRK"))]
    actors, _ = merge_actors(items)
    assert len(actors) == 4


def test_misspelt_surname_merges_when_context_agrees():
    good = person("Stephen Harlow", "USA", [Role("Special Representative for North Korea", "USA")])
    typo = person("Stephen Halrow", "USA")
    other = person("Stephen Halrow", "AUS")
    actors, mapping = merge_actors([("2019-09-01", good), ("2019-09-02", typo)])
    assert len(actors) == 1 and actors[0].name == "Stephen Harlow"
    actors, _ = merge_actors([("2019-09-01", good), ("2019-09-02", other)])
    assert len(actors) == 2


def test_roles_over_time_and_bare_surname():
    y2019 = person("Stephen Harlow", "USA", [Role("Special Representative for North Korea", "USA")])
    y2020 = person("Stephen Harlow", "USA", [Role("Deputy Secretary of State", "USA")])
    y2020b = person("Stephen Harlow", None, [Role("Deputy Secretary of State", None)])
    bare = person("Harlow", None)
    actors, mapping = merge_actors([("2019-09-19", y2019), ("2020-07-07", y2020), ("2020-11-18", y2020b),
                                    ("2020-12-10", bare)])
    assert len(actors) == 1
    roles = {(r.title, r.country, r.first_seen, r.last_seen) for r in actors[0].roles}
    assert roles == {("Special Representative for North Korea", "USA", "2019-09-19", "2019-09-19"),
                     ("Deputy Secretary of State", "USA", "2020-07-07", "2020-11-18")}
    assert mapping[bare.id] == actors[0].id


def test_ambiguous_bare_surname_is_left_alone():
    items = [("2020-01-01", person("Kim Jong-un", "PRK")), ("2020-01-02", person("Joon Kim", "USA")),
             ("2020-01-03", person("Kim", None))]
    actors, _ = merge_actors(items)
    assert len(actors) == 3


def test_countries_and_organisations_merge_by_id():
    usa = Actor("country:USA", "United States", [], "country", "USA", None, [], 2)
    un = Actor("org:united-nations", "United Nations", [], "organization", "IGO", None, [], 1)
    actors, mapping = merge_actors([("2020-01-01", usa), ("2020-02-01", usa), ("2020-01-01", un)])
    assert {a.id for a in actors} == {"country:USA", "org:united-nations"}
    assert [a.mentions for a in actors if a.id == "country:USA"] == [4]


def test_comparisons_grow_roughly_linearly(monkeypatch):
    """Blocking keeps the work linear: counted in name comparisons, not in seconds (a busy machine
    makes wall time meaningless; the work done is what blocking decides)."""
    import random

    import parley.actors.merge as merge

    calls = {"n": 0}
    real_same, real_ratio = merge._same_person, merge.fuzz.ratio

    def counted_same(*args, **kwargs):
        calls["n"] += 1
        return real_same(*args, **kwargs)

    class CountedFuzz:
        @staticmethod
        def ratio(*args, **kwargs):
            calls["n"] += 1
            return real_ratio(*args, **kwargs)

    monkeypatch.setattr(merge, "_same_person", counted_same)
    monkeypatch.setattr(merge, "fuzz", CountedFuzz)
    rng = random.Random(7)
    letters = "abcdefghijklmnoprstuvwyz"

    def word():
        return "".join(rng.choice(letters) for _ in range(rng.randint(5, 9))).title()

    def run(n):
        calls["n"] = 0
        items = [("2020-01-01", person(f"{word()} {word()}", "USA")) for _ in range(n)]
        actors, _ = merge_actors(items)
        return calls["n"], len(actors)

    small, n_small = run(1000)
    large, n_large = run(4000)
    assert n_small >= 990 and n_large >= 3960  # random names: no merges but chance near-duplicates
    assert large < 8 * small + 1000  # 4x the actors, well under the 16x of comparing all pairs


def test_the_usual_spelling_is_the_canonical_name():
    items = [(f"2011-02-{d:02d}", person("Hosni Mubarak", "EGY", mentions=4)) for d in range(1, 8)]
    items += [("2011-02-09", person("Hosni Mubarark", "EGY", mentions=1)),
              ("2011-02-10", person("HOSNI MUBARAK", "EGY", mentions=1))]
    actors, _ = merge_actors(items)
    assert [a.name for a in actors] == ["Hosni Mubarak"]
    assert {"Hosni Mubarark", "HOSNI MUBARAK"} <= set(actors[0].aliases)
