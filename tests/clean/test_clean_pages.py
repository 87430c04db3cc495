"""Pages as people save them: address line, dates from everywhere, outlets by domain, headlines, credits.

Every page here is written for the test (invented outlets' words, real-shaped addresses); each rule
has a page of its own.
"""

from __future__ import annotations

import io
import json
from datetime import date

import pytest

from parley.clean import clean_document
from parley.clean.dateline import find_dateline
from parley.clean.published import DateClue, address_date, best_published, dates_in
from parley.clean.tables import outlet_by_domain
from parley.ingest import read_stream
from parley.ingest.address import split_address
from parley.options import Options

LEAD = ("The foreign ministers of the two neighbours met on Tuesday to discuss the disputed border and "
        "agreed to meet again next month, officials said.")
SECOND = ("\"We have a long road ahead, but today we took a first step,\" one of the mediators told reporters "
          "after the four-hour session ended.")
THIRD = "Neither side gave details of the agenda, and the mediators declined to say where the next round would be held."


def read(text: str, name: str = "page.txt", **changes):
    options = Options().with_(**changes)
    docs = list(read_stream(io.BytesIO(text.encode()), name, options))
    return docs[0], clean_document(docs[0], options)


def page(*lines: str) -> str:
    return "\n\n".join(lines)


# --- the address line ---------------------------------------------------------------------------

@pytest.mark.parametrize("first", ["https://www.example.org/world/talks", "URL: https://www.example.org/world/talks",
                                   "Source: https://www.example.org/world/talks", "www.example.org/world/talks"])
def test_an_address_line_becomes_the_url_and_leaves_the_text(first):
    url, rest = split_address(page(first, "Ministers meet on the border", LEAD))
    assert url == "https://www.example.org/world/talks"
    assert "example.org" not in rest and rest.strip().startswith("Ministers")


def test_a_text_that_starts_with_words_has_no_address():
    assert split_address(page("Ministers meet", "See https://example.org for more."))[0] is None


def test_address_gives_url_outlet_and_date():
    doc, article = read(page("https://www.theguardian.com/world/2021/mar/04/ministers-meet-on-border",
                             "Ministers meet on the border", LEAD, SECOND, THIRD))
    assert doc.url == article.url == "https://www.theguardian.com/world/2021/mar/04/ministers-meet-on-border"
    assert article.outlet == "The Guardian"
    assert article.published == "2021-03-04"
    assert article.headline == "Ministers meet on the border"


# --- date shapes in text ------------------------------------------------------------------------

@pytest.mark.parametrize("text, day_first, expected", [
    ("Posted by the desk Wed 4th March 2020 | 10:15 AM", True, date(2020, 3, 4)),
    ("March 4, 2020", True, date(2020, 3, 4)),
    ("4 March 2020", True, date(2020, 3, 4)),
    ("the 4th of March, 2020", True, date(2020, 3, 4)),
    ("NEWSWIREMarch 4, 202011:05", True, date(2020, 3, 4)),  # words run together by the copy
    ("MARCH 4, 2020The ministers met", True, date(2020, 3, 4)),  # glued before the first sentence
    ("Desk - 04/03/2020, 10:15 local time", True, date(2020, 3, 4)),  # day first
    ("Desk - 04/03/2020, 10:15 local time", False, date(2020, 4, 3)),  # month first
    ("Caption taken on 25.12.2019 near the border", True, date(2019, 12, 25)),
    ("13/10/2018", False, date(2018, 10, 13)),  # a 13th month cannot be: day first whatever the country
    ("2020/3/4", False, date(2020, 3, 4)),
    ("2020-03-04 10:15", False, date(2020, 3, 4)),
])
def test_date_shapes(text, day_first, expected):
    assert dates_in(text, day_first)[0][0] == expected


@pytest.mark.parametrize("text", ["Leaders meet 1280x708 1 1100x620", "The hall seats 1920 people", "July 4",
                                  "Mayor 12, 2020", "Version 3.12.2020a", "on 31/02/2021"])
