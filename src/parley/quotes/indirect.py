"""Indirect attributions: reported speech, belief, intention and evidence outside quotation marks.

A cue from the lexicon (data/cues.toml) gives content where the lexicon says it can sit: a clausal
complement ("said that ..."), an infinitive ("plans to ..."), an object ("stressed the need ..."), a
prepositional object ("called for ..."), the clause beside "according to" or a parenthetical "he
said". Nouns of speech and thought give the clause they govern ("Trump’s claim that ...", "her
decision to ...") when someone owns them. A short label before a colon at a line's start
("Poll: ...") gives the rest of the line. An attribution whose cue lies inside another's content is
dropped, so a relayed claim belongs to the outer speaker.
"""

from __future__ import annotations

import numpy
from spacy.attrs import LEMMA, LOWER

from .marks import SENTENCE_END, trim
from .speakers import PRONOUNS, Speakers
from .text import Attribution

# Complements tried in this order; the first the verb has and the lexicon allows holds the content.
_ORDER = ("ccomp", "xcomp", "dobj")
# Dependents of an object that belong to the content: "called the deal a failure", "saw it as weak".
_OBJECT_TAIL = frozenset({"oprd", "ccomp", "xcomp"})
_NOUN_PREPS = frozenset({"about", "on", "over", "against"})
_MAX_LABEL = 4  # words in a 'Label: ...' source
_SCAN = 200  # tokens searched either side of a cue for its sentence's ends


