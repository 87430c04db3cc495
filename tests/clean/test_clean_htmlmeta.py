"""HTML metadata read from the page itself (meta tags, JSON-LD, <title>), without trafilatura's pass."""

from __future__ import annotations

import json

import trafilatura

from parley.clean import clean_document
from parley.clean.htmlmeta import page_metadata, strip_site_suffix
from parley.ids import content_id
from parley.records import Document

STORY = "".join(
    f"<p>{p}</p>" for p in (
        "LUSAKA — Delegates from the two river-basin states spent a second day on Wednesday arguing over how "
        "much water each may draw from the shared reservoir during the dry season, officials said.",
        "The chair of the basin commission said a draft text would be circulated to both capitals before the "
        "next round, which is expected to take place in Harare at the end of the month.",
        "Neither delegation commented on the record, but one official said the gap on dry-season quotas had "
        "narrowed since the talks opened in the spring and that engineers would meet again next week.",
    )
)


def page(head: str, body: str = "") -> str:
    return f"<!DOCTYPE html><html lang='en-GB'><head>{head}</head><body><article>{body}{STORY}</article></body></html>"


def meta_of(html: str):
    return page_metadata(trafilatura.load_html(html))


def test_open_graph_and_article_tags():
    meta = meta_of(page(
        "<title>Basin talks stall | Zambezi Ledger</title>"
        "<meta property='og:title' content='Basin talks stall over dry-season quotas'>"
        "<meta property='og:site_name' content='Zambezi Ledger'>"
        "<meta name='author' content='Zambezi Ledger'>"
        "<meta property='article:author' content='Chipo Banda'>"
        "<meta property='article:published_time' content='2024-05-08T09:15:00+02:00'>"
        "<link rel='canonical' href='https://ledger.example/basin-talks'>"))
    assert meta.title == "Basin talks stall over dry-season quotas"
    assert meta.site_name == "Zambezi Ledger"
    assert meta.authors == ["Chipo Banda"]  # `author` holding the publisher's name is passed over
    assert meta.dates[0] == "2024-05-08T09:15:00+02:00"
    assert meta.url == "https://ledger.example/basin-talks"
    assert meta.language == "en"


def test_json_ld_graph_with_author_reference():
    ld = {"@context": "https://schema.org", "@graph": [
        {"@type": "Organization", "@id": "#org", "name": "Zambezi Ledger"},
        {"@type": ["Person"], "@id": "#p1", "name": "Tendai Moyo"},
        {"@type": "NewsArticle", "headline": "Basin talks stall", "datePublished": "2024-05-08T07:15:00Z",
         "author": {"@id": "#p1"}, "publisher": {"@id": "#org", "name": "Zambezi Ledger"}},
    ]}
    meta = meta_of(page(f"<script type='application/ld+json'>{json.dumps(ld)}</script>"))
    assert meta.title == "Basin talks stall"
    assert meta.authors == ["Tendai Moyo"]
    assert meta.dates == ["2024-05-08T07:15:00Z"]
    assert meta.site_name == "Zambezi Ledger"


def test_broken_json_ld_and_organisation_author_are_ignored():
    head = ("<script type='application/ld+json'>{not json</script>"
            "<script type='application/ld+json'>{\"@type\": \"Article\", \"author\": "
            "{\"@type\": \"Organization\", \"name\": \"Ledger Staff\"}}</script>")
    meta = meta_of(page(head, "<h1>Basin talks stall</h1>"))
    assert meta.authors == [] and meta.title == "Basin talks stall"


def test_visible_byline_when_head_names_nobody():
    meta = meta_of(page("<title>Basin talks stall</title>",
                        "<div class='article-byline'>By <a rel='author'>Chipo Banda</a></div>"))
    assert meta.authors == ["Chipo Banda"]


def test_site_suffix_and_prefix_are_stripped():
    assert strip_site_suffix("Basin talks stall | Zambezi Ledger", "Zambezi Ledger") == "Basin talks stall"
    assert strip_site_suffix("Zambezi Ledger - Basin talks stall", "Zambezi Ledger") == "Basin talks stall"
    assert strip_site_suffix("Basin talks stall over quotas - LedgerNews", None) == "Basin talks stall over quotas"
    # a separator inside the headline itself stays
    assert strip_site_suffix("Talks stall: delegates blame each other", None) == "Talks stall: delegates blame each other"


def test_page_without_stated_date_falls_back_to_htmldate(options):
    html = page("<title>Basin talks stall</title>", "<p class='date'>Posted 2024-05-08</p>")
    article = clean_document(Document(content_id(html), "p.html", "html", html), options)
    assert article.published == "2024-05-08"
    assert article.headline == "Basin talks stall"


def test_empty_cms_date_is_not_a_date(options):
    html = page("<meta property='article:published_time' content='0001-01-01T00:00:00Z'>"
                "<meta name='pubdate' content='2024-05-08T09:15:00+02:00'>")
    article = clean_document(Document(content_id(html), "p.html", "html", html), options)
    assert article.published == "2024-05-08T09:15:00+02:00"
    assert (article.dateline, article.authors) == ("Lusaka", [])
