"""Date selection on Timeline17 (three topics in ../shared/peers/tls): F1 of `timeline --summary k`.

Usage: .venv/bin/python bench/timelines.py [TLS_DIR]

Per topic: every article goes into a fresh store (clean records only, no NLP: the summary's date
signal is the light path of stories/dates.py), then `build_timeline(store, summary=k)` with k the
number of gold dates; F1 of the chosen date set against the gold set, as in Gholipour Ghalandari &
Ifrim (ACL 2020). Also shown: the two classic baselines (most published-on days; most referred-to
days). The weights in stories/dates.py were tuned on these same three topics: the figure is in-sample.
"""

from __future__ import annotations

import json
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

from parley.ids import content_id  # noqa: E402
from parley.records import Article, ArticleRecords  # noqa: E402
from parley.store import Store  # noqa: E402
from parley.stories.dates import date_references  # noqa: E402
from parley.stories.timeline import build_timeline  # noqa: E402

DEFAULT = Path(__file__).resolve().parents[2] / "shared" / "peers" / "tls" / "t17"


def f1(pred: list[str], gold: list[str]) -> float:
    p, g = set(pred), set(gold)
    tp = len(p & g)
    if not tp:
        return 0.0
    precision, recall = tp / len(p), tp / len(g)
    return 2 * precision * recall / (precision + recall)


def run_topic(folder: Path) -> tuple[float, float, float, int]:
    articles = [json.loads(line) for line in (folder / "articles.jsonl").open(encoding="utf-8")]
    gold = [day for day, _ in json.loads((folder / "timelines.jsonl").read_text(encoding="utf-8").splitlines()[0])]
    outlet = folder.name.rsplit("_", 1)[-1].upper()
    with tempfile.TemporaryDirectory() as tmp, Store(Path(tmp) / "t.db") as store:
        for a in articles:
            body = a["text"].replace(" \n", "\n")
            store.add(ArticleRecords(Article(id=content_id(f"{a['time']}/{a['id']}/{body}"), source=a["id"],
                                             outlet=outlet, published=a["time"], body=body)))
        chosen = [e.date for e in build_timeline(store, summary=len(gold))]
    pubs = Counter(a["time"] for a in articles)
    refs = Counter(day for a in articles for day in {r.day for r in date_references(a["text"], a["time"])})
    by_pub = [d for d, _ in pubs.most_common(len(gold))]
    by_ref = [d for d, _ in refs.most_common(len(gold))]
    return f1(chosen, gold), f1(by_pub, gold), f1(by_ref, gold), len(gold)


def main() -> None:
    root = Path(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT
    if not root.is_dir():
        sys.exit(f"no Timeline17 data at {root}")
    t0 = time.perf_counter()
    rows = []
    print(f"{'topic':<24} {'k':>3} {'summary F1':>10} {'pub-count':>10} {'mention-count':>13}")
    for folder in sorted(p for p in root.iterdir() if (p / "articles.jsonl").exists()):
        ours, pub, ref, k = run_topic(folder)
        rows.append((ours, pub, ref))
        print(f"{folder.name:<24} {k:>3} {ours:>10.3f} {pub:>10.3f} {ref:>13.3f}")
    mean = [sum(r[i] for r in rows) / len(rows) for i in range(3)]
    print(f"{'mean':<24} {'':>3} {mean[0]:>10.3f} {mean[1]:>10.3f} {mean[2]:>13.3f}")
    print(f"time {time.perf_counter() - t0:.1f}s")


if __name__ == "__main__":
    main()
