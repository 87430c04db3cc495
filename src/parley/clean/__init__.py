"""Clean: body text without clutter, and the article's metadata.

Copied text goes through our own line rules (clean/text.py); HTML through trafilatura for the body
and the page's meta tags and JSON-LD for metadata (clean/html.py, clean/htmlmeta.py); structured
records keep their fields. All three share the dateline, wire-credit and language rules
(clean/common.py). Lines an outlet repeats on all its pages are found across
documents by outlet_boilerplate (clean/boilerplate.py). Copied pages and records also get their
publication date from everywhere a page prints one (clean/published.py), their headline by how
headlines look and sit (clean/headline.py), and their outlet from the bundled table of news domains
(clean/domains.py).
"""

from __future__ import annotations

from ..options import Options
from ..records import Article, Document

__all__ = ["clean_document", "outlet_boilerplate"]


def clean_document(doc: Document, options: Options, known_clutter: frozenset[str] = frozenset()) -> Article:
    """The Article in a Document; InputError E009 when no article text remains.

    known_clutter: lines the document's outlet repeats on its pages, from outlet_boilerplate() over
    other documents of that outlet; used for copied text and records (HTML has trafilatura).
    """
    known_clutter = known_clutter or doc.hints.get("boilerplate") or frozenset()
    if doc.kind == "html":
        from .html import clean_html

        return clean_html(doc, options)
    if doc.kind == "record":
        from .record import clean_record

        return clean_record(doc, options, known_clutter)
    from .text import clean_text

    return clean_text(doc, options, known_clutter)


def outlet_boilerplate(documents, *, min_documents: int = 3, min_share: float = 0.5) -> frozenset[str]:
    """Lines repeated across one outlet's documents (texts or lists of lines); see clean/boilerplate.py."""
    from .boilerplate import outlet_boilerplate as _boilerplate

    return _boilerplate(documents, min_documents=min_documents, min_share=min_share)
