from __future__ import annotations

from story_corpus import (HARLOW, LEE, MEETING_BODY, OTHER_MEETING_BODY, PRK, SANCTIONS_BODY, USA, actors_of, add,
                          make_article, make_event)

from parley.options import Options
from parley.stories import link_corpus


def _meeting(store, outlet, published, body, day="2019-09-10", **kw):
    article = make_article(body, outlet, published)
    event = make_event(article, "m", "CONSULT", kw.pop("a1", HARLOW), kw.pop("a2", LEE), day,
                       location="Washington", needle=kw.pop("needle", "Harlow"), **kw)
    add(store, article, [event], actors_of(HARLOW, LEE))
    return article, event


def test_a_meeting_reported_by_two_outlets_is_one_event_with_two_sources(store):
    a, _ = _meeting(store, "Yonhap", "2019-09-10", MEETING_BODY)
    b, _ = _meeting(store, "Reuters", "2019-09-11", OTHER_MEETING_BODY, a1=LEE, a2=HARLOW, needle="Lee Sang-ho and")
    link_corpus(store, Options())
    merged = list(store.events())
    assert len(merged) == 1
    assert merged[0].n_sources == 2
    assert [s.article_id for s in merged[0].sources] == [a.id, b.id]
    assert {s.outlet for s in merged[0].sources} == {"Yonhap", "Reuters"}


def test_a_syndicated_copy_is_listed_but_not_counted(store):
    _meeting(store, "Reuters", "2019-09-10", MEETING_BODY)
    copy, _ = _meeting(store, "Yahoo", "2019-09-10T12:00:00", "Yahoo\n\n" + MEETING_BODY)
    _meeting(store, "Yonhap", "2019-09-11", OTHER_MEETING_BODY, needle="Lee Sang-ho and")
    link_corpus(store, Options())
    (merged,) = list(store.events())
    assert len(merged.sources) == 3
    assert merged.n_sources == 2
    assert store.article(copy.id).duplicate_of is not None


def test_a_one_sided_type_keeps_direction_apart(store):
    art1 = make_article(SANCTIONS_BODY, "AP", "2019-08-05")
    art2 = make_article(MEETING_BODY, "KCNA", "2019-08-05")
    add(store, art1, [make_event(art1, "x", "ACCUSE", USA, PRK, "2019-08-05", cameo="112", quad=3, goldstein=-2)])
    add(store, art2, [make_event(art2, "x", "ACCUSE", PRK, USA, "2019-08-05", cameo="112", quad=3, goldstein=-2)])
    link_corpus(store, Options())
    assert len(list(store.events())) == 2


def test_planned_and_happened_stay_apart_and_are_linked(store):
    early = make_article(OTHER_MEETING_BODY, "Yonhap", "2019-09-01")
    add(store, early, [make_event(early, "p", "CONSULT", HARLOW, LEE, "2019-09-10", status="planned", needle="Officials")])
    _meeting(store, "Reuters", "2019-09-10", MEETING_BODY)
    link_corpus(store, Options())
    planned = list(store.events(status="planned"))
    happened = list(store.events(status="reported"))
    assert len(planned) == 1 and len(happened) == 1
    assert f"happened:{happened[0].id}" in planned[0].context
    assert f"planned:{planned[0].id}" in happened[0].context


def test_an_event_dated_after_its_article_is_kept_as_planned(store):
    article = make_article(OTHER_MEETING_BODY, "Yonhap", "2019-09-01")
    add(store, article, [make_event(article, "f", "CONSULT", HARLOW, LEE, "2019-09-20", status="reported")])
    link_corpus(store, Options())
    (event,) = list(store.events())
    assert event.status == "planned"


def test_dates_one_day_apart_merge_with_the_disagreement_kept_and_far_dates_do_not(store):
    _meeting(store, "Yonhap", "2019-09-11", MEETING_BODY, day="2019-09-11")
    _meeting(store, "Reuters", "2019-09-11", OTHER_MEETING_BODY, day="2019-09-10", needle="Lee Sang-ho and")
    _meeting(store, "AFP", "2019-09-12", SANCTIONS_BODY + " Harlow.", day="2019-09-11", needle="Harlow")
    _meeting(store, "AP", "2019-09-30", MEETING_BODY + " Again.", day="2019-09-28")
    link_corpus(store, Options())
    events = list(store.events())
    assert [e.date for e in events] == ["2019-09-11", "2019-09-28"]
    assert events[0].n_sources == 3
    assert "dates-disagree:2019-09-10=1;2019-09-11=2" in events[0].context


