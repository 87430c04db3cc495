"""Opening inputs: gzip, size limits, content sniffing and text decoding.

Everything here works on the first few kilobytes or on one document's bytes, never on a whole
archive, so a large WARC or JSONL file streams.
"""

from __future__ import annotations

import codecs
import gzip
import io
import re
import zlib
from typing import BinaryIO

from ..errors import InputError

GZIP_MAGIC = b"\x1f\x8b"
SNIFF_BYTES = 8192
KNOWN_SUFFIXES = (".txt", ".text", ".html", ".htm", ".xhtml", ".jsonl", ".ndjson", ".warc", ".arc")
_HTML_START = re.compile(rb"^\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body|meta|title)\b",
                         re.I | re.S)
_HTML_TAGS = re.compile(rb"<(?:p|div|span|a|script|article|h1|h2|br)\b", re.I)
_NON_ASCII = re.compile("[^\x00-\x7f]")
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?([\w-]+)""", re.I)


def format_of(name: str, head: bytes) -> str:
    """'text' | 'html' | 'jsonl' | 'warc' from the name's suffix, else from the content."""
    lower = name.lower()
    if lower.endswith(".gz"):
        lower = lower[:-3]
    for suffix, kind in ((".warc", "warc"), (".arc", "warc"), (".jsonl", "jsonl"), (".ndjson", "jsonl"),
                         (".html", "html"), (".htm", "html"), (".xhtml", "html"), (".txt", "text"),
                         (".text", "text")):
        if lower.endswith(suffix):
            return kind
    return sniff(head)


def sniff(head: bytes) -> str:
    """Guess the format of content with no telling name (stdin, odd suffix)."""
    stripped = _strip_bom(head).lstrip()
    if stripped.startswith(b"WARC/"):
        return "warc"
    if _HTML_START.match(stripped) or len(_HTML_TAGS.findall(stripped[:4096])) >= 5:
        return "html"
    if stripped.startswith(b"{"):
        first = stripped.split(b"\n", 1)[0].strip()
        if first.endswith(b"}"):
            return "jsonl"
    return "text"


class _CutShort(io.RawIOBase):
    """Decompressed gzip data that ends cleanly where the data is damaged or cut short, remembering
    it did: every complete line or record before the damage is still read, and the reader reports
    the damage after them."""

    def __init__(self, gz: gzip.GzipFile) -> None:
        self.gz = gz
        self.truncated = False

    def readable(self) -> bool:
        return True

    def readinto(self, buffer) -> int:
        if self.truncated:
            return 0
        try:
            data = self.gz.read1(len(buffer))  # one member piece at a time: none lost to a later error
        except (EOFError, gzip.BadGzipFile, zlib.error, OSError):
            self.truncated = True
            return 0
        buffer[:len(data)] = data
        return len(data)


def open_stream(raw: BinaryIO) -> io.BufferedReader:
    """A peekable binary stream, transparently gunzipped when the data is gzip."""
    buffered = raw if isinstance(raw, io.BufferedReader) else io.BufferedReader(raw)
    if buffered.peek(2)[:2] == GZIP_MAGIC:
        return io.BufferedReader(_CutShort(gzip.GzipFile(fileobj=buffered, mode="rb")))
    return buffered


def was_truncated(stream) -> bool:
    """Whether a stream from open_stream ended early on damaged gzip data."""
    return bool(getattr(getattr(stream, "raw", None), "truncated", False))


def peek(stream: io.BufferedReader, size: int = SNIFF_BYTES) -> bytes:
    """Up to `size` leading bytes without consuming them (gzip errors are the caller's)."""
    data = stream.peek(size)
    return data[:size]


def read_limited(stream: BinaryIO, limit: int, path: str) -> bytes:
    """All bytes of a single-article input, or E011 when it is larger than `limit`."""
    data = read_or_gzip_error(stream, limit + 1, path)
    if was_truncated(stream):
        raise InputError("E005", path=path)
    if len(data) > limit:
        raise InputError("E011", path=path, size=f">{limit}", limit=limit)
    return data


def read_or_gzip_error(stream: BinaryIO, size: int, path: str) -> bytes:
    try:
        return stream.read(size)
    except (EOFError, gzip.BadGzipFile, zlib.error) as exc:
        raise InputError("E005", path=path) from exc


def is_binary(data: bytes) -> bool:
    """NUL bytes (outside UTF-16) or many control characters mean this is not text."""
    head = data[:SNIFF_BYTES]
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return False
    if b"\x00" in head:
        return True
    controls = sum(1 for b in head if b < 9 or 13 < b < 32)
    return bool(head) and controls / len(head) > 0.05


def decode(data: bytes, path: str, html: bool = False) -> tuple[str, list[str]]:
    """Text and warnings: UTF-8 first, then a declared HTML charset, UTF-16 by BOM, cp1252, latin-1.

    Invalid bytes never reject an input: text that is mostly UTF-8 (a stray byte in it) and text no
    encoding fits are decoded as UTF-8 with the bad bytes replaced, and a warning says how many."""
    if data.startswith(codecs.BOM_UTF8):
        return _replacing(data[3:], "utf-8")
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        text, warnings = _replacing(data, "utf-16")
        return text, ["decoded as utf-16", *warnings]
    try:
        return data.decode("utf-8"), []
    except UnicodeDecodeError:
        pass
    if _mostly_utf8(data):
        return _replacing(data, "utf-8")
    candidates = ["cp1252", "latin-1"]
    if html:
        declared = _META_CHARSET.search(data[:SNIFF_BYTES])
        if declared:
            candidates.insert(0, declared.group(1).decode("ascii", "ignore").lower())
    for encoding in candidates:
        try:
            text = data.decode(encoding)
        except (UnicodeDecodeError, LookupError):
            continue
        if _too_many_controls(text):
            break
        return text, [f"decoded as {encoding}"]
    return _replacing(data, "utf-8")


def _replacing(data: bytes, encoding: str) -> tuple[str, list[str]]:
    """Decoded with undecodable bytes replaced by U+FFFD, and a warning when any were."""
    text = data.decode(encoding, errors="replace")
    bad = text.count("\ufffd") - data.decode(encoding, errors="ignore").count("\ufffd")
    return text, [f"{bad} invalid byte(s) replaced ({encoding})"] if bad else []


def _mostly_utf8(data: bytes) -> bool:
    """More well-formed UTF-8 sequences than bad bytes: a UTF-8 text with a stray byte, not cp1252
    (whose accented letters are single bytes that are never well-formed UTF-8)."""
    text = data.decode("utf-8", errors="replace")
    bad = text.count("\ufffd") - data.decode("utf-8", errors="ignore").count("\ufffd")
    wide = len(_NON_ASCII.findall(text)) - text.count("\ufffd")
    return wide > bad


def _too_many_controls(text: str) -> bool:
    # latin-1 decodes any byte, so C1 control characters are what betrays a wrong guess
    sample = text[:SNIFF_BYTES]
    controls = sum(1 for ch in sample if "\x80" <= ch <= "\x9f")
    return bool(sample) and controls / len(sample) > 0.01


def _strip_bom(head: bytes) -> bytes:
    for bom in (codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE):
        if head.startswith(bom):
            head = head[len(bom):]
            if bom != codecs.BOM_UTF8:
                return head.decode("utf-16-le" if bom == codecs.BOM_UTF16_LE else "utf-16-be",
                                   "ignore").encode("utf-8")
    return head
