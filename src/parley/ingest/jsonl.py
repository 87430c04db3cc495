"""JSON Lines: one article per line (news-please and crawler field names), streamed line by line."""

from __future__ import annotations

import gzip
import json
import zlib
from collections.abc import Iterator
from typing import BinaryIO

from ..errors import InputError
from ..ids import content_id
from ..records import Document

TEXT_FIELDS = ("text", "maintext", "body", "content", "articleBody", "article_body", "article")
TITLE_FIELDS = ("title", "headline")
DATE_FIELDS = ("date_publish", "published", "date", "datePublished", "publish_date", "pubdate",
               "date_published", "published_at", "publishedAt", "seendate", "pubDate", "datetime", "timestamp",
               "time")
URL_FIELDS = ("url", "link", "source_url", "article_url", "canonical_url", "permalink", "uri")
AUTHOR_FIELDS = ("authors", "author", "byline")
OUTLET_FIELDS = ("source_domain", "outlet", "publisher", "site_name", "sitename", "source", "domain")


# how many records the look for repeated page chrome reads, and how often a line must recur in them
CHROME_SAMPLE = 5000
CHROME_MIN_RECORDS = 5
CHROME_MIN_SHARE = 0.05
CHROME_MAX_WORDS = 40  # comment policies run long; a story's paragraphs rarely recur word for word


def repeated_lines(stream: BinaryIO) -> dict[str, frozenset[str]]:
    """Per outlet (its hint, else ""), the short lines its records repeat: the comment-policy notes,
    tickers and sidebars a crawler kept with the text. A line in 5% of an outlet's records is chrome,
    not its story; the first records are a large enough sample and keep memory bounded."""
    from ..clean.boilerplate import outlet_boilerplate

    texts: dict[str, list[str]] = {}
    try:
        for number, raw in enumerate(stream):
            if number >= CHROME_SAMPLE:
                break
            try:
                data = json.loads(raw)
            except ValueError:
                continue
            text = _first(data, TEXT_FIELDS) if isinstance(data, dict) else None
            if isinstance(text, str):
                texts.setdefault(_as_text(_first(data, OUTLET_FIELDS)) or "", []).append(text)
    except (EOFError, OSError, zlib.error):
        pass  # the reading pass reports a damaged file
    return {outlet: found for outlet, items in texts.items()
            if (found := outlet_boilerplate(items, min_documents=CHROME_MIN_RECORDS, min_share=CHROME_MIN_SHARE,
                                               max_words=CHROME_MAX_WORDS))}


def read_jsonl(stream: BinaryIO, path: str, max_line_bytes: int,
               chrome: dict[str, frozenset[str]] | None = None) -> Iterator[Document | InputError]:
    """A Document per good line, an InputError per bad one; a truncated gzip ends with E005.

    `chrome` (from repeated_lines) goes with each record of that outlet as hints["boilerplate"]."""
    number = 0
    try:
        for number, raw in enumerate(stream, start=1):
            if not raw.strip():
                continue
            if len(raw) > max_line_bytes:
                yield InputError("E011", path=f"{path}#{number}", size=len(raw), limit=max_line_bytes)
                continue
            yield _document(raw, path, number, chrome or {})
    except (EOFError, gzip.BadGzipFile, zlib.error):
        yield InputError("E005", path=path)
    if number == 0:
        yield InputError("E002", path=path)


def _document(raw: bytes, path: str, number: int, chrome: dict[str, frozenset[str]]) -> Document | InputError:
    where = f"{path}#{number}"
    try:
        data = json.loads(raw.decode("utf-8-sig"))
    except UnicodeDecodeError:
        try:
            data = json.loads(raw.decode("cp1252"))
        except (UnicodeDecodeError, ValueError) as exc:
            return InputError("E006", path=path, line=number, detail=str(exc)[:80])
    except ValueError as exc:
        return InputError("E006", path=path, line=number, detail=str(exc)[:80])
    if not isinstance(data, dict):
        return InputError("E006", path=path, line=number, detail="not a JSON object")
    text = _first(data, TEXT_FIELDS)
    if not isinstance(text, str) or not text.strip():
        return InputError("E007", path=path, line=number, fields=", ".join(TEXT_FIELDS[:3]))
    title = _first(data, TITLE_FIELDS)
    title = title.strip() if isinstance(title, str) else None
    hints = {
        "title": title,
        "published": _as_text(_first(data, DATE_FIELDS)),
        "authors": _authors(_first(data, AUTHOR_FIELDS)),
        "outlet": _as_text(_first(data, OUTLET_FIELDS)),
        "url": _as_text(_first(data, URL_FIELDS)),
        "language": _as_text(data.get("language")),
        "description": _as_text(data.get("description")),
    }
    hints["boilerplate"] = chrome.get(hints["outlet"] or "")
    hints = {k: v for k, v in hints.items() if v}
    return Document(
        id=content_id(f"{title or ''}\n{text}"),
        source=where,
        kind="record",
        content=text,
        url=hints.get("url"),
        hints=hints,
    )


def _first(data: dict, names: tuple[str, ...]):
    for name in names:
        value = data.get(name)
        if value not in (None, "", []):
            return value
    return None


def _as_text(value) -> str | None:
    if value is None:
        return None
    if isinstance(value, dict):
        value = value.get("name") or value.get("@value")
    return str(value).strip() or None


def _authors(value) -> list[str]:
    if value is None:
        return []
    items = value if isinstance(value, list) else [value]
    names = []
    for item in items:
        name = _as_text(item)
        if name and name not in names:
            names.append(name)
    return names
