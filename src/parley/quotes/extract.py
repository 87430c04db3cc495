"""The quote stage: direct, partial and indirect quotations of one article, in text order."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..ids import record_id
from ..options import Options
from ..records import Article, Quote
from .cues import load_cues
from .direct import Direct
from .indirect import Indirect
from .marks import overlap_share, single_segments, trim
from .text import Attribution

if TYPE_CHECKING:  # only the interface is needed: quotes must not depend on how actors are built
    from ..actors import ArticleActors


@dataclass(frozen=True)
class FoundQuote:
    """A quote with the spans behind it, for evaluation: where the speaker and cue were read."""

    quote: Quote
    speaker_span: tuple[int, int] | None
    cue_span: tuple[int, int] | None


def find_quotes(article: Article, doc, actors: ArticleActors, options: Options) -> list[Quote]:
    return [found.quote for found in extract_quotes(article, doc, actors, options)]


def extract_quotes(article: Article, doc, actors: ArticleActors, options: Options) -> list[FoundQuote]:
    """Quotes of one article with their speaker and cue spans, in text order."""
    if not article.body or len(doc) == 0:
        return []
    return _Extractor(article, doc, actors).run()


class _Extractor(Direct, Indirect):
    """One article's extraction (built per call, never shared)."""

    def __init__(self, article: Article, doc, actors: ArticleActors) -> None:
        super().__init__(article, doc, actors, load_cues())
        self._learn_genders()

    def run(self) -> list[FoundQuote]:
        results: list[FoundQuote] = []
        date = (self.article.published or "")[:10] or None
        doubles = [s for s in self.segments if self.body[s.start : s.end].strip()]
        direct, partial = [], []
        group_sizes: dict[int, int] = {}
        for seg in doubles:
            group_sizes[seg.group] = group_sizes.get(seg.group, 0) + 1
        for seg in doubles:
            # a quote that opens a clause (after a sentence end, comma, colon or another quote) is
            # direct; one that continues the words before it is a fragment of the sentence
            char, at = self._prev_char(seg.open_at)
            new_line = at < 0 or "\n" in self.body[at : seg.open_at]
            opens_clause = new_line or char in ".!?:,;\"'”»"
            (direct if opens_clause or group_sizes[seg.group] > 1 else partial).append(seg)

        atts: dict[int, Attribution | None] = {id(s): self._attribute_direct(s) for s in direct}
        by_group: dict[int, Attribution] = {}
        for seg in direct:
            if atts[id(seg)] is not None:
                by_group.setdefault(seg.group, atts[id(seg)])
        for k, seg in enumerate(direct):
            if atts[id(seg)] is None:
                atts[id(seg)] = by_group.get(seg.group) or self._neighbour(direct, k, atts)
        for seg in direct:
            if atts[id(seg)] is None:
                atts[id(seg)] = self._attribute_previous(seg)

        singles = [s for s in single_segments(self.body, self.paragraphs) if not self._inside_double(s.start)]
        fragments = [(s, self._attribute_fragment(s.start, s.end)) for s in partial]
        for s in singles:
            if self._line_is_title(s.start):
                continue
            att = self._attribute_fragment(s.start, s.end)
            if att is not None:
                fragments.append((s, att))

        pending = [(seg, atts[id(seg)], "direct") for seg in direct]
        pending += [(seg, att, "partial") for seg, att in fragments]
        indirect = self._indirect()
        order = sorted(
            [(a.subject.idx if a and a.subject is not None else s.start, n, "q") for n, (s, a, _) in enumerate(pending)]
            + [(a.subject.idx, n, "i") for n, (_, _, a) in enumerate(indirect)]
        )
        speakers: dict[tuple[str, int], tuple] = {}
        for _, n, kind in order:
            att = pending[n][1] if kind == "q" else indirect[n][2]
            speakers[(kind, n)] = self._speaker(att)

        for n, (seg, att, kind) in enumerate(pending):
            s, e = trim(self.body, seg.start, seg.end, strip_comma=(kind == "direct"))
            if e <= s:
                continue
            if att is not None and att.cue is not None:
                self.used_cues.add(att.cue.i)
            results.append(self._make(s, e, kind, att, speakers[("q", n)], date))
        covered = [(f.quote.start, f.quote.end) for f in results if f.quote.kind == "direct"]
        for n, (s, e, att) in enumerate(indirect):
            if att.cue.i in self.used_cues or overlap_share(s, e, covered) > 0.5:
                continue
            results.append(self._make(s, e, "indirect", att, speakers[("i", n)], date))
        results.sort(key=lambda f: (f.quote.start, f.quote.end))
        unique, seen = [], set()
        for f in results:
            if (f.quote.start, f.quote.end, f.quote.kind) not in seen:
                seen.add((f.quote.start, f.quote.end, f.quote.kind))
                unique.append(f)
        return unique

    def _make(self, s: int, e: int, kind: str, att, speaker: tuple, date) -> FoundQuote:
        name, aid, span = speaker
        cue_text, cue_span = None, None
        if att is not None and att.cue is not None:
            cue_span = self._cue_span(att.cue)
            cue_text = self.body[cue_span[0] : cue_span[1]]
        ss, se = self._sentence_span(s, e) if self.has_parse else (s, e)
        if att is not None and cue_span:
            ss, se = min(ss, self._sentence_span(*cue_span)[0]), max(se, self._sentence_span(*cue_span)[1])
        quote = Quote(
            id=record_id("q", self.article.id, s, e),
            article_id=self.article.id,
            text=self.body[s:e],
            speaker=name,
            speaker_actor_id=aid,
            cue=cue_text,
            kind=kind,
            date=date,
            sentence=self.body[ss:se].strip(),
            start=s,
            end=e,
        )
        return FoundQuote(quote, span, cue_span)
