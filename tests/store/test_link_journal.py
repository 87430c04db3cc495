"""The linking journal: article writes move the store's generation on; each cross-article step records
the generation it completed at, so a rerun after a kill knows what is left to do."""

from __future__ import annotations

import sqlite3

from parley.options import Options
from parley.records import Article, ArticleRecords
from parley.store import Store, open_store
from parley.store.migrations import SCHEMA_VERSION
from parley.stories import LINK_STEPS, link_corpus, link_pending


def add(store: Store, n: int) -> None:
    store.add(ArticleRecords(Article(f"a{n}", f"{n}.txt", body=f"Ministers of country {n} met on Monday.")))


def test_generation_moves_with_each_new_article_only(store):
    assert store.generation() == 0
    add(store, 1)
    add(store, 2)
    add(store, 2)  # already stored: no write, no new generation
    assert store.generation() == 2


def test_link_records_each_step_and_pending_follows_new_articles(store):
    add(store, 1)
    assert link_pending(store)
    link_corpus(store, Options(nlp=False))
    assert not link_pending(store)
    assert [store.linked(step) for step in LINK_STEPS] == [1, 1, 1]
    add(store, 2)
    assert link_pending(store)


def test_resume_skips_the_steps_done_and_redoes_the_rest(store):
    add(store, 1)
    link_corpus(store, Options(nlp=False))
    store.db.execute("DELETE FROM link_journal WHERE step='events'")  # as if killed in that step
    assert link_pending(store)
    summary = link_corpus(store, Options(nlp=False), resume=True)
    assert "duplicates" not in summary and "merged_events" in summary
    assert not link_pending(store)


# SQLite only: PostgreSQL stores began after the journal, so none of them lacks it
def test_store_from_before_the_journal_linked_by_the_old_flag_is_taken_as_linked(tmp_path):
    path = tmp_path / "old.db"
    with open_store(path) as store:
        add(store, 1)
    con = sqlite3.connect(path)
    con.execute("DROP TABLE link_journal")
    con.execute("DELETE FROM meta WHERE key='generation'")
    con.execute("UPDATE meta SET value='4' WHERE key='schema_version'")  # v5 added the journal
    con.execute("INSERT INTO meta (key, value) VALUES ('linked', '1')")
    con.commit()
    con.close()
    with open_store(path) as store:
        assert store.meta("schema_version") == str(SCHEMA_VERSION)
        assert store.generation() == 1
        assert not link_pending(store)
