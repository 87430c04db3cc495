"""Dates of events: a DATE span of the event's clause resolved against the article's published date.

Returns (date, basis, precision): date is ISO with the precision the text gives ("2019-09-19",
"2019-09", "2018"); basis is "explicit" when the span names a month or year, "relative" for
weekdays, "yesterday", "last month" and the like, and COUNTED for words that count from the day the
story's narrative stands at, not from publication ("a day earlier", "the next day", "hours later"):
the story step (reality.py) moves those onto that day, and gives acts told with no date of their own
the day the narrative stands at, with the basis NARRATIVE. Weekday and relative-word logic is our own;
dateparser (English only, RELATIVE_BASE = published) is the fallback for spans like "three years ago".
"""

from __future__ import annotations

import re
from datetime import date, datetime
from functools import lru_cache

# the calendar arithmetic is parley.dates' (one module); this one reads the words
from ..dates import (DAY, MONTH, WEEKDAYS, YEAR, add_days, add_months, ago, month_occurrence, month_start, occurrence, partial_iso,
                     relative_weekday, week_saturday, year_start)
from ..language import sentence_entities

MONTHS = {
    "jan": 1, "january": 1, "feb": 2, "february": 2, "mar": 3, "march": 3, "apr": 4, "april": 4,
    "may": 5, "jun": 6, "june": 6, "jul": 7, "july": 7, "aug": 8, "august": 8, "sep": 9, "sept": 9,
    "september": 9, "oct": 10, "october": 10, "nov": 11, "november": 11, "dec": 12, "december": 12,
}

_MONTH_RE = r"(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
_MONTH_DAY_YEAR = re.compile(rf"\b{_MONTH_RE}\s+(\d{{1,2}})(?:st|nd|rd|th)?\b(?:,?\s+(\d{{4}}))?", re.I)
_DAY_MONTH_YEAR = re.compile(rf"\b(\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?{_MONTH_RE}(?:,?\s+(\d{{4}}))?", re.I)
_MONTH_YEAR = re.compile(rf"\b{_MONTH_RE}(?:\s+of)?,?\s+(\d{{4}})\b", re.I)
_MONTH_ONLY = re.compile(rf"^(?:(?:early|late|mid|the end of|the beginning of|the middle of)[\s-]+)?(?:(last|this|next|past|coming)\s+)?"
                         rf"{_MONTH_RE}$", re.I)
# "the beginning of the year", "the end of the month": the year or month itself (as "this year")
_PART_OF = re.compile(r"^(?:the\s+)?(?:very\s+)?(?:beginning|start|end|middle|turn|first half|second half)\s+of\s+(?:the\s+)?(year|month)$")
_YEAR = re.compile(r"^(?:(?:early|late|mid|in)[\s-]+)?((?:19|20)\d\d)$")
_ISO = re.compile(r"\b(\d{4})-(\d{2})-(\d{2})\b")
_DURATION = re.compile(r"\b(past|last|next|previous|coming)\s+(?:\w+\s+)?(days|weeks|months|years|decades)\b|\b\d+-(?:day|hour|month|year)\b", re.I)
_AGO = re.compile(r"\bago\b", re.I)
_AGO_COUNT = re.compile(r"^(?:about |some |nearly |almost |more than |over )?(\d+|an?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)\s+(day|week|month|year)s?\s+ago$")
# "a day earlier", "two days later", "the day before", "the previous day", "the same day", "hours later":
# counted from the day the narrative last gave ("The rebels attacked on Monday. A day later, ...");
# the story step turns them into "relative" dates
COUNTED = "counted"
# the basis of a date an act takes from where the story's narrative stands, not from its own clause
NARRATIVE = "narrative"
# ("a day after" and "the day before" are left out: the parser's span often ends before their object,
# "a day after the attack", which they count from instead)
_COUNTED = re.compile(r"^(?:just |only )?(\d+|an?|one|two|three|four|five|six|seven|eight|nine|ten)\s+(day|week)s?\s+"
                      r"(earlier|later)$")
_NAMED_DAY = re.compile(r"^(?:the|that)\s+(?:(previous|next|following|same)\s+day|day)$")
_HOURS = re.compile(r"^(?:(?:just |only |a few |several |some |\d+ |\w+ )?hours?|minutes?|moments?)\s+(earlier|later)$")
_NUMBER_WORDS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
                 "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12}

