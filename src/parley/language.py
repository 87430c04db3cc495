"""The one spaCy pipeline, loaded once per process, plus rules that fix the model's systematic errors.

The statistical model gets news names wrong in a few predictable ways. A rule component after the NER
(`parley_names`) fixes them for every later stage, since quotes and events read `doc.ents` too:

- hyphenated East Asian given names are cut at the hyphen ("Moon Jae" for "Moon Jae-in") or missed;
- a bare surname is tagged ORG or GPE ("Harlow", "Biden") although the article named the person;
- a misspelt surname ("Halrow" beside "Harlow") is tagged ORG;
- one name is cut in two ("Hassan Sheikh" "Mohamud"), or runs into what its bearer owns ("X's KLF");
- an entity runs across a line break into page furniture ("Kim\\n\\nIran Press TV").

A rule component before the parser (`parley_headings`) starts a sentence after a subheading that
flattened text runs into the next sentence.

Text in capitals is re-cased before parsing (same length, so offsets into the body still hold).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import replace
from functools import cache

import spacy
from rapidfuzz import fuzz
from spacy.attrs import ENT_IOB, ENT_TYPE, IS_ALPHA, IS_TITLE, ORTH, POS
from spacy.language import Language
from spacy.parts_of_speech import PROPN
from spacy.tokens import Doc, Span

from .options import Options
from .records import Article

NAMES_COMPONENT = "parley_names"
HEADINGS_COMPONENT = "parley_headings"
# Nothing is disabled: the parser gives sentences and syntax, the lemmatizer verb lemmas, the NER names.
# What a stage does not need is left out of its own loops instead. The attribute ruler and the
# lemmatizer run as fastpipes.py's stand-ins, which set the very same attributes.
_KEEP_LABELS = {"PERSON", "ORG", "GPE", "NORP", "LOC", "FAC"}
HYPHEN_SYLLABLE = 6  # letters at most in a syllable of a hyphenated East Asian given name


def load_pipeline(options: Options) -> Language:
    """The pipeline for `options.model`, loaded once per process and shared by every caller."""
    nlp = _load(options.model)
    nlp.max_length = max(nlp.max_length, options.max_body_chars + 1)
    return nlp


@cache
def _load(model: str) -> Language:
    from .fastpipes import speed_up

    nlp = speed_up(spacy.load(model))  # the same annotations, faster (see fastpipes.py)
    if "ner" in nlp.pipe_names and NAMES_COMPONENT not in nlp.pipe_names:
        nlp.add_pipe(NAMES_COMPONENT, after="ner")
    if "parser" in nlp.pipe_names and HEADINGS_COMPONENT not in nlp.pipe_names:
        nlp.add_pipe(HEADINGS_COMPONENT, before="parser")
    return nlp


def parse(nlp: Language, articles: Iterable[Article], options: Options) -> Iterator[tuple[Article, Doc]]:
    """(article, doc) pairs in input order, parsed in batches with nlp.pipe.

    The doc's text is the article body, except that runs of capitals may be re-cased (same length);
    such an article comes back with a warning added.
    """

    def texts():
        for article in articles:
            text, warning = recase(article.body)
            if warning:
                article = replace(article, warnings=[*article.warnings, warning])
            yield text, article

    yield from ((article, doc) for doc, article in nlp.pipe(texts(), as_tuples=True, batch_size=options.batch_size))


def entities(doc: Doc) -> tuple[Span, ...]:
    """`doc.ents`, made once per Doc: spaCy builds every entity Span anew on each read (with two
    Token objects each), and the record stages read a story's entities some ten times. The entity
    tags are compared on each read, so entities set after the first read are never missed."""
    tags = doc.to_array([ENT_IOB, ENT_TYPE]).tobytes() if len(doc) else b""
    kept = doc.user_data.get(_ENTITIES_KEY)
    if kept is not None and kept[0] == tags:
        return kept[1]
    ents = doc.ents
    doc.user_data[_ENTITIES_KEY] = (tags, ents)
    return ents


def sentence_entities(sent: Span) -> list[Span]:
    """`sent.ents` (the entities wholly inside the span) from the doc's entities made once."""
    out = []
    for ent in entities(sent.doc):
        if ent.start >= sent.start:
            if ent.end <= sent.end:
                out.append(ent)
            else:
                break
    return out


