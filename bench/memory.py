"""Memory: peak RSS while ingesting 100,000 synthetic articles, and whether it stays flat.

Run: .venv/bin/python bench/memory.py [--articles 100000] [--workers N] [--nlp] [--quick]

--quick: 500 articles without NLP (a check that it runs).

What runs: the real `parley.api.ingest` (JSONL reader, content-hash check against the store, the
executor `make_executor` picks, one SQLite writer, the cross-article step) over one JSONL file of
generated articles (~90 words each: a fixed frame around random words), in a temporary folder.

By default with `Options(nlp=False)` (what `parley ingest --no-nlp` does): cleaning and storage
only, so 100,000 articles take minutes, not hours. What the NLP adds to memory is per process and
constant (the model, ~200-250 MB per process, see bench/throughput.py), because records go to
the store as they come and nothing of an article is kept after it; `--nlp` checks that on a
smaller sample (e.g. `--nlp --articles 3000`). Target: peak <= 1.5 GB, flat from 10k to 100k.

RSS is sampled every 100 ms over this process and its children; the lines at 10k, 50k and 100k
are the RSS of the whole process tree at the moment that many articles were stored.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

import psutil  # noqa: E402

from parley.api import ingest  # noqa: E402
from parley.options import Options  # noqa: E402
from parley.store import open_store  # noqa: E402

COUNTRIES = ["France", "Kenya", "Japan", "Brazil", "Egypt", "Poland", "Chile", "Vietnam", "Ghana", "Norway",
             "Turkey", "India", "Mexico", "Nigeria", "Canada", "Peru", "Iran", "Qatar", "Spain", "Sweden"]
NAMES = ["Ana Ruiz", "Daniel Hart", "Li Wei", "Amara Okafor", "Jonas Berg", "Sara Haddad", "Kenji Sato",
         "Maria Costa", "Ivan Petrov", "Leila Nasser"]
VERBS = ["met", "criticised", "praised", "called", "warned", "thanked", "invited", "accused"]
TOPICS = ["trade", "fishing rights", "border security", "a ceasefire", "energy prices", "migration",
          "a prisoner exchange", "climate finance", "debt relief", "visa rules"]


def article(n: int, rng: random.Random, vocabulary: list[str]) -> dict:
    """A short article: a fixed frame around random words, so no two share more than a few
    5-word shingles (templated text would make every article a near-duplicate of every other,
    which no real corpus is, and which the duplicate finder rightly treats as one big cluster)."""
    a, b = rng.sample(COUNTRIES, 2)
    who = rng.choice(NAMES)

    def words(k: int) -> str:
        return " ".join(rng.choice(vocabulary) for _ in range(k))

    body = (
        f"{who}, foreign minister of {a}, {rng.choice(VERBS)} officials from {b} on {words(3)} and said "
        f"the two governments would discuss {rng.choice(TOPICS)} and {words(12)}.\n\n"
        f"\"We expect {words(6)},\" {who.split()[-1]} told reporters. {words(14).capitalize()}.\n\n"
        f"Officials in {b} said {words(20)}."
    )
    return {"title": f"{a} and {b}: {words(4)} ({n})", "text": body, "outlet": "example.org",
            "published": f"20{rng.randint(10, 24)}-0{rng.randint(1, 9)}-1{rng.randint(0, 9)}"}


def write_corpus(path: Path, count: int) -> None:
    rng = random.Random(8)
    letters = "abcdefghijklmnoprstuvw"
    vocabulary = sorted({"".join(rng.choice(letters) for _ in range(rng.randint(3, 9))) for _ in range(20_000)})
    with path.open("w", encoding="utf-8") as f:
        for n in range(count):
            f.write(json.dumps(article(n, rng, vocabulary)) + "\n")


def tree_rss() -> int:
    me = psutil.Process()
    total = 0
    for p in [me, *me.children(recursive=True)]:
        try:
            total += p.memory_info().rss
        except psutil.Error:
            pass
    return total


class Peak:
    def __init__(self) -> None:
        self.value = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)
        self._thread.start()

    def _run(self) -> None:
        while not self._stop.is_set():
            self.value = max(self.value, tree_rss())
            time.sleep(0.1)

    def stop(self) -> int:
        self._stop.set()
        self._thread.join()
        return self.value


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--articles", type=int, default=100_000)
    ap.add_argument("--workers", type=int, default=1)
    ap.add_argument("--nlp", action="store_true", help="run the NLP stages too (use a smaller --articles)")
    ap.add_argument("--quick", action="store_true", help="500 articles without NLP: a check that it runs")
    args = ap.parse_args()
    if args.quick:
        args.articles, args.nlp = 500, False
    marks = sorted({m for m in (1_000, 10_000, 50_000, 100_000, args.articles) if m <= args.articles})
    with tempfile.TemporaryDirectory(prefix="parley-memory-") as tmp:
        corpus = Path(tmp) / "corpus.jsonl"
        write_corpus(corpus, args.articles)
        options = Options(db=str(Path(tmp) / "memory.db"), nlp=args.nlp, workers=args.workers)
        print(f"{args.articles} articles ({corpus.stat().st_size / 2**20:.0f} MiB of JSONL), nlp={args.nlp}, "
              f"workers={args.workers}; RSS of the process tree before ingest: {tree_rss() / 2**20:.0f} MiB")
        peak = Peak()
        start = time.perf_counter()
        stored = 0
        at: dict[int, float] = {}
        stored_peak: list[float] = []

        def on_article(_records) -> None:
            nonlocal stored
            stored += 1
            if stored in marks:
                at[stored] = tree_rss() / 2**20
                if stored == args.articles:
                    stored_peak.append(peak.value / 2**20)
                print(f"  {stored:>7} stored  RSS {at[stored]:6.0f} MiB  {time.perf_counter() - start:6.0f} s",
                      flush=True)

        with open_store(options.db) as store:
            report = ingest([str(corpus)], options, store, on_article=on_article)
        elapsed = time.perf_counter() - start
        top = peak.stop() / 2**20
    print(f"stored {report.stored}, errors {len(report.errors)}, {elapsed:.0f} s "
          f"({report.stored / elapsed:.0f} articles/s, including the cross-article step)")
    if stored_peak:
        print(f"peak RSS of the process tree until the last article was stored: {stored_peak[0]:.0f} MiB")
    print(f"peak RSS of the process tree, cross-article step included: {top:.0f} MiB   (target <= 1536 MiB)")
    if 10_000 in at and args.articles in at and args.articles > 10_000:
        growth = at[args.articles] - at[10_000]
        print(f"growth from 10k to {args.articles // 1000}k: {growth:+.0f} MiB "
              f"({1024 * growth / ((args.articles - 10_000) / 1000):.1f} KiB per 1000 articles)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
