"""Which dates matter in a body of coverage: date references in the text, resolved against each
article's publication date, and publication volume.

This is the light path used by `timeline --summary` (and by bench/timelines.py): regular expressions
over sentences, no parser, so a thousand articles take about a second. The signal is the classic one
of the timeline-summarisation literature: a day that many articles refer back to, and on which (or
just after which) many articles appear, is a day on which something happened.
"""

from __future__ import annotations

import math
import re
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date

from .. import dates as cal

_MONTHS = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4, "apr": 4,
    "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8, "september": 9,
    "sept": 9, "sep": 9, "october": 10, "oct": 10, "november": 11, "nov": 11, "december": 12, "dec": 12,
}
_MONTH = r"(?P<{}>" + "|".join(sorted(_MONTHS, key=len, reverse=True)) + r")\.?"
_ORD = r"(?:st|nd|rd|th)?"
_YEAR = r"(?:\s*,?\s*(?P<{}>(?:19|20)\d\d)(?!\d))?"

_DATE_RE = re.compile(
    "|".join([
        r"\b(?P<iy>(?:19|20)\d\d)-(?P<im>[01]\d)-(?P<id>[0-3]\d)\b",
        r"\b(?P<dd>[0-3]?\d)" + _ORD + r"\s+(?:of\s+)?" + _MONTH.format("dm") + _YEAR.format("dy") + r"\b",
        r"\b" + _MONTH.format("mm") + r"\s+(?P<md>[0-3]?\d)" + _ORD + r"(?![\d:])" + _YEAR.format("my"),
        r"\b(?P<rel>last|next|this|coming)?\s*\b(?P<wd>monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b(?!s)",
        r"\b(?P<deictic>today|yesterday|tomorrow|tonight|last night|this morning|this afternoon|this evening)\b",
    ]),
    re.IGNORECASE,
)
# words before a weekday that put it ahead of the publication date ("will meet on Tuesday")
_FUTURE_CUE = re.compile(r"\b(will|'ll|shall|to be held|is due|are due|scheduled|set to|plans? to|expected to)\b",
                         re.IGNORECASE)
_SENTENCE_SPLIT = re.compile(r"(?<=[.!?])\s+(?=[A-Z\"'`(\-])|\n+")


@dataclass(frozen=True)
class DateRef:
    """One reference to a day in a sentence, resolved against the article's publication date."""

    day: str  # YYYY-MM-DD
    sentence: str
    explicit: bool  # the text names the day ("22 April"), not a weekday or "yesterday"


def sentences(text: str) -> list[str]:
    """Sentences of a body: the text's own line breaks, else punctuation followed by a capital."""
    return [s.strip() for s in _SENTENCE_SPLIT.split(text) if s and s.strip()]


def date_references(text: str, published: str | date | None) -> list[DateRef]:
    """Every day the text refers to. Without a publication date only fully explicit dates resolve."""
    pub = cal.parse_day(published)
    found: list[DateRef] = []
    for sentence in sentences(text):
        for m in _DATE_RE.finditer(sentence):
            day, explicit = _resolve(m, sentence, pub)
            if day is not None:
                found.append(DateRef(day.isoformat(), sentence, explicit))
    return found


def _resolve(m: re.Match, sentence: str, pub: date | None) -> tuple[date | None, bool]:
    g = m.groupdict()
    if g["iy"]:
        return _make(int(g["iy"]), int(g["im"]), int(g["id"])), True
    if g["dd"] or g["md"]:
        month = _MONTHS[(g["dm"] or g["mm"]).lower().rstrip(".")]
        day = int(g["dd"] or g["md"])
        year = g["dy"] or g["my"]
        if year:
            return _make(int(year), month, day), True
        if pub is None:
            return None, True
        # the year is the one that puts the day nearest the publication date
        return cal.occurrence(pub, month, day, "nearest"), True
    if pub is None:
        return None, False
    if g["wd"]:
        target = cal.WEEKDAYS[g["wd"].lower()]
        rel = (g["rel"] or "").lower()
        if rel in ("next", "coming") or (rel != "last" and _FUTURE_CUE.search(sentence[: m.start()])):
            return cal.relative_weekday(pub, target, future=True), False
        return cal.relative_weekday(pub, target, future=False, skip_same_day=rel == "last"), False
    word = g["deictic"].lower()
    offset = {"yesterday": -1, "last night": -1, "tomorrow": 1}.get(word, 0)
    return cal.add_days(pub, offset), False


def _make(y: int, m: int, d: int) -> date | None:
    try:
        return date(y, m, d)
    except ValueError:
        return None


