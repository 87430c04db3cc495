"""Mentions -> actors within one article: surnames, descriptions and pronouns to the people they name.

Rules, in the order they run:
- full names written alike ("Kim Jong Un", "Kim Jong-un") are one person;
- a lone surname is the person with that family name mentioned nearest before it (or, when the
  article has not named anyone by it yet, the first after it); a misspelling one or two letters off
  counts ("Halrow" for "Harlow"); "Mr Somchanh" is the one person with that word anywhere in the name;
- "the envoy", "the top US negotiator", "the South Korean leader" is the latest person whose country
  and kind of office fit; with nobody fitting, an unnamed official of that country;
- "he"/"she" is the subject of its own sentence before it, else the one person (or subject) of the
  last sentence that named somebody;
- groups ("South Korean lawmakers", "Seoul officials") are one actor per country and noun, and
  "the lawmakers" is the latest such group;
- officials and government bodies named without a country ("the Foreign Ministry said") belong to
  the story's home country: the dateline's, else the one it names, else the one it names most.
"""

from __future__ import annotations

import bisect
from collections import Counter
from dataclasses import dataclass, field

import numpy
from rapidfuzz import fuzz
from spacy.attrs import IDX, LENGTH, LOWER
from spacy.tokens import Doc

from ..ids import actor_id
from ..records import Actor, Article, Mention, Role
from .index import ArticleActors
from .knowledge import Knowledge, family_first_names, same_given_name
from .leaders import same_office
from .mentions import Cand
from .plurals import SUBJECT, find_collectives, find_office_pairs, find_plurals, find_they
from .pointing import ARMED, armed_name, point_back, refers_back

PRONOUNS = {"he": "m", "him": "m", "his": "m", "himself": "m", "she": "f", "her": "f", "hers": "f", "herself": "f"}
# a government's offices abroad: "the embassy" is rarely the home country's
MISSIONS = {"embassy", "consulate", "mission", "legation"}
# a story's lead: its first sentences, which often describe a person the body names later
LEAD_SENTENCES = 1  # sentence indices 0 and 1
LEAD_REACH = 6  # how far after the lead the name may come
# kinds of office close enough that a description of one may name a holder of another
FAMILY = {"diplomat": "official", "minister": "official", "official": "official", "adviser": "official",
          "spokesperson": "official", "deputy": "official", "head": "head", "military": "military",
          "legislator": "legislator", "judge": "judge", "spy": "spy", "police": "police"}


@dataclass
class Draft:
    key: str
    kind: str
    name: str
    names: list = field(default_factory=list)
    countries: Counter = field(default_factory=Counter)
    sectors: Counter = field(default_factory=Counter)
    roles: dict = field(default_factory=dict)  # lower title -> Role
    classes: set = field(default_factory=set)
    gender: str | None = None
    spans: list = field(default_factory=list)  # (start_tok, end_tok, mention kind)
    fixed: tuple | None = None  # (country, sector) a user or the knowledge gives
    said: list = field(default_factory=list)  # lower-case titles the article gives, former ones too

    def country(self) -> str | None:
        if self.fixed and self.fixed[0]:
            return self.fixed[0]
        return self.countries.most_common(1)[0][0] if self.countries else None

    def credit(self, country: str | None, sector: str | None, cls: str | None) -> None:
        """What a title or description says of the actor; a country counts double (it is rarely wrong)."""
        if country:
            self.countries[country] += 2
        if sector:
            self.sectors[sector] += 1
        if cls:
            self.classes.add(cls)

    def sector(self) -> str | None:
        if self.fixed and self.fixed[1]:
            return self.fixed[1]
        return self.sectors.most_common(1)[0][0] if self.sectors else None


def resolve(article: Article, doc: Doc, cands: list[Cand], knowledge: Knowledge, sent: list[int]) -> ArticleActors:
    return _Resolver(article, doc, knowledge, sent).run(cands)


