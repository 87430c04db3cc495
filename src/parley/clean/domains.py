"""Outlets by web address: the bundled table of news domains over the registered domain.

The registered domain comes from tldextract's bundled public-suffix list (no download at run time),
so 'world.example.co.kr' and 'example.co.kr' are told apart from 'co.kr'. A host or a section path
of a shared government portal ('gob.mx/sre') can have its own row; the longest match wins.
"""

from __future__ import annotations

import csv
from functools import cache
from importlib import resources
from urllib.parse import urlsplit

from .tables import Outlet, date_order


@cache
def _extractor():
    import tldextract

    return tldextract.TLDExtract(suffix_list_urls=(), cache_dir=None)


@cache
def news_domains() -> dict[str, Outlet]:
    """Lower-cased domain (or domain/path) -> outlet, from data/news_domains.tsv."""
    text = resources.files(__package__).joinpath("data", "news_domains.tsv").read_text(encoding="utf-8")
    rows = csv.DictReader((l for l in text.splitlines() if not l.startswith("#")), delimiter="\t")
    month_first = date_order()["month_first"]
    table = {}
    for row in rows:
        table[row["domain"].lower()] = Outlet(
            row["name"], domains=(row["domain"].lower(),), day_first=row["country"] not in month_first,
            agency=row["kind"] == "wire", country=row["country"], language=row["language"], kind=row["kind"])
    return table


def split_address(address: str) -> tuple[str, list[str]]:
    """('world.example.com', ['news', '2020']): host without 'www.' and the path's segments."""
    if "//" not in address:
        address = "//" + address
    parts = urlsplit(address.strip())
    host = (parts.hostname or "").lower().removeprefix("www.")
    return host, [p for p in parts.path.split("/") if p]


def registered_domain(host: str) -> str:
    """'news.example.co.uk' -> 'example.co.uk' by the public-suffix list; the host itself if unknown."""
    found = _extractor()(host)
    return found.top_domain_under_public_suffix if hasattr(found, "top_domain_under_public_suffix") \
        else found.registered_domain or host


def outlet_at(address: str | None) -> Outlet | None:
    """The table's outlet for a URL, host or domain: host/path sections first, then the host and
    its parents down to the registered domain."""
    if not address:
        return None
    host, segments = split_address(address)
    if not host:
        return None
    table = news_domains()
    for depth in (2, 1):
        if len(segments) >= depth:
            entry = table.get(host + "/" + "/".join(segments[:depth]).lower())
            if entry:
                return entry
    base = registered_domain(host) or host
    labels = host.split(".")
    for start in range(len(labels)):
        candidate = ".".join(labels[start:])
        entry = table.get(candidate)
        if entry:
            return entry
        if candidate == base:
            break
    return None
