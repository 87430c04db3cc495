"""Throughput: parley end to end against bare spaCy `nlp.pipe`, same texts, same process count.

Run: .venv/bin/python bench/throughput.py [--repeat N] [--rounds R] [--store] [--profile] [--quick]

--quick: 8 stories, one round, in this process only, results stored (a check that it runs; the ratio
means little). The process-pool runs are left out: each worker's start-up (spawn, model load) would
take longer than everything else.

Texts: the 89 VOA stories (../shared/peers/voa/voa_stories.jsonl), read with parley's JSONL reader,
repeated `--repeat` times (each copy with its own id). Skips (exit 0) when ../shared is absent.

- bare, 1 process: `for doc in nlp.pipe(texts, batch_size=B): pass` in this process, with the
  model as spaCy ships it (`spacy.load`, nothing added, nothing disabled).
- parley, 1 process: the in-process executor over the Documents: clean + parse (with parley's rule
  component) + actors + quotes + events; with `--store`, every result also written to a SQLite store.
- bare, N processes: a pool of N spawned processes, each loading the model once, parsing chunks of
  the same size parley uses and returning nothing; the ideal parallel parse.
- parley, N processes: the process-pool executor (`--workers N`).

Model loading and process start-up are outside the timings (both sides are warmed first). The four
runs are interleaved, round after round, so a neighbour's load on a shared CPU hits all of them
alike; each ratio is computed within one round, and the median over rounds is printed.
Memory: peak RSS of each process (main, workers), sampled every 50 ms. CPU: user + system seconds
of the processes doing the run (for parley N: the main process, which reads and collects, and the workers).
"""

from __future__ import annotations

import argparse
import cProfile
import io
import multiprocessing
import pstats
import statistics
import sys
import tempfile
import threading
import time
from concurrent.futures import ProcessPoolExecutor
from dataclasses import replace
from functools import lru_cache
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
VOA = ROOT.parent / "shared" / "peers" / "voa" / "voa_stories.jsonl"

import psutil  # noqa: E402

from parley.errors import ParleyError  # noqa: E402
from parley.ids import content_id  # noqa: E402
from parley.options import Options  # noqa: E402
from parley.run.chunks import CHUNK_DOCS  # noqa: E402
from parley.run.local import LocalExecutor  # noqa: E402
from parley.run.processes import ProcessExecutor  # noqa: E402


def load_documents(repeat: int, options: Options):
    from parley.ingest.jsonl import read_jsonl

    with open(VOA, "rb") as f:
        base = [d for d in read_jsonl(f, str(VOA), options.max_file_bytes) if not isinstance(d, ParleyError)]
    return [replace(d, id=content_id(f"{r}:{d.id}")) if r else d for r in range(repeat) for d in base]


class Meter:
    """CPU seconds and peak RSS of this process and of given child processes, sampled in a thread.

    CPU time is the figure that survives a shared machine: wall time grows with a neighbour's load,
    the CPU seconds a run needs hardly do.
    """

    def __init__(self, every: float = 0.05) -> None:
        self.every = every
        self.peak: dict[int, int] = {}
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)
        self._thread.start()

    @staticmethod
    def tree() -> list[psutil.Process]:
        me = psutil.Process()
        return [me, *me.children(recursive=True)]

    def _run(self) -> None:
        while not self._stop.is_set():
            for p in self.tree():
                try:
                    self.peak[p.pid] = max(self.peak.get(p.pid, 0), p.memory_info().rss)
                except psutil.Error:
                    pass
            time.sleep(self.every)

    def cpu(self, pids: list[int]) -> float:
        total = 0.0
        for pid in pids:
            try:
                t = psutil.Process(pid).cpu_times()
                total += t.user + t.system
            except psutil.Error:
                pass
        return total

    def stop(self) -> None:
        self._stop.set()
        self._thread.join()


def pool_pids(pool: ProcessPoolExecutor) -> list[int]:
    return list(pool._processes)  # the stdlib keeps no public handle on its worker processes


# ---- the bare baseline -----------------------------------------------------------------------------


@lru_cache(maxsize=1)
def bare_nlp(model: str):
    import spacy

    return spacy.load(model)