def test_a_month_date_agrees_with_a_day_in_that_month(store):
    _meeting(store, "Yonhap", "2019-09-11", MEETING_BODY, day="2019-09")
    _meeting(store, "Reuters", "2019-09-11", OTHER_MEETING_BODY, day="2019-09-10", needle="Lee Sang-ho and")
    link_corpus(store, Options())
    (event,) = list(store.events())
    assert event.date == "2019-09-10" and event.n_sources == 2


def test_an_undated_report_joins_the_dated_one_when_the_place_agrees(store):
    _meeting(store, "Reuters", "2019-09-10", MEETING_BODY)
    _meeting(store, "Blog", None, OTHER_MEETING_BODY, day=None, basis="none", needle="Lee Sang-ho and")
    link_corpus(store, Options())
    (merged,) = list(store.events())
    assert merged.n_sources == 2 and merged.date == "2019-09-10"


def test_an_undated_report_elsewhere_stays_apart(store):
    _meeting(store, "Reuters", "2019-09-10", MEETING_BODY)
    article = make_article(OTHER_MEETING_BODY, "Blog", None)
    add(store, article, [make_event(article, "m", "CONSULT", HARLOW, LEE, None, location="Seoul", basis="none",
                                    needle="Lee Sang-ho and")], actors_of(HARLOW, LEE))
    link_corpus(store, Options())
    assert len(list(store.events())) == 2


def test_a_side_named_as_its_clause_wrote_it_keeps_that_name_when_merged(store):
    from dataclasses import replace

    capital = replace(USA, name="Washington", written=True)
    first = make_article(SANCTIONS_BODY, "AP", "2019-08-05")
    copy = make_article("AP\n\n" + SANCTIONS_BODY, "Yahoo", "2019-08-05")
    for article in (first, copy):
        add(store, article, [make_event(article, "x", "ACCUSE", capital, PRK, "2019-08-05", cameo="112", quad=3,
                                        goldstein=-2)], actors_of(USA, PRK))
    link_corpus(store, Options())
    (merged,) = list(store.events())
    assert len(merged.sources) == 2
    assert (merged.actor1.name, merged.actor1.actor_id) == ("Washington", USA.actor_id)


def test_one_outlet_dating_an_act_a_day_apart_in_its_own_words_tells_two_acts(store):
    # "met on Monday" in a Tuesday story and "met on Tuesday" in a Wednesday one: one outlet writes its
    # days in one time zone, so these are two meetings
    _meeting(store, "Yonhap", "2019-09-10", MEETING_BODY, day="2019-09-09", basis="relative")
    _meeting(store, "Yonhap", "2019-09-11", OTHER_MEETING_BODY, day="2019-09-10", basis="relative",
             needle="Lee Sang-ho and")
    link_corpus(store, Options())
    assert sorted(e.date for e in store.events()) == ["2019-09-09", "2019-09-10"]


def test_a_day_taken_from_the_story_around_the_act_gives_way_to_the_acts_own(store):
    # the next day's story repeats the meeting with no day of its own and takes its own news day; two
    # such reports against one that says "on Monday" still give Monday
    _meeting(store, "Yonhap", "2019-09-10", MEETING_BODY, day="2019-09-09", basis="relative")
    _meeting(store, "Yonhap", "2019-09-11", OTHER_MEETING_BODY, day="2019-09-10", basis="narrative",
             needle="Lee Sang-ho and")
    _meeting(store, "AFP", "2019-09-11", SANCTIONS_BODY + " Harlow.", day="2019-09-10", basis="published",
             needle="Harlow")
    link_corpus(store, Options())
    (event,) = list(store.events())
    assert event.date == "2019-09-09" and event.n_sources == 3
    assert "dates-disagree:2019-09-09=1;2019-09-10=2" in event.context
