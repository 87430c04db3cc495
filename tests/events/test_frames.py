"""Verb sense by frame, event nouns without a verb of their own, and new lexicon senses."""

from __future__ import annotations

import pytest


def types(events):
    return {(e.type, e.cameo, e.actor1.country, e.actor2.country if e.actor2 else None) for e in events}


@pytest.fixture
def more(known):
    return {
        **known,
        "Japanese": ("Japan", "country", "JPN"),
        "Iranian": ("Iran", "country", "IRN"),
        "the daily Asahi": ("Asahi Shimbun", "organization", "JPN"),
    }


def test_command_to_stop_is_coercion(code, more):
    events = code("China ordered the daily Asahi to close its Beijing bureau.", more)
    assert types(events) == {("COERCE", "172", "CHN", "JPN")}


def test_command_to_leave_is_expulsion(code, more):
    events = code("Iran ordered the French diplomats to leave within two days.", more)
    assert {(e.type, e.cameo) for e in events} == {("COERCE", "174")}


def test_command_to_own_forces_stays_a_demand(code, more):
    events = code("Putin ordered the troops to halt the advance.", more)
    assert {e.type for e in events} == {"REQUEST"}


def test_failure_to_agree_is_a_rejection(code, more):
    events = code("France and Germany failed to reach a deal on farm subsidies on Monday.", more)
    assert {(e.type, e.cameo, e.status) for e in events} == {("REJECT", "120", "reported")}
    assert {(e.actor1.country, e.actor2.country) for e in events} == {("FRA", "DEU")}


def test_did_not_agree_stays_a_negated_agreement(code, more):
    events = code("Japan did not agree to the plan.", more)
    assert {(e.type, e.status) for e in events} == {("AGREE", "negated")}


def test_opposed_to_is_the_subjects_rejection(code, more):
    events = code("Japan is opposed to Iranian mediation in the dispute.", more)
    assert types(events) == {("REJECT", "125", "JPN", "IRN")}  # refused talk-type matter: 12x refined


def test_event_noun_as_subject_of_a_verb_of_going_on(code, more):
    events = code("Iranian protests against Japan continued on Tuesday.", more)
    e = next(e for e in events if e.type == "PROTEST")
    assert (e.actor1.country, e.actor2.country, e.status, e.date) == ("IRN", "JPN", "reported", "2020-07-07")


def test_event_noun_subject_needs_its_own_actor(code, more):
    assert code("The protests continued on Tuesday.", more) == []


def test_fighting_between_two_parties(code, more):
    events = code("Germany closed the crossing because of fighting between Iran and Japan.", more)
    assert ("ASSAULT", "190", "IRN", "JPN") in types(events)


def test_event_noun_with_between_and_one_party_is_not_coded(code, more):
    # only one side named: the noun must not lend its type to the verb's subject
    assert not [e for e in code("Germany condemned the fighting between rebels and Japan.", more) if e.type == "ASSAULT"]


def test_preparing_force_is_mobilization(code, more):
    events = code("The Japanese army prepared to attack Iranian positions.", more)
    found = {(e.type, e.status) for e in events}
    assert ("MOBILIZE", "reported") in found and ("ASSAULT", "planned") in found


def test_counted_victims_after_up_to(code, more):
    events = code("Iranian gunmen kidnapped up to 12 Japanese engineers on Sunday.", more)
    assert ("ASSAULT", "181", "IRN", "JPN") in types(events)


def test_restated_demand(code, more):
    events = code("France reiterated its demand that Iran release the sailors.", more)
    assert types(events) == {("REQUEST", "105", "FRA", "IRN")}  # the demanded release refines it


def test_return_to_the_negotiating_table(code, more):
    events = code("Iran and France will return to the negotiating table next week.", more)
    assert {(e.type, e.status) for e in events} == {("CONSULT", "planned")}
    assert {(e.actor1.country, e.actor2.country) for e in events} == {("IRN", "FRA")}


def test_return_to_a_place_is_no_event(code, more):
    assert code("The Japanese engineers returned to Iran.", more) == []


def test_group_placed_in_a_known_town(code, more):
    events = code("Protesters in Basra blocked a highway on Monday.", more)
    assert {(e.type, e.cameo, e.actor1.country) for e in events} == {("PROTEST", "144", "IRQ")}


def test_participle_modifier_acts(code, more):
    events = code("Police dispersed students from Japan protesting the new law.", more)
    assert any(e.type == "PROTEST" and e.actor1.country == "JPN" for e in events)


def test_suspension_and_inspectors(code, more):
    assert {e.type for e in code("Japan announced a suspension of flights to Iran.", more)} == {"SANCTION"}
    assert {(e.type, e.cameo) for e in code("France dispatched inspectors to Iran.", more)} == {("ACCUSE", "090")}


def test_an_order_to_arrest_or_imprison_is_coercion(code, known):
    assert {(e.type, e.cameo) for e in code("Japan ordered the arrest of Kim and his aides.", known)} == {("COERCE", "173")}
    assert {e.type for e in code("A Japanese court ordered Kim back to prison.", known)} == {"COERCE"}


def test_naming_a_group_terrorist_is_coercion(code, known):
    events = code("Japan and China have designated Kim as a terrorist.", known)
    assert {(e.actor1.name, e.type) for e in events} == {("Japan", "COERCE"), ("China", "COERCE")}
    assert code("Japan designated Kim as its envoy.", known) == []


def test_an_attack_for_a_reason_is_verbal(code, known):
    assert [e.type for e in code("Moon attacked Japan for refusing to support his plans.", known)] == ["ACCUSE"]
    assert [e.type for e in code("China attacked Japan on Monday.", known)] == ["ASSAULT"]


def test_a_demand_with_a_penalty_is_also_a_threat(code, known):
    events = code("Japan urged China on Friday to accept the ceasefire or face more sanctions.", known)
    assert {(e.type, e.actor2.name, e.status, e.date) for e in events} == {
        ("REQUEST", "China", "reported", "2020-07-03"), ("THREATEN", "China", "reported", "2020-07-03")}
    assert [e.type for e in code("Japan urged China to accept the ceasefire.", known)] == ["REQUEST"]
