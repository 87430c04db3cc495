"""Articles from HTML pages: trafilatura for the body and metadata, htmldate (through it) for the date.

trafilatura runs with favor_precision: on the Zyte benchmark it scores higher than the defaults
(see bench/extraction.py). A full publication timestamp, when the page's metadata carries one, is
read from the usual meta tags, since htmldate returns a day only; htmldate runs without its extensive
search (a third of the time per page) because the meta tags already answer for most pages.
"""

from __future__ import annotations

import html as htmllib
import re

from ..errors import InputError
from ..options import Options
from ..records import Article, Document
from .clutter import repeated_phrase, ui_reason
from .common import finish, outlet_from_value, zone_override
from .dates import parse_published
from .metadata import split_authors

_META_TIME = re.compile(
    r"""<meta\s[^>]*?(?:property|name|itemprop)\s*=\s*["'](?:article:published_time|og:published_time|"""
    r"""datePublished|pubdate|publishdate|publish-date|sailthru\.date|parsely-pub-date|dc\.date\.issued)["']"""
    r"""[^>]*?content\s*=\s*["']([^"']{8,40})["']|"datePublished"\s*:\s*"([^"]{8,40})\"""",
    re.I,
)
_META_TIME_REVERSED = re.compile(
    r"""<meta\s[^>]*?content\s*=\s*["']([^"']{8,40})["'][^>]*?(?:property|name|itemprop)\s*=\s*["']"""
    r"""(?:article:published_time|datePublished|pubdate)["']""",
    re.I,
)
EXTRACTION = {"favor_precision": True, "include_comments": False, "include_tables": True}


def clean_html(doc: Document, options: Options) -> Article:
    import trafilatura

    result = trafilatura.bare_extraction(
        doc.content,
        url=doc.url,
        with_metadata=True,
        date_extraction_params={"extensive_search": False, "original_date": True},
        **EXTRACTION,
    )
    text = getattr(result, "text", None) if result is not None else None
    if not text or not text.strip():
        raise InputError("E009", path=doc.source)
    paragraphs, removed = body_paragraphs(text)
    if not paragraphs:
        raise InputError("E009", path=doc.source)
    url = doc.url or getattr(result, "url", None)
    outlet, entry = None, None
    for hint in (getattr(result, "sitename", None), url, getattr(result, "hostname", None)):
        if hint:
            name, found = outlet_from_value(hint)
            outlet = outlet or name
            if found:
                outlet, entry = found.name, found
                break
    headline = _clean_title(getattr(result, "title", None))
    if headline and paragraphs and paragraphs[0] == headline:
        removed.append(paragraphs.pop(0))
    if not paragraphs:
        raise InputError("E009", path=doc.source)
    zone = zone_override(options, outlet, entry, url) or (entry.zone if entry else None)
    day_first = entry.day_first if entry else False
    published = None
    stamp = meta_timestamp(doc.content)
    if stamp:
        published = parse_published(stamp, zone, day_first)
    if not published and getattr(result, "date", None):
        published = parse_published(result.date, zone, day_first)
    authors = split_authors(getattr(result, "author", None))
    return finish(
        doc,
        options,
        paragraphs=paragraphs,
        removed=removed,
        headline=headline,
        outlet=outlet,
        authors=authors,
        agency=None,
        published=published,
        language=getattr(result, "language", None),
    )


def body_paragraphs(text: str) -> tuple[list[str], list[str]]:
    """trafilatura's lines as paragraphs, less interface lines it let through."""
    kept, removed = [], []
    for raw in text.splitlines():
        line = " ".join(raw.split())
        if not line:
            continue
        if len(line.split()) <= 12 and (ui_reason(line) or repeated_phrase(line)):
            removed.append(line)
        else:
            kept.append(line)
    return kept, removed


def meta_timestamp(page: str) -> str | None:
    """The first publication timestamp in the page's meta tags or JSON-LD, as written."""
    head = page[:200_000]
    match = _META_TIME.search(head) or _META_TIME_REVERSED.search(head)
    if not match:
        return None
    value = next(g for g in match.groups() if g)
    return htmllib.unescape(value).strip()


def _clean_title(title: str | None) -> str | None:
    if not title:
        return None
    return " ".join(title.split())
