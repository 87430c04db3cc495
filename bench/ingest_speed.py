"""The real `parley ingest` command, timed as a whole process, against a bare `nlp.pipe` process.

    .venv/bin/python bench/ingest_speed.py [--copies 7] [--rounds 1] [--stages] [--profile OUT.prof] [--quick]

Input: the 89 VOA stories (../shared/peers/voa/voa_stories.jsonl) written `--copies` times into one
JSONL file in a temporary folder; every copy after the first has its own id and a changed first
sentence (one word in front), so each line is a new article to the store (7 copies: 623 articles).
Skips (exit 0) when ../shared is absent.

Timed, one after the other in each round (so a neighbour's load hits both alike):
- parley: `python -m parley.cli ingest FILE --db NEW.db --quiet`, a fresh store each time: read,
  clean, parse, actors, quotes, events, store, and the cross-article step, model load included.
- bare: a process that imports spaCy, loads the same model as spaCy ships it and runs
  `nlp.pipe(bodies, batch_size=B)` over the same `text` fields of the same file.
Both report wall seconds and CPU seconds (user + system of the child, from wait4); the ratio
bare/parley is the throughput of the whole command relative to spaCy alone (target >= 0.85).
CPU seconds are the figure that survives a shared machine; wall seconds are printed too.

--profile OUT runs the ingest once more under cProfile (in a child process, same command) and
prints where the time beyond nlp.pipe goes; cProfile inflates Python code against spaCy's compiled
code, so --stages also runs `parley.api.ingest` once in this process with a CPU clock around each
stage (no profiler): the honest split. --quick: 6 articles, one round, no target.
"""

from __future__ import annotations

import argparse
import json
import os
import pstats
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
VOA = ROOT.parent / "shared" / "peers" / "voa" / "voa_stories.jsonl"
TARGET = 0.85
# words put in front of a copy's text so that its content hash (its id) differs from the others
LEADS = ["Meanwhile,", "Separately,", "Earlier,", "Later,", "Also,", "However,", "Still,", "Again,", "Today,"]

BARE = """
import json, sys, spacy
from parley.options import Options
options = Options()
nlp = spacy.load(options.model)
with open(sys.argv[1], encoding="utf-8") as f:
    texts = [json.loads(line)["text"] for line in f if line.strip()]
n = sum(len(doc) for doc in nlp.pipe(texts, batch_size=options.batch_size))
print(n)
"""


def write_input(path: Path, copies: int, limit: int | None) -> tuple[int, int]:
    """The JSONL the two processes read: (articles, whitespace words)."""
    lines = [json.loads(line) for line in VOA.read_text(encoding="utf-8").splitlines() if line.strip()]
    lines = lines[:limit] if limit else lines
    n = words = 0
    with path.open("w", encoding="utf-8") as out:
        for copy in range(copies):
            for record in lines:
                record = dict(record)
                if copy:
                    record["id"] = f"{record.get('id')}-{copy}"
                    record["text"] = f"{LEADS[copy % len(LEADS)]} {record['text'][:1].lower()}{record['text'][1:]}"
                out.write(json.dumps(record, ensure_ascii=False) + "\n")
                n += 1
                words += len(record["text"].split())
    return n, words


def timed(argv: list[str]) -> tuple[float, float, str]:
    """(wall s, CPU s of the child, its stdout); exits the bench on failure. Output goes to files, so a
    chatty child cannot fill a pipe and stall."""
    with tempfile.TemporaryFile("w+") as out, tempfile.TemporaryFile("w+") as err:
        start = time.perf_counter()
        proc = subprocess.Popen(argv, stdout=out, stderr=err, text=True, cwd=ROOT)
        _, status, usage = os.wait4(proc.pid, 0)
        wall = time.perf_counter() - start
        proc.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0)
        err.seek(0)
        if proc.returncode != 0:
            sys.exit(f"ingest_speed: {' '.join(argv[:4])} failed ({proc.returncode}):\n{err.read()[-2000:]}")
        return wall, usage.ru_utime + usage.ru_stime, out.read()


def ingest_argv(data: Path, db: Path, profile: Path | None = None) -> list[str]:
    """The installed `parley` command (the console script beside this Python), optionally under cProfile."""
    command = str(Path(sys.executable).with_name("parley"))
    head = [sys.executable, "-m", "cProfile", "-o", str(profile), command] if profile else [command]
    return head + ["ingest", str(data), "--db", str(db), "--quiet"]


def stored_count(db: Path) -> int:
    from parley.store import Store, open_store

    with open_store(db, create=False) as store:
        return store.count("articles")


# cumulative time of these functions, as a share of the profiled run
STAGES = [
    ("start-up: imports (module loading)", "<frozen importlib._bootstrap>", "_find_and_load"),
    ("model load (spacy.load)", "spacy/__init__.py", "load"),
    ("parley.api.ingest", "parley/api.py", "ingest"),
    ("  clean (clean_document)", "parley/clean/", "clean_document"),
    ("  nlp.pipe (incl. the work its generator pulls)", "spacy/language.py", "pipe"),
    ("    spaCy components (__call__/pipe of each)", "spacy/", "_pipe"),
    ("    parley_names rule component", "parley/language.py", "__call__"),
    ("    re-casing", "parley/language.py", "recase"),
    ("  actors", "parley/actors/", "find_actors"),
    ("  quotes", "parley/quotes", "find_quotes"),
    ("  events", "parley/events/", "find_events"),
    ("  store.add (SQLite writes)", "parley/store/", "add"),
    ("  cross-article step (link_corpus)", "parley/stories/", "link_corpus"),
]


