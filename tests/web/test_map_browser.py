"""The map page in headless Chromium: Leaflet draws the bundled outline and the places, popups
open, nothing is fetched from outside, and article text stays text."""

from __future__ import annotations

from .test_browser import CHROMIUM, browser, page, server, shot  # noqa: F401  (fixtures)

import pytest

# one backend: drawing in Chromium, not the store (test_browser.py says why)
pytestmark = [pytest.mark.browser, pytest.mark.backends("sqlite"),
              pytest.mark.skipif(not CHROMIUM.exists(), reason="/usr/bin/chromium is not installed")]


def test_map_draws_outline_and_places_and_opens_a_popup(server, page):  # noqa: F811
    page.goto(server + "/map")
    page.wait_for_selector("#map[data-rendered][data-outline]")
    assert page.locator("#map path.leaflet-interactive").count() >= 1  # the places
    assert page.locator("#map path").count() > 100  # the countries of the outline
    page.locator("#map path.leaflet-interactive").first.click(force=True)
    popup = page.locator(".leaflet-popup-content")
    popup.wait_for()
    assert "Hanoi" in popup.inner_text() and "event(s)" in popup.inner_text()
    assert popup.locator("a").first.get_attribute("href").startswith("/articles/")
    assert page.locator("img").count() == 0  # the hostile actor's name is text, not an element
    shot(page, "map")
    assert page.watch.problems == [] and page.watch.dialogs == []
