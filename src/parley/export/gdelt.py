"""GDELT 2.0 event table: the 61 tab-separated columns of the GDELT 2.0 Event codebook, no header.

How our fields fill them is in docs/exports.md; the points where GDELT leaves a choice:
- Only events with status `reported` by default (GDELT has no column for planned, negated,
  hypothetical or historical events); `all_statuses` writes them too, and a side file
  (`<name>.status.tsv`: GlobalEventID, status, date precision) says which rows they are.
- Dates: Day (YYYYMMDD), MonthYear, Year and FractionDate = YEAR + (MONTH*30 + DAY)/365 as the
  codebook defines it. A date known only to the month leaves Day empty; only to the year, Day and
  MonthYear empty; FractionDate is then empty too (no day is invented). Undated events are left out.
- DATEADDED (UTC, YYYYMMDDHHMMSS): the earliest source's publication moment when its page gives a
  time with a zone (GDELT adds an event within minutes of its publication); else when parley stored
  that article (the codebook: "the date the event was added to the master database"), so an
  undated or date-only article still gets a real moment, never an invented midnight.
- SOURCEURL: that source's URL when it has one (http/https), else empty: never a local path.
"""

from __future__ import annotations

import hashlib
from datetime import datetime, timezone
from pathlib import Path

from ..geo import Place, country_place, geocode
from ..geo.locate import story_countries
from ..records import Event, EventActor, Location
from ..store import Store
from .cameo import actor_code

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
# the codebook's types (pandas dtype names) for reading the file back: codes stay strings
INTEGER_COLUMNS = frozenset({"GlobalEventID", "IsRootEvent", "QuadClass", "NumMentions", "NumSources",
                             "NumArticles", "DATEADDED", "Actor1Geo_Type", "Actor2Geo_Type", "ActionGeo_Type"})
FLOAT_COLUMNS = frozenset({"FractionDate", "GoldsteinScale", "AvgTone", "Actor1Geo_Lat", "Actor1Geo_Long",
                           "Actor2Geo_Lat", "Actor2Geo_Long", "ActionGeo_Lat", "ActionGeo_Long"})
# the lead of an article: an event whose evidence starts here is a root event (GDELT: "in the
# first paragraph"; 300 characters holds a wire story's first paragraph)
ROOT_LEAD_CHARS = 300
REPORTED = "reported"


def global_event_id(event_id: str) -> int:
    return int(hashlib.sha1(event_id.encode("utf-8")).hexdigest()[:13], 16)


def date_fields(value: str | None) -> tuple[list[str], str] | None:
    """[Day, MonthYear, Year, FractionDate] and the precision (day, month, year), or None if undated."""
    if not value:
        return None
    parts = value[:10].split("-")
    try:
        year = int(parts[0])
        month = int(parts[1]) if len(parts) > 1 else None
        day = int(parts[2]) if len(parts) > 2 else None
    except ValueError:
        return None
    if day is not None:
        fraction = f"{year + (month * 30 + day) / 365:.4f}"
        return [f"{year:04d}{month:02d}{day:02d}", f"{year:04d}{month:02d}", f"{year:04d}", fraction], "day"
    if month is not None:
        return ["", f"{year:04d}{month:02d}", f"{year:04d}", ""], "month"
    return ["", "", f"{year:04d}", ""], "year"


def _actor(ref: EventActor | None) -> list[str]:
    code = actor_code(ref)
    if ref is None:
        return [""] * len(_ACTOR)
    types = list(code.types[:3]) if code else []
    return [code.code if code else "", ref.name.upper(), code.country if code else "", code.group if code else "",
            "", "", "", *(types + [""] * (3 - len(types)))]


def _geo(place: Place | None, name: str | None = None) -> list[str]:
    if place is None:
        return [""] * len(_GEO)
    feature_id = str(place.geonames_id or "") if place.feature != "country" else place.fips
    return [str(place.gdelt_type), full_name(place, name), place.fips, place.adm1, "",
            _coord(place.lat), _coord(place.lon), feature_id]


def full_name(place: Place, name: str | None = None) -> str:
    """GDELT's FullName: 'City, State, Country' in the US, 'City, Country' elsewhere."""
    country = country_place(place.country)
    country_name = country.name if country else ""
    if place.feature == "country":
        return country_name or place.name
    head = place.name
    if place.feature == "city" and place.country == "USA":
        from ..geo.gazetteer import load

        state = next((n for c, n, _ in load().us_states.values() if "US" + c == place.adm1), "")
        return ", ".join(x for x in (head, state, country_name) if x)
    return ", ".join(x for x in (head, country_name) if x)


