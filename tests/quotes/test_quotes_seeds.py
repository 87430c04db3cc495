"""The five seed articles: every quoted passage found, speakers right."""

from __future__ import annotations

import re

from parley.quotes import find_quotes
from parley.records import Document


# ------------------------------------------------------------------ the five seed articles
# (quote opening words, accepted speaker names) read by hand from ../shared/seeds
SEED_SPEAKERS = {
    "000": [("Deputy State Secretary Biegun", "lawmakers"), ("We hope the next", "Song")],
    "001": [
        ("To keep the dialogue", "Lee"),
        ("Since North Korea has", "Lee"),
        ("Both sides understand", "Biegun|Beigun"),
        ("The denuclearization talks", "official|director general"),
    ],
    "002": [("I don’t see signals", "Delury"), ("The allies should", "Duyeon Kim")],
    "003": [
        ("Regrettably", "Biegun"),
        ("ambitious and bold", "Biegun"),
        ("This vision was", "Biegun"),
        ("yet to deliver", "Biegun"),
        ("You might wonder", "Biegun"),
        ("ready to make progress", "Biegun"),
    ],
    "004": [
        ("The most important starting", "Moon|South Korean president"),
        ("I hope that Biden", "Moon"),
        ("beat around the bush", "Moon|South Korean president"),
        ("I believe that if", "Moon"),
        ("mutually trusted road map", "Moon"),
    ],
}


def test_seed_articles(shared, nlp, options):
    from parley.actors import find_actors, load_knowledge
    from parley.clean import clean_document

    knowledge = load_knowledge(options)
    right = total = 0
    problems = []
    for path in sorted((shared / "seeds").glob("*.txt")):
        document = Document(path.stem, str(path), "text", path.read_text(encoding="utf-8"))
        article = clean_document(document, options)
        doc = nlp(article.body)
        quotes = find_quotes(article, doc, find_actors(article, doc, knowledge, options), options)
        spans = [(q.start, q.end) for q in quotes if q.kind in ("direct", "partial")]
        for m in re.finditer(r"[“\"]([^“”\"]+)[”\"]", article.body):
            if len(m.group(1).split()) >= 3 and not any(s < m.end(1) and e > m.start(1) for s, e in spans):
                problems.append(f"{path.stem}: not found: {m.group(1)[:50]!r}")
        for opening, names in SEED_SPEAKERS[path.stem[:3]]:
            total += 1
            match = [q for q in quotes if q.kind != "indirect" and q.text.startswith(opening)]
            if match and any(n.lower() in (match[0].speaker or "").lower() for n in names.split("|")):
                right += 1
            else:
                got = match[0].speaker if match else "no quote"
                problems.append(f"{path.stem}: {opening!r} -> {got!r}, want {names}")
    assert not [p for p in problems if "not found" in p], problems
    assert right / total >= 0.95, problems
