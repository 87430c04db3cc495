"""The document-level cascade (events/document.py): each step on sentences written for these tests,
and the plain step functions driven alone on hand-built mentions."""

from __future__ import annotations

import pytest

from dataclasses import replace

from parley.records import Article, Event, EventActor, Location, Source
from parley.events.happenings import merge_mentions
from parley.events.nonevents import drop_non_events, is_furniture, is_question
from parley.events.reality import decide_reality
from parley.events.story import EventMention, Story
from parley.events.targets import find_targets
from parley.events.types import assign_types, quad_of, symmetric_types

PLACES = {
    "Ivan Petrov": ("Ivan Petrov", "person", "RUS"),
    "Petrov": ("Ivan Petrov", "person", "RUS"),
    "Russia": ("Russia", "country", "RUS"),
    "Peru": ("Peru", "country", "PER"),
    "Chile": ("Chile", "country", "CHL"),
    "Tom Reed": ("Tom Reed", "person", "USA"),
}


def triples(events):
    return {(e.actor1.name, e.type, e.actor2.name if e.actor2 else None) for e in events}


# --- sentence to event, through the whole cascade ----------------------------------------------

def test_a_credit_line_is_no_event(code, known):
    assert code("Tom Reed contributed to this report from Tokyo.", {**known, **PLACES}) == []


def test_a_link_line_is_no_event(code, known):
    assert code("SEE ALSO: Japan rejects China claim", known) == []


def test_a_reporters_question_is_no_event(code, known):
    assert code("Asked whether Japan would sanction Iran, Lee said no.", known) == []
    assert code("Will Japan sanction Iran?", known) == []


def test_the_press_acts_on_no_one(code, known):
    press = {**known, "The Daily Courier": ("The Daily Courier", "organization", "JPN")}
    events = code("The Daily Courier accused China of hiding the figures.", press)
    # the hand-built actor has no sector: a political doer by default
    assert triples(events) == {("The Daily Courier", "ACCUSE", "China")}
    m = EventMention(replace(events[0], actor1=EventActor("The Daily Courier", "org:x", "JPN", "MED")), 0)
    story = Story(Article(id="a1", source="t"), ("The Daily Courier accused China of hiding the figures.",))
    assert drop_non_events([m], story) == []


def test_the_owner_of_what_is_condemned_is_the_target(code, known):
    events = code("France condemned Russia's invasion of Ukraine.", {**known, **PLACES, "Ukraine": ("Ukraine", "country", "UKR")})
    assert {t for t in triples(events) if t[1] == "ACCUSE"} == {("France", "ACCUSE", "Russia")}


def test_an_official_announcing_for_their_state_is_the_doer(code, known):
    events = code("Russian Foreign Minister Ivan Petrov said that Russia supports the plan.", {**known, **PLACES})
    assert {e.actor1.name for e in events} == {"Ivan Petrov"}


def test_a_relative_clause_is_background_undated_and_not_at_the_dateline(code, known):
    (e,) = code("Lee, who met Kim three times, said nothing new.", known, dateline="Seoul")
    assert (e.type, e.status, e.date, e.location) == ("CONSULT", "historical", None, None)


def test_a_relative_clause_dated_in_the_news_week_is_news(code, known):
    # published Wednesday 2020-07-08; "on Monday morning": the day modifies the part of day "on" takes
    (e,) = code("Lee, who met Kim on Monday morning, said nothing new.", known, dateline="Seoul")
    assert (e.type, e.status, e.date) == ("CONSULT", "reported", "2020-07-06")


def test_a_relative_clause_dated_years_before_is_background_with_its_date(code, known):
    (e,) = code("Lee, who met Kim in 2018, said nothing new.", known, dateline="Seoul")
    assert (e.type, e.status, e.date) == ("CONSULT", "historical", "2018")


def test_a_count_of_past_meetings_is_background(code, known):
    events = code("Moon held several meetings with Kim.", known)
    assert [(e.status, e.date) for e in events] == [("historical", None)]


def test_one_meeting_told_twice_is_one_event_with_both_sentences(code, known):
    text = "Lee met Harlow in Seoul on Monday. Harlow discussed trade with Lee, officials said."
    (e,) = code(text, known)
    assert (e.type, e.date, len(e.sources)) == ("CONSULT", "2020-07-06", 2)


def test_two_meetings_on_different_days_stay_two(code, known):
    events = code("Japan met China on Monday. Japan met China again on Friday.", known)
    assert sorted(e.date for e in events) == ["2020-07-03", "2020-07-06"]


def test_a_symmetric_act_is_one_record(code, known):
    events = code("Japan and China met in Seoul.", known)
    assert triples(events) == {("Japan", "CONSULT", "China")}


def test_reciprocal_blame_is_an_accusation_each_way(code, known):
    events = [e for e in code("China and Japan blamed each other for the crisis.", known) if e.type == "ACCUSE"]
    assert triples(events) == {("China", "ACCUSE", "Japan"), ("Japan", "ACCUSE", "China")}


def test_neither_nor_negates(code, known):
    (e,) = code("Neither France nor Germany signed the treaty.", known)
    assert (e.type, e.status) == ("AGREE", "negated")


def test_vowing_never_to_recognise_is_a_refusal(code, known):
    (e,) = code("Japan vowed never to recognize the annexation.", known)
    assert e.type == "REJECT"


def test_a_need_is_not_a_reported_act(code, known):
    (e,) = code("Moon needed to engage with Kim himself.", known)
    assert e.status == "hypothetical"
    (e,) = code("Japan hopes to meet China soon.", known)
    assert e.status == "hypothetical"


def test_leaving_an_organisation_is_a_sanction(code, known):
    org = {**PLACES, "the Andean Pact": ("Andean Pact", "organization", "IGO")}
    events = code("Peru and Chile withdrew from the Andean Pact last week.", org)
    assert triples(events) == {("Peru", "SANCTION", "Andean Pact"), ("Chile", "SANCTION", "Andean Pact")}


def test_what_is_discussed_is_not_the_partner(code, known):
    assert triples(code("Japan and China discussed Iran.", known)) == {("Japan", "CONSULT", "China")}


# --- the steps alone ---------------------------------------------------------------------------

JPN, CHN, KOR = (EventActor("Japan", "country:JPN", "JPN"), EventActor("China", "country:CHN", "CHN"),
                 EventActor("South Korea", "country:KOR", "KOR"))


