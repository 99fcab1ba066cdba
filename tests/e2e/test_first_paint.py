"""The first paint: a new page draws its diagram first, and the rest of the page arrives without moving it.

Positions are taken in the page itself, in the first animation frame in which the diagram's circles are
drawn, then again once the whole page is there: what the reader is looking at must not move.
"""

from __future__ import annotations

import pytest

from bench.browser import CHART_DRAWN, PAGE_COMPLETE, settle
from bench.timing import contention, scaled

SIZES = {
    "desktop": dict(viewport={"width": 1280, "height": 800}),
    "laptop": dict(viewport={"width": 1366, "height": 768}),
    "tablet": dict(viewport={"width": 1024, "height": 768}),
    "phone": dict(viewport={"width": 390, "height": 844}, device_scale_factor=2, is_mobile=True, has_touch=True),
}
VIEWS = {"patient": "?step=3", "practitioner": "?step=5&audience=practitioner", "consult": "?step=7&mode=consult"}

BOXES = """() => {
    const box = (sel) => { const e = document.querySelector(sel); if (!e) return null;
        const b = e.getBoundingClientRect(); return [b.x, b.y, b.width, b.height].map(Math.round); };
    return {chart: box('.js-plotly-plot'), heading: box('.st-key-step-text h2'), prev: box('.st-key-prev button'),
            next: box('.st-key-next button'), lists: document.querySelectorAll('[data-testid="stSelectbox"]').length,
            same_chart: !!document.querySelector('.js-plotly-plot')?.__firstPaint};
}"""
ABOVE = """() => { const name = (e) => { const k = e.querySelector('[class*="st-key-"]');
        return k ? k.className.match(/st-key-[\\w-]+/)[0] : e.innerText.slice(0, 12); };
    const main = document.querySelector('[data-testid="stMainBlockContainer"]');
    return [...main.querySelectorAll(':scope > div > div')].map(e => [e.getBoundingClientRect(), e])
        .filter(([b]) => b.height > 0 && b.top < 400).map(([b, e]) => [Math.round(b.top), Math.round(b.height),
            name(e)]); }"""
"""The blocks at the top of the page, where and how tall, with a name: which one moved, if anything did."""
FIRST_FRAME = f"""(() => {{ const drawn = {CHART_DRAWN}; const boxes = {BOXES}; const above = {ABOVE};
    const where = () => {{ const b = boxes(); return JSON.stringify([b.chart, b.heading, b.prev, b.next]); }};
    const watch = () => {{ const w = where(); if (!window.__seen.has(w)) window.__above[w] = above();
        window.__seen.add(w); if (!window.__stop) requestAnimationFrame(watch); }};
    const check = () => {{ if (!drawn()) return requestAnimationFrame(check);
        window.__first = boxes(); window.__firstAt = performance.now();
        window.__seen = new Set(); window.__above = {{}};
        document.querySelector('.js-plotly-plot').__firstPaint = true; watch(); }};
    requestAnimationFrame(check); }})();"""
"""Init script: where things are in the first frame with the diagram drawn (and a mark on that chart), then
in every frame after it, until the test stops it: so a jump and back while the rest arrives is seen too."""


@pytest.mark.parametrize("size", list(SIZES))
@pytest.mark.parametrize("view", list(VIEWS))
def test_the_rest_of_the_page_arrives_without_moving_the_diagram_the_step_or_next(browser, app_url, size, view):
    context = browser.new_context(**SIZES[size])
    page = context.new_page()
    try:
        busy = [contention()]
        page.add_init_script(FIRST_FRAME)
        page.goto(app_url + "/" + VIEWS[view])
        page.wait_for_function("() => window.__first !== undefined", timeout=60_000, polling=20)
        first = page.evaluate("window.__first")
        assert first["lists"] == 0, "the first paint leaves out the lists, whose code would delay the diagram"
        page.wait_for_function(PAGE_COMPLETE, timeout=30_000, polling=20)
        complete_after = page.evaluate("performance.now() - window.__firstAt")
        busy.append(contention())
        settle(page)  # fonts, images and animations done and two frames drawn: a late move would be recorded
        whole = page.evaluate(BOXES)
        frames = page.evaluate("() => { window.__stop = true; return window.__above; }")
        assert len(frames) == 1, f"the diagram, the step's heading or Previous/Next moved meanwhile: {frames}"
        assert whole["same_chart"], "the diagram is kept, not drawn again"
        for part in ("chart", "heading", "prev", "next"):
            assert first[part] is not None and first[part] == whole[part], (part, first[part], whole[part])
        assert whole["lists"] >= 1, "the step list (and, outside consult mode, the part picker) came"
        assert complete_after < scaled(10_000, *busy), f"the whole page {complete_after:.0f} ms after the diagram"
        controls = page.locator(".st-key-whole_picture").bounding_box()
        assert controls and controls["height"] > 0
        if size != "phone":  # on a phone the controls follow the diagram and the introduction
            assert 0 <= controls["y"] < first["chart"][1], "the controls fill the place kept for them"
    finally:
        context.close()
