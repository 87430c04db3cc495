"""An actor's statement of what it will do, nationality groups, and the repairs added with them."""

from __future__ import annotations

from datetime import date

from parley.events.when import resolve


def types(events):
    return sorted((e.type, e.status) for e in events)


def test_announced_future_is_one_statement(code, known):
    # one happening, one record: the undertaking, said on Monday (not also the aid to come, planned)
    events = code("On Monday, France said it will send food aid to Iran.", known)
    assert [(e.type, e.status, e.cameo[:2], e.date) for e in events] == [("AGREE", "reported", "03", "2020-07-06")]


def test_announced_threat_is_the_threat_once(code, known):
    events = code("On Monday, Japan said it will impose sanctions on China.", known)
    assert [(e.type, e.status, e.date) for e in events] == [("THREATEN", "reported", "2020-07-06")]  # the day it was said


def test_bare_future_stays_the_planned_action(code, known):
    assert types(code("Abe will visit China next month.", known)) == [("CONSULT", "planned")]


def test_commitment_adjective_is_agree(code, known):
    events = code("Japan is ready to lift its sanctions on Iran.", known)
    assert ("AGREE", "reported") in types(events)


def test_conditional_announcement_is_a_threat(code, known):
    events = code("Germany announced that it will withdraw its troops unless France pays.", known)
    assert ("THREATEN", "reported") in types(events)


def test_announced_refusal_is_reject(code, known):
    events = code("Japan says it will not accept the proposal from China.", known)
    assert ("REJECT", "reported") in types(events)


def test_vow_to_fight_is_a_threat(code, known):
    events = code("Iran has vowed to attack the United States.", known)
    assert [e.type for e in events] == ["THREATEN"]


def test_nationality_group_is_an_actor_without_record(code, known):
    e = next(e for e in code("Syrian tanks shelled positions near the border on Monday.", known) if e.type == "ASSAULT")
    assert (e.actor1.name, e.actor1.country, e.actor1.sector, e.actor1.actor_id) == ("Syrian tanks", "SYR", "MIL", None)


def test_counted_group_with_country_in_a_phrase(code, known):
    e = next(e for e in code("Thousands of farmers across France staged protests on Sunday.", known) if e.type == "PROTEST")
    assert (e.actor1.country, e.actor1.actor_id) == ("FRA", None) and "farmers" in e.actor1.name


def test_place_noun_with_nationality_is_not_an_actor(code, known):
    assert code("The Syrian city was quiet as talks resumed.", known) == []


def test_agentless_passive_is_dropped(code, known):
    assert code("Three Syrian soldiers were killed in a bombing on Monday.", known) == []


def test_measure_of_aid_after_give(code, known):
    e = next(e for e in code("Japan gave Iran 5 million dollars of aid.", known))
    assert (e.type, e.actor2.country) == ("AID", "IRN")


def test_years_and_weeks_ago_without_dateparser():
    base = date(2020, 7, 8)
    assert resolve("three weeks ago", base, False)[:2] == ("2020-06-17", "relative")
    assert resolve("two months ago", base, False)[0] == "2020-05"
    assert resolve("a year ago", base, False)[0] == "2019"
