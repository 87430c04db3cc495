"""Which line before the story is the headline: how headlines look, and where pages put them.

A headline is short, names an action (content words, or Title Case), sits above the byline and date
and above the standfirst that expands it, and is often spelled out in the page address's slug. Site
chrome naming the outlet, captions, promos of two sentences and standfirsts are not headlines.
"""

from __future__ import annotations

import re
from urllib.parse import unquote

from .clutter import Line, content_words, is_sentence, lowercase_share
from .metadata import outlets_mentioned

SLUG_MIN_WORDS = 4  # shorter slugs ('news', 'article-123') say nothing about the headline
STANDFIRST_MIN_WORDS = 16  # a line this long under a shorter one is the standfirst, not the headline
STANDFIRST_LONGER = 5  # so is a sentence-case line this many words longer than the one above it


def slug_words(url: str | None) -> list[str]:
    """The words of the address's last wordy path segment: '/world/talks-end-in-deadlock-123.html'."""
    if not url:
        return []
    path = unquote(url.split("//", 1)[-1].split("?", 1)[0].split("#", 1)[0])
    for segment in reversed([p for p in path.split("/")[1:] if p]):
        segment = re.sub(r"\.[a-z]{2,5}$", "", segment.lower())
        words = [w for w in re.split(r"[-_+]+", segment) if w and not w.isdigit()]
        if len(words) >= SLUG_MIN_WORDS:
            return words
    return []


def plain_words(text: str) -> list[str]:
    """Lower-case words without apostrophes or punctuation: how slugs spell a headline."""
    text = re.sub(r"['’‘]", "", text.lower())
    return [w for w in re.split(r"[^\w]+", text) if w]


def slug_match(text: str, slug: list[str]) -> float:
    """Share of the slug's words the line holds, when the line also holds little else."""
    if not slug:
        return 0.0
    words = plain_words(text)
    if not words:
        return 0.0
    shared = sum(1 for w in slug if w in words)
    return shared / len(slug) if shared / len(words) >= 0.6 else 0.0


def title_case(line: Line) -> bool:
    words = [w for w in line.words if w[:1].isalpha() and len(w) > 3]
    return len(words) >= 3 and sum(w[:1].isupper() for w in words) / len(words) >= 0.8


def headline_score(line: Line, lines: list[Line], start: int, counts: dict[str, int],
                   title_hint: str | None, slug: list[str], site: str | None) -> float:
    words = line.words
    score = min(len(words), 12) / 4
    if counts[line.text] > 1 or (title_hint and line.text == title_hint):
        score += 2
    if content_words(words) >= 2 or title_case(line):
        score += 1.5
    if len(words) < 4:
        score -= 2
    if any(not o.agency for o in outlets_mentioned(line.text)) and len(words) <= 8:
        score -= 3  # 'Why you can trust SCMP': site chrome naming the outlet
    if site and _names(line.text, site) and (line.text.endswith("+") or not content_words(words)):
        score -= 3  # 'Join Outlet+', 'Outlet Premium': the site's own chrome; news about it stays
    if re.search(r"[a-z]{3,}[.!?]\s+[A-Z]", line.text):
        score -= 2  # two sentences: a promo or a caption, headlines are one phrase
    score += 4 * slug_match(line.text, slug)
    following = lines[line.index + 1: line.index + 4]
    if any(l.why in ("byline", "date") or l.index == start for l in following):
        score += 1
    after = next((l for l in lines[line.index + 1: start] if not l.role), None)
    if after is not None and _standfirst_of(after, line):
        score += 1.5
    above = next((l for l in reversed(lines[:line.index]) if not l.role), None)
    if above is not None and above.index == line.index - 1 and _standfirst_of(line, above) \
            and 3 <= len(above.words) and not is_sentence(above.text):
        score -= 1.5  # the line under a shorter headline-shaped line expands it: a standfirst
    if len(words) > STANDFIRST_MIN_WORDS and lowercase_share(words) >= 0.5:
        score -= 1  # a long sentence-case line is a standfirst or a caption
    return score


def _standfirst_of(line: Line, headline: Line) -> bool:
    """A longer sentence-case line right under a headline: its standfirst."""
    longer = len(line.words) - len(headline.words)
    return (longer > 0 and line.lower_share >= 0.5
            and (is_sentence(line.text) or len(line.words) >= STANDFIRST_MIN_WORDS or longer >= STANDFIRST_LONGER))


def _names(text: str, site: str) -> bool:
    core = re.sub(r"^the\s+", "", site.lower())
    return bool(core) and core in text.lower()


SLUG_SPAN_MIN_WORDS = 5  # a shorter run of slug words in the text may be a phrase of the story


def slug_span(lines: list[Line], url: str | None) -> str | None:
    """The headline spelled word for word by the address slug inside a non-story line ('Try refreshing
    your browser, or <headline> Back to video'), for pages whose headline line was not copied."""
    slug = slug_words(url)
    if len(slug) < SLUG_SPAN_MIN_WORDS:
        return None
    for line in lines:
        if line.role == "body":
            continue
        tokens = [(m.start(), m.end(), re.sub(r"['’‘]", "", m.group(0).lower()))
                  for m in re.finditer(r"[\w'’‘]+", line.text)]
        words = [t[2] for t in tokens]
        for i in range(len(words) - len(slug) + 1):
            if words[i: i + len(slug)] == slug:
                return line.text[tokens[i][0]: tokens[i + len(slug) - 1][1]]
    return None
