"""Leaders by date, groups named by a people, organisations the data knows, one wording per office."""

from __future__ import annotations

from parley.actors.leaders import load_leaders

from .conftest import mentions_of, person


def test_title_and_surname_of_a_sitting_leader_gives_country_sector_role_and_full_name(actors_of):
    r = actors_of("Chancellor Merkel flew to Lisbon for a summit on fisheries.", published="2011-05-02")
    a = person(r, "Angela Merkel")
    assert (a.country, a.sector) == ("DEU", "GOV")
    assert [(x.title, x.country) for x in a.roles] == [("Chancellor", "DEU")]
    assert mentions_of(r, a) == ["Chancellor Merkel"]


def test_bare_surname_needs_the_date_to_fall_in_the_term(actors_of):
    r = actors_of("Lula told a rally in Recife that wages would rise.", published="2005-08-09")
    assert person(r, "Luiz Inácio Lula da Silva").country == "BRA"
    r = actors_of("Lula told a rally in Recife that wages would rise.", published=None)
    assert person(r, "Lula").country is None


def test_title_after_the_term_is_marked_former(actors_of):
    r = actors_of("President Chirac opened an exhibition of African masks.", published="2009-10-01")
    a = person(r, "Jacques Chirac")
    assert a.country == "FRA"
    assert [x.title for x in a.roles] == ["former President"]


def test_a_country_the_article_gives_is_kept(actors_of):
    r = actors_of("Chilean President Bush, a namesake, opened the fair.", published="2005-08-09")
    assert person(r, "Bush").country == "CHL"


def test_misspelt_full_name_still_matches(actors_of):
    r = actors_of("Visiting Zagreb, Jacques Chiracc praised the new bridge.", published="1998-03-03")
    assert [a.country for a in r.actors if a.kind == "person"] == ["FRA"]


def test_two_people_with_one_surname_are_not_guessed():
    leaders = load_leaders()
    # 1995: King Hussein of Jordan and Saddam Hussein of Iraq were both in office
    assert leaders.match(["Hussein"], [], "1995-06-01") is None
    m = leaders.match(["Hussein"], ["king"], "1995-06-01")
    assert m is not None and m.country == "JOR"
    # an East Asian family name alone is never enough
    assert leaders.match(["Kim"], [], "2019-06-01", frozenset({"Kim"})) is None


def test_leader_name_standing_for_a_government(actors_of):
    r = actors_of("The Blair government pressed Brussels on farm subsidies.", published="2003-02-02")
    org = [a for a in r.actors if a.name == "Blair government"]
    assert org and (org[0].kind, org[0].country, org[0].sector) == ("organization", "GBR", "GOV")


def test_people_named_by_where_they_live_are_groups(actors_of):
    r = actors_of("Croatian Serbs blocked the road while Turkish soldiers and Afghan students watched.")
    got = {(a.name, a.kind, a.country, a.sector) for a in r.actors if a.kind == "group"}
    assert ("Croatian Serbs", "group", "HRV", None) in got
    assert ("Turkish soldiers", "group", "TUR", "MIL") in got
    assert any(n == "Afghan students" and c == "AFG" for n, _, c, _ in got)


def test_armed_groups_and_bodies_from_the_data(actors_of):
    r = actors_of("The PKK and the Tamil Tigers were named in a report by the ILO.")
    got = {a.name: (a.country, a.sector) for a in r.actors}
    assert got["Kurdistan Workers' Party"] == ("TUR", "REB")
    assert got["Liberation Tigers of Tamil Eelam"] == ("LKA", "REB")
    assert got["International Labour Organization"][0] == "IGO"


def test_generic_body_owned_by_a_country(actors_of):
    r = actors_of("Peru's Cabinet met on Monday to discuss the budget.")
    org = [a for a in r.actors if a.kind == "organization"]
    assert org and org[0].country == "PER" and org[0].sector == "GOV"


def test_one_wording_per_office(actors_of, knowledge):
    assert knowledge.office("Deputy State Secretary") == "Deputy Secretary of State"
    assert knowledge.office("Vice FM") == "Deputy Foreign Minister"
    assert knowledge.office("Minister of Foreign Affairs") == "Foreign Minister"
    r = actors_of("Norwegian Minister of Foreign Affairs Anne Lund arrived in Rome on Friday.", published="2020-02-02")
    assert [x.title for x in person(r, "Anne Lund").roles] == ["Foreign Minister"]


def test_titles_cut_from_lists_or_shouted_become_clean_roles(knowledge):
    assert knowledge.office("President of Egypt and") == "President of Egypt"
    assert knowledge.office("PRESIDENT OF THE UNITED STATES") == "President of the United States"
    assert knowledge.office("Envoy for") == "Envoy"