def _mention(n, type_, a1, a2=None, *, date="2020-07-08", explicit=False, nearby=(), background=False, **kw):
    event = Event(id=f"e{n}", date=date, date_basis="explicit" if explicit else "published", type=type_,
                  cameo=kw.pop("cameo", None), actor1=a1, actor2=a2, sources=[Source("a1", sentence=f"s{n}")], **kw)
    return EventMention(event, n, explicit_date=explicit, nearby=nearby, background=background)


def test_targets_from_the_sentence_skip_the_doers_own_side():
    seoul_official = EventActor("Park", "person:park", "KOR")
    story = Story(Article(id="a1", source="t"), ("s0",), ((KOR, seoul_official, CHN),))
    (m,) = find_targets([_mention(0, "ACCUSE", KOR, nearby=(KOR, seoul_official, CHN))], story)
    assert m.event.actor2 == CHN


def test_targets_leave_a_multilateral_meeting_alone():
    story = Story(Article(id="a1", source="t"), ("s0",), ((JPN, CHN),))
    (m,) = find_targets([_mention(0, "CONSULT", JPN, nearby=(JPN, CHN))], story)
    assert m.event.actor2 is None


def test_merge_keeps_the_first_telling_and_the_explicit_date():
    first = _mention(0, "CONSULT", JPN, CHN)
    again = _mention(3, "CONSULT", CHN, JPN, date="2020-07-06", explicit=True)
    (m,) = merge_mentions([first, again])
    assert (m.event.id, m.event.date, [s.sentence for s in m.event.sources]) == ("e0", "2020-07-06", ["s0", "s3"])


def test_merge_keeps_different_statuses_apart():
    planned = _mention(0, "CONSULT", JPN, CHN, status="planned")
    assert len(merge_mentions([planned, _mention(1, "CONSULT", JPN, CHN)])) == 2


def test_merge_keeps_news_apart_from_background_of_another_date():
    news = _mention(0, "REJECT", JPN, CHN)  # dated by the news day
    background = _mention(1, "REJECT", JPN, CHN, date="2016-02", explicit=True, status="historical")
    assert len(merge_mentions([news, background])) == 2
    # the news told again with a date of its own is one happening
    again = _mention(2, "REJECT", JPN, CHN, date="2020-07-08", explicit=True)
    assert len(merge_mentions([news, again])) == 1


def test_reality_drops_the_dateline_of_background():
    story = Story(Article(id="a1", source="t", dateline="Tokyo"), ("s0",))
    m = _mention(0, "CONSULT", JPN, CHN, background=True, location=Location("Tokyo", "JPN"))
    (out,) = decide_reality([m], story)
    assert (out.event.status, out.event.date, out.event.location) == ("historical", None, None)


def test_one_table_decides_type_quad_and_symmetry():
    assert quad_of("REQUEST") == 3 and quad_of("PROTEST") == 4 and quad_of("AID") == 2
    assert symmetric_types() == {"CONSULT", "AGREE", "COOPERATE"}
    (m,) = assign_types([_mention(0, "CONSULT", JPN, CHN, cameo="036")])
    assert (m.event.type, m.event.quad, m.event.goldstein) == ("AGREE", 1, 4.0)


def test_page_furniture_and_questions():
    assert is_furniture("Jane Doe contributed to this report.")
    assert is_furniture("Related: Talks stall again")
    assert is_furniture("Talks stall again")
    assert not is_furniture("Japan and China met in Seoul.")
    assert is_question("Will Japan sign the treaty?") and not is_question("He asked why.")


def test_an_undated_act_takes_the_day_of_the_news(code, known):
    events = code("Japan and China met in Seoul on Monday. Japan also praised China for its restraint.", known)
    assert {(e.type, e.date) for e in events} == {("CONSULT", "2020-07-06"), ("SUPPORT", "2020-07-06")}


def test_a_month_old_date_does_not_carry(code, known):
    events = code("Japan and China met in Seoul in May. Japan also praised China for its restraint.", known)
    # the narrative has gone back two months: what it tells next is history of that time, not news of
    # the publication day
    assert ("SUPPORT", "historical", "2020-05") in {(e.type, e.status, e.date) for e in events}


def test_attitudes_and_credit(code, known):
    assert triples(code("Japan is deeply concerned about China's arms build-up.", known)) == {("Japan", "ACCUSE", "China")}
    assert triples(code("Japan expressed concern over China's naval drills.", known)) == {("Japan", "ACCUSE", "China")}
    assert triples(code("Moon credited Japan for its role in the talks.", known)) >= {("Moon Jae-in", "SUPPORT", "Japan")}
    assert triples(code("Japan launched a crackdown on Kim.", known)) == {("Japan", "COERCE", "Kim Jong-un")}


def test_calling_something_a_name_is_no_phone_call(code, known):
    assert [e.type for e in code("Moon called Kim's decision a grave mistake.", known)] != ["CONSULT"]
    assert [e.type for e in code("Moon called Kim on Monday.", known)] == ["CONSULT"]


def test_anti_country_fighters_are_not_of_that_country(code, known):
    events = code("Japan denied sheltering anti-China militants.", known)
    assert triples(events) == {("Japan", "REJECT", None)}  # not a rejection of its own militants
    events = code("China accused Japan of arming rebels. Japan denied sheltering anti-China militants.", known)
    assert ("Japan", "REJECT", "China") in triples(events)  # the accuser of the sentence before


def test_supporting_a_proposal_is_agreeing_to_it(code, known):
    assert [e.type for e in code("China supports the Japanese ceasefire proposal.", known)] == ["AGREE"]


def test_references_to_past_meetings_are_background(code, known):
    (e,) = code("Moon met with Kim three times and got nothing back.", known)
    assert (e.status, e.date) == ("historical", None)
    (e,) = code("Talks stalled after a summit between Moon and Kim that ended in February.", known)
    assert (e.status, e.date) == ("historical", "2020-02")


def test_a_verb_of_meeting_with_a_thing_for_object_is_no_meeting(code, known):
    assert code("Japan received the information on Monday.", known) == []
    assert code("China met the deadline.", known) == []
    assert [e.type for e in code("Japan and China discussed the budget.", known)] == ["CONSULT"]


def test_a_signature_with_no_other_party_is_no_agreement(code, known):
    assert code("Moon signed a decree on Monday.", known) == []
    assert [e.type for e in code("Japan signed a trade deal with China.", known)] == ["AGREE"]


