"""Document-level events against the VOA gold (../shared/peers/voa-events): per story and overall.

Run from the project root: .venv/bin/python bench/events_doc.py [--quick] [--verbose]

Runs ../shared/tools/score_events.py (which ingests the annotated stories with .venv/bin/parley into a
fresh store and matches parley's events to the gold) with --verbose, and prints per story the gold
events matched at the `named` level, the gold count and the predicted count, then the scorer's three
overall lines (dyad, named, pair), then the kinds of remaining error at the `named` level (each gold
event missed and each predicted event left unmatched, by what its sentence gave: nothing, the right
type with an actor wrong, the right actors with another type, or neither), counted from a second
ingest of the same stories matched with the scorer's own function. --verbose also prints the
scorer's misses and extras.
--quick scores two stories only (a few seconds). Exits 0 with a message when ../shared is absent.
"""

from __future__ import annotations

import argparse
import json
import re
import subprocess
import sys
import tempfile
from collections import Counter
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
    gold_lines = GOLD.read_text(encoding="utf-8").splitlines(keepends=True)
    if a.quick:
        gold_lines = gold_lines[:QUICK_STORIES]
    with tempfile.TemporaryDirectory(prefix="events-doc-") as tmp:
        gold = Path(tmp) / "gold.jsonl"
        gold.write_text("".join(gold_lines), encoding="utf-8")
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
    for line in error_kinds(gold_lines, parley):
        print(line)
    return 0


def error_kinds(gold_lines: list[str], parley: Path) -> list[str]:
    """Missed gold events and unmatched predictions at the `named` level, by kind."""
    sys.path.insert(0, str(SCORER.parent))
    import score_events  # the scorer's own matching, so the kinds add up to its figures

    gold = [json.loads(line) for line in gold_lines]
    urls = {story["url"] for story in gold}
    with tempfile.TemporaryDirectory(prefix="events-kinds-") as tmp:
        stories = Path(tmp) / "in.jsonl"
        stories.write_text("".join(line + "\n" for line in STORIES.read_text(encoding="utf-8").splitlines()
                                   if json.loads(line).get("url") in urls), encoding="utf-8")
        db = str(Path(tmp) / "db")
        subprocess.run([str(parley), "ingest", str(stories), "--db", db, "--quiet"], check=True, capture_output=True)
        def read(kind):
            out = subprocess.run([str(parley), kind, "--db", db, "--json"], check=True, capture_output=True, text=True)
            return [json.loads(line) for line in out.stdout.splitlines() if line.startswith("{")]
        urls_of = {a["id"]: a.get("url") for a in read("articles")}
        by_url: dict = {}
        for event in read("events"):
            for url in {urls_of.get(s["article_id"]) for s in event["sources"]}:
                by_url.setdefault(url, []).append(event)
    missed: Counter = Counter()
    unmatched: Counter = Counter()
    for story in gold:
        predicted = by_url.get(story["url"], [])
        pairs = score_events.match(story["events"], predicted, "named")
        hit_gold, hit_pred = {id(g) for g, _ in pairs}, {id(p) for _, p in pairs}
        for g in (g for g in story["events"] if id(g) not in hit_gold):
            missed[_kind(score_events, [g], [p for p in predicted if _same_sentence(g, p)], g["type"])] += 1
        for p in (p for p in predicted if id(p) not in hit_pred):
            told = [g for g in story["events"] if _same_sentence(g, p)]
            unmatched[_kind(score_events, told, [p], p["type"], missing="from a sentence with no gold event")] += 1
    return [f"missed gold events by kind: {_counts(missed)}", f"unmatched predictions by kind: {_counts(unmatched)}"]


def _same_sentence(gold_event: dict, predicted: dict) -> bool:
    told = gold_event.get("sentence", "")
    return any(s["sentence"][:50] in told or told[:50] in s["sentence"] for s in predicted["sources"])


def _kind(scorer, gold: list, predicted: list, type_: str, missing: str = "nothing read from its sentence") -> str:
    if not gold or not predicted:
        return missing
    if scorer.match(gold, predicted, "pair"):
        return "right actors, another type"
    if any(p["type"] == type_ for p in predicted) or any(g["type"] == type_ for g in gold):
        return "right type, an actor wrong or missing"
    return "another type and other actors"


def _counts(counter: Counter) -> str:
    return ", ".join(f"{kind} {n}" for kind, n in counter.most_common())


if __name__ == "__main__":
    sys.exit(main())
