"""Exports: the store's records as files for other tools (see docs/exports.md for every format)."""

from __future__ import annotations

from pathlib import Path

from ..errors import UsageError
from ..store import Store

FORMATS = ("csv", "jsonl", "parquet", "gdelt", "plover")


def export_store(store: Store, fmt: str, out_dir: Path, *, all_statuses: bool = False) -> list[Path]:
    """Write the store in a format into out_dir (created if needed); returns the files written.

    `all_statuses`: GDELT only; also write planned, negated, hypothetical and historical events
    (with a side file naming each row's status). PLOVER always carries every status, in `mode`.
    """
    fmt = (fmt or "").lower()
    if fmt not in FORMATS:
        raise UsageError("E030", detail=f"unknown export format {fmt!r} (expected one of {', '.join(FORMATS)})")
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    if fmt in ("csv", "jsonl", "parquet"):
        from . import tabular

        return tabular.write(store, fmt, out_dir)
    if fmt == "gdelt":
        from .gdelt import write_gdelt

        return write_gdelt(store, out_dir / "events.gdelt.tsv", all_statuses=all_statuses)
    from .plover import write_plover

    return [write_plover(store, out_dir / "events.plover.jsonl")]


__all__ = ["FORMATS", "export_store"]