@dataclass(frozen=True)
class DateWeights:
    """Weights of the date signal. The defaults are the best point of bench/timelines.py's grid on
    its three Timeline17 topics; leave-one-topic-out (tuned on two, scored on the third) picks the
    same point for every topic.

    Only days the text names ("22 April", "2011-04-22") count as references by default. A weekday
    or "yesterday" mostly restates the news of the publication day, which the publication count
    already carries, and its direction (last or next Tuesday) is a guess; counting it lowered
    held-out F1 (0.541 against 0.591)."""

    publication: float = 0.25  # one article published on a day (or the day after) against one reference
    retrospect: float = 0.25  # extra weight per log-day a reference looks back: later recall marks importance
    explicit: float = 0.5  # extra weight of a named day: over a publication, and over "on Tuesday" if counted
    volume_damping: float = 0.0  # scores divided by (1 + articles within volume_window days) ** this
    volume_window: int = 7
    implicit_refs: bool = False  # count weekday and deictic references ("on Tuesday", "yesterday") too

    def reference(self, gap_explicit: int | None, gap_other: int | None) -> float:
        """One article's reference to a day, from the longest look-back of each kind it makes."""
        best = 0.0
        for gap, explicit in ((gap_explicit, True), (gap_other, False)):
            if gap is not None and (explicit or self.implicit_refs):
                weight = (1 + self.retrospect * math.log1p(max(0, gap - 1))) * (1 + self.explicit * explicit)
                best = max(best, weight)
        return best


DEFAULT_WEIGHTS = DateWeights()


@dataclass
class DateSignal:
    """Per-day evidence gathered over a set of articles (one pass, then `rank`). What each article
    says about a day is kept unweighted, so the same evidence can be scored under other weights."""

    weights: DateWeights = DEFAULT_WEIGHTS
    # day -> [(longest look-back of an explicit reference, of another reference)], one per article
    looks: dict = field(default_factory=lambda: defaultdict(list))
    published: Counter = field(default_factory=Counter)  # day -> articles published that day
    sentences: dict = field(default_factory=lambda: defaultdict(list))  # day -> [(quality, sentence, article)]
    undated: list = field(default_factory=list)  # ids of articles with no publication date

    def add_article(self, article_id: str, published: str | None, text: str) -> None:
        pub = cal.parse_day(published)
        if pub is None:
            self.undated.append(article_id)
            return
        self.published[pub.isoformat()] += 1
        gaps: dict[str, list] = {}
        for ref in date_references(text, pub):
            gap = cal.days_between(ref.day, pub)
            pair = gaps.setdefault(ref.day, [None, None])
            slot = 0 if ref.explicit else 1
            pair[slot] = gap if pair[slot] is None else max(pair[slot], gap)
            keep = self.sentences[ref.day]
            if len(keep) < 8:
                keep.append((_sentence_quality(ref), ref.sentence, article_id))
        for day, (explicit, other) in gaps.items():
            self.looks[day].append((explicit, other))

    def references(self, weights: DateWeights | None = None) -> dict[str, float]:
        """day -> weighted references (each article counts once per day, at its strongest)."""
        w = weights or self.weights
        return {day: sum(w.reference(*pair) for pair in pairs) for day, pairs in self.looks.items()}

    def scores(self, extra: dict[str, float] | None = None, weights: DateWeights | None = None) -> dict[str, float]:
        """A score per day: references, plus publications that day and the next (news of day d
        appears on d and d+1), plus any extra evidence (e.g. merged events' sources), damped by
        the volume of coverage around the day so that quiet periods get their share of dates."""
        w = weights or self.weights
        extra = extra or {}
        refs = self.references(w)
        if not self.published and not refs and not extra:
            return {}
        first = min(self.published) if self.published else None
        last = max(self.published) if self.published else None
        out: dict[str, float] = {}
        for day in set(refs) | set(self.published) | set(extra):
            if first and last and not (cal.shift_day(first, -w.volume_window) <= day <= last):
                continue  # references far outside the coverage are background, not the story
            pubs = self.published.get(day, 0) + self.published.get(cal.shift_day(day, 1), 0)
            volume = sum(self.published.get(cal.shift_day(day, i), 0)
                         for i in range(-w.volume_window, w.volume_window + 1))
            raw = refs.get(day, 0.0) + w.publication * pubs + extra.get(day, 0.0)
            out[day] = raw / (1 + volume) ** w.volume_damping
        return out

    def rank(self, k: int, extra: dict[str, float] | None = None, weights: DateWeights | None = None) -> list[str]:
        """The k best days, best first."""
        scored = self.scores(extra, weights)
        return [d for d, _ in sorted(scored.items(), key=lambda kv: (-kv[1], kv[0]))[:k]]

    def best_reference(self, day: str) -> tuple[str, str | None]:
        """The best sentence referring to a day, and its article's id."""
        keep = self.sentences.get(day) or []
        if not keep:
            return "", None
        _, sentence, article_id = max(keep, key=lambda x: x[0])
        return sentence, article_id


def _sentence_quality(ref: DateRef) -> float:
    n = len(ref.sentence.split())
    return (1.0 if ref.explicit else 0.0) + (1.0 if 8 <= n <= 40 else 0.0) - n / 200


def select_dates(articles: Iterable[tuple[str, str | None, str]], k: int,
                 weights: DateWeights = DEFAULT_WEIGHTS) -> list[str]:
    """The k most important days of a collection of (id, published, text), best first."""
    signal = DateSignal(weights)
    for article_id, published, text in articles:
        signal.add_article(article_id, published, text)
    return signal.rank(k)
