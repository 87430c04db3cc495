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


def main(argv: list[str]) -> None:
    source, name, target = argv
    geojson = to_geojson(json.loads(Path(source).read_text(encoding="utf-8")), name)
    Path(target).write_text(json.dumps(geojson, separators=(",", ":")), encoding="utf-8")


if __name__ == "__main__":
    main(sys.argv[1:])
