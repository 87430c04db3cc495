"""Events of articles with no date at all: an 'undated' section, never an empty timeline."""

from __future__ import annotations

from story_corpus import HARLOW, LEE, MEETING_BODY, actors_of, add, make_article, make_event

from parley.stories.timeline import build_timeline


def test_undated_events_are_listed_in_their_own_section(store):
    undated = make_article(MEETING_BODY.replace("Tuesday", "a recent day"), "Blog", None, "No date here")
    add(store, undated, [make_event(undated, "u", "CONSULT", HARLOW, LEE, None, basis="published")],
        actors_of(HARLOW, LEE))
    timeline = build_timeline(store)
    assert list(timeline) == []  # nothing can be placed in time
    (entry,) = timeline.undated
    assert entry.date == "" and undated.id in entry.articles
    assert entry.text == "Stephen Harlow (USA) met Lee Sang-ho (KOR)"
    assert [e.articles for e in build_timeline(store, summary=3).undated] == [entry.articles]
