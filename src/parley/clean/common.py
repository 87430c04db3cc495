"""What every kind of input shares once its body is known: dateline, wire credit, language, checks."""

from __future__ import annotations

from ..options import Options
from ..records import Article, Document
from .dateline import find_dateline, trailing_agency
from .lang import detect_language
from .metadata import outlet_from_hint
from .tables import Outlet, outlet_by_domain


def finish(doc: Document, options: Options, *, paragraphs: list[str], removed: list[str],
           headline: str | None, outlet: str | None, authors: list[str], agency: str | None,
           published: str | None, language: str | None = None) -> Article:
    """The Article, with the dateline and wire credit read from the body and the language checked."""
    warnings = list(doc.warnings)
    paragraphs = _join_bare_dateline(paragraphs)
    dateline = find_dateline(paragraphs[0]) if paragraphs else None
    if dateline:
        agency = dateline.agency or agency
    if not agency and paragraphs:
        agency = trailing_agency(paragraphs[-1])
    body = "\n\n".join(paragraphs)
    if len(body) > options.max_body_chars:
        body = body[: options.max_body_chars]
        warnings.append(f"body cut to {options.max_body_chars} characters")
    detected = detect_language(body)
    language = detected or language or "en"
    if language != "en":
        warnings.append(f"language looks like {language!r}, not English")
    return Article(
        id=doc.id,
        source=doc.source,
        url=doc.url,
        headline=headline,
        outlet=outlet,
        authors=list(authors),
        agency=agency,
        published=published,
        dateline=dateline.city if dateline else None,
        language=language,
        body=body,
        removed=removed,
        warnings=warnings,
    )


def _join_bare_dateline(paragraphs: list[str]) -> list[str]:
    # 'WASHINGTON --' copied on a line of its own belongs to the paragraph after it
    if len(paragraphs) >= 2 and len(paragraphs[0].split()) <= 8:
        joined = f"{paragraphs[0]} {paragraphs[1]}"
        found = find_dateline(joined)
        if found and found.end >= len(paragraphs[0]):
            return [joined, *paragraphs[2:]]
    return paragraphs


def zone_override(options: Options, outlet: str | None, entry: Outlet | None, url: str | None) -> str | None:
    """A zone the user set for this outlet (by name or domain) in Options.outlet_zones."""
    zones = {k.lower(): v for k, v in (options.outlet_zones or {}).items()}
    if not zones:
        return None
    keys = [outlet or ""]
    if entry:
        keys += [entry.name, *entry.domains]
    if url:
        keys.append(url.split("//")[-1].split("/")[0].removeprefix("www."))
    for key in keys:
        if key and key.lower() in zones:
            return zones[key.lower()]
    return None


def outlet_from_value(value: str):
    """An outlet hint (name, domain or URL) as (display name, table entry or None)."""
    name, entry = outlet_from_hint(value)
    if entry is None and value.startswith("http"):
        entry = outlet_by_domain(value)
        name = entry.name if entry else value.split("//")[-1].split("/")[0].removeprefix("www.")
    return name, entry


def credits(lines, authors: list[str], agency_before: int | None = None) -> tuple[list[str], str | None]:
    """Authors and the wire agency from byline lines, plus an agency credited on a line of its own
    outside the story (before line `agency_before` when given: a credit after the story is a caption's)."""
    authors = list(authors)
    agency = None
    for line in lines:
        byline = line.meta.get("byline")
        if byline:
            authors += [a for a in byline.authors if a not in authors]
            agency = agency or byline.agency
    for line in lines:
        if line.role != "body" and not line.meta.get("byline") and line.meta.get("agency"):
            if agency_before is None or line.index < agency_before:
                agency = agency or line.meta["agency"]
    return authors, agency

