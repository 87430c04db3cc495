"""Separating a story from page clutter in text copied out of a browser.

The signals are general: what a line looks like (length, sentence shape, case, a small UI vocabulary),
repetition within the page (doubled captions, teasers that repeat story paragraphs, a repeated
headline), and position (before the headline, between it and the story, after the last paragraph).
Every line ends up with a role; nothing is dropped without a reason the user can read.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .dateline import find_dateline
from .dates import date_strings
from .lang import BEYOND_LATIN, non_latin_script
from .metadata import outlet_line, outlets_mentioned, parse_byline
from .tables import agency_named, clutter_vocab, stopwords

_TERMINAL = re.compile(r"[.!?…][\"'”’»)\]]*$|[\"”»]$")
_BULLET = re.compile(r"^(?:[•·▪▸►◦●■□✓✔*]|[-–—](?=\s))\s*")
_WORD = re.compile(r"[^\W_]+(?:['’.-][^\W_]+)*", re.U)
_NON_WORD_LINE = re.compile(r"^[\W\d_]*$")

STORY_MIN_WORDS = 12
STAMP_MAX_WORDS = 30
CHROME_MAX_WORDS = 40  # a longer line holding a promo phrase is a story quoting it


@dataclass
class Line:
    text: str
    index: int
    role: str = ""  # "" (undecided) | body | headline | meta | clutter
    why: str = ""
    meta: dict = field(default_factory=dict)
    # the words of `text`, split once: most tests of a line read them, several times each
    _words: list = field(default_factory=list, repr=False, compare=False)
    _words_of: str | None = field(default=None, repr=False, compare=False)

    _lower_share: float = field(default=0.0, repr=False, compare=False)

    @property
    def words(self) -> list[str]:
        if self._words_of != self.text:  # `text` is trimmed in place once a story's end is found
            self._words, self._words_of = _WORD.findall(self.text), self.text
            self._lower_share = -1.0
        return self._words

    @property
    def lower_share(self) -> float:
        """lowercase_share of the line's words, counted once per text."""
        words = self.words
        if self._lower_share < 0:
            self._lower_share = lowercase_share(words)
        return self._lower_share


def split_lines(content: str) -> list[Line]:
    """Non-empty lines, whitespace normalised (non-breaking spaces, runs of blanks), hard wraps undone."""
    out = []
    for raw in unwrap(content.splitlines()):
        text = " ".join(raw.replace("\u00a0", " ").replace("\u200b", "").split())
        if text:
            out.append(Line(text, len(out)))
    return out


WRAP_MIN_LINES = 4  # this many lines ending near one column, mid-sentence, betray a hard-wrapped text
WRAP_MAX_COLUMN = 120  # wider lines are paragraphs a browser laid out, not a fixed wrap
WRAP_NEAR = 0.75  # a wrapped line fills at least this share of the column


def unwrap(raw_lines: list[str]) -> list[str]:
    """Lines of a hard-wrapped text (every line cut at one column) joined back into paragraphs.

    A line is wrapped when it reaches near the text's widest line, does not end a sentence, and the
    next line follows with no blank between; texts whose lines do not share a column are left alone.
    """
    lines = [" ".join(r.replace("\u00a0", " ").split()) for r in raw_lines]
    column = max((len(l) for l in lines), default=0)
    if not column or column > WRAP_MAX_COLUMN:
        return raw_lines
    def wrapped(i: int) -> bool:
        text = lines[i]
        return (len(text) >= WRAP_NEAR * column and not _TERMINAL.search(text) and not text.endswith(":")
                and i + 1 < len(lines) and bool(lines[i + 1]) and not _BULLET.match(lines[i + 1]))
    if sum(1 for i in range(len(lines)) if wrapped(i)) < WRAP_MIN_LINES:
        return raw_lines
    out: list[str] = []
    joining = False
    for i, text in enumerate(lines):
        if joining:
            out[-1] = f"{out[-1]} {text}"
        else:
            out.append(text)
        joining = bool(text) and wrapped(i)
    return out


_CREDIT_TAIL = re.compile(r"\s*[(\[][^()\[\]]{1,30}[)\]]$"
                          r"|(?<=[.!?\"”])\s*[—–-]{1,2}\s*[A-Z][\w.&-]*(?:\s[A-Z][\w.&-]*){0,2}$")  # '... said. - Wire'


