"""Articles from HTML pages: trafilatura for the body, the page's own meta tags and JSON-LD for metadata.

Each page is parsed once (trafilatura's load_html: encoding detection, repairs) and the tree serves
both. trafilatura runs with favor_precision, which scores higher than its defaults on the Zyte
benchmark (bench/extraction.py), and with its metadata pass off: that pass cost a third of the time
per page, mostly in an author search over the whole tree and in htmldate. Title, site name, author
and date come from clean/htmlmeta.py instead; htmldate runs only for pages that state no date there,
without its extensive search.
"""

from __future__ import annotations

from ..errors import InputError
from ..options import Options
from ..records import Article, Document
from .clutter import repeated_phrase, ui_reason
from .common import finish, outlet_from_value, zone_override
from .dates import parse_published
from .htmlmeta import PageMeta, page_metadata

EXTRACTION = {"favor_precision": True, "include_comments": False, "include_tables": True}


def clean_html(doc: Document, options: Options) -> Article:
    import trafilatura

    tree = trafilatura.load_html(doc.content)
    if tree is None:
        raise InputError("E009", path=doc.source)
    # trafilatura works on its own copy of a tree it is given, so ours stays whole for the metadata
    result = trafilatura.bare_extraction(tree, url=doc.url, with_metadata=False, **EXTRACTION)
    text = getattr(result, "text", None) if result is not None else None
    if not text or not text.strip():
        raise InputError("E009", path=doc.source)
    paragraphs, removed = body_paragraphs(text)
    meta = page_metadata(tree)
    url = doc.url or meta.url
    outlet, entry = _outlet(meta, url)
    headline = meta.title
    if headline and paragraphs and paragraphs[0] == headline:
        removed.append(paragraphs.pop(0))
    if not paragraphs:
        raise InputError("E009", path=doc.source)
    zone = zone_override(options, outlet, entry, url) or (entry.zone if entry else None)
    day_first = entry.day_first if entry else False
    published = next(filter(None, (parse_published(d, zone, day_first) for d in meta.dates)), None)
    if not published:
        day = _htmldate(tree, url)
        published = parse_published(day, zone, day_first) if day else None
    published = options.date or published
    return finish(
        doc,
        options,
        paragraphs=paragraphs,
        removed=removed,
        headline=headline,
        outlet=outlet,
        authors=meta.authors,
        agency=None,
        published=published,
        language=meta.language,
    )


def _outlet(meta: PageMeta, url: str | None):
    """The page's own site name first (its usual name by the outlet table when listed there), with
    the address's table entry for its zone and day order; else the address's entry or bare host."""
    outlet, entry = None, None
    hostname = url.split("//")[-1].split("/")[0].removeprefix("www.") if url else None
    for hint in (meta.site_name, url, hostname):
        if hint:
            name, found = outlet_from_value(hint)
            if found and outlet and hint != meta.site_name:
                return outlet, found  # the page names itself; the table adds zone and day order
            outlet = outlet or name
            if found:
                return found.name, found
    return outlet, entry


def _htmldate(tree, url: str | None) -> str | None:
    from htmldate import find_date

    try:
        return find_date(tree, url=url, extensive_search=False, original_date=True)
    except (ValueError, TypeError):
        return None


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

