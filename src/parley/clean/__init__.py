"""Clean: body text without clutter, and the article's metadata."""

from __future__ import annotations

from ..options import Options
from ..records import Article, Document


def clean_document(doc: Document, options: Options) -> Article:
    return Article(id=doc.id, source=doc.source, url=doc.url, body=doc.content, language="en")
