import json
import sqlite3

import pytest

from parley.errors import StoreError
from parley.records import (Actor, Article, ArticleRecords, Event, EventActor, Mention, Quote, Role, Source)
from parley.store import date_bounds, fts_query, open_store, store_exists
from parley.store.migrations import SCHEMA_VERSION


def make_records(aid="a1", day="2020-11-18", body="Harlow met Song in Washington on Tuesday."):
    art = Article(id=aid, source=f"{aid}.txt", headline=f"Headline {aid}", outlet="Herald", published=day, body=body)
    harlow = Actor(id="per:stephen-harlow", name="Stephen Harlow", kind="person", country="USA", sector="GOV",
                   roles=[Role("Deputy Secretary of State", "USA", day, day)], mentions=1)
    song = Actor(id="per:song-ha-jin", name="Song Ha-jin", kind="person", country="KOR", sector="LEG", mentions=1)
    mentions = [Mention(aid, harlow.id, "Harlow", 0, 6), Mention(aid, song.id, "Song", 11, 15)]
    quote = Quote(id=f"q-{aid}", article_id=aid, text="We hope for progress", speaker="Song Ha-jin",
                  speaker_actor_id=song.id, cue="said", kind="direct", date=day, sentence=body, start=0, end=10)
    event = Event(id=f"e-{aid}", date=day, date_basis="relative", type="CONSULT", cameo="040", goldstein=1.0, quad=1,
                  actor1=EventActor("Stephen Harlow", harlow.id, "USA", "GOV"),
                  actor2=EventActor("Song Ha-jin", song.id, "KOR", "LEG"), trigger="met",
                  sources=[Source(aid, "Herald", day, body, 0, len(body))])
    return ArticleRecords(art, [harlow, song], mentions, [quote], [event])


def test_add_is_idempotent_and_round_trips(store_target):
    with open_store(store_target) as store:
        assert store.add(make_records())
        assert not store.add(make_records())
        assert store.count("articles") == 1
        article = store.article("a1")
        assert article.headline == "Headline a1" and article.published == "2020-11-18"
        [quote] = list(store.quotes(speaker="Song"))
        assert quote.text == "We hope for progress"
        [event] = list(store.events())
        assert event.actor1.name == "Stephen Harlow" and event.sources[0].article_id == "a1"


def test_failed_write_leaves_nothing_half_written(store_target):
    records = make_records()
    bad = ArticleRecords(records.article, records.actors, records.mentions, [object()], records.events)
    with open_store(store_target) as store:
        with pytest.raises(Exception):
            store.add(bad)
        assert store.count("articles") == 0 and store.count("mentions") == 0
        assert store.find_articles("Harlow") == set()


def test_filters_and_search(store_target):
    with open_store(store_target) as store:
        store.add(make_records("a1", "2019-09-19", "Lee met Harlow in Washington about the talks."))
        store.add(make_records("a2", "2020-11-18", "Harlow spoke to lawmakers about sanctions."))
        assert [a.id for a in store.articles(since="2020")] == ["a2"]
        assert [a.id for a in store.articles(until="2019-09")] == ["a1"]
        assert [a.id for a in store.articles(search="sanctions")] == ["a2"]
        assert store.search("sanctions")[0][0] == "a2"
        assert store.search('unbalanced "quote (')  == []  # user punctuation never breaks FTS syntax
        assert len(list(store.events(since="2020-01-01"))) == 1
        assert len(list(store.events(actor="Harlow"))) == 2


def test_canonical_actor_map_rewrites_names(store_target):
    with open_store(store_target) as store:
        store.add(make_records())
        canonical = Actor(id="per:stephen-e-harlow", name="Stephen E. Harlow", aliases=["Stephen Harlow", "Harlow"],
                          kind="person", country="USA", sector="GOV", mentions=5)
        store.set_actors([canonical], {"per:stephen-harlow": canonical.id})
        [event] = list(store.events(actor="Harlow"))
        assert event.actor1.name == "Stephen E. Harlow" and event.actor1.actor_id == canonical.id
        assert store.actor("Harlow").id == canonical.id
        assert [a.id for a in store.articles(actor="Stephen E. Harlow")] == ["a1"]


def test_a_name_the_clause_wrote_survives_the_canonical_actor(store_target):
    records = make_records()
    event = records.events[0]
    written = EventActor("Washington", "per:stephen-harlow", "USA", "GOV", written=True)
    records = ArticleRecords(records.article, records.actors, records.mentions, records.quotes,
                             [Event(**{**event.__dict__, "actor1": written})])
    with open_store(store_target) as store:
        store.add(records)
        canonical = Actor(id="per:stephen-e-harlow", name="Stephen E. Harlow", kind="person", country="USA", mentions=5)
        store.set_actors([canonical], {"per:stephen-harlow": canonical.id})
        [event] = list(store.events())
        assert (event.actor1.name, event.actor1.actor_id) == ("Washington", canonical.id)
        assert event.actor2.name == "Song Ha-jin"


def test_partial_date_bounds():
    assert date_bounds("2019") == ("2019-01-01", "2019-12-31")
    assert date_bounds("2019-09") == ("2019-09-01", "2019-09-31")
    assert date_bounds("2019-09-19T10:00:00+09:00") == ("2019-09-19", "2019-09-19")
    assert date_bounds(None) == (None, None)


def test_fts_query_quotes_words():
    assert fts_query('a "b') == '"a" """b"'


def test_foreign_and_newer_databases_are_refused(tmp_path):
    foreign = tmp_path / "other.db"
    con = sqlite3.connect(foreign)
    con.execute("CREATE TABLE x (y)")
    con.commit()
    con.close()
    with pytest.raises(StoreError) as err:
        open_store(foreign)
    assert "other.db" in err.value.line()
    newer = tmp_path / "newer.db"
    open_store(newer).close()
    con = sqlite3.connect(newer)
    con.execute("UPDATE meta SET value=? WHERE key='schema_version'", (str(SCHEMA_VERSION + 1),))
    con.commit()
    con.close()
    with pytest.raises(StoreError) as err:
        open_store(newer)
    assert err.value.code == "E021"


def test_missing_store_is_an_error_when_reading(store_target):
    with pytest.raises(StoreError):
        open_store(store_target, create=False)
    assert not store_exists(store_target)
    open_store(store_target).close()
    assert store_exists(store_target)


def test_wal_mode(db_path):
    with open_store(db_path) as store:
        assert store.db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert json.loads(store.db.execute("SELECT json('[1]')").fetchone()[0]) == [1]


def test_both_backends_are_the_store_protocol(store_target):
    from parley.store import Store

    with open_store(store_target) as store:
        assert isinstance(store, Store)
        missing = [name for name in Store.__dict__ if not name.startswith("_") and not hasattr(store, name)]
        assert missing == []
