"""The text of one parsed article as the quote stages see it: tokens, marks, sentences, lines."""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy
from spacy.attrs import IDX, LENGTH, ORTH, SENT_START

from ..records import Article
from .cues import Lexicon
from .marks import SENTENCE_END, paragraphs_of, quote_segments, soft_wrap

if TYPE_CHECKING:  # only the interface is needed: quotes must not depend on how actors are built
    from ..actors import ArticleActors

_TITLE_END = tuple(".!?:;\"”’')]")
# tokens that are quotation marks: what MARK matches whole, and the single quotes
MARK_TOKENS = ("''", "``", '"', "“", "”", "„", "«", "»", "‘", "’", "'")
_MAX_REGION = 40


@dataclass
class Attribution:
    cue: object  # spaCy Token (the cue's head word; "according" for "according to"), or None
    subject: object  # spaCy Token: head of the speaker phrase


@dataclass(frozen=True)
class Candidate:
    """Someone named earlier who a later pronoun may stand for."""

    position: int
    name: str
    actor_id: str | None
    plural: bool


class ArticleText:
    """The state of one article's extraction (built per call, never shared)."""

    def __init__(self, article: Article, doc, actors: ArticleActors, cues: Lexicon) -> None:
        self.article, self.doc, self.actors, self.cues = article, doc, actors, cues
        # the body, not doc.text: spaCy rebuilds doc.text from tokens on each call, and the body keeps
        # the original letter case where the language layer re-cased shouted lines (same length)
        doc_chars = doc[-1].idx + len(doc[-1].text_with_ws) if len(doc) else 0
        self.body: str = article.body if len(article.body) == doc_chars else doc.text
        self.paragraphs = paragraphs_of(self.body)
        self.para_starts = [p[0] for p in self.paragraphs]
        # token offsets and texts as arrays: walking the Doc makes a Token object per token, which
        # cost more than the rest of the quote stage on long articles
        columns = doc.to_array([IDX, ORTH])
        self.starts = columns[:, 0].tolist()
        self.orths = columns[:, 1]  # hashes of the token texts
        self.segments = quote_segments(self.body)
        self.inside = bytearray(len(doc))  # token lies inside a double-quoted segment
        for seg in self.segments:
            for i in self._token_range(seg.start, seg.end):
                self.inside[i] = 1
        marks = numpy.array([doc.vocab.strings[m] for m in MARK_TOKENS], dtype=numpy.uint64)
        self.is_mark = bytearray(numpy.isin(self.orths, marks).astype(numpy.uint8).tobytes())
        self.used_cues: set[int] = set()
        self.people: list[Candidate] = []  # speakers met so far, for pronouns
        self.genders: dict[str, str] = {}  # actor id or lower-case name -> "m" | "f"
        self.has_parse = doc.has_annotation("DEP")
        self._sent_starts: list[int] | None = None  # tokens that start a sentence (`_sentence_chars`)
        self._token_ends: list[int] = []

    # ---------------------------------------------------------------- helpers on tokens and text
    def _tok(self, char: int) -> int:
        return max(0, bisect_right(self.starts, char) - 1)

    def _token_range(self, start: int, end: int) -> range:
        first = self._tok(start)
        if first < len(self.doc) and self.doc[first].idx + len(self.doc[first]) <= start:
            first += 1
        last = self._tok(max(start, end - 1))
        return range(first, last + 1) if end > start else range(0)

    def _paragraph(self, char: int) -> int:
        return max(0, bisect_right(self.para_starts, char) - 1)

    def _prev_char(self, pos: int) -> tuple[str, int]:
        i = pos - 1
        while i >= 0 and self.body[i].isspace():
            i -= 1
        return (self.body[i], i) if i >= 0 else ("", -1)

    def _line_is_title(self, pos: int) -> bool:
        """A line without closing punctuation (headline, bullet, caption): quotes there are scare quotes."""
        start = self.body.rfind("\n", 0, pos) + 1
        end = self.body.find("\n", pos)
        line = self.body[start : end if end >= 0 else len(self.body)].strip()
        return not line.endswith(_TITLE_END)

    def _sentence_span(self, start: int, end: int) -> tuple[int, int]:
        first = self._sentence_chars(self._tok(start))[0]
        last = self._sentence_chars(self._tok(max(start, end - 1)))[1]
        return max(first, self._block(start)[0]), min(last, self._block(max(start, end - 1))[1])

    def _sentence_chars(self, i: int) -> tuple[int, int]:
        """(start_char, end_char) of `doc[i].sent`, from arrays made once per article: Token.sent walks
        the tokens to the sentence's ends and builds a Span on every call."""
        if self._sent_starts is None:
            if not self.doc.has_annotation("SENT_START"):
                sent = self.doc[i].sent  # raises as spaCy does
                return sent.start_char, sent.end_char
            columns = self.doc.to_array([SENT_START, LENGTH]).tolist()
            self._sent_starts = [k for k, c in enumerate(columns) if c[0] == 1 and k > 0]
            self._token_ends = [self.starts[k] + c[1] for k, c in enumerate(columns)]
        n = bisect_right(self._sent_starts, i)  # sentence starts at or before token i
        first = self._sent_starts[n - 1] if n else 0
        last = self._sent_starts[n] if n < len(self._sent_starts) else len(self.doc)
        return self.starts[first], self._token_ends[last - 1]

    def _block(self, pos: int) -> tuple[int, int]:
        """The lines around `pos` that form running text: a line break counts only after a line
        that ends like a sentence or a title (hard-wrapped prose joins its lines)."""
        body = self.body
        start = body.rfind("\n", 0, pos) + 1
        while start > 1 and body[start - 2] != "\n" and soft_wrap(body, start - 1):
            start = body.rfind("\n", 0, start - 1) + 1
        end = body.find("\n", pos)
        while end >= 0 and end + 1 < len(body) and body[end + 1] != "\n" and soft_wrap(body, end):
            end = body.find("\n", end + 1)
        return start, (end if end >= 0 else len(body))

    def _is_cue(self, t, verbs: frozenset) -> bool:
        if t.lower_ == "according":
            return t.i + 1 < len(self.doc) and self.doc[t.i + 1].lower_ == "to"
        return (t.pos_ == "VERB" or t.tag_.startswith("VB")) and t.lemma_.lower() in verbs

    def _cue_span(self, cue) -> tuple[int, int]:
        end = cue.idx + len(cue)
        if cue.lower_ == "according":
            end = self.doc[cue.i + 1].idx + len(self.doc[cue.i + 1])
        return cue.idx, end

    # ---------------------------------------------------------------- attribution of quotes
    def _region(self, pos: int, forward: bool, limit: int) -> list:
        """Tokens beside a quote, up to a sentence end, another quote or a line break."""
        out = []
        if forward:
            i = bisect_right(self.starts, pos - 1)
            while i < len(self.doc) and len(out) < _MAX_REGION:
                t = self.doc[i]
                if t.idx >= limit or self.inside[i] or self.is_mark[i] or ("\n" in t.text and t.is_space):
                    break
                if t.text in SENTENCE_END:
                    break
                out.append(t)
                i += 1
        else:
            i = bisect_right(self.starts, pos - 1) - 1
            while i >= 0 and len(out) < _MAX_REGION:
                t = self.doc[i]
                if t.idx < limit or self.inside[i] or self.is_mark[i] or ("\n" in t.text and t.is_space):
                    break
                if t.text in SENTENCE_END:
                    break
                out.append(t)
                i -= 1
            out.reverse()
        return [t for t in out if not t.is_space]