def test_what_a_thing_must_do_is_no_demand(code, known):
    assert not [e for e in code("Moon said peace must come first.", known) if e.type == "REQUEST"]
    assert [(e.type, e.actor2.name) for e in code("Moon said Japan must apologize.", known) if e.type == "REQUEST"] == [
        ("REQUEST", "Japan")]


def test_bare_state_bodies_are_the_story_states(code, known):
    events = code("The authorities arrested Kim on Monday.", known, dateline="Tokyo")
    assert {(e.actor1.name, e.actor1.country, e.type) for e in events} == {("Japanese authorities", "JPN", "COERCE")}
    events = code("Chinese police detained Kim.", known, dateline="Tokyo")
    assert {e.actor1.country for e in events} == {"CHN"}


def test_a_pronoun_doer_is_the_latest_doer_of_its_kind(code, known):
    events = code("Moon met Kim on Monday. He urged Kim to stop the tests.", known)
    assert ("Moon Jae-in", "REQUEST", "Kim Jong-un") in triples(events)
    events = code("Japan met China on Monday. They called on Kim to stop the tests.", known)
    assert ("Japan", "REQUEST", "Kim Jong-un") in triples(events)


def test_speaking_to_the_press_is_no_meeting(code, known):
    assert code("Speaking to reporters, Moon said he was tired.", known) == []
    assert triples(code("Moon spoke with Kim on Monday.", known)) == {("Moon Jae-in", "CONSULT", "Kim Jong-un")}


def test_fighting_against_a_party_and_a_request_for_comment_is_no_act(code, known):
    # (a bare "is still fighting" stays an act: "vowed to fight" needs it to refine the vow)
    assert triples(code("Japan fought against China.", known)) == {("Japan", "ASSAULT", "China")}
    assert code("Moon did not reply to an email requesting comment.", known) == []


def test_honouring_is_endorsing(code, known):
    assert triples(code("Japan conferred its highest honor on Moon.", known)) == {("Japan", "SUPPORT", "Moon Jae-in")}


def test_saying_another_party_fails_is_criticism(code, known):
    assert triples(code("Moon said Japan was failing to rein in the militants.", known)) == {
        ("Moon Jae-in", "ACCUSE", "Japan")}
    assert code("Moon said the talks failed.", known) == []


def test_fire_on_the_attackers_falls_on_the_armed_group_the_story_names():
    army = EventActor("Peruvian army", "gro:peruvian-army", "PER", "MIL")
    rebels = EventActor("Shining Path", "org:shining-path", "PER", "REB")
    story = Story(Article(id="a1", source="t"), ("s0", "s1"), ((rebels,), (army,)))
    killed = EventMention(Event(id="e1", date=None, date_basis="none", type="ASSAULT", actor1=army), 1,
                          object_word="attacker", nearby=(army,))
    (m,) = find_targets([killed], story)
    assert m.event.actor2 == rebels


def test_a_pronoun_in_a_reported_clause_is_the_speakers_side(code, known):
    events = code("Japan accused China of the attack. Japan said they had shot down two drones.",
                  {**known, "drones": ("drones", "organization", None)})
    assert all(e.actor1.name == "Japan" for e in events)


def test_what_one_tells_reporters_is_said_not_demanded(code, known):
    (e,) = code("“We strongly reject the allegations made by Japan,” Moon told reporters.", known)
    assert (e.type, e.status) == ("REJECT", "reported")


def test_a_dated_object_dates_the_object_not_the_answer(code, known):
    # "Monday's announcement" dates the announcement; the welcome is told without a date of its own
    (e,) = code("Japan welcomed Monday's announcement by China.", known)
    assert (e.type, e.date, e.date_basis) == ("SUPPORT", "2020-07-08", "published")


def test_a_verbal_act_is_dated_when_said(code, known):
    (e,) = code("Last month, Moon said he was inclined to support the deal with Japan.", known)
    assert (e.type, e.date) == ("SUPPORT", "2020-06")
    attack = [e for e in code("Moon said on Monday that Japan attacked Kim.", known) if e.type == "ASSAULT"]
    # an act told done is done by the day it is told: never dated after it (the publication day)
    assert [e.date for e in attack] == ["2020-07-06"]
    planned = [e for e in code("Moon said on Monday that Japan will attack Kim.", known) if e.type == "ASSAULT"]
    assert [e.date for e in planned] != ["2020-07-06"]  # a planned act is not dated by its announcement


def test_a_claim_defined_by_its_own_clause_has_no_claimant_to_recover(code, known):
    text = "Japan accused China of dumping steel. Germany rejected claims that its mills sell below cost to China."
    events = code(text, known)
    assert ("Germany", "REJECT", None) in triples(events)
    # a claim told before is answered: its claimant is the target
    events = code("Japan accused China of dumping steel. China rejected the claim.", known)
    assert ("China", "REJECT", "Japan") in triples(events)


def test_a_short_name_the_story_gave_an_actor_names_it_where_it_recurs(nlp, options):
    from parley.actors import ArticleActors
    from parley.events import find_events
    from parley.ids import actor_id
    from parley.records import Actor, Mention

    text = "The Free Hills Front (FHF) attacked a convoy. Japan designated FHF a terrorist group."
    group, japan = actor_id("organization", "Free Hills Front"), actor_id("country", "JPN")
    actors = ArticleActors(
        [Actor(id=group, name="Free Hills Front", kind="organization"), Actor(id=japan, name="Japan", kind="country", country="JPN")],
        [Mention("a1", group, "Free Hills Front", 4, 20), Mention("a1", group, "FHF", 22, 25),
         Mention("a1", japan, "Japan", 46, 51)])  # the second "FHF" is left unmarked
    article = Article(id="a1", source="test", body=text, published="2020-07-08", language="en")
    events = find_events(article, nlp(text), actors, options)
    assert ("Japan", "COERCE", "Free Hills Front") in triples(events)


def test_calling_an_act_by_a_term_of_condemnation_is_a_criticism(code, known):
    assert ("Japan", "ACCUSE", "China") in triples(code("Japan called China's ruling arbitrary.", known))
    assert ("Japan", "ACCUSE", "China") in triples(
        code("Japan described China's plan as a strategic disaster.", known))
    # dismissing something as what it is not: a criticism, not the refusal of a proposal
    assert ("Japan", "ACCUSE", "China") in triples(code("Japan dismissed China's offer as a stunt.", known))
    assert ("Japan", "REJECT", "China") in triples(code("Japan dismissed China's offer.", known))
    # naming without condemning is no event
    assert code("Japan called China's offer generous.", known) == []