_ENTITIES_KEY = "parley.entities"


# --- re-casing --------------------------------------------------------------------------------------

_SHOUT_LINE = re.compile(r"[^\n]+")
_CAPS_NAME = re.compile(r"\b([A-Z][A-Z'’]+)\b(?=[ \u00a0][A-Z][a-z])")
_WORD = re.compile(r"[A-Za-z][A-Za-z'’.-]*")


def recase(text: str) -> tuple[str, str | None]:
    """Text with capitals a tagger misreads re-cased, and a warning when whole lines were shouted.

    "MOON Jae-in" (surname in capitals, a common house style) becomes "Moon Jae-in"; a line written
    all in capitals gets lower-case function words and title-case content words.
    """
    if not re.search(r"[A-Z]{2}", text):
        return text, None
    known = _acronyms()
    chars = list(text)
    shouted = 0
    for line in _SHOUT_LINE.finditer(text):
        letters = [c for c in line.group() if c.isalpha()]
        if len(letters) >= 20 and sum(c.isupper() for c in letters) >= 0.85 * len(letters):
            shouted += 1
            _recase_line(chars, line.start(), line.group(), known)
            continue
        for m in _CAPS_NAME.finditer(line.group()):
            word = m.group(1)
            if word.strip("'’") not in known and len(word) >= 2:
                start = line.start() + m.start(1)
                chars[start + 1 : start + len(word)] = word[1:].lower()
    new = "".join(chars)
    if len(new) != len(text):  # a case mapping that changes length would break offsets
        return text, None
    return new, ("text in capitals was re-cased before parsing" if shouted else None)


def _recase_line(chars: list[str], offset: int, line: str, known: frozenset[str]) -> None:
    lower_words = _common_words()
    sentence_start = True
    for m in _WORD.finditer(line):
        word = m.group()
        bare = word.strip(".'’-")
        proper = _proper_words().get(word.lower())
        if bare in known:
            new = word
        elif proper is not None:
            new = proper
        elif bare.lower() in lower_words and not sentence_start:
            new = word.lower()
        else:
            new = word[0] + word[1:].lower()
        if len(new) == len(word):
            chars[offset + m.start() : offset + m.end()] = new
        sentence_start = word.endswith(".") and len(bare) > 3
        tail = line[m.end() : m.end() + 2]
        if tail[:1] in {".", "!", "?", ":"}:
            sentence_start = True


@cache
def _common_words() -> frozenset[str]:
    """Function words and common verbs/adjectives/adverbs: written lower-case in running text."""
    from spacy.lang.en.stop_words import STOP_WORDS

    nlp = _load(Options().model)
    words = set(STOP_WORDS)
    if "lemmatizer" in nlp.pipe_names:
        lookups = nlp.get_pipe("lemmatizer").lookups
        index = lookups.get_table("lemma_index") if lookups.has_table("lemma_index") else {}
        exc = lookups.get_table("lemma_exc") if lookups.has_table("lemma_exc") else {}
        for pos in ("verb", "adj", "adv"):
            words.update(index.get(pos, []))
            words.update(exc.get(pos, {}).keys())
    for w in list(words):  # regular inflections of the verbs
        words.update((w + "s", w + "ed", w + "d", w + "ing", w + "es"))
    for title in _title_words():
        words.add(title)
    return frozenset(words)


@cache
def _acronyms() -> frozenset[str]:
    """Capitalised forms that are right as written: US, UN, NATO, DPRK, ..."""
    from .actors.knowledge import bundled_terms

    return frozenset(t for t in bundled_terms() if t.isupper() or "." in t)


@cache
def _proper_words() -> dict[str, str]:
    """Words of country names, demonyms and capitals as they are written: "philippine" -> "Philippine"."""
    from .actors.knowledge import bundled_terms

    return {w.lower(): w for t in bundled_terms() for w in t.split() if w[:1].isupper() and not w.isupper()}


@cache
def _title_words() -> frozenset[str]:
    from .actors.knowledge import bundled_titles

    return frozenset(w for phrase in bundled_titles() for w in phrase.split())


# --- subheadings run into the text ------------------------------------------------------------------

