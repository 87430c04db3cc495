"""The explorer's JSON API and server-rendered pages, through FastAPI's test client."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from parley.web.app import create_app

from .conftest import XSS_IMG, XSS_SCRIPT

PAGES = ["/", "/?q=Hanoi", "/?q=summit&outlet=Reuters&since=2019&until=2019-12-31", "/?actor=kim", "/actors",
         "/actors?kind=person&q=Kim", "/actors/kim", "/articles/art1", "/articles/art3", "/timeline",
         "/timeline?actor=kim&status=reported", "/timeline?a=trump&b=kim", "/network", "/network?type=CONSULT",
         "/dyad", "/dyad?a=USA&b=PRK"]


@pytest.mark.parametrize("path", PAGES + ["/api/articles", "/openapi.json", "/static/app.css", "/nope"])
def test_every_response_carries_a_strict_csp(client, path):
    r = client.get(path)
    csp = r.headers["content-security-policy"]
    assert "default-src 'self'" in csp and "script-src 'self'" in csp
    assert "object-src 'none'" in csp and "base-uri 'none'" in csp and "frame-ancestors 'none'" in csp
    assert "unsafe-inline" not in csp.split("script-src", 1)[1].split(";", 1)[0]
    assert "unsafe-eval" not in csp
    assert r.headers["x-content-type-options"] == "nosniff"


@pytest.mark.parametrize("path", PAGES)
def test_pages_render(client, path):
    r = client.get(path)
    assert r.status_code == 200, r.text
    assert r.headers["content-type"].startswith("text/html")
    assert '<nav>' in r.text
    # no inline script: every <script> either loads a file or is a JSON data block
    for chunk in r.text.split("<script")[1:]:
        head = chunk.split(">", 1)[0]
        assert "src=\"/static/" in head or 'type="application/json"' in head, head
    assert "<img" not in r.text and "<script>alert" not in r.text


def test_hostile_article_renders_escaped(client):
    r = client.get("/articles/art3")
    assert r.status_code == 200
    assert XSS_SCRIPT not in r.text and XSS_IMG not in r.text
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in r.text
    assert "&lt;img src=x onerror=alert(1)&gt;" in r.text
    assert "<details" in r.text  # the removed clutter, behind a toggle
    for path in ["/?q=crafted", "/actors/evil", "/actors", "/timeline", "/network", "/?q=coming"]:
        page = client.get(path).text
        assert XSS_SCRIPT not in page and XSS_IMG not in page, path


def test_json_blocks_escape_markup(client):
    for path in ["/timeline", "/network"]:
        page = client.get(path).text
        block = page.split('type="application/json"', 1)[1].split("</script>", 1)[0]
        assert "<" not in block.split(">", 1)[1], path


def test_article_page_marks_actors_quotes_and_triggers(client):
    page = client.get("/articles/art1").text
    assert '<a class="mention" href="/actors/trump"' in page
    assert '<span class="quote">We had a very good dinner,</span>' in page
    assert '<span class="trigger"' in page and ">met</span>" in page
    assert 'id="ev-art1-e0"' in page and 'id="q-art1-q0"' in page
    assert "Copies of this article" in page and "/articles/art2" in page
    assert "Advertisement" in page  # inside <details>
    assert "This article copies" in client.get("/articles/art2").text


def test_actor_page(client):
    page = client.get("/actors/kim").text
    assert "Kim Jong Un" in page and "Chairman" in page
    assert "Co-actors" in page and "/actors/trump" in page
    assert "<svg" in page  # roles over time
    assert client.get("/actors/Kim%20Jong%20Un").status_code == 200


def test_search_finds_articles_and_quotes(client):
    page = client.get("/?q=dinner").text
    assert "/articles/art1" in page and "<mark>dinner</mark>" in page
    assert "We had a very good dinner" in page
    assert "/articles/art4" not in client.get("/?q=dinner").text
    assert "/articles/art4" in client.get("/?outlet=AP").text
    assert "/articles/art1" not in client.get("/?since=2019-03").text


def test_api_lists_mirror_the_records(client):
    arts = client.get("/api/articles").json()
    assert sorted(a["id"] for a in arts["items"]) == ["art1", "art2", "art3", "art4"]
    assert set(arts["items"][0]) >= {"id", "source", "headline", "outlet", "body", "removed", "duplicate_of"}
    assert arts["next_offset"] is None
    assert [a["id"] for a in client.get("/api/articles?q=proposal").json()["items"]] == ["art4"]
    page = client.get("/api/articles?limit=2&offset=1").json()
    assert len(page["items"]) == 2 and page["next_offset"] == 3
    events = client.get("/api/events?actor=kim").json()["items"]
    assert len(events) == 5 and set(events[0]) >= {"id", "date", "type", "quad", "status", "actor1", "sources"}
    assert [e["type"] for e in client.get("/api/events?type=reject").json()["items"]] == ["REJECT"]
    assert [e["status"] for e in client.get("/api/events?status=planned").json()["items"]] == ["planned"]
    assert len(client.get("/api/events?since=2019-03&until=2019-04").json()["items"]) == 1
    between = client.get("/api/events?actor=trump&with=kim").json()["items"]
    assert {e["type"] for e in between} == {"CONSULT", "REJECT"}
    quotes = client.get("/api/quotes?speaker=Trump").json()["items"]
    assert [q["text"] for q in quotes] == ["We had a very good dinner,"]
    assert client.get("/api/quotes?q=dinner").json()["items"][0]["speaker"] == "Donald Trump"
    actors = client.get("/api/actors?kind=person&limit=2").json()
    assert [a["id"] for a in actors["items"]] == ["trump", "kim"] and actors["next_offset"] == 2


def test_api_single_records(client):
    one = client.get("/api/articles/art1").json()
    assert one["article"]["headline"] == "Trump and Kim meet in Hanoi"
    assert one["duplicates"] == ["art2"] and len(one["quotes"]) == 1 and len(one["events"]) == 2
    assert {m["actor_id"] for m in one["mentions"]} == {"trump", "kim", "moon"}
    actor = client.get("/api/actors/kim").json()
    assert actor["actor"]["name"] == "Kim Jong Un" and actor["articles"] == 4 and actor["events"] == 5
    dyad = client.get("/api/dyad?a=USA&b=PRK").json()
    busy = [(m["month"], m["quad1"], m["quad3"]) for m in dyad if m["events"]]
    assert busy == [("2019-02", 1, 0), ("2019-05", 0, 1)]
    graph = client.get("/api/network").json()
    assert {(e["source"], e["target"]) for e in graph["edges"]} >= {("trump", "kim"), ("evil", "kim")}
    assert [e["date"] for e in client.get("/api/timeline?actor=evil").json()] == ["2019-03-05"]


def test_openapi_documents_the_api(client):
    schema = client.get("/openapi.json").json()
    for path in ["/api/articles", "/api/events", "/api/quotes", "/api/actors", "/api/articles/{article_id}",
                 "/api/actors/{actor_id}"]:
        assert path in schema["paths"], path
    params = {p["name"] for p in schema["paths"]["/api/events"]["get"]["parameters"]}
    assert params >= {"actor", "with", "since", "until", "status", "type", "limit", "offset"}
    assert "/" not in schema["paths"]  # pages stay out of the API schema
    assert client.get("/docs").status_code == 404  # Swagger UI would need a CDN


@pytest.mark.parametrize("path", ["/articles/nope", "/actors/nobody-at-all", "/no/such/page"])
def test_unknown_ids_give_an_html_404(client, path):
    r = client.get(path)
    assert r.status_code == 404 and r.headers["content-type"].startswith("text/html")
    assert "Not found" in r.text and "<nav>" in r.text


@pytest.mark.parametrize("path", ["/api/articles/nope", "/api/actors/nobody-at-all", "/api/nothing"])
def test_unknown_ids_give_a_json_404(client, path):
    r = client.get(path)
    assert r.status_code == 404 and r.json()["detail"]


@pytest.mark.parametrize("path, word", [
    ("/api/articles?limit=501", "limit"), ("/api/articles?limit=0", "limit"), ("/api/articles?offset=-1", "offset"),
    ("/api/articles?limit=ten", "limit"), ("/api/events?since=2019-13", "since"), ("/api/events?until=yesterday", "until"),
    ("/api/events?status=rumoured", "status"), ("/api/events?type=HUG", "type"), ("/api/actors?kind=robot", "kind"),
    ("/api/dyad?a=USA", "b"),
])
def test_malformed_api_params_give_422_with_a_message(client, path, word):
    r = client.get(path)
    assert r.status_code == 422
    assert word in r.json()["detail"]


@pytest.mark.parametrize("path", ["/?since=2019-02-30", "/timeline?status=bogus", "/?page=0", "/network?type=x"])
def test_malformed_page_params_give_an_html_422(client, path):
    r = client.get(path)
    assert r.status_code == 422 and "Bad request" in r.text and r.headers["content-type"].startswith("text/html")


def test_blank_form_fields_mean_no_filter(client):
    r = client.get("/?q=&outlet=&actor=&since=&until=")
    assert r.status_code == 200 and "/articles/art4" in r.text
    assert client.get("/timeline?actor=&a=&b=&status=&since=&until=&q=").status_code == 200


@pytest.mark.parametrize("kind", ["missing", "empty"])
def test_empty_or_missing_store_says_how_to_ingest(store_target, kind):
    from parley.errors import StoreError
    from parley.store import open_store

    if kind == "empty":
        open_store(store_target).close()
    with TestClient(create_app(store_target)) as c:
        for page in ["/", "/actors", "/timeline", "/network", "/dyad"]:
            r = c.get(page)
            assert r.status_code == 200 and "parley ingest PATH" in r.text, page
        assert c.get("/articles/x").status_code == 404 and "parley ingest" in c.get("/articles/x").text
        assert c.get("/api/articles").json()["items"] == []
        assert c.get("/api/events").json()["items"] == []
        assert c.get("/api/actors/x").status_code == 404
    if kind == "missing":  # viewing does not create the store
        with pytest.raises(StoreError):
            open_store(store_target, create=False)


def test_store_written_after_start_is_picked_up(store_target):
    from .conftest import build_store

    with TestClient(create_app(store_target)) as c:
        assert "parley ingest" in c.get("/").text
        build_store(store_target)
        assert "/articles/art1" in c.get("/").text
