"""Incremental linking: how long the cross-article step takes to link 100 new articles into stores of
10k and 100k articles (targets: <= 2 s at 100k, and the 100k figure <= 2x the 10k one).

    .venv/bin/python bench/linking.py            # stores of 10,000 and 100,000 articles
    .venv/bin/python bench/linking.py --quick    # 500 and 1,500: a few seconds
    .venv/bin/python bench/linking.py --sizes 10000 --new 100

The stores hold synthetic records made directly (no spaCy): random-word bodies with near copies
(some published before the article they copy, ingested after it), people drawn from a pool that
grows with the corpus (misspelt family names, bare family names, missing countries), countries, and
events between them. Each store is built with `store.add`, linked once whole (`relink`, timed too),
then 100 more articles are added and `link_corpus` (the incremental step an ingest runs) is timed.
Then the incremental result is checked against a relink of a copy of the same store: any difference
exits non-zero (so does a missed target outside --quick).
"""

from __future__ import annotations

import argparse
import random
import shutil
import sqlite3
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

from parley.ids import actor_id, content_id  # noqa: E402
from parley.options import Options  # noqa: E402
from parley.records import Actor, Article, ArticleRecords, Event, EventActor, Source  # noqa: E402
from parley.store import SQLiteStore as Store  # noqa: E402
from parley.stories import link_corpus, relink  # noqa: E402

SYLLABLES = ["ka", "lo", "mi", "ren", "sto", "va", "dri", "po", "lin", "ther", "gan", "su", "be", "rok",
             "ta", "ni", "mar", "el", "os", "fen", "qui", "da", "hol", "zer"]
GIVEN = ["Stephen", "Steve", "Maria", "Anna", "John", "Ahmed", "Lucia", "Olga", "Pedro", "Fatima", "David",
         "Elena", "Kofi", "Yuki", "Samir", "Laura", "Ivan", "Grace", "Omar", "Nadia"]
COUNTRIES = ["USA", "CHN", "RUS", "FRA", "GBR", "DEU", "IRN", "PRK", "KOR", "JPN", "IND", "PAK", "TUR", "EGY",
             "ISR", "UKR", "BRA", "MEX", "NGA", "ZAF", "SAU", "QAT", "ETH", "KEN", "AUS", "CAN", "ITA", "ESP"]
TYPES = ["CONSULT", "AGREE", "REQUEST", "ACCUSE", "REJECT", "SUPPORT", "THREATEN", "SANCTION"]
# what links the 100 new articles, per store size: (seconds allowed at the largest, ratio largest/smallest)
TARGET_SECONDS, TARGET_RATIO = 2.0, 2.0
# tables that hold the linking's results and its indexes: the incremental and the whole link must agree
COMPARED = ("articles", "actors", "actor_map", "merged_events", "minhash_bands", "actor_profiles", "actor_blocks",
            "name_variants", "event_families")


