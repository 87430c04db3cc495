"""WARC archives via warcio: HTML response records become Documents, one record at a time."""

from __future__ import annotations

from collections.abc import Iterator
from typing import BinaryIO

from ..errors import InputError
from ..ids import content_id
from ..records import Document
from .sniff import decode, is_binary

HTML_TYPES = ("text/html", "application/xhtml+xml")


def read_warc(stream: BinaryIO, path: str, max_record_bytes: int) -> Iterator[Document | InputError]:
    """Documents for HTML responses; other records are skipped. E008 when nothing usable is found."""
    from warcio.archiveiterator import ArchiveIterator

    usable = 0
    skipped = 0
    index = -1
    try:
        for index, record in enumerate(ArchiveIterator(stream, arc2warc=True)):
            if record.rec_type != "response" or not _is_html(record):
                skipped += 1
                continue
            where = f"{path}#{index}"
            body = record.content_stream().read(max_record_bytes + 1)
            if len(body) > max_record_bytes:
                yield InputError("E011", path=where, size=f">{max_record_bytes}", limit=max_record_bytes)
                continue
            if not body.strip() or is_binary(body):
                skipped += 1
                continue
            try:
                text, warnings = decode(body, where, html=True)
            except InputError as exc:
                yield exc
                continue
            usable += 1
            url = record.rec_headers.get_header("WARC-Target-URI")
            hints = {"url": url, "fetched": record.rec_headers.get_header("WARC-Date")}
            yield Document(content_id(text), where, "html", text, url=url,
                           hints={k: v for k, v in hints.items() if v}, warnings=warnings)
    except Exception as exc:  # warcio raises plain exceptions of several kinds on damaged archives
        yield InputError("E008", path=path, detail=f"{type(exc).__name__} after record {index + 1}")
        return
    if not usable:
        detail = f"no HTML response records ({skipped} other records skipped)" if skipped else "no records"
        yield InputError("E008", path=path, detail=detail)


def _is_html(record) -> bool:
    if record.http_headers is None:
        return False
    content_type = (record.http_headers.get_header("Content-Type") or "").lower()
    return any(t in content_type for t in HTML_TYPES)
