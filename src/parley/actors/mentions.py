"""Mentions in one article: named people with their titles, organisations, countries, groups.

`find_actors` reads the parsed body in three passes:
1. spans the pipeline or the knowledge names: PERSON/ORG entities, country names, demonyms,
   capitals, institutions, user actors (phrase matcher), titles and group nouns (phrase matcher);
2. for each person, the title before the name ("Deputy Foreign Minister Tomas Varga"),
   an apposition after it ("Elin Rask, Norway's special envoy for ...") or before it
   ("his French counterpart, Jean Martin"), and nationality words;
3. resolution (resolve.py): surnames, pronouns and descriptions to people, groups by country and
   sector, then the Actor and Mention records.
Datelines and wire credits (wire.py) are read by none of the passes; a form of address ("Mr", "Dr")
is not part of a name; a body named without its owner ("the Board of Governors of the IAEA") takes it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache

import numpy
import spacy
from spacy.attrs import ORTH, SENT_START
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span
from rapidfuzz import fuzz, process
from spacy.util import filter_spans

from ..language import entities
from ..options import Options
from ..records import Article
from .index import ArticleActors
from .knowledge import PERSON_LOOKALIKES, Knowledge, Term, Title, load_knowledge, not_an_actor
from .appositions import share_plural_appositions
from .offices import country_after_of, owner_after_of, possessor_country, serves
from .lookalikes import (common_word_at_start, describes, function_word_first, modifies_a_thing, names_agents,
                         place_words, reads_as_person, reads_as_place, run_on, titled_names, capital_acts)
from .wire import credit_tokens
from .wording import SMALL_WORDS, head_text, name_text, name_words, title_text

__all__ = ["find_actors", "load_knowledge", "Cand", "TitleSeen"]

POSSESSIVE = {"'s", "’s", "'", "’"}
CONNECT = {"of", "for", "and", "-", "on"}
# words that belong to a title without being one ("chief nuclear negotiator", "senior advisor")
TITLE_PREFIX = {"deputy", "vice", "assistant", "special", "senior", "chief", "acting", "principal", "first",
                "executive", "associate", "permanent", "top", "nuclear", "foreign", "defense", "defence",
                "national", "security", "state", "interim", "lead", "head"}
# words that qualify a title without being part of it
QUALIFIER = {"former", "new", "then", "outgoing", "incoming", "ousted", "late", "current", "ex", "newly",
             "appointed", "elected", "veteran", "longtime", "long-time", "ruling", "sitting", "reclusive"}
PAST = {"former", "then", "outgoing", "ousted", "late", "ex"}
BREAK = {",", ".", ";", ":", "(", ")", '"', "“", "”", "—", "–", "?", "!", "|", "•"}
NOT_ROLES = {"counterpart", "candidate"}
GOVERNMENTS = {"administration", "government", "regime", "cabinet"}
ARMED = "REB"  # the sector code of rebels, militants and other non-state armed groups
_NO_TERM = Term("none", "", None)
# forms of address: not part of the name, and the gender they give ("Mr Somchanh", "Ms. Kang", "Dr Ahmed")
HONORIFICS = {"mr": "m", "mister": "m", "sir": "m", "mrs": "f", "ms": "f", "miss": "f", "madam": "f", "madame": "f",
              "mme": "f", "dame": "f", "dr": None, "prof": None, "mx": None}


@dataclass
class TitleSeen:
    title: str  # normalised: "Deputy Secretary of State"
    country: str | None
    sector: str | None
    cls: str | None
    past: bool = False
    role: bool = True  # "counterpart" describes a person without being an office


@dataclass
class Cand:
    """A mention before resolution; token offsets into the doc."""

    start: int
    end: int
    kind: str  # mention kind: name | surname | title | pronoun | description | metonym
    akind: str  # actor kind: person | organization | country | group
    name: str
    country: str | None = None
    sector: str | None = None
    titles: list[TitleSeen] = field(default_factory=list)
    nationality: str | None = None  # from a demonym or possessive country next to the name
    term: Term | None = None  # the knowledge entry it matched, if any
    head: str | None = None  # group/description noun ("lawmakers", "envoy")
    cls: str | None = None  # description class ("diplomat")
    definite: bool = False  # "the envoy" (refers back) vs "an envoy"
    name_start: int = -1  # where the name itself starts (after a title)
    affiliation: tuple | None = None  # (country, sector) of the NGO/IGO a person works at
    indefinite: bool = False  # "a Seoul official": someone new, not someone named before
    as_title: bool = False  # "... now serves as U.S. Deputy Secretary of State": a title of the subject
    appos: tuple[int, int] | None = None  # token range of an apposition describing the person
    owner: str | None = None  # the organisation a group or office belongs to, when it is not a country
    addressed: bool = False  # named with an honorific ("Mr Somchanh"): the word may be any part of the name
    gender: str | None = None  # from the honorific
    bare: bool = False  # a plural with no determiner ("Militants attacked"): refers only to a story's one such group


def find_actors(article: Article, doc: Doc, knowledge: Knowledge, options: Options) -> ArticleActors:
    """The actors of one article and every place each is mentioned."""
    from .resolve import resolve

    if not len(doc):
        return ArticleActors([], [])
    if not isinstance(knowledge, Knowledge):  # callers that pass the old placeholder dict
        knowledge = load_knowledge(options)
    reader = _Reader(doc, knowledge, (article.published or "")[:10] or None, credit_tokens(article, doc, knowledge))
    cands = reader.read()
    return resolve(article, doc, cands, knowledge, reader.sent_index())


@cache
def _matchers(knowledge: Knowledge, vocab) -> tuple[PhraseMatcher, PhraseMatcher]:
    make = spacy.blank("en", vocab=vocab).make_doc
    terms = PhraseMatcher(vocab, attr="ORTH")
    forms = set()
    for form in knowledge.terms:
        forms.add(form)
        if form[:1].islower():
            forms.add(form[0].upper() + form[1:])  # "the Kremlin" at a sentence start
    terms.add("TERM", [make(f) for f in sorted(forms)])
    titles = PhraseMatcher(vocab, attr="LOWER")
    # tokenise each casing: "Rep." is one token, "rep." two
    variants = {v for p in knowledge.titles for v in (p, p[:1].upper() + p[1:], p.title())}
    titles.add("TITLE", [make(v) for v in sorted(variants)])
    return terms, titles


class _Reader:
    def __init__(self, doc: Doc, knowledge: Knowledge, date: str | None = None, skip: set[int] | None = None) -> None:
        self.doc = doc
        self.k = knowledge
        self.date = date
        skip = skip or set()  # datelines and wire credits: no mention starts or ends in them
        self.skip = skip
        term_matcher, title_matcher = _matchers(knowledge, doc.vocab)
        # "Bosnian Serbs" tagged PERSON is a people, read as a group below
        self.persons = [e for e in entities(doc) if e.label_ == "PERSON" and not _touches(e, skip)
                        and not all((knowledge.lookup(t.text) or _NO_TERM).kind == "demonym" for t in e if not t.is_punct)]
        person_at = {i: e for e in self.persons for i in range(e.start, e.end)}
        person_tok = set(person_at)
        terms = []
        for span in filter_spans([doc[s:e] for _, s, e in term_matcher(doc) if not _touches(doc[s:e], skip)]):
            # a country word inside a longer person name is part of the name ("Jordan" in "Michael Jordan")
            e = person_at.get(span.start)
            if e is None or (e.start, e.end) == (span.start, span.end) or not (e.start <= span.start and span.end <= e.end):
                terms.append(span)
        self.terms = {s.start: s for s in terms}
        self.term_tok = {i: s for s in terms for i in range(s.start, s.end)}
        titles = filter_spans([doc[s:e] for _, s, e in title_matcher(doc)])
        self.titles = {s.start: s for s in titles if not (set(range(s.start, s.end)) & (person_tok | skip))}
        self.title_tok = {i: s for s in self.titles.values() for i in range(s.start, s.end)}
        self.claimed: set[int] = set(skip)
        self.persons = sorted(self.persons + titled_names(self, person_tok), key=lambda e: e.start)
        surnames = {e[-1].text for e in self.persons if len(e) > 1}
        people_as_orgs = [e for e in entities(doc) if e.label_ == "ORG" and not _touches(e, skip) and reads_as_person(self, e, surnames)]
        places = place_words(doc)
        self.persons = sorted([e for e in self.persons if not (len(e) == 1 and e.text in places)] + people_as_orgs,
                              key=lambda e: e.start)
        self.org_at = {i: e for e in entities(doc) if e.label_ == "ORG" and not _touches(e, skip) and e not in people_as_orgs
                       for i in range(e.start, e.end)}
        self.last_person_at: dict[int, Cand] = {}
        self.north_south = self._find_north_south()
        self._sent = None

    def sent_index(self) -> list[int]:
        if self._sent is None:
            if not len(self.doc):
                self._sent = []
            else:  # sentence number per token, from the doc's sentence-start array
                starts = self.doc.to_array([SENT_START]).astype("int64") == 1
                starts[0] = True
                self._sent = (numpy.cumsum(starts) - 1).tolist()
        return self._sent

    def term(self, span: Span) -> Term:
        return self.k.lookup(span.text)

    def title(self, span: Span) -> Title:
        return self.k.titles[span.text.lower()]

    # -- pass 1 and 2 ------------------------------------------------------------------------------

    def read(self) -> list[Cand]:
        cands: list[Cand] = []
        for ent in self.persons:
            cand = self._person(ent)
            if cand:
                cands.append(cand)
        share_plural_appositions(self, cands)
        for cand in cands:
            self.claimed.update(range(cand.start, cand.end))
            if cand.appos:
                self.claimed.update(range(*cand.appos))
        cands.extend(self._title_nouns())
        cands.extend(self._terms())
        cands.extend(self._misspelt_places())
        cands.extend(self._orgs())
        cands.extend(self._north_south_mentions())
        cands.sort(key=lambda c: (c.start, -c.end))
        self._owners(cands)
        return cands

    def _owners(self, cands: list[Cand]) -> None:
        """A body named without its country or organisation takes the one the text ties it to:
        "the Board of Governors of the International Atomic Energy Agency", "the agency's Board of
        Governors" (the agency named before), "the Ministry of Defence of Ukraine"."""
        by_start = {c.start: c for c in cands}
        for n, c in enumerate(cands):
            if c.akind != "organization" or c.kind != "name" or c.term is not None or c.country:
                continue
            owner = self._owner_after(c, by_start) or self._owner_before(c, cands[:n])
            if owner is None:
                continue
            c.country = owner.country
            if owner.akind == "organization":
                c.name = f"{owner.name} {c.name}"
                c.sector = c.sector or owner.sector

    def _owner_after(self, c: Cand, by_start: dict) -> Cand | None:
        i = c.end
        if i >= len(self.doc) or self.doc[i].lower_ != "of":
            return None
        i += 1
        if i < len(self.doc) and self.doc[i].lower_ == "the":
            i += 1
        owner = by_start.get(i)
        if owner is None or not owner.country or owner.kind != "name" or owner.akind not in ("organization", "country"):
            return None
        return owner

    def _owner_before(self, c: Cand, earlier: list[Cand]) -> Cand | None:
        """"the agency's Board": the organisation named last whose name ends in that noun."""
        i = c.start - 1
        if i < 1 or self.doc[i].text not in POSSESSIVE or not self.doc[i - 1].is_lower:
            return None
        noun = self.doc[i - 1].lower_
        for other in reversed(earlier):
            if other.akind == "organization" and other.country and other.term is not None \
                    and other.name.lower().split()[-1] == noun:
                return other
        return None

    def _person(self, ent: Span) -> Cand | None:
        doc = self.doc
        start, end = ent.start, ent.end
        while end > start and (doc[end - 1].text in POSSESSIVE or doc[end - 1].is_punct):
            end -= 1
        while start < end and (start in self.title_tok or doc[start].is_punct):
            start += 1  # "President Trump" tagged whole: the title is read below
        honorific, start = self._honorific(ent.start, start, end)
        if end - start >= 3 and (self.k.lookup(doc[start].text) or _NO_TERM).kind in ("country", "demonym"):
            start += 1  # "Envoy for Ruritania Anna Novak": the country before a full name is not in it
        if start >= end:
            return None
        name_span = doc[start:end]
        for i in range(start, end):
            span = self.term_tok.get(i)
            other = self.term(span) if span is not None and (span.start, span.end) != (start, end) else None
            if other is not None and other.kind in ("user", "institution"):
                return None  # "Mr Adebayo" of a user's actor: the term pass takes it
        term = self.k.lookup(name_span.text)
        if term is not None and term.kind != "user":
            return None  # "Yonhap" tagged PERSON is the agency; the term pass takes it
        words = [t for t in name_span if not t.is_punct or t.text == "-"]
        if not any(t.is_title or t.is_upper for t in words):
            return None
        name = name_text(name_span)
        governed = self._leader_government(name, end)
        if governed is not None:
            return governed
        if not_an_actor(name, PERSON_LOOKALIKES) or self._platform(start, end) or function_word_first(name_span):
            return None  # "Lakeside District", "INS Harbour", "X" read as people
        cand = Cand(ent.start, end, "name" if len(name.split()) > 1 else "surname", "person", name,
                    name_start=start, term=term)
        if honorific is not None:
            # "Mr Somchanh": the mention keeps the form of address, which tells the quotes stage the gender
            cand.start, cand.kind, cand.addressed = honorific, "title", True
            cand.gender = HONORIFICS[doc[honorific].lower_.rstrip(".")]
        self._pre_title(cand, min(start, cand.start))
        self._apposition_after(cand, end)
        if not cand.titles:
            self._apposition_before(cand, ent.start)
        self._coordinated(cand)
        return cand

    def _platform(self, start: int, end: int) -> bool:
        return not_an_actor(self.doc[start:end].text, ("platform",))

    def _honorific(self, ent_start: int, start: int, end: int) -> tuple[int | None, int]:
        """The token of a form of address just before or at the start of a name, and where the name
        itself starts: "Mr Somchanh" tagged whole, or "Mr." left outside the entity."""
        doc, at = self.doc, None
        while start < end - 1 and _honorific_word(doc[start]):
            at = start if at is None else at
            start += 1
            while start < end - 1 and doc[start].text == ".":
                start += 1
        if at is None and ent_start > 0 and _honorific_word(doc[ent_start - 1]):
            at = ent_start - 1
        elif at is None and ent_start > 1 and doc[ent_start - 1].text == "." and _honorific_word(doc[ent_start - 2]):
            at = ent_start - 2
        return at, start

    def _leader_government(self, name: str, end: int) -> Cand | None:
        """"the Bush administration", "the Putin government": a leader's name standing for the
        government they head, when the leaders data knows the name at the article's date."""
        if end >= len(self.doc) or self.doc[end].lower_ not in GOVERNMENTS or self.k.leaders is None:
            return None
        m = self.k.leaders.match([name], ["leader"], self.date, self.k.family_first)
        if m is None:
            return None
        start = end - len(name.split())
        return Cand(start, end + 1, "name", "organization", f"{name} {self.doc[end].lower_}", m.country, "GOV")

    def _pre_title(self, cand: Cand, start: int) -> None:
        """Title, nationality and qualifiers written before the name, back to a break."""
        doc, i, chunk = self.doc, start - 1, []
        while i >= 0 and start - i <= 14:
            t = doc[i]
            if t.ent_type_ == "PERSON" and i not in self.title_tok or i in self.skip:
                break
            lower = t.lower_
            ok = (i in self.title_tok or i in self.term_tok or lower in CONNECT or t.text in POSSESSIVE
                  or lower in TITLE_PREFIX or lower in QUALIFIER or (t.is_title and t.pos_ == "PROPN"))
            if not ok or t.text in BREAK or t.is_space:
                break
            chunk.insert(0, t)
            if t.is_sent_start:
                break
            i -= 1
        mark = chunk[0].i if chunk and chunk[0].text in POSSESSIVE else (chunk[0].i - 1 if chunk else -1)
        owner = possessor_country(self, mark) if mark > 0 and doc[mark].text in POSSESSIVE else None
        while chunk and (chunk[0].lower_ in CONNECT or chunk[0].text in POSSESSIVE):
            chunk.pop(0)
        if not chunk:
            return
        self._read_chunk(cand, chunk)
        serves(self, cand, owner)
        if cand.titles or cand.nationality:
            cand.start = chunk[0].i
            cand.kind = "title"
            self.claimed.update(t.i for t in chunk)

    def _read_chunk(self, cand: Cand, chunk: list) -> bool:
        """Country and title in a run of words around a name; the title runs to the chunk's end
        ("Special Representative for North Korea")."""
        idx = [t.i for t in chunk]
        heads = []
        for i in idx:
            span = self.title_tok.get(i)
            if span is not None and span.start == i and self.title(span).kind == "person":
                after = self.doc[span.end] if span.end < len(self.doc) else None
                if after is None or after.i == cand.name_start or not (after.ent_type_ == "PERSON" or after.text in POSSESSIVE):
                    heads.append(span)
        first_title = next((i for i in idx if i in self.title_tok), None)
        country = None
        for span in sorted({self.term_tok[i] for i in idx if i in self.term_tok}, key=lambda s: s.start):
            if first_title is not None and span.start >= first_title:
                break
            term = self.term(span)
            if term and term.country and term.actor_kind != "person":
                country = country or term.country
        if country is None and first_title is not None:
            country = next((self.north_south[i] for i in idx if i in self.north_south and i < first_title), None)
        if not heads:
            if country and first_title is None:
                cand.nationality = cand.nationality or country
                return True
            return False
        head = heads[-1]
        info = self.title(head)
        if info.topical and country:
            country = None
        if country is None and not info.topical:
            country = country_after_of(self, chunk, head.end)
        words = [t for t in chunk if t.i >= head.start]
        lead = [t for t in chunk if t.i < head.start]
        while lead and lead[-1].lower_ in TITLE_PREFIX | QUALIFIER and lead[-1].i not in self.term_tok:
            words.insert(0, lead.pop())
        past = any(t.lower_ in PAST or t.lower_.startswith("ex-") for t in chunk)
        words = [t for t in words if t.lower_ not in QUALIFIER and t.lower_ != "top"]
        cand.titles.append(TitleSeen(title_text(words), country, info.sector, info.cls, past,
                                     role=head.text.lower() not in NOT_ROLES))
        return True

    def _apposition_after(self, cand: Cand, end: int) -> None:
        """"X, special envoy for ... at the Ministry of Y, said"."""
        doc = self.doc
        if end >= len(doc) - 1 or doc[end].text != ",":
            return
        window, stop = [], None
        for t in doc[end + 1 : end + 30]:
            if t.text in BREAK or t.is_space or t.lower_ in {"who", "which", "that", "whose"} or t.pos_ in ("VERB", "AUX"):
                stop = t
                break
            window.append(t)
        if stop is not None and stop.pos_ in ("VERB", "AUX"):
            return  # "X, the Y president said, ...": the words are the next clause's subject
        if not window or not any(t.i in self.title_tok for t in window[:10]):
            return
        # the title ends where an affiliation starts ("at the International Crisis Group")
        cut = next((n for n, t in enumerate(window) if t.lower_ in {"at", "in", "with", "from"} and t.pos_ == "ADP"
                    and self.doc[t.i - 1].text != "-"), len(window))
        core, rest = window[:cut], window[cut:]
        core = [t for t in core if t.lower_ not in {"the", "a", "an", "his", "her", "its", "their"}]
        if not core or core[0].ent_type_ == "PERSON" and not any(t.i in self.title_tok for t in core):
            return
        if self._read_chunk(cand, core):
            for t in rest:
                span = self.term_tok.get(t.i)
                term = self.term(span) if span is not None else None
                if term and term.kind == "institution" and term.country in ("NGO", "IGO"):
                    cand.affiliation = (term.country, term.sector)
                    break
            cand.appos = (window[0].i, core[-1].i + 1)

    def _apposition_before(self, cand: Cand, start: int) -> None:
        """"his French counterpart, Jean Martin": a description, a comma, the name."""
        doc = self.doc
        if start < 2 or doc[start - 1].text != ",":
            return
        last = start - 2
        if last not in self.title_tok or self.title_tok[last].end != last + 1:
            return
        chunk, owner = [], None
        i = last
        while i >= 0 and last - i < 10:
            t = doc[i]
            if t.lower_ in {"the", "a", "an", "his", "her", "its", "their", "our", "my"} or t.text in BREAK or t.is_space:
                break
            if t.text in POSSESSIVE and (owner := possessor_country(self, i)) is not None:
                break  # "Trump's special envoy, Steve Witkoff": the envoy serves Trump's country
            if t.ent_type_ == "PERSON":
                return
            if t.pos_ in ("VERB", "AUX", "ADP") and t.lower_ not in CONNECT:
                break
            chunk.insert(0, t)
            i -= 1
        if chunk and self._read_chunk(cand, chunk):
            cand.appos = (chunk[0].i, last + 1)
            serves(self, cand, owner)

    def _coordinated(self, cand: Cand) -> None:
        """In "Chilean Foreign Minister Soto, Vice Foreign Minister Vera and ..." the nationality
        of the first name carries over to the next ones."""
        self.last_person_at[cand.end - 1] = cand
        if any(t.country for t in cand.titles) or cand.nationality:
            return
        i = cand.start - 1
        if i < 1 or self.doc[i].lower_ not in {",", "and"}:
            return
        owner = self.last_person_at.get(i - 1)
        if owner is None:
            return
        country = next((t.country for t in owner.titles if t.country), owner.nationality)
        for t in cand.titles:
            t.country = t.country or country
        if not cand.titles:
            cand.nationality = country

    # -- groups, institutions named by a noun, unnamed people ----------------------------------------

    def _title_nouns(self) -> list[Cand]:
        out = []
        for start, span in sorted(self.titles.items()):
            if start in self.claimed or any(i in self.term_tok for i in range(span.start, span.end)):
                continue
            info = self.title(span)
            social = span.text.lower() == "media" and start > 0 and self.doc[start - 1].lower_ == "social"
            if describes(self.doc, span.end) or social:
                continue  # "military-led nations": a modifier; "social media": a platform, not the press
            org = self.org_at.get(start)
            if org is not None and not run_on(self, org) and not any(i in self.term_tok for i in range(org.start, org.end)) \
                    and org.text.lower() not in (span.text.lower(), "the " + span.text.lower()):
                continue  # "the ruling Democratic Party": the organisation pass names it; "Cabinet" alone is ours
            left = self._modifiers(span.start)
            if any(t.text in POSSESSIVE for t in left) and modifies_a_thing(self, span):
                continue  # "China's military build-up", "Iran's army budget": the owner's act or thing
            countries = self._countries_in(left)
            definite = bool(left) and left[0].lower_ == "the" or any(t.text in POSSESSIVE for t in left)
            if start > 0 and self.doc[start - 1].lower_ == "the":
                definite = True
            if info.kind == "org" and len(span) > 1 and all(t.is_title for t in span if t.lower_ not in SMALL_WORDS):
                definite = True  # "Foreign Ministry said": an office written as a name is a known one
            if info.topical:
                countries = []
            head = head_text(span)
            named_before = name_words(left) if info.kind == "org" and not countries else []
            if named_before:  # "the Autonomous Administration": a body's own name the NER missed
                head = " ".join([*(t.text for t in named_before), span.text])
            # "Militants attacked a train", "Gunmen stormed a hotel": fighters named by a bare plural
            # ("all six attackers", "the six gunmen": counted, they are the same fighters)
            bare = info.kind == "group" and info.sector == ARMED and span[-1].tag_ == "NNS" \
                and all(t.pos_ == "NUM" or t.lower_ in ("the", "all") for t in left) and not countries
            if info.kind == "group" or info.kind == "org":
                # ("a court later sentenced X": a state's court, unnamed, is the story's state's)
                state_body = info.kind == "org" and info.sector == "JUD" and left and left[0].lower_ in ("a", "an")
                if not countries and not definite and not bare and not state_body:
                    continue
                pieces = countries or [(None, named_before[0].i if named_before else span.start, None)]
                for code, at, owner in pieces:
                    armed = self._armed_group_at(at, info)
                    if armed is not None:  # "al-Shabab militants", "Hamas fighters": the group itself acts
                        out.append(Cand(at, span.end, "name", armed.actor_kind, armed.name, armed.country, armed.sector, term=armed))
                        continue
                    out.append(Cand(at, span.end, "description", "group" if info.kind == "group" else "organization",
                                    head, code, info.sector, head=head, definite=(definite or bare or state_body) and not countries,
                                    owner=owner, bare=bare))
            else:
                if span.end < len(self.doc) and self.doc[span.end].ent_type_ == "PERSON":
                    continue  # a title before a name the person pass did not take
                definite = definite or self._bare_office(span, left)
                # ("a journalist arrested over ...": someone new, whom the story may name further down)
                indefinite = (left[0] if left else span[0]).lower_ in ("a", "an")
                if not countries and not definite and not indefinite:
                    continue
                code, at, owner = countries[0] if countries else (None, span.start, None)
                if not countries and not info.topical:
                    code, owner = owner_after_of(self, span.end)  # "the leader of ISIS", "the president of Chile"
                words = [t for t in left if t.i >= at and t.lower_ in TITLE_PREFIX and t.i not in self.term_tok]
                cand = Cand(min([at, *[t.i for t in words]]), span.end, "description", "person", title_text([*words, *span]),
                            code, info.sector, head=head.lower(), cls=info.cls, definite=definite, owner=owner)
                first = left[0] if left else span[0]
                cand.indefinite = indefinite
                before = self.doc[min(cand.start, first.i) - 1] if min(cand.start, first.i) > 0 else None
                cand.as_title = before is not None and before.lower_ == "as"
                self._complement(cand)
                out.append(cand)
            self.claimed.update(range(out[-1].start, span.end)) if out else None
        return out

    def _bare_office(self, span, left: list) -> bool:
        """"Foreign Minister told reporters ...": an office written as a name with no name after it and no
        article before it, as a clause subject, means its holder the story named."""
        return not left and all(t.is_title for t in span if t.lower_ not in SMALL_WORDS) \
            and span.root.dep_ in ("nsubj", "nsubjpass")

    def _armed_group_at(self, at: int, info: Title) -> Term | None:
        """The armed group named at token `at` when the noun after it is its fighters ("militants",
        "gunmen", "insurgents": titles of the armed-group sector)."""
        span = self.term_tok.get(at)
        if span is None or info.sector != ARMED:
            return None
        term = self.term(span)
        return term if term is not None and term.kind in ("institution", "user") and term.sector == ARMED else None

    def _complement(self, cand: Cand) -> None:
        """"as Special Representative for North Korea": the title runs on over "for"/"of" and names."""
        if not cand.as_title:
            return
        i = cand.end
        words = []
        while i < len(self.doc) and (self.doc[i].lower_ in ("for", "of") or self.doc[i].is_title) and len(words) < 6:
            words.append(self.doc[i])
            i += 1
        while words and words[-1].lower_ in ("for", "of"):
            words.pop()
        if words:
            cand.name = title_text([*cand.name.split(), *[w.text for w in words]])
            cand.end = words[-1].i + 1

    def _modifiers(self, start: int) -> list:
        """Words before a noun that belong to its phrase: nationality, possessor, adjectives."""
        doc, i, words = self.doc, start - 1, []
        while i >= 0 and start - i <= 8:
            t = doc[i]
            if t.text in BREAK or t.is_space or i in self.claimed or t.ent_type_ == "PERSON":
                break
            if len(t.text) == 2 and t.text[0].isupper() and t.text[1] == "." and doc[i + 1].is_title:
                break  # "posted on X. Militants attacked": the sentence before ends there
            if t.lower_ in {"the", "a", "an"}:
                words.insert(0, t)
                break
            if not (t.pos_ in ("ADJ", "PROPN", "NOUN", "NUM", "PART", "CCONJ", "ADV", "VERB") or i in self.term_tok
                    or t.text in POSSESSIVE or t.text == "-"):
                break
            if t.pos_ == "VERB" and t.tag_ not in ("VBN", "VBG"):
                break
            words.insert(0, t)
            i -= 1
        return words

    def _countries_in(self, words: list) -> list[tuple[str, int, str | None]]:
        """(code, token, owner) for each country or organisation named in a phrase's modifiers; the owner
        is the organisation's name when the code is not a country's ("IGO" for "European Union")."""
        found, seen = [], set()
        for t in words:
            if t.i in self.north_south and self.north_south[t.i] not in seen:
                found.append((self.north_south[t.i], t.i, None))
                seen.add(self.north_south[t.i])
                continue
            span = self.term_tok.get(t.i)
            if span is None or (span.start != t.i and t.i != words[0].i):
                continue
            term = self.term(span)
            if term and term.country and term.kind in ("country", "demonym", "capital", "institution", "user") \
                    and term.actor_kind != "person" and (term.name if term.kind == "institution" else term.country) not in seen:
                # "State Department spokesperson", "Hamas fighters": an institution's own people, named by it
                owner = term.name if term.kind in ("institution", "user") or term.country not in self.k.countries else None
                found.append((term.country, span.start, owner))
                seen.add(term.name if term.kind == "institution" else term.country)
                self.claimed.update(range(span.start, span.end))
        return found

    # -- countries, capitals, institutions, user actors -----------------------------------------------

    def _terms(self) -> list[Cand]:
        out = []
        for start, span in sorted(self.terms.items()):
            if start in self.claimed:
                continue
            term = self.term(span)
            if term is None:
                continue
            if term.kind == "institution" and (body := self._body_of(span, term)) is not None:
                out.append(body)
            elif term.kind in ("institution", "user"):
                out.append(Cand(span.start, span.end, "name", term.actor_kind, term.name, term.country, term.sector, term=term))
            elif term.kind == "country":
                out.append(Cand(span.start, span.end, "name", "country", term.name, term.country, term=term))
            elif term.kind == "demonym":
                # "the Palestinians", "North Koreans said": the people stand for their country
                people = self._people_of(span)
                if people is not None:
                    out.append(people)
                    self.claimed.update(range(people.start, people.end))
                    continue
                root = span.root
                head = root.head
                if root.dep_ in ("amod", "compound", "nmod") and head.i >= span.end and head.tag_ in ("NNS", "NNPS") \
                        and head.i not in self.claimed and head.i - span.end <= 3 and names_agents(head, self.k.titles):
                    # "Algerian landowners", "Russian aircraft": the people or forces of that country
                    info = self.k.titles.get(head.lower_)
                    out.append(Cand(span.start, head.i + 1, "description", "group", head.lower_, term.country,
                                    info.sector if info else None, head=head.lower_))
                    self.claimed.add(head.i)
                else:
                    # "the Palestinians", "Iraqi" in "the Iraqi city": the country itself
                    out.append(Cand(span.start, span.end, "description", "country", term.name, term.country, term=term))
            elif term.kind == "capital" and capital_acts(span):
                out.append(Cand(span.start, span.end, "metonym", "country", term.name, term.country, term=term))
            if out and out[-1].start == span.start:
                self.claimed.update(range(span.start, span.end))
        return out

    def _body_of(self, span: Span, term: Term) -> Cand | None:
        """"the IAEA Board of Governors": an organisation's body named after it, one organisation
        named in the organisation's own words ("International Atomic Energy Agency Board of Governors")."""
        ent = self.org_at.get(span.start)
        if ent is None or ent.end <= span.end or term.actor_kind != "organization":
            return None
        end = ent.end
        while end > span.end and (self.doc[end - 1].text in POSSESSIVE or self.doc[end - 1].is_punct):
            end -= 1
        rest = self.doc[span.end : end]
        if not len(rest) or not rest[0].is_title or any(
                t.i in self.term_tok or t.i in self.claimed or t.ent_type_ == "PERSON"
                or (t.i in self.title_tok and self.title(self.title_tok[t.i]).kind == "person")
                or not (t.is_title or t.lower_ in SMALL_WORDS) for t in rest):
            return None
        sectors = [self.title(self.title_tok[t.i]).sector for t in rest if t.i in self.title_tok]
        self.claimed.update(range(span.start, end))
        return Cand(span.start, end, "name", "organization", f"{term.name} {name_text(rest)}", term.country,
                    (sectors[-1] if sectors else None) or term.sector)

    def _people_of(self, span: Span) -> Cand | None:
        """"Bosnian Serbs", "Iraqi Kurds": a people named by where they live, a group of that country."""
        nxt = self.terms.get(span.end)
        if nxt is None or not nxt.text[:1].isupper() or not nxt.text.endswith("s"):
            nxt_tok = self.doc[span.end] if span.end < len(self.doc) else None
            info = self.k.titles.get(nxt_tok.lower_) if nxt_tok is not None and nxt_tok.is_title else None
            if info is None or info.kind != "group" or info.sector:
                return None
            nxt = self.doc[span.end : span.end + 1]
        else:
            term = self.term(nxt)
            if term is None or term.kind != "demonym" or term.country == self.term(span).country:
                return None
        info = self.k.titles.get(nxt.text.lower())
        return Cand(span.start, nxt.end, "description", "group", self.term(span).name, self.term(span).country,
                    info.sector if info else None, head=nxt.text)

    def _misspelt_places(self) -> list[Cand]:
        """A place the model found that the knowledge lacks may be a misspelt country ("Ethopia")."""
        out = []
        for ent in entities(self.doc):
            if ent.label_ not in ("GPE", "NORP") or any(i in self.claimed or i in self.term_tok for i in range(ent.start, ent.end)):
                continue
            text = ent.text[4:] if ent.text.lower().startswith("the ") else ent.text
            if len(text) < 5:
                continue
            hit = process.extractOne(text, _country_forms(self.k), scorer=fuzz.ratio, score_cutoff=85)
            if hit and hit[0][0] == text[0]:
                term = self.k.terms[hit[0]]
                out.append(Cand(ent.start, ent.end, "name", "country", term.name, term.country, term=term))
                self.claimed.update(range(ent.start, ent.end))
        return out

    def _orgs(self) -> list[Cand]:
        out = []
        for ent in entities(self.doc):
            if ent.label_ != "ORG" or any(i in self.claimed for i in range(ent.start, ent.end)):
                continue
            start, end = ent.start, ent.end
            while start < end and self.doc[start].lower_ == "the":
                start += 1
            if run_on(self, ent):
                continue  # "posted on X. Militants attacked": a sentence's end and the next one's subject
            owned = [t.i for t in self.doc[start:end - 1] if t.text in ("'s", "’s")]
            if owned:
                start = owned[-1] + 1  # "Al-Sharaa's HTS": the organisation is what the possessor owns
            opened = next((t.i for t in self.doc[start:end] if t.text == "("), None)
            if opened is not None and not any(t.text == ")" for t in self.doc[opened:end]):
                end = opened  # "the Free Hills Front (FHF": a name and the start of its bracketed short form
            while end > start and (self.doc[end - 1].text in POSSESSIVE or self.doc[end - 1].is_punct):
                end -= 1
            span = self.doc[start:end]
            if not span.text.strip() or not any(t.is_alpha for t in span) or (len(span) == 1 and span[0].is_lower):
                continue
            term = self.k.lookup(span.text)
            if term and term.kind in ("institution", "user"):
                out.append(Cand(start, end, "name", term.actor_kind, term.name, term.country, term.sector, term=term))
                continue
            if not_an_actor(span.text) or common_word_at_start(span) or reads_as_place(span):
                continue  # "the Minsk Protocol", "Telegram", a sentence's first word "Coordinated ..."
            codes = [self.term(self.term_tok[i]).country for i in range(start, end)
                     if i in self.term_tok and self.term(self.term_tok[i]) and self.term_tok[i].start == i]
            sectors = [self.title(self.title_tok[i]).sector for i in range(start, end) if i in self.title_tok]
            out.append(Cand(start, end, "name", "organization", name_text(span), codes[0] if codes else None,
                            sectors[-1] if sectors else None))
        return out

    def _find_north_south(self) -> dict[int, str]:
        """"the North" for North Korea (or Sudan, ...) when the article names just one such country."""
        named = set()
        for span in self.terms.values():
            term = self.term(span)
            if term and term.kind in ("country", "demonym", "capital"):
                named.add(term.country)
        found = {}
        strings = self.doc.vocab.strings
        orth = self.doc.to_array([ORTH])  # the doc's words as an array: walking every token costs more
        wanted = [strings[w] for w in ("North", "South") if w in strings]
        for i in (numpy.nonzero(numpy.isin(orth, wanted))[0] if wanted else []):
            t = self.doc[int(i)]
            if t.i in self.term_tok:
                continue
            nxt = self.doc[t.i + 1] if t.i + 1 < len(self.doc) else None
            if nxt is not None and nxt.is_title and nxt.text not in POSSESSIVE:
                continue
            if not any(self.doc[j].lower_ == "the" for j in range(max(0, t.i - 3), t.i)):
                continue
            codes = [c for c in named if (self.k.country_name(c) or "").startswith(t.text + " ")]
            if len(codes) == 1:
                found[t.i] = codes[0]
        return found

    def _north_south_mentions(self) -> list[Cand]:
        return [Cand(i, i + 1, "metonym", "country", self.k.country_name(code), code)
                for i, code in sorted(self.north_south.items()) if i not in self.claimed]


def _honorific_word(token) -> bool:
    return token.lower_.rstrip(".") in HONORIFICS and token.text[:1].isupper()


def _touches(span: Span, tokens: set[int]) -> bool:
    return bool(tokens) and any(i in tokens for i in range(span.start, span.end))


@cache
def _country_forms(knowledge: Knowledge) -> list[str]:
    return [f for f, t in knowledge.terms.items() if t.kind in ("country", "demonym") and len(f) >= 5]