class _Resolver:
    def __init__(self, article: Article, doc: Doc, knowledge: Knowledge, sent: list[int]) -> None:
        self.article, self.doc, self.k, self.sent = article, doc, knowledge, sent
        self.date = (article.published or "")[:10] or None
        self.drafts: dict[str, Draft] = {}
        self.person_at: list[tuple[int, str]] = []  # (token, draft key), sorted: who is mentioned where
        self.positions: dict[str, list[int]] = {}  # draft key -> its mention tokens, sorted
        self.subject: dict[int, bool] = {}  # mention token -> whether the mention is a clause subject
        self.group_last: dict[str, int] = {}
        self.homeless: list[Cand] = []  # "the Foreign Ministry" before any ministry with a country
        self._lower = None  # the doc's lower-case forms as an array (see _tokens)
        self._marks: list[int] | None = None  # quotation mark tokens (see _quoted)
        self.pairs: list[tuple[int, int, list[str]]] = []  # "the two sides": token range, draft keys
        self.pointing: list[Cand] = []  # "the militants", "the group", "the bloc": a named organisation
        self.family_first = family_first_names()

    def run(self, cands: list[Cand]) -> ArticleActors:
        persons = [c for c in cands if c.akind == "person" and c.kind != "description"]
        full = [c for c in persons if len(c.name.split()) > 1 or c.term is not None]
        done = {id(c) for c in full}
        for c in full:
            self._add(c, self._person_draft(c))
        surname_keys = self._surname_keys()
        for c in cands:
            if c.akind == "person" and c.as_title:
                self._as_title(c)
        for c in sorted(cands, key=lambda c: c.start):
            if id(c) in done or c.as_title:
                continue
            if c.akind == "person" and c.kind != "description":
                self._add(c, self._surname(c, surname_keys))
            elif c.akind == "person":
                self._description(c)
            elif c.akind in ("group", "organization") and c.head:
                self._group(c)
            else:
                self._named(c)
        point_back(self)
        self._pronouns()
        find_they(self)
        find_plurals(self)
        find_office_pairs(self)
        find_collectives(self)
        self._members(cands)
        self._leaders()
        self._fallback_country()
        self._join_acronyms()
        return self._records()

    # -- people ---------------------------------------------------------------------------------------

    def _person_draft(self, c: Cand) -> Draft:
        if c.term is not None:
            key = actor_id(c.term.actor_kind, c.term.name)
            d = self._draft(key, c.term.actor_kind, c.term.name)
            d.fixed = (c.term.country, c.term.sector)
            for r in c.term.roles:
                d.roles.setdefault(r.title.lower(), r)
            return d
        key = "person:" + _letters(c.name)
        if key not in self.drafts:
            same = self._written_otherwise(c.name) or self._tail_of_longer(c.name)
            if same is not None:
                return same
        return self._draft(key, "person", c.name)

    def _tail_of_longer(self, name: str) -> Draft | None:
        """A name of two words or more that ends the longer name of one person the story gave before
        ("Abdul Mahdi" after "Adel Abdul Mahdi"): a family name of several words written alone."""
        words = name.split()
        if len(words) < 2:
            return None
        found = [d for d in self.drafts.values() if d.kind == "person" and not d.fixed and any(
            len(n.split()) > len(words) and n.split()[-len(words):] == words for n in d.names)]
        return found[0] if len(found) == 1 else None

    def _written_otherwise(self, name: str) -> Draft | None:
        """A person already named with another form of the given name ("Steve" for "Stephen", "Bill" for
        "William") or a family name one or two letters off ("Halrow" for "Harlow"): one person, since
        one story rarely names two people whose names differ only so."""
        given, family = _given_family(name, self.family_first)
        if given is None:
            return None
        for d in self.drafts.values():
            if d.kind != "person" or d.fixed:
                continue
            for other in d.names:
                g, f = _given_family(other, self.family_first)
                if g is not None and (f == family or _near(family, f)) and same_given_name(given, g):
                    return d
        return None

    def _surname_keys(self) -> dict[str, list[str]]:
        keys: dict[str, list[str]] = {}
        for d in self.drafts.values():
            if d.kind != "person":
                continue
            for name in d.names:
                for k in surname_keys(name, self.family_first):
                    keys.setdefault(k, [])
                    if d.key not in keys[k]:
                        keys[k].append(d.key)
        return keys

    def _surname(self, c: Cand, keys: dict[str, list[str]]) -> Draft:
        word = c.name.replace("'", "")
        options = keys.get(word.lower())
        if not options:
            near = [k for k in keys if _near(word.lower(), k)]
            options = [d for k in near for d in keys[k]]
        if not options:
            options = self._by_name_part(word)
        if options:
            return self.drafts[self._likeliest(options, c.start)]
        return self._draft("person:" + _letters(c.name), "person", c.name)

    def _by_name_part(self, word: str) -> list[str]:
        """The one fully named person with this word anywhere in the name: "Mr Somchanh" for Somchanh
        Vilayvong (Lao, Thai and Indonesian people go by the given name), "Jae-in" for Moon Jae-in."""
        low = word.lower()
        if len(low) < 3:
            return []
        found = [d.key for d in self.drafts.values() if d.kind == "person"
                 and any(len(n.split()) > 1 and low in {w.strip(".,'").lower() for w in n.split()} for n in d.names)]
        return found if len(found) == 1 else []

    def _likeliest(self, keys: list[str], at: int) -> str:
        """Of people who share a family name, the one a bare "Lai" means: one named in this sentence or the
        one before; else the story's main one (named most so far), as news calls a relative or a second
        person of that name by the full name; on a tie, the one named last."""
        keys = list(dict.fromkeys(keys))
        if len(keys) == 1:
            return keys[0]
        here = self.sent[at]
        close = [k for k in keys if any(here - 1 <= self.sent[p] <= here for p in self.positions.get(k, []) if p < at)]
        if len(close) == 1:
            return close[0]
        counts = {k: sum(1 for p in self.positions.get(k, []) if p < at) for k in keys}
        top = max(counts.values())
        best = [k for k in keys if counts[k] == top]
        return best[0] if len(best) == 1 else self._nearest(best, at)

    def _nearest(self, keys: list[str], at: int) -> str:
        """Of these people, the one mentioned last before token `at` (else first after it)."""
        best_before, best_after = None, None
        for k in keys:
            pos = self.positions.get(k, [])
            n = bisect.bisect_left(pos, at)
            if n and (best_before is None or pos[n - 1] > best_before[0]):
                best_before = (pos[n - 1], k)
            if n < len(pos) and (best_after is None or pos[n] < best_after[0]):
                best_after = (pos[n], k)
        return (best_before or best_after or (0, keys[0]))[1]

    def _before(self, at: int, limit: int = 400):
        """Person mentions before token `at`, latest first, at most `limit` of them."""
        n = bisect.bisect_left(self.person_at, (at, ""))
        for j in range(n - 1, max(-1, n - 1 - limit), -1):
            yield self.person_at[j]

    def _as_title(self, c: Cand) -> None:
        """"Harlow, who ... now serves as Deputy Foreign Minister": a title of the sentence's
        person named last before it."""
        here = [k for pos, k in self.person_at if pos < c.start and self.sent[pos] == self.sent[c.start]]
        if not here:
            return self._description(c)
        d = self.drafts[here[-1]]
        d.credit(c.country, c.sector, c.cls)
        title = self.k.office(c.name)
        d.roles.setdefault(title.lower(), Role(title, c.country, self.date, self.date))
        d.said.append(title.lower())
        d.spans.append((c.start, c.end, "description"))

    def _members(self, cands: list[Cand]) -> None:
        """A person with no nationality inside a national group's phrase ("the South Korean lawmakers,
        led by Rep. Song") takes the group's country."""
        heads = {}
        for c in cands:
            if c.akind == "group" and c.country:
                heads[c.end - 1] = c.country
        if not heads:
            return
        for d in self.drafts.values():
            if d.kind != "person" or d.countries or d.fixed:
                continue
            for start, end, kind in d.spans:
                if kind not in ("name", "title", "surname"):
                    continue
                t = self.doc[end - 1]
                for _ in range(4):
                    if t.head.i == t.i:
                        break
                    t = t.head
                    if t.i in heads:
                        d.countries[heads[t.i]] += 1
                        break
                if d.countries:
                    break

    def _description(self, c: Cand) -> None:
        d = None
        if (c.definite or c.country) and not c.indefinite:
            d = self._antecedent(c) or (self._named_soon_after(c) if c.country else None)
        elif c.indefinite and self.sent[c.start] <= LEAD_SENTENCES:
            # "A Guatemalan judge ordered ..." in the lead: the story names the judge further down
            d = self._named_soon_after(c, reach=LEAD_REACH, untitled=False)
        if d is None and c.country and (c.head or "").lower() == "counterpart":
            # "met his Iranian counterpart": the person of that state the story names, else that state
            d = self._of_country(c) or self._named_soon_after(c, untitled=False)
            if d is None:
                d = self._draft(actor_id("country", c.country), "country", self.k.country_name(c.country) or c.country)
                d.fixed = (c.country, None)
        if d is None and c.country:
            name = f"{self._owner(c)} {c.name.lower()}"
            d = self._draft("person:" + _letters(name), "person", name)
            d.countries[c.country] += 1
            if c.sector:
                d.sectors[c.sector] += 1
            if c.cls:
                d.classes.add(c.cls)
        if d is None:
            return
        if c.country and not d.countries:
            d.countries[c.country] += 1
        d.spans.append((c.start, c.end, "description"))
        self._seen(c.start, d.key, c.end)

    def _of_country(self, c: Cand) -> Draft | None:
        """The person of `c`'s country the story named last before `c`."""
        for _, key in self._before(c.start):
            d = self.drafts[key]
            if d.kind == "person" and d.country() == c.country:
                return d
        return None

    def _antecedent(self, c: Cand) -> Draft | None:
        recent: list[str] = []
        for _, key in self._before(c.start):
            if key not in recent:
                recent.append(key)
        everyone = [self.drafts[k] for k in recent]
        pool = [d for d in everyone if d.country() == c.country] if c.country else everyone
        exact = [d for d in pool if c.cls and c.cls in d.classes]
        if exact:
            return exact[0]
        family = FAMILY.get(c.cls or "")
        if c.country and family:
            near = [d for d in pool if any(FAMILY.get(x) == family for x in d.classes)]
            if near:
                return near[0]
        if c.country and c.cls:
            # "The envoy, Stephen Harlow, ... The U.S. special representative": the one holder of that
            # office named with no country yet is the one the description now gives a country
            unplaced = [d for d in everyone if d.country() is None and c.cls in d.classes]
            if len(unplaced) == 1:
                return unplaced[0]
        return None

    def _named_soon_after(self, c: Cand, reach: int = 2, untitled: bool = True) -> Draft | None:
        """A story that describes before it names: "Norway's top negotiator on Monday said ...
        Elin Rask, special envoy ..., told reporters". The person named after the description
        (within `reach` sentences) whose office is of the same kind; else, with `untitled`, the first person
        named there for the first time with no title at all ("China's U.N. ambassador told reporters ...
        Fu Cong blamed ..."): news names the person it has just described, and a new name with no title
        right after a description is that person."""
        s = self.sent[c.start]
        family = FAMILY.get(c.cls or "")
        later, bare = [], []
        n = bisect.bisect_right(self.person_at, (c.start, "\uffff"))
        for pos, key in self.person_at[n : n + 200]:
            if self.sent[pos] > s + reach:
                break
            d = self.drafts[key]
            if d.kind != "person" or key in later or (c.country and d.country() not in (None, c.country, "IGO")):
                continue
            if (c.cls and c.cls in d.classes) or (family and any(FAMILY.get(x) == family for x in d.classes)) \
                    or (not c.cls and c.head and c.head in d.said):
                # (a calling with no class of office, "a journalist", names the one the story calls that)
                later.append(key)
            elif untitled and not d.classes and not d.said and not d.fixed and self.positions[key][0] > c.start \
                    and (self.subject.get(pos) or (self.sent[pos] == s and pos > 0 and self.doc[pos - 1].text == ",")):
                # named as the subject of its clause, as a story goes on with the one it described, or set
                # off by a comma right after it ("Pakistan's envoy to the U.N., Munir Akram, said")
                bare.append(key)
        found = later or bare
        return self.drafts[found[0]] if found else None

    def _add(self, c: Cand, d: Draft) -> None:
        if c.name not in d.names:
            d.names.append(c.name)
        kind = c.kind if c.kind != "name" or len(c.name.split()) > 1 else "surname"
        d.spans.append((c.start, c.end, kind))
        if c.appos:
            d.spans.append((c.appos[0], c.appos[1], "description"))
        for t in c.titles:
            title = self.k.office(t.title)
            if t.role:
                d.said.append(title.lower())
            d.credit(t.country, t.sector, t.cls)
            if t.role and not t.past:
                d.roles.setdefault(title.lower(), Role(title, t.country, self.date, self.date))
        if c.nationality:
            d.countries[c.nationality] += 1
        if c.gender and d.gender is None:
            d.gender = c.gender
        if c.affiliation:
            d.fixed = (None if d.countries else c.affiliation[0], c.affiliation[1])
        self._seen(c.start, d.key, c.end)

    def _seen(self, at: int, key: str, end: int | None = None) -> None:
        bisect.insort(self.person_at, (at, key))
        bisect.insort(self.positions.setdefault(key, []), at)
        last = self.doc[(end or at + 1) - 1]
        self.subject[at] = last.dep_ in SUBJECT or (last.dep_ == "appos" and last.head.dep_ in SUBJECT)

    def _pronouns(self) -> None:
        doc, sent = self.doc, self.sent
        for i in self.tokens(*PRONOUNS):
            t = doc[i]
            gender = PRONOUNS.get(t.lower_)
            if gender is None or t.pos_ != "PRON":
                continue
            key = self._pronoun_antecedent(t.i, sent[t.i], gender)
            if key is None:
                continue
            d = self.drafts[key]
            d.gender = d.gender or gender
            d.spans.append((t.i, t.i + 1, "pronoun"))
            self._seen(t.i, key)

    def _pronoun_antecedent(self, at: int, s: int, gender: str) -> str | None:
        def fits(key: str) -> bool:
            g = self.drafts[key].gender
            return self.drafts[key].kind == "person" and (g is None or g == gender)

        quoted = self._quoted(at)
        window = [(pos, k) for pos, k in self._before(at, 200) if self.sent[pos] >= s - 3
                  and (self.sent[pos] != s or self._quoted(pos) == quoted)]
        here = [(pos, k) for pos, k in window if self.sent[pos] == s and fits(k)][::-1]
        if here:
            subjects = [(pos, k) for pos, k in here if self.subject.get(pos)]
            return (subjects or here)[-1][1]
        for back in range(1, 4):
            there = [(pos, k) for pos, k in window if self.sent[pos] == s - back]
            if not there:
                continue
            there = [(pos, k) for pos, k in there if fits(k)]
            keys = {k for _, k in there}
            if len(keys) == 1:
                return keys.pop()
            subjects = {k for pos, k in there if self.subject.get(pos)}
            return subjects.pop() if len(subjects) == 1 else None
        return None

    def tokens(self, *words: str) -> list[int]:
        """Indices of the tokens whose lower-case form is one of `words` (read from the doc's arrays, as
        walking every token of a long story costs more than the rest of this stage)."""
        if self._lower is None:
            self._lower = self.doc.to_array([LOWER])
        strings = self.doc.vocab.strings
        wanted = [strings[w] for w in words if w in strings]
        return [int(i) for i in numpy.nonzero(numpy.isin(self._lower, wanted))[0]] if wanted else []

    def _quoted(self, i: int) -> bool:
        """Whether token i is inside quotation marks within its sentence: "he wrote" after a quote is
        not a person the quote talks about."""
        if self._marks is None:
            self._marks = self.tokens('"', "“", "”")
        n = bisect.bisect_left(self._marks, i)
        return sum(1 for j in self._marks[:n] if self.sent[j] == self.sent[i]) % 2 == 1

    def _leaders(self) -> None:
        """People the article names without a country that the leaders data knows ("President Bush",
        "Putin"): their country, and their office at the article's date. What the article says wins:
        a country it gives is kept, and its titles are only marked former once the term is over."""
        leaders = self.k.leaders
        if leaders is None:
            return
        for d in self.drafts.values():
            if d.kind != "person" or d.fixed:
                continue
            m = leaders.match(d.names, d.said, self.date, self.family_first)
            if m is None or (d.countries and d.country() != m.country):
                continue
            d.countries[m.country] += 1
            if m.name and m.name not in d.names and all(len(n.split()) == 1 for n in d.names):
                d.names.append(m.name)
            office = m.office
            if office is None:
                continue
            info = self.k.titles.get(office.title.lower())
            if m.status == "in":
                if not d.sectors:
                    d.sectors[(info.sector if info else None) or "GOV"] += 1
                if not d.roles:
                    d.roles[office.title.lower()] = Role(office.title, m.country, self.date, self.date)
            elif m.status == "former":
                for key, role in list(d.roles.items()):
                    if same_office(key, office.title.lower()):
                        title = "former " + role.title
                        del d.roles[key]
                        d.roles.setdefault(title.lower(), Role(title, role.country, role.first_seen, role.last_seen))

    def _fallback_country(self) -> None:
        """A person with a government title but no nationality, and a government body or party named
        without one ("the Foreign Ministry said"), belong to the story's home country, if it has one."""
        code = self._home_country()
        for d in self.drafts.values():
            if code is None or d.kind not in ("person", "organization") or d.countries or (d.fixed and d.fixed[0]):
                continue
            # a party named without its country ("the Communist Party") is the home country's too
            if d.sectors.keys() & ({"GOV", "LEG", "MIL", "JUD"} if d.kind == "person" else {"PTY"}):
                d.countries[code] += 1
        for c in self.homeless:  # in text order, so "the ministry" after "the Foreign Ministry" is that one
            if (named_for := self._named_for(c)) is not None:
                # "the Trump administration": a government named for its leader is the leader's state's
                self._named(Cand(c.start, c.end, "name", c.akind, c.head, named_for or None, c.sector))
                continue
            same = self._same_group(c)
            body = None if same or self._dateline_country() else self._body_of_sector(c)
            if not same and c.head.lower() not in self.k.titles:
                # "the Zanu PF party": a body's own name, which a demonym before it would only spoil
                self._named(Cand(c.start, c.end, "name", c.akind, c.head, body or code, c.sector))
            elif same or body or code is not None:
                c.country = None if same else (body or code)
                self._group(c, final=True)
            elif c.head[:1].isupper():  # "Foreign Ministry" written as a name: kept, if without a country
                self._named(Cand(c.start, c.end, "name", c.akind, self.k.office(c.head), None, c.sector))

    def _named_for(self, c: Cand) -> str | None:
        """The country of the person a body is named for ("the Trump administration", "the Modi
        government"): "" when the person is one of no known country; None when no person names it."""
        words = c.head.split()[:-1]
        for d in self.drafts.values():
            if d.kind == "person" and any(n.split()[-1] in words for n in d.names):
                return d.country() or ""
        leaders = self.k.leaders
        for word in words if leaders is not None else ():
            m = leaders.match([word], [], self.date, self.family_first)
            if m is not None:
                return m.country
        return None

    def _body_of_sector(self, c: Cand) -> str | None:
        """The country of the body of the same sector the story named last before `c`: news varies the
        noun for one body ("the Pakistani army ... The military said"), so, when no dateline says whose
        story it is, a bare "the military" is that state's, whichever state the story names most."""
        if not c.sector:
            return None
        best, country = -1, None
        for d in self.drafts.values():
            if d.kind != "organization" or d.sector() != c.sector or d.country() not in self.k.countries:
                continue
            last = max((p for p, _, _ in d.spans if p < c.start), default=-1)
            if last > best:
                best, country = last, d.country()
        return country

    def _dateline_country(self) -> str | None:
        term = self.k.lookup(self.article.dateline) if self.article.dateline else None
        return term.country if term and term.kind in ("capital", "country") and term.country else None

    def _home_country(self) -> str | None:
        """The dateline's country; else the one country a story names; else the one it names far
        more than any other (at least three mentions, twice the next)."""
        if (code := self._dateline_country()) is not None:
            return code
        named = {d.country() for d in self.drafts.values() if d.kind in ("country", "group", "organization") and d.country()}
        named -= {"IGO", "NGO", "IMG"}
        if len(named) == 1:
            return named.pop()
        counts = Counter()
        for d in self.drafts.values():
            if d.country() in self.k.countries:
                counts[d.country()] += len(d.spans)
        top = counts.most_common(2)
        if top and top[0][1] >= 3 and (len(top) == 1 or top[0][1] >= 2 * top[1][1]):
            return top[0][0]
        return None

    # -- groups, organisations, countries ----------------------------------------------------------------

    def _join_acronyms(self) -> None:
        """"the Northern Liberation Army (NLA) ... NLA said": an organisation written in capitals whose
        letters are the initials of an organisation the story names in full is that organisation."""
        full: dict[str, list[Draft]] = {}
        for d in self.drafts.values():
            if d.kind == "organization" and d.spans:
                for name in {d.name, *d.names}:
                    letters = initials(name)
                    if len(letters) >= 2:
                        full.setdefault(letters, []).append(d)
        for key, d in list(self.drafts.items()):
            short = d.name.replace(".", "")
            if d.kind != "organization" or d.fixed or not (2 <= len(short) <= 6 and short.isalpha() and short.isupper()):
                continue
            targets = [t for t in full.get(short, []) if t is not d]
            if len({t.key for t in targets}) != 1:
                continue
            into = targets[0]
            into.spans.extend(d.spans)
            into.names.extend(n for n in d.names if n not in into.names)
            into.countries.update(d.countries)
            into.sectors.update(d.sectors)
            del self.drafts[key]

    def _same_group(self, c: Cand) -> list[Draft]:
        head = self.k.office(c.head).lower()
        return [d for d in self.drafts.values() if d.kind == c.akind and d.name.lower().endswith(" " + head)]

    def _group(self, c: Cand, final: bool = False) -> None:
        if not c.country and c.definite and not final and refers_back(c) is not None:
            self.pointing.append(c)  # "the militants", "the bloc": decided once every name is read
            return
        if c.country:
            name = f"{self._owner(c)} {self.k.office(c.head)}"
            d = self._draft(actor_id(c.akind, name), c.akind, name)
            d.countries[c.country] += 1
            if c.sector:
                d.sectors[c.sector] += 1
        else:
            same = self._same_group(c) or self._recent_group(c)
            if not same:
                if not final and c.akind == "organization" and c.sector in ("GOV", "LEG", "MIL", "PTY", "JUD") \
                        and c.head.lower() not in MISSIONS:
                    self.homeless.append(c)
                return
            d = max(same, key=lambda d: self.group_last.get(d.key, -1))
        d.spans.append((c.start, c.end, "description"))
        self.group_last[d.key] = c.start

    def _recent_group(self, c: Cand) -> list[Draft]:
        """"the diplomats" after "G7 foreign ministers", "the officials" after "Iraqi officials": a
        definite group noun with no country is the group of the same sector named in its sentence or the
        two before (news varies the noun for one group: ministers, diplomats, officials)."""
        if c.akind != "group" or not c.definite or not c.sector:
            return []
        s = self.sent[c.start]
        near = [d for d in self.drafts.values() if d.kind == "group" and d.sector() == c.sector
                and any(p < c.start and self.sent[p] >= s - 2 for p, _, _ in d.spans)]
        if not near:
            return []
        last = max(near, key=lambda d: max(p for p, _, _ in d.spans if p < c.start))
        return [last]

    def _owner(self, c: Cand) -> str:
        """Whose group or office it is, in words: "South Korean", or the organisation's name
        ("European Union foreign ministers"), never a bare code."""
        if c.owner:
            return c.owner
        if c.country in self.k.countries:
            return self.k.adjective(c.country)
        return c.country or ""

    def _named(self, c: Cand) -> None:
        if c.akind == "country":
            d = self._draft(actor_id("country", c.country or c.name), "country", self.k.country_name(c.country) or c.name)
            d.fixed = (c.country, None)
        else:
            name = c.term.name if c.term else c.name
            d = self._draft(actor_id(c.akind, name), c.akind, name)
            if c.term is not None:
                d.fixed = (c.term.country, c.term.sector)
            if c.country:
                d.countries[c.country] += 1
            if c.sector:
                d.sectors[c.sector] += 1
            elif c.term is None and c.akind == "organization" and not c.country and armed_name(name):
                d.sectors[ARMED] += 1
        d.spans.append((c.start, c.end, c.kind))
        if c.name not in d.names:
            d.names.append(c.name)

    def _draft(self, key: str, kind: str, name: str) -> Draft:
        if key not in self.drafts:
            self.drafts[key] = Draft(key, kind, name)
        return self.drafts[key]

    # -- records --------------------------------------------------------------------------------------------

    def _records(self) -> ArticleActors:
        doc, body, article = self.doc, self.article.body, self.article
        # compare lengths without doc.text, which spaCy rebuilds from the tokens on every access
        doc_chars = doc[-1].idx + len(doc[-1].text_with_ws) if len(doc) else 0
        same_text = len(body) == doc_chars
        source = body if same_text else doc.text
        # token offsets and lengths as lists: indexing the Doc makes a Token object each time
        columns = doc.to_array([IDX, LENGTH]).tolist() if len(doc) else []
        starts = [c[0] for c in columns]
        ends = [c[0] + c[1] for c in columns]
        actors, mentions, taken, ids = [], [], set(), {}
        for d in self.drafts.values():
            if not d.spans:
                continue
            name = _canonical(d)
            aid = d.key if d.kind == "country" or d.fixed else actor_id(d.kind, name)
            ids[d.key] = aid
            country = d.country()
            roles = [Role(r.title, r.country or country, r.first_seen, r.last_seen) for r in d.roles.values()]
            aliases = sorted({n for n in d.names if n != name})
            count, written = 0, Counter()
            for start, end, kind in sorted(set(d.spans)):
                a, b = starts[start], ends[end - 1]
                if (a, b) in taken:
                    continue
                taken.add((a, b))
                count += 1
                text = source[a:b]
                mentions.append(Mention(article.id, aid, text, a, b, kind))
                if kind == "name":
                    written[text[4:] if text.lower().startswith("the ") else text] += 1
            if d.fixed and d.kind != "person":
                name = _as_spelt(name, written)
                aliases = sorted({n for n in [*d.names, d.name] if n != name})
            actors.append(Actor(aid, name, aliases, d.kind, country, d.sector(), roles, count))
        mentions.sort(key=lambda m: (m.start, -m.end))
        plurals = [(starts[a], ends[b - 1], tuple(ids[k] for k in keys))
                   for a, b, keys in self.pairs if all(k in ids for k in keys)]
        return ArticleActors(actors, mentions, plurals)