TAIL_CHARS = 200  # both patterns are anchored at the end: a long paragraph's tail is all they read


def is_sentence(text: str) -> bool:
    """Ends like a sentence, allowing a trailing credit: '... next month. (Yonhap)'."""
    tail = text[-TAIL_CHARS:]
    return bool(_TERMINAL.search(tail) or _TERMINAL.search(_CREDIT_TAIL.sub("", tail)))


def lowercase_share(words: list[str]) -> float:
    alpha = [w for w in words if w[:1].isalpha()]
    if not alpha:
        return 0.0
    return sum(1 for w in alpha if w[:1].islower()) / len(alpha)


def is_story_like(line: Line, min_words: int = STORY_MIN_WORDS) -> bool:
    words = line.words
    return (len(words) >= min_words and is_sentence(line.text) and line.lower_share >= 0.35
            and not _BULLET.match(line.text))


def title_like(line: Line) -> bool:
    words = line.words
    return 3 <= len(words) <= 25 and not line.text.endswith((".", ":", ",", ";")) and not _BULLET.match(line.text)


def ui_reason(text: str) -> str | None:
    """Why a line is interface text (a control, prompt or notice), or None."""
    vocab = clutter_vocab()
    low = _BULLET.sub("", text.lower()).strip()
    bare = re.sub(r"[^\w\s.:()©&'-]+", " ", low)
    bare = " ".join(bare.split()).strip(" .:-")
    if not bare or _NON_WORD_LINE.match(low):
        return "no words"
    if bare in vocab["lines"]:
        return "interface text"
    words = bare.split()
    if len(words) <= 12 and bare.startswith(vocab["prefixes"]):
        return "interface text"
    if len(words) <= CHROME_MAX_WORDS and any(p in low for p in vocab["chrome_phrases"]):
        return "player, promo or prompt"
    if re.fullmatch(r"\d+(?:\.\d+)?x", bare):
        return "player control"
    if (text[:1] in "([" and text.rstrip()[-1:] in ")]" and len(words) <= 40
            and any(w in low for w in vocab["notice_words"])):
        return "notice"
    if len(words) <= 15 and not text.endswith(".") and any(w in low for w in vocab["notice_words"]):
        return "notice"
    return None


