"""What every kind of input shares once its body is known: dateline, wire credit, language, checks."""

from __future__ import annotations

from functools import cache

from ..options import Options
from ..records import Article, Document
from .dateline import find_dateline, reporting_wire, trailing_agency
from .lang import detect_language
from .metadata import outlet_from_hint
from .tables import Outlet, outlet_by_domain


def finish(doc: Document, options: Options, *, paragraphs: list[str], removed: list[str],
           headline: str | None, outlet: str | None, authors: list[str], agency: str | None,
           published: str | None, language: str | None = None, place: str | None = None) -> Article:
    """The Article, with the dateline and wire credit read from the body and the language checked.

    place: a dateline city the page printed on a line of its own in the header ('Goa, India')."""
    warnings = list(doc.warnings)
    paragraphs = _join_bare_dateline(paragraphs)
    dateline = opening_dateline(paragraphs)
    if dateline:
        agency = dateline.agency or agency
    if not agency and paragraphs:
        agency = trailing_agency(paragraphs[-1]) or reporting_wire(paragraphs[-1])
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
        dateline=dateline.city if dateline else place,
        language=language,
        body=body,
        removed=removed,
        warnings=warnings,
    )


def opening_dateline(paragraphs: list[str]):
    """The dateline of the story's first paragraph, or of the second when the first is a standfirst
    (a summary sentence above the story)."""
    for paragraph in paragraphs[:2]:
        found = find_dateline(paragraph)
        if found:
            return found
    return None


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


def source_trailer(lines) -> str | None:
    """'Source: X' or '(Fuente: X)' on a line of its own after the story: the text's only credit.
    A known wire gets its usual name; another short source is kept as written."""
    import re

    from .tables import agency_named, clutter_vocab

    body = [l.index for l in lines if l.role == "body"]
    labels = "|".join(re.escape(l) for l in clutter_vocab()["source_labels"])
    for line in lines[body[-1] + 1:] if body else ():
        match = re.fullmatch(rf"[(\[]?\s*(?:{labels})\s*:\s*(?P<name>[^:()\[\]/]{{2,40}}?)\s*[)\]]?\.?", line.text, re.I)
        if match and not re.search(r"https?:|www\.|photo|image|picture", match.group("name"), re.I):
            name = match.group("name").strip()
            if len(name.split()) <= 3 and name[:1].isupper():
                return agency_named(name) or name
    return None


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
    return authors, agency or source_trailer(lines)



def place_line(text: str) -> str | None:
    """'Goa, India' printed on a line of its own in the header: the dateline's city ('Goa'). A city
    alone in capitals ('NEW DELHI') is the same dateline in the layout many pages use; in mixed case
    a lone word is too often a section label to take."""
    import re

    from .tables import city_names

    bare = text.strip()
    if bare.isupper() and 1 <= len(bare.split()) <= 3 and bare.lower() in city_names():
        return bare.title()
    match = re.fullmatch(r"(?P<city>[A-Z][\w'’.-]+(?:\s[A-Z][\w'’.-]+){0,2}),\s*(?P<country>[A-Z][\w .'’-]{1,40})",
                         text.strip())
    if match and match.group("country").strip().lower() in _country_names():
        return match.group("city")
    return None


@cache
def _country_names() -> frozenset[str]:
    import pycountry

    names = set()
    for country in pycountry.countries:
        for attr in ("name", "common_name", "official_name"):
            value = getattr(country, attr, None)
            if value:
                names.add(value.lower())
    return frozenset(names | {"us", "usa", "uk", "u.s.", "u.k.", "russia", "iran", "syria", "south korea",
                              "north korea", "vietnam", "taiwan", "laos", "bolivia", "venezuela", "tanzania",
                              "moldova", "palestine", "kosovo", "turkey", "czech republic", "ivory coast"})
