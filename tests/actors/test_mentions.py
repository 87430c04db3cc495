"""Mentions -> actors within one article, on short hand-written texts."""

from __future__ import annotations

from .conftest import mentions_of, person


def test_hyphenated_given_names_stay_whole(actors_of):
    r = actors_of("Yoon Min-kyu met Park Ha-eun in Busan on Monday. Yoon later flew home.")
    yoon = person(r, "Yoon Min-kyu")
    assert person(r, "Park Ha-eun").kind == "person"
    assert "Yoon" in mentions_of(r, yoon)


def test_title_before_name_gives_country_sector_and_role(actors_of):
    r = actors_of("Canadian Deputy Foreign Minister Marie Tremblay arrived in Oslo on Friday.", published="2021-03-04")
    a = person(r, "Marie Tremblay")
    assert (a.country, a.sector) == ("CAN", "GOV")
    assert [(x.title, x.country, x.first_seen, x.last_seen) for x in a.roles] == [
        ("Deputy Foreign Minister", "CAN", "2021-03-04", "2021-03-04")]
    assert any(m.kind == "title" and m.text.startswith("Canadian") for m in r.mentions if m.actor_id == a.id)


def test_title_with_complement_before_name(actors_of):
    r = actors_of("Talks opened with Norwegian Special Envoy for Sudan Lars Eriksen on Tuesday.")
    a = person(r, "Lars Eriksen")
    assert a.country == "NOR"
    assert [x.title for x in a.roles] == ["Special Envoy for Sudan"]


def test_apposition_after_and_before_the_name(actors_of):
    r = actors_of(
        "Ana Costa, Brazil's ambassador to the United Nations, spoke first. "
        "She then greeted her Mexican counterpart, Luis Ortega, at the door.")
    costa = person(r, "Ana Costa")
    assert costa.country == "BRA" and costa.roles[0].title.startswith("Ambassador")
    assert person(r, "Luis Ortega").country == "MEX"
    assert "She" in mentions_of(r, costa)


def test_surname_and_misspelt_surname_resolve_to_the_full_name(actors_of):
    r = actors_of(
        "French Foreign Minister Pierre Delacroix met reporters in Paris. "
        "Delacroix said the talks were useful. Delcaroix added that more were planned.")
    a = person(r, "Pierre Delacroix")
    got = mentions_of(r, a)
    assert "Delacroix" in got and "Delcaroix" in got
    assert not any(x.name in ("Delacroix", "Delcaroix") for x in r.actors)


def test_surname_tagged_as_organisation_stays_a_person(actors_of):
    r = actors_of("Envoy Tomasz Wierzbicki arrived on Monday. Wierzbicki met the minister. Wierzbicki left.")
    a = person(r, "Tomasz Wierzbicki")
    assert mentions_of(r, a).count("Wierzbicki") == 2


def test_pronoun_with_clear_antecedent(actors_of):
    r = actors_of("Kenyan President Samuel Otieno arrived in Addis Ababa. He said the summit would help.")
    a = person(r, "Samuel Otieno")
    assert "He" in mentions_of(r, a)


def test_descriptions_refer_back(actors_of):
    r = actors_of(
        "Japanese Prime Minister Kenji Sato met Indian envoy Arjun Rao in Tokyo. "
        "The Japanese leader praised the envoy for his patience.")
    sato, rao = person(r, "Kenji Sato"), person(r, "Arjun Rao")
    assert "Japanese leader" in " ".join(mentions_of(r, sato))
    assert "envoy" in mentions_of(r, rao)


def test_groups_by_country_and_sector(actors_of):
    r = actors_of(
        "Polish lawmakers met Warsaw officials on Monday. The lawmakers said Polish officials agreed.")
    lawmakers = person(r, "Polish lawmakers")
    officials = person(r, "Polish officials")
    assert (lawmakers.kind, lawmakers.country, lawmakers.sector) == ("group", "POL", "LEG")
    assert (officials.country, officials.sector) == ("POL", "GOV")
    assert lawmakers.mentions == 2 and officials.mentions == 2