def repeated_phrase(text: str) -> bool:
    """'Jane Roe (AFP) Jane Roe (AFP)': one phrase written twice (a doubled caption)."""
    words = text.split()
    n = len(words)
    return n >= 2 and n % 2 == 0 and words[: n // 2] == words[n // 2:]


def _caption_re() -> re.Pattern:
    credits = "|".join(re.escape(c) for c in sorted(clutter_vocab()["caption_credits"], key=len, reverse=True))
    return re.compile(rf"(?:^|[\s.|(\[])(?:{credits})\s*(?:by|:|/|courtesy of)\s*[^.]{{1,60}}[)\]]?$|"
                      rf"[(\[](?:{credits})[)\]]$", re.I)


def caption_reason(text: str, pattern: re.Pattern) -> str | None:
    return "photo caption" if pattern.search(text) else None


def content_words(words: list[str]) -> int:
    """Lower-case words that are not function words: verbs and nouns of a sentence-case headline."""
    function = stopwords()["en"] | {"to", "in", "on", "for", "of", "a", "an", "the", "and", "or", "as", "at"}
    return sum(1 for w in words if w[:1].islower() and w.lower() not in function and len(w) > 2)


def mark_lines(lines: list[Line]) -> None:
    """First pass: roles a line earns on its own (metadata, interface text, captions, scripts)."""
    caption = _caption_re()
    latin_doc = _mostly_latin(lines)
    for line in lines:
        text = line.text
        embedded = _embedded_reason(text)
        if embedded:
            line.role, line.why = "clutter", embedded
            continue
        # date_strings checks each '|' segment holds little but a date; stamp lines with both a published
        # and an updated time run long once clocks are split into words
        dates = date_strings(text) if len(line.words) <= STAMP_MAX_WORDS else []
        if dates:
            line.role, line.why, line.meta = "meta", "date", {"dates": dates}
            first = re.split(r"\s[|•·]\s", text)[0]
            wire = agency_named(first)
            if wire:
                line.meta["agency"] = wire
            continue
        byline = parse_byline(text) if len(line.words) <= 16 else None
        if byline:
            line.role, line.why, line.meta = "meta", "byline", {"byline": byline}
            stamp = _date_inside(text)
            if stamp:
                line.meta["dates"] = [(1, stamp)]  # 'By Jane Roe in Lagos March 3, 2023'
            continue
        stamp = _date_inside(text) if len(line.words) <= 16 and not is_sentence(text) else None
        if stamp:
            line.role, line.why, line.meta = "meta", "date", {"dates": [(1, stamp)]}
            continue
        wire = _credit_line(text) if len(line.words) <= 4 else None
        if wire:
            line.role, line.why, line.meta = "meta", "agency", {"agency": wire}
            continue
        outlet = outlet_line(text) if len(line.words) <= 6 else None
        if outlet:
            line.role, line.why, line.meta = "meta", "outlet", {"outlet": outlet}
            continue
        reason = ui_reason(text)
        if not reason and repeated_phrase(text):
            reason = "repeated caption"
        if not reason and latin_doc and len(line.words) <= 12 and non_latin_script(text):
            reason = "non-Latin site line"
        if not reason:
            reason = caption_reason(text, caption)
        if reason:
            line.role, line.why = "clutter", reason


_IMAGE_SIZE = re.compile(r"\b\d{3,4}[x×]\d{3,4}\b")  # "1280x708": a picture's size
_POST_SIGNATURE = re.compile(r"[—–-]\s*[^()]{1,60}\(@\w{1,30}\)\s+\w+\.?\s+\d{1,2},\s+\d{4}\s*$")
_POST_LINK = re.compile(r"\bpic\.twitter\.com/|\bt\.co/\w|\b(?:twitter|x)\.com/\w+/status/", re.I)


def _embedded_reason(text: str) -> str | None:
    """Image alt text with its sizes ('Leaders meet 1280x708 1 1100x620'), and posts embedded from
    social media (their link or their '— Name (@handle) March 3, 2023' signature): never the
    headline, and their dates are not the page's."""
    if _IMAGE_SIZE.search(text) and len(text.split()) <= 40:
        return "image alt text with sizes"
    if _POST_LINK.search(text) or _POST_SIGNATURE.search(text):
        return "embedded social media post"
    return None


def _credit_line(text: str) -> str | None:
    """'Reuters', 'QNA/Doha', 'AFP, Paris' on a line of its own: the story's wire; 'Photo / AFP' is a picture's."""
    from .dateline import agency_in

    if any(w in text.lower() for w in ("photo", "image", "picture", "file", "video", "getty")):
        return None
    return agency_named(text) or agency_in(text)


def _date_inside(text: str) -> str | None:
    """The full date in a short line holding other words too ('Jane Roe 2 hours ago Thu 10th May 2020')."""
    from .published import dates_in

    found = dates_in(text)
    if not found:
        return None
    rest = text
    for _day, start, end in reversed(found):
        rest = rest[:start] + " " + rest[end:]
    rest = _RELATIVE_TIME.sub(" ", rest)
    if content_words(_WORD.findall(rest)) >= 2:
        return None  # 'Ceasefire to take effect on March 3, 2024': a headline that names a date
    return text[found[0][1]:]


_RELATIVE_TIME = re.compile(r"\b\d+\s+(?:seconds?|minutes?|mins?|hours?|hrs?|days?|weeks?)\s+ago\b|"
                            r"\b(?:updated|published|posted|last|first|on|at|am|pm)\b", re.I)


def mark_known_clutter(lines: list[Line], known: frozenset[str]) -> None:
    from .boilerplate import boilerplate_key

    for line in lines:
        if line.role != "meta" and boilerplate_key(line.text) in known:
            line.role, line.why = "clutter", "repeated across the outlet's pages"


def _mostly_latin(lines: list[Line]) -> bool:
    sample = "".join(l.text for l in lines)[:5000]
    return not BEYOND_LATIN.search(sample) or non_latin_script([ch for ch in sample if ch.isalpha()]) is None


def mark_teasers(lines: list[Line]) -> None:
    """Sentence-shaped lines whose every sentence is also elsewhere in the page (teasers, summaries).

    Of verbatim copies the last is kept: teasers and summaries come before the story they repeat.
    """
    full = "\n".join(l.text for l in lines)
    last_copy = {l.text: l.index for l in lines}
    dropped = ""
    for line in lines:
        if line.role or len(line.words) < 8 or not is_sentence(line.text):
            continue
        if last_copy[line.text] != line.index:
            line.role, line.why = "clutter", "duplicate of another paragraph"
            dropped += "\n" + line.text
            continue
        sentences = [s for s in re.split(r"(?<=[.!?”\"])\s+", line.text) if len(s.split()) >= 3]
        if sentences and all(full.count(s) - dropped.count(s) >= 2 for s in sentences):
            line.role, line.why = "clutter", "duplicate of another paragraph"
            dropped += "\n" + line.text


def segment(lines: list[Line], title_hint: str | None = None,
            known_clutter: frozenset[str] = frozenset(), url: str | None = None) -> Line | None:
    """Second pass: find the story's span and the headline; returns the headline line (or None).

    known_clutter holds lines the outlet repeats across its pages (clean/boilerplate.py); url is the
    page's address, whose slug often spells the headline and whose domain names the outlet.
    """
    mark_lines(lines)
    if known_clutter:
        mark_known_clutter(lines, known_clutter)
    mark_teasers(lines)
    span = story_span(lines)
    if span is None:
        return None
    start, end = span
    mark_name_role_bylines(lines, start)
    mark_captions(lines, start, end)
    headline = _choose_headline(lines, start, title_hint, url)
    if headline is None and title_hint:
        headline = next((l for l in lines if l.text == title_hint), None)
    if headline is not None:
        mark_bare_name_byline(lines, headline, start, end)
    for line in lines[:start]:
        if line.role:
            continue
        if line is headline:
            line.role, line.why = "headline", "headline"
        elif headline is not None and line.text == headline.text:
            line.role, line.why = "clutter", "repeated headline"
        else:
            line.role, line.why = "clutter", "before the story"
    for line in lines[start:]:
        if headline is not None and line.text == headline.text and not line.role:
            line.role, line.why = "clutter", "repeated headline"
    _mark_story(lines, start, end)
    return headline


MAX_GAP = 3  # this many non-story lines in a row end a run of story paragraphs


def story_span(lines: list[Line]) -> tuple[int, int] | None:
    """First and last line of the story: the run of paragraphs holding most story text.

    Runs are broken by MAX_GAP or more lines that are not paragraphs (menus, related links, prompts).
    A title-like line repeated just inside the first run is the headline printed again, so the
    story starts after it.
    """
    runs: list[list[Line]] = []
    gap = MAX_GAP
    for line in lines:
        if not line.role and (is_story_like(line, 5) or (is_sentence(line.text) and len(line.words) >= 4)):
            if gap >= MAX_GAP:
                runs.append([])
            runs[-1].append(line)
            gap = 0
        else:
            gap += 1
    runs = [r for r in runs if any(is_story_like(l) for l in r)] or runs
    if not runs:
        return None
    best = max(runs, key=lambda r: sum(len(l.words) for l in r if is_story_like(l, 5)))
    first = next((l for l in best if is_story_like(l)), best[0])
    start, end = first.index, best[-1].index
    seen_before = {l.text for l in lines[:start] if title_like(l)}
    for line in lines[start: start + 6]:
        if line.text in seen_before and not line.role:
            later = [l for l in lines[line.index + 1: end + 1] if is_story_like(l)]
            if later:
                start = later[0].index
            break
    return _extend_back(lines, start), end


def mark_name_role_bylines(lines: list[Line], start: int) -> None:
    """'Natalie Ong' over 'Regional Correspondent' before the story: a byline without 'By'."""
    from .metadata import Byline, is_name, is_role

    for line, after in zip(lines[:start], lines[1:start + 1]):
        if not line.role and is_name(line.text) and is_role(after.text):
            line.role, line.why = "meta", "byline"
            line.meta = {"byline": Byline((normalise_name(line.text),), None)}
            if not after.role:
                after.role, after.why = "clutter", "author's job title"


def mark_bare_name_byline(lines: list[Line], headline: Line, start: int, end: int) -> None:
    """'Laura Zhou' on its own between the headline and the story: a byline with neither 'By' nor a title.

    Section labels look the same ('North Korea', 'World News'), so the line must also sit where
    bylines sit (next to the date line) and its words must not recur in the story: a topic label
    names what the story is about, a reporter rarely writes their own name.
    Only one such line is taken, and none when the page has a byline already.
    """
    from .common import place_line
    from .metadata import Byline, is_name

    if any(l.meta.get("byline") and l.meta["byline"].authors for l in lines):
        return
    story = {_plain(w) for l in lines[start: end + 1] for w in l.words}

    def beside_date(line: Line) -> bool:
        # the date line, or a dateline city printed on its own line just before it ('NEW DELHI')
        return line.why == "date" or (place_line(line.text) is not None
                                      and lines[min(line.index + 1, len(lines) - 1)].why == "date")

    for line in lines[headline.index + 1: start]:
        name = _without_place(line.text)  # 'Jane Roe in Brussels': where the reporter filed from
        tokens = name.split()
        if line.role or not 2 <= len(tokens) <= 4 or not is_name(name) or tokens[0].lower() == "by":
            continue
        if place_line(line.text):
            continue  # a place on its own line is a dateline, not a reporter
        before, after = lines[line.index - 1], lines[line.index + 1]
        if not (beside_date(before) or beside_date(after)) or _continues(after):
            continue
        if any(t.lower().rstrip(".,") in _CALENDAR_NAMES or _plain(t) in story for t in tokens):
            continue
        line.role, line.why = "meta", "byline without 'By'"
        line.meta = {"byline": Byline((normalise_name(name),), None)}
        return


def _without_place(text: str) -> str:
    """'Jane Roe in Brussels' -> 'Jane Roe' when the words after the last ' in ' name a city."""
    from .tables import city_names

    head, sep, place = text.rpartition(" in ")
    return head.strip() if sep and place.strip().lower() in city_names() else text


def _plain(word: str) -> str:
    """A word without case, edge punctuation or plural 's', to match 'CAR REVIEWS' against 'cars'."""
    return word.lower().strip(".,;:'’\"").rstrip("s")


def _continues(line: Line) -> bool:
    """A line starting in lower case or with punctuation carries on the sentence before it."""
    return line.why != "date" and not (line.text[:1].isupper() or line.text[:1].isdigit())


_CALENDAR_NAMES = frozenset(
    "jan january feb february mar march apr april may jun june jul july aug august sep sept september oct "
    "october nov november dec december mon monday tue tuesday wed wednesday thu thursday fri friday sat "
    "saturday sun sunday".split())


def normalise_name(name: str) -> str:
    from .metadata import normalise_name as _normalise

    return _normalise(name)


def _extend_back(lines: list[Line], start: int) -> int:
    """Short sentence-shaped paragraphs just before the first long one open the story too."""
    while start > 0:
        line = lines[start - 1]
        words = line.words
        dateline = find_dateline(f"{line.text} {lines[start].text}") if len(words) <= 8 else None
        if not line.role and dateline and dateline.end >= len(line.text):
            start -= 1  # 'BRUSSELS –' copied on a line of its own
            break
        opens_story = not line.role and find_dateline(line.text) is not None and len(words) >= 8
        if not opens_story and (line.role or _BULLET.match(line.text) or len(words) < 4
                                or not is_sentence(line.text) or lowercase_share(words) < 0.35):
            break  # a paragraph opening with a dateline is story however many names it holds
        start -= 1
    return start


def _about_publication(text: str) -> bool:
    """'The Associated Press is an independent...', 'X reported from Y': notes, not the story."""
    head = " ".join(text.split()[:5])
    return bool(_CREDITS.search(text) or _names_wire(text) or
                any(m for m in outlets_mentioned(head)))


def _mark_story(lines: list[Line], start: int, end: int) -> None:
    while end > start and not lines[end].role and _about_publication(lines[end].text):
        lines[end].role, lines[end].why = "clutter", "credits or note about the publication"
        end -= 1
    for line in lines[start: end + 1]:
        if line.role:
            continue
        if len(line.words) <= 3 and not is_sentence(line.text) and line.index != start:
            line.role, line.why = "clutter", "short line inside the story"
        else:
            line.role = "body"
    trailing = True
    for line in lines[end + 1:]:
        if line.role:
            trailing = False if line.role == "clutter" else trailing
            continue
        if _about_publication(line.text):
            line.role, line.why = "clutter", "credits or note about the publication"
            trailing = False
        elif trailing and is_sentence(line.text) and len(line.words) >= 4 and line.lower_share >= 0.35:
            line.role = "body"
        elif trailing and line is lines[-1] and _keep_before_cut(line):
            line.role, line.why = "body", "text ends mid-sentence: the broken sentence dropped"
        else:
            trailing = False
            line.role, line.why = "clutter", "after the story"


def _keep_before_cut(line: Line) -> bool:
    """A page copied only in part ends mid-sentence: its last paragraph keeps its complete sentences."""
    if len(line.words) < STORY_MIN_WORDS or line.lower_share < 0.35:
        return False
    ends = [m.end() for m in re.finditer(r"[.!?…][\"'”’»)\]]*(?=\s+[\"“‘'(]?[A-Z0-9])", line.text)]
    if not ends or len(line.text[: ends[-1]].split()) < 4:
        return False
    line.meta["cut"] = line.text[ends[-1]:].strip()
    line.text = line.text[: ends[-1]]
    return True


_CREDITS = re.compile(r"\b(?:reported from|reporting by|editing by|writing by|additional reporting|"
                      r"contributed (?:to )?(?:this )?report|contributed reporting)\b", re.I)


def _names_wire(text: str) -> bool:
    head = " ".join(text.split()[:4])
    return any(agency_named(" ".join(head.split()[:n])) for n in (1, 2, 3))


def _choose_headline(lines: list[Line], start: int, title_hint: str | None, url: str | None = None) -> Line | None:
    from .headline import headline_score, slug_words

    counts: dict[str, int] = {}
    for line in lines:
        counts[line.text] = counts.get(line.text, 0) + 1
    slug = slug_words(url)
    site = _site_name(url)
    best, best_score = None, float("-inf")
    for line in lines[:start]:
        if line.role or not title_like(line):
            continue
        score = headline_score(line, lines, start, counts, title_hint, slug, site)
        if score >= best_score:
            best, best_score = line, score
    return best


def _site_name(url: str | None) -> str | None:
    from .tables import outlet_by_domain

    entry = outlet_by_domain(url) if url else None
    return entry.name if entry else None


def mark_captions(lines: list[Line], start: int, end: int) -> None:
    """A paragraph ending in a photo or wire credit ('... in Riyadh. (SPA)', '[File: ...]') above more
    story is a photo caption: a story's own wire credit comes after its last paragraph. So is a line
    under a 'Image caption' label."""
    labels = clutter_vocab()["caption_labels"]
    for above, line in zip(lines, lines[1:end]):
        if not line.role and above.text.lower().strip(" ,.:") in labels:
            line.role, line.why = "clutter", "photo caption"
    for line in lines[max(0, start - 3): end]:
        if line.role and line.role != "body":
            continue
        credited = line.index + 1 < len(lines) and _PHOTO_CREDIT_LINE.match(lines[line.index + 1].text)
        if (_CAPTION_TAIL.search(line.text) or credited) and line.index < end and not find_dateline(line.text):
            line.role, line.why = "clutter", "photo caption"


_CAPTION_TAIL = re.compile(r"[.!?]\s*[(\[](?:[A-Z][\w.&/ -]{1,30}|(?:file|photo|image)[^()\[\]]{0,60})[)\]]\s*$"
                           r"|[(\[](?:file|photo|image|picture|pictured)\s*:[^()\[\]]*(?:[)\]]\s*)?$", re.I)
# '(Photo: Desk)', 'Photo | Desk', 'Image: Desk' on a line of its own: the credit of the caption above it
_PHOTO_CREDIT_LINE = re.compile(r"^[(\[]?\s*(?:photo|image|picture|file photo)s?\s*[:|/]\s*[^.]{1,40}[)\]]?$", re.I)
