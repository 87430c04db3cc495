from __future__ import annotations

from datetime import date

from story_corpus import (HARLOW, LEE, MEETING_BODY, OTHER_MEETING_BODY, PRK, SANCTIONS_BODY, USA, actors_of, add,
                          make_article, make_event)

from parley.options import Options
from parley.stories import link_corpus
from parley.stories.dates import date_references
from parley.stories.timeline import build_timeline, latest_entries, plain_words


def _corpus(store):
    sanctions = make_article(SANCTIONS_BODY, "AP", "2019-08-05")
    add(store, sanctions, [make_event(sanctions, "s", "SANCTION", USA, PRK, "2019-08-05", cameo="163", quad=3,
                                      goldstein=-8.0, needle="The Treasury")])
    for outlet, body, needle in (("Yonhap", MEETING_BODY, "Harlow"), ("Reuters", OTHER_MEETING_BODY, "Lee Sang-ho and")):
        article = make_article(body, outlet, "2019-09-10")
        add(store, article, [make_event(article, "m", "CONSULT", HARLOW, LEE, "2019-09-10", location="Washington",
                                        needle=needle)], actors_of(HARLOW, LEE))
    early = make_article(OTHER_MEETING_BODY + " Planned.", "KBS", "2019-09-01")
    add(store, early, [make_event(early, "p", "CONSULT", HARLOW, LEE, "2019-09-10", status="planned")])
    undated = make_article(MEETING_BODY.replace("Tuesday", "a recent day") + " Undated.", "Blog", None, "No date here")
    add(store, undated, [make_event(undated, "u", "AGREE", HARLOW, LEE, None, cameo="057", basis="published")])
    link_corpus(store, Options())
    return undated


def test_timeline_is_in_date_order_in_plain_words_with_outlets(store):
    _corpus(store)
    entries = build_timeline(store)
    assert [e.date for e in entries] == ["2019-08-05", "2019-09-10"]
    assert entries[0].text == "United States imposed sanctions on North Korea"
    meeting = entries[1]
    assert meeting.text == "Stephen Harlow (USA) met Lee Sang-ho (KOR) in Washington"
    assert meeting.outlets == ["Yonhap", "Reuters"]
    assert meeting.n_sources == 2 and meeting.status == "reported"
    assert "Harlow" in meeting.sentence and meeting.event_id


def test_planned_events_only_when_asked(store):
    _corpus(store)
    assert all(e.status != "planned" for e in build_timeline(store))
    (planned,) = build_timeline(store, status="planned")
    assert planned.text == "Stephen Harlow (USA) is to meet Lee Sang-ho (KOR)"
    assert planned.note and "took place" in planned.note


def test_undated_articles_are_kept_out_and_listed_with_a_reason(store):
    undated = _corpus(store)
    timeline = build_timeline(store)
    assert all(undated.id not in e.articles for e in timeline)
    assert [x.article_id for x in timeline.excluded] == [undated.id]
    assert "no date" in timeline.excluded[0].reason


def test_filters_by_actor_dyad_period_and_search(store):
    _corpus(store)
    assert [e.type for e in build_timeline(store, dyad=("USA", "PRK"))] == ["SANCTION"]
    assert [e.type for e in build_timeline(store, dyad=("KOR", "USA"))] == ["CONSULT"]
    assert [e.type for e in build_timeline(store, actor="Lee Sang-ho")] == ["CONSULT"]
    assert [e.type for e in build_timeline(store, since="2019-09")] == ["CONSULT"]
    assert [e.type for e in build_timeline(store, search="shipping companies")] == ["SANCTION"]


def test_summary_picks_the_heavily_sourced_date(store):
    _corpus(store)
    (top,) = build_timeline(store, summary=1)
    assert top.date == "2019-09-10" and top.type == "CONSULT"
    assert [e.date for e in build_timeline(store, summary=2)] == ["2019-08-05", "2019-09-10"]


def test_summary_on_articles_alone_uses_date_references(store):
    bodies = ["Talks opened in Geneva on 14 March, officials said.", "The talks of March 14 ended badly.",
              "On Monday, the March 14 talks were recalled by both sides.", "Nothing happened on Friday."]
    for n, body in enumerate(bodies):
        add(store, make_article(body + " Filler words." * n, "Wire", f"2019-03-{18 + n}"), [])
    (top,) = build_timeline(store, summary=1)
    assert top.date == "2019-03-14" and top.event_id is None and "14" in top.sentence


