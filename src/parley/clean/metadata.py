"""Article metadata from header lines and hints: bylines, agencies, outlets, headline choice."""

from __future__ import annotations

import re
from dataclasses import dataclass

from .tables import Outlet, agency_named, clutter_vocab, outlet_by_domain, outlet_mention, outlet_names

_GLUED_NAME = re.compile(r"^(?P<name>[A-Z][\w'’.-]+(?:\s[A-Z][\w'’.-]+){0,3})\s*By\s+(?P=name)$")
_BYLINE = re.compile(r"^(?:written\s+|reported\s+|posted\s+|story\s+)?by\s*[:\-]?\s+(?P<names>.+)$", re.I)
_EMAIL = re.compile(r"\(?\s*[\w.+-]+@[\w-]+(?:\.[\w-]+)+\s*\)?")
_HANDLE = re.compile(r"\(?@\w+\)?")
_NAME_TOKEN = re.compile(r"^(?:[A-Z][\w'’.-]*|de|da|van|von|bin|al|el|la|le|der|di|du|y)$")
_SPLIT_NAMES = re.compile(r"\s*(?:,|;|&|\band\b|\|)\s*")


@dataclass(frozen=True)
class Byline:
    authors: tuple[str, ...]
    agency: str | None


def parse_byline(line: str) -> Byline | None:
    """'By Park Han-na (hnpark@heraldcorp.com)' -> authors; 'By Yonhap' -> agency. None if not a byline."""
    line = _GLUED_NAME.sub(r"By \g<name>", line.strip())  # 'Jane RoeBy Jane Roe': a name copied twice
    line = re.sub(r"^By(?=[A-Z][a-z])", "By ", line)  # 'ByJane Roe': the copy lost the space
    match = _BYLINE.match(line)
    if not match:
        return None
    names = _HANDLE.sub(" ", _EMAIL.sub(" ", match.group("names")))
    names = re.sub(r"\s+", " ", names).strip(" ,;|-")
    names = _strip_trailing_date(names)
    if not names or len(names.split()) > 12:
        return None
    authors: list[str] = []
    agency = None
    for position, part in enumerate(_SPLIT_NAMES.split(names)):
        part = part.strip(" .,")
        if position and _is_role_phrase(part):
            continue  # 'Tom Cary, Senior Sports Correspondent': the title of the name before it
        part, wire = _strip_agency_tail(_strip_role(part))
        agency = agency or wire
        if not part or _CREDENTIAL.match(part):
            continue
        outlet = outlet_names().get(part.lower())
        if outlet:
            continue  # 'By The Korea Herald' credits the outlet, not a person
        if is_name(part):
            part = normalise_name(part)
            if part not in authors:
                authors.append(part)
    if not authors and not agency:
        return None
    return Byline(tuple(authors), agency)


_CREDENTIAL = re.compile(r"^(?:[A-Z]{1,3}|Ph\.?D|M\.?D|Jr|Sr|By|Dr)\.?$")


def _is_role_phrase(part: str) -> bool:
    low = part.lower()
    return len(low.split()) <= 4 and any(low == r or low.endswith(" " + r) for r in clutter_vocab()["byline_roles"])


def _strip_agency_tail(part: str) -> tuple[str, str | None]:
    """'ERIC TUCKER Associated Press' -> ('ERIC TUCKER', 'AP'); a part that is only an agency -> ('', agency)."""
    words = part.split()
    for n in (1, 2, 3):
        if len(words) >= n:
            wire = agency_named(" ".join(words[-n:]))
            if wire:
                return " ".join(words[:-n]), wire
    return part, None


def _strip_role(part: str) -> str:
    low = part.lower()
    for role in clutter_vocab()["byline_roles"]:
        if low.endswith(" " + role) or low.endswith(", " + role):
            return part[: len(part) - len(role)].strip(" ,-")
        if low == role:
            return ""
    return part


def _strip_trailing_date(names: str) -> str:
    """'Jane Roe | May 3, 2023' -> 'Jane Roe'; 'Jane Roe in Accra February 27, 2023' -> 'Jane Roe'."""
    from .dates import has_date
    from .published import dates_in

    found = dates_in(names)
    if found:
        names = names[: found[0][1]].strip(" ,|·•-")
    names = re.sub(r"\s+(?:in|from)\s+[A-Z][\w'’.-]*(?:\s[A-Z][\w'’.-]*){0,2}$", "", names)  # '... in Accra'
    if has_date(names):
        names = re.split(r"\s*[|,·•]\s*(?=\S*\d|\w+\.?\s+\d)", names)[0]
    return names


def is_name(text: str) -> bool:
    tokens = text.split()
    return 1 <= len(tokens) <= 5 and all(_NAME_TOKEN.match(t) for t in tokens) and tokens[0][0].isupper()


def is_role(text: str) -> bool:
    """A job title line under a name: 'Regional Correspondent', 'Staff Reporter'."""
    low = text.lower().strip(" ,.")
    return len(low.split()) <= 4 and any(low == r or low.endswith(" " + r) for r in clutter_vocab()["byline_roles"])


def normalise_name(name: str) -> str:
    """'MARTA GILLESPIE' -> 'Marta Gillespie'; names already in mixed case are kept."""
    if not name.isupper():
        return name
    return " ".join("-".join(p[:1] + p[1:].lower() for p in w.split("-")) for w in name.split())


def outlet_from_hint(value: str | None) -> tuple[str | None, Outlet | None]:
    """A hint (site name, domain or URL) as (outlet name, table entry)."""
    if not value:
        return None, None
    entry = outlet_names().get(value.strip().lower()) or outlet_by_domain(value)
    if entry:
        return entry.name, entry
    return value.strip(), None


def outlet_line(line: str) -> Outlet | None:
    """The outlet a line is nothing but the name of ('The Korea Herald', 'Iran Press TV')."""
    return outlet_names().get(line.strip(" |-–—:").lower())


def outlets_mentioned(line: str) -> list[Outlet]:
    names = outlet_names()
    return [names[m.group(0).lower()] for m in outlet_mention().finditer(line) if m.group(0).lower() in names]


def site_name_like(line: str) -> bool:
    """A short capitalised line or bare domain: how a site's name looks when copied from the top."""
    words = line.split()
    if not 1 <= len(words) <= 4 or line[-1:] in ".!?:":
        return False
    if re.fullmatch(r"[\w-]+(?:\.[\w-]+)+", line):
        return True
    return all(w[:1].isupper() or w[:1].isdigit() for w in words)


def split_authors(value) -> list[str]:
    """Author hints ('A; B', ['A', 'B'], 'By A and B') as a clean list of names."""
    if not value:
        return []
    items = value if isinstance(value, list) else re.split(r"\s*;\s*", str(value))
    authors: list[str] = []
    for item in items:
        item = str(item).strip()
        byline = parse_byline(item if item.lower().startswith("by ") else "By " + item)
        for name in byline.authors if byline else ():
            if name not in authors:
                authors.append(name)
    return authors
