"""Clutter an outlet repeats on every page: lines found in many of its documents.

One page rarely shows that "Download our app" or a desk's name is chrome; a dozen pages of the same
outlet do. The caller groups documents by outlet, asks for the lines they share, and passes that set
to clean_document(..., known_clutter=...), which drops those lines unless they carry metadata (a
site-name line still names the outlet).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

from .clutter import split_lines

MAX_WORDS = 25  # longer repeated lines are a story filed twice more often than page chrome


def boilerplate_key(text: str) -> str:
    """How a line is compared across documents: whitespace and case do not count."""
    return " ".join(text.replace("\u00a0", " ").split()).casefold()


def outlet_boilerplate(documents: Iterable[str | Iterable[str]], *, min_documents: int = 3,
                       min_share: float = 0.5, max_words: int = MAX_WORDS) -> frozenset[str]:
    """Keys (boilerplate_key) of lines in at least min_documents and min_share of one outlet's documents.

    Each document is its text or its lines. Lines repeated inside one document count once, and
    documents with identical line sets (the same page fetched twice) count once, so a story stored
    twice is not taken for chrome.
    """
    seen_pages: set[frozenset[str]] = set()
    counts: Counter[str] = Counter()
    for document in documents:
        lines = [line.text for line in split_lines(document)] if isinstance(document, str) else list(document)
        page = frozenset(boilerplate_key(t) for t in lines if t.strip())
        if not page or page in seen_pages:
            continue
        seen_pages.add(page)
        counts.update(key for key in page if len(key.split()) <= max_words)
    needed = max(min_documents, min_share * len(seen_pages))
    return frozenset(key for key, count in counts.items() if count >= needed)
