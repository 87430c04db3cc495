"""Page metadata on real pages as people save them (../shared/peers/pages-dev) and on the seeds.

Runs the shared scorer, `python3 ../shared/tools/score_pages.py ../shared/peers/pages-dev/gold.jsonl`
(headline, outlet, published, dateline, agency: right / gold values, and wrong or extra values), then
checks the five seed pages field by field (the labels of bench/metadata.py).

    .venv/bin/python bench/pages.py            # all 40 pages and the seeds
    .venv/bin/python bench/pages.py --quick    # 8 pages and the seeds: a few seconds

Targets (issue 12): published >= 0.90 with <= 2 wrong or extra; outlet >= 0.90; headline >= 0.90 with
<= 3 wrong or extra; dateline and agency >= 0.85; seeds 5/5 on every field. Exits non-zero when the
scorer or parley breaks (a field with no right value at all), not when a figure misses its target.
Skips (exit 0) when ../shared is absent.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
PAGES = SHARED / "peers" / "pages-dev"
SCORER = SHARED / "tools" / "score_pages.py"
QUICK_PAGES = 8
TARGETS = {"headline": (0.90, 3), "outlet": (0.90, None), "published": (0.90, 2), "dateline": (0.85, None),
           "agency": (0.85, None)}
_LINE = re.compile(r"^(?P<field>\w+): (?P<right>\d+)/(?P<total>\d+) = [\d.]+\s+wrong or extra values: (?P<wrong>\d+)")


def run_scorer(quick: bool) -> list[str]:
    """The scorer's output lines, over all pages or (quick) the first QUICK_PAGES of them."""
    gold = PAGES / "gold.jsonl"
    command = [sys.executable, str(SCORER), str(gold), "--parley", str(ROOT / ".venv" / "bin" / "parley")]
    with tempfile.TemporaryDirectory(prefix="bench-pages-") as tmp:
        if quick:
            rows = gold.read_text(encoding="utf-8").splitlines()[:QUICK_PAGES]
            subset, articles = Path(tmp) / "gold.jsonl", Path(tmp) / "articles"
            articles.mkdir()
            subset.write_text("\n".join(rows) + "\n", encoding="utf-8")
            for row in rows:
                name = json.loads(row)["file"]
                (articles / name).symlink_to(PAGES / "articles" / name)
            command[2] = str(subset)
            command += ["--articles", str(articles)]
        done = subprocess.run(command, capture_output=True, text=True, cwd=ROOT)
    if done.returncode:
        raise SystemExit(f"score_pages.py failed ({done.returncode}): {done.stderr[-400:]}")
    return done.stdout.splitlines()


def check(lines: list[str], quick: bool) -> bool:
    """Print the figures against the targets; False when a field has gold values and none is right."""
    healthy = True
    for line in lines:
        match = _LINE.match(line)
        if not match:
            continue
        field, right, total, wrong = (match.group("field"), int(match.group("right")), int(match.group("total")),
                                      int(match.group("wrong")))
        share, most_wrong = TARGETS[field]
        met = right >= share * total and (most_wrong is None or wrong <= most_wrong)
        print(f"{line}   target >= {share:.2f}" + (f", <= {most_wrong} wrong" if most_wrong is not None else "")
              + ("" if quick else ("   met" if met else "   BELOW TARGET")))
        if total and not right:
            healthy = False
    return healthy


def seeds() -> bool:
    """The five seed pages field by field; True when all are right."""
    sys.path.insert(0, str(ROOT / "src"))
    sys.path.insert(0, str(ROOT / "bench"))
    from metadata import FIELDS, SEED_LABELS, SEEDS, score  # noqa: E402

    from parley.options import Options  # noqa: E402

    if not SEEDS.is_dir():
        print("seeds: skipped, ../shared/seeds not found")
        return True
    seen, right = score("seeds", SEEDS, SEED_LABELS, Options())
    print(f"seeds n={seen}  " + "  ".join(f"{f}={right[f]}/{seen}" for f in FIELDS))
    return seen == len(SEED_LABELS) and all(right[f] == seen for f in FIELDS)


def main(argv: list[str]) -> int:
    quick = "--quick" in argv
    if not (PAGES / "gold.jsonl").is_file() or not SCORER.is_file():
        print(f"pages: skipped, {PAGES} or {SCORER} not found")
        return 0
    healthy = check(run_scorer(quick), quick)
    seeds_ok = seeds()
    if not healthy:
        print("pages: a field got no right value: parley's page metadata is broken")
    return 0 if healthy and seeds_ok else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
