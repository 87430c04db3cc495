"""Datelines and wire credits, honorifics, and whose group, ministry or board a phrase names."""

from __future__ import annotations

from parley.actors.wire import credit_spans
from parley.records import Article

from .conftest import mentions_of, person


def names(result) -> list[str]:
    return [a.name for a in result.actors]


# -- 1. groups and offices of an organisation are named by the organisation, never by its code -----------


def test_group_of_an_organisation_keeps_its_name_not_the_code(actors_of):
    r = actors_of("EU trade ministers agreed on Monday to extend the tariffs. The NATO envoy said the alliance "
                  "would wait, and World Health Organization officials stayed silent.")
    assert not any("IGO" in n for n in names(r)), names(r)
    eu = next(a for a in r.actors if a.kind == "group" and a.name.startswith("European Union"))
    assert eu.country == "IGO" and "igo" not in eu.id
    assert any(a.name == "NATO envoy" and a.country == "IGO" for a in r.actors), names(r)
    assert any(a.name == "World Health Organization officials" for a in r.actors), names(r)


# -- 2. datelines and wire credits are not actors ------------------------------------------------------------


def test_dateline_with_agency_is_not_a_mention(actors_of):
    r = actors_of("KABUL (AFP) — Afghan Foreign Minister Wali Rahimi and the Pakistani envoy met on Sunday.\n\n"
                  "Rahimi later told Reuters the talks had been useful.")
    assert "Agence France-Presse" not in names(r)
    assert not any(m.text in ("KABUL", "AFP") for m in r.mentions)
    assert person(r, "Wali Rahimi").country == "AFG"
    reuters = person(r, "Reuters")  # cited as a source in the text: stays an organisation
    assert reuters.kind == "organization"


def test_capitals_dateline_and_trailing_credit_are_not_actors(actors_of):
    r = actors_of("LUSAKA — Zambian and Malawian officials signed a border accord on Friday.\n\n"
                  "The two sides will meet again in June. (Kyodo)")
    assert not any(n.upper() == "LUSAKA" for n in names(r)), names(r)
    assert "Kyodo" not in names(r)
    assert any(a.name == "Zambian officials" for a in r.actors)


def test_credit_spans_find_the_usual_forms(knowledge):
    text = ("SEOUL, Aug. 24 (Yonhap) -- The ministers spoke.\nNAIROBI, July 4 (Reuters) - Talks resumed.\n"
            "Lima — Peru said no.\nThe Board of Governors of the Agency (IAEA) met. (Xinhua)")
    article = Article(id="t", source="t", body=text)
    got = [text[a:b] for a, b in credit_spans(article, text, knowledge)]
    assert "SEOUL, Aug. 24 (Yonhap) --" in got and "NAIROBI, July 4 (Reuters) -" in got and "Lima —" in got
    assert "(Xinhua)" in got and "(IAEA)" not in got


def test_a_list_of_countries_before_a_dash_is_not_a_dateline(knowledge):
    text = "Egypt, Sudan and Ethiopia - the three riparian states - met on Monday."
    assert credit_spans(Article(id="t", source="t", body=text), text, knowledge) == []


# -- 3. honorifics ------------------------------------------------------------------------------------------


def test_honorific_with_a_given_name_is_the_full_name(actors_of):
    r = actors_of("Indonesian Foreign Minister Ratna Wulandari arrived in Manila on Monday. "
                  "\"We want calm waters,\" Ms Ratna told reporters.")
    a = person(r, "Ratna Wulandari")
    assert a.country == "IDN"
    assert "Ms Ratna" in mentions_of(r, a)
    assert not any(n.startswith(("Ms", "Mr")) or n == "Ratna" for n in names(r)), names(r)
    assert next(m for m in r.mentions if m.text == "Ms Ratna").kind == "title"  # gender evidence for quotes


