"""Records as tables for notebooks: one column per field, with the types analysts expect.

`columns()` is the one place the types are decided (pandas and polars are optional and only
imported by `to_pandas` / `to_polars`):
- CAMEO codes and every other code are strings ("042" keeps its zero);
- dates are datetimes of the first day they can mean, with a `*_precision` column beside them
  (day, month, year; for publication moments also `time`), so 2019-09 is not read as 1 September;
- publication moments with a time zone are converted to UTC; counts are integers that may be null.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from datetime import datetime, timezone

from .dates import first_day
from .records import Actor, Article, Event, Quote

STRING, DATETIME, FLOAT, INT = "string", "datetime", "float", "int"


def _day(value: str | None) -> tuple[datetime | None, str | None]:
    day, precision = first_day(value)
    return (datetime(day.year, day.month, day.day), precision) if day else (None, None)
    parts = value[:10].split("-")
    try:
        numbers = [int(p) for p in parts] + [1] * (3 - len(parts))
        return datetime(*numbers[:3]), ("year", "month", "day")[len(parts) - 1]
    except (ValueError, IndexError):
        return None, None


def _moment(value: str | None) -> tuple[datetime | None, str | None]:
    """A publication value as a naive UTC datetime and its precision (time or day)."""
    if value and len(value) > 10:
        try:
            moment = datetime.fromisoformat(value)
        except ValueError:
            moment = None
        if moment is not None:
            if moment.tzinfo is not None:
                moment = moment.astimezone(timezone.utc).replace(tzinfo=None)
            return moment, "time"
    return _day(value)


def _joined(values) -> str:
    return "; ".join(str(v) for v in values or [])


def _actor_cells(prefix: str, ref) -> dict:
    return {f"{prefix}_id": ref.actor_id if ref else None, f"{prefix}_name": ref.name if ref else None,
            f"{prefix}_country": ref.country if ref else None, f"{prefix}_sector": ref.sector if ref else None}


def event_row(e: Event) -> dict:
    day, precision = _day(e.date)
    first = e.sources[0] if e.sources else None
    loc = e.location
    return {
        "id": e.id, "date": day, "date_precision": precision, "date_basis": e.date_basis, "status": e.status,
        "type": e.type, "mode": e.mode, "context": _joined(e.context), "cameo": e.cameo, "goldstein": e.goldstein,
        "quad": e.quad, **_actor_cells("actor1", e.actor1), **_actor_cells("actor2", e.actor2),
        "place": loc.name if loc else None, "place_country": loc.country if loc else None,
        "latitude": loc.lat if loc else None, "longitude": loc.lon if loc else None,
        "trigger": e.trigger, "n_sources": e.n_sources, "first_article_id": first.article_id if first else None,
        "first_outlet": first.outlet if first else None, "evidence": first.sentence if first else None,
    }


def article_row(a: Article) -> dict:
    moment, precision = _moment(a.published)
    return {"id": a.id, "published": moment, "published_precision": precision, "headline": a.headline,
            "outlet": a.outlet, "url": a.url, "source": a.source, "authors": _joined(a.authors), "agency": a.agency,
            "dateline": a.dateline, "language": a.language, "duplicate_of": a.duplicate_of, "body": a.body}


def quote_row(q: Quote) -> dict:
    day, precision = _day(q.date)
    return {"id": q.id, "article_id": q.article_id, "date": day, "date_precision": precision, "speaker": q.speaker,
            "speaker_actor_id": q.speaker_actor_id, "kind": q.kind, "cue": q.cue, "text": q.text,
            "sentence": q.sentence}


def actor_row(a: Actor) -> dict:
    return {"id": a.id, "name": a.name, "kind": a.kind, "country": a.country, "sector": a.sector,
            "aliases": _joined(a.aliases), "mentions": a.mentions,
            "roles": _joined(r.title if hasattr(r, "title") else r.get("title") for r in a.roles)}


ROWS = {Event: event_row, Article: article_row, Quote: quote_row, Actor: actor_row}
# columns that are not strings; every other column is a string
TYPES = {"date": DATETIME, "published": DATETIME, "goldstein": FLOAT, "latitude": FLOAT, "longitude": FLOAT,
         "quad": INT, "n_sources": INT, "mentions": INT}


class Table:
    """Records of one kind (a list you can iterate) that turn into a data frame."""

    def __init__(self, cls: type, records: Iterable) -> None:
        self.cls = cls
        self.records = list(records)

    def __iter__(self) -> Iterator:
        return iter(self.records)

    def __len__(self) -> int:
        return len(self.records)

    def __getitem__(self, index):
        return self.records[index]

    def __repr__(self) -> str:
        return f"<{len(self.records)} {self.cls.__name__.lower()}(s)>"

    def rows(self) -> list[dict]:
        return [ROWS[self.cls](r) for r in self.records]

    def columns(self) -> dict[str, tuple[list, str]]:
        """column -> (values, type): the type is string, datetime, float or int (nullable)."""
        rows = self.rows()
        names = list(ROWS[self.cls](_empty(self.cls)).keys())
        return {n: ([r[n] for r in rows], TYPES.get(n, STRING)) for n in names}

    def to_pandas(self):
        pd = _optional("pandas")
        pandas_types = {STRING: "string", DATETIME: "datetime64[ns]", FLOAT: "float64", INT: "Int64"}
        return pd.DataFrame({name: pd.Series(values, dtype=pandas_types[kind], name=name)
                             for name, (values, kind) in self.columns().items()})

    def to_polars(self):
        pl = _optional("polars")
        polars_types = {STRING: pl.Utf8, DATETIME: pl.Datetime("us"), FLOAT: pl.Float64, INT: pl.Int64}
        return pl.DataFrame({name: pl.Series(name, values, dtype=polars_types[kind])
                             for name, (values, kind) in self.columns().items()})


def _empty(cls: type):
    required = {Event: dict(id="", date=None, date_basis="", type=""), Article: dict(id="", source=""),
                Quote: dict(id="", article_id="", text=""), Actor: dict(id="", name="")}
    return cls(**required[cls])


def _optional(module: str):
    try:
        return __import__(module)
    except ImportError as exc:
        raise ImportError(f"{module} is not installed: `pip install {module}` to get data frames "
                          f"(the records themselves need nothing more)") from exc
