"""Ingest: files, folders, stdin and crawl archives -> Documents (id = content hash).

Problems with one input are yielded inline as InputError and never stop the batch.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO

from ..errors import InputError
from ..ids import content_id
from ..options import Options
from ..records import Document
from .address import split_address
from .jsonl import read_jsonl, repeated_lines
from .sniff import KNOWN_SUFFIXES, decode, format_of, is_binary, open_stream, peek, read_limited
from .warc import read_warc

__all__ = ["count_inputs", "read_inputs", "read_stream"]


def read_inputs(paths: list[str], options: Options) -> Iterator[Document | InputError]:
    """Every document in the given paths (folders recursively, '-' for stdin); errors inline."""
    for p in paths:
        if p == "-":
            yield from read_stream(sys.stdin.buffer, "<stdin>", options)
            continue
        path = Path(p)
        if path.is_dir():
            for f in _walk(path):
                yield from _read_file(f, options)
        elif path.is_file() and not _article_suffix(path):
            yield InputError("E010", path=p, suffix="".join(path.suffixes[-2:]))
        elif path.is_file():
            yield from _read_file(path, options)
        else:
            yield InputError("E001", path=p)


def _article_suffix(path: Path) -> bool:
    """A name an article file may have: a known suffix, or none at all (the content says then).
    Anything else named on the command line (README.md, data.csv, photo.jpg) is refused, not guessed."""
    name = path.name.lower().removesuffix(".gz")
    return name.endswith(KNOWN_SUFFIXES) or "." not in name.lstrip(".")


def _walk(folder: Path) -> Iterator[Path]:
    """Files under a folder in sorted order; hidden files and unknown suffixes are not articles."""
    for f in sorted(folder.rglob("*")):
        rel = f.relative_to(folder)
        if any(part.startswith(".") for part in rel.parts) or not f.is_file():
            continue
        name = f.name.lower().removesuffix(".gz")
        if name.endswith(KNOWN_SUFFIXES):
            yield f


def count_inputs(paths: list[str]) -> int | None:
    """How many documents the paths hold, cheaply, before any is read (for a progress total): one
    per file, one per line of a JSON-lines file, one per record of a WARC (records are counted by
    their headers). None when stdin is among the inputs, or the archives are too big to count
    in a moment."""
    total = 0
    for p in paths:
        if p == "-":
            return None
        path = Path(p)
        files = _walk(path) if path.is_dir() else [path] if path.is_file() else []
        for f in files:
            n = _documents_in(f)
            if n is None:
                return None
            total += n
    return total


# archives bigger than this are not counted: reading them twice would delay the first article
# by seconds (a gzipped archive decompresses at roughly 100 MB/s)
COUNT_BYTES_LIMIT = 50_000_000


def _documents_in(path: Path) -> int | None:
    name = path.name.lower().removesuffix(".gz")
    if not name.endswith((".jsonl", ".ndjson", ".warc", ".arc")):
        return 1
    try:
        if path.stat().st_size > COUNT_BYTES_LIMIT:
            return None
        with path.open("rb") as raw:
            stream = open_stream(raw)
            if name.endswith((".jsonl", ".ndjson")):
                return sum(1 for line in stream if line.strip())
            return sum(1 for line in stream if line.startswith(b"WARC-Type: response"))
    except (OSError, EOFError):
        return 1  # the reader reports what is wrong with it


def _read_file(path: Path, options: Options) -> Iterator[Document | InputError]:
    where = str(path)
    try:
        size = path.stat().st_size
        if size == 0:
            yield InputError("E002", path=where)
            return
        with path.open("rb") as raw:
            yield from read_stream(raw, where, options)
    except FileNotFoundError:
        yield InputError("E001", path=where)
    except OSError as exc:
        yield InputError("E012", path=where, detail=exc.strerror or str(exc))


def read_stream(raw: BinaryIO, where: str, options: Options) -> Iterator[Document | InputError]:
    """Documents from one byte stream (a file or stdin), its format named by suffix or sniffed."""
    try:
        stream = open_stream(raw)
        head = peek(stream)
    except (EOFError, OSError):
        yield InputError("E005", path=where)
        return
    if not head.strip():
        yield InputError("E002", path=where)
        return
    kind = format_of(where, head)
    if kind == "warc":
        yield from read_warc(stream, where, options.max_file_bytes)
        return
    if kind == "jsonl":
        yield from read_jsonl(stream, where, options.max_file_bytes, _chrome_of(raw))
        return
    try:
        data = read_limited(stream, options.max_file_bytes, where)
        if is_binary(data):
            raise InputError("E003", path=where)
        text, warnings = decode(data, where, html=kind == "html")
    except InputError as exc:
        yield exc
        return
    if not text.strip():
        yield InputError("E002", path=where)
        return
    url, content = split_address(text) if kind == "text" else (None, text)
    yield Document(content_id(text), where, kind, content, url=url, warnings=warnings)


def _chrome_of(raw: BinaryIO) -> dict[str, frozenset[str]]:
    """Lines a JSONL file's records repeat, from a first pass over the file (none for stdin)."""
    name = getattr(raw, "name", None)
    if not isinstance(name, str) or not Path(name).is_file():
        return {}
    with open(name, "rb") as again:
        return repeated_lines(open_stream(again))