def test_honorific_with_a_family_name_and_without_a_match(actors_of):
    r = actors_of("South Korean envoy Park Ji-hoon met Dr. Helena Varga in Vienna. Mr. Park said the talks went well. "
                  "Mr Osei, who was not named before, disagreed.")
    park = person(r, "Park Ji-hoon")
    assert any(m.startswith("Mr. Park") for m in mentions_of(r, park))
    assert person(r, "Helena Varga").kind == "person"
    assert person(r, "Osei").kind == "person"  # no honorific left in the name
    assert not any(n.split()[0].rstrip(".") in ("Mr", "Dr", "Ms") for n in names(r)), names(r)


def test_honorific_gender_steers_a_pronoun(actors_of):
    r = actors_of("Ambassador Lena Brandt met envoy Tomas Varga. Mr Varga spoke first. "
                  "Ms Brandt and Mr Varga then talked. He said the visit was useful.")
    assert "He" in mentions_of(r, person(r, "Tomas Varga"))


# -- 4 and 5. ministries and officials without a country take the story's home country -----------------------


def test_unqualified_ministry_and_official_take_the_dominant_country(actors_of):
    r = actors_of("Peru's foreign minister flew to Quito on Monday. Peru wants a deal and Peru will insist on it, "
                  "a Lima official said. The Foreign Ministry said the talks were cordial. Foreign Ministry "
                  "spokeswoman Ana Quispe said Ecuador had agreed to meet again.")
    ministry = next(a for a in r.actors if a.kind == "organization" and "ministry" in a.name.lower())
    assert ministry.country == "PER" and ministry.name.lower() == "peruvian foreign ministry"
    assert person(r, "Ana Quispe").country == "PER"


def test_the_ministry_after_the_foreign_ministry_is_that_ministry(actors_of):
    r = actors_of("Chilean officials met Argentine diplomats, the foreign ministry said. The talks will resume, "
                  "according to the ministry.", dateline="Santiago")
    ministries = [a for a in r.actors if a.kind == "organization" and "ministry" in a.name.lower()]
    assert [(a.name.lower(), a.country) for a in ministries] == [("chilean foreign ministry", "CHL")]


def test_ministry_without_a_home_country_is_left_alone(actors_of):
    r = actors_of("Chilean officials met Argentine diplomats, the foreign ministry said.")
    assert not any("ministry" in n.lower() for n in names(r))


# -- 6. a board takes the organisation the text ties it to ---------------------------------------------------


def test_board_of_an_organisation(actors_of):
    r = actors_of("The Board of Governors of the International Monetary Fund approved the loan. "
                  "The IMF Executive Board met again on Friday.")
    boards = {a.name: a.country for a in r.actors if "Board" in a.name}
    assert boards == {"International Monetary Fund Board of Governors": "IGO",
                      "International Monetary Fund Executive Board": "IGO"}


def test_board_after_the_organisations_noun(actors_of):
    r = actors_of("The World Health Organization warned of a new outbreak. The organization's Executive Board "
                  "will meet in May.")
    assert any(a.name == "World Health Organization Executive Board" and a.country == "IGO" for a in r.actors), names(r)


def test_board_without_an_owner_is_left_as_written(actors_of):
    r = actors_of("The Board of Governors met on Monday and adjourned.")
    board = next(a for a in r.actors if "Board" in a.name)
    assert board.name == "Board of Governors" and board.country is None


def test_a_party_named_without_its_country_is_the_home_countrys(actors_of):
    r = actors_of("The Socialist Party said on Monday it would leave the coalition. The party's leader met "
                  "officials in the capital.", dateline="Lisbon")
    party = next(a for a in r.actors if a.kind == "organization" and "party" in a.name.lower())
    assert party.country == "PRT"


def test_national_agencies_and_state_media_carry_their_country(actors_of):
    r = actors_of("The Department of Homeland Security said on Friday that the rule would change, Voice of "
                  "America reported.")
    found = {a.name: (a.country, a.sector) for a in r.actors}
    assert found.get("Department of Homeland Security") == ("USA", "GOV"), found
    assert found.get("Voice of America") == ("USA", "MED"), found
