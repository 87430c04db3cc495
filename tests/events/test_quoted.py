"""Quoted statements that do an act (events/quoted.py), on sentences written for these tests."""

from __future__ import annotations

import pytest

from parley.events.quoted import load_cues
from parley.records import Actor, Article

KNOWN = {
    "Freedonia": ("Freedonia", "country", "FDN"),
    "Sylvania": ("Sylvania", "country", "SLV"),
    "Ruritania": ("Ruritania", "country", "RUR"),
    "Anna Varga": ("Anna Varga", "person", "FDN"),
    "Varga": ("Anna Varga", "person", "FDN"),
    "Karl Brenner": ("Karl Brenner", "person", "SLV"),
    "Brenner": ("Karl Brenner", "person", "SLV"),
    "the Sylvanian prosecutors": ("Sylvanian prosecutors", "group", "SLV"),
    "Milo Stern": ("Milo Stern", "person", None),
}


@pytest.fixture
def acts(nlp, options, make_actors):
    """(type, doer, target) of the events a text gives, quotes included."""
    from parley.events import find_events
    from parley.quotes import find_quotes

    def run(text: str, with_quotes: bool = True):
        article = Article(id="q1", source="test", body=text, published="2021-03-10", language="en")
        doc = nlp(text)
        actors = make_actors(article.id, text, KNOWN)
        quotes = find_quotes(article, doc, actors, options) if with_quotes else None
        events = find_events(article, doc, actors, options, quotes)
        return {(e.type, e.actor1.name if e.actor1 else None, e.actor2.name if e.actor2 else None) for e in events}, events

    return run


@pytest.fixture
def quoted(nlp, options, make_actors):
    """(type, doer, target) of the acts the quotes alone do (the step by itself, no verb events)."""
    from parley.events.lexicon import load_lexicon
    from parley.events.quoted import quote_acts, speaker_of
    from parley.quotes import find_quotes

    def run(text: str):
        article = Article(id="q1", source="test", body=text, published="2021-03-10", language="en")
        doc = nlp(text)
        actors = make_actors(article.id, text, KNOWN)
        out = set()
        for quote in find_quotes(article, doc, actors, options):
            speaker = speaker_of(quote, doc, actors, text)
            for _, _, cameo, target in quote_acts(quote, doc, actors, speaker):
                out.add((load_lexicon().code(cameo).type, speaker.name, target.name if target else None))
        return out

    return run


def test_concern_at_a_party_is_an_accusation(quoted):
    found = quoted('"We are deeply concerned about the conduct of Sylvania," Freedonian Foreign Minister Anna Varga said.')
    assert ("ACCUSE", "Anna Varga", "Sylvania") in found


def test_calling_a_party_the_aggressor_accuses_it(quoted):
    found = quoted('"Sylvania is the aggressor here," Anna Varga told reporters on Monday.')
    assert ("ACCUSE", "Anna Varga", "Sylvania") in found


def test_without_quotes_no_act_is_read(acts):
    text = '"We stand with Ruritania," Anna Varga told reporters on Monday.'
    assert ("SUPPORT", "Anna Varga", "Ruritania") in acts(text)[0]
    assert ("SUPPORT", "Anna Varga", "Ruritania") not in acts(text, with_quotes=False)[0]


def test_the_victim_of_a_judged_act_is_not_its_target(quoted):
    found = quoted('"This is brutal aggression against Ruritania," Anna Varga said.')
    assert not any(t == "Ruritania" for _, _, t in found)


def test_a_possessor_is_the_doer_of_the_judged_act(quoted):
    found = quoted('"Sylvania\'s aggression against Ruritania is illegal," Anna Varga said.')
    assert ("ACCUSE", "Anna Varga", "Sylvania") in found
    assert ("ACCUSE", "Anna Varga", "Ruritania") not in found


def test_negated_judgement_is_no_act(quoted):
    found = quoted('"What Sylvania did is not illegal," Anna Varga said.')
    assert not any(t == "ACCUSE" for t, _, _ in found)


def test_conditional_judgement_is_no_act(quoted):
    found = quoted('"If Sylvania sends troops, that would be illegal," Anna Varga said.')
    assert not any(t == "ACCUSE" for t, _, _ in found)


def test_a_description_is_no_act(quoted):
    found = quoted('"Sylvania held elections in the spring and the economy grew," Anna Varga said.')
    assert not found


def test_a_speaker_we_cannot_place_does_no_act(quoted):
    # a person with neither state nor political sector (a commentator, a witness) is no political actor
    found = quoted('"Sylvania is the aggressor here," Milo Stern said.')
    assert not any(d == "Milo Stern" for _, d, _ in found)


def test_a_baseless_claim_is_rejected(quoted):
    found = quoted('Freedonia called Sylvania\'s accusations "baseless" on Tuesday.')
    assert found == {("REJECT", "Freedonia", "Sylvania")}


