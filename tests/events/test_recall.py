"""Kinds of English that tell an event without a plain "X verbed Y" clause (hand-written sentences)."""

from __future__ import annotations

KNOWN = {
    "Northern Front": ("Northern Front", "organization", None),
    "Lakeland army": ("Lakeland army", "organization", "LKA"),
    "Lakeland": ("Lakeland", "country", "LKA"),
    "Westria": ("Westria", "country", "WST"),
    "Ostland": ("Ostland", "country", "OST"),
    "Regional Council": ("Regional Council", "organization", "IGO"),
    "Amara": ("Nia Amara", "person", "LKA"),
}


def pairs(events):
    return {(e.actor1.name, e.type, e.actor2.name if e.actor2 else None) for e in events}


def test_claimed_responsibility_for_an_attack(code):
    events = code("The Northern Front claimed responsibility for the attack on the Lakeland army.", KNOWN)
    assert pairs(events) == {("Northern Front", "ASSAULT", "Lakeland army")}
    assert events[0].status == "reported"  # an attack claimed is no attack planned ("for talks")


def test_took_credit_for_attacking(code):
    events = code("The Northern Front took credit for attacking the Lakeland army.", KNOWN)
    assert pairs(events) == {("Northern Front", "ASSAULT", "Lakeland army")}


def test_claimed_the_killing_of(code):
    events = code("The Lakeland army claimed the killing of 20 Northern Front fighters.", KNOWN)
    assert pairs(events) == {("Lakeland army", "ASSAULT", "Northern Front")}


def test_claim_of_another_partys_attack_is_no_claim_of_responsibility(code):
    events = code("Westria claimed an Ostland attack on its border posts.", {**KNOWN, "Ostland": ("Ostland", "country", "OST")})
    assert not any(e.actor1.name == "Westria" and e.type == "ASSAULT" for e in events)


def test_came_under_attack_from(code):
    events = code("The Lakeland army came under attack from the Northern Front near the river.", KNOWN)
    assert pairs(events) == {("Northern Front", "ASSAULT", "Lakeland army")}


def test_came_under_fire(code):
    events = code("The Lakeland army came under fire from the Northern Front.", KNOWN)
    assert pairs(events) == {("Northern Front", "ASSAULT", "Lakeland army")}


def test_announced_the_arrest_of(code):
    events = code("The Lakeland army announced the arrest of five Northern Front members.", KNOWN)
    assert pairs(events) == {("Lakeland army", "COERCE", "Northern Front")}


def test_event_noun_with_a_by_agent(code):
    events = code("Twelve soldiers died in the hijacking of a train by the Northern Front.", KNOWN)
    assert pairs(events) == {("Northern Front", "ASSAULT", None)}


def test_offensive_launched_by(code):
    events = code("An offensive launched by the Lakeland army against the Northern Front has succeeded.", KNOWN)
    assert pairs(events) == {("Lakeland army", "ASSAULT", "Northern Front")}


def test_strikes_by_x_have_killed_fighters_of_y(code):
    events = code("Airstrikes by the Lakeland army have killed 50 Northern Front fighters.", KNOWN)
    assert pairs(events) == {("Lakeland army", "ASSAULT", "Northern Front")}


def test_object_relative_clause(code):
    events = code("Ostland asked about the sanctions Westria has imposed on Lakeland.", KNOWN)
    assert ("Westria", "SANCTION", "Lakeland") in pairs(events)


def test_stranded_preposition_is_no_object(code):
    assert code("Amara described the town she returned to.", KNOWN) == []


def test_meeting_of_an_international_body(code):
    events = code("Amara told a meeting of the Regional Council that the fighting must stop.", KNOWN)
    assert ("Regional Council", "CONSULT", None) in pairs(events)


def test_meeting_of_a_party_is_no_multilateral_meeting(code):
    events = code("Amara told a meeting of Ostland officials that the fighting must stop.", KNOWN)
    assert not any(e.type == "CONSULT" for e in events)


