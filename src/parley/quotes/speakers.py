"""Speakers: the phrase a cue names, resolved to an actor; pronouns to a compatible antecedent.

A pronoun the actor layer leaves open goes to the nearest earlier speaker or subject that agrees with
it: "he"/"she" to a single person whose gender, when known (Mr/Ms titles, gendered nouns, pronouns
already resolved to them), matches; "they" to a plural noun, organisation or group. When the nearest
fit is of unknown gender and a known fit stands behind it, the speaker stays null: a wrong person is
worse than none.
"""

from __future__ import annotations

import re

from .text import ArticleText, Attribution, Candidate

_PHRASE_DROP = frozenset({"appos", "relcl", "acl", "advcl", "punct", "parataxis", "advmod", "npadvmod"})
PERSON_PRONOUNS = frozenset({"he", "she", "him", "her"})
PRONOUNS = PERSON_PRONOUNS | frozenset({"i", "we", "they", "them", "it", "you", "who"})
_TITLE_BEFORE = re.compile(r"\b(\w+)\.?\s+$")
_GROUP_KINDS = frozenset({"organization", "group"})
_LOOKBACK = 8  # sentences searched for an antecedent


class Speakers(ArticleText):
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
        hyphenated = head.i > 0 and self.body[head.idx - 1] == "-"  # 'Sang-ho' parsed as a noun
        if head.pos_ != "PROPN" and not hyphenated:
            return [head]
        names = [head]
        for c in head.children:
            if c.dep_ in ("compound", "flat") and c.pos_ in ("PROPN", "NOUN", "AUX", "PUNCT", "X"):
                names.extend(c.subtree)
        return names

    def _resolve(self, head, span: tuple[int, int]) -> tuple[str | None, str | None]:
        """(speaker name, actor id) for the speaker phrase headed by `head`; a pronoun that cannot be
        resolved safely gives (None, None)."""
        low = head.lower_
        if low in PRONOUNS or head.pos_ == "PRON":
            number = self._pronoun(low)
            actor = self.actors.at(head.idx, head.idx + len(head))
            if actor is not None and self._agrees(actor.id, actor.kind, number):
                return actor.name, actor.id
            if number is None:
                return head.text, None
            found = self._antecedent(head.idx, number)
            if found is None:
                return None, None
            if number in ("m", "f"):  # what a pronoun resolved to teaches the next one
                self.genders.setdefault(found.actor_id or found.name.lower(), number)
            return found.name, found.actor_id
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
        if head.pos_ == "PROPN":  # 'Mr. McKinley' where the actor layer marked only 'Kevin McKinley'
            people = {a.id: a for a in self.actors.actors if a.kind == "person" and a.name.split()[-1] == head.text}
            if len(people) == 1:
                actor = next(iter(people.values()))
                return actor.name, actor.id
        return self.body[span[0] : span[1]], None

    def _pronoun(self, low: str) -> str | None:
        """'m', 'f' or 'pl' for a third-person pronoun, else None."""
        if low in self.cues.masculine:
            return "m"
        if low in self.cues.feminine:
            return "f"
        if low in self.cues.plural:
            return "pl"
        return None

    def _agrees(self, actor_id: str | None, kind: str | None, number: str | None) -> bool:
        """Whether an actor can be what a pronoun of `number` refers to."""
        if number == "pl":
            return kind in _GROUP_KINDS
        if number in ("m", "f"):
            return kind == "person" and self.genders.get(actor_id or "", number) == number
        return True

    def _learn_genders(self) -> None:
        """Genders of actors from the article: titles before or in their mentions, else pronouns the
        actor layer tied to them, at least two (one stray 'her' is not enough). Contradiction within
        either kind of evidence leaves the gender unknown."""
        titles: dict[str, set] = {}
        pronouns: dict[str, list] = {}
        for m in self.actors.mentions:
            low = m.text.lower()
            title = _TITLE_BEFORE.search(self.body, max(0, m.start - 12), m.start)
            for word in (low.split()[0] if low.split() else "", title.group(1).lower() if title else ""):
                if gender := self._word_gender(word):
                    titles.setdefault(m.actor_id, set()).add(gender)
            if m.kind == "pronoun" and (gender := self._word_gender(low, pronoun=True)):
                pronouns.setdefault(m.actor_id, []).append(gender)
        for aid, seen in pronouns.items():
            if len(set(seen)) == 1 and len(seen) >= 2:
                self.genders[aid] = seen[0]
        for aid, seen in titles.items():
            if len(seen) == 1:
                self.genders[aid] = next(iter(seen))
            else:
                self.genders.pop(aid, None)

    def _word_gender(self, word: str, pronoun: bool = False) -> str | None:
        masculine, feminine = (
            (self.cues.masculine, self.cues.feminine) if pronoun
            else (self.cues.masculine_words, self.cues.feminine_words)
        )
        return "m" if word in masculine else "f" if word in feminine else None

    def _gender(self, candidate: Candidate) -> str | None:
        key = candidate.actor_id or candidate.name.lower()
        if key in self.genders:
            return self.genders[key]
        words = candidate.name.lower().replace(".", " ").split()
        found = {g for w in words if (g := self._word_gender(w))}
        return found.pop() if len(found) == 1 else None

    def _is_person(self, head, actor_id: str | None) -> bool:
        actor = self.actors.actor(actor_id)
        if actor is not None:
            return actor.kind == "person"
        if head.ent_type_ == "PERSON":
            return True
        return head.pos_ == "PROPN" and any(self._word_gender(c.lower_) for c in head.children if c.dep_ == "compound")

    def _is_plural(self, head, actor_id: str | None) -> bool:
        actor = self.actors.actor(actor_id)
        if actor is not None:
            return actor.kind in _GROUP_KINDS
        return head.tag_ in ("NNS", "NNPS") or head.ent_type_ in ("ORG", "NORP")

    def _candidates(self, pos: int, plural: bool):
        """Earlier speakers, then sentence subjects, sentence by sentence back from `pos`."""
        sent = self.doc[self._tok(pos)].sent
        for _ in range(_LOOKBACK):
            lo, hi = sent.start_char, min(sent.end_char, pos)
            for p in reversed(self.people):
                if lo <= p.position < hi and p.plural == plural:
                    yield p
            subjects = [
                t for t in sent
                if t.dep_ in ("nsubj", "nsubjpass") and t.idx < pos and not self.inside[t.i]
                and t.lower_ not in PRONOUNS and t.pos_ != "PRON"
            ]
            subjects.sort(key=lambda t: (t.head.dep_ != "ROOT", -t.i))
            for t in subjects:
                name, aid = self._resolve(t, self._phrase(t))
                fits = self._is_plural(t, aid) if plural else self._is_person(t, aid)
                if fits and name:
                    yield Candidate(t.idx, name, aid, plural)
            if sent.start == 0:
                return
            sent = self.doc[sent.start - 1].sent

    def _antecedent(self, pos: int, number: str) -> Candidate | None:
        """The nearest earlier candidate agreeing with the pronoun, or None when that is unsure."""
        if number == "pl":
            return next(self._candidates(pos, plural=True), None)
        unsure, horizon = None, 0
        for c in self._candidates(pos, plural=False):
            gender = self._gender(c)
            if unsure is not None:
                if c.position < horizon:
                    break
                if gender == number and (c.actor_id or c.name) != (unsure.actor_id or unsure.name):
                    return None  # a known fit just behind an unknown one: either could be meant
                continue
            if gender == number:
                return c
            if gender is None:
                unsure = c
                sent = self.doc[self._tok(c.position)].sent
                horizon = self.doc[sent.start - 1].sent.start_char if sent.start else 0
        return unsure

    def _speaker(self, att: Attribution | None) -> tuple[str | None, str | None, tuple[int, int] | None]:
        if att is None or att.subject is None:
            return None, None, None
        subject = att.subject
        span = self._phrase(subject)
        name, aid = self._resolve(subject, span)
        if name is None:
            return None, None, span
        low = subject.lower_
        if low not in PRONOUNS and self._is_person(subject, aid):
            self.people.append(Candidate(subject.idx, name, aid, False))
        elif low not in PRONOUNS and self._is_plural(subject, aid):
            self.people.append(Candidate(subject.idx, name, aid, True))
        elif low in PERSON_PRONOUNS and aid is not None:
            self.people.append(Candidate(subject.idx, name, aid, False))
        return name, aid, span
