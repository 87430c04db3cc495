"""Crash safety: `kill -9` an ingest at random points in every phase, rerun it, and compare the
final store with a clean run's, record for record.

Phases are told apart from outside, by watching the store the ingest writes: before the first
article is stored (start-up, reading, analysing), while articles are being stored, and after the
last one (the cross-article linking). A kill that lands after the process has exited is counted as
missed. Kills are chained on one store (a rerun may itself be killed); the chain ends with a rerun
left to finish, and that store must equal the clean one.

    .venv/bin/python bench/kills.py [--kills 60] [--examples | --corpus PATH ...] [--seed N] [--no-nlp]
    .venv/bin/python bench/kills.py --quick      # 2 kills on the bundled examples, NLP off

Without --corpus, the VOA stories of ../shared are used when present, else the bundled examples/.
Prints: kills landed per phase, stores that differ from the clean run (must be 0).
"""

from __future__ import annotations

import argparse
import os
import random
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
VOA = ROOT.parent / "shared" / "peers" / "voa"
PHASES = ("reading", "storing", "linking")
POLL = 0.005  # seconds between looks at the store

# what differs between two runs of the same input by design: when the rows were written
VOLATILE = {"articles": {"ingested_at"}}
SKIP_TABLES = {"meta", "link_journal", "sqlite_sequence", "sqlite_stat1"}


def parley_command(paths: list[str], db: str, extra: list[str] = ()) -> list[str]:
    return [sys.executable, "-m", "parley", "ingest", "--db", db, "--quiet", *extra, *paths]


def article_count(db: str) -> int:
    """Articles stored so far (0 while the file or its tables do not exist yet)."""
    if not os.path.exists(db):
        return 0
    try:
        con = sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=0.2)
        try:
            return con.execute("SELECT count(*) FROM articles").fetchone()[0]
        finally:
            con.close()
    except sqlite3.Error:
        return 0


@dataclass
class Timeline:
    """When a clean run stored its first and last article and when it ended (seconds from start)."""

    first: float
    last: float
    end: float
    articles: int
    relink: float = 0.0  # how long a rerun takes that only has the linking left to do