def test_agreements_between(code):
    events = code("Recent agreements between Westria and Ostland are a positive sign.", KNOWN)
    assert pairs(events) == {("Westria", "AGREE", "Ostland")}


def test_cooperation_between_is_a_relation_not_an_act(code):
    assert code("Cooperation between Westria and Ostland still stands.", KNOWN) == []


def test_cease_aid(code):
    events = code("Westria stopped military aid to Lakeland last week.", KNOWN)
    assert ("Westria", "SANCTION", "Lakeland") in pairs(events)


def test_reimposed_sanctions(code):
    events = code("Westria reimposed sanctions on Ostland on Monday.", KNOWN)
    assert pairs(events) == {("Westria", "SANCTION", "Ostland")}


def test_designated_by_with_the_agent_on_the_as_phrase(code):
    events = code("The Northern Front is designated as a terror group by Westria.", KNOWN)
    assert pairs(events) == {("Westria", "COERCE", "Northern Front")}


def test_designated_in_a_relative_clause_names_the_copula_subject(code):
    events = code("The Northern Front is a rebel militia that is designated as a terror group by Westria.", KNOWN)
    assert pairs(events) == {("Westria", "COERCE", "Northern Front")}


def test_helped_x_build(code):
    events = code("Westria helped Lakeland build a new port.", KNOWN)
    assert pairs(events) == {("Westria", "AID", "Lakeland")}


def test_helped_a_thing_is_no_aid_to_a_party(code):
    assert code("The new policy helped the economy grow.", KNOWN) == []


def test_ramped_up_attacks_on(code):
    events = code("The Northern Front has ramped up attacks on the Lakeland army.", KNOWN)
    assert pairs(events) == {("Northern Front", "ASSAULT", "Lakeland army")}


def test_forces_dispatched_without_agent_mobilise(code):
    events = code("Lakeland army units had been dispatched, the governor said.", {**KNOWN, "Lakeland army units": ("Lakeland army", "organization", "LKA")})
    assert pairs(events) == {("Lakeland army", "MOBILIZE", None)}


def test_founding_an_alliance_together(code):
    events = code("Westria, Ostland and Lakeland formed an alliance.", KNOWN)
    assert {e.type for e in events} == {"COOPERATE"} and len(events) == 3


def test_measures_including_sanctions_are_as_real_as_the_measures(code):
    events = code("Westria will take all measures, including reimposing sanctions on Ostland.", KNOWN)
    e = next(e for e in events if e.trigger == "reimposing sanctions")
    assert (e.actor1.name, e.type, e.actor2.name, e.status) == ("Westria", "SANCTION", "Ostland", "planned")


def test_between_a_and_an_apposition(code):
    events = code("Recent agreements between Westria and an armed group, the Northern Front, are a positive sign.", KNOWN)
    assert pairs(events) == {("Westria", "AGREE", "Northern Front")}


def test_deploying_things_is_no_mobilisation(code):
    assert code("Westria dispatched coffins to the border town.", KNOWN) == []
    events = code("Westria deployed troops to the border with Ostland.", KNOWN)
    assert {e.type for e in events} == {"MOBILIZE"}


def test_committing_abuses_is_no_commitment(code):
    events = code("Westria and Ostland have committed grave abuses, Amara said.", KNOWN)
    assert not any(e.type == "AGREE" for e in events)


def test_ordering_a_thing_is_no_demand(code):
    assert code("The Westria appeals court threw out the verdict and ordered a new trial.",
                {**KNOWN, "Westria appeals court": ("Westria appeals court", "organization", "WST")}) == []


def test_a_visit_by_x_to_y(code):
    events = code("During a visit by Amara to Westria last month, the two leaders spoke.", KNOWN)
    assert ("Nia Amara", "CONSULT", "Westria") in pairs(events)