# Text flattened by a crawler or a copy keeps a story's subheadings but not the line breaks around
# them: "... signed the accord. Port deal hopes During a visit to Quito, the mayor ...". A
# subheading is a short phrase without final punctuation; the sentence after it starts with a word
# that English writes in capitals only at the start of a sentence (a preposition, a conjunction, an
# article, a pronoun). The parser is told that a sentence starts there, so the heading's words join
# no clause. ("Last month The Hague ruled": an article before a name is left alone.)
_RUN_IN_HEADING = re.compile(
    r"(?<=[.!?\"”’)]) [A-Z][\w'’&-]*(?: [\w'’&-]+){0,5} "
    r"((?:According|After|Although|Amid|As|At|Before|But|Despite|During|Following|For|However|If|In|Meanwhile|On|"
    r"Since|Under|When|While|With|It|He|She|They|We|This|These|Those|(?:The|A|An)(?= [a-z])))\b")


# A subheading is also often a headline in miniature, a name and a verb in the present ("Kenya backs
# port deal"), and the sentence after it may start with a nationality and a group of people ("Kenyan
# officials have said ..."), which English capitalises anywhere: the headline's present verb and the
# group's own verb after it tell where the sentence starts.
_GROUP_NOUNS = "officials|leaders|authorities|forces|troops|lawmakers|diplomats|police|ministers|media|government|security"
_FUNCTION_WORDS = ("the|a|an|that|this|these|those|of|and|or|but|to|for|with|by|in|on|at|as|from|while|when|if|"
                   "said|says|told|is|are|was|were|let|make|help|urge|ask")


@cache
def _headline_before_group() -> re.Pattern:
    from .actors.knowledge import country_forms

    demonyms = sorted({form for _, kind, form in country_forms() if kind == "people" and " " not in form}, key=len, reverse=True)
    # (the headline ends in a content word: "Ruto says the Kenyan officials have ..." is one sentence)
    return re.compile(
        r"(?<=[.!?\"”’)]) [A-Z][\w'’-]+ [a-z]+s(?: [\w'’&-]+){0,3} (?!(?:" + _FUNCTION_WORDS + r") )[a-z][\w'’&-]+ "
        rf"((?:{'|'.join(map(re.escape, demonyms))}) (?:{_GROUP_NOUNS}) (?:have|has|had|said|say|says|are|were|will|would)\b)")


@Language.factory(HEADINGS_COMPONENT)
def _make_heading_breaks(nlp: Language, name: str):
    return heading_breaks


def heading_breaks(doc: Doc) -> Doc:
    """Start a sentence after a subheading run into the text (see above)."""
    for pattern in (_RUN_IN_HEADING, _headline_before_group()):
        for m in pattern.finditer(doc.text):
            span = doc.char_span(m.start(1), m.end(1))
            if span is not None:
                span[0].is_sent_start = True
    return doc


# --- the name rules component -----------------------------------------------------------------------


@Language.factory(NAMES_COMPONENT)
def _make_name_rules(nlp: Language, name: str) -> "NameRules":
    return NameRules(nlp)