def _coord(value: float | None) -> str:
    return "" if value is None else f"{value:.4f}"


def action_place(location: Location | None, countries: list[str]) -> Place | None:
    """The event's place as a GeoNames entry: the stored one, else resolved now, else its country."""
    if location is None:
        return None
    place = geocode(location.name, countries, country=location.country)
    if location.lat is not None:  # what the pipeline stored wins; the gazetteer only names it
        country = country_place(location.country or "")
        return Place(place.name if place else location.name, location.feature or "city", location.country or "",
                     country.country_iso2 if country else "", country.fips if country else "",
                     location.adm1 or "", location.lat, location.lon, location.geonames_id)
    if place is not None:
        return place
    return country_place(location.country) if location.country else None


def _actor_place(ref: EventActor | None) -> Place | None:
    code = actor_code(ref)
    return country_place(code.country) if code and code.country else None


def event_row(event: Event, articles: dict[str, tuple[str, str]]) -> list[str] | None:
    """One GDELT row; `articles`: article id -> (URL, ingested_at). None for an undated event."""
    dates = date_fields(event.date)
    if dates is None:
        return None
    cameo = event.cameo or ""
    sources = event.sources or []
    first = min(sources, key=lambda s: (s.published or "~", articles.get(s.article_id, ("", "~"))[1]), default=None)
    url_source = next((s for s in sorted(sources, key=lambda s: s.published or "~")
                       if _is_url(articles.get(s.article_id, ("", ""))[0])), None)
    countries = story_countries(a.country for a in (event.actor1, event.actor2) if a)
    row = (
        [str(global_event_id(event.id)), *dates[0]]
        + _actor(event.actor1) + _actor(event.actor2)
        + ["1" if any(s.start < ROOT_LEAD_CHARS for s in sources) else "0", cameo, cameo[:3], cameo[:2],
           str(event.quad or ""), "" if event.goldstein is None else f"{event.goldstein:g}",
           str(len(sources) or 1), str(event.n_sources), str(len({s.article_id for s in sources}) or 1), "0"]
        + _geo(_actor_place(event.actor1)) + _geo(_actor_place(event.actor2))
        + _geo(action_place(event.location, countries))
        + [_date_added(first.published if first else None, articles.get(first.article_id, ("", ""))[1] if first else ""),
           articles[url_source.article_id][0] if url_source else ""]
    )
    return [_clean(v) for v in row]


def _is_url(value: str | None) -> bool:
    return bool(value) and value.lower().startswith(("http://", "https://"))


def _date_added(published: str | None, ingested_at: str) -> str:
    for value, assume_utc in ((published, False), (ingested_at, True)):
        moment = _moment(value)
        if moment is not None and (moment.tzinfo is not None or assume_utc):
            return moment.replace(tzinfo=moment.tzinfo or timezone.utc).astimezone(timezone.utc).strftime("%Y%m%d%H%M%S")
    return ""


def _moment(value: str | None) -> datetime | None:
    if not value or len(value) <= 10:  # a date alone has no moment
        return None
    try:
        return datetime.fromisoformat(value)
    except ValueError:
        return None


def _clean(value: str) -> str:
    return value.replace("\t", " ").replace("\n", " ").replace("\r", " ")


def write_gdelt(store: Store, path: Path, *, all_statuses: bool = False) -> list[Path]:
    """The event table, and with `all_statuses` the side file naming each row's status."""
    articles = store.article_links()
    side = path.with_name(path.name.removesuffix(".tsv") + ".status.tsv")
    notes = []
    with path.open("w", encoding="utf-8", newline="") as out:
        for event in store.events():
            if event.status != REPORTED and not all_statuses:
                continue
            row = event_row(event, articles)
            if row is None:
                continue
            out.write("\t".join(row) + "\n")
            notes.append((row[0], event.status, date_fields(event.date)[1]))
    if not all_statuses:
        return [path]
    with side.open("w", encoding="utf-8", newline="") as out:
        out.write("GlobalEventID\tstatus\tdate_precision\n")
        out.writelines(f"{gid}\t{status}\t{precision}\n" for gid, status, precision in notes)
    return [path, side]


def read_gdelt(path: Path) -> list[dict[str, str]]:
    """Rows of a GDELT event file as {column: value}, every value a string."""
    rows = []
    with path.open(encoding="utf-8") as f:
        for line in f:
            values = line.rstrip("\n").split("\t")
            rows.append(dict(zip(COLUMNS, values, strict=True)))
    return rows