def test_cede_territory(code):
    events = code("Westria will cede the islands to Ostland.", KNOWN)
    assert ("Westria", "RETREAT", "Ostland") in pairs(events)


def test_it_as_doer_is_the_state_just_told(code):
    events = code("Westria signed the pact with Ostland in 2012. In 2018, it stopped implementing the pact.", KNOWN)
    assert ("Westria", "REJECT", None) in pairs(events) or ("Westria", "REJECT", "Ostland") in pairs(events)


def test_it_far_from_the_state_is_no_state(code):
    text = ("Westria sanctioned the tanker Blue Star in 2020. The tanker later changed its name. Satellite images "
            "show the ship near a port. Analysts said it arrived in Ostland last year.")
    assert not any(e.type == "CONSULT" for e in code(text, KNOWN))


def test_exchange_of_fire_between(code):
    events = code("Fighting went on for hours with an exchange of fire reported between the Lakeland army and the Northern Front.", KNOWN)
    assert ("Lakeland army", "ASSAULT", "Northern Front") in pairs(events)


def test_exchange_of_prisoners_is_no_fighting(code):
    events = code("An exchange of prisoners between Westria and Ostland took place on Monday.", KNOWN)
    assert not any(e.type == "ASSAULT" for e in events)


def test_executing_people_not_plans(code):
    assert pairs(code("Westria executed two Northern Front fighters on Monday.", KNOWN)) == {("Westria", "ASSAULT", "Northern Front")}
    assert code("Westria will execute the plan next week.", KNOWN) == []


def test_targeted_with_sanctions_is_a_sanction(code):
    assert pairs(code("Westria targeted Ostland with new sanctions.", KNOWN)) == {("Westria", "SANCTION", "Ostland")}
    assert pairs(code("The Lakeland army targeted Northern Front positions overnight.", KNOWN)) == \
        {("Lakeland army", "ASSAULT", "Northern Front")}


def test_a_measure_targeting_is_no_attack(code):
    events = code("Westria says its tariffs are targeting Ostland goods.", KNOWN)
    assert not any(e.type == "ASSAULT" for e in events)


def test_brokered_between_names_the_mediator(code):
    events = code("Westria brokered a ceasefire between Ostland and Lakeland.", KNOWN)
    assert pairs(events) == {("Westria", "CONSULT", "Ostland"), ("Westria", "CONSULT", "Lakeland")}


def test_described_groups_act(code):
    assert pairs(code("Western politicians have called on Westria to end the blockade.", KNOWN)) == \
        {("Western politicians", "REQUEST", "Westria")}
    assert pairs(code("Additional European peacekeepers arrived in Lakeland on Wednesday.", KNOWN)) == \
        {("European peacekeepers", "MOBILIZE", None)}


def test_undescribed_plural_is_no_actor(code):
    assert code("Additional politicians have called on Westria to end the blockade.", KNOWN) == []


def test_troops_arriving_are_deployed_a_leader_arriving_visits(code):
    known = {**KNOWN, "Westria troops": ("Westria troops", "group", "WST")}
    assert {e.type for e in code("Westria troops arrived in Lakeland on Monday.", known)} == {"MOBILIZE"}
    assert {e.type for e in code("Amara arrived in Westria on Monday.", known)} == {"CONSULT"}


def test_a_persons_legal_team_acts_for_them(code):
    events = code("Amara's legal team has rejected the accusations by Westria.", KNOWN)
    assert {(e.actor1.name, e.type) for e in events} == {("Nia Amara's legal team", "REJECT")}


def test_condemning_an_arrest_addresses_the_holder(code):
    known = {"Amara": ("Nia Amara", "person", "KEN"), "Kenya": ("Kenya", "country", "KEN")}
    text = "Kenya's police arrested Amara on Monday. Rights groups condemned Amara's arrest and called for the release of Amara."
    judged = {(e.type, e.actor2.name) for e in code(text, known) if e.type in ("ACCUSE", "REQUEST")}
    assert judged == {("ACCUSE", "Kenyan authorities"), ("REQUEST", "Kenyan authorities")}


