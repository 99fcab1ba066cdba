"""The explainer in a real browser: click, tap, step, link, keyboard, consult mode."""

from __future__ import annotations

import statistics
from urllib.parse import parse_qs, urlparse

import pytest
from playwright.sync_api import expect

from bench.browser import (
    WATCH_PANEL,
    Sent,
    answered,
    click_node,
    node_point,
    open_app,
    panel_text,
    point_centre,
    settle,
    show_clinician_controls,
    wait_idle,
)
from bench.catalogs import shared_catalog
from bench.timing import contention, scaled
from mechanisms.content.load import data_folder
from mechanisms.present.audience import PATIENT, edge_heading, edge_word, node_label

CATALOG = shared_catalog(data_folder())
GRAPH = CATALOG.graphs.get("dry-needling") or next(iter(CATALOG.graphs.values()))
STEP1 = GRAPH.nodes_in_step(GRAPH.steps[0].id)
LAST_STEP = GRAPH.steps[-1]
# Two nodes of the first step (the step view frames one step: both are on screen), and an edge, to click.
FIRST, OTHER = STEP1[0], STEP1[-1]
EDGE = GRAPH.edges[0]


def label(node, audience: str = PATIENT) -> str:
    return node_label(node, audience)


def query(page) -> dict[str, str]:
    return {k: v[-1] for k, v in parse_qs(urlparse(page.url).query).items()}


def wait_panel(page, text: str, timeout: float = 15_000) -> None:
    page.wait_for_function(
        "(t) => { const h = document.querySelector('.st-key-detail h3'); return h && h.innerText.trim() === t; }",
        arg=text, timeout=timeout,
    )


def no_exception(page) -> None:
    assert page.locator('[data-testid="stException"]').count() == 0


def test_start_page_gives_the_key_message_without_a_click(page, app_url):
    open_app(page, app_url)
    body = page.locator("body").inner_text()
    assert GRAPH.title in body
    assert GRAPH.summary.split(".")[0] in body
    assert "does not diagnose" in body
    assert f"Step 1 of {len(GRAPH.steps)}" in body
    assert page.locator(".js-plotly-plot").count() == 1
    assert page.get_by_role("button", name="Next").is_enabled()
    no_exception(page)


def test_click_node_shows_its_panel_and_highlights_it(page, app_url):
    open_app(page, app_url)
    click_node(page, OTHER.id)
    wait_panel(page, label(OTHER))
    wait_idle(page)
    assert OTHER.patient[:40] in panel_text(page)
    page.wait_for_function("(id) => location.search.includes('node=' + id)", arg=OTHER.id)
    sizes = page.evaluate(
        """(id) => { const t = document.querySelector('.js-plotly-plot').data.find(tr => tr.name === 'mechanism');
            return [t.marker.size[t.customdata.indexOf(id)], Math.min(...t.marker.size)]; }""",
        OTHER.id,
    )
    assert sizes[0] > sizes[1], "the clicked node is drawn larger than the others"
    # The panel follows the node to its step.
    step_no = [s.id for s in GRAPH.steps].index(OTHER.step) + 1
    assert f"Step {step_no} of" in page.locator("body").inner_text()


def test_click_edge_midpoint_shows_the_link(page, app_url):
    open_app(page, app_url)
    click_node(page, EDGE.id)
    source, target = GRAPH.node(EDGE.source), GRAPH.node(EDGE.target)
    wait_panel(page, edge_heading(GRAPH, EDGE, PATIENT)[0])  # the link explains itself: its first sentence heads it
    body = panel_text(page)
    assert label(source) in body and label(target) in body and edge_word(EDGE.kind, PATIENT) in body


def test_second_click_on_the_same_node_keeps_it_selected(page, app_url):
    sent = Sent(page)
    open_app(page, app_url)
    clicked = page.evaluate("() => performance.now()")
    click_node(page, FIRST.id)
    wait_panel(page, label(FIRST))
    wait_idle(page)
    # A second click, not a double-click: plotly's double-click window since the first click has passed.
    page.wait_for_function("(t) => performance.now() - t > document.querySelector('.js-plotly-plot')"
                           "._context.doubleClickDelay + 100", arg=clicked)
    answered(page, sent, lambda: click_node(page, FIRST.id))
    assert page.locator(".st-key-detail h3").inner_text().strip() == label(FIRST)


def test_fast_clicks_on_two_nodes_select_the_second(page, app_url):
    open_app(page, app_url)
    click_node(page, FIRST.id)
    wait_panel(page, label(FIRST))
    wait_idle(page)
    click_node(page, OTHER.id)  # well inside plotly's default 500 ms double-click window
    wait_panel(page, label(OTHER))


