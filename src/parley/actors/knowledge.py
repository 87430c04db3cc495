"""What the actor stage knows before reading: countries, demonyms, capitals, institutions, titles.

The bundled data files (under `data/`) are written from public facts; users add their own actors and
aliases in a TOML file (`options.user_actors`). Everything is loaded once per process.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from pathlib import Path

from ..errors import UsageError
from ..options import Options
from ..records import Role
from .leaders import Leaders, load_leaders


@dataclass(frozen=True)
class Country:
    code: str
    name: str
    adjective: str | None  # "South Korean": names groups and institutions ("South Korean lawmakers")


@dataclass(frozen=True)
class Term:
    """A surface form the matcher finds in text and what it stands for."""

    kind: str  # country | demonym | capital | institution | user
    name: str  # canonical name of the actor it refers to
    country: str | None  # ISO alpha-3 or IGO/NGO/IMG
    sector: str | None = None
    actor_kind: str = "country"  # person | organization | country | group
    roles: tuple = ()


@dataclass(frozen=True)
class Title:
    phrase: str  # lower case
    sector: str | None
    kind: str  # person | group | org
    cls: str | None  # class used to match "the envoy" to a person with an envoy-like role
    topical: bool  # "a North Korea expert": the country is the subject, not the nationality
    canonical: str | None = None  # the one wording of this office ("FM" -> "Foreign Minister")


@dataclass(frozen=True, eq=False)  # hashed by identity, so per-process caches can key on it
class Knowledge:
    countries: dict[str, Country]
    terms: dict[str, Term]  # surface form as written -> term
    folded: dict[str, Term]  # lower-cased surface form without a leading "the" -> term
    titles: dict[str, Title]  # lower-case phrase -> title
    family_first: frozenset[str] = field(default_factory=frozenset)
    leaders: Leaders | None = None

    def office(self, title: str) -> str:
        """A title in its one canonical wording, so that roles over time do not split:
        "Deputy State Secretary" -> "Deputy Secretary of State", "Vice FM" -> "Vice Foreign Minister"."""
        title = _tidy_title(title)
        pattern, canon = _office_words(self)
        if pattern is None:
            return title
        return pattern.sub(lambda m: canon[m.group(0).lower()], title)

    def lookup(self, text: str) -> Term | None:
        """The term a surface form names: exact first, then case- and article-insensitive."""
        text = _tidy(text)
        return self.terms.get(text) or self.folded.get(_fold(text))

    def country_name(self, code: str | None) -> str | None:
        c = self.countries.get(code or "")
        return c.name if c else code

    def adjective(self, code: str | None) -> str | None:
        c = self.countries.get(code or "")
        return (c.adjective or c.name) if c else code


_DANGLING = frozenset({"and", "for", "of", "the", "to", "in", "on", "at", "with", "&"})
_SMALL = frozenset({"and", "for", "of", "the", "to", "in", "on", "at", "with"})


def _tidy_title(title: str) -> str:
    """A title as a role: no dangling "and"/"of" where a list or an apposition was cut ("President of
    Egypt and"), and a shouted title ("PRESIDENT OF EGYPT") in title case."""
    words = title.split()
    while words and words[-1].lower() in _DANGLING:
        words.pop()
    if words and all(w.isupper() for w in words if any(c.isalpha() for c in w)) and len(" ".join(words)) > 4:
        words = [w.lower() if w.lower() in _SMALL and i else w.capitalize() for i, w in enumerate(words)]
    return " ".join(words) or title


def load_knowledge(options: Options) -> Knowledge:
    """The bundled knowledge plus the user's actors (`options.user_actors`), once per process."""
    return _load(options.user_actors)


@cache
def _load(user_actors: str | None) -> Knowledge:
    countries: dict[str, Country] = {}
    terms: dict[str, Term] = {}
    for code, name, others, adjectives, capitals in _rows("countries.tsv", 5):
        adjs = _split(adjectives)
        countries[code] = Country(code, name, adjs[0] if adjs else None)
    for code, kind, form in country_forms():
        terms.setdefault(form, Term("demonym" if kind == "people" else kind, countries[code].name, code))
    for name, others, kind, country, sector in _rows("institutions.tsv", 5):
        term = Term("institution", name, country or None, sector or None, kind or "organization")
        for form in [name, *_split(others)]:
            terms[form] = term
    if user_actors:
        for term, forms in _user_terms(Path(user_actors)):
            for form in forms:
                terms[form] = term
    folded: dict[str, Term] = {}
    for form, term in terms.items():
        if form.isupper() and len(form) <= 4:
            continue  # "US" is the country only as written, never "us"
        key = _fold(form)
        if term.kind == "user" or key not in folded:
            folded[key] = term
    return Knowledge(countries, terms, folded, _titles(), family_first_names(), load_leaders())


@cache
def _titles() -> dict[str, Title]:
    titles = {}
    for row in _rows("titles.tsv", 6):
        phrase, sector, kind, cls, topical, canonical = row[:6]
        titles[phrase.lower()] = Title(phrase.lower(), sector or None, kind, cls or None, topical == "1", canonical or None)
    return titles


@cache
def _office_words(knowledge: Knowledge) -> tuple[re.Pattern | None, dict[str, str]]:
    canon = {t.phrase: t.canonical for t in knowledge.titles.values() if t.canonical}
    if not canon:
        return None, canon
    words = sorted(canon, key=len, reverse=True)
    pattern = re.compile(r"(?<![\w-])(?:" + "|".join(re.escape(w) for w in words) + r")(?![\w-])", re.IGNORECASE)
    return pattern, canon


@cache
@cache
def country_forms() -> tuple[tuple[str, str, str], ...]:
    """(ISO code, kind, form) for every way the bundled table names a country: kind is country
    (its names), people (demonyms) or capital. The event stage places events with it too."""
    forms = []
    for code, name, others, adjectives, capitals in _rows("countries.tsv", 5):
        forms += [(code, "country", f) for f in [name, *_split(others)]]
        forms += [(code, "people", f) for f in _split(adjectives)]
        forms += [(code, "capital", f) for f in _split(capitals)]
    return tuple(forms)


@cache
def family_first_names() -> frozenset[str]:
    """Family names that come first in a full name ("Kim" in "Kim Jong-un", "Wang" in "Wang Yi")."""
    text = resources.files(__package__).joinpath("data/east_asian_surnames.txt").read_text("utf-8")
    return frozenset(w for line in text.splitlines() if not line.startswith("#") for w in line.split())


@cache
def bundled_terms() -> frozenset[str]:
    """Every surface form in the bundled data (used by the language layer's re-casing)."""
    return frozenset(_load(None).terms)


def bundled_titles() -> frozenset[str]:
    return frozenset(_titles())


@cache
def person_title_words() -> frozenset[str]:
    """Last words of the titles people hold ("minister", "representative", "rep.")."""
    return frozenset(t.phrase.split()[-1] for t in _titles().values() if t.kind == "person")


def _user_terms(path: Path):
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, tomllib.TOMLDecodeError) as exc:
        raise UsageError("E040", path=str(path), detail=str(exc)) from exc
    for entry in data.get("actor", []):
        name = str(entry.get("name", "")).strip()
        if not name:
            continue
        roles = []
        for r in entry.get("roles", []) or []:
            if isinstance(r, str):
                roles.append(Role(title=r, country=entry.get("country")))
            elif isinstance(r, dict) and r.get("title"):
                roles.append(Role(str(r["title"]), r.get("country", entry.get("country")),
                                  _date(r.get("first_seen")), _date(r.get("last_seen"))))
        term = Term("user", name, entry.get("country"), entry.get("sector"), entry.get("kind", "person"), tuple(roles))
        yield term, [name, *[str(a) for a in entry.get("aliases", []) or []]]