def test_a_case_called_baseless_accuses_who_brings_it(quoted):
    found = quoted('"This is a baseless case brought by the Sylvanian prosecutors," Karl Brenner said.')
    assert ("ACCUSE", "Karl Brenner", "Sylvanian prosecutors") in found


def test_standing_with_a_party_is_support(quoted):
    found = quoted('"We stand with Ruritania and will continue to do so," Anna Varga said on Friday.')
    assert ("SUPPORT", "Anna Varga", "Ruritania") in found


def test_a_demand_made_of_another_party_is_a_request(quoted):
    found = quoted('"Sylvania must withdraw its troops from the border," Anna Varga said.')
    assert ("REQUEST", "Anna Varga", "Sylvania") in found


def test_what_we_must_do_is_no_request(quoted):
    found = quoted('"We must talk to Sylvania about the border," Anna Varga said.')
    assert not any(t == "REQUEST" for t, _, _ in found)


def test_a_passive_must_is_no_demand_of_its_subject(quoted):
    found = quoted('"Sylvania must be held to its word," Anna Varga said.')
    assert ("REQUEST", "Anna Varga", "Sylvania") not in found


def test_a_threat_against_a_party(quoted):
    found = quoted('"Sylvania will pay a heavy price for this," Anna Varga said.')
    assert ("THREATEN", "Anna Varga", "Sylvania") in found


def test_a_quote_act_is_dated_by_its_sentence(acts):
    _, events = acts('On Monday, Anna Varga said: "We stand with Ruritania."')
    support = [e for e in events if e.type == "SUPPORT"]
    assert len(support) == 1 and support[0].trigger == "stand with"
    assert support[0].date == "2021-03-08" and support[0].status == "reported"


def test_a_verb_event_of_the_sentence_is_kept_over_the_quote(acts):
    _, events = acts('Anna Varga condemned Sylvania on Monday, saying: "We are deeply concerned about the conduct of Sylvania."')
    accusations = [e for e in events if e.type == "ACCUSE"]
    assert len(accusations) == 1 and accusations[0].trigger == "condemned"


def test_every_cue_row_reads_its_target_one_known_way():
    cues = load_cues()
    assert cues and all(c.reads in ("judge", "feeling", "object", "subject") and c.cameo.isdigit() for c in cues)


def test_a_statement_speaks_for_the_party_it_names(quoted):
    found = quoted('"Sylvania must free the detained sailors," the Freedonia statement said.')
    assert ("REQUEST", "Freedonia", "Sylvania") in found


def test_a_voice_phrase_with_a_pronoun_owner_names_no_speaker(quoted):
    # "his mission": whose mission the story tells elsewhere, not the party named after the pronoun
    found = quoted('"Sylvania must free the detained sailors," his Freedonia mission said.')
    assert not found


def test_the_object_of_a_judged_deed_is_its_victim(quoted):
    found = quoted('"Sylvania keeps undermining Ruritania," Anna Varga said.')
    assert ("ACCUSE", "Anna Varga", "Ruritania") not in found
    assert ("ACCUSE", "Anna Varga", "Sylvania") in found


def test_it_is_for_a_party_to_act_is_a_demand_of_it(quoted):
    found = quoted('"It is now for Sylvania to answer," Anna Varga said.')
    assert ("REQUEST", "Anna Varga", "Sylvania") in found


def test_what_is_next_or_needed_is_no_demand(quoted):
    assert not quoted('"The next step will be for Sylvania to sign the text," Anna Varga said.')


def test_taking_all_necessary_measures_against_a_party_is_a_threat(quoted):
    found = quoted('Anna Varga said Freedonia will take all necessary measures to stop Sylvania from building the dam.')
    assert ("THREATEN", "Anna Varga", "Sylvania") in found


def test_a_threat_of_measures_with_no_party_is_no_act(quoted):
    assert not quoted('"We will take all necessary measures to protect our farmers," Anna Varga said.')


def test_a_threat_to_those_behind_an_attack_is_no_threat_to_its_victim(quoted):
    found = quoted('"Those behind the attack on Ruritania will be punished," Anna Varga said.')
    assert not any(t == "Ruritania" for _, _, t in found)


def test_failing_at_what_a_party_should_do_is_criticism(quoted):
    found = quoted('"Sylvania has failed to stop the smuggling across its border," Anna Varga said.')
    assert ("ACCUSE", "Anna Varga", "Sylvania") in found


def test_a_failure_of_things_is_no_criticism_of_a_party(quoted):
    assert not quoted('"The talks with Sylvania failed to produce a deal," Anna Varga said.')


def test_former_officials_and_commentators_do_no_act():
    from parley.events.quoted import political_speaker
    from parley.records import Role

    def person(*titles):
        return Actor(id="p", name="P", kind="person", country="FDN", sector="GOV", roles=[Role(t) for t in titles])

    assert political_speaker(person("Foreign Minister"))
    assert political_speaker(person())  # no title known: placed by its state and sector
    assert not political_speaker(person("former Ambassador"))
    assert not political_speaker(person("Vice President of Studies"))
    assert political_speaker(person("former Ambassador", "Special Envoy"))