def test_next_and_previous_walk_the_steps(page, app_url):
    open_app(page, app_url)
    page.get_by_role("button", name="Next").click()
    page.wait_for_function("() => document.body.innerText.includes('Step 2 of')")
    wait_idle(page)
    assert query(page).get("step") == "2"
    assert GRAPH.steps[1].title in page.locator("body").inner_text()
    page.get_by_role("button", name="Previous").click()
    page.wait_for_function("() => document.body.innerText.includes('Step 1 of')")
    wait_idle(page)
    assert query(page).get("step") == "1"
    assert page.get_by_role("button", name="Previous").is_disabled()


def test_deep_link_opens_exactly_that_view(page, app_url):
    step_no = [s.id for s in GRAPH.steps].index(OTHER.step) + 1
    open_app(page, app_url, f"?graph={GRAPH.id}&step={step_no}&node={OTHER.id}&audience=practitioner")
    wait_panel(page, label(OTHER, "practitioner"))
    assert OTHER.practitioner[:40] in panel_text(page)
    assert f"Step {step_no} of" in page.locator("body").inner_text()
    assert query(page)["audience"] == "practitioner"


@pytest.mark.parametrize(
    "bad",
    [
        "?step=999&node=nope",
        "?graph=%3Cscript%3Ealert(1)%3C%2Fscript%3E&step=-1",
        "?node=%22%3E%3Cimg%20src%3Dx%20onerror%3Dalert(1)%3E&audience=admin&mode=%FF%FE",
        "?step=2&step=abc&node=" + "x" * 5000,
    ],
)
def test_bad_deep_link_falls_back_to_the_start_quietly(page, app_url, bad):
    open_app(page, app_url, bad)
    body = page.locator("body").inner_text()
    assert f"Step 1 of {len(GRAPH.steps)}" in body
    assert "not recognised" in body
    assert "<script>" not in body and "onerror" not in body
    no_exception(page)
    settle(page)
    assert page.dialogs == []


def test_audience_switch_changes_text_and_link(page, app_url):
    open_app(page, app_url, f"?node={FIRST.id}")
    wait_panel(page, label(FIRST))
    show_clinician_controls(page)
    page.get_by_role("radio", name="Practitioner").click()
    wait_panel(page, label(FIRST, "practitioner"))
    # The label can be the same in both audiences: wait for the practitioner's text itself, not the rerun's end
    # (a wait for "idle" could pass before the rerun had started).
    page.wait_for_function("(t) => document.querySelector('.st-key-detail').innerText.includes(t)",
                           arg=FIRST.practitioner[:40], timeout=15_000)
    wait_idle(page)
    assert FIRST.practitioner[:40] in panel_text(page)
    assert query(page).get("audience") == "practitioner"


def test_consult_mode_shows_the_step_diagram_and_explanations_in_large_type(page, app_url):
    open_app(page, app_url)
    show_clinician_controls(page)
    page.get_by_text("Consult mode").click()
    page.wait_for_selector(".st-key-side-consult")
    wait_idle(page)
    assert query(page).get("mode") == "consult"
    assert page.locator("h1").count() == 0
    assert page.locator(".st-key-picker").count() == 0
    size = page.evaluate(
        "() => parseFloat(getComputedStyle(document.querySelector('.st-key-side-consult p')).fontSize)"
    )
    assert size >= 22
    assert page.locator(".js-plotly-plot").count() == 1


def test_outline_lists_every_step_as_text(page, app_url):
    open_app(page, app_url)
    outline = page.locator('[data-testid="stExpander"]').last
    assert "Step 8." not in outline.inner_text(), "written only when opened (cold-load cost)"
    page.get_by_text("Text version of the whole diagram").click()
    expect(outline).to_contain_text("Step 8.")
    text = outline.inner_text()
    for step in GRAPH.steps:
        assert step.title in text
    for node in GRAPH.nodes:
        assert (label(node) in text) is not node.detail, "a patient's outline follows the core path"


def test_keyboard_reaches_and_selects_any_node(page, app_url):
    open_app(page, app_url)
    target = OTHER
    for _ in range(40):
        page.keyboard.press("Tab")
        if page.evaluate("() => document.activeElement && document.activeElement.getAttribute('role') === 'combobox'"):
            break
    else:
        pytest.fail("the node picker was not reachable with Tab")
    outline = page.evaluate("() => getComputedStyle(document.activeElement).outlineStyle + ' ' + "
                            "getComputedStyle(document.activeElement.closest('[data-baseweb=select]') || "
                            "document.activeElement).boxShadow")
    assert outline.strip() not in ("none none", "")
    page.keyboard.type(label(target)[:12])
    page.keyboard.press("Enter")
    wait_panel(page, label(target))


