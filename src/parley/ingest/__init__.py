"""Ingest: files, folders, stdin and crawl archives -> Documents (id = content hash).

Problems with one input are yielded inline as InputError and never stop the batch.
"""

from __future__ import annotations

import os
import stat
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import BinaryIO

from ..errors import InputError
from ..ids import content_id
from ..options import Options
from ..records import Document
from .address import split_address
from .jsonl import read_jsonl, repeated_lines
from .limits import cap_tags, one_line
from .sniff import KNOWN_SUFFIXES, decode, format_of, is_binary, open_stream, peek, read_limited, was_truncated
from .warc import read_warc

__all__ = ["count_inputs", "display_name", "read_inputs", "read_stream"]


def read_inputs(paths: list[str], options: Options) -> Iterator[Document | InputError]:
    """Every document in the given paths (folders recursively, '-' for stdin); errors inline.

    Each input is read under a guard: whatever goes wrong in it (a bug, a recursion, a failing disk)
    ends that input with one named line, and the next input is read."""
    for p in paths:
        if p == "-":
            yield from _guarded(lambda: read_stream(sys.stdin.buffer, "<stdin>", options), "<stdin>")
            continue
        path = Path(p)
        where = display_name(p)
        try:
            info = path.stat()
        except FileNotFoundError:
            yield InputError("E001", path=where) if not path.is_symlink() else InputError(
                "E012", path=where, detail="broken symbolic link")
            continue
        except OSError as exc:
            yield InputError("E012", path=where, detail=exc.strerror or str(exc))
            continue
        if stat.S_ISDIR(info.st_mode):
            for found in _walk(path, where):
                if isinstance(found, InputError):
                    yield found
                else:
                    yield from _read_file(found, options)
        elif stat.S_ISREG(info.st_mode) and not _article_suffix(path):
            yield InputError("E010", path=where, suffix="".join(path.suffixes[-2:]))
        elif stat.S_ISREG(info.st_mode) or stat.S_ISFIFO(info.st_mode) or stat.S_ISCHR(info.st_mode):
            # named on the command line: a pipe (`<(zcat x.gz)`) or a device is read like stdin
            yield from _read_file(path, options, regular=stat.S_ISREG(info.st_mode))
        else:
            yield InputError("E013", path=where, kind=_kind(info.st_mode))


def _article_suffix(path: Path) -> bool:
    """A name an article file may have: a known suffix, or none at all (the content says then).
    Anything else named on the command line (README.md, data.csv, photo.jpg) is refused, not guessed."""
    name = path.name.lower().removesuffix(".gz")
    return name.endswith(KNOWN_SUFFIXES) or "." not in name.lstrip(".")


def display_name(path: str | Path) -> str:
    """A path as one printable line: bytes that are not UTF-8 shown as U+FFFD, control characters
    (a newline in a file name) escaped. Used wherever a path is shown or stored."""
    text = os.fsencode(str(path)).decode("utf-8", errors="replace")
    return one_line(text)


def _walk(folder: Path, shown: str) -> Iterator[Path | InputError]:
    """Files under a folder, depth first with names sorted at each level; hidden files and unknown
    suffixes are not articles. What cannot be read (a folder without permission, a broken link, a
    pipe or device) is one line each, not a silent skip; linked folders are followed once."""
    seen: set[tuple[int, int]] = set()

    def walk(here: Path, shown_here: str) -> Iterator[Path | InputError]:
        try:
            info = here.stat()
            if (info.st_dev, info.st_ino) in seen:
                return
            seen.add((info.st_dev, info.st_ino))
            with os.scandir(here) as entries:
                names = sorted(entries, key=lambda e: e.name)
        except OSError as exc:
            yield InputError("E012", path=shown_here, detail=exc.strerror or str(exc))
            return
        for entry in names:
            if entry.name.startswith("."):
                continue
            path = Path(entry.path)
            shown_entry = display_name(entry.path)
            try:
                info = path.stat()
            except FileNotFoundError:
                yield InputError("E012", path=shown_entry, detail="broken symbolic link")
                continue
            except OSError as exc:
                yield InputError("E012", path=shown_entry, detail=exc.strerror or str(exc))
                continue
            if stat.S_ISDIR(info.st_mode):
                yield from walk(path, shown_entry)
            elif not stat.S_ISREG(info.st_mode):
                yield InputError("E013", path=shown_entry, kind=_kind(info.st_mode))
            elif entry.name.lower().removesuffix(".gz").endswith(KNOWN_SUFFIXES):
                yield path

    yield from walk(folder, shown)


def _kind(mode: int) -> str:
    for test, name in ((stat.S_ISFIFO, "a named pipe"), (stat.S_ISCHR, "a character device"),
                       (stat.S_ISBLK, "a block device"), (stat.S_ISSOCK, "a socket")):
        if test(mode):
            return name
    return "not a regular file"


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
        files = _walk(path, p) if path.is_dir() else [path] if path.is_file() else []
        for f in files:
            n = 0 if isinstance(f, InputError) else _documents_in(f)
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


def _read_file(path: Path, options: Options, regular: bool = True) -> Iterator[Document | InputError]:
    where = display_name(path)
    try:
        if regular and path.stat().st_size == 0:
            yield InputError("E002", path=where)
            return
        with path.open("rb") as raw:
            yield from _guarded(lambda: read_stream(raw, where, options), where)
    except FileNotFoundError:
        yield InputError("E001", path=where)
    except OSError as exc:
        yield InputError("E012", path=where, detail=exc.strerror or str(exc))


def _guarded(reader: Callable[[], Iterator[Document | InputError]], where: str) -> Iterator[Document | InputError]:
    """The items of one input; an exception escaping its reader becomes that input's last line."""
    try:
        yield from reader()
    except OSError:
        raise  # the caller names the OS error
    except RecursionError:
        yield InputError("E012", path=where, detail="nested too deeply")
    except Exception as exc:  # noqa: BLE001 - a reader bug costs this input, not the batch
        yield InputError("E012", path=where, detail=one_line(f"{type(exc).__name__}: {exc}")[:200])


def read_stream(raw: BinaryIO, where: str, options: Options) -> Iterator[Document | InputError]:
    """Documents from one byte stream (a file or stdin), its format named by suffix or sniffed."""
    try:
        stream = open_stream(raw)
        head = peek(stream)
    except (EOFError, OSError):
        yield InputError("E005", path=where)
        return
    if not head and was_truncated(stream):
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
        yield from read_jsonl(stream, where, options.max_file_bytes, _chrome_of(raw, options.max_file_bytes))
        return
    try:
        data = read_limited(stream, options.max_file_bytes, where)
        if is_binary(data):
            raise InputError("E003", path=where)
        text, warnings = decode(data, where, html=kind == "html")
        if kind == "html":
            text, cut = cap_tags(text)
            if cut:
                warnings.append(f"{cut} oversized tag(s) cut")
    except InputError as exc:
        yield exc
        return
    if not text.strip():
        yield InputError("E002", path=where)
        return
    url, content = split_address(text) if kind == "text" else (None, text)
    yield Document(content_id(text), where, kind, content, url=url, warnings=warnings)


def _chrome_of(raw: BinaryIO, max_line_bytes: int) -> dict[str, frozenset[str]]:
    """Lines a JSONL file's records repeat, from a first pass over the file (none for stdin or a pipe)."""
    name = getattr(raw, "name", None)
    if not isinstance(name, str) or not Path(name).is_file():
        return {}
    with open(name, "rb") as again:
        return repeated_lines(open_stream(again), max_line_bytes)

