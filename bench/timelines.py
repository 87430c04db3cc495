"""Date selection on Timeline17 (three topics in ../shared/peers/tls): F1 of `timeline --summary k`.

Usage: .venv/bin/python bench/timelines.py [TLS_DIR]
       .venv/bin/python bench/timelines.py --quick   (the first 60 articles of each topic: a check that it runs)
       .venv/bin/python bench/timelines.py --speed [STORE]   (default bench/out/web-bench-10000.db)

Per topic: every article goes into a fresh store (clean records only, no NLP: the summary's date
signal is the light path of stories/dates.py), then `build_timeline(store, summary=k)` with k the
number of gold dates; F1 of the chosen date set against the gold set, as in Gholipour Ghalandari &
Ifrim (ACL 2020). Also shown: the two classic baselines (most published-on days; most referred-to
days).

The default weights of stories/dates.py were tuned on these same three topics, so that figure is
in-sample. The held-out figure is leave-one-topic-out: for each topic, the weights of a small grid
that do best on the other two topics (mean F1; ties to the grid point nearest the defaults) score it.

--speed times timelines, dyad series and `link_corpus` (twice: the second run finds every MinHash
signature cached) on a copy of a store, such as the one bench/web.py builds; target < 300 ms for a
dyad or actor timeline and a dyad series.
"""

from __future__ import annotations

import itertools
import json
import shutil
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

from parley.ids import content_id  # noqa: E402
from parley.options import Options  # noqa: E402
from parley.records import Article, ArticleRecords  # noqa: E402
from parley.store import open_store  # noqa: E402
from parley.stories.dates import DEFAULT_WEIGHTS, DateSignal, DateWeights, date_references  # noqa: E402
from parley.stories import link_corpus  # noqa: E402
from parley.stories.dyad import dyad_series  # noqa: E402
from parley.stories.timeline import build_timeline  # noqa: E402

DEFAULT = Path(__file__).resolve().parents[2] / "shared" / "peers" / "tls" / "t17"


def f1(pred: list[str], gold: list[str]) -> float:
    p, g = set(pred), set(gold)
    tp = len(p & g)
    if not tp:
        return 0.0
    precision, recall = tp / len(p), tp / len(g)
    return 2 * precision * recall / (precision + recall)


GRID = {
    "publication": (0.0, 0.25, 0.5, 1.0),
    "retrospect": (0.0, 0.25, 0.5, 1.0),
    "explicit": (0.0, 0.5, 1.0),
    "volume_damping": (0.0, 0.3, 0.6),
    "volume_window": (3, 7, 14),
}

QUICK_GRID = {k: values[:2] for k, values in GRID.items()}  # --quick: 32 points instead of 432


def grid(points: dict = GRID) -> list[DateWeights]:
    return [DateWeights(**dict(zip(points, values))) for values in itertools.product(*points.values())]


def distance(w: DateWeights) -> float:
    """How far a grid point is from the defaults, in grid steps (the tie-break of tuning)."""
    return sum(abs(GRID[k].index(getattr(w, k)) - _nearest(k)) for k in GRID)


def _nearest(key: str) -> int:
    values = GRID[key]
    return min(range(len(values)), key=lambda i: abs(values[i] - getattr(DEFAULT_WEIGHTS, key)))


def run_topic(folder: Path, limit: int | None = None) -> dict:
    articles = [json.loads(line) for line in (folder / "articles.jsonl").open(encoding="utf-8")][:limit]
    gold = [day for day, _ in json.loads((folder / "timelines.jsonl").read_text(encoding="utf-8").splitlines()[0])]
    outlet = folder.name.rsplit("_", 1)[-1].upper()
    signal = DateSignal()
    with tempfile.TemporaryDirectory() as tmp, open_store(Path(tmp) / "t.db") as store:
        for a in articles:
            body = a["text"].replace(" \n", "\n")
            store.add(ArticleRecords(Article(id=content_id(f"{a['time']}/{a['id']}/{body}"), source=a["id"],
                                             outlet=outlet, published=a["time"], body=body)))
        chosen = [e.date for e in build_timeline(store, summary=len(gold))]
        # the evidence build_timeline gathered (no events: articles alone), kept to score other weights
        for aid, published, body in store.article_texts():
            signal.add_article(aid, published, body or "")
    assert sorted(signal.rank(len(gold))) == chosen, "the bench's signal differs from build_timeline's"
    pubs = Counter(a["time"] for a in articles)
    refs = Counter(day for a in articles for day in {r.day for r in date_references(a["text"], a["time"])})
    by_pub = [d for d, _ in pubs.most_common(len(gold))]
    by_ref = [d for d, _ in refs.most_common(len(gold))]
    return {"name": folder.name, "k": len(gold), "gold": gold, "signal": signal, "summary": f1(chosen, gold),
            "pub": f1(by_pub, gold), "ref": f1(by_ref, gold)}


