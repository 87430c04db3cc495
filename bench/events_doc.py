"""Document-level events against the VOA gold (../shared/peers/voa-events): per story and overall.

Run from the project root: .venv/bin/python bench/events_doc.py [--quick] [--verbose]

Runs ../shared/tools/score_events.py (which ingests the annotated stories with .venv/bin/parley into a
fresh store and matches parley's events to the gold) with --verbose, and prints per story the gold
events matched at the `named` level, the gold count and the predicted count, then the scorer's three
overall lines (dyad, named, pair). --verbose also prints the scorer's misses and extras.
--quick scores two stories only (a few seconds). Exits 0 with a message when ../shared is absent.
"""

from __future__ import annotations

import argparse
import json
import re
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
GOLD = SHARED / "peers" / "voa-events" / "gold.jsonl"
STORIES = SHARED / "peers" / "voa" / "voa_stories.jsonl"
SCORER = SHARED / "tools" / "score_events.py"
QUICK_STORIES = 2
STORY = re.compile(r"^== (\S+): (\d+)/(\d+) gold, (\d+) predicted")
OVERALL = re.compile(r"^(dyad|named|pair): ")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--quick", action="store_true", help="two stories only")
    ap.add_argument("--verbose", action="store_true", help="also the scorer's misses and extras")
    a = ap.parse_args()
    if not (GOLD.exists() and STORIES.exists() and SCORER.exists()):
        print(f"skipped: {GOLD.parent} or {SCORER} not found")
        return 0
    parley = ROOT / ".venv" / "bin" / "parley"
    with tempfile.TemporaryDirectory(prefix="events-doc-") as tmp:
        gold = GOLD
        if a.quick:
            gold = Path(tmp) / "gold.jsonl"
            gold.write_text("".join(GOLD.read_text(encoding="utf-8").splitlines(keepends=True)[:QUICK_STORIES]))
        cmd = [sys.executable, str(SCORER), str(gold), "--parley", str(parley), "--stories", str(STORIES), "--verbose"]
        run = subprocess.run(cmd, capture_output=True, text=True, cwd=ROOT)
    if run.returncode != 0:
        print(run.stdout[-2000:], run.stderr[-2000:], sep="\n", file=sys.stderr)
        return 1
    lines = run.stdout.splitlines()
    titles = {g["id"]: g.get("title", "") for g in map(json.loads, GOLD.read_text(encoding="utf-8").splitlines())}
    print(f"{'story':>10}  {'matched':>7}  {'gold':>4}  {'predicted':>9}  title")
    overall = []
    for line in lines:
        if m := STORY.match(line):
            sid, hit, n_gold, n_pred = m.groups()
            print(f"{sid:>10}  {hit:>7}  {n_gold:>4}  {n_pred:>9}  {titles.get(sid, '')[:60]}")
        elif OVERALL.match(line):
            overall.append(line)
        elif a.verbose:
            print(line)
    if not overall:
        print("the scorer printed no overall lines", file=sys.stderr)
        return 1
    print("\n".join(overall))
    return 0


if __name__ == "__main__":
    sys.exit(main())
