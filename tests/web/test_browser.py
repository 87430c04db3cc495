"""The explorer in real headless Chromium (Debian's /usr/bin/chromium, driven by Playwright):
click through the pages, check the JS-driven views render and that no hostile payload runs."""

from __future__ import annotations

import socket
import threading
import time
from pathlib import Path

import pytest

CHROMIUM = Path("/usr/bin/chromium")
SHOTS = Path(__file__).resolve().parents[2] / "bench" / "out" / "web"
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--no-first-run"]

# one backend: these check what Chromium draws; the data drawn is the API's, which test_api.py checks
# on both backends
pytestmark = [pytest.mark.browser, pytest.mark.backends("sqlite"),
              pytest.mark.skipif(not CHROMIUM.exists(), reason="/usr/bin/chromium is not installed")]


@pytest.fixture(scope="module")
def server(web_db):
    import uvicorn

    from parley.web.app import create_app

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    srv = uvicorn.Server(uvicorn.Config(create_app(web_db), host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=srv.run, daemon=True)
    thread.start()
    for _ in range(200):
        if srv.started:
            break
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    srv.should_exit = True
    thread.join(timeout=5)


@pytest.fixture(scope="module")
def browser():
    sync_api = pytest.importorskip("playwright.sync_api")
    with sync_api.sync_playwright() as p:
        b = p.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        yield b
        b.close()


class Watch:
    """Everything that would betray a broken page or an executed payload."""

    def __init__(self, page):
        self.problems: list[str] = []
        self.dialogs: list[str] = []
        page.on("console", lambda m: m.type == "error" and self.problems.append(f"console: {m.text}"))
        page.on("pageerror", lambda e: self.problems.append(f"pageerror: {e}"))
        page.on("dialog", self._dialog)
        # a load cut short by the next navigation is aborted, not broken
        page.on("requestfailed", lambda r: "ERR_ABORTED" in (r.failure or "")
                or self.problems.append(f"request failed: {r.url} {r.failure}"))
        page.on("request", lambda r: r.url.startswith("http://127.0.0.1") or r.url.startswith("data:")
                or self.problems.append(f"external request: {r.url}"))

    def _dialog(self, dialog):
        self.dialogs.append(dialog.message)
        dialog.dismiss()


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    pg = context.new_page()
    pg.watch = Watch(pg)
    yield pg
    context.close()


def shot(page, name: str) -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / f"{name}.png"), full_page=True)


def test_click_through_search_article_actor_timeline(server, page):
    page.goto(server + "/")
    shot(page, "search")
    page.fill("form.filters input[name=q]", "Hanoi")
    page.click("form.filters button[type=submit]")
    page.wait_for_url("**/?q=Hanoi*")
    assert page.locator("ol.results li").count() >= 1
    page.click("ol.results a.headline >> text=Trump and Kim meet in Hanoi")
    page.wait_for_url("**/articles/art1")
    assert page.locator(".body a.mention").count() >= 3
    assert page.locator(".body .quote").count() == 1 and page.locator(".body .trigger").count() == 2
    assert not page.locator("details.removed").get_attribute("open")
    page.click("details.removed summary")
    assert page.locator("details.removed li").first.is_visible()
    shot(page, "article")
    page.click(".body a.mention >> text=Kim Jong Un")
    page.wait_for_url("**/actors/kim")
    assert page.locator("h1").inner_text() == "Kim Jong Un"
    assert page.locator("table.roles svg rect.span").count() == 1
    shot(page, "actor")
    page.click("p.links >> text=Timeline")
    page.wait_for_url("**/timeline?actor=kim")
    page.wait_for_selector("#timeline[data-rendered] .vis-item.vis-box")
    page.locator("#timeline .vis-item.vis-box").first.click()
    assert page.locator("#detail").is_visible()
    assert page.locator("#detail a").first.get_attribute("href").startswith("/articles/")
    shot(page, "timeline")
    assert page.watch.problems == [] and page.watch.dialogs == []


def test_hostile_article_payloads_stay_text(server, page):
    for path in ["/articles/art3", "/?q=crafted", "/actors/evil", "/timeline", "/network", "/actors"]:
        page.goto(server + path)
        page.wait_for_load_state("load")
        # nothing from the payloads became an element
        assert page.locator("img").count() == 0, path
        assert page.evaluate("document.querySelectorAll('script:not([src]):not([type=\"application/json\"])').length") == 0
    page.goto(server + "/articles/art3")
    assert "<script>alert(1)</script>" in page.locator("h1").inner_text()
    assert "<img src=x onerror=alert(1)>" in page.locator(".body").inner_text()
    page.click("details.removed summary")
    assert "<script>alert(1)</script>" in page.locator("details.removed").inner_text()
    shot(page, "hostile")
    page.goto(server + "/timeline?actor=evil")
    page.wait_for_selector("#timeline .vis-item.vis-box")
    page.locator("#timeline .vis-item.vis-box").first.click()
    assert "<img src=x onerror=alert(1)>" in page.locator("#detail").inner_text()
    assert page.locator("img").count() == 0
    assert page.watch.dialogs == []
    assert page.watch.problems == []


def test_network_renders_and_opens_evidence(server, page):
    page.goto(server + "/network")
    page.wait_for_selector("#network[data-rendered] canvas")
    assert int(page.get_attribute("#network", "data-rendered")) >= 3
    # tap the strongest edge through Cytoscape's own API (the canvas has no DOM per edge)
    page.evaluate("""() => {
        const cy = document.getElementById('network')._cyreg.cy;
        cy.edges().first().emit('tap');
    }""")
    page.wait_for_selector("#evidence li")
    assert page.locator("#evidence li a").first.get_attribute("href").startswith("/articles/")
    shot(page, "network")
    assert page.watch.problems == [] and page.watch.dialogs == []


def test_dyad_chart_renders(server, page):
    page.goto(server + "/dyad?a=USA&b=PRK")
    page.wait_for_selector("#dyad[data-rendered] svg rect")
    assert page.locator("#dyad svg rect").count() >= 2
    assert page.locator("#dyad polyline").count() == 1
    shot(page, "dyad")
    assert page.watch.problems == [] and page.watch.dialogs == []


def test_error_and_empty_pages_look_like_pages(server, page):
    page.goto(server + "/articles/missing")
    assert "Not found" in page.locator("h1").inner_text()
    page.goto(server + "/?since=nonsense")
    assert "Bad request" in page.locator("h1").inner_text()
    shot(page, "error-422")
    assert [p for p in page.watch.problems if "404" not in p and "422" not in p] == []