def test_phone_tap_selects_the_node_tapped_not_the_one_before(phone, app_url):
    open_app(phone, app_url)
    for node in (FIRST, OTHER, FIRST):
        x, y = point_centre(phone, node_point(phone, node.id))
        phone.touchscreen.tap(x, y)
        wait_panel(phone, label(node))
        wait_idle(phone)
        # The explanation comes into view without hunting for it.
        phone.wait_for_function(
            "() => { const r = document.querySelector('.st-key-detail').getBoundingClientRect();"
            " return r.top < window.innerHeight && r.bottom > 0; }",
            timeout=5_000,
        )
        settle(phone)


def swipe_up(page, x: float, y: float, distance: float) -> None:
    """A finger drag upward (page content should follow), as raw CDP touch events."""
    cdp = page.context.new_cdp_session(page)
    cdp.send("Input.dispatchTouchEvent", {"type": "touchStart", "touchPoints": [{"x": x, "y": y}]})
    for k in range(1, 11):
        point = {"x": x, "y": y - distance * k / 10}
        cdp.send("Input.dispatchTouchEvent", {"type": "touchMove", "touchPoints": [point]})
    cdp.send("Input.dispatchTouchEvent", {"type": "touchEnd", "touchPoints": []})
    cdp.detach()


def test_phone_page_scrolls_through_the_chart_without_a_scroll_trap(phone, app_url):
    open_app(phone, app_url)
    overflow = phone.evaluate("() => document.documentElement.scrollWidth - window.innerWidth")
    assert overflow <= 1, "no sideways scrolling on a phone"
    chart = phone.locator(".js-plotly-plot")
    chart.scroll_into_view_if_needed()
    box = chart.bounding_box()
    scroller = "() => document.querySelector('[data-testid=stMain]').scrollTop"
    before = phone.evaluate(scroller)
    start_y = min(box["y"] + box["height"] / 2, 700)
    assert start_y > box["y"], "the swipe starts on the chart"
    swipe_up(phone, box["x"] + box["width"] / 2, start_y, 250)
    phone.wait_for_function(f"() => ({scroller})() > {before} + 100", timeout=5_000, polling=50)
    assert phone.evaluate(scroller) > before + 100, "a swipe on the chart scrolls the page"


def measure_click_ms(page, node) -> float:
    """Time from the click to the panel showing the node, measured inside the browser."""
    page.evaluate(WATCH_PANEL, label(node))
    x, y = point_centre(page, node_point(page, node.id))
    page.mouse.move(x, y)
    start = page.evaluate("() => performance.now()")
    page.mouse.click(x, y)
    page.wait_for_function("() => window.__at !== null", timeout=15_000)
    return page.evaluate("() => window.__at") - start


def test_click_latency_is_reported(page, app_url, record_property):
    open_app(page, app_url)
    targets = [STEP1[i % len(STEP1)] for i in range(8)]  # the parts on screen in the step view
    times = []
    busy = [contention()]
    for node in targets:
        times.append(measure_click_ms(page, node))
        settle(page)
    busy.append(contention())
    median = statistics.median(times)
    record_property("click_to_panel_median_ms", round(median, 1))
    print(f"click to panel: median {median:.0f} ms over {len(times)} clicks: {[round(t) for t in times]};"
          f" CPU contention {max(busy):.1f}x")
    # 1.5 s on an idle machine; on a shared one, as many times more as the CPUs were busier meanwhile.
    assert median < scaled(1500, *busy), "a generous CI bound; the README reports the measured figure"


def test_take_home_downloads(page, app_url, tmp_path):
    open_app(page, app_url)
    wait = scaled(60_000, contention())  # the server draws the PDF's pictures: a busy machine takes longer
    with page.expect_download(timeout=wait) as pdf_info:
        page.get_by_role("button", name="Handout for the patient (PDF)").click()
    pdf = pdf_info.value
    path = tmp_path / pdf.suggested_filename
    pdf.save_as(path)
    assert path.name == f"{GRAPH.id}-patient.pdf"
    assert path.read_bytes()[:5] == b"%PDF-"
    with page.expect_download(timeout=wait) as html_info:
        page.get_by_role("button", name="Interactive page for offline use (HTML)").click()
    html_path = tmp_path / "page.html"
    html_info.value.save_as(html_path)
    assert "graph-data" in html_path.read_text(encoding="utf-8")