class Corpus:
    """Synthetic records, the same for a seed: article n depends only on the articles before it."""

    def __init__(self, seed: int, people: int) -> None:
        self.rng = random.Random(seed)
        self.words = sorted({self._word(2, 3) for _ in range(4000)})
        # three or four syllables: family names as sparse among spellings as real ones, so one-letter
        # neighbours (the merge's misspellings) are the swaps made below, not chance
        surnames = sorted({self._word(3, 4).title() for _ in range(max(10, people // 3))})
        self.people = [(self.rng.choice(GIVEN), self.rng.choice(surnames), self.rng.choice(COUNTRIES))
                       for _ in range(people)]
        self.made: list[tuple[Article, list[Event]]] = []

    def _word(self, lo: int, hi: int) -> str:
        return "".join(self.rng.choice(SYLLABLES) for _ in range(self.rng.randint(lo, hi)))

    def records(self, n: int) -> list[ArticleRecords]:
        return [self.one(len(self.made)) for _ in range(n)]

    def one(self, n: int) -> ArticleRecords:
        rng = self.rng
        day = date(2015, 1, 1) + timedelta(days=rng.randint(0, 30 + n // 20))
        body = " ".join(rng.choice(self.words) for _ in range(rng.randint(60, 100)))
        copied = self.made[rng.randrange(len(self.made))] if self.made and rng.random() < 0.06 else None
        if copied is not None:  # a near copy, now and then published before the article it copies
            words = copied[0].body.split()
            words[rng.randrange(len(words))] = rng.choice(self.words)
            body = " ".join(words)
            day = date.fromisoformat(copied[0].published) + timedelta(days=rng.choice([-1, 0, 0, 1]))
        article = Article(content_id(f"{n}|{body}"), f"synthetic/{n}.txt", outlet=f"outlet{rng.randrange(40)}.example",
                          published=day.isoformat(), body=body)
        actors = self._actors()
        events = self._events(article, actors, copied)
        self.made.append((article, events))
        return ArticleRecords(article, actors, [], [], events)

    def _actors(self) -> list[Actor]:
        rng, found = self.rng, {}
        for given, surname, country in rng.sample(self.people, rng.randint(1, 2)):
            roll = rng.random()
            name = (f"{given} {surname}" if roll < 0.75 else surname if roll < 0.85
                    else f"{given} {surname[0]}{surname[2]}{surname[1]}{surname[3:]}")  # a letter swap
            country = None if rng.random() < 0.15 else country
            found[actor_id("person", name)] = Actor(actor_id("person", name), name, [], "person", country, "GOV", [],
                                                    rng.randint(1, 4))
        for code in rng.sample(COUNTRIES[:12] if rng.random() < 0.7 else COUNTRIES, rng.randint(1, 2)):
            found[f"country:{code}"] = Actor(f"country:{code}", code, [], "country", code, "GOV", [], rng.randint(1, 5))
        return list(found.values())

    def _events(self, article: Article, actors: list[Actor], copied) -> list[Event]:
        rng = self.rng
        patterns = [(e.type, e.actor1, e.actor2, e.date, e.status) for e in copied[1]] if copied else []
        if not patterns:
            refs = [EventActor(a.name, a.id, a.country, a.sector) for a in actors]
            for _ in range(rng.randint(1, 2)):
                a1, a2 = rng.sample(refs, 2) if len(refs) > 1 else (refs[0], None)
                shift = rng.choice([0, 0, 0, -1, -2, 1])
                when = (date.fromisoformat(article.published) + timedelta(days=shift)).isoformat()
                when = when[:7] if rng.random() < 0.1 else when
                patterns.append((rng.choice(TYPES), a1, a2, when, "planned" if shift > 0 else "reported"))
        return [Event(f"ev-{article.id}-{k}", when, "explicit", type_, status=status, actor1=a1, actor2=a2,
                      sources=[Source(article.id, article.outlet, article.published)])
                for k, (type_, a1, a2, when, status) in enumerate(patterns)]


def build(path: Path, size: int, new: int, seed: int) -> tuple[float, float]:
    """A store of `size` articles linked whole, then `new` more linked incrementally: the seconds of both."""
    corpus = Corpus(seed, people=max(40, size // 4))
    options = Options(nlp=False)
    with Store(path) as store:
        for records in corpus.records(size):
            store.add(records)
        start = time.perf_counter()
        relink(store, options)
        whole = time.perf_counter() - start
        for records in corpus.records(new):
            store.add(records)
        start = time.perf_counter()
        link_corpus(store, options, resume=True)
        return whole, time.perf_counter() - start


def dump(path: Path, tables=COMPARED) -> dict[str, list]:
    """The rows of the tables, sorted (of articles, what the linking writes: not when each was stored)."""
    con = sqlite3.connect(path)
    try:
        return {t: sorted(con.execute("SELECT id, duplicate_of, data FROM articles" if t == "articles"
                                      else f"SELECT * FROM {t}").fetchall(), key=repr) for t in tables}
    finally:
        con.close()


def agrees_with_relink(path: Path, work: Path) -> list[str]:
    """Tables where the incrementally linked store differs from a relink of its copy."""
    copy = work / "relinked.db"
    shutil.copy(path, copy)
    with Store(copy) as store:
        relink(store, Options(nlp=False))
    ours, theirs = dump(path), dump(copy)
    return [t for t in COMPARED if ours[t] != theirs[t]]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="stores of 500 and 1,500 articles")
    parser.add_argument("--sizes", type=int, nargs="+", default=None)
    parser.add_argument("--new", type=int, default=100)
    parser.add_argument("--seed", type=int, default=11)
    args = parser.parse_args()
    sizes = args.sizes or ([500, 1500] if args.quick else [10_000, 100_000])
    times, failed = {}, False
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        for size in sizes:
            path = work / f"store-{size}.db"
            start = time.perf_counter()
            whole, step = build(path, size, args.new, args.seed)
            built = time.perf_counter() - start
            differ = agrees_with_relink(path, work)
            times[size] = step
            print(f"{size:>7} articles: link {args.new} new {step:6.3f} s   (whole relink {whole:6.1f} s, "
                  f"store built and linked in {built:5.0f} s)   incremental = relink: {'yes' if not differ else differ}")
            failed |= bool(differ)
            path.unlink()
    small, large = times[min(sizes)], times[max(sizes)]
    print(f"ratio {max(sizes)}/{min(sizes)}: {large / small:.2f}x (target <= {TARGET_RATIO}x); "
          f"at {max(sizes)}: {large:.3f} s (target <= {TARGET_SECONDS} s)")
    if not args.quick and (large > TARGET_SECONDS or large > TARGET_RATIO * small):
        failed = True
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