def _date(value) -> str | None:
    return None if value is None else str(value)


def _rows(filename: str, width: int):
    text = resources.files(__package__).joinpath(f"data/{filename}").read_text("utf-8")
    for line in text.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        cells = line.split("\t")
        yield [c.strip() for c in cells] + [""] * (width - len(cells))


def _split(cell: str) -> list[str]:
    return [x.strip() for x in cell.split("|") if x.strip()]


def _tidy(text: str) -> str:
    return " ".join(text.replace("’", "'").split())


def _fold(text: str) -> str:
    text = _tidy(text).lower()
    for prefix in ("the ",):
        if text.startswith(prefix):
            text = text[len(prefix) :]
    for suffix in ("'s", "'"):
        if text.endswith(suffix):
            text = text[: -len(suffix)]
    return text


@cache
def _nickname_groups() -> dict[str, frozenset[str]]:
    """Lower-case given name -> the formal names it may stand for (itself included when formal)."""
    groups: dict[str, set[str]] = {}
    for formal, short, *_ in _rows("nicknames.tsv", 2):
        f = formal.lower()
        groups.setdefault(f, set()).add(f)
        for s in _split(short):
            groups.setdefault(s.lower(), set()).add(f)
    return {k: frozenset(v) for k, v in groups.items()}


