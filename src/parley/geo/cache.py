"""Tables built from installed data, kept between processes in the user's cache folder.

The gazetteer's tables are made from some 60 MB of GeoNames JSON and about 400,000 folded names:
about 1.1 s of CPU at the start of every ingest, export or explorer process. Read back from a
pickle they take about 0.25 s. A file's name carries a hash of everything its tables are made
from (the caller lists it), so a change to any input builds them anew; a damaged or unreadable
file is built anew too, and a folder that cannot be written only means no cache.

`$PARLEY_CACHE` names the folder (`off`: keep nothing); else `$XDG_CACHE_HOME/parley`, else
`~/.cache/parley`. The files are the user's own, read only by the user's own processes.
"""

from __future__ import annotations

import hashlib
import os
import pickle
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TypeVar

CACHE_ENV = "PARLEY_CACHE"
T = TypeVar("T")


def cache_dir() -> Path | None:
    """The cache folder, or None when caching is switched off."""
    value = os.environ.get(CACHE_ENV)
    if value == "off":
        return None
    if value:
        return Path(value)
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "parley"


def cached(name: str, inputs: Iterable[bytes], build: Callable[[], T]) -> T:
    """What `build` returns, read from the cache when it was built from the same `inputs`."""
    folder = cache_dir()
    if folder is None:
        return build()
    digest = hashlib.sha256(b"\0".join(inputs)).hexdigest()[:24]
    path = folder / f"{name}-{digest}.pickle"
    try:
        with path.open("rb") as f:
            return pickle.load(f)
    except Exception:  # noqa: BLE001 - absent, damaged or from an older Python: build it again
        pass
    value = build()
    _write(path, name, value)
    return value


def _write(path: Path, name: str, value: object) -> None:
    """Write through a temporary file and a rename, so a reader never sees half a file; files of
    the same name built from other inputs are removed."""
    tmp = path.with_name(f"{path.name}.{os.getpid()}.tmp")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with tmp.open("wb") as f:
            pickle.dump(value, f, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, path)
        for old in path.parent.glob(f"{name}-*.pickle"):
            if old != path:
                old.unlink(missing_ok=True)
    except OSError:  # a read-only or full disk: no cache, the tables are in hand anyway
        try:
            tmp.unlink(missing_ok=True)
        except OSError:
            pass