def test_not_dates(text):
    assert dates_in(text) == []


@pytest.mark.parametrize("url, expected", [
    ("https://news.example.com/2018/10/13/talks-resume/", date(2018, 10, 13)),
    ("https://news.example.com/world/2022/8/29/envoy-arrives", date(2022, 8, 29)),
    ("https://news.example.com/world/envoy-arrives-2021-04-26/", date(2021, 4, 26)),
    ("https://news.example.com/politics/20221014/envoy-arrives", date(2022, 10, 14)),
    ("https://news.example.com/view/ABC20221014000300315", date(2022, 10, 14)),
    ("https://news.example.com/world/2022/may/20/envoy-arrives-2455883.html", date(2022, 5, 20)),
    ("https://news.example.com/2009-06/17/content_81234.htm", date(2009, 6, 17)),
    ("https://news.example.com/node/1484616/world", None),  # an article number
    ("https://news.example.com/region/summit_meet1006.html", None),  # year and month only
    ("https://news.example.com/va/en/072025/politics/4520/x.htm", None),  # month and year only
])
def test_address_dates(url, expected):
    assert address_date(url) == expected


def test_a_date_after_the_ingest_day_is_dropped():
    clues = [DateClue(date(2031, 1, 2), "stamp", "January 2, 2031"), DateClue(date(2020, 5, 6), "address", "")]
    assert best_published(clues, date(2024, 1, 1), None, True) == "2020-05-06"


def test_a_stamp_beats_the_address_and_keeps_its_time():
    clues = [DateClue(date(2020, 5, 6), "address", ""), DateClue(date(2020, 5, 7), "stamp", "May 7, 2020 09:30 GMT")]
    assert best_published(clues, date(2024, 1, 1), None, True) == "2020-05-07T09:30:00+00:00"


def test_an_event_date_in_the_story_is_not_the_publication_date():
    _doc, article = read(page("Two states sign a water-sharing accord",
                              "The accord, signed on Thursday, March 4, 2021, sets up a joint commission to share "
                              "data on river levels, the ministers said.", SECOND, THIRD))
    assert article.published is None


def test_a_yearless_dateline_gives_no_date():
    _doc, article = read(page("Ministers meet on the border", "LUSAKA, July 4 (Reuters) - " + LEAD, SECOND))
    assert article.published is None and article.dateline == "Lusaka" and article.agency == "Reuters"


def test_a_dateline_with_a_year_dates_the_page():
    _doc, article = read(page("Ministers meet on the border", "LUSAKA, Jul 4, 2019 (Reuters) - " + LEAD, SECOND))
    assert article.published == "2019-07-04"


def test_a_date_inside_a_header_line_and_not_the_headline():
    _doc, article = read(page("Ministers meet on the border",
                              "Amina Okoro 3 minutes ago Tue 14th June 2022 | 09:10 PM", LEAD, SECOND, THIRD))
    assert article.headline == "Ministers meet on the border"
    assert article.published.startswith("2022-06-14")


def test_byline_with_place_and_date_keeps_author_and_date():
    _doc, article = read(page("Ministers meet on the border", "By Tomas Ferreira in Maputo February 27, 2023",
                              LEAD, SECOND, THIRD))
    assert article.authors == ["Tomas Ferreira"]
    assert article.published == "2023-02-27"


def test_a_stamp_after_the_story_dates_the_page():
    _doc, article = read(page("Ministers meet on the border", LEAD, SECOND, THIRD, "Publicado: 4/3/2020"),
                         "page.txt")
    assert article.published == "2020-04-03"  # no outlet known: month first, as before


