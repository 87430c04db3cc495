"""Parquet shards: what Dask workers write, and what the one loader reads back into records.

One row per input: the article's records as JSON columns (forward compatible: a newer record field
is kept in the JSON and ignored by an older reader), or the error that input produced. JSON rather
than Arrow structs because the record types are still growing, and a shard must stay readable by
the loader of the same run whatever the stages add. Shards are also a plain export: any Parquet
reader (DuckDB, pandas, Spark) can query them.

Locations are local paths or fsspec URLs (s3://, gs://, abfs://, ...), so workers on a cluster can
write to object storage the loader reads from.
"""

from __future__ import annotations

import io
import json
from collections.abc import Iterable, Iterator

import fsspec
import pyarrow as pa
import pyarrow.parquet as pq

from ..errors import ParleyError
from ..records import Article, ArticleRecords, from_dict, to_dict
from ..records import Actor, Event, Mention, Quote
from .chunks import error_from_dict, error_to_dict

SCHEMA = pa.schema([
    ("seq", pa.int64()),  # input order within the shard
    ("article_id", pa.string()),
    ("source", pa.string()),
    ("article", pa.string()),  # JSON of Article
    ("actors", pa.string()),  # JSON lists of Actor, Mention, Quote, Event
    ("mentions", pa.string()),
    ("quotes", pa.string()),
    ("events", pa.string()),
    ("error", pa.string()),  # JSON of the error, when the input produced one instead
])
_LISTS = {"actors": Actor, "mentions": Mention, "quotes": Quote, "events": Event}


def _dumps(value) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def to_table(results: Iterable[ArticleRecords | ParleyError]) -> pa.Table:
    columns: dict[str, list] = {name: [] for name in SCHEMA.names}
    for seq, item in enumerate(results):
        columns["seq"].append(seq)
        if isinstance(item, ParleyError):
            row = {"article_id": None, "source": item.path, "error": _dumps(error_to_dict(item))}
        else:
            row = {"article_id": item.article.id, "source": item.article.source,
                   "article": _dumps(to_dict(item.article)), "error": None}
            for name in _LISTS:
                row[name] = _dumps([to_dict(x) for x in getattr(item, name)])
        for name in SCHEMA.names[1:]:
            columns[name].append(row.get(name))
    return pa.table(columns, schema=SCHEMA)


def from_table(table: pa.Table) -> Iterator[ArticleRecords | ParleyError]:
    table = table.sort_by("seq")
    for row in table.to_pylist():
        if row["error"] is not None:
            yield error_from_dict(json.loads(row["error"]))
            continue
        yield ArticleRecords(
            from_dict(Article, json.loads(row["article"])),
            *([from_dict(cls, x) for x in json.loads(row[name] or "[]")] for name, cls in _LISTS.items()),
        )


def write_shard(results: Iterable[ArticleRecords | ParleyError], url: str | None = None) -> str | bytes:
    """Write one shard to `url` and return the URL; with no URL, return the Parquet bytes."""
    table = to_table(results)
    if url is None:
        sink = io.BytesIO()
        pq.write_table(table, sink, compression="zstd")
        return sink.getvalue()
    with fsspec.open(url, "wb") as f:
        pq.write_table(table, f, compression="zstd")
    return url


def read_shard(shard: str | bytes) -> Iterator[ArticleRecords | ParleyError]:
    """The results in one shard (a URL/path, or the bytes `write_shard` returned), in input order."""
    if isinstance(shard, bytes):
        yield from from_table(pq.read_table(io.BytesIO(shard)))
        return
    with fsspec.open(shard, "rb") as f:
        table = pq.read_table(f)
    yield from from_table(table)


def list_shards(location: str) -> list[str]:
    """The shard URLs under a folder or prefix, in the order they were written (names sort so)."""
    fs, path = fsspec.core.url_to_fs(location)
    names = sorted(p for p in fs.ls(path, detail=False) if p.endswith(".parquet"))
    return [fs.unstrip_protocol(p) for p in names]


def read_shards(location: str) -> Iterator[ArticleRecords | ParleyError]:
    """Every result under a shard folder, shard by shard: the loader for a finished cluster run."""
    for url in list_shards(location):
        yield from read_shard(url)


def remove_shard(url: str) -> None:
    fs, path = fsspec.core.url_to_fs(url)
    fs.rm(path)
