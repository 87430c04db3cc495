"""The bundled sample corpus reads and cleans without errors."""

from __future__ import annotations

from parley.clean import clean_document
from parley.errors import ParleyError
from parley.ingest import read_inputs

from pathlib import Path

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"


def test_examples_clean(options):
    articles = {}
    for doc in read_inputs([str(EXAMPLES)], options):
        assert not isinstance(doc, ParleyError), doc.line()
        article = clean_document(doc, options)
        assert article.headline and article.outlet and article.body.count("\n\n") >= 2
        articles[doc.source.rsplit("/", 1)[-1]] = article
    assert len(articles) >= 10
    # the syndicated wire story carries the same body under two outlets' clutter
    a, b = articles["02_eu_sanctions_devdiscourse.txt"], articles["03_eu_sanctions_japantimes.txt"]
    assert a.body.split("\n\n")[1:] == b.body.split("\n\n")[1:]
    assert a.outlet != b.outlet and a.agency == b.agency == "Reuters"
