"""Document-level actors: one person under several forms of the name, descriptions that refer back to
a named organisation, acronyms, titles with "of COUNTRY", and names that are not actors."""

from __future__ import annotations

from parley.actors.knowledge import not_an_actor, same_given_name
from parley.actors.wire import credit_lines

from .conftest import mentions_of, person


def names(result):
    return {a.name for a in result.actors}


def test_short_forms_of_a_given_name_are_one_person(actors_of):
    found = actors_of("U.S. envoy Stephen Walsh arrived in Oslo on Monday. Steve Walsh told reporters the talks "
                      "were useful. Later, Walsch said he would return.")
    walsh = person(found, "Stephen Walsh")
    assert {"Steve Walsh", "Walsch"} <= set(mentions_of(found, walsh))
    assert [a.name for a in found.actors if a.kind == "person"] == ["Stephen Walsh"]


def test_different_given_names_stay_apart(actors_of):
    found = actors_of("Mark Olsen met Peter Olsen in Bergen on Friday.")
    assert {"Mark Olsen", "Peter Olsen"} <= names(found)


def test_given_name_table():
    assert same_given_name("Bill", "William") and same_given_name("Steve", "Stephen")
    assert same_given_name("S.", "Stephen") and not same_given_name("Mark", "Peter")


def test_misspelt_family_name_with_the_same_given_name_is_one_person(actors_of):
    found = actors_of("Deputy Secretary Robert Kellerman visited Seoul. Robert Kelerman then flew to Tokyo.")
    assert [a.name for a in found.actors if a.kind == "person"] == ["Robert Kellerman"]


def test_credit_and_link_lines_name_no_one(actors_of):
    found = actors_of("The talks will continue on Monday, the ministry said.\nMaria Lopez contributed to this report.\n"
                      "SEE ALSO: Gomez Meets Ortega In Lima\nReporting by Tom Rich; Editing by Jane Ford")
    assert not {"Maria Lopez", "Tom Rich", "Jane Ford", "Gomez", "Ortega"} & names(found)


def test_a_credit_after_other_sentences_keeps_them():
    text = "Talks went on, he said. Ana Ruiz contributed to this report."
    (a, b), = credit_lines(text)
    assert text[a:b] == "Ana Ruiz contributed to this report."
    assert credit_lines("Japan and Korea contributed.") == []


def test_documents_places_vehicles_and_platforms_are_not_actors(actors_of):
    found = actors_of("The Paris Agreement and the Minsk Protocol were discussed. He posted on Telegram. "
                      "Fighting near Kandahar District continued.")
    assert not names(found) & {"Paris Agreement", "Minsk Protocol", "Telegram", "Kandahar District"}
    assert not_an_actor("the Global Terrorism Index") and not_an_actor("USS Carl Vinson")
    assert not_an_actor("Truth Social") and not not_an_actor("Human Rights Watch")
    assert not not_an_actor("Jude Law", ("place", "vehicle"))


def test_armed_group_descriptions_refer_to_the_named_group(actors_of):
    found = actors_of("Gunmen from the Lion Brigades stormed a police station on Tuesday. The militant group said "
                      "it carried out the attack. The attackers killed four officers.")
    group = next(a for a in found.actors if a.name == "Lion Brigades")
    assert {"militant group", "attackers"} <= set(mentions_of(found, group))


def test_fighters_named_by_their_group_are_the_group(actors_of):
    found = actors_of("Hamas fighters attacked the town on Sunday. The militants then withdrew.")
    hamas = next(a for a in found.actors if a.name == "Hamas")
    assert "Hamas fighters" in mentions_of(found, hamas) and "militants" in mentions_of(found, hamas)


def test_the_bloc_is_the_organisation_of_states_named(actors_of):
    found = actors_of("The European Union agreed new sanctions on Monday. The bloc said the measures would start in June.")
    eu = next(a for a in found.actors if a.name == "European Union")
    assert "bloc" in mentions_of(found, eu)


def test_an_acronym_is_the_organisation_it_spells(actors_of):
    found = actors_of("The Baloch Liberation Army claimed the attack. BLA said it held 200 hostages.")
    bla = next(a for a in found.actors if a.name == "Baloch Liberation Army")
    assert "BLA" in mentions_of(found, bla) and "BLA" not in names(found)


def test_the_country_after_of_in_a_title_is_the_office_holders(actors_of):
    found = actors_of("The meeting was attended by Ahmed Karimi, the foreign minister of Jordan, on Monday.")
    assert person(found, "Ahmed Karimi").country == "JOR"
    found = actors_of("Sara Lind, the U.N. envoy to Syria, arrived in Damascus.")
    assert person(found, "Sara Lind").country != "SYR"


