"""Articles from structured records (JSONL): the text is already extracted, metadata is in hints.

The text still goes through the line rules: crawlers often keep bylines, captions and interface lines.
"""

from __future__ import annotations

from ..errors import InputError
from ..options import Options
from ..records import Article, Document
from .clutter import split_lines, segment
from .common import credits, finish, outlet_from_value, zone_override
from .dates import parse_published
from .published import best_published, ingest_day, page_clues
from .metadata import split_authors


def clean_record(doc: Document, options: Options, known_clutter: frozenset[str] = frozenset()) -> Article:
    hints = doc.hints
    lines = split_lines(doc.content)
    segment(lines, hints.get("title"), known_clutter, doc.url)
    paragraphs = [l.text for l in lines if l.role == "body"]
    if not paragraphs:
        raise InputError("E009", path=doc.source)
    outlet, entry = outlet_from_value(hints.get("outlet") or doc.url or "") if (hints.get("outlet") or doc.url) else (None, None)
    zone = zone_override(options, outlet, entry, doc.url) or (entry.zone if entry else None)
    day_first = entry.day_first if entry else False
    if hints.get("published"):
        published = parse_published(str(hints["published"]), zone, day_first)
    else:  # no date field: the record's text and address, read as a copied page's
        published = options.date or best_published(page_clues(lines, doc.url, day_first), ingest_day(), zone,
                                                    day_first)
    authors, agency = credits(lines, split_authors(hints.get("authors")))
    return finish(
        doc,
        options,
        paragraphs=paragraphs,
        removed=[l.text for l in lines if l.role in ("clutter", "meta", "headline")],
        headline=hints.get("title") or next((l.text for l in lines if l.role == "headline"), None),
        outlet=outlet,
        authors=authors,
        agency=agency,
        published=published,
        language=hints.get("language"),
    )
