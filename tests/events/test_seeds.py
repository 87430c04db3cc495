"""The five seed stories in ../shared/seeds: meetings, appeals, calls and agreements with actors, dates, status.

Actors are set by hand (the actor layer is tested on its own); the published date is set by hand when
the cleaner does not find it.
"""

from __future__ import annotations

from dataclasses import replace

import pytest

from parley.records import Document

KNOWN = {
    "Biegun": ("Stephen Biegun", "person", "USA"),
    "Stephen Biegun": ("Stephen Biegun", "person", "USA"),
    "Lee": ("Lee Do-hoon", "person", "KOR"),
    "Lee Do-hoon": ("Lee Do-hoon", "person", "KOR"),
    "Trump": ("Donald Trump", "person", "USA"),
    "Kim": ("Kim Jong-un", "person", "PRK"),
    "Moon Jae-in": ("Moon Jae-in", "person", "KOR"),
    "Moon": ("Moon Jae-in", "person", "KOR"),
    "Joe Biden": ("Joe Biden", "person", "USA"),
    "Biden": ("Joe Biden", "person", "USA"),
    "Noh Kyu-duk": ("Noh Kyu-duk", "person", "KOR"),
    "Sung Kim": ("Sung Kim", "person", "USA"),
    "Kang Kyung-wha": ("Kang Kyung-wha", "person", "KOR"),
    "Cho Sei-young": ("Cho Sei-young", "person", "KOR"),
    "South Korean": ("South Korea", "country", "KOR"),
    "U.S.": ("United States", "country", "USA"),
}
PUBLISHED = {"000": "2020-11-18", "001": "2019-09-19", "002": "2020-07-07", "003": "2020-12-10", "004": "2021-04-22"}


@pytest.fixture(scope="module")
def seeds(shared, nlp, options, make_actors):
    from parley.clean import clean_document
    from parley.events import find_events

    out = {}
    for path in sorted((shared / "seeds").glob("*.txt")):
        key = path.name[:3]
        article = clean_document(Document(path.stem, str(path), "text", path.read_text(encoding="utf-8")), options)
        if not article.published:
            article = replace(article, published=PUBLISHED[key])
        actors = make_actors(article.id, article.body, KNOWN)
        out[key] = (article, find_events(article, nlp(article.body), actors, options))
    return out


def find(events, type_, a1, a2=None, trigger=None):
    hits = [
        e for e in events
        if e.type == type_ and e.actor1.name == a1 and (a2 is None or e.actor2 and e.actor2.name == a2)
        and (trigger is None or trigger in e.trigger)
    ]
    assert hits, [(e.type, e.actor1.name, e.actor2 and e.actor2.name, e.trigger) for e in events]
    return hits[0]


def test_planned_meeting_on_the_publication_day(seeds):
    article, events = seeds["001"]
    e = find(events, "CONSULT", "Lee Do-hoon", "Stephen Biegun", "meet")
    assert e.status == "planned"
    assert e.date == article.published[:10]


def test_historical_first_meeting(seeds):
    _, events = seeds["003"]
    e = find(events, "CONSULT", "Donald Trump", "Kim Jong-un", "met")
    assert (e.status, e.date, e.date_basis) == ("historical", "2018", "explicit")
    assert e.location.name == "Singapore"


def test_appeal_and_phone_call(seeds):
    article, events = seeds["004"]
    e = find(events, "REQUEST", "Moon Jae-in", "Joe Biden", "urged")
    assert e.status == "reported"
    call = find(events, "CONSULT", "Noh Kyu-duk", "Sung Kim")
    assert (call.mode, call.date) == ("phone", "2021-04-22")
    summit = find(events, "CONSULT", "Joe Biden", "Moon Jae-in", "meet")
    assert (summit.status, summit.date) == ("planned", "2021-05")


def test_meetings_with_several_officials(seeds):
    _, events = seeds["002"]
    met = {e.actor2.name for e in events if e.type == "CONSULT" and e.actor1.name == "Stephen Biegun" and e.actor2}
    assert {"Kang Kyung-wha", "Cho Sei-young", "Lee Do-hoon"} <= met
    e = find(events, "CONSULT", "United States", "South Korea", "meet")
    assert (e.status, e.date) == ("planned", "2020-07-08")


def test_meeting_on_tuesday(seeds):
    _, events = seeds["000"]
    e = find(events, "CONSULT", "Stephen Biegun", "South Korea")
    assert e.date == "2020-11-17"


def test_no_trump_kim_meeting_dated_in_the_seeds_own_years(seeds):
    """Trump and Kim met in 2018-2019; the seeds (2019-2021) retell it as background, never as news."""
    for key, (article, events) in seeds.items():
        for e in events:
            names = {e.actor1.name, e.actor2.name if e.actor2 else None}
            if e.type == "CONSULT" and names == {"Donald Trump", "Kim Jong-un"} and e.date:
                assert e.date < "2019-09" or e.status == "historical", (key, e.date, e.status, e.trigger)


def test_each_meeting_is_one_record(seeds):
    for key, (_, events) in seeds.items():
        seen = {}
        for e in events:
            if e.type != "CONSULT" or e.actor2 is None:
                continue
            pair = (frozenset({e.actor1.name, e.actor2.name}), e.status in ("reported", "historical"), e.date)
            assert pair not in seen, (key, e.trigger, seen[pair])
            seen[pair] = e.trigger