def test_contradictory_dates_are_shown(store):
    for outlet, body, day in (("Yonhap", MEETING_BODY, "2019-09-11"), ("Reuters", OTHER_MEETING_BODY, "2019-09-10"),
                              ("AFP", SANCTIONS_BODY, "2019-09-11")):
        article = make_article(body, outlet, "2019-09-11")
        add(store, article, [make_event(article, "m", "CONSULT", HARLOW, LEE, day)])
    link_corpus(store, Options())
    (entry,) = build_timeline(store)
    assert entry.date == "2019-09-11"
    assert entry.note == "sources disagree on the date: 2019-09-10 (1), 2019-09-11 (2)"


def test_plain_words_follow_status_and_missing_target():
    article = make_article(MEETING_BODY, "Yonhap", "2019-09-10")
    event = make_event(article, "x", "ACCUSE", PRK, None, "2019-09-10", status="negated")
    assert plain_words(event) == "North Korea did not make accusations"


def test_date_references_resolve_against_the_publication_date():
    pub = date(2019, 9, 11)  # a Wednesday
    text = "Harlow met Lee on Tuesday. A vote will be held on Friday.\nTalks began on 22 August and ended yesterday."
    days = [r.day for r in date_references(text, pub)]
    assert days == ["2019-09-10", "2019-09-13", "2019-08-22", "2019-09-10"]
    assert [r.day for r in date_references("The accord of December 30 held.", date(2020, 1, 2))] == ["2019-12-30"]
    assert date_references("Met on Tuesday.", None) == []


def test_date_weights_change_the_ranking_without_reading_the_articles_again():
    from parley.stories.dates import DateSignal, DateWeights

    signal = DateSignal()
    # one day everyone writes on; another that a few later articles look back to
    for n in range(8):
        signal.add_article(f"busy{n}", "2019-03-02", "Crowds gathered in the square.")
    for n, pub in enumerate(("2019-03-20", "2019-03-25")):
        signal.add_article(f"later{n}", pub, "The accord signed on 5 March still holds.")
    assert signal.looks["2019-03-05"] == [(15, None), (20, None)]
    by_volume = DateWeights(publication=1.0, volume_damping=0.0)
    by_reference = DateWeights(publication=0.0)
    assert signal.rank(1, weights=by_volume) == ["2019-03-02"]
    assert signal.rank(1, weights=by_reference) == ["2019-03-05"]
    plain = DateWeights(retrospect=0.0, explicit=0.0)
    assert signal.references(plain)["2019-03-05"] == 2.0
    assert signal.references()["2019-03-05"] > 2.0  # the default weights favour explicit look-backs


def _many_days(store, n: int) -> None:
    """n articles, one meeting each on its own day, and one planned and one undated among them."""
    for day in range(1, n + 1):
        article = make_article(MEETING_BODY + f" Report {day}.", "Wire", f"2019-05-{day:02d}")
        status = "planned" if day == 3 else "reported"
        add(store, article, [make_event(article, f"d{day}", "CONSULT", HARLOW, LEE, f"2019-05-{day:02d}",
                                        status=status, needle="Harlow")], actors_of(HARLOW, LEE))
    undated = make_article(MEETING_BODY + " Undated.", "Blog", None, "No date here")
    add(store, undated, [make_event(undated, "u", "CONSULT", HARLOW, LEE, None, needle="Harlow")])


def test_the_latest_entries_are_the_tail_of_the_whole_timeline(store):
    _many_days(store, 12)
    whole = build_timeline(store)
    for limit in (1, 2, 5, 11, 12, 40):  # pages of limit + limit // 4 + 1 rows: one page and several
        latest, cut = latest_entries(store, limit=limit)
        assert latest == whole[-limit:] and cut == (len(whole) > limit)
    for kwargs in ({"status": "planned"}, {"actor": "Lee Sang-ho"}, {"dyad": ("KOR", "USA")}, {"since": "2019-05-10"}):
        assert latest_entries(store, limit=3, **kwargs)[0] == build_timeline(store, **kwargs)[-3:]
