"""TopoJSON -> GeoJSON, for the explorer's bundled world outline (the map needs no tile server).

The outline in web/static/vendor/world-atlas-2.0.2/ was made from the npm package `world-atlas`
(Natural Earth 1:110m countries, public domain) with:
    python -m parley.geo.topojson countries-110m.json countries countries-110m.geojson
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

DIGITS = 2  # about 1 km: plenty for a 1:110m outline, and a third of the size of full precision


def _arcs(topology: dict) -> list[list[tuple[float, float]]]:
    transform = topology.get("transform")
    arcs = []
    for arc in topology["arcs"]:
        points, x, y = [], 0, 0
        for dx, dy in arc:
            if transform:  # quantized: each position is a delta from the one before
                x, y = x + dx, y + dy
                sx, sy = transform["scale"]
                tx, ty = transform["translate"]
                points.append((round(x * sx + tx, DIGITS), round(y * sy + ty, DIGITS)))
            else:
                points.append((round(dx, DIGITS), round(dy, DIGITS)))
        arcs.append(points)
    return arcs


def _ring(indexes: list[int], arcs) -> list[list[float]]:
    ring: list = []
    for i in indexes:
        points = arcs[i] if i >= 0 else arcs[~i][::-1]  # a negative index is the arc reversed
        ring.extend(points[1:] if ring else points)
    return [list(p) for p in ring]


def to_geojson(topology: dict, name: str) -> dict:
    arcs = _arcs(topology)
    features = []
    for geometry in topology["objects"][name]["geometries"]:
        if geometry["type"] == "Polygon":
            coordinates = [_ring(r, arcs) for r in geometry["arcs"]]
        elif geometry["type"] == "MultiPolygon":
            coordinates = [[_ring(r, arcs) for r in polygon] for polygon in geometry["arcs"]]
        else:
            continue
        features.append({"type": "Feature", "id": geometry.get("id"), "properties": geometry.get("properties", {}),
                         "geometry": {"type": geometry["type"], "coordinates": coordinates}})
    return {"type": "FeatureCollection", "features": features}


def _area_centroid(ring: list[list[float]]) -> tuple[float, float, float]:
    """(area, x, y) of a ring by the shoelace formula, in degrees (plenty for a 1:110m outline)."""
    xs = [x for x, _ in ring]
    if max(xs) - min(xs) > 180:  # a ring across the antimeridian (Fiji, Chukotka): one side shifted
        ring = [[x + 360 if x < 0 else x, y] for x, y in ring]
    area = cx = cy = 0.0
    for (x1, y1), (x2, y2) in zip(ring, ring[1:] + ring[:1]):
        cross = x1 * y2 - x2 * y1
        area += cross
        cx += (x1 + x2) * cross
        cy += (y1 + y2) * cross
    if not area:
        return 0.0, ring[0][0], ring[0][1]
    return area / 2, cx / (3 * area), cy / (3 * area)


def country_points(geojson: dict) -> dict[str, tuple[float, float]]:
    """ISO numeric code -> (lat, lon): the centroid of each country's largest polygon (GDELT places
    a country-level event at the country's centroid; the largest part keeps France in Europe)."""
    points = {}
    for feature in geojson["features"]:
        if not feature.get("id"):
            continue
        geometry = feature["geometry"]
        polygons = [geometry["coordinates"]] if geometry["type"] == "Polygon" else geometry["coordinates"]
        area, x, y = max((_area_centroid(p[0]) for p in polygons), key=lambda a: abs(a[0]))
        points[feature["id"]] = (round(y, 2), round((x + 180) % 360 - 180, 2))
    return points


def main(argv: list[str]) -> None:
    if argv[0] == "--points":  # the country points table of geo/data from the converted outline
        import pycountry

        geojson = json.loads(Path(argv[1]).read_text(encoding="utf-8"))
        lines = ["# country centroids (the largest polygon of Natural Earth 1:110m countries, world-atlas 2.0.2),",
                 "# made by `python -m parley.geo.topojson --points countries-110m.geojson country_points.tsv`",
                 "# iso3\tlat\tlon"]
        for numeric, (lat, lon) in sorted(country_points(geojson).items()):
            country = pycountry.countries.get(numeric=numeric)
            if country is not None:
                lines.append(f"{country.alpha_3}\t{lat}\t{lon}")
        Path(argv[2]).write_text("\n".join(lines) + "\n", encoding="utf-8")
        return
    source, name, target = argv
    geojson = to_geojson(json.loads(Path(source).read_text(encoding="utf-8")), name)
    Path(target).write_text(json.dumps(geojson, separators=(",", ":")), encoding="utf-8")


if __name__ == "__main__":
    main(sys.argv[1:])
