"""Seats of power, landmarks and regions that are no official division (geo/data/landmarks.tsv),
small towns of 1,000 people and more, and the guard that keeps English words from becoming towns.
The sentences are the tests' own; the places are general geography."""

from __future__ import annotations

import pytest

from parley.geo import geocode, locate_events, story_countries
from parley.geo.gazetteer import _english_words, is_english, load
from parley.geo.landmarks import landmarks, parse_row
from parley.geo.resolve import _table_place
from parley.records import Event, EventActor, Location


def near(place, lat, lon, degrees=0.5) -> bool:
    return place is not None and abs(place.lat - lat) <= degrees and abs(place.lon - lon) <= degrees


@pytest.mark.parametrize("name, hints, country, lat, lon", [
    ("the Kremlin", [], "RUS", 55.75, 37.62),                 # "talks at the Kremlin": Moscow
    ("Élysée Palace", ["FRA"], "FRA", 48.87, 2.32),           # accents folded like any name
    ("Downing Street", ["GBR", "IRL"], "GBR", 51.50, -0.13),
    ("Zhongnanhai", ["CHN"], "CHN", 39.91, 116.38),
    ("the Blue House", ["KOR", "PRK"], "KOR", 37.59, 126.97),
    ("the White House", ["JPN", "CHN"], "USA", 38.90, -77.04),  # not White House, Tennessee
    ("Capitol Hill", [], "USA", 38.89, -77.01),
])
def test_seats_of_power_are_placed_in_their_city(name, hints, country, lat, lon):
    place = geocode(name, hints)
    assert place.country == country and place.feature == "city" and near(place, lat, lon)


def test_a_landmark_takes_the_admin1_of_the_city_it_stands_in():
    # the nearest city of the table's name: Arlington, Virginia, not the bigger Arlington in Texas
    assert geocode("the Pentagon", ["USA"]).adm1 == "USVA"
    kremlin = geocode("Kremlin", ["RUS"])
    assert kremlin.adm1.startswith("RS") and kremlin.geonames_id == 524901  # Moscow's GeoNames id


@pytest.mark.parametrize("name, hints, country", [
    ("Donbas", ["RUS", "UKR"], "UKR"),
    ("Donbass", [], "UKR"),                                  # the other spelling
    ("Puntland", ["SOM"], "SOM"),
    ("the West Bank", ["ISR", "USA"], "PSE"),
    ("Nagorno-Karabakh", ["ARM", "AZE"], "AZE"),
    ("Kashmir", ["PAK", "CHN"], "PAK"),                      # the part in the story's country
    ("Kashmir", ["IND"], "IND"),
])
def test_regions_that_are_no_official_division(name, hints, country):
    place = geocode(name, hints)
    assert place is not None and (place.country, place.feature) == (country, "region")


@pytest.mark.parametrize("name, lat, lon", [
    ("the Sahel", 14.5, 5.0),
    ("the Strait of Hormuz", 26.57, 56.25),
    ("the Horn of Africa", 8.0, 45.0),
    ("Kashmir", 34.5, 75.5),                                 # in a story of neither country
])
def test_regions_over_several_countries_have_a_point_and_no_country(name, lat, lon):
    place = geocode(name, ["USA", "FRA"])
    assert place.country == "" and place.feature == "region" and near(place, lat, lon)


def test_an_event_in_a_sea_gets_coordinates_but_no_country():
    event = Event(id="e", date="2024", date_basis="explicit", type="FIGHT", location=Location("the Black Sea"),
                  actor1=EventActor("Navy", None, "UKR", "MIL"))
    [placed] = locate_events([event], story_countries(["UKR", "RUS"]))
    assert placed.location.country is None and placed.location.lat is not None
    assert placed.location.name == "the Black Sea"


def test_a_town_of_the_storys_country_beats_a_landmark_abroad():
    # "Westminster" in a story about the US is the town in Colorado, in one about Britain London's
    assert geocode("Westminster", ["USA"]).country == "USA"
    assert near(geocode("Westminster", ["GBR"]), 51.50, -0.12, 0.1)