def test_condemning_an_arrest_by_a_named_agent(code):
    events = code("Westria condemned the arrest of Amara by the Lakeland army.", KNOWN)
    assert pairs(events) == {("Westria", "ACCUSE", "Lakeland army"), ("Lakeland army", "COERCE", "Nia Amara")}


def test_an_owned_act_is_background_and_as_real_whatever_is_said_of_it(code):
    events = code("Ostland has never condemned Westria's invasion of Lakeland.", KNOWN)
    invasion = next(e for e in events if e.type == "ASSAULT")
    assert (invasion.actor1.name, invasion.actor2.name, invasion.status, invasion.date) == \
        ("Westria", "Lakeland", "historical", None)


def test_an_owned_noun_without_its_patient_is_no_event(code):
    assert not any(e.type == "ASSAULT" for e in code("Ostland discussed Westria's invasion plans.", KNOWN))


def test_a_witness_telling_what_they_did_is_not_of_their_side(code):
    known = {**KNOWN, "Tom Obi": ("Tom Obi", "person", None)}
    events = code("\"At night they picked out ten men and shot them,\" Tom Obi said.", known)
    assert not any(e.actor1.name == "Tom Obi" for e in events)


def test_a_demonstrative_subject_is_not_the_speaker(code):
    events = code("\"This denies recognition to several communities,\" Amara said.", KNOWN)
    assert not any(e.actor1.name == "Nia Amara" for e in events)


def test_held_abroad_is_not_held_at_home(code):
    known = {"Kenya": ("Kenya", "country", "KEN"), "Jane Doe": ("Jane Doe", "person", None),
             "Paul Kibet": ("Paul Kibet", "person", None)}
    text = "Kenya's courts are busy. Paul Kibet's clients include jailed publisher Jane Doe in Hong Kong."
    assert not any(e.type == "COERCE" for e in code(text, known))


def test_subject_hung_on_the_auxiliary(code):
    events = code("Westria and Ostland are mediating between Lakeland and the Northern Front.", KNOWN)
    assert {e.actor1.name for e in events} == {"Westria", "Ostland"} and {e.type for e in events} == {"CONSULT"}


def test_states_marching_in_lockstep_do_not_protest(code):
    assert not any(e.type == "PROTEST" for e in code("Westria and Ostland are not marching in lockstep.", KNOWN))


def test_protesters_named_by_no_state_are_of_the_place(code):
    events = code("Thousands of protesters marched in Nairobi on Sunday.", {})
    assert [(e.actor1.name, e.actor1.country, e.type) for e in events] == [("Kenyan protesters", "KEN", "PROTEST")]


def test_a_resolution_says_what_its_adopters_say(code):
    events = code("The Regional Council adopted a resolution demanding that Westria withdraw its troops.", KNOWN)
    assert ("Regional Council", "REQUEST", "Westria") in pairs(events)


def test_revoked_agreement_and_closed_border(code):
    assert pairs(code("Westria revoked its cooperation agreement with Ostland.", KNOWN)) == {("Westria", "SANCTION", "Ostland")}
    assert pairs(code("Westria closed its border with Ostland.", KNOWN)) == {("Westria", "SANCTION", "Ostland")}


def test_retook_from(code):
    assert pairs(code("The Lakeland army retook the town from the Northern Front.", KNOWN)) == \
        {("Lakeland army", "ASSAULT", "Northern Front")}


def test_the_attack_itself_told_where_it_was_accuses_no_one(code):
    known = {"Nigeria": ("Nigeria", "country", "NGA"), "Nigerian police": ("Nigerian police", "group", "NGA")}
    events = code("Gunmen kidnapped 50 students in northern Nigeria, Nigerian police said.", known)
    assert not any(e.type == "ACCUSE" for e in events)


