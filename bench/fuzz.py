"""Fuzz campaign: hostile inputs (random and structured) mixed with valid articles, ingested batch by
batch by the real `parley ingest`; nothing hostile may stop a batch or lose a valid article.

Each batch is a folder of inputs, written by this script: valid articles (text, HTML, JSONL, WARC,
some with a stray invalid byte) and hostile ones (deep JSON, lone surrogates, gzip bombs, overlong
lines after decompression, 200,000-attribute tags, endless bylines and author lists, damaged WARC
and gzip, odd file names, pipes, broken links, random bytes and mutations of valid inputs).
Per batch it checks:
  crash   the process exited other than 0/1, or printed a traceback or a line that is not one
          named problem (`parley: PATH: reason [Ennn]`) or a warning
  hang    the batch ran past its time limit (it is killed)
  lost    a valid article not in the store afterwards
and counts the clean error lines. Prints: tried / clean errors / crashes / hangs / articles lost.

    .venv/bin/python bench/fuzz.py --minutes 10 [--seed N] [--no-nlp]
    .venv/bin/python bench/fuzz.py --quick          # one small batch, NLP off, seconds
"""

from __future__ import annotations

import argparse
import gzip
import io
import json
import os
import random
import re
import sqlite3
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

COUNTRIES = ["Chile", "Peru", "Ghana", "Togo", "Laos", "Nepal", "Oman", "Yemen", "Fiji", "Samoa", "Kenya",
             "Norway", "Japan", "Brazil", "Egypt", "Poland", "Canada", "Vietnam", "Mexico", "Turkey"]
CITIES = ["Geneva", "Vienna", "Nairobi", "Doha", "Oslo", "Lima", "Hanoi", "Cairo", "Warsaw", "Ottawa"]
SURNAMES = ["Okafor", "Lindqvist", "Moreau", "Tanaka", "Haddad", "Novak", "Silva", "Kowalski", "Nguyen", "Ortiz"]
VERBS = ["met", "held talks with", "signed a trade accord with", "accused", "criticised", "hosted"]
# what stderr may hold: problems and warnings (one line each), progress lines, the summary
ONE_LINE = re.compile(r"^parley: (warning: .+|.+ \[E\d{3}\]|\d+ new article\(s\), .*|ingest \d+(/\d+)?\b.*)$")
BATCH_SECONDS = 600  # a batch still running after this is a hang (the watchdog gives up at 20 s/article)


# ---- valid articles (sentences written for this script) -------------------------------------------


def story(rng: random.Random) -> tuple[str, str]:
    """A headline and a short news story, different every time (names, numbers, places)."""
    a, b = rng.sample(COUNTRIES, 2)
    city = rng.choice(CITIES)
    person = f"{rng.choice(['Ana', 'Jonas', 'Mei', 'Tariq', 'Elena', 'Kofi'])} {rng.choice(SURNAMES)}"
    n = rng.randint(2, 999)
    verb = rng.choice(VERBS)
    headline = f"{a} {verb} {b} in {city} after round {n}"
    body = (f"{city.upper()} - Foreign Minister {person} of {a} {verb} officials from {b} in {city} on Monday, "
            f"the {n}th meeting this year, the ministry said.\n\n"
            f"\"We discussed the border and {rng.randint(3, 90)} other points,\" {person} told reporters after "
            f"the talks, which lasted {rng.randint(2, 9)} hours.\n\n"
            f"{b} said it would send a delegation of {rng.randint(4, 60)} to {a} next month. Diplomats from "
            f"{rng.choice(COUNTRIES)} attended as observers, and the two sides agreed to meet again in "
            f"{rng.choice(CITIES)} in {rng.choice(['March', 'April', 'June', 'October'])}.")
    return headline, body


def page(headline: str, body: str) -> str:
    paragraphs = "".join(f"<p>{p}</p>" for p in body.split("\n\n"))
    return (f"<!DOCTYPE html><html><head><title>{headline}</title></head><body><nav>Home | World</nav>"
            f"<article><h1>{headline}</h1>{paragraphs}</article><footer>Contact us</footer></body></html>")


def warc(records: list[tuple[str, bytes]], compress: bool = False) -> bytes:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    out = io.BytesIO()
    writer = WARCWriter(out, gzip=compress)
    for uri, payload in records:
        headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1")
        writer.write_record(writer.create_warc_record(uri, "response", payload=io.BytesIO(payload),
                                                      http_headers=headers))
    return out.getvalue()


