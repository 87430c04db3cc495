from __future__ import annotations

from parley.clean import clean_document
from parley.errors import InputError
from parley.ids import content_id
from parley.records import Document

PARAS = [
    "GENEVA (AFP) — The foreign ministers of both countries met in Geneva on Monday and agreed to resume talks on "
    "the disputed border next month, officials said.",
    "\u201cWe have a long road ahead, but today we took the first step,\u201d the Swiss mediator told reporters after "
    "the four-hour session ended on Monday evening.",
    "Neither side gave details of the agenda, and the mediator declined to say where the next round would be "
    "held or who would attend it.",
]
PAGE = f"""<!DOCTYPE html><html><head><title>Border talks to resume | Example Times</title>
<meta property="og:site_name" content="Example Times">
<meta property="article:published_time" content="2024-03-04T18:30:00+01:00">
<meta name="author" content="Jane Roe"></head><body>
<nav><a href="/">Home</a> <a href="/world">World</a> <a href="/subscribe">Subscribe</a></nav>
<article><h1>Border talks to resume</h1>
{''.join(f'<p>{p}</p>' for p in PARAS)}
</article><footer>© 2024 Example Times. All rights reserved. <a href="/privacy">Privacy policy</a></footer>
</body></html>"""


def test_html_page(options):
    article = clean_document(Document(content_id(PAGE), "page.html", "html", PAGE), options)
    assert article.body.split("\n\n") == PARAS
    assert article.published == "2024-03-04T18:30:00+01:00"
    assert article.outlet == "Example Times" and article.authors == ["Jane Roe"]
    assert (article.dateline, article.agency) == ("Geneva", "AFP")
    assert article.headline == "Border talks to resume"  # '<title>... | Example Times' without the site


def test_html_without_article_is_e009(options):
    page = "<html><body><nav><a href='/'>Home</a></nav></body></html>"
    try:
        clean_document(Document("x", "empty.html", "html", page), options)
    except InputError as exc:
        assert exc.code == "E009"
    else:
        raise AssertionError("expected E009")
