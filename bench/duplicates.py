"""Duplicate detection over 100k synthetic articles: time, and precision/recall of the copies found.

Usage: .venv/bin/python bench/duplicates.py [N]   (N articles, default 100000; --quick: 2000)

The corpus is generated here (seeded): originals drawn from a Zipf vocabulary; 10% near-copies of an
earlier article (exact with a new header and footer, a few words changed, a paragraph dropped, cut
to its first 70%); 5% decoys that quote 30 words of another article but are otherwise new.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

from parley.stories.duplicates import Text, find_duplicates  # noqa: E402


def make_corpus(n: int, seed: int = 7) -> tuple[list[Text], dict[str, str]]:
    rng = np.random.default_rng(seed)
    letters = np.array(list("abcdefghijklmnopqrstuvwxyz"))
    vocab = ["".join(rng.choice(letters, size=rng.integers(2, 10))) for _ in range(30000)]
    zipf = 1.0 / np.arange(1, len(vocab) + 1) ** 1.05
    zipf /= zipf.sum()
    texts: list[Text] = []
    words_of: list[list[str]] = []
    truth: dict[str, str] = {}  # copy id -> original id
    for i in range(n):
        kind = rng.random()
        if i > 100 and kind < 0.10:
            src = int(rng.integers(0, i))
            while texts[src].id in truth:
                src = truth_index(truth, texts, src)
            words = list(words_of[src])
            how = i % 4
            if how == 1:
                for pos in rng.integers(0, len(words), size=max(1, len(words) // 30)):
                    words[pos] = vocab[int(rng.integers(0, len(vocab)))]
            elif how == 2:
                cut = int(rng.integers(0, len(words) * 0.85))
                words = words[:cut] + words[cut + len(words) // 7:]
            elif how == 3:
                words = words[: int(len(words) * 0.7)]
            words = ["Posted", "by", "Staff", "Wire"] + words + ["Reporting", "by", "agency", "staff"]
            truth[f"a{i}"] = texts[src].id
        else:
            size = int(rng.integers(100, 300))
            words = [vocab[j] for j in rng.choice(len(vocab), size=size, p=zipf)]
            if i > 100 and kind < 0.15:
                other = words_of[int(rng.integers(0, i))]
                start = int(rng.integers(0, max(1, len(other) - 30)))
                words[10:10] = other[start:start + 30]
        words_of.append(words)
        texts.append(Text(f"a{i}", (f"2020-01-{1 + i * 28 // n:02d}", i), " ".join(words)))
    return texts, truth


def truth_index(truth, texts, src):
    original = truth[texts[src].id]
    return int(original[1:])


def main() -> None:
    args = sys.argv[1:]
    n = 2000 if args == ["--quick"] else int(args[0]) if args else 100_000
    t0 = time.perf_counter()
    texts, truth = make_corpus(n)
    t1 = time.perf_counter()
    found = find_duplicates(texts)
    t2 = time.perf_counter()
    flagged = {k: v for k, v in found.items() if v}
    tp = sum(1 for k, v in flagged.items() if truth.get(k) == v)
    precision = tp / len(flagged) if flagged else 0.0
    recall = tp / len(truth) if truth else 0.0
    print(f"articles {n}  copies planted {len(truth)}  flagged {len(flagged)}")
    print(f"generate {t1 - t0:.1f}s  detect {t2 - t1:.1f}s ({n / (t2 - t1):.0f} articles/s)")
    print(f"precision {precision:.3f}  recall {recall:.3f}  (a hit: flagged with its true original)")


if __name__ == "__main__":
    main()
