"""PLOVER JSON lines with the data fields of the PLOVER manual (its "PLOVER JSON" table).

- `id`, `date` (YYYY-MM-DD, required: undated events are left out) and, for a date known only to the month or year, `enddate`: the range
  it can mean (2019-09 -> 2019-09-01 .. 2019-09-30), so no day is claimed that the text did not give.
- `actor` and `recipient`: lists of actor objects {`actor_text`, `code` (ISO alpha-3 or IGO/NGO/
  ISM/IMG/MNC), `sector`, `identifier_text` (the canonical name), `actor_loc`}.
- `event`: a list of one PLOVER category; `mode`: a list of the category's modes from the manual's
  tables, plus an auxiliary mode for what the report says did not happen as a fact (`future`,
  `negation`, `hypothetical`, `historical`); `context`: only words of the manual's context list.
- `event_text` (list: the trigger), `event_loc` (a GeoNames location object), `quad_code`, `text`
  (the evidence sentence), `text_info` ({`start`, `end`}), `cite_info` ({`url`, `title`,
  `publication`, `language`, `coder`}), `coder`, `coded_date`.
- Everything else under `parley` (CAMEO code, Goldstein, status, partial date, actor ids, the raw
  mode and context, sources): `read_plover` rebuilds the events exactly from it.
The vocabulary is data/plover_manual.toml; data/plover.schema.json is the JSON Schema of a record.
"""

from __future__ import annotations

import calendar
import json
import tomllib
from datetime import datetime, timezone
from functools import cache
from importlib import resources
from pathlib import Path

from ..records import Event, EventActor, Location, Source, from_dict, to_dict
from ..store import Store
from ..stories.timeline import best_sentence

# parley status -> the manual's auxiliary mode (reported events need none)
STATUS_MODE = {"planned": "future", "negated": "negation", "hypothetical": "hypothetical",
               "historical": "historical"}
CODER = "parley"


@cache
def vocabulary() -> dict:
    return tomllib.loads(resources.files(__package__).joinpath("data/plover_manual.toml").read_text("utf-8"))


@cache
def schema() -> dict:
    return json.loads(resources.files(__package__).joinpath("data/plover.schema.json").read_text("utf-8"))


def date_range(value: str | None) -> tuple[str, str | None]:
    """(date, enddate): a partial date as the first and last day it can mean."""
    if not value:
        return "", None
    parts = value[:10].split("-")
    if len(parts) == 3:
        return value[:10], None
    year = int(parts[0])
    if len(parts) == 2:
        month = int(parts[1])
        return f"{year:04d}-{month:02d}-01", f"{year:04d}-{month:02d}-{calendar.monthrange(year, month)[1]:02d}"
    return f"{year:04d}-01-01", f"{year:04d}-12-31"


def actor_object(ref: EventActor) -> dict:
    item = {"actor_text": ref.name, "code": ref.country or ""}
    if ref.sector:
        item["sector"] = ref.sector
    if ref.actor_id:
        item["identifier_text"] = ref.name
    return item


def location_object(loc: Location) -> dict:
    """The manual's location object: GeoNames fields, plus `cc3` (the ISO alpha-3 code)."""
    from ..geo import country_place

    country = country_place(loc.country) if loc.country else None
    obj = {"name": loc.name}
    if loc.geonames_id is not None:
        obj["geonameid"] = loc.geonames_id
    if loc.lat is not None:
        obj["latitude"], obj["longitude"] = loc.lat, loc.lon
    if loc.feature:
        obj["feature class"], obj["feature code"] = {"country": ("A", "PCLI"), "state": ("A", "ADM1"),
                                                     "region": ("A", "ADM1"), "city": ("P", "PPL")}[loc.feature]
    if country:
        obj["country code"], obj["cc3"] = country.country_iso2, country.country
    if loc.adm1 and country and loc.adm1 != country.fips:
        obj["admin1 code"] = loc.adm1[len(country.fips):]
    return obj


