"""Everyday figures on the VOA stories (../shared/peers/voa): how soon `parley ingest` shows a
progress total (target < 1 s), and `parley reprocess` against a fresh ingest (target <= 1.0x, ids
unchanged). Runs the real CLI in subprocesses, stderr not a terminal (the timed progress lines).

    .venv/bin/python bench/reprocess.py [--quick]

--quick: the first 5 stories only. Skips (exit 0) when ../shared is absent.
"""

from __future__ import annotations

import argparse
import resource
import sqlite3
import subprocess
import sys
import tempfile
import time
from pathlib import Path

VOA = Path(__file__).resolve().parents[2] / "shared" / "peers" / "voa" / "voa_stories.jsonl"
PARLEY = [sys.executable, "-m", "parley"]


def _child_cpu() -> float:
    used = resource.getrusage(resource.RUSAGE_CHILDREN)
    return used.ru_utime + used.ru_stime


def first_total_seconds(args: list[str]) -> tuple[float | None, float, float, int]:
    """(seconds to the first progress line with a total, wall seconds in all, CPU seconds, exit code)."""
    cpu = _child_cpu()
    start = time.monotonic()
    proc = subprocess.Popen(PARLEY + args, stderr=subprocess.PIPE, stdout=subprocess.DEVNULL, text=True)
    first = None
    for line in proc.stderr:
        if first is None and "/" in line.split(",")[0] and line.startswith("parley: "):
            first = time.monotonic() - start
    code = proc.wait()
    return first, time.monotonic() - start, _child_cpu() - cpu, code


def ids(db: str) -> dict[str, set[str]]:
    with sqlite3.connect(db) as con:
        return {t: {r[0] for r in con.execute(f"SELECT id FROM {t}")} for t in ("articles", "quotes", "events")}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--quick", action="store_true", help="the first 5 stories only")
    args = ap.parse_args()
    if not VOA.is_file():
        print(f"skipped: {VOA} not found")
        return 0
    with tempfile.TemporaryDirectory() as tmp:
        source = VOA
        if args.quick:
            source = Path(tmp) / "voa5.jsonl"
            source.write_text("".join(VOA.read_text(encoding="utf-8").splitlines(keepends=True)[:5]), encoding="utf-8")
        db = str(Path(tmp) / "voa.db")
        first, ingest_s, ingest_cpu, code = first_total_seconds(["ingest", str(source), "--db", db])
        if code != 0 or first is None:
            print(f"ingest failed (exit {code}) or showed no progress total")
            return 1
        before = ids(db)
        _, reprocess_s, reprocess_cpu, code = first_total_seconds(["reprocess", "--db", db])
        after = ids(db)
        if code != 0:
            print(f"reprocess failed (exit {code})")
            return 1
    n = len(before["articles"])
    print(f"stories: {n}")
    print(f"ingest: first progress line with a total after {first:.2f} s (target < 1 s); whole run {ingest_s:.1f} s")
    print(f"reprocess: {reprocess_s:.1f} s = {reprocess_s / ingest_s:.2f}x the fresh ingest (target <= 1.0x);"
          f" CPU {reprocess_cpu:.1f} s against {ingest_cpu:.1f} s = {reprocess_cpu / ingest_cpu:.2f}x"
          " (CPU time is what a busy machine does not distort)")
    same = {t: before[t] == after[t] for t in before}
    print("ids unchanged: " + ", ".join(f"{t} {'yes' if ok else 'NO'} ({len(after[t])})" for t, ok in same.items()))
    return 0 if same["articles"] else 1


if __name__ == "__main__":
    sys.exit(main())
