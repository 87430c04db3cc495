from __future__ import annotations

from story_corpus import MEETING_BODY, OTHER_MEETING_BODY, SANCTIONS_BODY, add, make_article

from parley.options import Options
from parley.stories import link_corpus
from parley.stories.duplicates import Text, find_duplicates


def test_syndicated_copy_points_at_the_original_and_unrelated_articles_do_not(store):
    original = add(store, make_article(MEETING_BODY, "Reuters", "2019-09-10T09:00:00+00:00"), [])
    copy = add(store, make_article("Yahoo News\n\n" + MEETING_BODY + "\n\nRead more on Yahoo.", "Yahoo",
                                   "2019-09-10T11:30:00+00:00"), [])
    same_topic = add(store, make_article(OTHER_MEETING_BODY, "Yonhap", "2019-09-11"), [])
    unrelated = add(store, make_article(SANCTIONS_BODY, "AP", "2019-09-12"), [])
    summary = link_corpus(store, Options())
    assert summary["duplicates"] == 1
    assert store.article(copy.id).duplicate_of == original.id
    for article in (original, same_topic, unrelated):
        assert store.article(article.id).duplicate_of is None


def test_the_earliest_published_copy_is_the_original_whatever_the_ingestion_order(store):
    later = add(store, make_article(MEETING_BODY + "\n\n(Yonhap)", "Yonhap", "2019-09-11"), [])
    earlier = add(store, make_article(MEETING_BODY, "Reuters", "2019-09-10"), [])
    link_corpus(store, Options())
    assert store.article(later.id).duplicate_of == earlier.id
    assert store.article(earlier.id).duplicate_of is None


def test_near_copies_with_edits_and_cuts_are_found_and_chains_resolve_to_the_root():
    words = (MEETING_BODY + " " + OTHER_MEETING_BODY).split()
    edited = list(words)
    edited[12] = "envoy's"
    edited[40] = "conferred"
    texts = [
        Text("orig", ("2019-09-10", 1), " ".join(words)),
        Text("edit", ("2019-09-11", 2), " ".join(edited)),
        Text("cut", ("2019-09-12", 3), " ".join(edited[: int(len(edited) * 0.75)])),
        Text("other", ("2019-09-12", 4), SANCTIONS_BODY),
        Text("short", ("2019-09-12", 5), "Too short to judge."),
    ]
    found = find_duplicates(texts)
    assert found == {"orig": None, "edit": "orig", "cut": "orig", "other": None, "short": None}