def test_numeric_dates_follow_the_outlets_country():
    text = page("https://www.thehindu.com/news/ministers-meet-on-border/article123.ece",
                "Ministers meet on the border", "Published - 04/03/2020", LEAD, SECOND, THIRD)
    assert read(text)[1].published == "2020-03-04"
    text = page("https://www.latimes.com/world/story/ministers-meet-on-border",
                "Ministers meet on the border", "Published - 04/03/2020", LEAD, SECOND, THIRD)
    assert read(text)[1].published == "2020-04-03"


def test_the_date_option_wins_over_the_page():
    _doc, article = read(page("Ministers meet on the border", "Published: March 4, 2020", LEAD, SECOND),
                         date="2020-03-05")
    assert article.published == "2020-03-05"


def test_a_record_without_a_date_field_reads_its_text_and_address():
    record = {"title": "Ministers meet on the border", "url": "https://news.example.com/2019/06/02/ministers-meet",
              "text": page(LEAD, SECOND, THIRD)}
    _doc, article = read(json.dumps(record) + "\n", "feed.jsonl")
    assert article.published == "2019-06-02"
    record["date"] = "2019-06-03"
    assert read(json.dumps(record) + "\n", "feed.jsonl")[1].published == "2019-06-03"


# --- outlets by domain --------------------------------------------------------------------------

@pytest.mark.parametrize("address, name, country", [
    ("https://www.thenews.com.pk/print/123-talks", "The News International", "PAK"),
    ("https://world.kbs.co.kr/news/4567", "KBS World", "KOR"),
    ("https://epaper.dawn.com/news/123", "Dawn", "PAK"),  # any host under the registered domain
    ("https://www.gob.mx/sre/prensa/x", "Secretaría de Relaciones Exteriores", "MEX"),  # a portal's section
    ("https://www.gob.mx/salud/prensa/x", "Government of Mexico", "MEX"),
])
def test_outlets_by_domain(address, name, country):
    entry = outlet_by_domain(address)
    assert (entry.name, entry.country) == (name, country)


def test_an_unknown_domain_is_shown_bare():
    _doc, article = read(page("https://news.example-unknown.net/a/b", "Ministers meet on the border",
                              LEAD, SECOND, THIRD))
    assert article.outlet == "news.example-unknown.net"


# --- headlines and clutter ----------------------------------------------------------------------

def test_a_caption_with_a_credit_is_not_the_headline_nor_the_story():
    _doc, article = read(page("Foreign ministers shake hands before their talks in the capital. (AFP)",
                              "Updated 3 May 2021", LEAD, SECOND, THIRD))
    assert article.headline is None
    assert "shake hands" not in article.body


def test_alt_text_with_sizes_and_a_post_are_not_headlines():
    _doc, article = read(page("Ministers meet at the border post 1280x708 1 1100x620",
                              "Good talks with my counterpart today pic.twitter.com/abc123",
                              "— Jane Roe (@janeroe) March 3, 2023",
                              "Ministers meet on the border", LEAD, SECOND, THIRD))
    assert article.headline == "Ministers meet on the border"
    assert article.published is None  # the post's date is not the page's


def test_headline_above_its_standfirst():
    _doc, article = read(page("Ministers Meet on Border as Talks Resume After Two Years",
                              "The two governments said the meeting would focus on trade and the return of "
                              "people displaced by the dispute",
                              "Published: March 4, 2020", LEAD, SECOND, THIRD))
    assert article.headline == "Ministers Meet on Border as Talks Resume After Two Years"


def test_the_address_slug_finds_the_headline():
    _doc, article = read(page("https://news.example.com/world/ministers-agree-to-reopen-border-crossing-123",
                              "Read without ads. Join Premium+", "Ministers agree to reopen border crossing",
                              LEAD, SECOND, THIRD))
    assert article.headline == "Ministers agree to reopen border crossing"


def test_a_headline_only_in_player_text_is_found_by_the_slug():
    _doc, article = read(page("https://news.example.com/world/ministers-agree-to-reopen-border-crossing",
                              "Story content", LEAD, SECOND,
                              "Sorry, this video has failed to load. Try refreshing your browser, or "
                              "Ministers agree to reopen border crossing Back to video", THIRD))
    assert article.headline == "Ministers agree to reopen border crossing"
    assert "video" not in article.body