def test_a_warning_of_a_danger_threatens_no_one(code, known):
    assert code("Japan warned in July of a possible flood of refugees from China.", known) == []
    assert ("Japan", "THREATEN", "China") in triples(code("Japan warned China.", known))
    # the danger is the speaker's own answer: a threat
    assert [e.type for e in code("Japan warned of consequences for China.", known)] == ["THREATEN"]


def test_fighting_with_no_opponent_is_no_attack(code, known):
    assert code("Japan is still fighting for its fishing rights in China.", known) == []
    assert ("Japan", "ASSAULT", "China") in triples(code("Japan fought against China.", known))
    # a fight vowed is a threat of force, opponent or not
    assert [e.type for e in code("Japan has sworn to fight until it regains the islands.", known)] == ["THREATEN"]


def test_parties_inside_the_judged_act_are_not_its_target(code, known):
    events = code("Japan called the decision to jail Lee a travesty.", known)
    assert [e.actor2 for e in events if e.type == "ACCUSE"] == [None]


def test_acts_told_by_a_light_verb_and_a_noun(code, known):
    # a run of acts names the acts
    assert ("France", "ASSAULT", "Iran") in triples(code("France conducted a series of drone strikes on Iran.", known))
    # support and accusations told as nouns
    assert ("Japan", "SUPPORT", "Germany") in triples(code("Japan affirmed its unwavering support for Germany.", known))
    assert ("Japan", "ACCUSE", "China") in triples(code("Japan repeated its allegations against China.", known))
    # convening a meeting is meeting
    assert {e.type for e in code("China will convene a meeting with Iran on Friday.", known)} == {"CONSULT"}


def test_an_operation_against_a_party_is_an_attack(code, known):
    assert ("Japan", "ASSAULT", "China") in triples(code("Japan is conducting operations against China.", known))
    assert code("Japan is conducting rescue operations in the north.", known) == []


def test_tariffs_and_closing_the_press(code, known):
    assert ("Japan", "SANCTION", "China") in triples(code("Japan levied 25% tariffs on steel from China.", known))
    assert ("Japan", "SANCTION", "China") in triples(code("Japan imposed tariffs on China.", known))
    events = code("China said Tuesday that it closed 12 news outlets.", known)
    # a count of the things acted on is no count of past acts: the closure is news, not background
    assert [(e.type, e.status, e.date) for e in events] == [("COERCE", "reported", "2020-07-07")]


def test_objecting_and_expulsion(code, known):
    assert ("Japan", "REJECT", "China") in triples(code("Japan objects to China's plan.", known))
    party = {**known, "the Unity Party": ("Unity Party", "organization", "JPN"), "Tanaka": ("Ken Tanaka", "person", "JPN")}
    assert ("Unity Party", "SANCTION", "Ken Tanaka") in triples(code("Tanaka was expelled from the Unity Party on Friday.", party))


def test_the_pronoun_of_a_participle_clause_is_the_party_acted_on(code, known):
    events = code("Japan blamed China, accusing it of dumping steel in Germany.", known)
    assert triples(events) == {("Japan", "ACCUSE", "China")}


def test_a_noun_summing_up_the_news_is_answered_by_its_relative_clause(code, known):
    events = code("Japan accused China of dumping steel in Germany, a charge Beijing quickly rejected.",
                  {**known, "Beijing": ("China", "country", "CHN")})
    rejection = [e for e in events if e.type == "REJECT"]
    assert [(e.actor1.name, e.actor2.name if e.actor2 else None, e.status) for e in rejection] == [
        ("China", "Japan", "reported")]
    events = code("A court in Japan jailed Lee on Monday in a move that China called arbitrary.", known)
    assert ("China", "ACCUSE", "Japan") in triples(events)


def test_saying_where_an_attack_came_from_accuses_that_party(code, known):
    assert triples(code("Japan said the attack was planned in China.", known)) == {("Japan", "ACCUSE", "China")}
    assert ("Japan", "ACCUSE", "China") in triples(
        code("Japan reiterated the claim that the attackers were in touch with handlers in China.", known))
    # an attack's toll is no blame
    assert all(e.type != "ACCUSE" for e in code("Japan said the attack on Iran killed 20 people.", known))
    # the state named as the base is blamed, not the fighters the clause names
    fighters = {**known, "the Hill Front": ("Hill Front", "organization", None)}
    accused = {t for t in triples(code("Japan said the attack was carried out by the Hill Front from bases in China.",
                                        fighters)) if t[1] == "ACCUSE"}
    assert accused == {("Japan", "ACCUSE", "China")}


def test_the_owner_of_a_verbs_object_that_names_no_party_leaves_the_subject_acting(code, known):
    events = code("Japan conferred the country's top medal of merit on Lee.", known)
    assert triples(events) == {("Japan", "SUPPORT", "Lee Sang-ho")}


def test_a_forecast_of_what_others_will_do_is_no_statement_of_intent(code, known):
    events = code("Lee said he believes Japan and China will meet before long.", known)
    assert {e.type for e in events} == {"CONSULT"}
    events = code("Lee said he believes Japan will impose sanctions on China.", known)
    assert {(e.type, e.status) for e in events} == {("SANCTION", "planned")}
    events = code("Japan said it will impose sanctions on China.", known)
    assert {e.type for e in events} == {"THREATEN"}


def test_expecting_a_party_to_act_is_a_demand_on_it(code, known):
    events = code("Japan expects China to honour its pledges and close its ports to smugglers.", known)
    assert triples(events) == {("Japan", "REQUEST", "China")}
    # expecting to act oneself is a plan
    assert {e.type for e in code("Japan expects to meet China next week.", known)} == {"CONSULT"}


def test_recognising_a_situation_is_no_recognition(code, known):
    assert code("Japan continues to recognize a difficult situation in China.", known) == []
    assert {e.type for e in code("Japan recognized China's new government.", known)} == {"SUPPORT"}


def test_threatening_a_state_of_things_is_no_threat(code, known):
    assert code("Japan is threatening the stability of the region, Lee said.", known) == []
    assert {e.type for e in code("Japan threatened China with sanctions.", known)} == {"THREATEN"}


def test_a_vessel_heading_somewhere_is_no_visit(code, known):
    ships = {**known, "Iranian": ("Iran", "country", "IRN")}
    assert code("A second Iranian ship is heading to China.", ships) == []