class NameRules:
    """Rules after the NER that repair person names (see the module docstring)."""

    def __init__(self, nlp: Language) -> None:
        from .actors.knowledge import family_first_names, person_title_words

        self.family_first = family_first_names()
        self.title_words = person_title_words()
        self.hyphen = nlp.vocab.strings.add("-")
        self.family_first_ids = {nlp.vocab.strings.add(name) for name in self.family_first}

    def __call__(self, doc: Doc) -> Doc:
        ents = [part for e in (_within_line(e) for e in doc.ents) if e is not None for part in _owner_apart(e)]
        ents = _one_name(doc, ents)
        # per token, whether it is a capitalised word (and a proper noun): read from arrays, since
        # indexing the Doc makes a Token object each time and these loops visit every token
        flags = doc.to_array([IS_TITLE, IS_ALPHA, POS, ORTH]).tolist() if len(doc) else []
        ents = self._hyphen_names(doc, ents, [orth for *_, orth in flags])
        capitalised = [title == 1 and alpha == 1 for title, alpha, _, _ in flags]
        proper = [cap and pos == PROPN for cap, (_, _, pos, _) in zip(capitalised, flags)]
        ents = self._named_after_title(doc, ents, proper)
        ents = self._known_surnames(doc, ents, capitalised)
        doc.set_ents(sorted(ents, key=lambda e: e.start), default="outside")
        return doc

    def _hyphen_matches(self, doc: Doc, orths: list[int]) -> list[tuple[int, int]]:
        """(start, end) of each hyphenated given name: "Moon Jae-in", "Lee Sang-ho" (family name, a
        capitalised syllable, a hyphen, a lower-case syllable of at most six letters), or "Kim Jong-Un"
        (a capitalised second syllable, only after a known family name). Read around each hyphen token,
        which is far cheaper than matching a pattern at every token."""
        found = []
        for i in (n for n, orth in enumerate(orths) if orth == self.hyphen):
            if i < 2 or i + 1 >= len(doc):
                continue
            family, first, second = doc[i - 2], doc[i - 1], doc[i + 1]
            if not (first.is_title and first.is_alpha and len(first) <= HYPHEN_SYLLABLE):
                continue
            if not (second.is_alpha and len(second) <= HYPHEN_SYLLABLE):
                continue
            if second.is_lower and family.is_title and family.is_alpha or \
                    second.is_title and family.orth in self.family_first_ids:
                found.append((i - 2, i + 2))
        return found

    def _hyphen_names(self, doc: Doc, ents: list[Span], orths: list[int]) -> list[Span]:
        for start, end in self._hyphen_matches(doc, orths):
            toks = doc[start:end]
            if any(t.whitespace_ for t in toks[1:-1]):
                continue  # "Jae - in" with spaces is not one name
            span = Span(doc, start, end, label="PERSON")
            ents = [e for e in ents if e.end <= start or e.start >= end or (e.label_ == "PERSON" and e.start <= start and e.end >= end)]
            if not any(e.start <= start and e.end >= end for e in ents):
                ents.append(span)
        return ents

    def _named_after_title(self, doc: Doc, ents: list[Span], proper: list[bool]) -> list[Span]:
        """Two or three capitalised words right after a person's title are a name, whatever the model
        said: "Special Envoy for the Sahel Tomas Varga", "his counterpart, Elin Rask"."""
        covered = {i: e for e in ents for i in range(e.start, e.end)}
        out = list(ents)
        n = len(doc)
        i = 0
        while i < n:
            e = covered.get(i)
            if e is None and not proper[i]:
                i += 1  # most tokens: no entity and no name starts here (the steps below would agree)
                continue
            if e is not None and (e.label_ == "PERSON" or e.start != i):
                i = e.end
                continue
            run = i
            absorbed = []
            while run < n and run - i < 4 and proper[run]:
                other = covered.get(run)
                if other is not None and other is not e:
                    # the model often reads a surname as a place ("Ana Costa" -> GPE "Costa")
                    if run == i or len(other) != 1 or other.label_ not in ("ORG", "GPE"):
                        break
                    absorbed.append(other)
                run += 1
            if e is not None and run != e.end:
                i = e.end
                continue
            if 2 <= run - i <= 3 and (self._title_before(doc, i) and doc[i - 1].lower_ not in ("for", "of")
                                      or self._title_after(doc, run)):
                if e is not None and e.label_ != "ORG":
                    i = run
                    continue
                out = [x for x in out if x is not e and not any(x is y for y in absorbed)]
                out.append(Span(doc, i, run, label="PERSON"))
            i = max(run, i + 1)
        return out

    def _title_before(self, doc: Doc, start: int) -> bool:
        """Whether a person's title ends just before `start`, maybe with a place after it
        ("Special Representative for North Korea") or a comma ("his counterpart,")."""
        i = start - 1
        if i >= 0 and doc[i].text == ",":
            i -= 1
            return i >= 0 and doc[i].lower_ in self.title_words
        for j in range(i, max(-1, i - 6), -1):
            t = doc[j]
            if t.lower_ in self.title_words:
                return j == i or doc[j + 1].lower_ in ("for", "of")
            if not (t.is_title or t.lower_ in ("for", "of", "the")) or t.is_sent_start:
                return False
        return False

    def _title_after(self, doc: Doc, end: int) -> bool:
        """"Ana Costa, Brazil's ambassador to ...": a comma, then a title within a few words."""
        if end >= len(doc) or doc[end].text != ",":
            return False
        for t in doc[end + 1 : end + 7]:
            if t.lower_ in self.title_words:
                return True
            if t.is_punct or t.pos_ in ("VERB", "AUX"):
                return False
        return False

    def _known_surnames(self, doc: Doc, ents: list[Span], capitalised: list[bool]) -> list[Span]:
        """A token that is a surname (or full name) of a PERSON in this doc is a PERSON everywhere."""
        keys: set[str] = set()
        for e in ents:
            if e.label_ != "PERSON" or len(e) < 2:
                continue
            words = [t for t in e if t.is_alpha and t.is_title]
            if len(words) < 2:
                continue
            keys.add(words[-1].text)
            if words[0].text in self.family_first:
                keys.add(words[0].text)
        if not keys:
            return ents
        covered = {i for e in ents for i in range(e.start, e.end)}
        person_tokens = {i for e in ents if e.label_ == "PERSON" for i in range(e.start, e.end)}
        out = []
        for e in ents:
            if e.label_ in ("ORG", "GPE", "NORP", "LOC", "FAC", "PRODUCT", "WORK_OF_ART") and self._all_names(e, keys):
                out.extend(Span(doc, t.i, t.i + 1, label="PERSON") for t in e if t.is_alpha)
                continue
            out.append(e)
        covered = {i for e in out for i in range(e.start, e.end)}
        for i, cap in enumerate(capitalised):
            if i in covered or i in person_tokens or not cap:
                continue
            t = doc[i]
            if t.text in keys or (t.pos_ == "PROPN" and _near_key(t.text, keys)):
                out.append(Span(doc, t.i, t.i + 1, label="PERSON"))
        return out

    @staticmethod
    def _all_names(ent: Span, keys: set[str]) -> bool:
        words = [t for t in ent if not (t.is_punct or t.text in ("'s", "’s"))]
        if not words:
            return False
        return all(t.text in keys for t in words) or (len(words) == 1 and words[0].is_title and _near_key(words[0].text, keys))