def test_an_institution_names_its_spokesperson(actors_of):
    found = actors_of("A State Department spokesperson said the decision was final.")
    spokesperson = next(a for a in found.actors if a.kind == "person")
    assert spokesperson.name == "State Department spokesperson" and spokesperson.country == "USA"


def test_a_known_organisation_keeps_the_storys_spelling(actors_of):
    found = actors_of("Al-Shabab fighters attacked the base. Later al-Shabab said it had withdrawn.")
    group = next(a for a in found.actors if a.country == "SOM" and a.kind == "organization")
    assert group.name == "al-Shabab"


def test_articles_naming_one_person_by_a_short_given_name_merge():
    from parley.actors import merge_actors
    from parley.records import Actor

    a = Actor("person:a", "Stephen Kowalski", [], "person", "USA", "GOV", [], 3)
    b = Actor("person:b", "Steve Kowalski", [], "person", "USA", "GOV", [], 1)
    c = Actor("person:c", "Mark Kowalski", [], "person", "USA", "GOV", [], 1)
    actors, mapping = merge_actors([("2020-01-01", a), ("2020-01-02", b), ("2020-01-03", c)])
    assert mapping["person:a"] == mapping["person:b"] != mapping["person:c"]


def test_faiths_regions_and_describing_words_are_not_actors(actors_of):
    assert not_an_actor("Islam") and not_an_actor("the Indo-Pacific region") and not_an_actor("New York-based")
    assert not not_an_actor("Moon Jae-in", ("place", "vehicle"))
    found = actors_of("Beyond Ukraine, the talks covered trade. The group Human Rights Watch said the vote was unfair.")
    assert "Beyond Ukraine" not in names(found)


def test_the_group_is_not_any_unknown_organisation(actors_of):
    found = actors_of("Officials at the Harbor Institute said the group of villagers had left. The group later returned.")
    institute = [a for a in found.actors if a.name == "Harbor Institute"]
    assert not institute or "group" not in mentions_of(found, institute[0])


def test_a_lead_that_describes_is_the_person_named_next(actors_of):
    found = actors_of("The U.N. special envoy for Libya is calling for an end to the fighting. "
                      "Martin Holmberg issued his appeal on Friday in Geneva.")
    assert "The U.N. special envoy" in mentions_of(found, person(found, "Martin Holmberg"))


def test_an_indefinite_description_in_the_lead_is_named_further_down(actors_of):
    found = actors_of("A Peruvian judge ordered the journalist back to prison on Monday. The hearing was short. "
                      "Lawyers objected. Judge Rosa Quispe said the order stands.")
    judge = person(found, "Rosa Quispe")
    assert judge.country == "PER" and "Peruvian judge" in mentions_of(found, judge)


def test_a_titled_newcomer_is_not_the_description_before(actors_of):
    found = actors_of("The U.S. ambassador said the vote was a mistake. Jan Novak, an analyst at the Prague Institute, disagreed.")
    assert "The U.S. ambassador" not in mentions_of(found, person(found, "Jan Novak"))


def test_hong_kong_groups_are_named_by_the_place(actors_of):
    found = actors_of("Hong Kong authorities rejected the claims on Monday.")
    assert "Hong Kong authorities" in names(found)


def test_the_two_sides_are_the_two_parties_named_before(actors_of):
    text = "Kenya and Uganda signed a border deal on Monday. The two sides agreed to meet again in May."
    found = actors_of(text)
    at = text.index("two sides")
    assert [a.name for a in found.parties(at, at + 9)] == ["Kenya", "Uganda"]
    assert found.parties(0, 5) == []


def test_both_leaders_are_the_two_people_named_before(actors_of):
    text = "Prime Minister Anna Berg met President Olaf Lindgren in Oslo on Monday. Both leaders praised the deal."
    found = actors_of(text)
    at = text.index("Both leaders")
    assert {a.name for a in found.parties(at, at + 12)} == {"Anna Berg", "Olaf Lindgren"}


def test_resolve_reference_gives_the_named_actor_for_a_description(actors_of):
    text = "The European Union agreed new sanctions on Monday. The bloc said the measures would start in June."
    found = actors_of(text)
    at = text.index("bloc")
    assert found.resolve_reference(at, at + 4).name == "European Union"


def test_section_headings_name_no_one(actors_of):
    from parley.actors.wire import headings

    text = "The talks ended on Monday.\nWhat Comes Next for Kenya\nOfficials in Nairobi said talks would resume."
    (a, b), = headings(text)
    assert text[a:b] == "What Comes Next for Kenya"
    assert headings("The talks ended.\nKenya said no.\n") == []
    found = actors_of(text)
    assert not any(m.text == "Kenya" and m.start == text.index("Kenya") for m in found.mentions)


