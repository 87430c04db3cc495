"""Faster stand-ins for two of spaCy's pure-Python components, with the same output token for token.

Measured on 178 news stories (one CPU, spaCy 3.8, en_core_web_sm): the attribute ruler took 2.0 s
and the lemmatizer 1.0 s of the 20 s nlp.pipe spends, because both visit every token from Python
(the ruler runs a Matcher of ~180 one- and two-token patterns over the whole Doc, then makes a Span
and a Token per match; the lemmatizer makes a Token per token and caches only some of its answers).
What they set depends only on a few attributes of a token (and of its neighbour, for the few
two-token patterns), and a news corpus repeats the same few thousand combinations, so:

- the ruler reads those attributes for the whole Doc as one array, decides each distinct
  combination once (by the very predicates spaCy's Matcher applies: equality, IN, NOT_IN, REGEX)
  and sets the attributes of every matching rule, in rule order, through spaCy's own
  `set_token_attrs`, as the component does;
- the lemmatizer keeps every answer of spaCy's own `lemmatize` per (word, part of speech,
  morphology), the three things it reads, and writes the lemmas back as one array.

A model whose patterns use anything else (operators, other attributes, extensions) keeps spaCy's
component as it is: `speed_up` swaps only what it can reproduce exactly.
"""

from __future__ import annotations

import re

import numpy
from spacy.attrs import IDS, LEMMA, MORPH, ORTH, POS
from spacy.errors import Errors
from spacy.lang.en.lemmatizer import EnglishLemmatizer
from spacy.language import Language
from spacy.pipeline import AttributeRuler, Lemmatizer
from spacy.tokens import Doc
from spacy.tokens._retokenize import set_token_attrs

# token attributes a pattern may test here: strings compared as spaCy's Matcher compares them, and
# lexical flags compared as 0/1
STRING_ATTRS = frozenset({"ORTH", "TEXT", "LOWER", "NORM", "TAG", "DEP", "SHAPE", "PREFIX", "SUFFIX"})
FLAG_ATTRS = frozenset({"IS_SPACE", "IS_ALPHA", "IS_DIGIT", "IS_PUNCT", "IS_LOWER", "IS_UPPER", "IS_TITLE",
                        "IS_STOP", "IS_ASCII", "LIKE_NUM"})
SET_OPERATORS = frozenset({"IN", "NOT_IN"})


def speed_up(nlp: Language) -> Language:
    """Swap the pipeline's attribute ruler and lemmatizer for the faster equivalents where they apply."""
    for name, component in nlp.pipeline:
        if type(component) is AttributeRuler and _RulePlan.build(component) is not None:
            component.__class__ = FastAttributeRuler
        elif type(component) in _FAST_LEMMATIZERS and component.mode == "rule":
            component.__class__ = _FAST_LEMMATIZERS[type(component)]
            _index_by_set(component)
    return nlp


# --- the attribute ruler --------------------------------------------------------------------------


class _TokenTest:
    """One token of a pattern: every (attribute, predicate) must hold, as in spaCy's Matcher."""

    def __init__(self, spec: dict) -> None:
        self.checks = []  # (attribute name, kind, value)
        for attr, value in spec.items():
            attr = "ORTH" if attr == "TEXT" else attr
            if isinstance(value, dict):
                if len(value) != 1 or attr not in STRING_ATTRS:
                    raise _Unsupported(spec)
                (op, arg), = value.items()
                if op in SET_OPERATORS and isinstance(arg, list) and all(isinstance(v, str) for v in arg):
                    self.checks.append((attr, op, frozenset(arg)))
                elif op == "REGEX" and isinstance(arg, str):
                    self.checks.append((attr, op, re.compile(arg)))
                else:
                    raise _Unsupported(spec)
            elif attr in STRING_ATTRS and isinstance(value, str):
                self.checks.append((attr, "==", value))
            elif attr in FLAG_ATTRS and isinstance(value, bool):
                self.checks.append((attr, "flag", int(value)))
            else:
                raise _Unsupported(spec)

    def holds(self, values: dict) -> bool:
        """`values`: attribute -> the token's value as `_RulePlan.canonical` gives it."""
        for attr, kind, arg in self.checks:
            value = values[attr]
            if kind == "==" or kind == "flag":
                ok = value == arg
            elif kind == "IN":
                ok = value in arg
            elif kind == "NOT_IN":
                ok = value not in arg
            elif isinstance(value, _Other):
                ok = value.searches[arg]
            else:
                ok = bool(arg.search(value))
            if not ok:
                return False
        return True


class _Unsupported(Exception):
    pass