def resolve(text: str, base: date | None, future: bool) -> tuple[str, str, str] | None:
    """(iso date, basis, precision) for the text of a DATE span, or None when it names no date."""
    text = " ".join(text.split()).strip(" ,.")
    text = re.split(r"\s+(?:through|until|till|to|and)\s+|\s*[–—]\s*", text, maxsplit=1)[0]
    low = text.lower()
    if not low or _DURATION.search(low) and not _AGO.search(low):
        return None
    low = re.sub(r"^(?:on|in|since|by|from|during|at)\s+", "", low)
    found = _explicit(low, base, future)
    if found:
        return found
    if base is None:
        return None
    part = _PART_OF.match(low)
    if part:
        low = f"this {part[1]}"
    found = _relative(low, base, future) or _counted(low, base)
    if found:
        return found
    if _AGO.search(low):
        return _ago(low, base) or _dateparser(low, base, future)
    return None


def _counted(low: str, base: date):
    """Days counted from the narrative's day, here from `base` (see COUNTED)."""
    m = _COUNTED.match(low)
    if m:
        n = int(m[1]) if m[1].isdigit() else _NUMBER_WORDS[m[1]]
        sign = -1 if m[3] == "earlier" else 1
        return add_days(base, sign * n * (7 if m[2] == "week" else 1)).isoformat(), COUNTED, DAY
    m = _NAMED_DAY.match(low)
    if m:
        word = m[1] or ""
        sign = -1 if word == "previous" else 1 if word in ("next", "following") else 0
        return add_days(base, sign).isoformat(), COUNTED, DAY
    if _HOURS.match(low):
        return base.isoformat(), COUNTED, DAY  # hours away: the same day, as near as a day can say
    return None


def _ago(low: str, base: date):
    """'three weeks ago', 'a year ago' without dateparser, whose first use costs about a second."""
    m = _AGO_COUNT.match(low)
    if not m:
        return None
    n = int(m[1]) if m[1].isdigit() else _NUMBER_WORDS[m[1]]
    unit = m[2]
    if unit in ("day", "week"):
        return partial_iso(ago(base, n, unit), DAY), "relative", DAY
    if unit == "month":
        return partial_iso(month_start(base, -n), MONTH), "relative", MONTH
    return partial_iso(year_start(base, -n), YEAR), "relative", YEAR


def _explicit(low: str, base: date | None, future: bool):
    m = _ISO.search(low)
    if m:
        try:
            return date(int(m[1]), int(m[2]), int(m[3])).isoformat(), "explicit", DAY
        except ValueError:
            return None
    for pattern, month_group, day_group in ((_MONTH_DAY_YEAR, 1, 2), (_DAY_MONTH_YEAR, 2, 1)):
        m = pattern.search(low)
        if m:
            month, day, year = MONTHS[m[month_group].lower().rstrip(".")], int(m[day_group]), m[3]
            if year:
                return _safe(int(year), month, day, "explicit")
            if base is None:
                return None
            return _nearest_year(base, month, day, future)
    m = _MONTH_YEAR.search(low)
    if m:
        return f"{int(m[2]):04d}-{MONTHS[m[1].lower().rstrip('.')]:02d}", "explicit", MONTH
    m = _MONTH_ONLY.match(low)
    if m:
        if base is None:
            return None
        month = MONTHS[m[2].lower().rstrip(".")]
        side = {"last": False, "past": False, "next": True, "coming": True}.get(m[1] or "", future)
        found = month_occurrence(base, month, side) if m[1] != "this" else month_start(base, month - base.month)
        if m[1] in ("last", "past", "next", "coming") and found.month == base.month:
            found = add_months(found, 12 if side else -12)  # "last March" said in March: a year back
        return partial_iso(found, MONTH), "explicit", MONTH
    m = _YEAR.match(low)
    if m:
        return m[1], "explicit", YEAR
    return None


def _safe(year: int, month: int, day: int, basis: str):
    try:
        return date(year, month, day).isoformat(), basis, DAY
    except ValueError:
        return None


def _nearest_year(base: date, month: int, day: int, future: bool):
    """A day and month without a year: the occurrence on the side of `base` the tense points to."""
    found = occurrence(base, month, day, "after" if future else "before")
    return (found.isoformat(), "explicit", DAY) if found else None


