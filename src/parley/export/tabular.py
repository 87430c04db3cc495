"""CSV, JSON lines and Parquet: one file per record type (articles, actors, quotes, events).

- CSV: nested fields flattened as in `output.flatten` (dotted columns: `actor1.name`; lists of
  strings joined by '; '; lists of records as JSON text). The header is the union of every row's
  columns, in first-seen order.
- JSONL: `records.to_dict` per line; `records.from_dict` reads it back.
- Parquet: nested fields as Arrow structs and lists of structs, with a schema derived from the
  record dataclasses, so an empty store still writes typed columns. Dates are typed: a record's
  `date` is an Arrow date32 (the first day it can mean) with `date_precision` (day, month, year)
  beside it, so a month is not mistaken for its 1st; an article's `published` stays the text
  (it keeps the page's time zone) with `published_day` (date32) and `published_utc` (timestamp,
  UTC, only when the page gives a time and zone) beside it.
- CAMEO codes are strings with leading zeros ("042"); tell pandas so: `dtype={"cameo": str}` for
  CSV and JSON lines (docs/exports.md).

Events are the merged ones when the cross-article step has run, else those coded per article.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Iterable
from dataclasses import fields
from datetime import date, datetime, timezone
from pathlib import Path

from ..dates import first_day
from ..output import flatten, safe_cell
from ..records import _NESTED, Actor, Article, Event, Quote, to_dict
from ..store import Store

RECORD_TYPES: dict[str, type] = {"articles": Article, "actors": Actor, "quotes": Quote, "events": Event}


def records(store: Store, name: str) -> Iterable:
    return {"articles": store.articles, "actors": store.actors, "quotes": store.quotes,
            "events": store.events}[name]()


def write(store: Store, fmt: str, out_dir: Path) -> list[Path]:
    writer = {"csv": write_csv, "jsonl": write_jsonl, "parquet": write_parquet}[fmt]
    return [writer(records(store, name), RECORD_TYPES[name], out_dir / f"{name}.{fmt}") for name in RECORD_TYPES]


def write_jsonl(rows: Iterable, cls: type, path: Path) -> Path:
    with path.open("w", encoding="utf-8") as out:
        for row in rows:
            out.write(json.dumps(to_dict(row), ensure_ascii=False) + "\n")
    return path


def write_csv(rows: Iterable, cls: type, path: Path) -> Path:
    flat = [flatten(to_dict(r)) for r in rows]
    columns = list(dict.fromkeys([f.name for f in fields(cls)] + [k for row in flat for k in row]))
    # a nested record that is null in one row and present in another: keep only the dotted columns
    columns = [c for c in columns if not any(k.startswith(c + ".") for k in columns)]
    with path.open("w", encoding="utf-8", newline="") as out:
        writer = csv.DictWriter(out, fieldnames=columns, extrasaction="ignore")
        writer.writeheader()
        # text a spreadsheet would run as a formula is made inert (OWASP: a leading single quote)
        writer.writerows({k: safe_cell(v) for k, v in row.items()} for row in flat)
    return path


def read_csv(path: Path) -> list[dict]:
    with path.open(encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


def arrow_schema(cls: type):
    import pyarrow as pa

    columns = []
    for f in fields(cls):
        if f.name == "date":
            columns += [pa.field("date", pa.date32()), pa.field("date_precision", pa.string())]
        else:
            columns.append(pa.field(f.name, _arrow_type(cls, f)))
        if cls is Article and f.name == "published":
            columns += [pa.field("published_day", pa.date32()), pa.field("published_utc", pa.timestamp("us", tz="UTC"))]
    return pa.schema(columns)


def _typed_dates(row: dict) -> dict:
    """A record's dict with the date columns of `arrow_schema` filled in."""
    if "date" in row:
        row["date"], row["date_precision"] = _day(row["date"])
    if "published" in row:
        row["published_day"] = _day(row["published"])[0]
        row["published_utc"] = _utc(row["published"])
    return row


def _day(value: str | None) -> tuple[date | None, str | None]:
    return first_day(value)
    parts = value[:10].split("-")
    try:
        numbers = [int(p) for p in parts] + [1] * (3 - len(parts))
        return date(*numbers[:3]), ("year", "month", "day")[len(parts) - 1]
    except (ValueError, IndexError):
        return None, None


def _utc(value: str | None) -> datetime | None:
    if not value or len(value) <= 10:
        return None
    try:
        moment = datetime.fromisoformat(value)
    except ValueError:
        return None
    return moment.astimezone(timezone.utc) if moment.tzinfo else None


def _text_date(day: date | None, precision: str | None) -> str | None:
    if day is None:
        return None
    return {"year": day.strftime("%Y"), "month": day.strftime("%Y-%m")}.get(precision or "day", day.isoformat())


def _arrow_type(cls: type, f):
    import pyarrow as pa

    hint = str(f.type)
    nested = _NESTED.get(cls.__name__, {}).get(f.name)
    if nested is not None:
        struct = pa.struct([pa.field(g.name, _arrow_type(nested, g)) for g in fields(nested)])
        return pa.list_(struct) if hint.startswith("list") else struct
    if hint.startswith("list"):
        return pa.list_(pa.string())
    if hint.startswith("int"):
        return pa.int64()
    if hint.startswith("float"):
        return pa.float64()
    if hint.startswith("bool"):
        return pa.bool_()
    return pa.string()


def write_parquet(rows: Iterable, cls: type, path: Path) -> Path:
    import pyarrow as pa
    import pyarrow.parquet as pq

    table = pa.Table.from_pylist([_typed_dates(to_dict(r)) for r in rows], schema=arrow_schema(cls))
    pq.write_table(table, path)
    return path


def read_parquet(path: Path, cls: type) -> list:
    import pyarrow.parquet as pq

    from ..records import from_dict

    rows = pq.read_table(path).to_pylist()
    for row in rows:
        if "date" in row:
            row["date"] = _text_date(row["date"], row.get("date_precision"))
    return [from_dict(cls, row) for row in rows]