def show_profile(path: Path, top: int) -> None:
    stats = pstats.Stats(str(path))
    total = max(v[3] for v in stats.stats.values())
    print(f"\nprofile of one `parley ingest` ({total:.1f} s under cProfile), cumulative:")
    for label, where, name in STAGES:
        cum = max((v[3] for (file, _, func), v in stats.stats.items() if func == name and where in file), default=0.0)
        print(f"  {label:48s} {cum:7.2f} s  {100 * cum / total:5.1f} %")
    print(f"\ntop {top} by own time:")
    stats.sort_stats("tottime").print_stats(top)


def stage_split(data: Path, tmp: Path) -> None:
    """CPU seconds of each per-article stage in one in-process `parley.api.ingest`, by wrapping the
    stage functions where the pipeline and the ingest look them up."""
    from parley import api, fastpipes, language, pipeline, stories
    from parley.options import Options
    from parley.store import open_store
    from parley.store.db import SQLiteStore

    spent: dict[str, float] = {}

    def clocked(name: str, fn):
        def wrapper(*args, **kwargs):
            start = time.process_time()
            try:
                return fn(*args, **kwargs)
            finally:
                spent[name] = spent.get(name, 0.0) + time.process_time() - start
        return wrapper

    for name in ("clean_document", "find_actors", "find_quotes", "find_events"):
        setattr(pipeline, name, clocked(name, getattr(pipeline, name)))
    pipeline.locate_events = clocked("locate_events (gazetteer load + geocoding)", pipeline.locate_events)
    stories.link_corpus = clocked("link_corpus (cross-article step)", stories.link_corpus)
    # the class the store really is: Store is a Protocol, and patching it times nothing
    SQLiteStore.add = clocked("SQLiteStore.add (SQLite writes)", SQLiteStore.add)
    language.load_pipeline = clocked("model load (load_pipeline)", language.load_pipeline)
    # components that run inside nlp.pipe: parley's own name rules, and the stand-ins for spaCy's
    # attribute ruler and lemmatizer (fastpipes.py; spaCy's own take about 15 % of nlp.pipe)
    language.NameRules.__call__ = clocked("  in nlp.pipe: parley_names rules", language.NameRules.__call__)
    fastpipes.FastAttributeRuler.__call__ = clocked("  in nlp.pipe: attribute ruler (fastpipes)",
                                                    fastpipes.FastAttributeRuler.__call__)
    fastpipes.FastLemmatizer.__call__ = clocked("  in nlp.pipe: lemmatizer (fastpipes)", fastpipes.FastLemmatizer.__call__)
    options = Options(db=str(tmp / "stages.db"))
    start = time.process_time()
    with open_store(options.db) as store:
        api.ingest([str(data)], options, store)
    total = time.process_time() - start
    rest = total - sum(spent.values())
    print(f"\nCPU seconds per stage, one in-process ingest without a profiler ({total:.1f} s in all):")
    for name, seconds in [*spent.items(), ("the rest: spaCy's own components, reading, glue", rest)]:
        print(f"  {name:48s} {seconds:7.2f} s  {100 * seconds / total:5.1f} %")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--copies", type=int, default=7, help="copies of the 89 stories (default 7: 623 articles)")
    ap.add_argument("--rounds", type=int, default=1, help="rounds of (parley, bare) (default 1)")
    ap.add_argument("--profile", metavar="OUT", help="also profile one ingest into OUT (.prof) and summarise it")
    ap.add_argument("--top", type=int, default=25, help="functions listed by own time with --profile")
    ap.add_argument("--stages", action="store_true", help="also split one in-process ingest's CPU time by stage")
    ap.add_argument("--quick", action="store_true", help="6 articles, one round: a check that it runs")
    args = ap.parse_args()
    if not VOA.is_file():
        print(f"skipped: {VOA} not found")
        return 0
    copies, limit, rounds = (2, 3, 1) if args.quick else (args.copies, None, args.rounds)
    with tempfile.TemporaryDirectory(prefix="parley-ingest-speed-") as tmp:
        data = Path(tmp) / "voa.jsonl"
        n, words = write_input(data, copies, limit)
        print(f"{n} articles, {words} words (whitespace-split), {os.cpu_count()} CPUs, "
              f"load average {os.getloadavg()[0]:.1f}", flush=True)
        results = []
        for r in range(rounds):
            db = Path(tmp) / f"round{r}.db"
            parley = timed(ingest_argv(data, db))
            stored = stored_count(db)
            if stored != n:
                sys.exit(f"ingest_speed: the store holds {stored} articles, not {n}")
            bare = timed([sys.executable, "-c", BARE, str(data)])
            results.append((parley, bare))
            print(f"  round {r + 1}: parley ingest {parley[0]:6.1f} s wall {parley[1]:6.1f} s CPU;  "
                  f"bare nlp.pipe {bare[0]:6.1f} s wall {bare[1]:6.1f} s CPU;  "
                  f"ratio {bare[0] / parley[0]:.2f} wall {bare[1] / parley[1]:.2f} CPU", flush=True)
        wall = statistics.median(b[0] / p[0] for p, b in results)
        cpu = statistics.median(b[1] / p[1] for p, b in results)
        print(f"parley ingest / bare nlp.pipe (whole processes, model load included), {n} articles: "
              f"{wall:.2f} wall, {cpu:.2f} CPU (median of {rounds} round(s); target >= {TARGET})")
        print(f"parley ingest: {n / results[0][0][0]:.1f} articles/s, {words / results[0][0][1]:.0f} words/CPU-s")
        if args.profile:
            out = Path(args.profile).resolve()
            timed(ingest_argv(data, Path(tmp) / "profile.db", out))
            show_profile(out, args.top)
        if args.stages:
            stage_split(data, Path(tmp))
    return 0


if __name__ == "__main__":
    sys.exit(main())
