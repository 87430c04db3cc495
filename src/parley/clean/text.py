"""Articles from text copied out of a browser: clutter out, metadata from the header lines."""

from __future__ import annotations

from ..errors import InputError
from ..options import Options
from ..records import Article, Document
from .clutter import Line, segment, split_lines
from .common import credits, finish, outlet_from_value, place_line, zone_override
from .headline import slug_span
from .published import best_published, ingest_day, page_clues
from .metadata import outlets_mentioned, site_name_like


def clean_text(doc: Document, options: Options, known_clutter: frozenset[str] = frozenset()) -> Article:
    """known_clutter: lines this outlet repeats on its pages (clean/boilerplate.py), dropped as clutter."""
    lines = split_lines(doc.content)
    headline = segment(lines, doc.hints.get("title"), known_clutter, doc.url)
    body_lines = [l for l in lines if l.role == "body"]
    if not body_lines:
        raise InputError("E009", path=doc.source)
    outlet, entry = _outlet(lines, doc, options)
    zone, day_first = (entry.zone, entry.day_first) if entry else (None, False)
    zone = zone_override(options, outlet, entry, doc.url) or zone
    authors, agency = credits(lines, [], agency_before=body_lines[0].index)
    published = options.date or best_published(page_clues(lines, doc.url, day_first), ingest_day(), zone, day_first)
    return finish(
        doc,
        options,
        paragraphs=[l.text for l in body_lines],
        removed=[l.text for l in lines if l.role in ("clutter", "meta", "headline")],
        headline=headline.text if headline else doc.hints.get("title") or slug_span(lines, doc.url),
        outlet=outlet,
        authors=authors,
        agency=agency,
        published=published,
        place=_place(lines, body_lines[0].index),
    )


def _place(lines: list[Line], body_start: int) -> str | None:
    """A 'City, Country' line in the header, the page's way of printing a dateline."""
    for line in lines[:body_start]:
        if line.role != "headline":
            city = place_line(line.text)
            if city:
                return city
    return None


def _outlet(lines: list[Line], doc: Document, options: Options):
    """The outlet: a hint, the page address's entry in the domain table, then a name line at the top,
    a name in removed lines, the first line, and last the address's bare domain."""
    if doc.hints.get("outlet"):
        name, entry = outlet_from_value(doc.hints["outlet"])
        if name:
            return name, entry
    if doc.url:
        name, entry = outlet_from_value(doc.url)
        if entry:
            return name, entry
    name, entry = _outlet_in_text(lines)
    if entry or not doc.url:
        return name, entry
    return outlet_from_value(doc.url)  # a bare domain says more than a guess at the first line


def _outlet_in_text(lines: list[Line]):
    body_start = next((l.index for l in lines if l.role == "body"), len(lines))
    named = [l.meta["outlet"] for l in lines if l.meta.get("outlet")]
    mentioned = []
    for line in lines:
        if line.role in ("clutter", "meta") and (line.index < body_start or line.role == "clutter"):
            mentioned += outlets_mentioned(line.text)
    for pool in (named, mentioned):
        for entry in pool:
            if not entry.agency:
                return entry.name, entry
    for pool in (named, mentioned):
        if pool:
            return pool[0].name, pool[0]
    first = lines[0] if lines else None
    if first and first.role == "clutter" and first.why == "before the story" and site_name_like(first.text):
        first.why = "site name"
        return first.text, None
    return None, None
