"""The event ontology: parley's verb/noun lexicon, the CAMEO code table and the place table.

All three are data files under `data/`, read once per process (functools.cache) into frozen maps.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from importlib.resources import files
from types import MappingProxyType

from .types import quad_of

DEFAULT_PREPS = ("with", "to", "against", "on", "toward", "towards", "into")


# A cooperative action announced for the future is, in CAMEO, an "intent" (03x) code.
INTENT_CODE = {"04": "036", "05": "032", "06": "031", "07": "033", "08": "035"}
# ...a conflictual one announced or held over someone ("will impose", "unless") is a threat (13x),
# and a cooperative one refused or not done is, in CAMEO, a rejection (12x; see extract.REFINE).
THREAT_CODE = {"14": "133", "15": "138", "16": "131", "17": "137", "18": "138", "19": "138", "20": "138"}


@dataclass(frozen=True)
class Code:
    cameo: str
    type: str
    mode: str | None
    context: tuple
    goldstein: float

    @property
    def quad(self) -> int:
        """The quad class of the code's PLOVER type (data/types.tsv, the one table)."""
        return quad_of(self.type)

    @property
    def root(self) -> str:
        return self.cameo[:2]


@dataclass(frozen=True)
class Entry:
    """One lexicon line: which code a pattern gives, and which prepositions carry its recipient."""

    cameo: str
    preps: tuple = DEFAULT_PREPS
    # the verb names this action only with a victim: "beat the protesters", not "beat around the bush"
    transitive: bool = False
    # the subject of the passive-looking form is the one acting: "X is opposed to Y" (see arguments.actor1)
    stative: bool = False


@dataclass(frozen=True)
class Lexicon:
    verbs: MappingProxyType  # lemma -> Entry
    particles: MappingProxyType  # (lemma, particle/prep) -> Entry
    verb_objects: MappingProxyType  # (lemma, object lemma) -> Entry
    nouns: MappingProxyType  # noun lemma -> Entry
    noun_modifiers: MappingProxyType  # (modifier, noun lemma) -> Entry
    noun_preps: MappingProxyType  # (noun lemma, prep) -> Entry
    codes: MappingProxyType  # cameo -> Code

    def code(self, cameo: str) -> Code:
        """The code's row; a code missing from the table falls back to its root's base code."""
        found = self.codes.get(cameo) or self.codes.get(cameo[:2] + "0")
        if found is None:
            raise KeyError(cameo)
        if found.cameo != cameo:
            return Code(cameo, found.type, found.mode, found.context, found.goldstein)
        return found


def _rows(name: str):
    text = files("parley.events").joinpath("data", name).read_text(encoding="utf-8")
    for line in text.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        yield [c.strip() for c in line.split("\t")]


@cache
def load_lexicon() -> Lexicon:
    codes = {}
    for row in _rows("codes.tsv"):
        row += [""] * (5 - len(row))
        cameo, type_, mode, context, goldstein = row[:5]
        contexts = tuple(c.strip() for c in context.split(",") if c.strip())
        codes[cameo] = Code(cameo, type_, mode or None, contexts, float(goldstein))

    verbs, particles, verb_objects, nouns, noun_modifiers, noun_preps = {}, {}, {}, {}, {}, {}
    for row in _rows("lexicon.tsv"):
        pattern, cameo = row[0], row[1]
        preps = tuple(p.strip() for p in row[2].split(",")) if len(row) > 2 and row[2] else DEFAULT_PREPS
        if cameo not in codes and (cameo[:2] + "0") not in codes:
            raise ValueError(f"lexicon.tsv: unknown CAMEO code {cameo} for {pattern!r}")
        flag = row[3] if len(row) > 3 else ""
        words = pattern.split()
        if pattern.startswith("@"):
            words[0] = words[0][1:]
            if len(words) == 1:
                nouns[words[0]] = Entry(cameo, preps)
            elif words[-1] in _PREP_WORDS:
                noun_preps[(words[0], words[-1])] = Entry(cameo, (words[-1],))
            else:  # "@hunger strike": modifier then noun
                noun_modifiers[(words[-1], words[0])] = Entry(cameo, preps)
        elif len(words) == 1:
            verbs[words[0]] = Entry(cameo, preps, transitive=flag == "transitive")
        elif words[1].startswith("~"):
            verb_objects[(words[0], words[1][1:])] = Entry(cameo, preps)
        else:
            own = (words[1],) if words[1] in _PREP_WORDS else ()
            particles[(words[0], words[1])] = Entry(cameo, own + tuple(p for p in preps if p not in own), stative=flag == "stative")
    return Lexicon(*(MappingProxyType(m) for m in (verbs, particles, verb_objects, nouns, noun_modifiers, noun_preps, codes)))


_PREP_WORDS = frozenset(
    "with to on upon for into from against toward towards about at of in between by over".split()
)


@dataclass(frozen=True)
class Places:
    by_name: MappingProxyType  # lower-cased name -> (ISO alpha-3, kind)


@cache
def load_places() -> Places:
    """Country names, demonyms and capitals from the actor layer's table, then the cities of ours."""
    from ..actors.knowledge import country_forms

    by_name = {}
    for code, kind, name in country_forms():
        by_name.setdefault(name.strip().lower(), (code, "city" if kind == "capital" else kind))
    for code, kind, names in _rows("places.tsv"):
        for name in names.split("|"):
            by_name.setdefault(name.strip().lower(), (code, kind))
    return Places(MappingProxyType(by_name))


def place_country(name: str) -> str | None:
    """ISO alpha-3 of a place or people name ('Seoul', 'the United States', 'Incheon Airport')."""
    by_name = load_places().by_name
    text = name.strip().lower()
    for prefix in ("the ",):
        if text.startswith(prefix):
            text = text[len(prefix):]
    text = text.removesuffix("'s").removesuffix("’s")
    if text in by_name:
        return by_name[text][0]
    words = text.replace(",", " ").split()
    # longest run of words that names a place ("Incheon Airport" -> Incheon, "Gaza City" -> Gaza)
    for size in range(min(len(words), 4), 0, -1):
        for i in range(len(words) - size + 1):
            found = by_name.get(" ".join(words[i:i + size]))
            if found:
                return found[0]
    return None