def clean_run(paths: list[str], db: str, extra: list[str] = ()) -> Timeline:
    initial = seen = article_count(db)  # a prelude may have stored some already
    start = time.monotonic()
    proc = subprocess.Popen(parley_command(paths, db, extra), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    first = last = None
    while proc.poll() is None:
        count = article_count(db)
        now = time.monotonic() - start
        if count > initial and first is None:
            first = now
        if count > seen:
            seen, last = count, now
        time.sleep(POLL)
    end = time.monotonic() - start
    total = article_count(db)
    return Timeline(first or end, last or end, end, total)


def relink_time(paths: list[str], clean_db: str, copy: Path, extra: list[str] = ()) -> float:
    """Seconds a rerun takes when only the linking is left (a copy of the clean store, journal cleared)."""
    import shutil

    shutil.copy(clean_db, copy)
    con = sqlite3.connect(copy)
    con.execute("DELETE FROM link_journal")
    con.commit()
    con.close()
    start = time.monotonic()
    subprocess.run(parley_command(paths, str(copy), extra), capture_output=True)
    return time.monotonic() - start


def dump(db: str) -> dict[str, list[tuple]]:
    """Every table's rows (less the volatile columns), sorted: two stores equal record for record
    have equal dumps."""
    con = sqlite3.connect(db)
    try:
        tables = [r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type='table'")
                  if r[0] not in SKIP_TABLES and not r[0].endswith(("_data", "_idx", "_docsize", "_config", "_content"))]
        out = {}
        for table in tables:
            cols = [r[1] for r in con.execute(f"PRAGMA table_info({table})")
                    if r[1] not in VOLATILE.get(table, set())]
            rows = con.execute(f"SELECT {', '.join(cols)} FROM {table}").fetchall()
            out[table] = sorted(rows, key=repr)
        return out
    finally:
        con.close()


def differences(a: dict, b: dict) -> list[str]:
    found = []
    for table in sorted(set(a) | set(b)):
        left, right = a.get(table, []), b.get(table, [])
        if left != right:
            found.append(f"{table}: {len(left)} vs {len(right)} rows, "
                         f"{len(set(map(repr, left)) ^ set(map(repr, right)))} differ")
    return found


def integrity(db: str) -> str:
    con = sqlite3.connect(db)
    try:
        return con.execute("PRAGMA integrity_check").fetchone()[0]
    finally:
        con.close()


@dataclass
class Chain:
    landed: dict = field(default_factory=lambda: {p: 0 for p in PHASES})
    missed: int = 0
    differs: list = field(default_factory=list)


def killed_run(paths: list[str], db: str, phase: str, clean: Timeline, rng: random.Random,
               extra: list[str] = ()) -> str | None:
    """One run killed in `phase`; the phase the kill landed in (by the store's state), or None."""
    before = article_count(db)
    start = time.monotonic()
    proc = subprocess.Popen(parley_command(paths, db, extra), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    if phase == "reading":
        deadline = start + rng.uniform(0, clean.first)
        condition = lambda: time.monotonic() >= deadline  # noqa: E731
    elif phase == "storing":
        target = rng.randint(before + 1, max(before + 1, clean.articles - 1))
        condition = lambda: article_count(db) >= target  # noqa: E731
    elif before >= clean.articles:  # all stored: this run only links, from its start
        deadline = start + rng.uniform(0, clean.relink)
        condition = lambda: time.monotonic() >= deadline  # noqa: E731
    else:
        window = clean.end - clean.last
        deadline = None

        def condition():
            nonlocal deadline
            if deadline is None and article_count(db) >= clean.articles:
                deadline = time.monotonic() + rng.uniform(0, window)
            return deadline is not None and time.monotonic() >= deadline
    while proc.poll() is None and not condition():
        time.sleep(POLL)
    if proc.poll() is not None:
        return None
    stored = article_count(db)
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    if stored == 0 or stored == before and stored < clean.articles:
        return "reading"
    return "storing" if stored < clean.articles else "linking"


def run_chains(paths: list[str], kills: int, seed: int, work: Path, extra: list[str] = (),
               log=print, prelude: list[str] | None = None) -> tuple[Chain, Timeline]:
    """`prelude`: inputs ingested (and linked) first, unkilled, in the clean run and in every chain,
    so the kills hit a store that was linked before: the case where a rerun must not trust an
    earlier link."""
    rng = random.Random(seed)
    clean_db = str(work / "clean.db")
    if prelude:
        subprocess.run(parley_command(prelude, clean_db, extra), capture_output=True)
    clean = clean_run(paths, clean_db, extra)
    reference = dump(clean_db)
    clean.relink = relink_time(paths, clean_db, work / "relink.db", extra)
    log(f"clean run: {clean.articles} articles, first stored at {clean.first:.1f} s, last at {clean.last:.1f} s, "
        f"done at {clean.end:.1f} s")
    result = Chain()
    plan = [PHASES[n % len(PHASES)] for n in range(kills)]
    rng.shuffle(plan)
    chain_length = 4
    for n in range(0, len(plan), chain_length):
        db = str(work / f"chain{n}.db")
        if prelude:
            subprocess.run(parley_command(prelude, db, extra), capture_output=True)
        # a chain visits phases in the order a run goes through them, so each kill finds its phase
        for phase in sorted(plan[n:n + chain_length], key=PHASES.index):
            landed = killed_run(paths, db, phase, clean, rng, extra)
            if landed is None:
                result.missed += 1
            else:
                result.landed[landed] += 1
        finish = subprocess.run(parley_command(paths, db, extra), capture_output=True)
        problems = differences(reference, dump(db))
        check = integrity(db)
        if check != "ok":
            problems.append(f"integrity_check: {check}")
        if finish.returncode not in (0, 1):
            problems.append(f"rerun exit {finish.returncode}")
        if problems:
            result.differs.append((db, problems))
        log(f"chain {n // chain_length + 1}: {'differs: ' + '; '.join(problems) if problems else 'same as clean'}")
    return result, clean


def corpus(args, work: Path) -> tuple[list[str], list[str]]:
    """The inputs, and a prelude: the first few of them, ingested before the kills."""
    if args.corpus:
        return args.corpus, []
    if args.quick or args.examples or not VOA.exists():
        return [str(ROOT / "examples")], examples_prelude()
    lines = (VOA / "voa_stories.jsonl").read_bytes().splitlines(keepends=True)
    head = work / "voa_head.jsonl"
    head.write_bytes(b"".join(lines[:20]))
    return [str(VOA)], [str(head)]


def examples_prelude() -> list[str]:
    return [str(p) for p in sorted((ROOT / "examples").iterdir())[:3]]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--kills", type=int, default=60)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--corpus", nargs="*")
    parser.add_argument("--no-nlp", action="store_true", help="ingest with --no-nlp (faster, less linking)")
    parser.add_argument("--examples", action="store_true", help="the bundled examples, not the VOA stories")
    parser.add_argument("--quick", action="store_true", help="2 kills on the bundled examples, NLP off")
    args = parser.parse_args()
    kills = 2 if args.quick else args.kills
    extra = ["--no-nlp"] if args.no_nlp or args.quick else []
    with tempfile.TemporaryDirectory() as tmp:
        paths, prelude = corpus(args, Path(tmp))
        result, _ = run_chains(paths, kills, args.seed, Path(tmp), extra, prelude=prelude)
    print(f"kills: {kills} tried, landed {sum(result.landed.values())} "
          f"({', '.join(f'{p} {n}' for p, n in result.landed.items())}), missed (after exit) {result.missed}")
    print(f"stores that differ from the clean run after the rerun: {len(result.differs)}")
    return 1 if result.differs else 0


if __name__ == "__main__":
    sys.exit(main())
