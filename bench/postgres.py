"""The PostgreSQL store under a team's load, in a throw-away cluster (tests/pg_cluster.py):

1. Three `parley ingest` processes at once into one database, over overlapping sets of synthetic
   articles (each article in up to three of the sets): every article must be stored once and no
   process may fail.
2. The explorer's p50/p99 on both backends over the same synthetic store (bench/web.py's
   generator, built in SQLite and moved with `parley copy`), N clients x M requests (bench/load.py).

    .venv/bin/python bench/postgres.py [--articles 1000] [--store 10000] [--clients 8] [--requests 100]
    .venv/bin/python bench/postgres.py --quick     # 3 x 12 articles without NLP; a 150-article store
    .venv/bin/python bench/postgres.py --only explorer --store 100000   # one part
    .venv/bin/python bench/postgres.py --db postgresql://...   # an existing (empty) database instead

Exits 0 with a message when PostgreSQL's server binaries are absent; non-zero when an article is
missing or stored twice, or an ingest or a request failed.
"""

from __future__ import annotations

import argparse
import importlib.util
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent / "tests"))

PEOPLE = [("Ana Ferreira", "Portugal"), ("Kenji Watanabe", "Japan"), ("Amara Okafor", "Nigeria"),
          ("Lars Nilsson", "Sweden"), ("Priya Raman", "India"), ("Tomás Herrera", "Chile"),
          ("Leila Haddad", "Lebanon"), ("Jan Kowalski", "Poland")]
TOPICS = ["a ceasefire", "grain exports", "a trade agreement", "border crossings", "prisoner exchanges",
          "sanctions relief", "a water-sharing treaty", "fishing rights"]
CITIES = ["Geneva", "Vienna", "Doha", "Oslo", "Nairobi", "Singapore"]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December"]


def article_text(n: int) -> str:
    """A short wire story, different for every n (so its content id is too)."""
    (a, ca), (b, cb) = PEOPLE[n % len(PEOPLE)], PEOPLE[(n * 3 + 1) % len(PEOPLE)]
    topic, city = TOPICS[n % len(TOPICS)], CITIES[(n // 3) % len(CITIES)]
    day, month = 1 + n % 27, MONTHS[(n // 27) % 12]
    return (f"{city.upper()}, {month} {day}, 2021 — Foreign Minister {a} of {ca} met {b}, the envoy of {cb},"
            f" in {city} on Tuesday to discuss {topic}.\n\n"
            f"\"We made progress on {topic}, and we will meet again next month,\" {a} said after the talks."
            f" {b} accused the other side of delaying the agreement, officials said.\n\n"
            f"The two sides last met in {CITIES[(n + 2) % len(CITIES)]} in 2019. (Dispatch {n}.)\n")


def concurrent_ingest(url: str, per_process: int, nlp: bool, tmp: Path) -> bool:
    step = per_process // 4
    total = per_process + 2 * step
    folder = tmp / "articles"
    folder.mkdir()
    paths = []
    for n in range(total):
        path = folder / f"dispatch-{n:05d}.txt"
        path.write_text(article_text(n), encoding="utf-8")
        paths.append(str(path))
    command = [sys.executable, "-m", "parley", "ingest", "--db", url, "--quiet"] + ([] if nlp else ["--no-nlp"])
    start = time.perf_counter()
    procs = [subprocess.Popen(command + paths[k * step:k * step + per_process], stdout=subprocess.DEVNULL,
                              stderr=subprocess.PIPE, text=True) for k in range(3)]
    outcomes = [(p.wait(), p.stderr.read()) for p in procs]
    seconds = time.perf_counter() - start
    from parley.store import open_store

    with open_store(url, create=False) as store:
        stored, events = store.count("articles"), store.count("events")
        unique = len(set(store.article_ids()))
    failed = [(code, err.strip()[-300:]) for code, err in outcomes if code != 0]
    print(f"concurrent ingest: 3 processes x {per_process} articles ({total} distinct, {3 * per_process - total}"
          f" ingested twice or more){'' if nlp else ' without NLP'}: {stored} stored ({unique} distinct ids),"
          f" {events} events, {len(failed)} failed processes, {seconds:.1f} s wall")
    for code, err in failed:
        print(f"  exit {code}: {err}")
    return not failed and stored == unique == total


def explorer(url: str, articles: int, clients: int, requests: int, max_seconds: float, tmp: Path) -> bool:
    spec = importlib.util.spec_from_file_location("bench_load", HERE / "load.py")
    load = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(load)
    sqlite_db = tmp / "explorer.db"
    load.web_bench().build(sqlite_db, articles)
    from parley.store import open_store
    from parley.store.copy import copy_store

    start = time.perf_counter()
    with open_store(sqlite_db, create=False) as src, open_store(url) as dst:
        copy_store(src, dst)
    print(f"parley copy of a {articles}-article store into PostgreSQL: {time.perf_counter() - start:.1f} s")
    ok = True
    for name, target in (("SQLite", str(sqlite_db)), ("PostgreSQL", url)):
        port = load.free_port()
        server = subprocess.Popen([sys.executable, "-m", "parley", "serve", "--db", target, "--port", str(port)],
                                  stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        try:
            load.wait_up(port)
            results = load.phase(port, clients, requests, max_seconds)
            load.report(f"explorer on {name}, {articles} articles, {clients} clients", results)
            ok = ok and bool(results) and all(r[2] for r in results)
        finally:
            server.terminate()
            server.wait(timeout=30)
    return ok


def _own_schema(url: str, shared: bool) -> str:
    """The explorer's store beside the ingest's in one given database: a schema of its own."""
    if not shared:
        return url
    import psycopg

    with psycopg.connect(url, autocommit=True) as conn:
        conn.execute("CREATE SCHEMA IF NOT EXISTS parley_bench_explorer")
    return url + ("&" if "?" in url else "?") + "options=-csearch_path%3Dparley_bench_explorer"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=1000, help="per ingest process")
    parser.add_argument("--store", type=int, default=10_000, help="articles in the explorer's store")
    parser.add_argument("--clients", type=int, default=8)
    parser.add_argument("--requests", type=int, default=100, help="per client")
    parser.add_argument("--max-seconds", type=float, default=300)
    parser.add_argument("--no-nlp", action="store_true", help="ingest clean articles only (the store's load alone)")
    parser.add_argument("--db", help="an existing PostgreSQL server URL (its database must be empty)")
    parser.add_argument("--only", choices=("ingest", "explorer"), help="run one of the two parts")
    parser.add_argument("--quick", action="store_true")
    args = parser.parse_args()
    if args.quick:
        args.articles, args.store, args.clients, args.requests, args.max_seconds = 12, 150, 2, 10, 60
        args.no_nlp = True
    cluster = None
    if not args.db:
        import pg_cluster

        cluster = pg_cluster.start()
        if cluster is None:
            print(f"skipped: {pg_cluster.why_not}")
            return 0
    try:
        with tempfile.TemporaryDirectory() as tmp:
            ok = True
            if args.only != "explorer":
                ingest_url = args.db or cluster.new_database()
                ok = concurrent_ingest(ingest_url, args.articles, not args.no_nlp, Path(tmp))
            if args.only != "ingest":
                explorer_url = cluster.new_database() if cluster else _own_schema(args.db, args.only is None)
                ok = explorer(explorer_url, args.store, args.clients, args.requests, args.max_seconds, Path(tmp)) and ok
    finally:
        if cluster:
            cluster.stop()
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