def leave_one_out(topics: list[dict], points: dict = GRID) -> list[tuple[float, DateWeights]]:
    """Per topic: the F1 it gets under the weights that do best on the other topics, and those weights."""
    candidates = grid(points)
    table = [[f1(t["signal"].rank(t["k"], weights=w), t["gold"]) for w in candidates] for t in topics]
    out = []
    for held in range(len(topics)):
        train = [row for i, row in enumerate(table) if i != held]
        best = max(range(len(candidates)),
                   key=lambda j: (sum(row[j] for row in train) / len(train), -distance(candidates[j])))
        out.append((table[held][best], candidates[best]))
    return out


def speed(path: Path) -> None:
    if not path.exists():
        sys.exit(f"no store at {path} (build one with bench/web.py)")
    with tempfile.TemporaryDirectory() as tmp:
        copy = Path(tmp) / "s.db"
        shutil.copy(path, copy)
        with open_store(copy) as store:
            for run in ("link_corpus", "link_corpus again"):
                t0 = time.perf_counter()
                summary = link_corpus(store, Options())
                print(f"{run:<32} {time.perf_counter() - t0:8.2f} s  {summary}")
            actor = next(store.actors(kind="person", limit=1)).name
            calls = {
                "timeline (all)": lambda: build_timeline(store),
                "timeline --dyad USA PRK": lambda: build_timeline(store, dyad=("USA", "PRK")),
                f"timeline --actor '{actor}'": lambda: build_timeline(store, actor=actor),
                f"timeline --dyad '{actor}' CHN": lambda: build_timeline(store, dyad=(actor, "CHN")),
                "timeline --search summit": lambda: build_timeline(store, search="summit"),
                "timeline --status planned --since 2019":
                    lambda: build_timeline(store, status="planned", since="2019"),
                "dyad USA PRK": lambda: dyad_series(store, "USA", "PRK"),
                f"dyad '{actor}' CHN": lambda: dyad_series(store, actor, "CHN"),
            }
            for name, call in calls.items():
                times = []
                for _ in range(3):
                    t0 = time.perf_counter()
                    n = len(call())
                    times.append(time.perf_counter() - t0)
                print(f"{name[:40]:<40} {min(times) * 1000:8.0f} ms  ({n} rows, best of 3)")


def main() -> None:
    if sys.argv[1:2] == ["--speed"]:
        default = Path(__file__).resolve().parent / "out" / "web-bench-10000.db"
        speed(Path(sys.argv[2]) if len(sys.argv) > 2 else default)
        return
    quick = sys.argv[1:2] == ["--quick"]
    root = Path(sys.argv[1]) if len(sys.argv) > 1 and not quick else DEFAULT
    if not root.is_dir():
        if root == DEFAULT:
            print(f"skipped: no Timeline17 data at {root}")
            return
        sys.exit(f"no Timeline17 data at {root}")
    t0 = time.perf_counter()
    topics = [run_topic(folder, 60 if quick else None) for folder in sorted(p for p in root.iterdir() if (p / "articles.jsonl").exists())]
    held = leave_one_out(topics, QUICK_GRID if quick else GRID)
    print(f"{'topic':<24} {'k':>3} {'in-sample F1':>12} {'held-out F1':>11} {'pub-count':>10} {'mention-count':>13}")
    for t, (score, _) in zip(topics, held):
        print(f"{t['name']:<24} {t['k']:>3} {t['summary']:>12.3f} {score:>11.3f} {t['pub']:>10.3f} {t['ref']:>13.3f}")
    columns = [(t["summary"], score, t["pub"], t["ref"]) for t, (score, _) in zip(topics, held)]
    mean = [sum(x) / len(topics) for x in zip(*columns)]
    print(f"{'mean':<24} {'':>3} {mean[0]:>12.3f} {mean[1]:>11.3f} {mean[2]:>10.3f} {mean[3]:>13.3f}")
    print("in-sample: the default weights (tuned on all three topics); held-out: tuned on the other two")
    for t, (_, w) in zip(topics, held):
        print(f"  weights scoring {t['name']}: " + ", ".join(f"{k}={getattr(w, k)}" for k in GRID))
    print(f"time {time.perf_counter() - t0:.1f}s")


if __name__ == "__main__":
    main()