def test_a_division_of_the_storys_country_beats_a_region_over_several():
    # Burkina Faso has a province named Sahel: in a story about Burkina Faso it is that province
    assert geocode("Sahel", ["BFA"]).country == "BFA"


def test_every_row_of_the_table_names_a_known_country():
    countries = load().countries
    rows = {row for found in landmarks().values() for row in found}
    assert len(rows) > 100
    assert all(row.country in ("", "*") or row.country in countries for row in rows)
    assert all(_table_place(load(), row) is not None for row in rows if row.country != "*")


def test_a_seat_every_country_has_is_in_the_capital_of_the_storys_country():
    # "protesters gathered outside the presidential palace" in a story about Afghanistan: Kabul
    assert near(geocode("the presidential palace", ["AFG", "PAK"]), 34.53, 69.17, 0.2)
    assert geocode("State House", ["KEN"]).country == "KEN"
    assert geocode("State House", ["UGA", "KEN"]).country == "UGA"
    assert geocode("State House", ["USA"]) is None  # a name of several countries' seats, none the story's
    assert geocode("the Presidential Palace") is None  # no story country: no place


def test_a_malformed_row_is_an_error_naming_the_line():
    with pytest.raises(ValueError, match="landmarks.tsv line 7"):
        parse_row("Somewhere\tUSA\tnorth\t-77\tlandmark\tWashington", 7)
    with pytest.raises(ValueError, match="line 9"):
        parse_row("Somewhere\tUSA\t38.9\t-77\tpalace", 9)
    assert parse_row("Somewhere|Elsewhere\t-\t1\t2\tregion").country == ""


def test_towns_of_a_thousand_people_inside_the_storys_country():
    # Sokolo, Mali (about 4,400 people) and Tassara, Niger (about 2,700): only where the story is
    assert geocode("Sokolo", ["MLI"]).country == "MLI"
    assert geocode("Tassara", ["NER", "MLI"]).country == "NER"
    assert geocode("Sokolo") is None and geocode("Sokolo", ["FRA"]) is None


def test_english_words_are_no_small_towns():
    words = _english_words()
    if not words:
        pytest.skip("the spaCy model ships no lemma index")
    assert is_english("west", words) and is_english("middle east", words)
    assert not is_english("sokolo", words) and not is_english("charlevoix", words)
    # West, Texas and Middle East, Maryland are towns of a few thousand people: news that names
    # "the West" or "the Middle East" means neither
    assert geocode("West", ["USA"]) is None
    assert geocode("the Middle East", ["USA"]) is None or geocode("the Middle East", ["USA"]).country != "USA"


def test_how_a_name_of_several_rows_is_resolved(monkeypatch):
    """The rules on an invented table: the row of a story country, else the row over several
    countries, else nothing when the rows name other countries only."""
    from parley.geo import resolve

    rows = [parse_row(line) for line in (
        "Zebulon Ridge\tKEN\t1.0\t36.0\tregion", "Zebulon Ridge\tTZA\t-3.0\t35.0\tregion",
        "Zebulon Ridge\t-\t-1.0\t35.5\tregion", "Quillon Gate\tKEN\t2.0\t37.0\tregion",
        "Quillon Gate\tUGA\t1.0\t32.0\tregion")]
    table = {"zebulon ridge": tuple(rows[:3]), "quillon gate": tuple(rows[3:])}
    monkeypatch.setattr(resolve, "landmarks", lambda: table)
    resolve._geocode.cache_clear()
    try:
        assert geocode("Zebulon Ridge", ["TZA", "KEN"]).country == "TZA"  # the story's first country first
        assert geocode("the Zebulon Ridge", ["FRA"]).country == ""       # neither: the row over several
        assert geocode("Quillon Gate", ["UGA"]).lat == 1.0
        assert geocode("Quillon Gate", ["FRA", "DEU"]) is None           # two countries' rows, neither the story's
    finally:
        resolve._geocode.cache_clear()