def valid(rng: random.Random, n: int) -> tuple[str, bytes, int]:
    """(file name, bytes, articles in it) of one valid input of a random kind."""
    headline, body = story(rng)
    kind = rng.choice(["txt", "html", "jsonl", "warc", "txtgz", "stray"])
    if kind == "txt":
        return f"valid{n}.txt", f"{headline}\n\n{body}\n".encode(), 1
    if kind == "stray":  # a UTF-8 article (curly quotes) with one invalid byte: kept, with a warning
        text = f"{headline}\n\n{body.replace(chr(34), '”')}\n".encode()
        at = rng.randrange(len(text) // 2, len(text))
        return f"valid{n}_stray.txt", text[:at] + b"\xff" + text[at:], 1
    if kind == "txtgz":
        return f"valid{n}.txt.gz", gzip.compress(f"{headline}\n\n{body}\n".encode()), 1
    if kind == "html":
        return f"valid{n}.html", page(headline, body).encode(), 1
    if kind == "jsonl":
        lines = []
        for _ in range(3):
            h, b = story(rng)
            lines.append(json.dumps({"title": h, "text": b, "date_publish": "2024-03-04", "authors": ["A. Writer"]}))
        return f"valid{n}.jsonl", ("\n".join(lines) + "\n").encode(), 3
    return f"valid{n}.warc", warc([(f"https://example.org/{n}", page(headline, body).encode())]), 1


# ---- hostile inputs -------------------------------------------------------------------------------


def hostile(rng: random.Random, n: int, good: bytes) -> list[tuple[str | bytes, bytes | str]]:
    """One hostile input (or a few files for one case): (name, bytes); name may be bytes (not UTF-8);
    bytes 'FIFO'/'DANGLING' make a pipe or a broken link."""
    h, b = story(rng)
    case = rng.randrange(35)
    line = json.dumps({"title": h, "text": b})
    if case == 0:
        return [(f"h{n}_deep.jsonl", (b"[" * rng.choice([1000, 100_000])) + b"\n" + line.encode() + b"\n")]
    if case == 1:
        return [(f"h{n}_surrogate.jsonl", json.dumps({"title": "x\ud800", "text": b + "\udfff"}).encode() + b"\n")]
    if case == 2:
        return [(f"h{n}_bomb.txt.gz", gzip.compress(b"A" * rng.choice([30_000_000, 60_000_000]), 9))]
    if case == 3:
        return [(f"h{n}_longline.jsonl.gz", gzip.compress(b'{"text": "' + b"x" * 40_000_000 + b'"}\n'
                                                          + line.encode() + b"\n", 9))]
    if case == 4:
        attrs = " ".join(f'a{i}="x"' for i in range(200_000))
        return [(f"h{n}_attrs.html", f"<html><body><p {attrs}>{b}</p></body></html>".encode())]
    if case == 5:
        authors = [f"Writer Number{i}" for i in range(rng.choice([20_000, 100_000]))]
        return [(f"h{n}_authors.jsonl", json.dumps({"title": h, "text": b, "authors": authors}).encode() + b"\n")]
    if case == 6:
        byline = "By " + ", ".join(f"Name{i} Surname" for i in range(rng.choice([8000, 40_000])))
        return [(f"h{n}_byline.txt", f"{h}\n\n{byline}\n\n{b}\n".encode())]
    if case == 7:
        return [(f"h{n}_random.txt", rng.randbytes(rng.randint(1, 200_000)))]
    if case == 8:
        return [(f"h{n}_mutated{Path(str(n)).suffix}.txt", mutate(rng, good))]
    if case == 9:
        data = gzip.compress(good)
        return [(f"h{n}_cut.txt.gz", data[: rng.randint(0, len(data) - 1)])]
    if case == 10:
        first = warc([("https://example.org/a", page(h, b).encode())], compress=True)
        second = warc([("https://example.org/b", page(*story(rng)).encode())], compress=True)
        return [(f"h{n}_cut.warc.gz", first + second[: len(second) // 2])]
    if case == 11:
        bad = b"WARC/1.0\r\nWARC-Type: response\r\nContent-Length: zz\r\n\r\ngarbage\r\n\r\n"
        return [(f"h{n}_badrecord.warc", bad + warc([("https://example.org/c", page(h, b).encode())]))]
    if case == 12:
        return [(f"h{n}_bad\xff\xfename.txt".encode("latin-1"), good)]
    if case == 13:
        return [(f"h{n}_new\nline.txt", good)]
    if case == 14:
        return [(f"h{n}_pipe.txt", "FIFO")]
    if case == 15:
        return [(f"h{n}_dangling.txt", "DANGLING")]
    if case == 16:
        return [(f"h{n}_empty.txt", b"")]
    if case == 17:
        return [(f"h{n}_nul.txt", good.replace(b" ", b"\x00", 5))]
    if case == 18:
        return [(f"h{n}_utf16.txt", f"{h}\n\n{b}\n".encode("utf-16-le"))]
    if case == 19:
        return [(f"h{n}_nested.html", ("<div>" * rng.choice([5000, 50_000]) + f"<p>{b}</p>").encode())]
    if case == 20:
        return [(f"h{n}_quotes.txt", (h + "\n\n" + '"' * 50_000 + b + "“" * 20_000).encode())]
    if case == 21:
        return [(f"h{n}_parens.txt", (h + "\n\n" + "(" * 30_000 + b + ")" * 30_000).encode())]
    if case == 22:
        caps = " ".join(rng.choice(["President", "Minister", "Kim", "Jong", "Un", "Of", "The"]) for _ in range(20_000))
        return [(f"h{n}_caps.txt", f"{h}\n\n{caps}. {b}\n".encode())]
    if case == 23:
        return [(f"h{n}_oneword.txt", (h + "\n\n" + "x" * 1_000_000 + " " + b).encode())]
    if case == 24:
        return [(f"h{n}_lines.txt", (h + "\n\n" + "\n".join(["Ministers met."] * 100_000)).encode())]
    if case == 25:
        controls = "".join(chr(c) for c in range(1, 32)) + "\u202e\u200f\ufeff"
        return [(f"h{n}_controls.jsonl", json.dumps({"title": controls + h, "text": controls + b}).encode() + b"\n")]
    if case == 26:
        return [(f"h{n}_types.jsonl", b"\n".join(json.dumps(x).encode() for x in (
            [], 1, None, "text", {"text": 5}, {"text": ["a"]}, {"text": b, "title": {"a": 1}, "authors": {"x": [1]}},
            {"text": b, "date_publish": "99999-99-99", "url": 7}, {"text": b, "date": "0000-00-00T99:99"})) + b"\n")]
    if case == 27:
        return [(f"h{n}_dates.jsonl", json.dumps({"title": h, "text": b, "date_publish": rng.choice(
            ["1e309", "-1", "9" * 400, "2024-02-30", "T" * 10_000, "\x00", "1/1/1/1/1/1"])}).encode() + b"\n")]
    if case == 28:
        return [(f"h{n}_ctrlbytes.txt", bytes(rng.choice(range(1, 32)) for _ in range(5000)) + good)]
    if case == 29:
        return [(f"h{n}_bigpara.txt", (h + "\n\n" + (b + " ") * 3000).encode())]
    if case == 30:
        return [(f"h{n}_warcgarbage.warc", b"WARC/1.0\r\n" + rng.randbytes(rng.randint(10, 50_000)))]
    if case == 31:
        return [(f"h{n}_notgz.txt.gz", b"\x1f\x8b" + rng.randbytes(rng.randint(0, 5000)))]
    if case == 32:
        return [(f"h{n}_meta.html", (f"<html><head><meta charset='x-unknown-{n}'>" + "<meta name='author' content='"
                                     + "A, " * 30_000 + "'></head><body><p>" + b + "</p></body></html>").encode())]
    if case == 33:
        ld = json.dumps({"@type": "NewsArticle", "headline": h,
                         "author": [{"@type": "Person", "name": f"Name{i} Surname"} for i in range(20_000)]})
        return [(f"h{n}_ldauthors.html", (f"<html><head><script type='application/ld+json'>{ld}</script></head>"
                                          f"<body><article><p>{b}</p></article></body></html>").encode())]
    return [(f"h{n}_crlf.txt", (h + "\r\r\r" + b.replace("\n", "\r")).encode())]


def mutate(rng: random.Random, data: bytes) -> bytes:
    data = bytearray(data)
    for _ in range(rng.randint(1, 30)):
        op = rng.randrange(4)
        at = rng.randrange(len(data) + 1)
        if op == 0 and data:
            data[min(at, len(data) - 1)] = rng.randrange(256)
        elif op == 1:
            data[at:at] = rng.choice([b"\x00", b"\xff\xfe", b"<", b'"', b"\xed\xa0\x80", b"\\u", b"By ", b"\r"])
        elif op == 2:
            del data[at:at + rng.randint(1, 50)]
        else:
            data[at:at] = data[max(0, at - 200):at] * rng.randint(1, 20)
    return bytes(data)


# ---- one batch ------------------------------------------------------------------------------------


@dataclass
class Tally:
    tried: int = 0
    valid: int = 0
    errors: int = 0
    warnings: int = 0
    crashes: list = field(default_factory=list)
    hangs: int = 0
    lost: list = field(default_factory=list)
    batches: int = 0
    max_rss_mb: float = 0.0


def write_batch(folder: Path, rng: random.Random, hostile_count: int, valid_count: int) -> dict[str, int]:
    """The inputs of one batch in `folder`; returns the valid files and their article counts."""
    folder.mkdir(parents=True)
    expected = {}
    for n in range(valid_count):
        name, data, count = valid(rng, n)
        (folder / name).write_bytes(data)
        expected[name] = count
    # what hostile cases copy or mutate: a story of their own, so a copy of a valid file read first
    # (as 'already stored') cannot hide that file's loss
    headline, body = story(rng)
    good = f"{headline}\n\n{body}\n".encode()
    for n in range(hostile_count):
        for name, data in hostile(rng, n, good):
            path = os.path.join(os.fsencode(folder), name if isinstance(name, bytes) else os.fsencode(name))
            if data == "FIFO":
                os.mkfifo(path)
            elif data == "DANGLING":
                os.symlink(os.fsencode(folder) + b"/no-such-file", path)
            else:
                with open(path, "wb") as f:
                    f.write(data)
    return expected


def run_batch(folder: Path, db: Path, config: Path, nlp: bool, tally: Tally, hostile_count: int) -> None:
    command = [sys.executable, "-m", "parley", "ingest", str(folder), "--db", str(db), "--config", str(config)]
    if not nlp:
        command.append("--no-nlp")
    with open(folder.with_suffix(".err"), "wb") as err:
        proc = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=err)
    start = time.monotonic()
    hung = False
    while True:
        pid, status, usage = os.wait4(proc.pid, os.WNOHANG)  # wait4: the child's peak memory too
        if pid:
            break
        if time.monotonic() - start > BATCH_SECONDS:
            proc.kill()
            _, status, usage = os.wait4(proc.pid, 0)
            hung = True
            break
        time.sleep(0.1)
    code = proc.returncode = os.waitstatus_to_exitcode(status)
    tally.max_rss_mb = max(tally.max_rss_mb, usage.ru_maxrss / 1024)
    lines = folder.with_suffix(".err").read_text(encoding="utf-8", errors="replace").splitlines()
    tally.batches += 1
    tally.tried += hostile_count
    if hung:
        tally.hangs += 1
        return
    bad = [line for line in lines if not ONE_LINE.match(line)]
    if code not in (0, 1) or bad:
        tally.crashes.append((str(folder), code, (bad or lines[-1:])[:3]))
    tally.errors += sum(1 for line in lines if line.endswith("]") and not line.startswith("parley: warning"))
    tally.warnings += sum(1 for line in lines if line.startswith("parley: warning"))


def check_lost(folder: Path, db: Path, expected: dict[str, int], tally: Tally) -> None:
    tally.valid += sum(expected.values())
    try:
        con = sqlite3.connect(db)
        sources = [r[0] for r in con.execute("SELECT source FROM articles")]
        con.close()
    except sqlite3.Error:
        sources = []
    for name, count in expected.items():
        found = sum(1 for s in sources if s == str(folder / name) or s.startswith(f"{folder / name}#"))
        if found < count:
            tally.lost.append(f"{folder / name}: {found} of {count}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--minutes", type=float, default=10.0)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--hostile", type=int, default=40, help="hostile inputs per batch")
    parser.add_argument("--valid", type=int, default=10, help="valid inputs per batch")
    parser.add_argument("--no-nlp", action="store_true")
    parser.add_argument("--keep", help="keep the batches in this folder (else a temporary one)")
    parser.add_argument("--quick", action="store_true", help="one batch of 30 hostile + 8 valid inputs, NLP off")
    args = parser.parse_args()
    if args.quick:
        args.minutes, args.hostile, args.valid, args.no_nlp = 0, 30, 8, True
    rng = random.Random(args.seed)
    tally = Tally()
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(args.keep) if args.keep else Path(tmp)
        work.mkdir(parents=True, exist_ok=True)
        config = work / "fuzz.toml"
        config.write_text("article_seconds = 20\n")
        deadline = time.monotonic() + args.minutes * 60
        batch = 0
        while batch == 0 or time.monotonic() < deadline:
            folder = work / f"batch{batch:04d}"
            expected = write_batch(folder, rng, args.hostile, args.valid)
            db = work / f"batch{batch:04d}.db"
            run_batch(folder, db, config, not args.no_nlp, tally, args.hostile)
            check_lost(folder, db, expected, tally)
            batch += 1
            if not args.quick:
                print(f"batch {batch} at {time.strftime('%H:%M:%S')}: tried {tally.tried}, crashes {len(tally.crashes)}, hangs {tally.hangs}, "
                      f"lost {len(tally.lost)}", flush=True)
    print(f"tried {tally.tried} hostile inputs with {tally.valid} valid articles in {tally.batches} batch(es); "
          f"clean errors {tally.errors}, warnings {tally.warnings}; crashes {len(tally.crashes)}, "
          f"hangs {tally.hangs}, articles lost {len(tally.lost)}; peak memory {tally.max_rss_mb:.0f} MB")
    for folder, code, lines in tally.crashes[:10]:
        print(f"  crash in {folder}: exit {code}: {lines}")
    for lost in tally.lost[:10]:
        print(f"  lost: {lost}")
    return 1 if tally.crashes or tally.hangs or tally.lost else 0


if __name__ == "__main__":
    sys.exit(main())