def test_a_relative_named_with_the_storys_family_name_is_a_person(actors_of):
    found = actors_of("Victor Tam remains in jail. His son Raymond Tam said he was worried.")
    assert person(found, "Raymond Tam").kind == "person"
    found = actors_of("Human Rights Watch and the Hoover Institution said Orchard Daily had been shut.")
    assert {a.name for a in found.actors if a.kind == "person"} == set()


def test_a_bare_family_name_is_the_storys_main_person_not_a_relative(actors_of):
    text = ("Victor Tam was jailed in 2020. Victor Tam founded a newspaper. His son Raymond Tam spoke in London on Monday. "
            "The court said it would rule soon. Tam has denied the charges.")
    found = actors_of(text)
    assert "Tam" in mentions_of(found, person(found, "Victor Tam"))


def test_an_apposition_chain_gives_each_person_their_own_country(actors_of):
    found = actors_of("John Baker, the foreign minister of Ireland, Sara Klein and Mark Olsen, advisers to the presidents "
                      "of Chile and Peru, met in Lima.")
    assert [person(found, n).country for n in ("John Baker", "Sara Klein", "Mark Olsen")] == ["IRL", "CHL", "PER"]
    assert [r.title for r in person(found, "Sara Klein").roles] == ["Adviser"]


def test_a_plural_title_with_one_country_goes_to_all_and_to_is_not_of(actors_of):
    found = actors_of("Sara Klein and Mark Olsen, envoys of Norway, arrived on Monday.")
    assert {person(found, n).country for n in ("Sara Klein", "Mark Olsen")} == {"NOR"}
    # (with one country named, the story's home country would be theirs: two countries are named here)
    found = actors_of("Sara Klein and Mark Olsen, envoys to Norway, left Sweden on Monday.")
    assert person(found, "Mark Olsen").country != "NOR"


def test_the_three_nations_are_the_three_countries_named_before(actors_of):
    text = "Guinea, Togo and Benin quit ECOWAS in March. Months later the three military-led nations blamed the regional body for ignoring them."
    found = actors_of(text)
    at = text.index("three")
    assert [a.name for a in found.parties(at, at + 5)] == ["Guinea", "Togo", "Benin"]
    ecowas = next(a for a in found.actors if a.name == "ECOWAS")
    assert "regional body" in mentions_of(found, ecowas)
    assert not any(a.name.endswith("military") for a in found.actors)  # "military-led" describes the nations


def test_the_two_sides_are_not_the_mediating_organisation(actors_of):
    text = ("The army and the Rapid Strike Forces have fought since April. The United Nations said "
            "both sides committed abuses.")
    found = actors_of(text)
    at = text.index("both sides")
    assert "United Nations" not in {a.name for a in found.parties(at, at + 10)}


def test_an_office_of_a_named_organisation_is_not_a_state_leader(actors_of):
    found = actors_of('U.S. President Donald Trump announced the strike. "Our forces have killed the wanted leader of ISIS '
                      'in Syria," he posted. The IS emir had slipped away from a raid in 2022.', published="2025-03-14")
    trump = person(found, "Donald Trump")
    assert "he" in mentions_of(found, trump)
    assert not {"leader", "IS emir"} & set(mentions_of(found, trump))
    assert any(a.country == "IMG" and a.kind == "person" for a in found.actors)


def test_an_untitled_name_after_a_description_must_be_a_subject(actors_of):
    found = actors_of("The president of Chile met Pope Leo. The president said the meeting was useful.")
    assert person(found, "Pope Leo").country != "CHL"


def test_a_name_set_off_after_a_long_description_is_that_person(actors_of):
    found = actors_of("Addressing the council on Friday, Chile's permanent representative to the world body, Luis Quispe, "
                      "warned that the plan would fail.")
    assert "Chile's permanent representative" in mentions_of(found, person(found, "Luis Quispe"))


def test_bare_plural_fighters_are_the_one_armed_group_named(actors_of):
    found = actors_of("Militants ambushed a bus convoy on Sunday and seized dozens of passengers. The Makran Liberation "
                      "Front said it was behind the ambush.")
    front = next(a for a in found.actors if a.name == "Makran Liberation Front")
    assert "Militants" in mentions_of(found, front)
    found = actors_of("Militants attacked a police post on Monday. Hamas and Islamic Jihad both denied involvement.")
    assert not any("Militants" in mentions_of(found, a) for a in found.actors)


def test_they_is_the_group_that_was_the_subject_before(actors_of):
    text = "A G7 communique said the group was worried about Iran's enrichment. They urged Iran to return to talks."
    found = actors_of(text)
    g7 = next(a for a in found.actors if a.name == "Group of Seven")
    assert "They" in mentions_of(found, g7)