def test_received_backing_and_aid(code):
    assert pairs(code("Lakeland received military aid from Westria.", KNOWN)) == {("Westria", "AID", "Lakeland")}
    assert ("Ostland", "SUPPORT", "Lakeland") in pairs(code("Lakeland has the backing of Ostland.", KNOWN))


def test_past_demand_joined_to_a_present_reported_clause(code):
    text = "The Regional Council has determined that Amara's detention is unlawful and called for her release."
    events = code(text, {**KNOWN, "Lakeland": ("Lakeland", "country", "LKA")})
    assert {e.actor1.name for e in events if e.type == "REQUEST"} == {"Regional Council"}


def test_insisting_a_fact_is_no_demand(code):
    assert code("Westria insists it is committed to peace.", KNOWN) == []
    assert pairs(code("Westria insisted that Ostland must withdraw its troops.", KNOWN)) == {("Westria", "REQUEST", "Ostland")}


def test_a_stance_refused_in_the_present_is_a_rejection(code):
    e = code("Amara does not recognize the Westria court.", {**KNOWN, "Westria court": ("Westria court", "organization", "WST")})
    assert [(x.type, x.status) for x in e] == [("REJECT", "reported")]
    assert [x.status for x in code("Amara did not recognize Westria.", KNOWN)] == ["negated"]


def test_between_noun_takes_its_verbs_modality(code):
    # (a hope that it could is a wish, left out: see test_a_hoped_for_ceasefire_is_a_wish)
    events = code("Officials said a ceasefire between Westria and Ostland could take place within days.", KNOWN)
    assert [(e.type, e.status) for e in events] == [("RETREAT", "hypothetical")]


def test_came_under_an_attack_the_modifier_names(code):
    known = {**KNOWN, "Westrian": ("Westria", "country", "WST")}
    assert pairs(code("Lakeland came under a massive Westrian missile attack overnight.", known)) == \
        {("Westria", "ASSAULT", "Lakeland")}


def test_exchanged_fire_is_fire_both_ways(code):
    assert pairs(code("Westria and Ostland exchanged fire along the border.", KNOWN)) == \
        {("Westria", "ASSAULT", "Ostland"), ("Ostland", "ASSAULT", "Westria")}


def test_a_court_in_a_named_city(code):
    events = code("The journalist was sentenced to five years in prison by a court in Minsk.", {})
    assert [(e.actor1.country, e.type) for e in events] == [("BLR", "COERCE")]


def test_cutting_the_internet_and_dissolving_parties(code):
    assert {e.type for e in code("Westria shut down the internet ahead of the vote.", KNOWN)} == {"COERCE"}
    assert {e.type for e in code("Westria dissolved all opposition parties.", KNOWN)} == {"COERCE"}


def test_held_responsible_is_blame(code):
    assert pairs(code("Lakeland held Westria responsible for the strike on the hospital.", KNOWN)) == \
        {("Lakeland", "ACCUSE", "Westria")}


def test_vowed_revenge_is_a_threat_and_solidarity_is_support(code):
    assert {e.type for e in code("Westria vowed revenge against Ostland.", KNOWN)} == {"THREATEN"}
    assert pairs(code("Westria expressed solidarity with Lakeland.", KNOWN)) == {("Westria", "SUPPORT", "Lakeland")}


def test_a_state_protesting_a_decision_complains(code):
    events = code("Westria protested the decision of Ostland.", KNOWN)
    assert [(e.type, e.cameo) for e in events] == [("ACCUSE", "114")]
    crowd = code("Thousands of demonstrators protested the new law in Nairobi.", {})
    assert {e.type for e in crowd} == {"PROTEST"}


def test_asking_for_a_release_is_not_asked_of_ones_own_state(code):
    known = {"Westria": ("Westria", "country", "WST")}
    events = code("Westria demanded the release of the detained journalists.", known)
    assert all(e.actor2 is None or e.actor2.country != "WST" for e in events)