def bare_chunk(model: str, texts: list[str], batch_size: int) -> int:
    n = 0
    for doc in bare_nlp(model).pipe(texts, batch_size=batch_size):
        n += len(doc)
    return n


def bare_pool(model: str, workers: int) -> ProcessPoolExecutor:
    pool = ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("spawn"),
                               initializer=bare_nlp, initargs=(model,))
    list(pool.map(bare_nlp, [model] * workers))
    return pool


def run_bare(texts: list[str], options: Options, pool: ProcessPoolExecutor | None) -> float:
    start = time.perf_counter()
    if pool is None:
        bare_chunk(options.model, texts, options.batch_size)
    else:
        chunks = [texts[i:i + CHUNK_DOCS] for i in range(0, len(texts), CHUNK_DOCS)]
        list(pool.map(bare_chunk, [options.model] * len(chunks), chunks, [options.batch_size] * len(chunks)))
    return time.perf_counter() - start


def run_parley(documents, executor, store_path: str | None) -> tuple[float, int, int]:
    from parley.store import open_store

    store = open_store(store_path) if store_path else None
    ok = bad = 0
    start = time.perf_counter()
    for result in executor.map(iter(documents)):
        if isinstance(result, ParleyError):
            bad += 1
            continue
        ok += 1
        if store is not None:
            store.add(result)
    elapsed = time.perf_counter() - start
    if store is not None:
        store.close()
        for suffix in ("", "-wal", "-shm"):
            Path(store_path + suffix).unlink(missing_ok=True)
    return elapsed, ok, bad


# ---- profile -----------------------------------------------------------------------------------------

STAGES = [
    ("clean (clean_document)", "parley/clean/", "clean_document"),
    ("nlp.pipe, incl. the clean it pulls", "spacy/language.py", "pipe"),
    ("  parley_names rule component", "parley/language.py", "__call__"),
    ("  re-casing", "parley/language.py", "recase"),
    ("records (actors + quotes + events)", "parley/pipeline.py", "records"),
    ("  actors", "parley/actors/", "find_actors"),
    ("  quotes", "parley/quotes", "find_quotes"),
    ("  events", "parley/events/", "find_events"),
]


def profile(documents, options: Options) -> None:
    executor = LocalExecutor(options)
    run_parley(documents[:5], executor, None)  # load outside the profile
    profiler = cProfile.Profile()
    profiler.enable()
    run_parley(documents, executor, None)
    profiler.disable()
    stats = pstats.Stats(profiler)
    total = max(v[3] for v in stats.stats.values())
    print(f"\nprofile (in-process, {len(documents)} articles, {total:.1f} s under cProfile), cumulative:")
    for label, suffix, name in STAGES:
        cum = sum(v[3] for (file, _, func), v in stats.stats.items() if func == name and suffix in file)
        print(f"  {label:38s} {cum:7.2f} s  {100 * cum / total:5.1f} %")
    out = io.StringIO()
    pstats.Stats(profiler, stream=out).sort_stats("tottime").print_stats(20)
    print("\n".join(out.getvalue().splitlines()[6:]))


