"""Load on the explorer: N clients x M requests over loopback against `parley serve` on a store of
synthetic articles (bench/web.py's generator), quiet and while another process writes articles.

    .venv/bin/python bench/load.py [--clients 20] [--requests 2000] [--articles 10000]
    .venv/bin/python bench/load.py --quick      # 300 articles, 4 clients x 25 requests

Every request goes to 127.0.0.1 only, the loops are bounded in count and in time (--max-seconds per
phase), and the server is stopped at the end. Prints per phase: requests, errors, p50 and p99 of all
requests, and the slowest endpoint's p99.
"""

from __future__ import annotations

import argparse
import http.client
import importlib.util
import random
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
URLS = ["/", "/?q=talks", "/api/articles?limit=20", "/api/articles?q=minister", "/api/events?limit=50",
        "/api/quotes?limit=20", "/api/actors?limit=50", "/api/timeline", "/timeline", "/network",
        "/api/network", "/actors", "/api/quotes?q=%00"]


def web_bench():
    spec = importlib.util.spec_from_file_location("bench_web", HERE / "web.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_up(port: int, seconds: float = 120) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            conn = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
            conn.request("GET", "/api/articles?limit=1")
            conn.getresponse().read()
            return
        except OSError:
            time.sleep(0.3)
    raise SystemExit("the server did not come up")


def client(port: int, count: int, deadline: float, seed: int, out: list) -> None:
    rng = random.Random(seed)
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
    for _ in range(count):
        if time.monotonic() > deadline:
            break
        url = rng.choice(URLS)
        start = time.perf_counter()
        try:
            conn.request("GET", url)
            response = conn.getresponse()
            response.read()
            ok = response.status < 500
        except (OSError, http.client.HTTPException):
            ok = False
            conn.close()
            conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
        out.append((url, (time.perf_counter() - start) * 1000, ok))
    conn.close()


def phase(port: int, clients: int, requests: int, max_seconds: float) -> list:
    results: list = []
    deadline = time.monotonic() + max_seconds
    threads = [threading.Thread(target=client, args=(port, requests, deadline, n, results)) for n in range(clients)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return results


def report(name: str, results: list) -> None:
    if not results:
        print(f"{name}: no requests")
        return
    times = sorted(ms for _, ms, _ in results)
    errors = sum(1 for *_, ok in results if not ok)
    by_url: dict[str, list[float]] = {}
    for url, ms, _ in results:
        by_url.setdefault(url, []).append(ms)
    worst = max(by_url, key=lambda u: percentile(sorted(by_url[u]), 99))
    print(f"{name}: {len(results)} requests, {errors} errors, p50 {percentile(times, 50):.0f} ms, "
          f"p99 {percentile(times, 99):.0f} ms; slowest endpoint {worst} p99 "
          f"{percentile(sorted(by_url[worst]), 99):.0f} ms (median {statistics.median(by_url[worst]):.0f} ms)")
    for url in sorted(by_url, key=lambda u: -percentile(sorted(by_url[u]), 99)):
        ms = sorted(by_url[url])
        print(f"  {url:28s} {len(ms):6d} requests  p50 {percentile(ms, 50):6.0f} ms  p99 {percentile(ms, 99):6.0f} ms")


def percentile(sorted_values: list[float], p: float) -> float:
    return sorted_values[min(len(sorted_values) - 1, int(len(sorted_values) * p / 100))]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--clients", type=int, default=20)
    parser.add_argument("--requests", type=int, default=2000, help="per client and phase")
    parser.add_argument("--articles", type=int, default=10_000)
    parser.add_argument("--max-seconds", type=float, default=900, help="per phase")
    parser.add_argument("--quick", action="store_true")
    args = parser.parse_args()
    if args.quick:
        args.clients, args.requests, args.articles, args.max_seconds = 4, 25, 300, 60
    web = web_bench()
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "load.db"
        web.build(db, args.articles)
        port = free_port()
        server = subprocess.Popen([sys.executable, "-m", "parley", "serve", "--db", str(db), "--port", str(port)],
                                  stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        try:
            wait_up(port)
            report("quiet", phase(port, args.clients, args.requests, args.max_seconds))
            writer = subprocess.Popen([sys.executable, __file__, "--write", str(db), str(args.articles),
                                       str(args.max_seconds)])
            try:
                report("while writing", phase(port, args.clients, args.requests, args.max_seconds))
            finally:
                writer.kill()
                writer.wait()
        finally:
            server.terminate()
            server.wait(timeout=30)
    return 0


def write(db: str, start: int, seconds: float) -> None:
    """Add synthetic articles one transaction each, as an ingest does, until killed or `seconds`."""
    from parley.store import open_store

    web = web_bench()
    rng = random.Random(start)
    actors = web.make_actors(rng)
    deadline = time.monotonic() + seconds
    with open_store(db) as store:
        n = start
        while time.monotonic() < deadline:
            store.add(web.make_article(n, rng, actors))
            n += 1


if __name__ == "__main__":
    if len(sys.argv) > 1 and sys.argv[1] == "--write":
        write(sys.argv[2], int(sys.argv[3]) + 1_000_000, float(sys.argv[4]))
        sys.exit(0)
    sys.exit(main())
