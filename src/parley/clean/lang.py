"""A cheap language guess: writing system first, then which stopword list covers most tokens."""

from __future__ import annotations

import re
import unicodedata

from .tables import stopwords

_WORD = re.compile(r"[^\W\d_]+", re.U)
_LETTER = re.compile(r"[^\W\d_]", re.U)
BEYOND_LATIN = re.compile(r"(?![\x00-\u024f])[^\W\d_]")  # a letter past the Latin blocks
_SCRIPTS = (("HANGUL", "ko"), ("HIRAGANA", "ja"), ("KATAKANA", "ja"), ("CJK", "zh"), ("CYRILLIC", "ru"),
            ("ARABIC", "ar"), ("HEBREW", "he"), ("GREEK", "el"), ("DEVANAGARI", "hi"), ("THAI", "th"))


def detect_language(text: str, sample_chars: int = 4000) -> str | None:
    """ISO 639-1 code, or None when there is too little text to tell."""
    sample = text[:sample_chars]
    if len(_LETTER.findall(sample)) < 20:
        return None
    script = non_latin_script([ch for ch in sample if ch.isalpha()]) if BEYOND_LATIN.search(sample) else None
    if script:
        return script
    words = [w.lower() for w in _WORD.findall(sample)]
    if len(words) < 5:
        return None
    scores = {lang: sum(1 for w in words if w in words_of) / len(words) for lang, words_of in stopwords().items()}
    best = max(scores, key=scores.get)
    return best if scores[best] >= 0.08 else None


def non_latin_script(letters: list[str] | str) -> str | None:
    """The language its non-Latin letters point to when they are most of the letters, else None."""
    counts: dict[str, int] = {}
    latin = 0
    for ch in letters:
        if ch < "\u0250":
            latin += 1
            continue
        name = unicodedata.name(ch, "")
        for marker, lang in _SCRIPTS:
            if marker in name:
                counts[lang] = counts.get(lang, 0) + 1
                break
    if not counts:
        return None
    lang = max(counts, key=counts.get)
    if "ja" in counts and lang == "zh":
        lang = "ja"
    return lang if sum(counts.values()) > latin else None
