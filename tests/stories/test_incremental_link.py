"""Incremental linking: articles added in two batches, each linked as it comes, give the store a relink
over all of them gives; actor ids stay once given, and a merge keeps the older id."""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path

import pytest

from parley.options import Options
from parley.records import Actor, Article, ArticleRecords, Event, EventActor, Source
from parley.store import open_store
from parley.stories import link_corpus, link_pending, relink

ROOT = Path(__file__).resolve().parents[2]
OPTIONS = Options(nlp=False)


def bench():
    spec = importlib.util.spec_from_file_location("bench_linking", ROOT / "bench" / "linking.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


def dump(target: str, tables) -> dict:
    """The rows of the tables, sorted (of articles, what the linking writes), on either backend (as
    bench/linking.py's dump does for an SQLite file). PostgreSQL's `rowid` column, the storage order
    SQLite keeps out of sight, is left out as SQLite's is."""
    out = {}
    with open_store(target, create=False) as store:
        for table in tables:
            cursor = store.db.execute("SELECT id, duplicate_of, data FROM articles" if table == "articles"
                                      else f"SELECT * FROM {table}")
            kept = [n for n, column in enumerate(cursor.description) if column[0] != "rowid"]
            out[table] = sorted((tuple(row[n] for n in kept) for row in cursor.fetchall()), key=repr)
    return out


@pytest.fixture
def target(new_store_target):
    """A new store's place on the test's backend for each name (tests/conftest.py)."""
    made: dict[str, str] = {}
    return lambda name: made.setdefault(name, made.get(name) or new_store_target())


def test_two_linked_batches_equal_one_relink(target):
    linking = bench()
    records = linking.Corpus(seed=3, people=30).records(260)
    first, second = records[:150], records[150:]
    with open_store(target("batches")) as store:
        for batch in (first, second):
            for r in batch:
                store.add(r)
            link_corpus(store, OPTIONS, resume=True)
        merged_in_second = store.db.execute("SELECT count(*) FROM actor_aliases").fetchone()[0]
    with open_store(target("whole")) as store:
        for r in records:
            store.add(r)
        relink(store, OPTIONS)
    batches, whole = dump(target("batches"), linking.COMPARED), dump(target("whole"), linking.COMPARED)
    for table in linking.COMPARED:
        assert batches[table] == whole[table], table
    # the corpus must exercise the hard cases for the comparison to mean much
    with open_store(target("whole")) as store:
        con = store.db
        assert con.execute("SELECT count(*) FROM articles WHERE duplicate_of IS NOT NULL").fetchone()[0] >= 5
        assert con.execute("SELECT count(*) FROM actor_map WHERE local_id != actor_id").fetchone()[0] >= 5
        members = [json.loads(m) for (m,) in con.execute("SELECT members FROM merged_events").fetchall()]
        assert sum(len(m) > 1 for m in members) >= 3
    assert merged_in_second >= 1  # some actors of the first batch were merged by the second


def person(name: str, country: str | None) -> Actor:
    from parley.ids import actor_id

    return Actor(actor_id("person", name), name, [], "person", country, "GOV", [], 2)


def article(n: int, day: str, who: Actor) -> ArticleRecords:
    body = f"Report {n}: " + " ".join(f"word{n}x{k}" for k in range(30))
    a = Article(f"art{n}", f"{n}.txt", outlet="example.org", published=day, body=body)
    prk = Actor("country:PRK", "North Korea", [], "country", "PRK", "GOV", [], 1)
    event = Event(f"ev{n}", day, "explicit", "CONSULT", actor1=EventActor(who.name, who.id, who.country, "GOV"),
                  actor2=EventActor("North Korea", "country:PRK", "PRK", "GOV"), sources=[Source(a.id, a.outlet, day)])
    return ArticleRecords(a, [who, prk], [], [], [event])


def test_a_merge_keeps_the_older_id_and_the_other_resolves_to_it(target):
    with open_store(target("s")) as store:
        store.add(article(1, "2019-09-01", person("Stephen Harlow", None)))
        store.add(article(2, "2019-09-02", person("Stephen Halrow", None)))
        link_corpus(store, OPTIONS)
        assert {a.id for a in store.actors(kind="person")} == {"per:stephen-harlow", "per:stephen-halrow"}
        # both now named with the same country: a misspelt family name the merge takes as one person
        store.add(article(3, "2019-08-30", person("Stephen Halrow", "USA")))
        store.add(article(4, "2019-09-03", person("Stephen Harlow", "USA")))
        link_corpus(store, OPTIONS)
        assert [a.id for a in store.actors(kind="person")] == ["per:stephen-harlow"]
        assert store.actor("per:stephen-halrow").id == "per:stephen-harlow"
        assert store.db.execute("SELECT old_id, actor_id FROM actor_aliases").fetchall() == \
            [("per:stephen-halrow", "per:stephen-harlow")]
        # the merged events follow the actor's new id
        sides = {e.actor1.actor_id for e in store.events(merged=True)}
        assert sides == {"per:stephen-harlow"}


def test_an_unrelated_ingest_leaves_actor_ids_alone(target):
    with open_store(target("s")) as store:
        store.add(article(1, "2019-09-01", person("Stephen Harlow", "USA")))
        link_corpus(store, OPTIONS)
        before = store.db.execute("SELECT local_id, actor_id FROM actor_map ORDER BY 1").fetchall()
        store.add(article(2, "2019-09-02", person("Anna Kowalska", "POL")))
        link_corpus(store, OPTIONS)
        after = dict(store.db.execute("SELECT local_id, actor_id FROM actor_map"))
        assert all(after[local] == kept for local, kept in before)


def test_a_step_that_fails_midway_is_redone_whole_on_resume(target, monkeypatch):
    import parley.stories.merge as merge

    with open_store(target("clean")) as clean, open_store(target("killed")) as killed:
        for n, who in enumerate([person("Stephen Harlow", "USA"), person("Stephen Halrow", "USA")]):
            clean.add(article(n, f"2019-09-0{n + 1}", who))
            killed.add(article(n, f"2019-09-0{n + 1}", who))
        link_corpus(clean, OPTIONS, resume=True)

        def dies(*args, **kwargs):
            raise KeyboardInterrupt

        monkeypatch.setattr(merge, "merge_events", dies)
        with pytest.raises(KeyboardInterrupt):
            link_corpus(killed, OPTIONS, resume=True)
        monkeypatch.undo()
        assert link_pending(killed) and killed.linked("actors") == killed.generation()
        summary = link_corpus(killed, OPTIONS, resume=True)
        assert "actors" not in summary and "merged_events" in summary
    tables = bench().COMPARED + ("link_dirty", "actor_aliases")
    assert dump(target("clean"), tables) == dump(target("killed"), tables)


def test_the_relink_command_rebuilds_to_the_same_store(target):
    from typer.testing import CliRunner

    from parley.cli import app

    linking = bench()
    path = target("s")
    with open_store(path) as store:
        for r in linking.Corpus(seed=5, people=20).records(80):
            store.add(r)
        link_corpus(store, OPTIONS)
    before = dump(path, linking.COMPARED)
    result = CliRunner().invoke(app, ["relink", "--db", path])
    assert result.exit_code == 0, result.output
    assert "80 article(s) linked" in result.output
    assert dump(path, linking.COMPARED) == before


def test_a_reanalysed_article_makes_the_next_link_redo_actors_and_events_whole(target):
    with open_store(target("s")) as store:
        store.add(article(1, "2019-09-01", person("Stephen Harlow", "USA")))
        link_corpus(store, OPTIONS)
        store.replace_records(article(1, "2019-09-01", person("Anna Kowalska", "POL")))
        link_corpus(store, OPTIONS)
        assert [a.id for a in store.actors(kind="person")] == ["per:anna-kowalska"]
        assert [e.actor1.name for e in store.events(merged=True)] == ["Anna Kowalska"]
        assert store.db.execute("SELECT count(*) FROM actor_profiles WHERE local_id='per:stephen-harlow'"
                                ).fetchone()[0] == 0


def test_a_store_linked_by_an_older_parley_is_relinked_whole_and_its_old_ids_still_resolve(target):
    with open_store(target("s")) as store:
        store.add(article(1, "2019-09-01", person("Stephen Harlow", "USA")))
        link_corpus(store, OPTIONS)
        # as an older parley left it: another id scheme, and none of the incremental tables' marks
        store.db.execute("UPDATE actors SET id='per:harlow-old' WHERE id='per:stephen-harlow'")
        store.db.execute("UPDATE actor_map SET actor_id='per:harlow-old' WHERE actor_id='per:stephen-harlow'")
        store.db.execute("DELETE FROM meta WHERE key LIKE 'link_index:%'")
        store.add(article(2, "2019-09-02", person("Anna Kowalska", "POL")))
        link_corpus(store, OPTIONS)
        store.refresh()
        assert store.actor("per:harlow-old").id == "per:stephen-harlow"
        assert store.db.execute("SELECT count(*) FROM actor_profiles").fetchone()[0] == 3  # two people, PRK


def test_two_processes_linking_at_once_count_each_article_once(target, monkeypatch):
    import parley.actors.link as actor_link

    linking = bench()
    records = linking.Corpus(seed=9, people=20).records(60)
    with open_store(target("clean")) as clean:
        for r in records:
            clean.add(r)
        link_corpus(clean, OPTIONS)
    with open_store(target("raced")) as ours, open_store(target("raced")) as theirs:
        for r in records:
            ours.add(r)
        real = actor_link.canonical_actors
        calls = {"n": 0}

        def meanwhile(*args, **kwargs):
            calls["n"] += 1
            if calls["n"] == 1:  # the other process links everything between our reads and our write
                link_corpus(theirs, OPTIONS)
            return real(*args, **kwargs)

        monkeypatch.setattr(actor_link, "canonical_actors", meanwhile)
        link_corpus(ours, OPTIONS)
        assert calls["n"] >= 3  # ours, theirs, ours again
    assert dump(target("clean"), linking.COMPARED) == dump(target("raced"), linking.COMPARED)