def test_diplomatic_ties_between_two_parties_are_one_record(code, known):
    events = code("Japan and Germany have upgraded their ties.", known)
    assert triples(events) == {("Japan", "SUPPORT", "Germany")}


def test_ceasing_to_honour_commitments_is_reneging(code, known):
    events = code("Last spring, Iran stopped honouring its obligations under the accord.", known)
    assert [(e.actor1.name, e.type) for e in events] == [("Iran", "REJECT")]


def test_a_persons_lawyers_family_and_critics_are_not_that_person(code, known):
    # a person's lawyers act for them: a party of their own, named as written with the person's full name
    assert triples(code("Lee's legal team criticized China.", known)) == {("Lee Sang-ho's legal team", "ACCUSE", "China")}
    assert code("Abe's critics condemned Japan.", known) == []
    assert ("Japan", "ACCUSE", "China") in triples(code("Japan's foreign ministry criticized China.", known))


def test_saying_a_party_is_something_condemnable_criticises_it(code, known):
    events = code("Abe contended that China is “one of the most provocative and abusive regimes of our era.”", known)
    assert ("Shinzo Abe", "ACCUSE", "China") in triples(events)
    assert ("Lee Sang-ho", "ACCUSE", "Kim Jong-un") in triples(code("Lee said Kim is the aggressor.", known))
    assert code("Lee said Japan is a good partner.", known) == []


def test_what_a_meeting_is_on_is_its_matter_not_its_partner(code, known):
    events = code("Speaking at a meeting on Iran this week, Lee urged restraint.", known)
    assert all(e.type != "CONSULT" for e in events)
    assert ("Japan", "CONSULT", "China") in triples(code("Japan held a meeting with China on Iran.", known))


def test_the_doer_of_another_act_in_the_sentence_may_be_the_target(code, known):
    events = code("Japan warned that it will keep up pressure on China, a day after China attacked Germany.", known)
    assert ("Japan", "THREATEN", "China") in triples(events)
    # co-doers of one act are not each other's target
    events = code("Japan and Germany warned that they will not accept the plan.", known)
    assert all(e.actor2 is None or e.actor2.name not in ("Japan", "Germany") for e in events)


def test_calling_a_meeting_of_a_body_to_discuss_is_one_meeting_with_it(code, known):
    un = {**known, "the Security Council": ("Security Council", "organization", None)}
    events = code("Japan called an urgent session of the Security Council to discuss Iran's missile tests.", un)
    assert [(e.actor1.name, e.type, e.actor2.name if e.actor2 else None) for e in events] == [
        ("Japan", "CONSULT", "Security Council")]


def test_an_arrest_with_no_agent_is_by_the_storys_own_state(code, known):
    events = code("Last year, Lee was arrested in Seoul for filming a protest outside parliament.", known, dateline="SEOUL")
    assert [(e.actor1.name, e.actor1.country, e.type, e.actor2.name) for e in events] == [
        ("South Korean authorities", "KOR", "COERCE", "Lee Sang-ho")]


def test_a_hung_participle_acts_on_the_main_subject(code, known):
    events = code("If convicted, Lee faces life in prison.", known, dateline="SEOUL")
    assert [(e.type, e.actor2.name if e.actor2 else None) for e in events] == [("ACCUSE", "Lee Sang-ho")]  # CAMEO 116


def test_a_participle_of_state_coercion_on_a_name_tells_it_is_held(code, known):
    events = code("The son of imprisoned activist Lee met Abe in Tokyo.", known, dateline="SEOUL")
    assert ("South Korean authorities", "COERCE", "Lee Sang-ho") in triples(events)
    # no one named is held: no event
    assert all(e.type != "COERCE" for e in code("A journalist arrested over his reports met Abe.", known, dateline="SEOUL"))
    assert ("South Korean authorities", "COERCE", "Lee Sang-ho") in triples(
        code("The son of jailed activist Lee met Abe in Tokyo.", known, dateline="SEOUL"))


def test_a_backer_hyphened_to_a_party_is_not_the_one_acted_on(code, known):
    events = code("Lee condemned the steps taken against the China-backed council of the region.", known)
    assert all(e.actor2 is None or e.actor2.name != "China" for e in events)


def test_a_gerund_after_a_preposition_shares_the_main_subject(code, known):
    events = code("Japan led a group of nations in calling on China to release the sailors.", known)
    assert ("Japan", "REQUEST", "China") in triples(events)
    # the gerund is as real as the act it serves: demanded, not done
    events = code("Japan called for China to respond in kind by agreeing to a truce.", known)
    china = [e.status for e in events if e.actor1.name == "China"]
    assert china and set(china) == {"hypothetical"}


def test_making_an_act_conditional_is_not_doing_it(code, known):
    assert all(e.type != "AID" for e in code("Japan wants to make its aid to China conditional on reforms.", known))
    assert ("Japan", "AID", "China") in triples(code("Japan gave aid to China.", known))


def test_a_journey_for_talks_meets_the_partners_of_the_talks(code, known):
    events = code("Lee is due to fly to France next week for talks with Abe.", known)
    assert {(e.actor1.name, e.actor2.name if e.actor2 else None) for e in events if e.type == "CONSULT"} == {
        ("Lee Sang-ho", "Shinzo Abe")}


def test_a_hope_or_a_fear_is_no_event(code, known):
    # the content of a hope or a worry was not done, planned or demanded by anyone (GUIDELINE: wishes)
    assert code("Germany hopes that Japan will withdraw its troops from the border.", known) == []
    assert code('"I am hoping France will make concessions to Iran," Putin said.', known) == []
    assert code("Officials in Germany fear that Iran will attack Japan.", known) == []
    # the parser may hang the hoped clause's later verbs on "hoping" itself
    assert code('"I\'m hoping France will begin talking to Iran, get them into talks and see to it that they offer '
                'concessions," Putin said.', known) == []


def test_a_demand_of_someone_else_is_kept_as_the_demand(code, known):
    events = code("Germany urged Japan to withdraw its troops from the border.", known)
    assert [(e.type, e.status) for e in events] == [("REQUEST", "reported")]


def test_talks_someone_hopes_will_succeed_are_still_talks(code, known):
    events = code("Germany said it hoped the talks between China and Japan would succeed.", known)
    assert any(e.type == "CONSULT" for e in events)


def test_opposing_a_policy_is_disapproval_opposing_a_proposal_a_rejection(code, known):
    (e,) = code("Japan opposes Chinese purchases of land on the islands.", known)
    assert e.type == "ACCUSE"
    (e,) = code("France opposes the proposal from Germany.", known)
    assert e.type == "REJECT"


