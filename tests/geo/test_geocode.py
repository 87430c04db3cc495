"""Offline geocoding: names to GeoNames entries, ambiguity resolved by the story's countries."""

from __future__ import annotations

import pytest

from parley.geo import country_place, geocode, locate_events, story_countries
from parley.geo.topojson import to_geojson
from parley.records import Event, EventActor, Location


@pytest.mark.parametrize("name, hints, country, feature", [
    ("Kharkiv", [], "UKR", "city"),                 # a city the old hand list did not know
    ("Kiev", [], "UKR", "city"),                    # an older spelling, through GeoNames' other names
    ("the United States", [], "USA", "country"),
    ("Washington", [], "USA", "city"),              # the capital, not the state
    ("Washington state", [], "USA", "state"),
    ("Georgia", [], "GEO", "country"),
    ("Georgia", ["USA", "CAN"], "USA", "state"),    # a story about the US means the state
    ("Paris", ["USA"], "FRA", "city"),              # a far bigger namesake wins over a small local one
    ("Springfield, Illinois", [], "USA", "city"),   # the tail of "X, Y" narrows X
    ("Gaza City", [], "PSE", "city"),               # "X City" falls back to X
    ("Donetsk region", [], "UKR", "city"),
    ("Ontario", ["USA", "CAN"], "CAN", "region"),   # a province of a story country beats a foreign city
    ("Guantanamo Bay", ["CUB"], "CUB", "city"),
])
def test_names_resolve_to_the_expected_place(name, hints, country, feature):
    place = geocode(name, hints)
    assert place is not None and (place.country, place.feature) == (country, feature)


def test_the_places_own_country_always_wins():
    assert geocode("Paris", country="USA").adm1 == "USTX"
    assert geocode("Paris").country == "FRA"


def test_small_towns_only_inside_the_storys_countries():
    assert geocode("Nanoro") is None
    assert geocode("Nanoro", ["BFA"]).country == "BFA"


def test_places_carry_gdelt_codes_and_coordinates():
    kharkiv = geocode("Kharkiv")
    assert (kharkiv.fips, kharkiv.adm1, kharkiv.gdelt_type) == ("UP", "UP07", 4)
    assert abs(kharkiv.lat - 49.98) < 0.1 and abs(kharkiv.lon - 36.25) < 0.1
    assert geocode("Houston").gdelt_type == 3 and geocode("Texas").gdelt_type == 2
    assert country_place("DEU").fips == "GM" and country_place("DEU").gdelt_type == 1
    assert geocode("Nowhere-on-earth") is None and geocode("") is None


def test_events_get_coordinates_from_their_story():
    event = Event(id="e", date="2024", date_basis="explicit", type="CONSULT", location=Location("Georgia"),
                  actor1=EventActor("Governor", None, "USA", "GOV"))
    [located] = locate_events([event], story_countries(["USA", "USA", "CAN"]))
    assert (located.location.country, located.location.feature, located.location.adm1) == ("USA", "state", "USGA")
    assert located.location.name == "Georgia" and located.location.lat is not None


def test_story_countries_are_ordered_by_mentions_and_skip_non_states():
    assert story_countries(["CAN", "USA", "USA", "IGO", None, "CAN", "USA"]) == ["USA", "CAN"]


def test_topojson_arcs_are_decoded_with_their_transform():
    topology = {"type": "Topology", "transform": {"scale": [1, 1], "translate": [10, 20]},
                "arcs": [[[0, 0], [1, 0], [0, 1]], [[1, 1], [-1, 0]]],
                "objects": {"land": {"type": "GeometryCollection", "geometries": [
                    {"type": "Polygon", "arcs": [[0, 1]], "id": "1", "properties": {"name": "A"}}]}}}
    [feature] = to_geojson(topology, "land")["features"]
    assert feature["geometry"]["coordinates"] == [[[10, 20], [11, 20], [11, 21], [10, 21]]]
    assert feature["properties"] == {"name": "A"}


def test_countries_sit_at_their_centroid_even_across_the_antimeridian():
    usa, fiji, russia = country_place("USA"), country_place("FJI"), country_place("RUS")
    assert 35 < usa.lat < 42 and -105 < usa.lon < -92  # the middle of the contiguous states, not Washington
    assert -19 < fiji.lat < -16 and (fiji.lon > 175 or fiji.lon < -178)
    assert 55 < russia.lat < 68 and 80 < russia.lon < 120
    assert country_place("XKX").lat is not None  # not in the outline: its capital


@pytest.mark.parametrize("name, hints, country, lat, lon", [
    ("Tuscany", ["ITA"], "ITA", 43.4, 11.0),            # a GeoNames division, by its English name
    ("Sichuan province", ["CHN"], "CHN", 30.6, 103.0),  # "X province"; GeoNames writes no kind word here
    ("Helmand", ["AFG"], "AFG", 31.0, 64.0),
    ("Lombardia", ["ITA"], "ITA", 45.6, 9.8),           # the ISO 3166-2 name, placed through its provinces' towns
    ("Java", ["IDN"], "IDN", -7.3, 110.0),              # the region that West, Central and East Java divide
])
def test_provinces_and_regions_outside_the_us_have_points(name, hints, country, lat, lon):
    place = geocode(name, hints)
    assert (place.country, place.feature, place.gdelt_type) == (country, "region", 5)
    assert abs(place.lat - lat) < 3 and abs(place.lon - lon) < 3


def test_a_region_is_found_with_other_spellings_and_kind_words():
    # doubled letters differ between transliterations; GeoNames adds kind words news leaves out
    assert geocode("Xinjiang", ["CHN"]).adm1 == geocode("Xinjiang Uygur Autonomous Region", ["CHN"]).adm1 == "CH13"
    assert geocode("Lower Shabelle", ["SOM"]).adm1 == geocode("Lower Shabele", ["SOM"]).adm1


def test_a_region_needs_the_storys_country_and_yields_to_its_namesake_city():
    assert geocode("Punjab", ["PAK"]).country == "PAK" and geocode("Punjab", ["IND"]).country == "IND"
    assert geocode("Helmand") is None  # no story country: no province
    assert geocode("Kandahar", ["AFG"]).feature == "city"  # a province named after its capital: the city


def test_a_city_by_a_longer_form_of_its_own_name():
    # "Washington DC" is GeoNames' other name of Washington: evidence enough outside the story's countries
    assert geocode("Washington DC", ["SWE"]).adm1 == "USDC"
    assert geocode("Washington, DC", ["SWE"]).adm1 == "USDC"  # an unknown tail after a comma is dropped


def test_news_outlets_do_not_say_where_a_story_is():
    from parley.geo import actor_countries
    from parley.records import Actor

    actors = [Actor("a", "A Broadcaster", kind="organization", country="USA", sector="MED", mentions=5),
              Actor("b", "A Minister", country="CHE", sector="GOV", mentions=2)]
    assert story_countries(actor_countries(actors)) == ["CHE"]


def test_a_division_across_the_180th_meridian_has_its_middle_there():
    from parley.geo.admin1 import _middle_longitude

    assert abs(_middle_longitude([179.5, 179.8, -179.9, -179.6]) - 179.95) < 0.2
    assert _middle_longitude([10.0, 12.0, 14.0]) == 12.0


def test_an_island_group_named_by_its_parts_lies_among_them():
    sumatra = geocode("Sumatra", ["IDN"])  # GeoNames has North, West and South Sumatra
    assert sumatra.feature == "region" and -4 < sumatra.lat < 4 and 97 < sumatra.lon < 105