class _Other:
    """A string no pattern names: it fails every equality and IN test and passes every NOT_IN
    test, as every such string does; only the patterns' regular expressions tell them apart.
    One object per outcome of those (`_RulePlan.other`), so identity is equality."""

    __slots__ = ("searches",)

    def __init__(self, searches: dict) -> None:
        self.searches = searches  # compiled expression -> whether it finds something in the string


class _RulePlan:
    """The ruler's rules read once, and what each distinct token gets, decided once.

    A token is reduced to its canonical values: a string some pattern names stays itself, any
    other string becomes an `_Other` (which patterns' regular expressions find something in it),
    so the tokens of a corpus fall into a few thousand kinds, each matched against the rules once.
    """

    def __init__(self, singles: list, multis: list) -> None:
        self.singles = singles  # [(rule index, _TokenTest)] for one-token patterns
        self.multis = multis  # [(rule index, [_TokenTest, ...], token index the attrs go to)]
        tests = [t for _, t in singles] + [t for _, ts, _ in multis for t in ts]
        self.attr_names = sorted({attr for t in tests for attr, _, _ in t.checks})
        self.attr_ids = [IDS[a] for a in self.attr_names]
        self.named = {a: set() for a in self.attr_names}  # attribute -> the strings patterns name
        self.regexes = {a: set() for a in self.attr_names}
        for t in tests:
            for attr, kind, arg in t.checks:
                if kind == "==":
                    self.named[attr].add(arg)
                elif kind in SET_OPERATORS:
                    self.named[attr].update(arg)
                elif kind == "REGEX":
                    self.regexes[attr].add(arg)
        self.canon: list[dict] = [{} for _ in self.attr_names]  # per attribute: hash -> canonical value
        self.others: dict[tuple, _Other] = {}
        self.by_key: dict[tuple, tuple[int, ...]] = {}  # canonical values -> one-token rules that match
        self.first_by_key: dict[tuple, tuple[bool, ...]] = {}  # ... -> which multi-token patterns start

    @classmethod
    def build(cls, ruler: AttributeRuler) -> "_RulePlan | None":
        plan = ruler.__dict__.get("_parley_plan")
        if plan is not None:
            return plan
        singles, multis = [], []
        try:
            if len(ruler.attrs) != len(ruler.indices) or any("_" in a for a in ruler.attrs):
                return None  # extension attributes are set another way
            for rule, entry in enumerate(ruler.patterns):
                index = entry.get("index", 0)
                for pattern in entry["patterns"]:
                    if not isinstance(pattern, list) or not pattern:
                        return None  # a phrase pattern (a Doc) or nothing: not reproduced here
                    tests = [_TokenTest(spec) for spec in pattern]
                    target = index if index >= 0 else len(tests) + index
                    if not 0 <= target < len(tests):
                        return None  # spaCy raises on such a rule; let it
                    if len(tests) == 1:
                        singles.append((rule, tests[0]))
                    else:
                        multis.append((rule, tests, target))
        except (_Unsupported, KeyError, TypeError, ValueError, AttributeError):
            return None
        plan = cls(singles, multis)
        ruler._parley_plan = plan
        return plan

    def keys(self, doc: Doc, strings) -> list[tuple]:
        """The canonical values of every token of the doc."""
        if not len(doc) or not self.attr_ids:
            return [()] * len(doc)
        columns = doc.to_array(self.attr_ids).reshape(len(doc), len(self.attr_ids)).T.tolist()
        mapped = []
        for j, (name, column) in enumerate(zip(self.attr_names, columns)):
            if name in FLAG_ATTRS:
                mapped.append(column)
                continue
            canon = self.canon[j]
            mapped.append([canon[v] if v in canon else self._canonical(j, v, strings) for v in column])
        return list(zip(*mapped))

    def _canonical(self, j: int, value: int, strings):
        name = self.attr_names[j]
        text = strings[value]
        found = text if text in self.named[name] else self._other(name, text)
        self.canon[j][value] = found
        return found

    def _other(self, name: str, text: str) -> _Other:
        searches = {r: bool(r.search(text)) for r in self.regexes[name]}
        key = (name, tuple(sorted((r.pattern, found) for r, found in searches.items())))
        if key not in self.others:
            self.others[key] = _Other(searches)
        return self.others[key]

    def _values(self, key: tuple) -> dict:
        return dict(zip(self.attr_names, key))

    def rules_for(self, key: tuple) -> tuple[int, ...]:
        found = self.by_key.get(key)
        if found is None:
            values = self._values(key)
            found = tuple(sorted({rule for rule, test in self.singles if test.holds(values)}))
            self.by_key[key] = found
        return found

    def starts(self, key: tuple) -> tuple[bool, ...]:
        found = self.first_by_key.get(key)
        if found is None:
            values = self._values(key)
            found = tuple(tests[0].holds(values) for _, tests, _ in self.multis)
            self.first_by_key[key] = found
        return found

    def multi_matches(self, keys: list[tuple]) -> dict[int, set[int]]:
        """token index -> rules of multi-token patterns that set its attributes."""
        out: dict[int, set[int]] = {}
        if not self.multis:
            return out
        n = len(keys)
        for start, key in enumerate(keys):
            firsts = self.starts(key)
            if not any(firsts):
                continue
            for (rule, tests, target), first in zip(self.multis, firsts):
                if not first or start + len(tests) > n:
                    continue
                if all(test.holds(self._values(keys[start + k])) for k, test in enumerate(tests[1:], 1)):
                    out.setdefault(start + target, set()).add(rule)
        return out