def test_helping_people_or_through_a_law_is_no_aid(code):
    known = {**KNOWN, "Ana Ruiz": ("Ana Ruiz", "person", None)}
    assert code("Ana Ruiz helps young women like her learn how to open a shop.", known) == []
    assert code("Analysts say the new law will help Westria tighten control of the sea.", KNOWN) == []


def test_measures_targeting_a_party_are_no_attack(code):
    known = {**KNOWN, "Westrian": ("Westria", "country", "WST")}
    assert not any(e.type == "ASSAULT" for e in code("He said the Westrian tariffs targeting Ostland are aimed at trade.", known))


def test_recognising_a_thing_as_something_recognises_no_party(code):
    assert code("Westria does not recognize dog meat as edible.", KNOWN) == []


def test_people_of_a_state_protest(code):
    known = {"Kenyans": ("Kenya", "country", "KEN")}
    assert {e.type for e in code("Tens of thousands of Kenyans began protesting in Nairobi.", known)} == {"PROTEST"}


def test_a_state_helping_itself_is_no_aid(code):
    known = {**KNOWN, "Westrian": ("Westria", "country", "WST")}
    assert code("Analysts fear that a Westrian update to its maritime law will help Westria tighten control.", known) == []


def test_a_charge_rejected_was_made(code):
    known = {**KNOWN, "Westrian": ("Westria", "country", "WST")}
    events = code("Ostland rejected Lakeland's allegation that the attack was planned on Westrian soil.", known)
    assert ("Ostland", "REJECT", "Lakeland") in pairs(events)
    charge = next(e for e in events if e.type == "ACCUSE")
    assert (charge.actor1.name, charge.actor2.name, charge.status) == ("Lakeland", "Westria", "historical")


def test_said_another_party_should_act_is_a_demand(code):
    events = code("Westria said Ostland should withdraw its troops from the border.", KNOWN)
    assert ("Westria", "REQUEST", "Ostland") in pairs(events)


def test_should_have_acted_is_no_demand(code):
    events = code("Westria said Ostland should have withdrawn its troops long ago.", KNOWN)
    assert not any(e.type == "REQUEST" for e in events)


def test_critical_of_is_criticism(code):
    events = code("Westria is critical of Ostland.", KNOWN)
    assert pairs(events) == {("Westria", "ACCUSE", "Ostland")}


def test_calling_for_war_against_a_party_threatens_it(code):
    events = code("The Lakeland army called for war against the Northern Front.", KNOWN)
    assert pairs(events) == {("Lakeland army", "THREATEN", "Northern Front")}


def test_urging_a_party_to_fight_stays_a_demand_on_it(code):
    events = code("Westria urged Ostland to attack the Northern Front.", KNOWN)
    assert ("Westria", "REQUEST", "Ostland") in pairs(events)


def test_waged_war_on(code):
    events = code("Westria waged war on Ostland in 1990.", KNOWN)
    assert pairs(events) == {("Westria", "ASSAULT", "Ostland")}
    assert events[0].status == "historical"


def test_a_war_said_to_have_hurt_is_no_act(code):
    assert code("The president of Westria said the war had hurt the economy.", KNOWN) == []


def test_days_of_talks_are_talks(code):
    events = code("Westria held two days of talks with Ostland in Geneva.", KNOWN)
    assert pairs(events) == {("Westria", "CONSULT", "Ostland")}


def test_days_spent_are_no_event(code):
    assert code("Nia Amara spent two days in Westria.", KNOWN) == []


def test_a_hoped_for_ceasefire_is_a_wish(code):
    events = code("Nia Amara said she hopes a ceasefire between Westria and Ostland could take place within days.", KNOWN)
    assert not any(e.type == "RETREAT" for e in events)