def test_a_promo_is_clutter():
    _doc, article = read(page("Ministers meet on the border", LEAD,
                              "Get the latest news from around the world, every morning in your inbox.",
                              SECOND, THIRD))
    assert "latest news" not in article.body


def test_a_cut_page_keeps_the_complete_sentences_of_its_last_paragraph():
    _doc, article = read(page("Ministers meet on the border", LEAD, SECOND,
                              "The next round is set for June. Officials expect the two sides to discuss trade "
                              "and the return of displaced fam"))
    assert article.body.endswith("The next round is set for June.")


def test_the_standfirst_and_lead_are_kept():
    standfirst = "Talks on the disputed border resumed after two years, with both sides upbeat about trade."
    _doc, article = read(page("Ministers meet on the border", standfirst, "ACCRA - " + LEAD, SECOND))
    assert article.body.startswith(standfirst)
    assert article.dateline == "Accra"  # the dateline under a standfirst


def test_hard_wrapped_text_is_joined():
    wrapped = ("MAPUTO, June 2, 2019 (Lusa) - The foreign ministers of the two\n"
               "neighbours met on Tuesday to discuss the disputed border and\n"
               "agreed to meet again next month, officials said in a statement\n"
               "released after the meeting in the capital on Tuesday night.\n\n"
               "Neither side gave details of the agenda, and the mediators would\n"
               "not say where the next round of talks would be held this year.")
    _doc, article = read(page("Ministers meet on the border", wrapped))
    assert article.headline == "Ministers meet on the border"
    assert (article.dateline, article.agency, article.published) == ("Maputo", "Lusa", "2019-06-02")
    assert "two neighbours" in article.body


# --- datelines and credits ----------------------------------------------------------------------

@pytest.mark.parametrize("paragraph, city, agency", [
    ("Lagos/Accra, 3 May 2022 (AFP/Desk) - Leaders met.", "Lagos/Accra", "AFP"),
    ("NAIROBI/KAMPALA — Leaders met.", "Nairobi/Kampala", None),
    ("March 3, 2022 (NAIROBI) – Leaders met.", "Nairobi", None),
    ("Bishkek. May 5. Kabar - Leaders met.", "Bishkek", "Kabar"),
    ("TBILISI, May 5. /TASS/. Leaders met.", "Tbilisi", "TASS"),
    ("MANILA (Daily Desk / Xinhua - 5th May, 2022) Leaders met.", "Manila", "Xinhua"),
    ("ACCRA, MYNEWS.com - Leaders met.", "Accra", None),
    ("Lima, 5 ago (ABC) Leaders met.", "Lima", None),
])
def test_dateline_shapes(paragraph, city, agency):
    found = find_dateline(paragraph)
    assert (found.city, found.agency) == (city, agency)


@pytest.mark.parametrize("paragraph", ["BREAKING: Leaders meet in Accra", "NATO (the alliance) members met.",
                                       "EXCLUSIVE - Leaders met."])
def test_not_dateline_shapes(paragraph):
    assert find_dateline(paragraph) is None


def test_a_place_line_in_the_header_is_the_dateline():
    _doc, article = read(page("Ministers meet on the border", "Updated: March 4, 2020", "Kisumu, Kenya",
                              LEAD, SECOND, THIRD))
    assert article.dateline == "Kisumu"


def test_a_source_trailer_credits_the_story():
    _doc, article = read(page("Ministers meet on the border", LEAD, SECOND, THIRD, "Source: Desk Radio"))
    assert article.agency == "Desk Radio"
    _doc, article = read(page("Ministers meet on the border", LEAD, SECOND, THIRD, "(Source: Reuters)"))
    assert article.agency == "Reuters"