class FastAttributeRuler(AttributeRuler):
    """spaCy's AttributeRuler, answering each distinct token once (see the module docstring)."""

    def __call__(self, doc: Doc) -> Doc:
        if _RulePlan.build(self) is None:  # rules added since that this cannot reproduce
            return super().__call__(doc)
        error_handler = self.get_error_handler()
        try:
            self._set_all(doc)
            return doc
        except Exception as e:  # noqa: BLE001 - as the component itself reports errors
            return error_handler(self.name, self, [doc], e)

    def _set_all(self, doc: Doc) -> None:
        plan = _RulePlan.build(self)
        strings = self.vocab.strings
        keys = plan.keys(doc, strings)
        extra = plan.multi_matches(keys)
        attrs = self.attrs
        for i, key in enumerate(keys):
            rules = plan.rules_for(key)
            if i in extra:
                rules = tuple(sorted(set(rules) | extra[i]))
            if not rules:
                continue
            token = doc[i]
            for rule in rules:  # in rule order: a later rule's value wins, as in the component
                set_token_attrs(token, attrs[rule])

    # any change to the rules makes the plan anew (load_from_tag_map and the like go through add)
    def add(self, *args, **kwargs):
        self.__dict__.pop("_parley_plan", None)
        return super().add(*args, **kwargs)

    def add_patterns(self, *args, **kwargs):
        self.__dict__.pop("_parley_plan", None)
        return super().add_patterns(*args, **kwargs)

    def clear(self) -> None:
        self.__dict__.pop("_parley_plan", None)
        super().clear()


# --- the lemmatizer -------------------------------------------------------------------------------


class FastLemmatizer(Lemmatizer):
    """A rule lemmatizer whose every answer is kept per (ORTH, POS, MORPH), what `rule_lemmatize` reads."""

    def __call__(self, doc: Doc) -> Doc:
        if not self._validated:
            self._validate_tables(Errors.E1004)
        error_handler = self.get_error_handler()
        try:
            self._lemmatize_all(doc)
            return doc
        except Exception as e:  # noqa: BLE001 - as the component itself reports errors
            error_handler(self.name, self, [doc], e)

    def _lemmatize_all(self, doc: Doc) -> None:
        if not len(doc):
            return
        known: dict = self.__dict__.setdefault("_parley_lemmas", {})
        rows = doc.to_array([ORTH, POS, MORPH, LEMMA]).tolist()
        lemmas = []
        changed = False
        for i, (orth, pos, morph, lemma) in enumerate(rows):
            if self.overwrite or lemma == 0:
                key = (orth, pos, morph)
                value = known.get(key)
                if value is None:
                    value = self.vocab.strings.add(self.lemmatize(doc[i])[0])
                    known[key] = value
                changed = changed or value != lemma
                lemma = value
            lemmas.append(lemma)
        if changed:
            doc.from_array([LEMMA], numpy.array(lemmas, dtype=numpy.uint64))


class _IndexList(list):
    """A list of known word forms that answers `in` from a set: spaCy's `rule_lemmatize` asks
    whether each candidate form is in a list of up to 57,000 nouns, one scan per question. The
    same elements in the same order: iteration and every other use are the list's own."""

    def __init__(self, items) -> None:
        super().__init__(items)
        self._members = frozenset(self)

    def __contains__(self, item) -> bool:
        return item in self._members


def _index_by_set(lemmatizer: Lemmatizer) -> None:
    if "lemma_index" not in lemmatizer.lookups.tables:
        return
    table = lemmatizer.lookups.get_table("lemma_index")
    for key, forms in list(table.items()):
        if type(forms) is list:
            table[key] = _IndexList(forms)


class FastEnglishLemmatizer(FastLemmatizer, EnglishLemmatizer):
    """The English lemmatizer (its own `is_base_form`) with the answers kept."""


# the classes swapped, each for its exact spaCy class (a subclass may read more than the three)
_FAST_LEMMATIZERS = {Lemmatizer: FastLemmatizer, EnglishLemmatizer: FastEnglishLemmatizer}