def test_not_recognizing_is_a_refusal_not_yet_agreeing_is_not(code, known):
    (e,) = code("Germany does not recognize the court in Japan.", known)
    assert (e.type, e.status) == ("REJECT", "reported")
    (e,) = code("Japan will not accept the offer from China.", known)
    assert (e.type, e.status) == ("REJECT", "reported")
    (e,) = code("Japan has not agreed to the offer from China.", known)
    assert (e.type, e.status) == ("AGREE", "negated")


def test_committing_a_crime_is_no_commitment(code, known):
    assert not any(e.type == "AGREE" for e in code("Observers say Japan committed grave abuses in the war.", known))
    assert [e.type for e in code("Japan committed to the talks with China.", known)] == ["AGREE"]


def test_striking_a_tone_is_no_attack(code, known):
    events = code("Japanese and Chinese leaders struck a conciliatory tone at the summit.", known)
    assert not any(e.type == "ASSAULT" for e in events)
    assert any(e.type == "ASSAULT" for e in code("Japan struck targets in China on Monday.", known))


def test_a_second_act_shares_the_first_ones_plan(code, known):
    events = code("Japan plans to visit China and meet Putin.", known)
    assert events and all(e.status == "planned" for e in events)


def test_an_act_that_is_only_discussed_is_not_done(code, known):
    events = code("Japan is expected to discuss expanding its security cooperation with France.", known)
    assert not any(e.status == "reported" for e in events)


def test_dispatching_things_mobilizes_nothing(code, known):
    assert not any(e.type == "MOBILIZE" for e in code("Japan dispatched coffins to the border town on Monday.", known))
    assert any(e.type == "MOBILIZE" for e in code("Japan dispatched troops to the border on Monday.", known))


def test_coordinated_acts_share_the_first_ones_date(code, known):
    events = code("In January, Japan imposed sanctions on Iran and met China in Tokyo.", known)
    assert sorted((e.type, e.date) for e in events) == [("CONSULT", "2020-01"), ("SANCTION", "2020-01")]


def test_a_meeting_told_from_either_side_is_one_event():
    # "Japan met China ... Following the talks, China said": the lone party is the first telling's target
    (m,) = merge_mentions([_mention(0, "CONSULT", JPN, CHN), _mention(2, "CONSULT", CHN)])
    assert [s.sentence for s in m.event.sources] == ["s0", "s2"]
    assert len(merge_mentions([_mention(0, "ACCUSE", JPN, CHN), _mention(2, "ACCUSE", CHN)])) == 2


def test_unnamed_security_sources_speak_for_the_storys_state(code, known):
    events = code("Security sources said the planners of the bombing were based in Iran.", known, dateline="TOKYO")
    assert triples(events) == {("Japanese security sources", "ACCUSE", "Iran")}


def test_the_state_acting_unnamed_is_the_storys_state(code, known):
    known = {**known, "the Free Hills Front": ("Free Hills Front", "organization", None)}
    events = code("the Free Hills Front warned it would harm its captives if the state did not free its fighters.",
                  known, dateline="TOKYO")
    assert ("Free Hills Front", "THREATEN", "Japan") in triples(events)


def test_a_negated_condition_is_hypothetical(code, known):
    events = code("Japan warned it would act if China did not free the sailors.", known)
    assert {e.status for e in events if e.type == "RETREAT"} <= {"hypothetical"}


def test_a_pronoun_of_a_subordinate_clause_is_the_subject_above_it(code, known):
    text = "Iran condemned the move. Japan moved ships into the strait, bringing trade to a halt in the bay, where they attacked China."
    assert ("Japan", "ASSAULT", "China") in triples(code(text, known))


def test_who_comments_on_an_act_is_no_party_to_it(code, known):
    events = code("France welcomed the announcement that Iran had agreed to the inspections.", known)
    assert ("Iran", "AGREE", "France") not in triples(events)
    assert ("France", "SUPPORT", "Iran") in triples(events)


def test_a_nationality_on_a_thing_makes_no_actor(code, known):
    events = code("China demanded Japanese changes to the text.", known)
    assert not any(e.actor2 is not None and e.actor2.name == "Japanese changes" for e in events)


def test_a_states_post_abroad_is_that_states_not_the_hosts(nlp, options):
    from parley.actors import find_actors, load_knowledge
    from parley.events import find_events
    from parley.language import parse
    text = ("The United States convened talks on Thursday. Iran's U.N. envoy took part in the session, "
            "but his U.N. mission later condemned the United States.")
    article = Article(id="a1", source="test", body=text, published="2020-07-08", language="en")
    (article, doc), = list(parse(nlp, [article], options))
    events = find_events(article, doc, find_actors(article, doc, load_knowledge(options), options), options)
    assert ("Iranian U.N. mission", "ACCUSE", "United States") in triples(events)


def test_concern_about_a_report_is_about_what_it_reports(code, known):
    known = {**known, "IAEA": ("International Atomic Energy Agency", "organization", "IGO")}
    events = code("France said it is concerned about the new IAEA findings on Iran's enrichment.", known)
    assert ("France", "ACCUSE", "Iran") in triples(events)


def test_one_held_in_another_state_is_not_held_by_the_storys(code, known):
    known = {**known, "Kim Lee": ("Kim Lee", "person", None)}
    text = "A Japanese court jailed a reporter on Monday. His lawyer also represents imprisoned editor Kim Lee in Hong Kong."
    assert not any(e.actor2 is not None and e.actor2.name == "Kim Lee" for e in code(text, known, dateline="TOKYO"))


def test_a_when_clause_after_a_date_happened_then(code, known):
    events = code("Since August 2016, when Japan called for a war against China, the border has been calm.", known)
    assert [(e.status, e.date) for e in events] == [("historical", "2016-08")]


def test_a_rejection_of_a_thing_answers_the_act_that_made_it(code, known):
    # the warrant is the act told before that fell on the one rejecting it, not a party named later
    text = ("Prosecutors in Japan on Monday ordered the arrest of Lee. "
            "Lee rejected the warrant on Tuesday, saying he would ask China for help.")
    assert ("Lee Sang-ho", "REJECT", "Japanese prosecutors") in {
        (a, t, b) for a, t, b in triples(code(text, known)) if t == "REJECT"}
    # "blamed the attacks on X" names the accused itself; "those claims" are the ones just told
    events = code("Japan blamed the attacks on militants based in China.", known)
    assert ("Japan", "ACCUSE", "China") in triples(events)