def initials(name: str) -> str:
    """"Northern Liberation Army" -> "NLA": the first letters of a name's capitalised words (small words
    such as "of" and "and" skipped, as acronyms do)."""
    words = [w for w in name.replace("-", " ").split() if w[:1].isupper()]
    return "".join(w[0] for w in words) if len(words) >= 2 else ""


def surname_keys(name: str, family_first: frozenset[str]) -> list[str]:
    """Lower-case forms a person may be called by alone: the last name, or the first for East Asian
    order ("Kim" of "Kim Jong-un", "Wang" of "Wang Yi")."""
    words = [w.strip(".,'") for w in name.split() if w.strip(".,'")]
    if not words:
        return []
    if len(words) == 1:
        return [words[0].lower()]
    keys = []
    if "-" not in words[-1]:
        keys.append(words[-1].lower())
    if words[0] in family_first or "-" in words[-1]:
        keys.append(words[0].lower())
    return keys


def _given_family(name: str, family_first: frozenset[str]) -> tuple[str | None, str]:
    """(first given name, lower-case family name) of a name written given name first; (None, "")
    for one word or a name written family name first ("Kim Jong-un"), whose given names are not
    English ones."""
    words = [w.strip(",'") for w in name.split() if w.strip(",'")]
    if len(words) < 2 or words[0] in family_first or "-" in words[-1]:
        return None, ""
    return words[0], words[-1].lower()


def _near(word: str, key: str) -> bool:
    return len(word) >= 5 and len(key) >= 5 and word[0] == key[0] and abs(len(word) - len(key)) <= 1 \
        and fuzz.ratio(word, key) >= 80


def _letters(name: str) -> str:
    return "".join(ch for ch in name.lower() if ch.isalnum())


def _as_spelt(name: str, written: Counter) -> str:
    """A known organisation under the story's own spelling of its name ("al-Shabab" where the table
    says "al-Shabaab"): names are transliterated many ways and a record should read like its story.
    Only a spelling of the same name counts, never a short form ("UN") or another name."""
    plain = _letters(name)
    variants = [(n, w) for w, n in written.items() if _letters(w) != plain and not w.isupper()
                and len(_letters(w)) >= 5 and _letters(w)[:1] == plain[:1] and fuzz.ratio(_letters(w), plain) >= 85]
    return max(variants)[1] if variants else name


def _canonical(d: Draft) -> str:
    """The most complete name: most words, then most letters, then first written."""
    if d.kind != "person" or d.fixed or not d.names:
        return d.name
    return max(d.names, key=lambda n: (len(n.split()), len(_letters(n)), -d.names.index(n)))
