"""Quotation marks: paragraphs, double-quoted segments and single-quoted fragments of a body.

A quote still open at a paragraph's end goes on when the next paragraph opens with a fresh mark
(news style); otherwise it is unbalanced and dropped. Nested quotations stay part of the outer one.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

MARK = re.compile(r"''|``|[\"“”„«»]")
_OPENING = frozenset("“„«") | {"``"}
_CLOSING = frozenset("”»")
SENTENCE_END = frozenset({".", "!", "?"})
_PARAGRAPH_BREAK = re.compile(r"\n[ \t\r\f\v]*\n")

_MAX_SINGLE = 160


@dataclass
class Segment:
    start: int  # content, between the marks
    end: int
    open_at: int  # the opening mark
    close_end: int  # just after the closing mark (== end when the quote runs on)
    paragraph: int
    group: int
    continued: bool = False
    single: bool = False


def paragraphs_of(body: str) -> list[tuple[int, int]]:
    """(start, end) of each paragraph, blank lines apart, without surrounding whitespace."""
    spans, pos = [], 0
    for m in [*_PARAGRAPH_BREAK.finditer(body), None]:
        end = m.start() if m else len(body)
        chunk = body[pos:end]
        if chunk.strip():
            lead = len(chunk) - len(chunk.lstrip())
            spans.append((pos + lead, pos + len(chunk.rstrip())))
        pos = m.end() if m else end
    return spans


def quote_segments(body: str) -> list[Segment]:
    """Double-quoted segments of the body, in order; unbalanced marks are dropped."""
    paragraphs = paragraphs_of(body)
    segments: list[Segment] = []
    group, carry = 0, False
    for pi, (ps, pe) in enumerate(paragraphs):
        opened: tuple[int, int, str] | None = None
        depth = 0
        for m in MARK.finditer(body, ps, pe):
            role = _mark_role(body, m.start(), m.end(), m.group())
            if opened is None:
                if role == "close":
                    continue  # a stray closing mark
                if not (carry and m.start() == ps):
                    group += 1
                carry = False
                opened, depth = (m.start(), m.end(), m.group()), 0
            elif role == "open":
                depth += 1  # nested quotation: part of the outer one
            elif depth:
                depth -= 1
            else:
                segments.append(Segment(opened[1], m.start(), opened[0], m.end(), pi, group))
                opened = None
        carry = False
        if opened is not None and pi + 1 < len(paragraphs):
            nxt = MARK.match(body, paragraphs[pi + 1][0])
            if nxt and _mark_role(body, nxt.start(), nxt.end(), nxt.group()) != "close":
                segments.append(Segment(opened[1], pe, opened[0], pe, pi, group, continued=True))
                carry = True
    return segments


def _mark_role(body: str, start: int, end: int, mark: str) -> str:
    """'open', 'close' or 'either', from the mark's shape and the characters beside it."""
    before = body[start - 1] if start else " "
    after = body[end] if end < len(body) else " "
    spaced_before = before.isspace() or before in "([{—–-/"
    spaced_after = after.isspace() or after in ".,;:!?)]}—–-"
    if mark in _OPENING:
        return "close" if not spaced_before and spaced_after else "open"
    if mark in _CLOSING:
        return "open" if spaced_before and not spaced_after else "close"
    if spaced_before and not spaced_after:
        return "open"
    if spaced_after and not spaced_before:
        return "close"
    return "either"


def single_segments(body: str, paragraphs: list[tuple[int, int]]) -> list[Segment]:
    """Single-quoted fragments in body text (apostrophes and possessives are not openers)."""
    found = []
    for pi, (ps, pe) in enumerate(paragraphs):
        pos = ps
        for m in re.finditer(r"[‘']", body[ps:pe]):
            s = ps + m.start()
            if s < pos:
                continue
            before = body[s - 1] if s > ps else " "
            after = body[s + 1] if s + 1 < pe else " "
            if not (before.isspace() or before in "([—–“\"") or not after.isalpha():
                continue
            for c in re.finditer(r"[’']", body[s + 1 : min(pe, s + _MAX_SINGLE)]):
                e = s + 1 + c.start()
                nxt = body[e + 1] if e + 1 < pe else " "
                if body[e - 1].isspace() or nxt.isalnum():
                    continue
                if "\n" not in body[s:e] and not MARK.search(body, s, e):
                    found.append(Segment(s + 1, e, s, e + 1, pi, -1, single=True))
                    pos = e + 1
                break
    return found


def soft_wrap(body: str, newline: int) -> bool:
    """Whether the line break at `newline` falls inside a sentence (lower-case on both sides)."""
    before = body[newline - 1] if newline else ""
    after = body[newline + 1] if newline + 1 < len(body) else ""
    return (before.islower() or before in ",;") and after.islower()


def trim(body: str, start: int, end: int, strip_comma: bool) -> tuple[int, int]:
    while start < end and body[start].isspace():
        start += 1
    while end > start and (body[end - 1].isspace() or (strip_comma and body[end - 1] in ",;")):
        end -= 1
    return start, end


def overlap_share(start: int, end: int, spans: list[tuple[int, int]]) -> float:
    """Share of [start, end) covered by the spans (which do not overlap each other)."""
    if end <= start:
        return 0.0
    covered = sum(max(0, min(end, e) - max(start, s)) for s, e in spans)
    return covered / (end - start)
