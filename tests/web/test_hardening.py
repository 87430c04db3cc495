"""Server hardening: searches with NUL and control characters, security headers on every response
(500s included), and the Host check against DNS rebinding."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from parley.web.app import allowed_hosts, create_app, host_name

PATHS = ["/?q=%00", "/api/articles?q=x%00", "/api/quotes?q=%00", "/api/articles?q=%22%00%01%1b",
         "/api/quotes?q=a%0Ab", "/?q=%ED%A0%80", "/api/articles?q=%C0%80"]


@pytest.mark.parametrize("path", PATHS)
def test_control_characters_in_a_search_are_not_an_error(client, path):
    response = client.get(path)
    assert response.status_code == 200, response.text
    assert "content-security-policy" in response.headers


def test_a_500_carries_the_security_headers(web_db, monkeypatch):
    from parley.store import open_store

    with open_store(web_db) as store:
        Store = type(store)  # the backend's own class
    def broken(self, *args, **kwargs):
        raise RuntimeError("a bug")

    monkeypatch.setattr(Store, "article_filters", broken)
    # computed afresh, not from the views other tests left cached for this store
    monkeypatch.setattr(Store, "view", lambda self, key, compute: compute())
    with TestClient(create_app(web_db), raise_server_exceptions=False) as c:
        for path in ("/api/articles", "/"):
            response = c.get(path)
            assert response.status_code == 500
            assert response.headers["x-content-type-options"] == "nosniff"
            assert "frame-ancestors 'none'" in response.headers["content-security-policy"]


@pytest.fixture(scope="module")
def guarded(web_db):
    app = create_app(web_db, hosts=allowed_hosts("127.0.0.1", ["news.example.org"]))
    with TestClient(app, base_url="http://127.0.0.1:8000") as c:
        yield c


@pytest.mark.parametrize("host", ["127.0.0.1:8000", "localhost:8000", "LOCALHOST", "[::1]:8000",
                                  "news.example.org", "news.example.org:443"])
def test_bound_loopback_and_allowed_hosts_are_answered(guarded, host):
    assert guarded.get("/api/articles", headers={"host": host}).status_code == 200


@pytest.mark.parametrize("host", ["evil.example", "127.0.0.1.evil.example", "localhost.evil:8000", "",
                                  "news.example.org.evil", "[::2]:8000"])
def test_other_hosts_are_refused_with_the_headers(guarded, host):
    response = guarded.get("/api/articles", headers={"host": host})
    assert response.status_code == 400
    assert "content-security-policy" in response.headers


def test_host_name_strips_port_and_brackets():
    assert host_name("LocalHost:8000") == "localhost"
    assert host_name("[::1]:8000") == "::1"
    assert host_name("::1") == "::1"
    assert host_name("example.org") == "example.org"