def test_in_the_hope_that_a_party_acts_is_a_wish(code):
    events = code("Lakeland sent envoys to Westria in the hope that Westria would impose sanctions on Ostland.", KNOWN)
    assert not any(e.type == "SANCTION" for e in events)


def test_a_ceasefire_that_took_hold_is_no_wish(code):
    events = code("A ceasefire between Westria and Ostland took hold on Monday.", KNOWN)
    assert any(e.type == "RETREAT" for e in events)


def test_discussing_an_act_is_not_doing_it(code):
    events = code("Nia Amara will discuss upgrading Lakeland's defense ties with Westria.", KNOWN)
    assert not any(e.type == "SUPPORT" for e in events)


def test_a_guessed_willingness_is_no_offer(code):
    events = code("Westria wants to know what concessions Ostland might be willing to make.", KNOWN)
    assert not any(e.actor1.name == "Ostland" and e.type == "AGREE" for e in events)


def test_a_stated_willingness_is_an_offer(code):
    events = code("Ostland is willing to make concessions to Westria.", KNOWN)
    assert any(e.actor1.name == "Ostland" and e.type == "AGREE" for e in events)


def test_an_act_asked_about_is_not_told(code):
    assert code("Westria asked whether Ostland would attack the Northern Front.", KNOWN) == []


def test_an_act_known_to_be_done_is_told(code):
    events = code("Westria knows that Ostland attacked the Northern Front.", KNOWN)
    assert ("Ostland", "ASSAULT", "Northern Front") in pairs(events)


def test_an_offer_answered_was_made(code):
    events = code("Westria rejected Ostland's offer of new talks.", KNOWN)
    assert ("Ostland", "AGREE", "Westria") in pairs(events)
    assert ("Westria", "REJECT", "Ostland") in pairs(events)


def test_an_offer_made_to(code):
    assert pairs(code("Ostland made an offer to Westria.", KNOWN)) == {("Ostland", "AGREE", "Westria")}


def test_an_offer_nobody_is_said_to_make_is_no_act(code):
    assert not any(e.type == "AGREE" for e in code("Westria discussed the offer in Ostland.", KNOWN))


def test_agreeing_with_a_proposal_endorses_it(code):
    assert pairs(code("Westria agreed with Ostland's proposal.", KNOWN)) == {("Westria", "SUPPORT", "Ostland")}


def test_agreeing_to_a_proposal_or_with_a_party_on_a_deal_is_agreement(code):
    assert pairs(code("Westria agreed to Ostland's proposal.", KNOWN)) == {("Westria", "AGREE", "Ostland")}
    assert {e.type for e in code("Westria agreed with Ostland on a ceasefire.", KNOWN)} == {"AGREE"}


def test_saying_a_party_committed_abuses_accuses_it(code):
    events = code("The Regional Council says Ostland has committed grave abuses.", KNOWN)
    assert ("Regional Council", "ACCUSE", "Ostland") in pairs(events)


def test_saying_a_party_committed_funds_accuses_no_one(code):
    events = code("The Regional Council says Ostland has committed funds to the project.", KNOWN)
    assert not any(e.type == "ACCUSE" for e in events)


def test_withdrawing_from_a_body_or_a_pact_cuts_ties(code):
    assert pairs(code("Westria withdrew from the Regional Council in January.", KNOWN)) == {
        ("Westria", "SANCTION", "Regional Council")}
    assert pairs(code("Westria quit the Regional Council.", KNOWN)) == {("Westria", "SANCTION", "Regional Council")}
    assert {e.type for e in code("Westria pulled out of the nuclear deal.", KNOWN)} == {"SANCTION"}


def test_withdrawing_from_a_state_or_a_place_is_a_retreat(code):
    assert {e.type for e in code("Westria withdrew from Ostland.", KNOWN)} == {"RETREAT"}
    assert {e.type for e in code("Westria pulled out of the border town.", KNOWN)} == {"RETREAT"}
    assert code("Nia Amara left Westria on Monday.", KNOWN) == []
