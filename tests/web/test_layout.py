"""Every page at a desktop (1280 px) and a phone (390 px) width in headless Chromium: nothing scrolls
sideways (a wide table scrolls inside its own box), and the charts keep their labels inside the plot.
Screenshots go to bench/out/web/layout-*.png for a person to look at."""

from __future__ import annotations

import pytest

from .test_browser import SHOTS, browser, server  # noqa: F401 - fixtures

# one backend: layout in Chromium, not the store (test_browser.py says why)
pytestmark = [pytest.mark.browser, pytest.mark.backends("sqlite")]

PAGES = {
    "search": "/",
    "search-query": "/?q=Kim",
    "article": "/articles/art1",
    "actors": "/actors",
    "actor": "/actors/kim",
    "timeline": "/timeline",
    "network": "/network",
    "dyad": "/dyad?a=trump&b=kim",
    "error": "/?since=nonsense",
}
WIDTHS = (1280, 390)

# how far page content sticks out past the viewport, ignoring what scrolls inside its own box
OUTSIDE = """() => {
  const width = document.documentElement.clientWidth;
  const out = [];
  for (const el of document.querySelectorAll('body *')) {
    const box = el.getBoundingClientRect();
    if (box.width === 0 || box.right <= width + 1) continue;
    let clipped = false;
    for (let p = el.parentElement; p && !clipped; p = p.parentElement) {
      clipped = ['auto', 'scroll', 'hidden'].includes(getComputedStyle(p).overflowX) && p !== document.body;
    }
    if (!clipped) out.push(el.tagName.toLowerCase() + '.' + el.className + ' ends at ' + Math.round(box.right));
  }
  return {scroll: document.documentElement.scrollWidth, width: width, out: out.slice(0, 5)};
}"""


@pytest.fixture(params=WIDTHS, ids=lambda w: f"{w}px")
def sized(request, browser):  # noqa: F811
    context = browser.new_context(viewport={"width": request.param, "height": 900})
    yield context.new_page(), request.param
    context.close()


def _settle(page, name: str) -> None:
    page.wait_for_load_state("load")
    ready = {"timeline": "#timeline[data-rendered] .vis-item.vis-box", "network": "#network[data-rendered] canvas",
             "dyad": "#dyad[data-rendered] svg rect"}.get(name)
    if ready:
        page.wait_for_selector(ready)
        page.wait_for_timeout(300)  # vis-timeline fits its first view on its first redraw


@pytest.mark.parametrize("name", list(PAGES))
def test_page_fits_the_width(server, sized, name):  # noqa: F811
    page, width = sized
    page.goto(server + PAGES[name])
    _settle(page, name)
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / f"layout-{name}-{width}.png"), full_page=True)
    found = page.evaluate(OUTSIDE)
    assert found["scroll"] <= found["width"] and not found["out"], found


def test_timeline_first_view_holds_every_label(server, sized):  # noqa: F811
    page, _ = sized
    page.goto(server + "/timeline")
    _settle(page, "timeline")
    page.wait_for_function("""() => {
      const frame = document.querySelector('#timeline .vis-center').getBoundingClientRect();
      const items = [...document.querySelectorAll('#timeline .vis-item.vis-box')];
      return items.length > 0 && items.every(i => {
        const b = i.getBoundingClientRect();
        return b.left >= frame.left - 1 && b.right <= frame.right + 1;
      });
    }""", timeout=5000)


def test_dyad_labels_stay_inside_the_chart(server, sized):  # noqa: F811
    page, _ = sized
    page.goto(server + "/dyad?a=trump&b=kim")
    _settle(page, "dyad")
    outside = page.evaluate("""() => {
      const frame = document.querySelector('#dyad svg').getBoundingClientRect();
      return [...document.querySelectorAll('#dyad svg text')].map(t => [t.textContent, t.getBoundingClientRect()])
        .filter(([, b]) => b.left < frame.left - 1 || b.right > frame.right + 1 || b.top < frame.top - 1
                           || b.bottom > frame.bottom + 1).map(([text]) => text);
    }""")
    assert outside == []


def test_dyad_halves_share_one_scale_and_the_form_shows_names(server, sized):  # noqa: F811
    page, _ = sized
    page.goto(server + "/dyad?a=trump&b=kim")
    _settle(page, "dyad")
    ticks = page.evaluate("""() => [...document.querySelectorAll('#dyad svg text')]
        .filter(t => t.getAttribute('text-anchor') === 'end').map(t => t.textContent)""")
    top, bottom = ticks[0], ticks[2]  # the first three ticks: the top, zero and the bottom
    assert top == bottom and ticks[1] == "0"
    assert page.input_value("input[name=a]") == "Donald Trump" and page.input_value("input[name=b]") == "Kim Jong Un"


def test_network_labels_readable_and_inside_the_plot(server, sized):  # noqa: F811
    page, _ = sized
    page.goto(server + "/network")
    _settle(page, "network")
    found = page.evaluate("""() => {
      const host = document.getElementById('network'), cy = host._cyreg.cy;
      const w = host.clientWidth, h = host.clientHeight;
      const labelled = cy.nodes('.labelled');
      return {
        labelled: labelled.length,
        fontPx: labelled.map(n => parseFloat(n.style('font-size')) * cy.zoom()),
        outside: labelled.filter(n => {
          const b = n.renderedBoundingBox({includeLabels: true});
          return b.x1 < -1 || b.y1 < -1 || b.x2 > w + 1 || b.y2 > h + 1;
        }).map(n => n.data('name')),
        sizes: cy.nodes().map(n => [n.data('degree'), n.width()]),
      };
    }""")
    assert found["labelled"] >= 3 and found["outside"] == []
    assert all(px >= 12 for px in found["fontPx"])
    by_degree = sorted(found["sizes"])
    assert by_degree[0][1] < by_degree[-1][1]  # more connected, bigger
