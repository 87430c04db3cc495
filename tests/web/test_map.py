"""The map page and its GeoJSON: events at coordinates, the outline and Leaflet served locally."""

from __future__ import annotations

import json


def test_map_points_are_geojson_with_coordinates(client):
    response = client.get("/api/map")
    assert response.status_code == 200
    data = response.json()
    assert data["type"] == "FeatureCollection" and data["features"]
    hanoi = next(f for f in data["features"] if f["properties"]["name"] == "Hanoi")
    lon, lat = hanoi["geometry"]["coordinates"]
    assert abs(lat - 21.0) < 0.5 and abs(lon - 105.8) < 0.5  # the test store's events are in Hanoi
    events = client.get("/api/events?limit=500").json()["items"]
    assert sum(f["properties"]["count"] for f in data["features"]) + data["unplaced"] == len(events)
    assert all(set(e) >= {"id", "date", "type", "actors"} for e in hanoi["properties"]["events"])


def test_map_filters_and_rejects_bad_values(client):
    assert client.get("/api/map?type=ASSAULT&since=2030").json()["features"] == []
    assert client.get("/api/map?since=yesterday").status_code == 422


def test_map_page_uses_only_local_files(client):
    page = client.get("/map?type=CONSULT")
    assert page.status_code == 200
    html = page.text
    assert 'href="/map"' in html and "/static/vendor/leaflet-1.9.4/leaflet.js" in html
    assert 'data-src="/api/map?type=CONSULT"' in html
    assert "http://" not in html.replace("http://www.w3.org", "") and "https://" not in html
    for path in ("/static/vendor/leaflet-1.9.4/leaflet.js", "/static/vendor/leaflet-1.9.4/leaflet.css",
                 "/static/map.js", "/static/map.css"):
        assert client.get(path).status_code == 200, path
    outline = json.loads(client.get("/static/vendor/world-atlas-2.0.2/countries-110m.geojson").text)
    assert len(outline["features"]) > 150 and outline["features"][0]["geometry"]["type"] in ("Polygon", "MultiPolygon")
    assert "innerHTML" not in client.get("/static/map.js").text  # article text goes in as textContent