def _relative(low: str, base: date, future: bool):
    words = low.replace("-", " ").split()
    if not words:
        return None
    if low in ("today", "tonight", "this morning", "this afternoon", "this evening", "now"):
        return base.isoformat(), "relative", DAY
    if low in ("yesterday", "last night"):
        return add_days(base, -1).isoformat(), "relative", DAY
    if low == "tomorrow":
        return add_days(base, 1).isoformat(), "relative", DAY
    for word in words:
        if word in WEEKDAYS and len(words) <= 3:
            return weekday(base, WEEKDAYS[word], future, words), "relative", DAY
    unit = words[-1]
    offset = 0
    if "last" in words or "previous" in words or "past" in words:
        offset = -1
    elif "next" in words or "coming" in words:
        offset = 1
    elif "this" not in words and "later" not in words and "earlier" not in words:
        return None
    if unit == "week":
        return partial_iso(add_days(base, 7 * offset), MONTH), "relative", MONTH
    if unit == "month":
        return partial_iso(month_start(base, offset), MONTH), "relative", MONTH
    if unit == "year":
        return partial_iso(year_start(base, offset), YEAR), "relative", YEAR
    if unit == "weekend":
        # "last weekend" is the Saturday before the week of `base`; "this" and "next" weekends are
        # the coming one
        return partial_iso(week_saturday(base, -1 if offset < 0 else 0), MONTH), "relative", MONTH
    return None


def weekday(base: date, target: int, future: bool, words: list[str] | None = None) -> str:
    """The named weekday nearest `base` on the side the tense points to ('last' / 'next' force a week)."""
    words = words or []
    return relative_weekday(base, target, future, skip_same_day=("next" if future else "last") in words).isoformat()


@lru_cache(maxsize=2048)
def _dateparser(low: str, base: date, future: bool):
    import dateparser

    settings = {
        "RELATIVE_BASE": datetime(base.year, base.month, base.day),
        "PREFER_DATES_FROM": "future" if future else "past",
        "RETURN_AS_TIMEZONE_AWARE": False,
    }
    parsed = dateparser.parse(low, languages=["en"], settings=settings)
    if parsed is None:
        return None
    precision = YEAR if "year" in low else MONTH if "month" in low else DAY
    return partial_iso(parsed.date(), precision), "relative", precision


# ---- where the narrative stands: the days a sentence's past-tense clauses are dated by ----------------

# prepositions that date the clause they hang on with their object ("on Tuesday", "at dawn on Monday")
_DATING_PREPS = frozenset({"on", "at", "in", "during"})
# auxiliaries of a past act: "had warned", "was arrested", "has been released"
_PAST_AUX = frozenset({"had", "was", "were", "has", "have"})
# how a noun hangs in its clause, up to the verb: object, subject, or the object of a preposition
_NOUN_LINKS = frozenset({"dobj", "pobj", "prep", "nsubj", "nsubjpass", "attr", "appos", "amod"})


def narrative_days(sent, base: date | None) -> tuple[str, ...]:
    """The dates (partial ISO, in text order) that date the past-tense clauses of a parsed sentence
    ("the siege ended early Wednesday", "X said on Tuesday", "in 2022, X was arrested"): where the
    story's narrative stands when the sentence is told. Counted from `base` (the publication day);
    words that count from the narrative itself ("a day later") are left to the story step."""
    if base is None:
        return ()
    days = []
    for ent in sentence_entities(sent):  # (the doc's entities made once: language.entities)
        if ent.label_ not in ("DATE", "TIME"):
            continue
        verb = dated_verb(ent.root)
        if verb is not None:
            verb = time_host(verb) or verb
        if verb is None or not _past(verb) or _about_a_noun(verb):
            continue
        found = resolve(ent.text, base, False)
        if found and found[1] != COUNTED:
            days.append(found[0])
    return tuple(days)


def dated_verb(root):
    """The verb a date expression modifies as an adverbial ("met on Monday", "said Tuesday",
    "ended early Wednesday"), or None (a possessive, "Tuesday's attack", dates only its noun)."""
    while root.dep_ == "compound" and root.head.i != root.i:
        root = root.head  # "on Tuesday morning": "on" takes the part of the day
    if root.dep_ == "pobj" and root.head.lower_ in _DATING_PREPS:
        root = root.head
    if root.dep_ == "dobj" and root.head.lower_ == "dated":
        return root.head  # "a letter dated May 4": see time_host
    if root.dep_ not in ("npadvmod", "tmod", "advmod", "prep", "obl", "nmod"):
        return None
    head = root.head
    # a day the parser hung on a noun of the clause ("attacked a train Tuesday", "gave details of the
    # ordeal on Wednesday"): news dates what is done with a day, so the clause's verb is dated
    for _ in range(4):
        if _clause_verb(head) or head.dep_ not in _NOUN_LINKS or head.head.i == head.i:
            break
        head = head.head
    return head if _clause_verb(head) else None


