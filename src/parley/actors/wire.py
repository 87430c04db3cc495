"""Where and by whom a story was filed: datelines, wire credits, bylines, link lines and section
headings are not mentions of actors.

"WASHINGTON (AP) — U.S. Secretary of State ..." names a place and an agency before the story starts;
the parser reads them as part of the first sentence ("AP" coordinated with the real subject), so
their tokens are kept out of every mention pass. Likewise a credit in parentheses ("(Yonhap)" at a
paragraph's end). An agency the text cites as a source ("told The Associated Press") stays an actor.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc

from ..records import Article
from .knowledge import Knowledge

_SP = r"[ \t\u00a0]"
# a paragraph's opening: place words, maybe ", date" parts, maybe "(AGENCY)", then a dash
_DATELINE = re.compile(
    rf"(?m)^{_SP}*(?P<place>[A-Z][\w.'’-]*(?:{_SP}[A-Z][\w.'’-]*){{0,3}})"
    rf"(?P<extra>(?:,{_SP}*[\w.'’]+(?:{_SP}[\w.'’]+){{0,2}}){{0,2}})"
    rf"{_SP}*(?:\((?P<agency>[^()\n]{{1,40}})\))?"
    rf"{_SP}*(?:—|–|--|-(?=\s))"
)
_PAREN = re.compile(r"\(([^()\n]{1,40})\)")
# Lines that credit the people who made the story, or point to other stories, are about the page, not
# the news: "Jane Roe contributed to this report.", "(Reporting by A; Editing by B)", "By John Doe",
# "Jane Roe reported from Kyiv.", "SEE ALSO: ...", "Related: ...". Their names are not actors.
_CREDIT_LINES = [
    re.compile(r"(?im)^[ \t(]*(?:additional\s+)?(?:reporting|writing|editing|edited|written|compiled|produced|"
               r"translated|graphics|photos?)\s+by\b[^\n]*$"),
    re.compile(r"(?m)^[ \t]*By\s+[A-Z][^\n.!?]{0,80}$"),
    re.compile(r"(?im)^[ \t]*(?:see also|read more|related|also read|read also|more|watch|listen|recommended)[ \t]*:[^\n]*$"),
]
# credit sentences, wherever they sit in a paragraph: "VOA's Jane Roe contributed to this report from Kyiv."
_CREDIT = re.compile(r"\bcontributed(?:\s+reporting\b|\s+(?:to|for)\s+(?:this|the)\s+(?:report|story|article)\b)")
# weaker credits, counted only in a story's last lines, where credits go: "Jane Roe reported from Kyiv",
# "stringers A and B contributed from Mogadishu"
_LATE_CREDIT = re.compile(r"\b(?:contributed|reported)\s+from\s+[A-Z]")
LATE_CHARS = 600  # how far from a story's end its credits sit
_SENTENCE_STARTS = (". ", "? ", "! ", ".” ", '." ', "\n")


def credit_spans(article: Article, text: str, knowledge: Knowledge) -> list[tuple[int, int]]:
    """Character ranges of `text` (the article body) that are datelines or wire credits."""
    spans = []
    for m in _DATELINE.finditer(text):
        if _is_dateline(m, article, knowledge):
            spans.append((m.start("place"), m.end()))
    for m in _PAREN.finditer(text):
        if _is_outlet(m.group(1), article, knowledge):
            spans.append((m.start(), m.end()))
    spans.extend(credit_lines(text))
    spans.extend(headings(text))
    return spans


# a section heading: a short line in title case with no sentence punctuation, with text after it
_HEADING = re.compile(r"(?m)^[ \t]*(?=[^\n]*[A-Za-z])([^\n.!?:;,\"”’')]{1,80})[ \t]*$(?=\n[ \t]*\S)")


def headings(text: str) -> list[tuple[int, int]]:
    """Character ranges of section headings ("Regional Fallout", "What Comes Next"): a line of at most
    eight words, every word of four letters or more capitalised, no sentence punctuation, followed by
    more text. A heading labels the story's parts; the names in it are told again in the text."""
    out = []
    for m in _HEADING.finditer(text):
        words = m.group(1).split()
        if 1 <= len(words) <= 8 and all(w[:1].isupper() or len(w) <= 3 for w in words):
            out.append((m.start(1), m.end(1)))
    return out


def credit_lines(text: str) -> list[tuple[int, int]]:
    """Character ranges of credit and link lines (see `_CREDIT_LINES`) and of credit sentences
    ("... said. Jane Roe contributed to this report.": only the credit sentence)."""
    out = [(m.start(), m.end()) for pattern in _CREDIT_LINES for m in pattern.finditer(text)]
    late = max(0, len(text) - LATE_CHARS)
    found = list(_CREDIT.finditer(text)) + [m for m in _LATE_CREDIT.finditer(text, late)]
    for m in found:
        start = max((text.rfind(sep, 0, m.start()) + len(sep) for sep in _SENTENCE_STARTS if text.rfind(sep, 0, m.start()) >= 0),
                    default=0)
        stop = min((i for i in (text.find(". ", m.end()), text.find("\n", m.end())) if i >= 0), default=len(text))
        out.append((start, min(stop + 1, len(text))))
    return out


def credit_tokens(article: Article, doc: Doc, knowledge: Knowledge) -> set[int]:
    """Indices of the doc's tokens inside a dateline or a wire credit."""
    # compare lengths without doc.text, which spaCy rebuilds from the tokens on every access
    doc_chars = doc[-1].idx + len(doc[-1].text_with_ws) if len(doc) else 0
    text = article.body if len(article.body) == doc_chars else doc.text
    spans = credit_spans(article, text, knowledge)
    if not spans:
        return set()
    out = set()
    for a, b in spans:
        span = doc.char_span(a, b, alignment_mode="expand")
        if span is not None:
            out.update(range(span.start, span.end))
    return out


def _is_dateline(m: re.Match, article: Article, knowledge: Knowledge) -> bool:
    place = m.group("place")
    if m.group("agency") and _is_outlet(m.group("agency"), article, knowledge):
        return True
    letters = [c for c in place if c.isalpha()]
    if len(letters) >= 3 and all(c.isupper() for c in letters):
        # "ADDIS ABABA —": capitals are how datelines are set, unless the whole line is in capitals
        rest = m.string[m.end() : m.string.find("\n", m.end()) % (len(m.string) + 1)]
        return not any(c.isupper() for c in rest) or any(c.islower() for c in rest)
    if article.dateline and place.lower() == article.dateline.strip().lower():
        return True
    term = knowledge.lookup(place)
    # "Vientiane —", "Kabul, May 3 –": a known place, then only a date; not "Egypt, Sudan and Ethiopia -"
    extra = m.group("extra")
    return term is not None and term.kind in ("capital", "country") and not m.group("agency") \
        and (not extra or any(c.isdigit() for c in extra))


def _is_outlet(name: str, article: Article, knowledge: Knowledge) -> bool:
    name = " ".join(name.split())
    if not name:
        return False
    for known in (article.agency, article.outlet):
        if known and known.strip().lower() == name.lower():
            return True
    term = knowledge.lookup(name)
    return term is not None and term.sector == "MED"
