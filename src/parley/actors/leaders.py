"""Who held the top offices when: heads of state and government and foreign ministers (data/leaders.tsv).

News names leaders by title and surname ("President Bush", "Putin") and trusts the reader to know the
country. `Leaders.match` gives that knowledge back for a person the article names, at the article's
date: the country, the office held then, or that the office was held before (a former leader).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import cache
from importlib import resources

from rapidfuzz import fuzz, process

# letters NFKD does not take apart ("ı" in Yılmaz, "đ" in Tuđman)
_PLAIN = str.maketrans({"ı": "i", "đ": "dj", "Đ": "Dj", "ł": "l", "Ł": "L", "ø": "o", "ß": "ss"})
# offices one may be named by for another: a name is matched only with a title of the same kind
HEAD = {"president", "prime minister", "premier", "chancellor", "king", "queen", "emir", "emperor", "leader",
        "supreme leader", "crown prince", "state counsellor", "head of state", "sultan", "monarch", "dictator",
        "strongman", "rebel leader"}
FOREIGN = {"foreign minister", "secretary of state", "foreign secretary"}
_DAY = re.compile(r"^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?")


@dataclass(frozen=True)
class Office:
    name: str  # the holder's canonical name
    country: str
    title: str  # "President", "Foreign Minister"
    start: tuple  # (year, month, day)
    end: tuple  # inclusive; (9999, 12, 31) while in office


@dataclass(frozen=True)
class Match:
    name: str | None  # the holder, when only one person fits
    country: str
    office: Office | None  # the office that fits the date best
    status: str  # "in" (held at the date or within a year of it), "former", or "unknown" (no date)


@dataclass(frozen=True, eq=False)
class Leaders:
    full: dict  # folded full name or alias -> tuple of Office
    single: dict  # folded one-word name or surname -> tuple of Office

    def match(self, names: list[str], titles: list[str], date: str | None, family_first: frozenset = frozenset()) -> Match | None:
        """The office holder a person with these names (and these titles, lower case) is, if the
        data says so unambiguously. A full name matches at any date; a surname alone needs a title of
        the same kind, or, bare, an office held within a year of the date."""
        day = _day(date, start=True) if date else None
        multi = [n for n in names if len(n.split()) > 1]
        offices: tuple = ()
        for name in multi:
            offices = self.full.get(fold(name)) or self._near(fold(name))
            if offices:
                break
        if not offices and multi:
            return None  # a full name the data lacks is someone else who shares a surname
        if not offices:
            words = [fold(n) for n in names]
            if len(set(words)) != 1:
                return None
            offices = self.single.get(words[0], ())
            for t in titles:  # "King Hassan", "Queen Elizabeth": the title is part of the known name
                offices = offices or self.full.get(fold(f"{t} {names[0]}"), ())
            if titles:  # the office named exactly ("King Hussein"), else one of its kind ("President Putin" as PM)
                offices = tuple(o for o in offices if any(same_office(t, o.title.lower()) for t in titles)) \
                    or tuple(o for o in offices if any(_kin(t, o.title.lower()) for t in titles))
            elif day is None or names[0].strip(".") in family_first:
                return None
            else:
                offices = tuple(o for o in offices if _near_term(o, day))
            if day is not None:
                offices = tuple(o for o in offices if _shift(o.start, -1) <= day)
        if not offices:
            return None
        people = {o.name for o in offices}
        countries = {o.country for o in offices}
        if len(countries) != 1:
            return None
        best, status = _best(offices, day, titles)
        return Match(people.pop() if len(people) == 1 else None, countries.pop(), best, status)

    def _near(self, key: str) -> tuple:
        """A misspelt full name ("Bouteflicka"): long, same initial, one or two letters off."""
        if len(key) < 12:
            return ()
        hit = process.extractOne(key, self.full.keys(), scorer=fuzz.ratio, score_cutoff=92)
        return self.full[hit[0]] if hit and hit[0][0] == key[0] else ()


def same_office(title: str, office: str) -> bool:
    """Whether a title as written names exactly this office (both lower case)."""
    return title == office or title.endswith(" " + office) or {title, office} <= {"president", "leader"}


def _kin(title: str, office: str) -> bool:
    return same_office(title, office) or (title in HEAD and office in HEAD) or (title in FOREIGN and office in FOREIGN)


def _best(offices: tuple, day: tuple | None, titles: list[str]) -> tuple[Office | None, str]:
    if day is None:
        return None, "unknown"
    fitting = [o for o in offices if any(same_office(t, o.title.lower()) for t in titles)] or list(offices)
    current = [o for o in fitting if o.start <= day <= o.end]
    if current:
        return current[0], "in"
    before = [o for o in fitting if o.end < day]
    if before:
        return max(before, key=lambda o: o.end), "former"
    return None, "unknown"  # not yet in office


def _near_term(o: Office, day: tuple) -> bool:
    return _shift(o.start, -1) <= day <= _shift(o.end, 1)


def _shift(day: tuple, years: int) -> tuple:
    return (day[0] + years, *day[1:]) if day[0] != 9999 else day


def _day(text: str, start: bool) -> tuple:
    m = _DAY.match(text or "")
    if not m:
        return (0, 1, 1) if start else (9999, 12, 31)
    y, mo, d = int(m[1]), m[2], m[3]
    if start:
        return (y, int(mo or 1), int(d or 1))
    return (y, int(mo or 12), int(d or 31))


def fold(name: str) -> str:
    """A name reduced to its letters: no accents, case, spaces, hyphens or dots."""
    text = unicodedata.normalize("NFKD", name.translate(_PLAIN))
    return "".join(ch for ch in text.lower() if ch.isalnum())


@cache
def load_leaders() -> Leaders:
    full: dict[str, list] = {}
    single: dict[str, list] = {}
    text = resources.files(__package__).joinpath("data/leaders.tsv").read_text("utf-8")
    for line in text.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        cells = [c.strip() for c in line.split("\t")] + [""] * 6
        name, others, country, title, start, end = cells[:6]
        office = Office(name, country, title, _day(start, True), _day(end, False) if end else (9999, 12, 31))
        forms = [name, *[x.strip() for x in others.split("|") if x.strip()]]
        for form in forms:
            target = full if len(form.split()) > 1 else single
            target.setdefault(fold(form), []).append(office)
        words = name.split()
        if len(words) > 1 and not words[-1].isupper() and not (words[-1].endswith(".") and len(words[-1]) <= 3):
            for key in {fold(words[-1]), fold(re.sub(r"^(al|el)-", "", words[-1]))}:
                if office not in single.setdefault(key, []):
                    single[key].append(office)
    return Leaders({k: tuple(v) for k, v in full.items()}, {k: tuple(v) for k, v in single.items()})
