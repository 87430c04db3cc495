"""The explorer over a PostgreSQL store answers as over the SQLite file it was copied from: the same
JSON from every API listing, the same pages (full-text ranking and snippets are each backend's own,
so searches are compared by the articles they find)."""

from __future__ import annotations

import json

import pytest
from fastapi.testclient import TestClient

from parley.store import open_store
from parley.store.copy import copy_store
from parley.web.app import create_app

SAME_JSON = ["/api/articles", "/api/articles?since=2019-09", "/api/events", "/api/events?status=planned",
             "/api/quotes", "/api/actors", "/api/network", "/api/timeline", "/api/articles?outlet=her"]
SAME_STATUS = ["/", "/timeline", "/network", "/actors", "/dyad", "/map", "/?q=talks"]
SEARCHES = ["/api/articles?q=talks", "/api/quotes?q=dinner"]


# the SQLite store is the source copied to PostgreSQL: this compares the two backends side by side
pytestmark = pytest.mark.backends("sqlite")


@pytest.fixture(scope="module")
def clients(web_db, pg_cluster):
    url = pg_cluster.new_schema()
    with open_store(web_db, create=False) as src, open_store(url) as dst:
        copy_store(src, dst)
    with TestClient(create_app(web_db)) as lite, TestClient(create_app(url)) as pg:
        yield lite, pg


def test_api_listings_are_the_same_on_both_backends(clients):
    lite, pg = clients
    for path in SAME_JSON:
        a, b = lite.get(path), pg.get(path)
        assert a.status_code == b.status_code == 200, path
        assert a.json() == b.json(), path


def test_pages_render_on_postgresql(clients):
    lite, pg = clients
    for path in SAME_STATUS:
        assert pg.get(path).status_code == lite.get(path).status_code == 200, path


def test_searches_find_the_same_records(clients):
    lite, pg = clients
    for path in SEARCHES:
        a, b = lite.get(path).json()["items"], pg.get(path).json()["items"]
        assert a, path
        assert sorted(json.dumps(x, sort_keys=True) for x in a) == sorted(json.dumps(x, sort_keys=True) for x in b)
