"""WARC archives via warcio: HTML response records become Documents, one record at a time.

The records are framed here (header block, Content-Length, payload) and each is parsed by warcio on
its own, so a damaged record costs only itself: the reader finds the next line that starts a record
and goes on, and a truncated archive keeps every record that was complete before the damage.
warcio's own messages (multi-line, with raw bytes of the archive) never reach the terminal: they
become one line naming the archive.
"""

from __future__ import annotations

import contextlib
import io
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import BinaryIO

from ..errors import InputError
from ..ids import content_id
from ..records import Document
from .limits import READ_CHUNK, cap_tags, one_line
from .sniff import decode, is_binary, was_truncated

HTML_TYPES = ("text/html", "application/xhtml+xml")
MAX_HEADER_LINE = 64 * 1024  # a WARC or HTTP header line; longer is damage, not a header
MAX_HEADER_LINES = 1000
_RECORD_START = re.compile(rb"^WARC/\d+\.\d+\r?\n$")
_LENGTH = re.compile(rb"^content-length\s*:\s*(\d{1,15})\s*$", re.I)


@dataclass
class _Tally:
    usable: int = 0
    skipped: int = 0
    damaged: list[str] = field(default_factory=list)  # what went wrong, per damaged record
    noise: int = 0  # messages warcio tried to print


def read_warc(stream: BinaryIO, path: str, max_record_bytes: int) -> Iterator[Document | InputError]:
    """Documents for HTML responses; other records are skipped. E008 when nothing usable is found,
    and one E008 line for the damaged records of an archive whose good records were read."""
    tally = _Tally()
    head = stream.peek(8)[:8] if hasattr(stream, "peek") else b""
    records = _framed(stream, max_record_bytes, tally) if head.lstrip().startswith(b"WARC/") else _arc(stream, tally)
    for index, record in records:
        if isinstance(record, int):
            yield InputError("E011", path=f"{path}#{index}", size=record, limit=max_record_bytes)
            continue
        yield from _document(record, f"{path}#{index}", max_record_bytes, tally)
    if was_truncated(stream):
        tally.damaged.append("archive cut short")
    if tally.damaged or tally.noise:
        detail = f"{len(tally.damaged)} damaged record(s) skipped" if tally.damaged else "warcio warnings"
        first = f" (first: {tally.damaged[0]})" if tally.damaged else ""
        yield InputError("E008", path=path, detail=one_line(f"{detail}{first}; {tally.usable} read"))
    elif not tally.usable:
        detail = f"no HTML response records ({tally.skipped} other records skipped)" if tally.skipped else "no records"
        yield InputError("E008", path=path, detail=detail)


def _framed(stream: BinaryIO, max_record_bytes: int, tally: _Tally) -> Iterator[tuple[int, object]]:
    """(index, warcio record or E011) per record of a WARC, each parsed on its own."""
    index = -1
    pending: bytes | None = None  # a record-start line found while resynchronising
    while True:
        line = pending if pending is not None else stream.readline(MAX_HEADER_LINE)
        pending = None
        if not line:
            return
        if not line.strip():
            continue
        index += 1
        if not _RECORD_START.match(line):
            tally.damaged.append(f"record {index}: no WARC header")
            pending = _resync(stream)
            continue
        header, length = _header_block(stream, line)
        if length is None:
            tally.damaged.append(f"record {index}: no valid Content-Length")
            pending = _resync(stream)
            continue
        if length > max_record_bytes + MAX_HEADER_LINE * 4:  # payload plus HTTP headers
            _skip(stream, length)
            yield index, length
            continue
        body = stream.read(length)
        if len(body) < length:
            tally.damaged.append(f"record {index}: cut short")
            return
        record = _parse(header + body, max_record_bytes, tally)
        if record is None:
            tally.damaged.append(f"record {index}: unparsable")
            continue
        yield index, record


def _header_block(stream: BinaryIO, first: bytes) -> tuple[bytes, int | None]:
    """The record's header lines (through the blank line) and its Content-Length."""
    lines = [first]
    length = None
    for _ in range(MAX_HEADER_LINES):
        line = stream.readline(MAX_HEADER_LINE)
        lines.append(line)
        if not line or not line.strip():
            break
        found = _LENGTH.match(line.strip())
        if found:
            length = int(found.group(1))
    else:
        length = None
    return b"".join(lines), length


def _resync(stream: BinaryIO) -> bytes | None:
    """Skip to the next line that starts a record, and return it (None at the end)."""
    while True:
        line = stream.readline(MAX_HEADER_LINE)
        if not line:
            return None
        if _RECORD_START.match(line):
            return line


def _skip(stream: BinaryIO, length: int) -> None:
    while length > 0:
        got = stream.read(min(length, READ_CHUNK))
        if not got:
            return
        length -= len(got)


def _parse(data: bytes, max_record_bytes: int, tally: _Tally):
    """One record parsed by warcio (its content read into memory, which the framing bounded)."""
    from warcio.archiveiterator import ArchiveIterator

    noise = io.StringIO()
    try:
        with contextlib.redirect_stderr(noise):
            record = next(iter(ArchiveIterator(io.BytesIO(data), check_digests=False)), None)
            if record is not None:
                # bounded: an HTTP body may be gzip-encoded, and warcio decodes it
                record.parley_body = record.content_stream().read(max_record_bytes + 1)
    except Exception:  # noqa: BLE001 - warcio raises plain exceptions of several kinds on damage
        record = None
    if noise.getvalue():
        tally.noise += 1
    return record


def _arc(stream: BinaryIO, tally: _Tally) -> Iterator[tuple[int, object]]:
    """Records of an old ARC file (or anything not starting as a WARC), read by warcio as a whole."""
    from warcio.archiveiterator import ArchiveIterator

    index = -1
    noise = io.StringIO()
    try:
        with contextlib.redirect_stderr(noise):
            for index, record in enumerate(ArchiveIterator(stream, arc2warc=True)):
                record.parley_body = None
                yield index, record
    except Exception as exc:  # noqa: BLE001
        tally.damaged.append(f"{type(exc).__name__} after record {index + 1}")
    if noise.getvalue():
        tally.noise += 1


def _document(record, where: str, max_record_bytes: int, tally: _Tally) -> Iterator[Document | InputError]:
    if record.rec_type != "response" or not _is_html(record):
        tally.skipped += 1
        return
    body = record.parley_body
    if body is None:
        body = record.content_stream().read(max_record_bytes + 1)
    if len(body) > max_record_bytes:
        yield InputError("E011", path=where, size=f">{max_record_bytes}", limit=max_record_bytes)
        return
    if not body.strip() or is_binary(body):
        tally.skipped += 1
        return
    text, warnings = decode(body, where, html=True)
    text, cut = cap_tags(text)
    if cut:
        warnings.append(f"{cut} oversized tag(s) cut")
    tally.usable += 1
    url = record.rec_headers.get_header("WARC-Target-URI")
    hints = {"url": url, "fetched": record.rec_headers.get_header("WARC-Date")}
    yield Document(content_id(text), where, "html", text, url=url,
                   hints={k: v for k, v in hints.items() if v}, warnings=warnings)


def _is_html(record) -> bool:
    if record.http_headers is None:
        return False
    content_type = (record.http_headers.get_header("Content-Type") or "").lower()
    return any(t in content_type for t in HTML_TYPES)