def test_a_bare_wire_line_in_the_header_credits_the_story_but_a_photo_credit_does_not():
    _doc, article = read(page("Ministers meet on the border",
                              "The ministers arrive for the talks in the capital, on May 3, 2021. (AFP)",
                              "Reuters", LEAD, SECOND, THIRD))
    assert article.agency == "Reuters"
    _doc, article = read(page("Ministers meet on the border",
                              "The ministers arrive for the talks in the capital. Photo via AFP",
                              LEAD, SECOND, THIRD))
    assert article.agency is None


def test_a_wire_telling_the_story_at_its_end():
    _doc, article = read(page("Ministers meet on the border", LEAD, SECOND,
                              "The two sides last met in 2019 and have not agreed on a venue since, EFE also notes."))
    assert article.agency == "EFE"


def test_a_masthead_date_above_the_headline_gives_way_to_the_address():
    _doc, article = read(page("https://news.example.com/2020/05/06/ministers-meet", "Thursday, June 2, 2022",
                              "Ministers meet on the border", LEAD, SECOND, THIRD))
    assert article.published == "2020-05-06"


def test_a_date_on_a_source_line_with_the_outlet():
    _doc, article = read(page("Ministers meet on the border", "Source: The Daily Desk Sunday, March 19, 2023 | 01:47",
                              LEAD, SECOND, THIRD))
    assert article.published.startswith("2023-03-19")
    assert article.headline == "Ministers meet on the border"


@pytest.mark.parametrize("paragraph, city", [
    ("Kathmandu: The two governments agreed on Tuesday to expand trade across the border.", "Kathmandu"),
    ("Mombasa – The two governments agreed on Tuesday to expand trade across the border.", "Mombasa"),
    ("Analysis: The two governments agreed on Tuesday to expand trade across the border.", None),
    ("Kathmandu: talks", None),
])
def test_mixed_case_city_datelines_must_name_a_city(paragraph, city):
    found = find_dateline(paragraph)
    assert (found.city if found else None) == city


def test_caption_with_a_file_credit_and_a_caption_over_a_photo_credit_line():
    _doc, article = read(page("Ministers meet on the border", LEAD,
                              "Ministers pose for a photo before their meeting in Accra, March 6, 2023 [File: Desk]",
                              SECOND, "The ministers at the start of the talks in the capital on Tuesday.",
                              "(Photo: Desk)", THIRD))
    assert "pose for a photo" not in article.body and "start of the talks" not in article.body
    assert article.published is None


def test_a_dash_credit_after_the_last_sentence():
    _doc, article = read(page("Ministers meet on the border", LEAD, SECOND, THIRD + " - Bernama"))
    assert article.agency == "Bernama" and article.body.endswith("Bernama")


def test_a_headline_naming_a_date_stays_the_headline():
    _doc, article = read(page("https://news.example.com/2024/02/28/truce-ends",
                              "Truce to take effect on March 3, 2024 across the region", LEAD, SECOND, THIRD))
    assert article.headline == "Truce to take effect on March 3, 2024 across the region"
    assert article.published == "2024-02-28"


def test_a_record_address_under_another_name():
    record = {"headline": "Ministers meet on the border", "link": "https://news.example.com/a/b-2021-04-26/",
              "body": page(LEAD, SECOND, THIRD)}
    _doc, article = read(json.dumps(record) + "\n", "feed.jsonl")
    assert (article.url, article.published) == ("https://news.example.com/a/b-2021-04-26/", "2021-04-26")


@pytest.mark.parametrize("line", ["ByTomas Ferreira", "Tomas FerreiraBy Tomas Ferreira", "By Tomas Ferreira"])
def test_bylines_run_together_by_the_copy(line):
    _doc, article = read(page("Ministers meet on the border", line, LEAD, SECOND, THIRD))
    assert article.authors == ["Tomas Ferreira"]


