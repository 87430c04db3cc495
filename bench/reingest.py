"""Re-ingest speed: files/s when every input is already in the store (target >= 1,000 files/s).

Writes N small articles of its own to a temporary folder, ingests them once, then times a second
`parley ingest` of the same folder through the same function the CLI calls. Usage:

    .venv/bin/python bench/reingest.py [--files 3000] [--quick]

--quick: 200 files (a check that it runs).
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

TEMPLATE = """The Example Courier

World

Delegations from {a} and {b} meet for round {n} of border talks

By Staff Reporter

Published: March {day}, 2024

Negotiators from {a} and {b} met on Tuesday for the {n}th round of talks on their shared border, officials said.

"We made progress on the maps, but not yet on the crossings," the chief negotiator told reporters after the session.

The two sides agreed to meet again next month.
"""

COUNTRIES = ["Chile", "Peru", "Ghana", "Togo", "Laos", "Nepal", "Oman", "Yemen", "Fiji", "Samoa"]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--files", type=int, default=3000)
    parser.add_argument("--quick", action="store_true", help="200 files: a check that it runs")
    args = parser.parse_args()
    if args.quick:
        args.files = 200

    from parley.api import ingest
    from parley.options import Options
    from parley.store import open_store

    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "corpus"
        folder.mkdir()
        for n in range(args.files):
            a, b = COUNTRIES[n % 10], COUNTRIES[(n // 10) % 10]
            (folder / f"{n:06d}.txt").write_text(TEMPLATE.format(a=a, b=b, n=n, day=1 + n % 28))
        options = Options(db=str(Path(tmp) / "bench.db"), nlp=False)
        with open_store(options.db) as store:
            started = time.perf_counter()
            first = ingest([str(folder)], options, store)
            first_s = time.perf_counter() - started
            started = time.perf_counter()
            again = ingest([str(folder)], options, store)
            again_s = time.perf_counter() - started
    print(f"first ingest (no NLP): {first.stored} stored in {first_s:.1f} s = {args.files / first_s:,.0f} files/s")
    print(f"re-ingest: {again.known} already stored, {again.stored} new, in {again_s:.2f} s"
          f" = {args.files / again_s:,.0f} files/s (target >= 1,000)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
