"""A small linked store to export: the sample corpus of tests/stories."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "stories"))

from story_corpus import (HARLOW, LEE, MEETING_BODY, OTHER_MEETING_BODY, PRK, SANCTIONS_BODY, USA,  # noqa: E402
                          actors_of, add, make_article, make_event)

from parley.options import Options  # noqa: E402
from parley.records import ArticleRecords, Quote  # noqa: E402
from parley.store import open_store  # noqa: E402
from parley.stories import link_corpus  # noqa: E402


def fill_linked(store) -> None:
    """The sample corpus, linked: two accounts of one meeting, sanctions, a quote, an undated copy."""
    sanctions = make_article(SANCTIONS_BODY, "AP", "2019-08-05T14:00:00+09:00")
    add(store, sanctions, [make_event(sanctions, "s", "SANCTION", USA, PRK, "2019-08-05", cameo="163", quad=3,
                                      goldstein=-8.0, needle="The Treasury")], actors_of(USA, PRK))
    for outlet, body, needle in (("Yonhap", MEETING_BODY, "Harlow"), ("Reuters", OTHER_MEETING_BODY, "Lee Sang-ho and")):
        article = make_article(body, outlet, "2019-09-10")
        add(store, article, [make_event(article, "m", "CONSULT", HARLOW, LEE, "2019-09-10", location="Washington",
                                        needle=needle)], actors_of(HARLOW, LEE))
    quoted = make_article(MEETING_BODY + "\n\n\"We will meet again,\" Lee said.", "KBS", "2019-09-12")
    store.add(ArticleRecords(article=quoted, actors=actors_of(LEE), quotes=[
        Quote(id="q1", article_id=quoted.id, text="We will meet again,", speaker="Lee Sang-ho",
              speaker_actor_id=LEE.actor_id, cue="said", kind="direct", date="2019-09-12",
              sentence="\"We will meet again,\" Lee said.")]))
    undated = make_article(SANCTIONS_BODY + " Undated copy.", None, None)
    add(store, undated, [make_event(undated, "u", "ACCUSE", PRK, USA, None, cameo="112", quad=3, goldstein=-2.0)])
    link_corpus(store, Options())


@pytest.fixture
def corpus_filler():
    """fill_linked, for a test that fills stores of its own."""
    return fill_linked


@pytest.fixture
def linked_store(store_target):
    """The sample corpus, linked, in a store of each backend (tests/conftest.py)."""
    with open_store(store_target) as store:
        fill_linked(store)
        yield store