def test_a_name_ending_in_a_month_is_not_a_date():
    assert dates_in("Omar 12, 2020") == dates_in("OMAR 12, 2020") == []
    assert dates_in("DESKMarch 12, 2020")[0][0] == date(2020, 3, 12)


def test_published_and_updated_on_one_line_with_widget_text():
    _doc, article = read(page("Ministers meet on the border",
                              "Published: 4th June 2021 11:05 AM  |   Last Updated: 5th June 2021 09:00 AM   |  A+A-",
                              LEAD, SECOND, THIRD))
    assert article.published.startswith("2021-06-04")


def test_dotted_numeric_dates_are_day_first_everywhere():
    assert dates_in("05.03.2024 | 14:02", day_first=False)[0][0] == date(2024, 3, 5)
    assert dates_in("05/03/2024 | 14:02", day_first=False)[0][0] == date(2024, 5, 3)


def test_a_line_under_a_caption_label_is_a_caption():
    _doc, article = read(page("Ministers meet on the border", "Image caption,",
                              "Crowds gathered at the crossing as the talks went on", LEAD, SECOND, THIRD))
    assert article.headline == "Ministers meet on the border" and "Crowds" not in article.body


def test_a_wire_and_city_line_credits_the_wire_but_a_photo_line_does_not():
    _doc, article = read(page("Ministers meet on the border", "WAM/Abu Dhabi", LEAD, SECOND, THIRD))
    assert article.agency == "WAM"
    _doc, article = read(page("Ministers meet on the border", "Photo / AFP", LEAD, SECOND, THIRD))
    assert article.agency is None


def test_a_page_type_label_is_not_an_author():
    _doc, article = read(page("Ministers meet on the border", "12 January 2024", "Press Release", LEAD, SECOND))
    assert article.authors == [] and article.published == "2024-01-12"


def test_html_site_name_comes_first_and_the_table_adds_the_rest():
    from parley.ids import content_id
    from parley.records import Document

    html = ("<!DOCTYPE html><html><head><title>Ministers meet</title>"
            "<meta property='og:site_name' content='The Morning Desk'></head><body><article><h1>Ministers meet</h1>"
            + "".join(f"<p>{p}</p>" for p in (LEAD, SECOND, THIRD)) + "</article></body></html>")
    doc = Document(content_id(html), "page.html", "html", html, url="https://www.thehindu.com/news/x/article1.ece")
    assert clean_document(doc, Options()).outlet == "The Morning Desk"
    plain = html.replace("<meta property='og:site_name' content='The Morning Desk'>", "")
    doc = Document(content_id(plain), "page.html", "html", plain, url="https://www.thehindu.com/news/x/article1.ece")
    assert clean_document(doc, Options()).outlet == "The Hindu"


def test_byline_with_a_place_only():
    _doc, article = read(page("Ministers meet on the border", "By Tomas Ferreira in Maputo", LEAD, SECOND, THIRD))
    assert article.authors == ["Tomas Ferreira"]


# --- a bare-name byline beside a dateline city on its own line ----------------------------------------


def test_a_capitalised_city_on_its_own_line_is_the_dateline_not_an_author():
    _, article = read(page("https://www.example-herald.in/news/world/border-talks/article1234.ece",
                           "Neighbours hold fresh round of border talks", "Meera Nair", "NEW DELHI",
                           "March 14, 2023 20:05 IST", LEAD, SECOND, THIRD))
    assert article.authors == ["Meera Nair"]
    assert article.dateline == "New Delhi"


def test_a_byline_naming_where_the_reporter_filed_from_keeps_only_the_name():
    _, article = read(page("https://www.example-courier.co.uk/world/2023/jun/14/ministers-meet",
                           "Ministers meet to settle the border dispute", "Tomas Berg in Brussels",
                           "Wed 14 Jun 2023 12.31 BST", LEAD, SECOND, THIRD))
    assert article.authors == ["Tomas Berg"]
    assert str(article.published).startswith("2023-06-14")
