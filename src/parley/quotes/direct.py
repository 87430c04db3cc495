"""Direct and partial quotes: who said the words between quotation marks.

A quote standing as a clause of its own is attributed from the few words beside it
("…,” he said, “…”), else from the quotes next to it in its paragraph, else from a reporting clause
just before it; when nothing is clear the speaker stays null. A fragment embedded in a sentence
("called it a “first step”") is a partial quote with the speaker of that sentence.
"""

from __future__ import annotations

import re

from .marks import SENTENCE_END, Segment
from .speakers import PERSON_PRONOUNS, PRONOUNS, Speakers
from .text import Attribution

_DASHES = frozenset("―—–") | {"--"}
_LABEL = re.compile(r"\s*([A-Z][A-Z.'’-]+(?: [A-Z][A-Z.'’-]+){0,3}): ")


class Direct(Speakers):
    def _from_region(self, region: list, forward: bool, quote_ends_sentence: bool) -> Attribution | None:
        cues = [k for k, t in enumerate(region) if self._is_cue(t, self.cues.direct)]
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
        return Attribution(cue, subject)

    def _attribute_direct(self, seg: Segment) -> Attribution | None:
        para_end = self.paragraphs[seg.paragraph][1]
        content = self.body[seg.start : seg.end].rstrip()
        label = _LABEL.match(self.body, seg.start, seg.end)
        if label:  # a transcript turn: "PENCE: Well, ..."
            head = self.doc[self._tok(label.end(1) - 1)]
            if head.idx >= seg.start:
                return Attribution(None, head)
        if not seg.continued:
            region = self._region(seg.close_end, True, para_end)
            if len(region) > 1 and region[0].text in _DASHES and region[1].pos_ == "PROPN":
                return Attribution(None, self._climb(region[1], region))  # “…” ― Jane Doe
            ends_sentence = content.endswith(".") and bool(region) and region[0].text[:1].isupper()
            att = self._from_region(region, True, ends_sentence)
            if att:
                return att
            if not region and not content.endswith(tuple(SENTENCE_END)) and seg.paragraph + 1 < len(self.paragraphs):
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

    def _colon_clause(self, region: list) -> Attribution | None:
        """'Obama has a new message: “…”': a person subject of the clause that the colon ends."""
        ids = {t.i for t in region}
        for t in reversed(region):
            if t.dep_ in ("nsubj", "nsubjpass") and t.head.i in ids:
                name, aid = self._resolve(t, self._phrase(t))
                if t.lower_ not in PRONOUNS and self._is_person(t, aid):
                    return Attribution(t.head, t)
                return None
        return None

    def _attribute_previous(self, seg: Segment) -> Attribution | None:
        """A reporting clause in the sentence just before the quote, same paragraph or ending in ':'."""
        char, at = self._prev_char(seg.open_at)
        if at < 0 or not self.has_parse:
            return None
        if self._paragraph(at) != seg.paragraph and char != ":":
            return None
        sent = self.doc[self._tok(at)].sent
        for t in reversed(sent):
            if not self.inside[t.i] and self._is_cue(t, self.cues.direct):
                subject = self._subject(t)
                if subject is not None:
                    return Attribution(t, subject)
        return None

    def _attribute_fragment(self, start: int, end: int) -> Attribution | None:
        """The speaker of the sentence a fragment sits in: the outermost reporting verb above it."""
        if not self.has_parse:
            return None
        tokens = [self.doc[i] for i in self._token_range(start, end)]
        if not tokens:
            return None
        ids = {t.i for t in tokens}
        root = next((t for t in tokens if t.head.i not in ids or t.head is t), tokens[0])
        above = [a for a in root.ancestors if not self.inside[a.i]]
        speech = [a for a in above if self._is_cue(a, self.cues.direct) and self._subject(a) is not None]
        if speech:
            return Attribution(speech[-1], self._subject(speech[-1]))
        for a in above:
            if self._is_cue(a, self.cues.fragment) and self._subject(a) is not None:
                return Attribution(a, self._subject(a))
            if a.lemma_.lower() in self.cues.speech_nouns and a.pos_ == "NOUN":  # 'Trump’s claim that …'
                owner = next((c for c in a.children if c.dep_ == "poss" and not self.inside[c.i]), None)
                if owner is not None:
                    return Attribution(a, owner)
        sent = root.sent
        cues = [
            t for t in sent
            if not self.inside[t.i] and not (start <= t.idx < end) and self._is_cue(t, self.cues.direct)
        ]
        cues.sort(key=lambda t: len(list(t.ancestors)))
        for cue in cues:
            subject = self._subject(cue)
            if subject is not None:
                return Attribution(cue, subject)
        # no reporting verb: words quoted in a person's action ('admires Putin as a “strong leader”')
        verb = next((a for a in above if a.pos_ in ("VERB", "AUX")), None)
        subject = self._subject(verb) if verb is not None else None
        if subject is None:
            return None
        if subject.lower_ in PERSON_PRONOUNS or self._is_person(subject, self._resolve(subject, self._phrase(subject))[1]):
            return Attribution(verb, subject)
        return None


    def _inside_double(self, pos: int) -> bool:
        return any(seg.open_at <= pos < seg.close_end for seg in self.segments)

    def _neighbour(self, direct: list[Segment], k: int, atts: dict) -> Attribution | None:
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