class Indirect(Speakers):
    def _indirect(self) -> list[tuple[int, int, Attribution]]:
        """(content start, content end, attribution) for cues outside quotes."""
        if not self.has_parse:
            return []
        found = []
        for i in self._cue_candidates():
            t = self.doc[i]
            content = subject = None
            if self._is_indirect_cue(t):
                # headlines carry claims too ("Flynn says Trump is right"), but only with a clause
                if self._line_is_title(t.idx) and not any(c.dep_ == "ccomp" for c in t.children):
                    continue
                content, subject = self._passive(t)
                if content is None:
                    content = self._content(t)
                    subject = self._subject(t) if content else None
            elif t.pos_ == "NOUN" and t.lemma_.lower() in self.cues.cue_nouns and not self._line_is_title(t.idx):
                content, subject = self._noun_content(t)
            if content is None or subject is None:
                continue
            if content[0] <= subject.idx < content[1] and t.dep_ != "parataxis":
                continue
            found.append((content[0], content[1], Attribution(t, subject)))
        found.extend(self._labels())
        # outer wins: drop an attribution whose cue lies in another's content
        return [f for f in found if not any(o is not f and o[0] <= f[2].cue.idx < o[1] for o in found)]

    def _cue_candidates(self) -> list[int]:
        """Tokens outside quotes that may be a cue ("according", or a lemma the lexicon lists), read
        from the token arrays: making a Token object for every token cost more than the tests."""
        strings = self.doc.vocab.strings
        according = strings["according"]
        cues = self.cues
        known: dict[int, bool] = {}  # lemma hash -> whether its lower case is a cue lemma
        out = []
        for i, (lemma, lower) in enumerate(self.doc.to_array([LEMMA, LOWER]).tolist()):
            if self.inside[i]:
                continue
            wanted = known.get(lemma)
            if wanted is None:
                word = strings[lemma].lower()
                wanted = known[lemma] = word in cues.complements or word in cues.prepositions or word in cues.cue_nouns
            if wanted or lower == according:
                out.append(i)
        return out

    def _is_indirect_cue(self, t) -> bool:
        if t.lower_ == "according":
            return t.i + 1 < len(self.doc) and self.doc[t.i + 1].lower_ == "to"
        lemma = t.lemma_.lower()
        return (t.pos_ == "VERB" or t.tag_.startswith("VB")) and (
            lemma in self.cues.complements or lemma in self.cues.prepositions
        )

    def _passive(self, cue) -> tuple[tuple[int, int] | None, object]:
        """'Clinton has been endorsed by dozens of papers': the agent holds the passive subject."""
        lemma = cue.lemma_.lower()
        if "dobj" not in self.cues.complements.get(lemma, frozenset()):
            return None, None
        subjects = [c for c in cue.children if c.dep_ == "nsubjpass" and not self.inside[c.i]]
        agent = next((g for c in cue.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"), None)
        if not subjects or agent is None:
            return None, None
        return self._clip(cue, list(subjects[0].subtree)), agent

    def _content(self, cue) -> tuple[int, int] | None:
        lemma = cue.lemma_.lower()
        allowed = self.cues.complements.get(lemma, frozenset())
        parenthetical = (
            cue.dep_ == "parataxis" and "ccomp" in allowed and not any(c.dep_ == "ccomp" for c in cue.children)
        )
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
            parts = self._complement(cue, allowed, lemma)
            if not parts:
                return None
            tokens = [t for p in parts for t in p.subtree]
        return self._clip(cue, tokens)

    def _complement(self, cue, allowed: frozenset, lemma: str) -> list:
        """The dependents of a cue verb that hold its content."""
        children = list(cue.children)
        preps = self.cues.prepositions.get(lemma, frozenset())
        if any(c.dep_ == "prt" and c.lower_ in preps for c in children):  # 'pointed out that ...'
            allowed = allowed | {"ccomp", "dobj"}
        # a passive cue's subject is the content's subject, not a speaker: 'he is said to be ill'
        passive = any(c.dep_ in ("nsubjpass", "auxpass") for c in children)
        for dep in _ORDER:
            if dep not in allowed or (passive and dep == "xcomp"):
                continue
            parts = [c for c in children if c.dep_ == dep and not self.inside[c.i]]
            if dep == "dobj" and parts:  # 'accused the GOP of stoking', 'saw it as weak'
                parts += [c for c in children if c.dep_ in _OBJECT_TAIL or (c.dep_ == "prep" and c.lower_ in preps | {"as"})]
            if parts:
                return parts
        return [g for c in children if c.dep_ == "prep" and c.lower_ in preps for g in c.children
                if g.dep_ in ("pobj", "pcomp")]

    def _noun_content(self, noun) -> tuple[tuple[int, int] | None, object]:
        """(content span, owner) of a noun of speech or thought: 'Trump’s claim that ...'."""
        parts = [c for c in noun.children if c.dep_ in ("acl", "ccomp") and c.pos_ in ("VERB", "AUX")
                 and not any(g.dep_ in ("nsubj", "nsubjpass") and g.lower_ in ("that", "which") for g in c.children)]
        if not parts:
            parts = [g for c in noun.children if c.dep_ == "prep" and c.lower_ in _NOUN_PREPS
                     for g in c.children if g.dep_ in ("pobj", "pcomp")]
        if not parts:
            return None, None
        owner = self._owner(noun)
        if owner is None:
            return None, None
        return self._clip(noun, [t for p in parts for t in p.subtree]), owner

    def _owner(self, noun):
        """Who holds a cue noun: its possessor, its 'by' agent, or the subject of a light verb."""
        for c in noun.children:
            owns = c.dep_ == "poss" or (c.dep_ == "nsubj" and any(g.dep_ == "case" for g in c.children))
            if owns and not self.inside[c.i]:  # the parser sometimes makes "Doe’s" a subject
                return c
        for c in noun.children:
            if c.dep_ == "prep" and c.lower_ == "by":
                agent = next((g for g in c.children if g.dep_ == "pobj"), None)
                if agent is not None:
                    return agent
        head = noun.head
        if noun.dep_ == "dobj" and head.lemma_.lower() in self.cues.light_verbs and not self.inside[head.i]:
            return self._subject(head)
        return None

    def _labels(self) -> list[tuple[int, int, Attribution]]:
        """'Poll: Clinton leads', 'PENCE: Well, ...': a short source before a colon opening a line."""
        found = []
        colon = self.doc.vocab.strings[":"]
        for i in numpy.flatnonzero(self.orths == colon).tolist():  # only the colons, not every token
            t = self.doc[i]
            if self.inside[t.i] or i == 0 or i > len(self.doc) - 3:
                continue
            line_start = self.body.rfind("\n", 0, t.idx) + 1
            label = self._label_words(line_start, i)
            if not label or any(x.is_punct or self.inside[x.i] for x in label):
                continue
            head = label[-1]
            text = self.body[label[0].idx : head.idx + len(head)]
            known = head.ent_type_ in ("PERSON", "ORG", "NORP", "GPE") or head.lower_ in self.cues.colon_sources
            if not (known or (text.isupper() and len(text) > 2)) or head.lower_ in PRONOUNS:
                continue
            end = self.body.find("\n", t.idx)
            s, e = trim(self.body, t.idx + 1, end if end >= 0 else len(self.body), strip_comma=True)
            if e - s > 3:
                found.append((s, e, Attribution(t, head)))
        return found

    def _label_words(self, line_start: int, colon: int) -> list:
        """The words from the line's start to the colon; empty when there are more than a label has.
        Read backwards from the colon and no further than that: a line can be a whole article."""
        words: list = []
        for j in range(colon - 1, self._tok(line_start) - 1, -1):
            x = self.doc[j]
            if x.is_space or x.idx < line_start:
                continue
            words.append(x)
            if len(words) > _MAX_LABEL:
                return []
        return words[::-1]

    def _clip(self, cue, tokens: list) -> tuple[int, int] | None:
        """The span of `tokens` within the cue's sentence and running text, without a leading 'that'."""
        lo, hi = self._block(cue.idx)
        for t in self.doc[cue.i + 1 : min(len(self.doc), cue.i + _SCAN)]:  # the content ends with its sentence
            if t.text in SENTENCE_END and not self.inside[t.i]:
                hi = min(hi, t.idx)
                break
        for t in reversed(self.doc[max(0, cue.i - _SCAN) : cue.i]):
            if t.text in SENTENCE_END and not self.inside[t.i]:
                lo = max(lo, t.idx + 1)
                break
        tokens = [t for t in tokens if not t.is_space and lo <= t.idx < hi]
        while tokens and (tokens[0].is_punct or tokens[0].lower_ == "that" and tokens[0].dep_ == "mark"):
            tokens.pop(0)
        if not tokens or (len(tokens) == 1 and tokens[0].pos_ not in ("PROPN", "NOUN")):
            return None  # a lone name is content ('endorsed Clinton'); a lone pronoun says nothing
        tokens.sort(key=lambda t: t.i)
        s, e = tokens[0].idx, tokens[-1].idx + len(tokens[-1])
        s, e = trim(self.body, s, e, strip_comma=True)
        return (s, e) if e > s else None