# ---- main --------------------------------------------------------------------------------------------


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--repeat", type=int, default=4,
                    help="copies of the 89 stories (default 4: enough work that starting the workers does not dominate)")
    ap.add_argument("--rounds", type=int, default=2, help="interleaved rounds (default 2)")
    ap.add_argument("--workers", type=int, default=2, help="process count of the parallel runs (default 2)")
    ap.add_argument("--store", action="store_true", help="also write every result to a SQLite store")
    ap.add_argument("--profile", action="store_true", help="profile the in-process run and stop")
    ap.add_argument("--quick", action="store_true", help="8 stories, one round, one worker: a check that it runs")
    args = ap.parse_args()
    if not VOA.is_file():
        print(f"skipped: {VOA} not found")
        return 0
    options = Options()
    documents = load_documents(args.repeat, options)
    if args.quick:
        documents, args.rounds, args.store = documents[:8], 1, True
    texts = [d.content for d in documents]
    words = sum(len(t.split()) for t in texts)
    print(f"{len(documents)} articles, {words} words (whitespace-split), model {options.model}, "
          f"batch size {options.batch_size}, chunks of {CHUNK_DOCS}, {psutil.cpu_count()} CPUs "
          f"(load average now {psutil.getloadavg()[0]:.1f})")
    if args.profile:
        profile(documents, options)
        return 0

    meter = Meter()
    tmp = tempfile.mkdtemp(prefix="parley-bench-")
    store = str(Path(tmp) / "bench.db") if args.store else None
    bare_nlp(options.model)
    local = LocalExecutor(options)
    run_parley(documents[:3], local, None)
    many = not args.quick  # the process-pool runs
    pool = bare_pool(options.model, args.workers) if many else None
    parallel = ProcessExecutor(options.with_(workers=args.workers)) if many else None
    me = psutil.Process().pid
    n = args.workers
    pids = {"bare 1": [me], "parley 1": [me]}
    if many:
        parallel.warm()
        pids |= {f"bare {n}": [me, *pool_pids(pool)], f"parley {n}": [me, *pool_pids(parallel._pool)]}
    wall: dict[str, list[float]] = {k: [] for k in pids}
    cpu: dict[str, list[float]] = {k: [] for k in pids}
    try:
        for r in range(args.rounds):
            for name in pids:
                before = meter.cpu(pids[name])
                if name.startswith("bare"):
                    elapsed = run_bare(texts, options, None if name == "bare 1" else pool)
                else:
                    elapsed, ok, bad = run_parley(documents, local if name == "parley 1" else parallel, store)
                wall[name].append(elapsed)
                cpu[name].append(meter.cpu(pids[name]) - before)
                print(f"  round {r + 1}  {name:9s} {elapsed:7.2f} s wall {cpu[name][-1]:7.2f} s CPU  "
                      f"{words / elapsed:6.0f} words/s  {len(documents) / elapsed:5.1f} articles/s", flush=True)
    finally:
        if many:
            parallel.close()
            pool.shutdown()
        meter.stop()

    print(f"\n{'run':10s} {'words/s':>8s} {'articles/s':>10s} {'words/CPU-s':>12s}   (medians of {args.rounds} rounds)")
    for name in pids:
        t, c = statistics.median(wall[name]), statistics.median(cpu[name])
        print(f"{name:10s} {words / t:8.0f} {len(documents) / t:10.1f} {words / c:12.0f}")

    def ratio(runs: dict, a: str, b: str) -> float:
        return statistics.median(x / y for x, y in zip(runs[a], runs[b]))

    print("\nratios within each round (median); wall clock, then per CPU second:")
    print(f"  parley / bare nlp.pipe, 1 process:   {ratio(wall, 'bare 1', 'parley 1'):.2f}  "
          f"{ratio(cpu, 'bare 1', 'parley 1'):.2f}   (target >= 0.85)")
    if many:
        parallel_figures(wall, cpu, ratio, n)
    rss = {pid: v / 2**20 for pid, v in meter.peak.items()}
    print(f"\npeak RSS: this process {rss.get(me, 0):.0f} MiB (holds the bare model and parley's pipeline)")
    if many:
        print(f"each parley worker {max(rss.get(p, 0) for p in pids[f'parley {n}'][1:]):.0f} MiB; "
              f"each bare worker {max(rss.get(p, 0) for p in pids[f'bare {n}'][1:]):.0f} MiB")
    if store:
        print("(parley runs include writing every result to a SQLite store in the main process)")
    return 0


def parallel_figures(wall: dict, cpu: dict, ratio, n: int) -> None:
    print(f"  parley / bare nlp.pipe, {n} processes: {ratio(wall, f'bare {n}', f'parley {n}'):.2f}  "
          f"{ratio(cpu, f'bare {n}', f'parley {n}'):.2f}   (target >= 0.85)")
    print(f"  parley {n} processes / 1 process:      {ratio(wall, 'parley 1', f'parley {n}'):.2f}  "
          f"{ratio(cpu, 'parley 1', f'parley {n}') * n:.2f}*  (target >= {0.85 * n:.2f})")
    print(f"  bare {n} processes / 1 process:        {ratio(wall, 'bare 1', f'bare {n}'):.2f}  "
          f"{ratio(cpu, 'bare 1', f'bare {n}') * n:.2f}*")
    print(f"  * the speed-up {n} idle cores would give: {n} x (CPU s at 1 process / CPU s at {n})")


if __name__ == "__main__":
    sys.exit(main())
