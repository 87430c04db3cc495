"""Page metadata read straight from a parsed HTML tree: meta tags, JSON-LD, <title>, <h1>, <html lang>.

trafilatura's own metadata pass costs more than its body extraction's margin over our speed target
(its author search walks the whole tree with dozens of XPaths, htmldate runs every time); the pages
we care about state their metadata in a few well-known places, which one walk over <meta> and a
json.loads of each JSON-LD block read in well under a millisecond. htmldate is the fallback only
for a page that states no date there (see clean/html.py).
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field

from lxml.etree import XPath

from .metadata import split_authors

# Keys are lower-cased `property`, `name` or `itemprop` values; earlier names win.
TITLE_KEYS = ("og:title", "twitter:title", "headline", "title", "dc.title", "sailthru.title", "parsely-title")
SITE_KEYS = ("og:site_name", "application-name", "publisher", "dc.publisher", "twitter:site")
# article:author before author: sites fill `author` with their publisher ('Condé Nast')
AUTHOR_KEYS = ("article:author", "parsely-author", "sailthru.author", "author", "dc.creator", "byl", "byline",
               "citation_author")
DATE_KEYS = ("article:published_time", "og:published_time", "datepublished", "published_time", "pubdate",
             "publishdate", "publish-date", "publish_date", "sailthru.date", "parsely-pub-date",
             "dc.date.issued", "dcterms.created", "dc.date.created", "citation_publication_date", "date",
             "dc.date", "article.published", "original-publish-date", "displaydate")
ARTICLE_TYPES = re.compile(r"(?:Article|BlogPosting|Report|NewsArticle|LiveBlogPosting)$")
_TITLE_SEPARATOR = re.compile(r"\s+[|–—:»·-]\s+")
_DATE_ITEMPROP = XPath(".//*[@itemprop='datePublished']")
_URL_LIKE = re.compile(r"^(?:https?:)?//|^www\.|\.(?:com|org|net)\b", re.I)


@dataclass
class PageMeta:
    title: str | None = None
    site_name: str | None = None
    authors: list[str] = field(default_factory=list)
    dates: list[str] = field(default_factory=list)  # stated publication times, most trusted first
    url: str | None = None
    language: str | None = None


def page_metadata(tree) -> PageMeta:
    """What the page says about itself; fields it does not state stay None (lists empty)."""
    meta = _meta_tags(tree)
    ld, ld_index = _json_ld(tree)
    site = _first(meta, SITE_KEYS) or _name_of(ld.get("publisher"))
    if site:
        site = site.lstrip("@").strip() or None
    title = (_first(meta, TITLE_KEYS[:2]) or _text(ld.get("headline")) or _first(meta, TITLE_KEYS[2:])
             or _single_h1(tree) or _title_element(tree))
    publishers = {_squash(n) for n in (site, _name_of(ld.get("publisher"))) if n}
    authors: list[str] = []
    for found in (_meta_author(meta), _ld_authors(ld.get("author"), ld_index), _byline_elements(tree)):
        authors = [a for a in split_authors(found) if _squash(a) not in publishers]
        if authors:
            break
    dates = [d for d in (_text(ld.get("datePublished")), *(meta.get(k) for k in DATE_KEYS)) if d]
    url = _canonical(tree) or meta.get("og:url")
    lang = tree.get("lang") or tree.get("xml:lang") or meta.get("og:locale") or meta.get("language")
    return PageMeta(
        title=strip_site_suffix(" ".join(title.split()), site) if title else None,
        site_name=site,
        authors=authors,
        dates=list(dict.fromkeys(dates)),
        url=url,
        language=lang.replace("_", "-").split("-")[0].lower() if lang else None,
    )


def strip_site_suffix(title: str, site: str | None) -> str:
    """'Border talks resume | Example Times' -> 'Border talks resume' (also a prefixed site name)."""
    separators = list(_TITLE_SEPARATOR.finditer(title))
    if not separators:
        return title
    head, tail = title[: separators[0].start()], title[separators[-1].end():]
    site_key = _squash(site) if site else None
    if site_key:
        if _squash(tail) == site_key or (site_key in _squash(tail) and len(tail.split()) <= 3):
            return title[: separators[-1].start()]
        if _squash(head) == site_key:
            return title[separators[0].end():]
    if len(tail.split()) <= 3 and _site_shaped(tail) and len(head.split()) >= 4:
        return title[: separators[-1].start()]
    return title


def _site_shaped(text: str) -> bool:
    words = text.split()
    return bool(_URL_LIKE.search(text)) or all(w[:1].isupper() or w[:1].isdigit() for w in words)


def _squash(text: str) -> str:
    return re.sub(r"[^\w]", "", text.lower().removeprefix("www.").removeprefix("the "))


def _meta_tags(tree) -> dict[str, str]:
    found: dict[str, str] = {}
    for element in tree.iter("meta"):
        content = element.get("content")
        if not content or not content.strip():
            continue
        for attribute in ("property", "name", "itemprop"):
            key = element.get(attribute)
            if key:
                found.setdefault(key.strip().lower(), " ".join(content.split()))
    for element in _DATE_ITEMPROP(tree):
        value = element.get("datetime") or element.get("content")
        if value:
            found.setdefault("datepublished", value.strip())
            break
    return found


def _first(meta: dict[str, str], keys: tuple[str, ...]) -> str | None:
    return next((meta[k] for k in keys if meta.get(k)), None)


def _json_ld(tree) -> tuple[dict, dict[str, dict]]:
    """The JSON-LD object describing the article (first of an article type, else the first with a
    headline), and every object with an @id, to resolve references such as {"@id": ".../person/1"}."""
    chosen: dict = {}
    fallback: dict = {}
    index: dict[str, dict] = {}
    for script in tree.iterfind(".//script[@type='application/ld+json']"):
        try:
            data = json.loads(script.text or "")
        except ValueError:
            continue
        for item in _ld_objects(data):
            if isinstance(item.get("@id"), str):
                index.setdefault(item["@id"], item)
            kind = item.get("@type")
            kinds = kind if isinstance(kind, list) else [kind]
            if not chosen and any(isinstance(k, str) and ARTICLE_TYPES.search(k) for k in kinds):
                chosen = item
            if not fallback and ("headline" in item or "datePublished" in item):
                fallback = item
    return chosen or fallback, index


def _ld_objects(data, depth: int = 0):
    if depth > 3:
        return
    if isinstance(data, list):
        for item in data:
            yield from _ld_objects(item, depth + 1)
    elif isinstance(data, dict):
        yield data
        if "@graph" in data:
            yield from _ld_objects(data["@graph"], depth + 1)
        if isinstance(data.get("mainEntity"), dict):
            yield from _ld_objects(data["mainEntity"], depth + 1)


def _text(value) -> str | None:
    if isinstance(value, list):
        value = value[0] if value else None
    if isinstance(value, str) and value.strip():
        return " ".join(value.split())
    return None


def _name_of(value) -> str | None:
    if isinstance(value, list):
        value = value[0] if value else None
    if isinstance(value, dict):
        return _text(value.get("name"))
    return _text(value)


def _ld_authors(value, index: dict[str, dict]) -> list[str]:
    """Person names in a JSON-LD author field (a string, an object, a reference, or a list of these)."""
    from ..ingest.limits import MAX_AUTHORS

    items = value if isinstance(value, list) else [value]
    names = []
    for item in items:
        if len(names) >= MAX_AUTHORS:  # linear and capped: a list of 20,000 "authors" is not a credit
            break
        if isinstance(item, dict) and set(item) <= {"@id", "@type"} and item.get("@id") in index:
            item = index[item["@id"]]
        kinds = item.get("@type", "Person") if isinstance(item, dict) else "Person"
        if "person" not in str(kinds).lower():
            continue  # an Organization credited as author is the outlet, not a writer
        name = _name_of(item)
        if name and not _URL_LIKE.search(name) and name not in names:
            names.append(name)
    return names


def _meta_author(meta: dict[str, str]) -> str | None:
    for key in AUTHOR_KEYS:
        value = meta.get(key)
        if value and not _URL_LIKE.search(value) and not value.startswith("@"):
            return value
    return None


def _single_h1(tree) -> str | None:
    h1 = tree.findall(".//h1")
    if len(h1) == 1:
        text = " ".join(h1[0].text_content().split())
        return text or None
    return None


def _title_element(tree) -> str | None:
    element = tree.find(".//head/title")
    if element is None:
        element = tree.find(".//title")
    if element is None or not element.text:
        return None
    return " ".join(element.text.split()) or None


def _canonical(tree) -> str | None:
    for link in tree.iterfind(".//link[@rel='canonical']"):
        href = (link.get("href") or "").strip()
        if href.startswith("http"):
            return href
    return None



_AUTHOR_XPATH = XPath(".//*[@rel='author' or @itemprop='author']")
_BYLINE_XPATH = XPath(".//*[contains(@class, 'byline')]")


def _byline_elements(tree) -> list[str]:
    """The visible credit, for pages whose head names nobody: author links first, then a byline box."""
    for path in (_AUTHOR_XPATH, _BYLINE_XPATH):
        texts = []
        for element in path(tree):
            text = " ".join(" ".join(element.itertext()).split())
            if 2 <= len(text) <= 80 and text not in texts:
                texts.append(text)
        if texts:
            return texts[:4]
    return []
