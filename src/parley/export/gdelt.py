"""GDELT 2.0 event table: 61 tab-separated columns, no header, codes as strings.

How our fields map (see docs/exports.md for the full table):
- GlobalEventID: a 52-bit integer from our event id (sha1), stable across exports.
- Day, MonthYear, Year, FractionDate: from the event date; a partial date takes its first day.
  Undated events are left out (GDELT has no place for them).
- Actor{1,2}Code: country + sector (CAMEO-style 'USAGOV'); Name upper-cased as GDELT writes them;
  CountryCode: the ISO alpha-3 country (PLOVER's IGO/NGO/... go to Type1Code instead); Type1Code: sector.
- IsRootEvent: 1 when the evidence is in the lead (first 300 characters of an article).
- EventCode / EventBaseCode / EventRootCode: the CAMEO code and its 3- and 2-digit prefixes.
- NumMentions: every source including syndicated copies; NumSources: distinct originals
  (`n_sources`); NumArticles: distinct articles.
- AvgTone: 0 (not computed). Actor geo: empty. ActionGeo from `location`: type 1 when the place is
  the country itself, else 4 (city); the country code is ISO alpha-3, not GDELT's FIPS 10-4; no
  coordinates.
- DATEADDED: the earliest source's publication (YYYYMMDDHHMMSS); SOURCEURL: its article's URL (or
  source path).
"""

from __future__ import annotations

import hashlib
from datetime import date, datetime
from pathlib import Path

from ..records import Event, EventActor
from ..store import Store

_ACTOR = ["Code", "Name", "CountryCode", "KnownGroupCode", "EthnicCode", "Religion1Code", "Religion2Code",
          "Type1Code", "Type2Code", "Type3Code"]
_GEO = ["Type", "FullName", "CountryCode", "ADM1Code", "ADM2Code", "Lat", "Long", "FeatureID"]
COLUMNS: list[str] = (
    ["GlobalEventID", "Day", "MonthYear", "Year", "FractionDate"]
    + [f"Actor1{c}" for c in _ACTOR] + [f"Actor2{c}" for c in _ACTOR]
    + ["IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass", "GoldsteinScale",
       "NumMentions", "NumSources", "NumArticles", "AvgTone"]
    + [f"Actor1Geo_{c}" for c in _GEO] + [f"Actor2Geo_{c}" for c in _GEO] + [f"ActionGeo_{c}" for c in _GEO]
    + ["DATEADDED", "SOURCEURL"]
)
_GROUPS = {"IGO", "NGO", "MNC", "IMG", "UNO"}
ROOT_LEAD_CHARS = 300


def global_event_id(event_id: str) -> int:
    return int(hashlib.sha1(event_id.encode("utf-8")).hexdigest()[:13], 16)


def _actor(ref: EventActor | None) -> list[str]:
    if ref is None:
        return [""] * len(_ACTOR)
    country = ref.country or ""
    is_group = country in _GROUPS
    return [
        country + (ref.sector or ""), ref.name.upper(), "" if is_group else country, "", "", "", "",
        country if is_group and not ref.sector else (ref.sector or ""), country if is_group and ref.sector else "", "",
    ]


def _fraction(day: date) -> str:
    return f"{day.year + (day.timetuple().tm_yday / 365):.4f}"


def _date_added(published: str | None) -> str:
    if not published:
        return ""
    try:
        value = datetime.fromisoformat(published)
    except ValueError:
        return published[:10].replace("-", "") + "000000"
    return value.strftime("%Y%m%d%H%M%S")


def event_row(event: Event, urls: dict[str, str]) -> list[str] | None:
    if not event.date:
        return None
    parts = (event.date[:10].split("-") + ["01", "01"])[:3]
    try:
        day = date(int(parts[0]), int(parts[1]), int(parts[2]))
    except ValueError:
        return None
    cameo = event.cameo or ""
    sources = event.sources or []
    first = min(sources, key=lambda s: s.published or "~", default=None)
    location = event.location
    if location and location.name:
        geo_type = "1" if location.country and location.name.upper() in {location.country, ""} else "4"
        action_geo = [geo_type, location.name, location.country or "", "", "", "", "", ""]
    else:
        action_geo = [""] * len(_GEO)
    row = (
        [str(global_event_id(event.id)), day.strftime("%Y%m%d"), day.strftime("%Y%m"), str(day.year), _fraction(day)]
        + _actor(event.actor1) + _actor(event.actor2)
        + ["1" if any(s.start < ROOT_LEAD_CHARS for s in sources) else "0", cameo, cameo[:3], cameo[:2],
           str(event.quad or ""), "" if event.goldstein is None else f"{event.goldstein:g}",
           str(len(sources) or 1), str(event.n_sources), str(len({s.article_id for s in sources}) or 1), "0"]
        + [""] * len(_GEO) + [""] * len(_GEO) + action_geo
        + [_date_added(first.published if first else None), urls.get(first.article_id, "") if first else ""]
    )
    return [_clean(v) for v in row]


def _clean(value: str) -> str:
    return value.replace("\t", " ").replace("\n", " ").replace("\r", " ")


def write_gdelt(store: Store, path: Path) -> Path:
    urls = {aid: url or source for aid, url, source in store.db.execute("SELECT id, url, source FROM articles")}
    with path.open("w", encoding="utf-8", newline="") as out:
        for event in store.events():
            row = event_row(event, urls)
            if row is not None:
                out.write("\t".join(row) + "\n")
    return path


def read_gdelt(path: Path) -> list[dict[str, str]]:
    """Rows of a GDELT event file as {column: value}, every value a string."""
    rows = []
    with path.open(encoding="utf-8") as f:
        for line in f:
            values = line.rstrip("\n").split("\t")
            rows.append(dict(zip(COLUMNS, values, strict=True)))
    return rows
