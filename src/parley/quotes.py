"""Quotes: direct, partial and indirect quotations, each credited to the speaker the text names.

Three passes over one parsed article:

1. Double quotation marks are paired into segments. A quote still open at a paragraph's end goes on
   when the next paragraph opens with a fresh mark (news style); otherwise it is unbalanced and
   dropped. Single-quoted fragments count only in body sentences that carry a reporting verb, so
   headline scare quotes and apostrophes ("the US’ pursuit") are left alone.
2. A quote standing as a clause of its own is attributed from the few words beside it
   ("…,” he said, “…”), else from the quotes next to it in its paragraph, else from a reporting
   clause just before it; when nothing is clear the speaker stays null. A fragment embedded in a
   sentence ("called it a “first step”") is a partial quote with the speaker of that sentence.
3. Reporting verbs outside quotes with a content clause give indirect quotes. An attribution whose
   cue lies inside another's content is dropped, so a relayed quote belongs to the outer speaker.

Speakers resolve through ArticleActors. A pronoun the actor layer leaves open falls back to the
nearest earlier person speaker or subject; a description ("the lawmakers") stays as written.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass

from typing import TYPE_CHECKING

from .ids import record_id
from .options import Options
from .records import Article, Quote

if TYPE_CHECKING:  # only the interface is needed: quotes must not depend on how actors are built
    from .actors import ArticleActors

# Verbs that report speech; used for indirect quotes and for the clause beside a direct quote.
SPEECH_VERBS = frozenset(
    """say tell add note stress underscore warn insist claim argue state announce explain suggest
    emphasise emphasize acknowledge admit deny write tweet report reply respond answer ask declare
    assert remark observe comment mention confirm predict recall reiterate repeat urge demand
    promise vow pledge complain concede contend maintain indicate disclose reveal testify allege
    caution conclude counter""".split()
)
# Only beside a direct quote: as indirect cues these mostly mean something else ("post a loss").
DIRECT_ONLY_VERBS = frozenset("continue quip joke shout exclaim whisper post charge recount read".split())
DIRECT_CUES = SPEECH_VERBS | DIRECT_ONLY_VERBS
# The subject of these verbs owns a quoted fragment in their object ("defended the “bold” decision").
FRAGMENT_VERBS = DIRECT_CUES | frozenset(
    """call describe defend praise criticize criticise condemn welcome dismiss accuse label term hail
    slam blast reject express dub characterize characterise brand refer thank blame question
    challenge lament applaud denounce""".split()
)
# Verbs whose noun object can be the reported content ("stressed the need for ...").
OBJECT_CONTENT_VERBS = frozenset(
    "stress underscore emphasise emphasize note announce deny acknowledge admit demand promise urge pledge vow".split()
)
# Nouns of speech whose owner said the words quoted under them ('Trump’s claim that ...').
SPEECH_NOUNS = frozenset(
    """claim statement remark remarks comment words description assertion promise pledge warning
    call insistence argument accusation suggestion message criticism characterization
    announcement tweet speech""".split()
)
PERSON_PRONOUNS = frozenset({"he", "she", "him", "her"})
PRONOUNS = PERSON_PRONOUNS | frozenset({"i", "we", "they", "it", "you", "who"})

_MARK = re.compile(r"''|``|[\"“”„«»]")
_OPENING = frozenset("“„«") | {"``"}
_CLOSING = frozenset("”»")
_SENTENCE_END = frozenset({".", "!", "?"})
_PARAGRAPH_BREAK = re.compile(r"\n[ \t\r\f\v]*\n")
_TITLE_END = tuple(".!?:;\"”’')]")
_PHRASE_DROP = frozenset({"appos", "relcl", "acl", "advcl", "punct", "parataxis", "advmod", "npadvmod"})
_MAX_REGION = 40
_DASHES = frozenset("―—–") | {"--"}
_LABEL = re.compile(r"\s*([A-Z][A-Z.'’-]+(?: [A-Z][A-Z.'’-]+){0,3}): ")
_MAX_SINGLE = 160


@dataclass(frozen=True)
class FoundQuote:
    """A quote with the spans behind it, for evaluation: where the speaker and cue were read."""

    quote: Quote
    speaker_span: tuple[int, int] | None
    cue_span: tuple[int, int] | None


@dataclass
class _Segment:
    start: int  # content, between the marks
    end: int
    open_at: int  # the opening mark
    close_end: int  # just after the closing mark (== end when the quote runs on)
    paragraph: int
    group: int
    continued: bool = False
    single: bool = False


@dataclass
class _Attribution:
    cue: object  # spaCy Token (the cue's head word; "according" for "according to"), or None
    subject: object  # spaCy Token: head of the speaker phrase


def find_quotes(article: Article, doc, actors: ArticleActors, options: Options) -> list[Quote]:
    return [found.quote for found in extract_quotes(article, doc, actors, options)]


def extract_quotes(article: Article, doc, actors: ArticleActors, options: Options) -> list[FoundQuote]:
    """Quotes of one article with their speaker and cue spans, in text order."""
    if not article.body or len(doc) == 0:
        return []
    return _Extractor(article, doc, actors).run()


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


def quote_segments(body: str) -> list[_Segment]:
    """Double-quoted segments of the body, in order; unbalanced marks are dropped."""
    paragraphs = paragraphs_of(body)
    segments: list[_Segment] = []
    group, carry = 0, False
    for pi, (ps, pe) in enumerate(paragraphs):
        opened: tuple[int, int, str] | None = None
        depth = 0
        for m in _MARK.finditer(body, ps, pe):
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
                segments.append(_Segment(opened[1], m.start(), opened[0], m.end(), pi, group))
                opened = None
        carry = False
        if opened is not None and pi + 1 < len(paragraphs):
            nxt = _MARK.match(body, paragraphs[pi + 1][0])
            if nxt and _mark_role(body, nxt.start(), nxt.end(), nxt.group()) != "close":
                segments.append(_Segment(opened[1], pe, opened[0], pe, pi, group, continued=True))
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


class _Extractor:
    """The state of one article's extraction (built per call, never shared)."""

    def __init__(self, article: Article, doc, actors: ArticleActors) -> None:
        self.article, self.doc, self.actors = article, doc, actors
        self.body: str = doc.text
        self.paragraphs = paragraphs_of(self.body)
        self.para_starts = [p[0] for p in self.paragraphs]
        self.starts = [t.idx for t in doc]
        self.segments = quote_segments(self.body)
        self.inside = bytearray(len(doc))  # token lies inside a double-quoted segment
        self.is_mark = bytearray(len(doc))
        for seg in self.segments:
            for i in self._token_range(seg.start, seg.end):
                self.inside[i] = 1
        for t in doc:
            if _MARK.fullmatch(t.text) or t.text in ("‘", "’", "'"):
                self.is_mark[t.i] = 1
        self.used_cues: set[int] = set()
        self.people: list[tuple[int, str, str | None]] = []  # (position, name, actor id) of persons
        self.has_parse = doc.has_annotation("DEP")

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
        first = self.doc[self._tok(start)].sent
        last = self.doc[self._tok(max(start, end - 1))].sent
        return max(first.start_char, self._block(start)[0]), min(last.end_char, self._block(max(start, end - 1))[1])

    def _block(self, pos: int) -> tuple[int, int]:
        """The lines around `pos` that form running text: a line break counts only after a line
        that ends like a sentence or a title (hard-wrapped prose joins its lines)."""
        body = self.body
        start = body.rfind("\n", 0, pos) + 1
        while start > 1 and body[start - 2] != "\n" and _soft_wrap(body, start - 1):
            start = body.rfind("\n", 0, start - 1) + 1
        end = body.find("\n", pos)
        while end >= 0 and end + 1 < len(body) and body[end + 1] != "\n" and _soft_wrap(body, end):
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

    # ---------------------------------------------------------------- speakers
    def _subject(self, cue):
        """The speaker's head token for a cue, through the parse."""
        if not self.has_parse:
            return None
        if cue.lower_ == "according":
            for prep in [*cue.children, self.doc[cue.i + 1]]:
                for c in prep.children:
                    if c.dep_ == "pobj":
                        return c
            return None
        t = cue
        for _ in range(3):
            # two subjects ('Trump, the president said') is a misparse: the nearer one speaks
            subjects = [c for c in t.children if c.dep_ in ("nsubj", "nsubjpass") and not self.inside[c.i]]
            if subjects:
                subject = self._appositive_speaker(min(subjects, key=lambda c: abs(c.i - cue.i)), cue)
                if subject.lower_ in ("who", "that") and t.dep_ == "relcl" and not self.inside[t.head.i]:
                    return t.head  # 'an official who said': the noun the clause describes
                return subject
            if t.dep_ in ("conj", "advcl", "xcomp") and t.head is not t and not self.inside[t.head.i]:
                if t.dep_ == "xcomp":  # 'prompted the leader to announce': the object speaks
                    for c in t.head.children:
                        if c.dep_ == "dobj" and not self.inside[c.i]:
                            return c
                t = t.head
                continue
            break
        return None

    def _appositive_speaker(self, subject, cue):
        """'Trump, the president said, ...': an apposition not closed by a comma is the real subject."""
        for c in subject.children:
            if c.dep_ == "appos" and c.i < cue.i:
                last = max(c.subtree, key=lambda t: t.i)
                between = [t for t in self.doc[last.i + 1 : cue.i] if not t.is_space]
                if not between and subject.i < c.i:
                    return c
        return subject

    def _near_noun(self, region: list, k: int):
        """A speaker next to the cue when the parse gives none: 'he said', ', said Jane Doe'."""
        for t in reversed(region[max(0, k - 2) : k]):
            if t.pos_ in ("PROPN", "PRON", "NOUN") and t.dep_ not in ("pobj", "dobj", "dative", "poss"):
                return self._climb(t, region)
        cue = region[k]
        if cue.lemma_.lower() != "tell" and all(t.is_punct or t.is_space for t in region[:k]):
            for t in region[k + 1 : k + 5]:
                if t.pos_ in ("PROPN", "PRON", "NOUN"):
                    return self._climb(t, region)
        return None

    @staticmethod
    def _climb(t, region: list):
        inside = {r.i for r in region}
        while t.dep_ in ("compound", "amod", "det", "poss", "nmod", "flat") and t.head.i in inside and t.head is not t:
            t = t.head
        return t

    def _phrase(self, head) -> tuple[int, int]:
        """Span of the speaker phrase: the head with its modifiers, without appositions or clauses."""
        keep = [head]
        stack = [c for c in head.children if c.dep_ not in _PHRASE_DROP]
        label = self.inside[head.i]  # a transcript label inside the quote: "PENCE: ..."
        while stack:
            t = stack.pop()
            if (self.inside[t.i] and not label) or self.is_mark[t.i]:
                continue
            keep.append(t)
            stack.extend(c for c in t.children if c.dep_ not in ("relcl", "acl", "appos", "punct"))
        # only the unbroken run of tokens around the head, on its own lines
        kept = {t.i for t in keep}
        lo = hi = head.i
        while lo - 1 in kept and head.i - lo < 11 and not self.doc[lo - 1].is_space:
            lo -= 1
        while hi + 1 in kept and hi - lo < 11 and not self.doc[hi + 1].is_space:
            hi += 1
        start, end = self.doc[lo].idx, self.doc[hi].idx + len(self.doc[hi])
        text = self.body[start:end]
        lead = len(text) - len(text.lstrip(" ,;:—–-\n"))
        trail = len(text) - len(text.rstrip(" ,;:—–-\n"))
        return start + lead, end - trail

    def _name_tokens(self, head) -> list:
        hyphenated = head.i > 0 and self.body[head.idx - 1] == "-"  # 'Do-hoon' parsed as a noun
        if head.pos_ != "PROPN" and not hyphenated:
            return [head]
        names = [head]
        for c in head.children:
            if c.dep_ in ("compound", "flat") and c.pos_ in ("PROPN", "NOUN", "AUX", "PUNCT", "X"):
                names.extend(c.subtree)
        return names

    def _resolve(self, head, span: tuple[int, int]) -> tuple[str, str | None]:
        """(speaker name, actor id) for the speaker phrase headed by `head`."""
        low = head.lower_
        if low in PRONOUNS or head.pos_ == "PRON":
            actor = self.actors.at(head.idx, head.idx + len(head))
            if actor is not None:
                return actor.name, actor.id
            if low in PERSON_PRONOUNS:
                antecedent = self._antecedent(head.idx)
                if antecedent:
                    return antecedent
            return head.text, None
        names = self._name_tokens(head)
        lo = max(span[0], min(t.idx for t in names))
        hi = min(span[1], max(t.idx + len(t) for t in names))
        mentions = self.actors.mentions_in(lo, hi)
        if mentions:
            people = [m for m in mentions if (a := self.actors.actor(m.actor_id)) and a.kind == "person"]
            best = max(people or mentions, key=lambda m: m.end - m.start)
            actor = self.actors.actor(best.actor_id)
            if actor is not None:
                return actor.name, actor.id
        return self.body[span[0] : span[1]], None

    def _is_person(self, head, actor_id: str | None) -> bool:
        actor = self.actors.actor(actor_id)
        if actor is not None:
            return actor.kind == "person"
        return head.ent_type_ == "PERSON"

    def _antecedent(self, pos: int) -> tuple[str, str | None] | None:
        """The last-named person before `pos`: a speaker, else a sentence's subject, a few sentences back."""
        sent = self.doc[self._tok(pos)].sent
        for _ in range(8):
            lo, hi = sent.start_char, min(sent.end_char, pos)
            spoken = [p for p in self.people if lo <= p[0] < hi]
            if spoken:
                return spoken[-1][1], spoken[-1][2]
            subjects = [
                t for t in sent
                if t.dep_ in ("nsubj", "nsubjpass") and t.idx < pos and not self.inside[t.i]
                and t.lower_ not in PRONOUNS and t.pos_ != "PRON"
            ]
            subjects.sort(key=lambda t: (t.head.dep_ != "ROOT", -t.i))
            for t in subjects:
                name, aid = self._resolve(t, self._phrase(t))
                if self._is_person(t, aid):
                    return name, aid
            if sent.start == 0:
                return None
            sent = self.doc[sent.start - 1].sent
        return None

    def _speaker(self, att: _Attribution | None) -> tuple[str | None, str | None, tuple[int, int] | None]:
        if att is None or att.subject is None:
            return None, None, None
        span = self._phrase(att.subject)
        name, aid = self._resolve(att.subject, span)
        if att.subject.lower_ not in PRONOUNS and self._is_person(att.subject, aid):
            self.people.append((att.subject.idx, name, aid))
        elif att.subject.lower_ in PERSON_PRONOUNS and aid is not None:
            self.people.append((att.subject.idx, name, aid))
        return name, aid, span

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
                if t.text in _SENTENCE_END:
                    break
                out.append(t)
                i += 1
        else:
            i = bisect_right(self.starts, pos - 1) - 1
            while i >= 0 and len(out) < _MAX_REGION:
                t = self.doc[i]
                if t.idx < limit or self.inside[i] or self.is_mark[i] or ("\n" in t.text and t.is_space):
                    break
                if t.text in _SENTENCE_END:
                    break
                out.append(t)
                i -= 1
            out.reverse()
        return [t for t in out if not t.is_space]

    def _from_region(self, region: list, forward: bool, quote_ends_sentence: bool) -> _Attribution | None:
        cues = [k for k, t in enumerate(region) if self._is_cue(t, DIRECT_CUES)]
        if not cues:
            return None
        k = cues[0] if forward else cues[-1]
        cue = region[k]
        if forward and quote_ends_sentence and k > 2:
            return None  # a new sentence that merely mentions speech
        if forward and quote_ends_sentence and any(c.dep_ == "ccomp" for c in cue.children):
            return None
        ids = {t.i for t in region}
        subject = self._subject(cue)
        if subject is not None and subject.i not in ids and cue.lower_ != "according":
            subject = None
        if subject is None:
            subject = self._near_noun(region, k)
        if subject is None:
            return None
        return _Attribution(cue, subject)

    def _attribute_direct(self, seg: _Segment) -> _Attribution | None:
        para_end = self.paragraphs[seg.paragraph][1]
        content = self.body[seg.start : seg.end].rstrip()
        label = _LABEL.match(self.body, seg.start, seg.end)
        if label:  # a transcript turn: "PENCE: Well, ..."
            head = self.doc[self._tok(label.end(1) - 1)]
            if head.idx >= seg.start:
                return _Attribution(None, head)
        if not seg.continued:
            region = self._region(seg.close_end, True, para_end)
            if len(region) > 1 and region[0].text in _DASHES and region[1].pos_ == "PROPN":
                return _Attribution(None, self._climb(region[1], region))  # “…” ― Jane Doe
            ends_sentence = content.endswith(".") and bool(region) and region[0].text[:1].isupper()
            att = self._from_region(region, True, ends_sentence)
            if att:
                return att
            if not region and not content.endswith(tuple(_SENTENCE_END)) and seg.paragraph + 1 < len(self.paragraphs):
                ns, ne = self.paragraphs[seg.paragraph + 1]
                nxt = self._region(ns, True, ne)[:12]
                if nxt and nxt[0].text[:1].islower():
                    att = self._from_region(nxt, True, False)
                    if att:
                        return att
        char, _ = self._prev_char(seg.open_at)
        if char in (",", ":"):
            ps = self.paragraphs[seg.paragraph][0]
            region = self._region(seg.open_at, False, ps)
            att = self._from_region(region, False, False)
            if att is None and char == ":":
                att = self._colon_clause(region)
            return att
        return None

    def _colon_clause(self, region: list) -> _Attribution | None:
        """'Obama has a new message: “…”': a person subject of the clause that the colon ends."""
        ids = {t.i for t in region}
        for t in reversed(region):
            if t.dep_ in ("nsubj", "nsubjpass") and t.head.i in ids:
                name, aid = self._resolve(t, self._phrase(t))
                if t.lower_ not in PRONOUNS and self._is_person(t, aid):
                    return _Attribution(t.head, t)
                return None
        return None

    def _attribute_previous(self, seg: _Segment) -> _Attribution | None:
        """A reporting clause in the sentence just before the quote, same paragraph or ending in ':'."""
        char, at = self._prev_char(seg.open_at)
        if at < 0 or not self.has_parse:
            return None
        if self._paragraph(at) != seg.paragraph and char != ":":
            return None
        sent = self.doc[self._tok(at)].sent
        for t in reversed(sent):
            if not self.inside[t.i] and self._is_cue(t, DIRECT_CUES):
                subject = self._subject(t)
                if subject is not None:
                    return _Attribution(t, subject)
        return None

    def _attribute_fragment(self, start: int, end: int) -> _Attribution | None:
        """The speaker of the sentence a fragment sits in: the outermost reporting verb above it."""
        if not self.has_parse:
            return None
        tokens = [self.doc[i] for i in self._token_range(start, end)]
        if not tokens:
            return None
        ids = {t.i for t in tokens}
        root = next((t for t in tokens if t.head.i not in ids or t.head is t), tokens[0])
        above = [a for a in root.ancestors if not self.inside[a.i]]
        speech = [a for a in above if self._is_cue(a, DIRECT_CUES) and self._subject(a) is not None]
        if speech:
            return _Attribution(speech[-1], self._subject(speech[-1]))
        for a in above:
            if self._is_cue(a, FRAGMENT_VERBS) and self._subject(a) is not None:
                return _Attribution(a, self._subject(a))
            if a.lemma_.lower() in SPEECH_NOUNS and a.pos_ == "NOUN":  # 'Trump’s claim that …'
                owner = next((c for c in a.children if c.dep_ == "poss" and not self.inside[c.i]), None)
                if owner is not None:
                    return _Attribution(a, owner)
        sent = root.sent
        cues = [
            t for t in sent
            if not self.inside[t.i] and not (start <= t.idx < end) and self._is_cue(t, DIRECT_CUES)
        ]
        cues.sort(key=lambda t: len(list(t.ancestors)))
        for cue in cues:
            subject = self._subject(cue)
            if subject is not None:
                return _Attribution(cue, subject)
        # no reporting verb: words quoted in a person's action ('admires Putin as a “strong leader”')
        verb = next((a for a in above if a.pos_ in ("VERB", "AUX")), None)
        subject = self._subject(verb) if verb is not None else None
        if subject is None:
            return None
        if subject.lower_ in PERSON_PRONOUNS or self._is_person(subject, self._resolve(subject, self._phrase(subject))[1]):
            return _Attribution(verb, subject)
        return None

    # ---------------------------------------------------------------- passes
    def _single_segments(self) -> list[_Segment]:
        """Single-quoted fragments in body text (apostrophes and possessives are not openers)."""
        found = []
        for pi, (ps, pe) in enumerate(self.paragraphs):
            pos = ps
            for m in re.finditer(r"[‘']", self.body[ps:pe]):
                s = ps + m.start()
                if s < pos:
                    continue
                before = self.body[s - 1] if s > ps else " "
                after = self.body[s + 1] if s + 1 < pe else " "
                if not (before.isspace() or before in "([—–“\"") or not after.isalpha():
                    continue
                for c in re.finditer(r"[’']", self.body[s + 1 : min(pe, s + _MAX_SINGLE)]):
                    e = s + 1 + c.start()
                    nxt = self.body[e + 1] if e + 1 < pe else " "
                    if self.body[e - 1].isspace() or nxt.isalnum():
                        continue
                    if "\n" not in self.body[s:e] and not _MARK.search(self.body, s, e):
                        found.append(_Segment(s + 1, e, s, e + 1, pi, -1, single=True))
                        pos = e + 1
                    break
        return found

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

        atts: dict[int, _Attribution | None] = {id(s): self._attribute_direct(s) for s in direct}
        by_group: dict[int, _Attribution] = {}
        for seg in direct:
            if atts[id(seg)] is not None:
                by_group.setdefault(seg.group, atts[id(seg)])
        for k, seg in enumerate(direct):
            if atts[id(seg)] is None:
                atts[id(seg)] = by_group.get(seg.group) or self._neighbour(direct, k, atts)
        for seg in direct:
            if atts[id(seg)] is None:
                atts[id(seg)] = self._attribute_previous(seg)

        singles = [s for s in self._single_segments() if not self._inside_double(s.start)]
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
            s, e = _trim(self.body, seg.start, seg.end, strip_comma=(kind == "direct"))
            if e <= s:
                continue
            if att is not None and att.cue is not None:
                self.used_cues.add(att.cue.i)
            results.append(self._make(s, e, kind, att, speakers[("q", n)], date))
        covered = [(f.quote.start, f.quote.end) for f in results if f.quote.kind == "direct"]
        for n, (s, e, att) in enumerate(indirect):
            if att.cue.i in self.used_cues or _overlap_share(s, e, covered) > 0.5:
                continue
            results.append(self._make(s, e, "indirect", att, speakers[("i", n)], date))
        results.sort(key=lambda f: (f.quote.start, f.quote.end))
        unique, seen = [], set()
        for f in results:
            if (f.quote.start, f.quote.end, f.quote.kind) not in seen:
                seen.add((f.quote.start, f.quote.end, f.quote.kind))
                unique.append(f)
        return unique

    def _inside_double(self, pos: int) -> bool:
        return any(seg.open_at <= pos < seg.close_end for seg in self.segments)

    def _neighbour(self, direct: list[_Segment], k: int, atts: dict) -> _Attribution | None:
        """The speaker of the quote before (else right after) this one in its paragraph."""
        seg = direct[k]
        for j in range(k - 1, -1, -1):
            if direct[j].paragraph != seg.paragraph:
                break
            if atts[id(direct[j])] is not None:
                return atts[id(direct[j])]
        if k + 1 < len(direct):
            nxt = direct[k + 1]
            if nxt.paragraph == seg.paragraph and not self.body[seg.close_end : nxt.open_at].strip():
                return atts[id(nxt)]
        return None

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

    def _indirect(self) -> list[tuple[int, int, _Attribution]]:
        """(content start, content end, attribution) for reporting verbs outside quotes."""
        if not self.has_parse:
            return []
        found = []
        for t in self.doc:
            calls = t.lemma_.lower() == "call" and any(
                c.dep_ == "prep" and c.lower_ in ("for", "on") for c in t.children
            )
            if self.inside[t.i] or not (calls or self._is_cue(t, SPEECH_VERBS)) or self._line_is_title(t.idx):
                continue
            content = self._content(t)
            if content is None:
                continue
            subject = self._subject(t)
            if subject is None or (content[0] <= subject.idx < content[1] and t.dep_ != "parataxis"):
                continue
            found.append((content[0], content[1], _Attribution(t, subject)))
        # outer wins: drop an attribution whose cue lies in another's content
        return [
            f for f in found
            if not any(o is not f and o[0] <= f[2].cue.idx < o[1] for o in found)
        ]

    def _content(self, cue) -> tuple[int, int] | None:
        lemma = cue.lemma_.lower()
        parenthetical = cue.dep_ == "parataxis" and not any(c.dep_ == "ccomp" for c in cue.children)
        if cue.lower_ == "according" or parenthetical:
            head = cue.head
            if head is cue or self.inside[head.i]:
                return None
            phrase = sorted(t.i for t in cue.subtree)
            if parenthetical:  # 'to prevent problems, he said, officials should be vigilant'
                side = (lambda t: t.i < phrase[0] or t.i > phrase[-1])
            else:
                side = (lambda t: t.i < phrase[0]) if head.i < phrase[0] else (lambda t: t.i > phrase[-1])
            tokens = [t for t in head.subtree if side(t)]
        else:
            parts = [c for c in cue.children if c.dep_ == "ccomp"]
            if not parts and lemma in ("tell", "urge", "ask"):
                parts = [c for c in cue.children if c.dep_ == "xcomp"]
            if not parts and lemma in OBJECT_CONTENT_VERBS:
                parts = [c for c in cue.children if c.dep_ in ("dobj", "xcomp")]
            if not parts and lemma == "call":
                parts = [g for c in cue.children if c.dep_ == "prep" and c.lower_ in ("for", "on") for g in c.children]
            if not parts:
                return None
            tokens = [t for p in parts for t in p.subtree]
        lo, hi = self._block(cue.idx)
        for t in self.doc[cue.i + 1 : min(len(self.doc), cue.i + 200)]:  # the content ends with its sentence
            if t.text in _SENTENCE_END and not self.inside[t.i]:
                hi = min(hi, t.idx)
                break
        for t in reversed(self.doc[max(0, cue.i - 200) : cue.i]):
            if t.text in _SENTENCE_END and not self.inside[t.i]:
                lo = max(lo, t.idx + 1)
                break
        tokens = [t for t in tokens if not t.is_space and lo <= t.idx < hi]
        while tokens and (tokens[0].is_punct or tokens[0].lower_ == "that" and tokens[0].dep_ == "mark"):
            tokens.pop(0)
        if len(tokens) < 2:
            return None
        tokens.sort(key=lambda t: t.i)
        s, e = tokens[0].idx, tokens[-1].idx + len(tokens[-1])
        s, e = _trim(self.body, s, e, strip_comma=True)
        return (s, e) if e > s else None


def _soft_wrap(body: str, newline: int) -> bool:
    """Whether the line break at `newline` falls inside a sentence (lower-case on both sides)."""
    before = body[newline - 1] if newline else ""
    after = body[newline + 1] if newline + 1 < len(body) else ""
    return (before.islower() or before in ",;") and after.islower()


def _trim(body: str, start: int, end: int, strip_comma: bool) -> tuple[int, int]:
    while start < end and body[start].isspace():
        start += 1
    while end > start and (body[end - 1].isspace() or (strip_comma and body[end - 1] in ",;")):
        end -= 1
    return start, end


def _overlap_share(start: int, end: int, spans: list[tuple[int, int]]) -> float:
    """Share of [start, end) covered by the spans (which do not overlap each other)."""
    if end <= start:
        return 0.0
    covered = sum(max(0, min(end, e) - max(start, s)) for s, e in spans)
    return covered / (end - start)