def _about_a_noun(verb) -> bool:
    """Is the verb's clause a relative clause about a participant ("a charge the ministry rejected
    Thursday")? Its day is its own: the sentence's narrative does not stand there ("X reiterated the
    claim, a charge Y rejected Thursday" tells X's act on the story's day). A relative clause of a
    time ("until March 3, when it left") is about that time and stands where it does."""
    if verb.head.ent_type_ in ("DATE", "TIME"):
        return False
    # (the parser labels a contact clause, "a charge Y rejected", a clause on the noun, acl: finite and
    # with no "that" of a content clause, it is a relative one)
    return verb.dep_ == "relcl" or verb.dep_ == "acl" and verb.tag_ == "VBD" and \
        not any(c.dep_ == "mark" for c in verb.children)


# prepositions of a gerund that tells the manner or the circumstance of the act it hangs on, at its
# time: "stopped the talks by walking out on Monday", "with troops advancing on Monday, X fled"
# ("after", "before", "since" and the like tell another time)
_MEANS_PREPS = frozenset({"by", "with"})


def time_host(verb):
    """The verb whose time a clause with no tense of its own shares, or None. A bare participle adjunct
    ("Speaking at the council on Monday, X said ...", "X attacked the town, killing 20") tells its
    act at the time of the clause it hangs on (a perfect one, "having met", comes before it, and has
    an auxiliary); so does a gerund of means or circumstance ("by walking out", "with ... advancing").
    And a document "dated" a day ("sent a letter dated Feb. 4") was issued that day: the clause that
    issues it is dated by it."""
    if verb.tag_ == "VBG" and not any(c.dep_ in ("aux", "auxpass", "mark") for c in verb.children):
        head = verb.head
        if verb.dep_ == "advcl" and head.pos_ in ("VERB", "AUX"):
            return head
        if verb.dep_ == "pcomp" and head.lower_ in _MEANS_PREPS and head.head.pos_ in ("VERB", "AUX"):
            return head.head
        return None
    if verb.lower_ == "dated" and verb.tag_ == "VBN" and verb.dep_ == "acl":
        head = verb.head
        for _ in range(4):  # from the document up to the verb of the clause it is the object of
            if head.pos_ in ("VERB", "AUX") or head.dep_ not in _NOUN_LINKS or head.head.i == head.i:
                break
            head = head.head
        return head if _clause_verb(head) else None
    return None


def _clause_verb(token) -> bool:
    return token.pos_ in ("VERB", "AUX") and token.dep_ != "amod"  # "disturbing details": a modifier


# adverbs of a habit or a series ("routinely deny", "have repeatedly called for", "has long accused"):
# the clause tells what keeps happening, not one happening of the story's news
_HABITUAL = frozenset({"routinely", "repeatedly", "regularly", "frequently", "often", "habitually", "constantly",
                       "continually", "persistently", "consistently", "long"})


def habitual(verb) -> bool:
    """Is the verb's act told as a habit or a series of acts by an adverb of frequency?"""
    return any(c.dep_ == "advmod" and c.lower_ in _HABITUAL for c in verb.children)


def told_past(verb) -> bool:
    """Is the verb's clause told as a narrative tells what happened: a simple past, a past perfect, a
    past passive ("attacked", "had met", "was arrested"; not "opposes", "have condemned")?"""
    if verb is None or verb.tag_ not in ("VBD", "VBN"):
        return False
    aux = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    if verb.tag_ == "VBD":
        return not aux
    return bool(aux) and all(c.lower_ in ("had", "was", "were", "been") for c in aux)


def _past(verb) -> bool:
    """Is the verb's clause told in a past tense: a simple past, or a perfect or passive of one?"""
    if verb.tag_ == "VBD":
        return True
    return verb.tag_ == "VBN" and any(c.dep_ in ("aux", "auxpass") and c.lower_ in _PAST_AUX for c in verb.children)


# ---- clauses that share another's time -------------------------------------------------------------------

# subordinators of a clause that happens at the time of the one it hangs on: "X warned on Monday, as Y
# rejected the offer"; "when" and "while" likewise ("after" and "before" say another time)
_AT_THE_TIME = frozenset({"as", "when", "while"})
# verbs whose clause, hanging on them, the parser may have hung on the verb of their complement instead
_CLIMB = frozenset({"ccomp", "xcomp", "conj"})
# prepositions of a relative "which" that put the clause inside its noun's time: "the interviews in
# November, in which he said ...", "a summit on Monday, at which they agreed ..."
_WITHIN = frozenset({"in", "at", "during"})