def is_given_name(word: str) -> bool:
    """Whether a word is an English given name of the nickname table ("Stephen", "Bill")."""
    return word.lower() in _nickname_groups()


def same_given_name(a: str, b: str) -> bool:
    """Whether two given names can be one person's: equal, one the other's initial ("S." for
    "Stephen"), or forms of one formal name ("Steve" and "Stephen", "Bill" and "William")."""
    a, b = a.strip(".").lower(), b.strip(".").lower()
    if not a or not b:
        return False
    if a == b or (len(a) == 1 and b.startswith(a)) or (len(b) == 1 and a.startswith(b)):
        return True
    groups = _nickname_groups()
    return bool(groups.get(a, frozenset()) & groups.get(b, frozenset()))


@cache
def _not_actor_words() -> dict[tuple[str, str], frozenset[str]]:
    """(kind, match rule) -> words, from not_actors.tsv (rules: "last word", "first word", "whole name")."""
    out: dict[tuple[str, str], set[str]] = {}
    for kind, match, words, *_ in _rows("not_actors.tsv", 3):
        out.setdefault((kind, match), set()).update(_split(words))
    return {k: frozenset(v) for k, v in out.items()}


# "New York-based", "Iran-backed": a hyphenated word ending so describes something, it names no one
DESCRIBING_SUFFIXES = frozenset({"based", "born", "led", "backed", "funded", "linked", "owned", "run", "affiliated",
                                 "aligned", "allied", "controlled", "held", "made", "sponsored", "style"})

# a name the parser calls a person is tested only against places and vehicles: a person's family
# name may be a document word ("Law", "Bill") but is seldom "District" or "Express"
PERSON_LOOKALIKES = ("place", "vehicle")


def not_an_actor(name: str, kinds: tuple[str, ...] = ("document", "place", "vehicle", "platform", "religion")) -> bool:
    """Whether a name the parser found is a document, a place, a vehicle or a social platform (by the
    word it ends or starts with, or the whole name), not a person or an organisation."""
    words = [w.strip(".,;:'’\"“”()") for w in name.split()]
    words = [w for w in words if w]
    if words and words[0].lower() == "the":
        words = words[1:]
    if not words:
        return False
    table = {}
    for (kind, match), found in _not_actor_words().items():
        if kind in kinds:
            table[match] = table.get(match, frozenset()) | found
    if " ".join(words) in table.get("whole name", ()):  # as written: "X" the platform, not "x"
        return True
    if len(words) > 1 and words[0] in table.get("first word", ()):
        return True
    if len(words) > 1 and words[-1].lower() in {w.lower() for w in table.get("last word", ())}:
        return True  # "the Indo-Pacific region", "the Paris agreement"
    return len(words[-1].split("-")) > 1 and words[-1].split("-")[-1] in DESCRIBING_SUFFIXES
