"""The typed records that flow through parley.

Every stage is a plain function from records to records; export is `to_dict` (as `dataclasses.asdict`).
Field names follow ../shared/CONTRACT.md. Character offsets (`start`, `end`) always index
`Article.body`, so every record points back to the text it came from.
"""

from __future__ import annotations

from copy import deepcopy
from dataclasses import dataclass, field, fields, is_dataclass
from functools import cache
from typing import Any


def to_dict(record: Any) -> dict:
    """A record as plain JSON-ready data (tuples become lists): what `dataclasses.asdict` gives,
    without its deep copy of every leaf. The store writes one per record on the ingest's hot path,
    and the leaves of records are immutable (str, int, float, None), so only containers are rebuilt."""
    return {name: _jsonable(getattr(record, name)) for name in _field_names(type(record))}


def _jsonable(value: Any) -> Any:
    if value is None or isinstance(value, (str, int, float)):
        return value
    if isinstance(value, dict):
        return {k: _jsonable(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_jsonable(v) for v in value]
    if is_dataclass(value) and not isinstance(value, type):
        return to_dict(value)
    return deepcopy(value)  # as asdict does for any other value


@cache
def _field_names(cls: type) -> tuple[str, ...]:
    return tuple(f.name for f in fields(cls))


def from_dict(cls: type, data: dict) -> Any:
    """Build a record from `to_dict` output, ignoring unknown keys (forward compatible)."""
    known = {f.name for f in fields(cls)}
    kwargs = {k: v for k, v in data.items() if k in known}
    for nested_field, nested_cls in _NESTED.get(cls.__name__, {}).items():
        value = kwargs.get(nested_field)
        if isinstance(value, dict):
            kwargs[nested_field] = from_dict(nested_cls, value)
        elif isinstance(value, list):
            kwargs[nested_field] = [
                from_dict(nested_cls, v) if isinstance(v, dict) else v for v in value
            ]
    return cls(**kwargs)


@dataclass(frozen=True)
class Document:
    """One input as read, before cleaning. `id` is the content hash, so re-reading is idempotent."""

    id: str
    source: str  # path or URL it came from (path#line for JSONL, path#record for WARC)
    kind: str  # "text" | "html" | "record" (JSONL/structured: text already extracted)
    content: str  # decoded text or HTML
    url: str | None = None
    # Metadata a structured input already carries (JSONL title/date/authors, WARC target URI/date).
    hints: dict = field(default_factory=dict)
    warnings: list = field(default_factory=list)  # e.g. "decoded as cp1252"


@dataclass(frozen=True)
class Article:
    id: str
    source: str
    url: str | None = None
    headline: str | None = None
    outlet: str | None = None
    authors: list = field(default_factory=list)
    agency: str | None = None
    published: str | None = None  # ISO 8601: datetime with offset when the text gives a zone, else date
    dateline: str | None = None
    language: str | None = None
    body: str = ""
    removed: list = field(default_factory=list)
    duplicate_of: str | None = None
    warnings: list = field(default_factory=list)


@dataclass(frozen=True)
class Role:
    title: str
    country: str | None = None
    first_seen: str | None = None
    last_seen: str | None = None


@dataclass(frozen=True)
class Actor:
    id: str
    name: str
    aliases: list = field(default_factory=list)
    kind: str = "person"  # person | organization | country | group
    country: str | None = None  # ISO 3166 alpha-3, or IGO/NGO/...
    sector: str | None = None  # PLOVER sector code: GOV, MIL, LEG, ...
    roles: list = field(default_factory=list)  # [Role]
    mentions: int = 0


@dataclass(frozen=True)
class Mention:
    """One place in an article's body that refers to an actor."""

    article_id: str
    actor_id: str
    text: str
    start: int
    end: int
    kind: str = "name"  # name | surname | title | pronoun | description | metonym


@dataclass(frozen=True)
class Quote:
    id: str
    article_id: str
    text: str
    speaker: str | None = None
    speaker_actor_id: str | None = None
    cue: str | None = None
    kind: str = "direct"  # direct | partial | indirect
    date: str | None = None
    sentence: str = ""
    start: int = 0  # offsets of `text` in the body
    end: int = 0


@dataclass(frozen=True)
class EventActor:
    name: str
    actor_id: str | None = None
    country: str | None = None
    sector: str | None = None
    # the name is the clause's own wording ("Islamabad", "the Kabul authorities"), kept over the
    # canonical actor's name when the store puts the canonical actor in (actors/naming.py)
    written: bool = False

    def under(self, actor_id: str, name: str, country: str | None, sector: str | None) -> EventActor:
        """This side as the canonical actor `actor_id`: its name unless the clause's own wording is kept."""
        return EventActor(name=self.name if self.written else name, actor_id=actor_id,
                          country=country or self.country, sector=sector or self.sector, written=self.written)


@dataclass(frozen=True)
class Location:
    name: str  # as the text names it
    country: str | None = None
    # the GeoNames entry the name resolves to (geo/): none when the offline gazetteer has no match
    lat: float | None = None
    lon: float | None = None
    adm1: str | None = None  # GDELT style: FIPS country code + ADM1 code ('UP07'), or the FIPS code
    geonames_id: int | None = None
    feature: str | None = None  # country | state (US) | region (a division elsewhere) | city


@dataclass(frozen=True)
class Source:
    article_id: str
    outlet: str | None = None
    published: str | None = None
    sentence: str = ""
    start: int = 0  # offsets of `sentence` in that article's body
    end: int = 0


@dataclass(frozen=True)
class Event:
    id: str
    date: str | None
    date_basis: str  # explicit | relative | narrative (the story's day, none of its own) | published | none (background with no date of its own)
    type: str  # PLOVER event type
    mode: str | None = None
    context: list = field(default_factory=list)
    cameo: str | None = None
    goldstein: float | None = None
    quad: int | None = None
    status: str = "reported"  # reported | planned | negated | hypothetical | historical
    actor1: EventActor | None = None
    actor2: EventActor | None = None
    location: Location | None = None
    trigger: str = ""
    sources: list = field(default_factory=list)  # [Source]
    n_sources: int = 1


@dataclass(frozen=True)
class ArticleRecords:
    """Everything one article yields: the unit a worker returns, whatever runs it."""

    article: Article
    actors: list = field(default_factory=list)  # [Actor], ids local to this article until merged
    mentions: list = field(default_factory=list)  # [Mention]
    quotes: list = field(default_factory=list)  # [Quote]
    events: list = field(default_factory=list)  # [Event]


_NESTED: dict[str, dict[str, type]] = {
    "Actor": {"roles": Role},
    "Event": {"actor1": EventActor, "actor2": EventActor, "location": Location, "sources": Source},
    "ArticleRecords": {"article": Article, "actors": Actor, "mentions": Mention, "quotes": Quote, "events": Event},
}