def sharing_anchors(verb) -> list:
    """Clauses whose date is the act's own when its clause has none: the clause a temporal "as",
    "when" or "while" clause hangs on (and the verbs above it whose complement it may have been hung
    on), the temporal clauses hanging on the act's verb, and for a clause told "in", "at" or "during
    which", its noun and the date just before it ("the interviews in May, in which ...")."""
    out = []
    if verb.dep_ == "advcl" and _at_the_time(verb):
        head = verb.head
        out.append(head)
        for _ in range(3):
            if head.dep_ not in _CLIMB or head.head.i == head.i:
                break
            head = head.head
            out.append(head)
    out += [c for c in verb.children if c.dep_ == "advcl" and c.pos_ in ("VERB", "AUX") and _at_the_time(c)]
    # a participle adjunct or a gerund of means shares its host's time, both ways ("Speaking on Monday,
    # X said ..."; "X said Monday, accusing Y ..."); a document dated a day dates its issuing
    host = time_host(verb)
    if host is not None and host not in out:
        out.append(host)
        out += [c for c in _time_sharers(host) if c.i != verb.i and c not in out]
    out += [c for c in _time_sharers(verb) if c not in out]
    place = _place_clause_host(verb)
    if place is not None and place not in out:
        out.append(place)
    within = next((p for p in verb.children if p.dep_ == "prep" and p.lower_ in _WITHIN and p.i < verb.i
                   and any(w.lower_ == "which" for w in p.children)), None)
    if within is not None:
        if verb.dep_ == "relcl":
            out.append(verb.head)
        before = within.i - 1
        while before >= 0 and verb.doc[before].is_punct:
            before -= 1
        if before >= 0 and verb.doc[before].ent_type_ == "DATE":
            day = verb.doc[before]
            while day.head.i != day.i and day.head.ent_type_ == "DATE":
                day = day.head
            out.append(day)
    return out


# adverbs that move a clause to another time than the one it hangs on
_ANOTHER_TIME = frozenset({"later", "since", "subsequently", "afterwards", "afterward", "eventually", "now",
                           "today", "once", "previously", "earlier", "formerly"})


def _place_clause_host(verb):
    """The verb of the clause that names the place a "where" clause tells of ("violence that began on
    Monday in the region, where troops clashed with rebels"): "where" is "at which", and like a clause
    told "at which" it happens within the time its place is named at. None for other clauses."""
    if verb.dep_ != "relcl" or not any(c.lower_ == "where" and c.dep_ == "advmod" and c.i < verb.i
                                       for c in verb.children):
        return None
    if any(c.lower_ in _ANOTHER_TIME for c in verb.children if c.dep_ in ("advmod", "npadvmod")):
        return None  # "born in 1950 in Osaka, where rebels later took power": another time
    head = verb.head
    for _ in range(4):
        if head.pos_ in ("VERB", "AUX") or head.dep_ not in _NOUN_LINKS or head.head.i == head.i:
            break
        head = head.head
    return head if _clause_verb(head) else None


# how far below its verb a clause sharing its time can hang: "by" + gerund (2), a document's
# "dated" on the object of a preposition of the object (4)
_SHARER_DEPTH = 4
_SHARER_LINKS = _NOUN_LINKS | {"agent", "dative", "pcomp"}


def _time_sharers(verb) -> list:
    """The clauses hanging on `verb` that share its time (time_host): participle adjuncts and gerunds
    of means on it, and documents 'dated' a day among the nouns of its clause."""
    out = []
    stack = [(c, 1) for c in verb.children]
    while stack:
        tok, depth = stack.pop()
        if tok.pos_ in ("VERB", "AUX"):
            if tok.tag_ in ("VBG", "VBN"):
                host = time_host(tok)
                if host is not None and host.i == verb.i:
                    out.append(tok)
            continue
        if depth < _SHARER_DEPTH and tok.dep_ in _SHARER_LINKS:
            # through the clause's nouns and prepositions ("sent a letter to X about Y dated ..."),
            # not into other clauses
            stack.extend((c, depth + 1) for c in tok.children)
    return out


def _at_the_time(clause) -> bool:
    return any(c.dep_ in ("mark", "advmod") and c.lower_ in _AT_THE_TIME and c.i < clause.i for c in clause.children)
