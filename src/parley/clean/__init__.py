"""Clean: body text without clutter, and the article's metadata.

Copied text goes through our own line rules (clean/text.py), HTML through trafilatura and htmldate
(clean/html.py), structured records keep their fields; all three share the dateline, wire-credit
and language rules (clean/common.py).
"""

from __future__ import annotations

from ..options import Options
from ..records import Article, Document

__all__ = ["clean_document"]


def clean_document(doc: Document, options: Options) -> Article:
    """The Article in a Document; InputError E009 when no article text remains."""
    if doc.kind == "html":
        from .html import clean_html

        return clean_html(doc, options)
    if doc.kind == "record":
        from .record import clean_record

        return clean_record(doc, options)
    from .text import clean_text

    return clean_text(doc, options)
