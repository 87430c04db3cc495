"""Budgets on what one hostile input can cost: bounded lines, scrubbed strings, capped fields and tags.

Every function here is linear in its input and has a fixed ceiling on its output, so no field of a
record (a byline of a million names, a tag with 200,000 attributes, a JSON line of a gigabyte) can
make the work after it quadratic or the memory unbounded.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import BinaryIO

# a byline or author list longer than this is a crawler's error or an attack, not a newsroom's credit
MAX_AUTHORS = 50
MAX_AUTHOR_CHARS = 200  # one name with titles and affiliation
MAX_HINT_CHARS = 10_000  # title, description and other one-line metadata fields
MAX_SCRUB_DEPTH = 64  # JSON deeper than this is not a news record; its inner values are dropped
# libxml2 checks each attribute of a tag against the ones before it: quadratic in the attribute count.
# A real tag has a handful; one over 4 KB with more than 256 words is cut to its first 256 words.
MAX_TAG_CHARS = 4096
MAX_TAG_WORDS = 256
# spaCy's tokenizer peels prefixes and suffixes off a whitespace-free run one at a time: quadratic in
# the run's length ('(' x 30,000 takes minutes). No word, number or address in a story is this long.
MAX_RUN_CHARS = 500
READ_CHUNK = 1 << 20  # how much of an overlong line is read at a time while skipping it

# warnings of the readers a user is told about at ingest (the others stay on the article)
REPORTED = ("invalid byte", "invalid character", "oversized tag", "overlong word")

_LONG_RUN = re.compile(r"\S{%d,}" % (MAX_RUN_CHARS + 1))
_SURROGATE = re.compile("[\ud800-\udfff]")
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def bounded_lines(stream: BinaryIO, limit: int) -> Iterator[tuple[int, bytes | int]]:
    """(line number, the line's bytes) for each line; for a line longer than `limit` bytes, its
    length instead of its bytes: it is skipped in chunks, so memory stays within `limit` whatever
    the line's size after decompression."""
    number = 0
    while True:
        line = stream.readline(limit + 1)
        if not line:
            return
        number += 1
        if len(line) <= limit or line.endswith(b"\n"):
            yield number, line
            continue
        size = len(line)
        while True:
            rest = stream.readline(READ_CHUNK)
            size += len(rest)
            if not rest or rest.endswith(b"\n"):
                break
        yield number, size


def scrub_text(text: str) -> tuple[str, int]:
    """The text with lone surrogates (which no encoder accepts) replaced by U+FFFD, and how many."""
    if not _SURROGATE.search(text):
        return text, 0
    return _SURROGATE.subn("\ufffd", text)


def scrub(value, depth: int = 0) -> tuple[object, int]:
    """A parsed JSON value with every string scrubbed; values nested deeper than MAX_SCRUB_DEPTH
    are dropped. Returns the value and how many characters were replaced."""
    if isinstance(value, str):
        return scrub_text(value)
    if depth >= MAX_SCRUB_DEPTH:
        return None, 0
    replaced = 0
    if isinstance(value, list):
        items = []
        for item in value:
            item, n = scrub(item, depth + 1)
            items.append(item)
            replaced += n
        return items, replaced
    if isinstance(value, dict):
        out = {}
        for key, item in value.items():
            key, k = scrub_text(str(key))
            out[key], n = scrub(item, depth + 1)
            replaced += k + n
        return out, replaced
    return value, 0


def cap_text(value: str | None, limit: int = MAX_HINT_CHARS) -> str | None:
    """A metadata string cut to `limit` characters (the body has its own limit)."""
    if value is None or len(value) <= limit:
        return value
    return value[:limit]


def cap_names(names, limit: int = MAX_AUTHORS) -> list[str]:
    """Distinct names in order, at most `limit`, each at most MAX_AUTHOR_CHARS: linear (a set, not
    a list scan, remembers what was seen) and stops reading at the cap."""
    seen: set[str] = set()
    kept: list[str] = []
    for name in names:
        if len(kept) >= limit:
            break
        name = cap_text(name, MAX_AUTHOR_CHARS)
        if name and name not in seen:
            seen.add(name)
            kept.append(name)
    return kept


def cut_long_runs(text: str) -> tuple[str, int]:
    """The text with each run of non-space characters longer than MAX_RUN_CHARS cut to that length,
    and how many were cut."""
    if len(text) <= MAX_RUN_CHARS:
        return text, 0
    return _LONG_RUN.subn(lambda m: m.group()[:MAX_RUN_CHARS], text)


def one_line(text: str) -> str:
    """Text fit for one line of a message: control characters (newlines included) shown escaped."""
    return _CONTROL.sub(lambda m: f"\\x{ord(m.group()):02x}", text.replace("\n", "\\n").replace("\r", "\\r"))


def cap_tags(html: str) -> tuple[str, int]:
    """The page with every overlong tag cut to its first MAX_TAG_WORDS words, and how many were cut.

    One pass over the text split at '>': each piece holds at most one tag start (its last '<')."""
    if len(html) <= MAX_TAG_CHARS:
        return html, 0
    pieces = html.split(">")
    cut = 0
    for n, piece in enumerate(pieces):
        if len(piece) <= MAX_TAG_CHARS:
            continue
        start = piece.rfind("<")
        if start < 0 or len(piece) - start <= MAX_TAG_CHARS:
            continue
        words = piece[start:].split(None, MAX_TAG_WORDS)
        if len(words) <= MAX_TAG_WORDS:
            continue
        kept = " ".join(words[:MAX_TAG_WORDS])
        for quote in "\"'":  # a value cut in the middle is closed, so the rest of the page stays text
            if kept.count(quote) % 2:
                kept += quote
        pieces[n] = piece[:start] + kept
        cut += 1
    return (">".join(pieces), cut) if cut else (html, 0)


def reported(warnings: list[str]) -> list[str]:
    """The warnings of an article that ingest shows: what was replaced or cut in its input."""
    return [w for w in warnings if any(mark in w for mark in REPORTED)]