def _near_key(word: str, keys: set[str]) -> bool:
    """A likely misspelling of a known surname: same first letter, one or two letters off."""
    if len(word) < 5:
        return False
    return any(
        k[0] == word[0] and abs(len(k) - len(word)) <= 1 and len(k) >= 5 and fuzz.ratio(k, word) >= 80
        for k in keys
    )


def _one_name(doc: Doc, ents: list[Span]) -> list[Span]:
    """Two person names with nothing but a space between them are one ("Hassan Sheikh" "Mohamud"):
    English parts two people's names with a comma, "and" or a word, never with a bare space."""
    out: list[Span] = []
    for e in ents:
        last = out[-1] if out else None
        if last is not None and last.label_ == e.label_ == "PERSON" and last.end == e.start \
                and doc[last.end - 1].whitespace_ == " " and doc[e.start].is_title:
            out[-1] = Span(doc, last.start, e.end, label="PERSON")
        else:
            out.append(e)
    return out


def _owner_apart(ent: Span) -> list[Span]:
    """A possessive inside an entity ends one name and starts another: "Al-Sharaa’s HTS" is the man
    and his group (an acronym after it is an organisation's)."""
    owned = next((t.i for t in ent if t.tag_ == "POS" or t.lower_ in ("'s", "’s")), None)
    if owned is None:
        return [ent]
    if owned == ent.end - 1:  # "Abu-Bakr’s": the name is the owner's, without the ending
        return [Span(ent.doc, ent.start, owned, label=ent.label_)] if owned > ent.start else []
    after = ent.doc[owned + 1 : ent.end]
    label = "ORG" if all(t.is_upper for t in after if t.is_alpha) else ent.label_
    return [Span(ent.doc, ent.start, owned, label=ent.label_)] * (owned > ent.start) + [Span(ent.doc, after.start, after.end, label=label)]


def _within_line(ent: Span) -> Span | None:
    """An entity cut back to its first line: names do not run across line breaks."""
    for t in ent:
        if "\n" in t.text or (t.i < ent.end - 1 and "\n" in t.whitespace_):
            end = t.i if "\n" in t.text else t.i + 1
            if end <= ent.start:
                return None
            return Span(ent.doc, ent.start, end, label=ent.label_)
    if ent.label_ in ("PERSON", "ORG") and not any(c.isupper() for t in ent for c in t.text):
        return None  # "beat around the bush", "champagne & alcoholic": a name has a capital somewhere
    return ent