def test_them_is_no_single_person():
    # "... shot them": the act's target is several, so no one person the sentence names
    lee = EventActor("Lee Sang-ho", "per:lee-sang-ho", "KOR")
    story = Story(Article(id="a1", source="t"), ("s0",), ((JPN, lee, CHN),))
    shot = replace(_mention(0, "ASSAULT", JPN, nearby=(lee, CHN)), object_word="they")
    (m,) = find_targets([shot], story)
    assert m.event.actor2 == CHN
    (m,) = find_targets([replace(shot, object_word="")], story)
    assert m.event.actor2 == lee


def test_a_measure_aimed_at_trade_is_no_attack(code, known):
    assert not any(e.type == "ASSAULT" for e in code("Japan said the tariffs are targeting Chinese products.", known))
    assert not any(e.type == "ASSAULT" for e in code("Japan's new tariffs target China.", known))
    assert ("Japan", "ASSAULT", "China") in triples(code("Japan targeted China with missiles.", known))


def test_followers_of_a_leader_are_a_group_of_their_own(code, known):
    assert ("Putin loyalists", "ASSAULT", "Japan") in triples(code("Putin loyalists attacked Japan on Monday.", known))
    events = code("Supporters of Putin attacked Japan on Monday.", known)
    assert {(e.actor1.name, e.actor1.country) for e in events} == {("supporters of Putin", "RUS")}


def test_a_claim_defined_by_a_copular_clause_has_no_claimant_to_recover(code, known):
    text = "Japan called for the release of Lee. China rejected accusations that the trial is unfair."
    assert ("China", "REJECT", None) in triples(code(text, known))


def test_how_one_is_held_is_the_holders_doing(code, known):
    known = {**known, "Kim Lee": ("Kim Lee", "person", None)}
    text = "Kim Lee's lawyers expressed concern over the conditions under which Kim Lee is detained."
    concern = [e for e in code(text, known, dateline="TOKYO") if e.type == "ACCUSE"]
    assert [(e.actor1.name, e.actor2.name if e.actor2 else None) for e in concern] == [
        ("Kim Lee's lawyers", "Japanese authorities")]


def test_a_condition_put_in_a_threat_is_a_demand(code, known):
    events = code("Iran warned it would close the strait unless the United States lifted its sanctions.", known)
    assert {("Iran", "THREATEN", "United States"), ("Iran", "REQUEST", "United States")} <= triples(events)
    events = code("Iran warned it would close the strait if the United States did not lift its sanctions.", known)
    assert ("Iran", "REQUEST", "United States") in triples(events)
    assert not any(e.actor1.name == "United States" for e in events)


def test_demands_step_alone():
    from parley.events.demands import demands_in_threats

    threat = _mention(0, "THREATEN", JPN, CHN, cameo="138")
    asked = replace(_mention(0, "RETREAT", CHN, status="hypothetical"), demanded_condition=True)
    (_, demand) = demands_in_threats([threat, asked])
    assert (demand.event.actor1, demand.event.type, demand.event.actor2, demand.event.status) == (JPN, "REQUEST", CHN, "reported")
    # with no threat in the sentence, the condition stays what it was
    assert demands_in_threats([asked]) == [asked]


def test_whether_or_not_tells_no_act(code, known):
    assert not any(e.type == "AGREE" for e in code("Whether or not China agrees to the deal, Japan will act.", known))
    assert not any(e.type == "AGREE" for e in code("Whether China agrees to the deal or not, Japan will act.", known))


def test_an_arrest_told_as_an_outcome_is_the_authorities_doing(code, known):
    events = code("The raid led to the arrest of five people.", known, dateline="TOKYO")
    assert [(e.actor1.name, e.type, e.actor2.name if e.actor2 else None) for e in events] == [
        ("Japanese authorities", "COERCE", "five people")]


def test_fighters_loyal_to_a_leader_are_his_followers(code, known):
    known = {**known, "the fighters": ("Northern Front", "organization", None)}
    events = code("Japan clashed with fighters loyal to Putin on Monday.", known)
    assert ("Japan", "ASSAULT", "fighters loyal to Putin") in triples(events)


def test_calling_a_claim_baseless_rejects_it(code, known):
    events = code("Japan called China's assertions baseless on Monday.", known)
    assert triples(events) == {("Japan", "REJECT", "China")}
    assert ("Japan", "ACCUSE", "China") in triples(code("Japan called China's ruling arbitrary.", known))


def test_a_lone_party_merged_into_a_symmetric_act_takes_the_partner():
    told = _mention(0, "AGREE", JPN, CHN)
    alone = _mention(1, "AGREE", CHN)
    (merged,) = merge_mentions([alone, told])
    assert (merged.event.actor1, merged.event.actor2) == (CHN, JPN)


def test_an_event_nouns_of_object_is_what_the_act_fell_on(nlp, options, make_actors):
    from parley.events.extract import sentence_mentions

    text = "Japanese troops claimed the killing of 12 militants."
    article = Article(id="a1", source="t", body=text, published="2020-07-08", language="en")
    known = {"Japanese troops": ("Japanese troops", "group", "JPN")}
    mentions, _ = sentence_mentions(article, nlp(text), make_actors("a1", text, known), options)
    assert [(m.event.type, m.object_word, m.object_phrase) for m in mentions] == [("ASSAULT", "militant", "12 militants")]


def test_one_the_state_pursues_is_a_party_whose_answers_count():
    reporter = EventActor("Ken Sato", "per:ken-sato", "JPN", "MED")
    arrest = _mention(0, "COERCE", JPN, reporter)
    denial = _mention(1, "REJECT", reporter, JPN)
    story = Story(Article(id="a1", source="t"), ("Japan arrested Sato.", "Sato denies the charges."))
    assert drop_non_events([arrest, denial], story) == [arrest, denial]
    assert drop_non_events([denial], story) == []  # the press on its own acts on no one


def test_sending_someone_to_prison_is_jailing(code, known):
    assert ("Japan", "COERCE", "Lee Sang-ho") in triples(code("Japan sent Lee back to prison on Monday.", known))
    assert ("Japan", "MOBILIZE", None) in triples(code("Japan sent troops to the border.", known))


def test_people_from_two_states_are_a_group_of_each(code, known):
    assert ("Japanese officials", "CONSULT", "Chinese officials") in triples(
        code("Officials from Japan and China met in Tokyo on Monday.", known))