def test_they_after_two_coordinated_subjects_is_both(actors_of):
    text = "Ukraine and Russia traded blame on Monday. They both said talks were over."
    found = actors_of(text)
    at = text.index("They")
    assert [a.name for a in found.parties(at, at + 4)] == ["Ukraine", "Russia"]
    assert found.resolve_reference(at, at + 4) is None


def test_a_group_noun_varied_for_the_same_group(actors_of):
    found = actors_of("G7 foreign ministers gathered in Rome on Wednesday. The diplomats later issued a communique urging Iran to cooperate.")
    g7 = next(a for a in found.actors if a.name == "Group of Seven foreign ministers")
    assert "diplomats" in mentions_of(found, g7)
    found = actors_of("Kenyan farmers marched on Monday. Far away, the diplomats met in Geneva.")
    assert not any("diplomats" in mentions_of(found, a) for a in found.actors if a.sector != "GOV")


def test_an_office_held_under_a_person_is_for_that_persons_country(actors_of):
    found = actors_of("According to the Elysee, French President Emmanuel Macron's personal envoy, Paul Mercier, met "
                      "Chinese President Xi Jinping in Beijing on Sunday.")
    assert person(found, "Paul Mercier").country == "FRA"
    found = actors_of("Russian President Vladimir Putin's spokesman Dmitry Peskov declined to comment.")
    assert person(found, "Dmitry Peskov").country == "RUS"


def test_a_bare_office_as_subject_is_its_holder(actors_of):
    found = actors_of("Kenyan Foreign Minister Musalia Mudavadi arrived in Addis Ababa on Monday. Foreign Minister told "
                      "reporters the talks were useful.")
    assert "Foreign Minister" in mentions_of(found, person(found, "Musalia Mudavadi"))


def test_a_description_with_a_country_places_the_one_unplaced_holder(actors_of):
    found = actors_of("The envoy, Stephen Walsh, met the North's negotiators. The U.S. special representative said "
                      "the talks were useful.")
    walsh = person(found, "Stephen Walsh")
    assert walsh.country == "USA" and "The U.S. special representative" in mentions_of(found, walsh)


def test_a_credit_sentence_inside_a_paragraph_names_no_one(actors_of):
    text = ("Officials in Nairobi said the talks would resume on Monday. Kenya's foreign ministry agreed. "
            "VOA's Amina Odhiambo of the Swahili Service contributed to this report from Nairobi.")
    found = actors_of(text)
    assert "Amina Odhiambo" not in names(found)
    assert any(a.country == "KEN" for a in found.actors)
    assert credit_lines("In 2021, Brazil contributed 12% of the fund's budget.") == []


def test_reported_from_is_a_credit_only_at_the_end():
    text = "Jane Roe reported from Kyiv on the fighting, officials said. " + "The war goes on. " * 60 + "Ann Lee reported from Lviv."
    spans = [text[a:b] for a, b in credit_lines(text)]
    assert spans == ["Ann Lee reported from Lviv."]


def test_an_organisation_named_an_initiative_stays_an_actor():
    assert not not_an_actor("Nuclear Threat Initiative")


def test_counted_fighters_are_the_one_armed_group_named(actors_of):
    found = actors_of("Police said officers shot dead all four attackers who had besieged the school. The Jubba "
                      "Liberation Front had claimed the raid.")
    front = next(a for a in found.actors if a.name == "Jubba Liberation Front")
    assert any("attackers" in m for m in mentions_of(found, front))


def test_a_place_name_is_not_a_person_elsewhere_in_the_story(actors_of):
    found = actors_of("Fighters raided a market in the Somali town of Beledhawo on Sunday. The governor urged "
                      "residents of Beledhawo to stay calm.")
    assert not any(a.kind == "person" and a.name == "Beledhawo" for a in found.actors)


def test_social_media_is_not_the_press(actors_of):
    found = actors_of("The claim spread on China's social media on Monday.")
    assert not any(a.name.endswith("media") for a in found.actors)
    found = actors_of("Chinese state media said the talks were useful.")
    assert any(a.name.endswith("media") for a in found.actors)


def test_a_family_name_of_several_words_alone_is_the_person_named_in_full(actors_of):
    found = actors_of("Prime Minister Tarik Al Hadid met the envoy in Rabat on Monday. Later, Al Hadid thanked "
                      "the envoy for the visit.")
    hadid = person(found, "Tarik Al Hadid")
    assert "Al Hadid" in mentions_of(found, hadid)
    assert not any(a.name == "Al Hadid" for a in found.actors)