def test_country_codes_metonyms_and_institutions(actors_of):
    r = actors_of(
        "N. Korea and the U.S. traded threats. Talks with Pyongyang stalled, and the Kremlin said "
        "Seoul's foreign ministry had asked the State Department and NATO for help. "
        "Visitors to Pyongyang were few.")
    ids = {a.id: a for a in r.actors}
    assert "country:PRK" in ids and "country:USA" in ids
    assert [m.text for m in r.mentions if m.actor_id == "country:PRK"] == ["N. Korea", "Pyongyang"]
    kremlin = person(r, "Kremlin")
    assert (kremlin.country, kremlin.sector) == ("RUS", "GOV")
    assert person(r, "State Department").country == "USA"
    assert person(r, "NATO").country == "IGO"
    ministry = person(r, "South Korean foreign ministry")
    assert (ministry.country, ministry.sector) == ("KOR", "GOV")


def test_the_north_means_the_one_northern_country_named(actors_of):
    r = actors_of("North Korea fired a missile. The launch by the North worried Japan.")
    assert [m.text for m in r.mentions if m.actor_id == "country:PRK"] == ["North Korea", "North"]


def test_two_kims_are_two_people(actors_of):
    r = actors_of(
        "North Korean leader Kim Jong-un met Kim Yo-jong. US envoy Joon Kim said Kim Jong-un "
        "should return to talks, and analyst Minji Kim agreed.")
    people = {a.name for a in r.actors if a.kind == "person"}
    assert {"Kim Jong-un", "Kim Yo-jong", "Joon Kim", "Minji Kim"} <= people
    assert person(r, "Kim Jong-un").country == "PRK"
    assert person(r, "Joon Kim").country == "USA"


def test_names_in_capitals(actors_of):
    r = actors_of("Prime Minister SATO Kenji met President Marcos.\n\nTHE TWO LEADERS SIGNED A TRADE DEAL IN "
                  "MANILA ON FRIDAY AFTER TALKS WITH PHILIPPINE OFFICIALS.")
    assert any(a.name == "Sato Kenji" for a in r.actors)
    officials = [a for a in r.actors if a.kind == "group"]
    assert officials and officials[0].country == "PHL"


def test_user_actors_from_toml(tmp_path, nlp, options, actors_of):
    from parley.actors import load_knowledge

    path = tmp_path / "actors.toml"
    path.write_text(
        '[[actor]]\nname = "Olusegun Adebayo"\naliases = ["Mr Adebayo", "the Oyo kingmaker"]\n'
        'kind = "person"\ncountry = "NGA"\nsector = "PTY"\n'
        'roles = [{title = "Party Chairman", first_seen = "2018-01-02"}]\n', encoding="utf-8")
    opts = options.with_(user_actors=str(path))
    r = actors_of("Mr Adebayo spoke. Later the Oyo kingmaker left.", opts=opts, know=load_knowledge(opts))
    a = person(r, "Olusegun Adebayo")
    assert (a.country, a.sector) == ("NGA", "PTY")
    assert a.roles[0].title == "Party Chairman"
    assert a.mentions == 2


def test_clutter_free_text_without_entities(actors_of):
    assert actors_of("it rained all day and nobody went out.").actors == []
    assert actors_of("").actors == []


def test_mentions_point_into_the_body(actors_of):
    text = "German Chancellor Anna Weber met Italian officials in Rome. Weber said little."
    r = actors_of(text)
    for m in r.mentions:
        assert text[m.start : m.end] == m.text
    assert r.at(text.index("Weber said"), text.index("Weber said") + 5).name == "Anna Weber"


def test_dateline_gives_a_country_to_an_unqualified_office(actors_of):
    r = actors_of("President Lena Hoffmann spoke on Monday.", dateline="BERLIN")
    assert person(r, "Lena Hoffmann").country == "DEU"


def test_a_bodys_own_name_the_ner_missed_is_kept(actors_of):
    result = actors_of("The Kurdish-led Civil Administration in northern Iraq rejected the plan.")
    names = {a.name for a in result.actors}
    assert any("Civil Administration" in n for n in names), names
    # a leader's name before the body word makes it that leader's government, as before
    result = actors_of("The Trump administration imposed sanctions on Iran.")
    assert "Trump administration" in {a.name for a in result.actors}