def test_a_visit_to_a_state_and_a_meeting_with_its_leader_are_one_meeting():
    abe = EventActor("Shinzo Abe", "per:shinzo-abe", "JPN")
    visit = _mention(0, "CONSULT", CHN, JPN)
    talks = _mention(1, "CONSULT", CHN, abe)
    (merged,) = merge_mentions([visit, talks])
    assert merged.event.actor2 == abe and len(merged.event.sources) == 2
    # a meeting with someone of another state is another meeting
    assert len(merge_mentions([visit, _mention(1, "CONSULT", CHN, EventActor("Park", "per:park", "KOR"))])) == 2


def test_going_back_on_ones_own_word_answers_no_one(code, known):
    text = "Japan urged China to return to talks. In 2016, China stopped implementing its commitments."
    assert ("China", "REJECT", None) in triples(code(text, known))


def test_the_lead_gives_a_war_only_parties_that_can_fight_it():
    lawmakers = EventActor("Japanese lawmakers", "gro:japanese-lawmakers", "JPN", "LEG")
    army = EventActor("Japanese army", "gro:japanese-army", "JPN", "MIL")
    story = Story(Article(id="a1", source="t"), ("s0", "s1"), ((lawmakers,), ()))
    war = _mention(1, "ASSAULT", CHN)
    (m,) = find_targets([war], story)
    assert m.event.actor2 is None
    story = Story(Article(id="a1", source="t"), ("s0", "s1"), ((army,), ()))
    (m,) = find_targets([war], story)
    assert m.event.actor2 == army


def test_a_demand_told_of_a_state_and_again_of_its_government_is_one():
    # "The envoy called on China to ... He urged the Chinese authorities to ...": one demand, its
    # first addressee kept; a material act on a state and on its forces stays two
    authorities = EventActor("Chinese authorities", "gro:chinese-authorities", "CHN", "GOV")
    (m,) = merge_mentions([_mention(0, "REQUEST", JPN, CHN), _mention(1, "REQUEST", JPN, authorities)])
    assert m.event.actor2 == CHN and [s.sentence for s in m.event.sources] == ["s0", "s1"]
    assert len(merge_mentions([_mention(0, "ASSAULT", JPN, CHN), _mention(1, "ASSAULT", JPN, authorities)])) == 2


def test_the_toll_of_an_attack_is_no_second_attack():
    # "Gunmen of the Front stormed a base on Monday ... The Front said it had killed 12 people"
    toll = EventActor("12 people", None, None, "CVL")
    (m,) = merge_mentions([_mention(0, "ASSAULT", JPN, CHN), _mention(2, "ASSAULT", JPN, toll)])
    assert m.event.actor2 == CHN and [s.sentence for s in m.event.sources] == ["s0", "s2"]
    (m,) = merge_mentions([_mention(0, "ASSAULT", JPN, toll), _mention(2, "ASSAULT", JPN, CHN)])
    assert m.event.actor2 == CHN  # the party attacked, once a telling names it
    assert len(merge_mentions([_mention(0, "COERCE", JPN, toll), _mention(2, "COERCE", JPN, CHN)])) == 2


def test_those_named_by_their_part_in_an_attack_are_its_authors(code, known):
    events = code("Security sources said those involved in the bombing were based in Iran.", known, dateline="TOKYO")
    assert triples(events) == {("Japanese security sources", "ACCUSE", "Iran")}
    events = code("Security sources said those involved in the talks were based in Iran.", known, dateline="TOKYO")
    assert not any(e.type == "ACCUSE" for e in events)


def test_a_claim_its_own_clause_spells_out_is_not_the_claim_answered_later():
    # "Japan rejected accusations that its courts are unfair. ... Japan rejected those claims" (China's)
    spelled = replace(_mention(0, "REJECT", JPN), object_defined=True)
    assert len(merge_mentions([spelled, _mention(3, "REJECT", JPN, CHN)])) == 2
    assert len(merge_mentions([spelled, _mention(3, "REJECT", JPN)])) == 1


def test_what_analysts_say_a_party_does_is_their_reading(code, known):
    assert code("Analysts point out that Japan backs the plan of China.", known) == []
    assert code("Experts say Japan attacked China on Monday.", known) == []
    assert triples(code("Japan said China attacked Iran on Monday.", known)) == {("China", "ASSAULT", "Iran")}


# one sentence, the event it must give: (sentence, (doer, type, target))
ONE_EVENT = [
    pytest.param('Japan accused China of dumping steel. China rejected the accusation on Tuesday.',
                 ('China', 'REJECT', 'Japan'), id='a_rejection_answers_the_previous_sentence'),
    pytest.param('Iran accused Germany of spying. “We categorically reject the false accusations made by Japan,” Lee said.',
                 ('Lee Sang-ho', 'REJECT', 'Japan'), id='the_maker_of_the_words_rejected_is_the_target'),
    pytest.param('Lee warned that Japan would expel the diplomats if China did not release the sailors.',
                 ('Lee Sang-ho', 'THREATEN', 'China'), id='a_conditional_threat_is_put_to_the_party_of_its_condition'),
    pytest.param("Japan welcomed Friday's news that China had accepted a truce.",
                 ('Japan', 'SUPPORT', 'China'), id='welcoming_news_of_an_act_supports_its_doer'),
    pytest.param('Japan is the country that condemned China on Monday.',
                 ('Japan', 'ACCUSE', 'China'), id='what_a_party_is_said_to_be_does_what_its_relative_clause_says'),
    pytest.param('Japan said its soldiers came under attack from China.',
                 ('China', 'ASSAULT', 'Japanese soldiers'), id='a_speakers_own_forces_coming_under_attack_are_the_target'),
    pytest.param('A delegation led by Putin met Japan on Monday.',
                 ('Vladimir Putin', 'CONSULT', 'Japan'), id='a_body_led_by_named_people_is_named_by_them'),
    pytest.param('Japan punished China over trade on Monday.',
                 ('Japan', 'SANCTION', 'China'), id='punishing_a_state_lowers_relations_with_it'),
    pytest.param('The Putin team punished Japan over trade.',
                 ('Putin team', 'SANCTION', 'Japan'), id='a_leaders_team_is_a_group_of_their_own'),
]


@pytest.mark.parametrize("sentence, expected", ONE_EVENT)
def test_a_sentence_gives_its_event(code, known, sentence, expected):
    assert expected in triples(code(sentence, known))