def modes(event: Event) -> list[str]:
    allowed = vocabulary()["modes"].get(event.type, [])
    found = [event.mode] if event.mode in allowed else []
    if event.status in STATUS_MODE:
        found.append(STATUS_MODE[event.status])
    return found


def plover_record(event: Event, urls: dict[str, tuple[str, str]] | None = None, coded: str = "") -> dict:
    from ..geo.locate import located, story_countries

    urls = urls or {}
    first = min(event.sources, key=lambda s: s.published or "~", default=None)
    day, end = date_range(event.date)
    record: dict = {"id": event.id, "date": day}
    if end:
        record["enddate"] = end
    record["actor"] = [actor_object(event.actor1)] if event.actor1 else []
    if event.actor2:
        record["recipient"] = [actor_object(event.actor2)]
    record["event"] = [event.type]
    record["mode"] = modes(event)
    contexts = set(vocabulary()["contexts"])
    record["context"] = [c for c in event.context if c in contexts]
    if event.trigger:
        record["event_text"] = [event.trigger]
    loc = located(event.location, story_countries(a.country for a in (event.actor1, event.actor2) if a))
    if loc is not None:
        record["event_loc"] = location_object(loc)
    if event.quad:
        record["quad_code"] = event.quad
    record["text"] = best_sentence(event)
    if first is not None:
        record["text_info"] = {"start": first.start, "end": first.end}
        url = urls.get(first.article_id, ("", ""))[0]
        cite = {"url": url if url.lower().startswith(("http://", "https://")) else "",
                "publication": first.outlet or "", "language": "en", "coder": CODER}
        record["cite_info"] = {k: v for k, v in cite.items() if v}
    record["coder"] = CODER
    if coded:
        record["coded_date"] = coded
    record["parley"] = {
        "date": event.date, "date_basis": event.date_basis, "cameo": event.cameo, "goldstein": event.goldstein,
        "quad": event.quad, "status": event.status, "mode": event.mode, "context": list(event.context),
        "trigger": event.trigger,
        "actor1": to_dict(event.actor1) if event.actor1 else None,
        "actor2": to_dict(event.actor2) if event.actor2 else None,
        "location": to_dict(event.location) if event.location else None,
        "sources": [to_dict(s) for s in event.sources], "n_sources": event.n_sources,
    }
    return record


def write_plover(store: Store, path: Path) -> Path:
    urls = store.article_links()
    coded = datetime.now(timezone.utc).date().isoformat()
    with path.open("w", encoding="utf-8") as out:
        for event in store.events():
            if event.date:  # the manual requires a date; undated events are left out, as in GDELT
                out.write(json.dumps(plover_record(event, urls, coded), ensure_ascii=False) + "\n")
    return path


def read_plover(path: Path) -> list[Event]:
    """parley events from a PLOVER file this module wrote."""
    events = []
    with path.open(encoding="utf-8") as f:
        for line in f:
            r = json.loads(line)
            extra = r.get("parley") or {}
            events.append(Event(
                id=r["id"], date=extra.get("date", r.get("date") or None), date_basis=extra.get("date_basis", "explicit"),
                type=r["event"][0], mode=extra.get("mode"), context=list(extra.get("context", r.get("context") or [])),
                cameo=extra.get("cameo"), goldstein=extra.get("goldstein"), quad=extra.get("quad"),
                status=extra.get("status", "reported"),
                actor1=from_dict(EventActor, extra["actor1"]) if extra.get("actor1") else None,
                actor2=from_dict(EventActor, extra["actor2"]) if extra.get("actor2") else None,
                location=from_dict(Location, extra["location"]) if extra.get("location") else None,
                trigger=extra.get("trigger", ""), sources=[from_dict(Source, s) for s in extra.get("sources", [])],
                n_sources=extra.get("n_sources", 1),
            ))
    return events