def test_a_place_is_not_the_doer_of_what_happened_there(quoted):
    assert not quoted('"We are deeply concerned about the violence in Ruritania," Anna Varga said.')


def test_talks_with_a_party_that_must_go_on_ask_nothing_of_it(quoted):
    assert not quoted('"The talks with Sylvania must continue," Anna Varga said.')


def test_a_rule_for_everyone_is_no_demand(quoted):
    assert not quoted('"Every member of Sylvania has to pay the fee," Anna Varga said.')


def test_a_conditional_threat_is_still_a_threat(quoted):
    found = quoted('"If Sylvania strikes, we will retaliate against Sylvania," Anna Varga said.')
    assert ("THREATEN", "Anna Varga", "Sylvania") in found


def test_a_judgement_under_a_condition_is_no_act(quoted):
    assert not quoted('"If Sylvania sends troops, that is illegal," Anna Varga said.')


def test_anothers_support_told_by_the_speaker_is_not_the_speakers(quoted):
    assert not quoted('Anna Varga said Sylvania is lying about its support for Ruritania.')
    assert ("SUPPORT", "Anna Varga", "Ruritania") in quoted('"Our support for Ruritania remains strong," Anna Varga said.')


def test_concern_felt_by_others_is_no_act_of_the_speaker(quoted):
    assert not quoted('"Many people are concerned about what Sylvania does," Anna Varga said.')


def test_a_price_paid_is_told_not_threatened(quoted):
    assert not quoted('"Sylvania paid a heavy price for the raid," Anna Varga said.')


def test_must_in_a_threat_is_the_threats(quoted):
    assert quoted('"Sylvania must face the consequences," Anna Varga said.') == {("THREATEN", "Anna Varga", "Sylvania")}


def test_a_deed_done_in_a_savage_manner_accuses_its_doer(quoted):
    found = quoted('"Sylvania attacks the villagers of Ruritania in a savage manner," Anna Varga said.')
    assert found == {("ACCUSE", "Anna Varga", "Sylvania")}


def test_not_hesitating_to_act_against_a_party_is_a_threat(quoted):
    found = quoted('"If Sylvania escalates, we will not hesitate to cut off the power," Anna Varga said.')
    assert ("THREATEN", "Anna Varga", "Sylvania") in found


def test_praise_of_a_partys_act(quoted):
    found = quoted('"The withdrawal of troops by Sylvania is a good step," Anna Varga said.')
    assert ("SUPPORT", "Anna Varga", "Sylvania") in found


def test_a_judgement_in_apposition_names_the_party_it_stands_by(quoted):
    found = quoted('"Sylvania, the cruel aggressor state, bombs our towns," Anna Varga said.')
    assert ("ACCUSE", "Anna Varga", "Sylvania") in found


def test_a_passive_threat_names_the_threatened_not_the_agent(quoted):
    found = quoted('Anna Varga said Sylvania "will be crushed" by the army of Ruritania.')
    assert found == {("THREATEN", "Anna Varga", "Sylvania")}


def test_a_pledge_told_of_another_party_is_not_the_speakers(quoted):
    assert not quoted('"Sylvania will support Ruritania in the vote," Anna Varga said.')
    assert ("SUPPORT", "Anna Varga", "Ruritania") in quoted('"We will support Ruritania in the vote," Anna Varga said.')


def test_a_target_less_verb_act_takes_the_target_its_quote_names():
    from parley.events.quoted import read_targets
    from parley.events.story import EventMention
    from parley.records import Event, EventActor

    varga, sylvania = EventActor("Anna Varga", "per:varga", "FDN"), EventActor("Sylvania", "country:SLV", "SLV")
    ruritania = EventActor("Ruritania", "country:RUR", "RUR")

    def mention(trigger, target, sentence=2, type_="THREATEN"):
        return EventMention(Event(id=trigger, date=None, date_basis="none", type=type_, actor1=varga, actor2=target,
                                  trigger=trigger), sentence)

    quoted = [mention("pay price", sylvania)]
    assert read_targets([mention("warned", None)], quoted)[0].event.actor2 == sylvania
    # a verb act that names its own target keeps it; so does one of another sentence or type
    assert read_targets([mention("warned", ruritania)], quoted)[0].event.actor2 == ruritania
    assert read_targets([mention("warned", None, sentence=3)], quoted)[0].event.actor2 is None
    assert read_targets([mention("urged", None, type_="REQUEST")], quoted)[0].event.actor2 is None


def test_what_is_discussed_is_not_done(quoted):
    assert not quoted('Anna Varga said the ministers will discuss support for Ruritania.')


def test_a_measure_on_a_party_that_should_go_on_asks_nothing_of_it(quoted):
    assert not quoted('"The suspension of Sylvania should continue," Anna Varga said.')
