"""Today's treatment at the chair: a tap on each body area marks it, the page says it, a link restores it."""

from __future__ import annotations

from urllib.parse import parse_qs, urlsplit

import pytest

from bench.browser import open_app, settle, show_clinician_controls, wait_address, wait_idle
from bench.catalogs import shared_catalog
from mechanisms.content.load import data_folder
from mechanisms.present.catalogue import words
from mechanisms.present.treatment import today_sentence
from mechanisms.present.view import View

EN = words("en")
GRAPH = shared_catalog(data_folder()).graphs["dry-needling"]
AREAS = [a.id for a in GRAPH.treatment.areas]
VIEWPORTS = {"desktop": dict(viewport={"width": 1280, "height": 800}),
             "phone": dict(viewport={"width": 390, "height": 844}, device_scale_factor=2, is_mobile=True,
                           has_touch=True)}
PILLS = '[data-testid="stPopoverBody"] [data-testid="stButtonGroup"] button'
"""The list of areas under the map, one button each (pressed when marked)."""
TARGET = """(id) => {
    const gd = document.querySelector('[data-testid="stPopoverBody"] .js-plotly-plot');
    if (!gd || !gd._fullLayout) return null;
    const trace = gd.data[0], i = trace.customdata.indexOf(id), fl = gd._fullLayout, r = gd.getBoundingClientRect();
    return [r.left + fl.xaxis._offset + fl.xaxis.l2p(trace.x[i]), r.top + fl.yaxis._offset + fl.yaxis.l2p(trace.y[i])];
}"""


def marked(page) -> list[str]:
    areas = parse_qs(urlsplit(page.url).query).get("areas", [""])[0]
    return [a for a in areas.split(",") if a]


def wait_marked(page, areas: list[str]) -> None:
    page.wait_for_function("(want) => (new URLSearchParams(location.search).get('areas') || '') === want",
                           arg=",".join(areas), timeout=15_000)
    wait_idle(page)


def open_map(page, touch: bool) -> None:
    show_clinician_controls(page)
    button = page.locator(".st-key-today_open button").first
    button.tap() if touch else button.click()
    page.wait_for_function(f"() => !!({TARGET.replace('(id) =>', '() =>').replace('indexOf(id)', 'length')})",
                           timeout=15_000)
    settle(page)  # the popover's opening animation over: taps land where the map is drawn


def tap_area(page, area: str, touch: bool) -> None:
    page.locator('[data-testid="stPopoverBody"] .js-plotly-plot').scroll_into_view_if_needed()
    # Where the area is once the map has stopped moving (the page above the popover may have just grown: today's
    # box appears with the first area), read in two frames in a row.
    x, y = page.evaluate("""([target, id]) => new Promise(done => { const at = eval(target); let last = null;
        const look = () => { const now = at(id); if (now && last && now[0] === last[0] && now[1] === last[1]) done(now);
                             else { last = now; requestAnimationFrame(look); } }; look(); })""", [TARGET, area])
    page.touchscreen.tap(x, y) if touch else page.mouse.click(x, y)


@pytest.mark.parametrize("size", list(VIEWPORTS))
def test_a_tap_on_each_area_marks_it_and_a_second_tap_takes_it_off(new_page, app_url, size):
    touch = size == "phone"
    page = new_page(**VIEWPORTS[size])
    open_app(page, app_url, "?graph=dry-needling&step=2")
    open_map(page, touch)
    chosen: list[str] = []
    for area in AREAS:
        tap_area(page, area, touch)
        chosen.append(area)
        wait_marked(page, chosen)
        pills = page.locator(f'{PILLS}[aria-pressed="true"]')
        assert pills.count() == len(chosen), f"the list below the map follows: {area}"
    for area in ("calf", "jaw-face"):  # the same spot again: off
        tap_area(page, area, touch)
        chosen.remove(area)
        wait_marked(page, chosen)
    assert marked(page) == chosen
    page.keyboard.press("Escape")
    wait_idle(page)
    intro = page.locator(".st-key-today-first").inner_text()
    assert today_sentence(GRAPH, View(GRAPH.id, areas=tuple(chosen))) in intro
    assert "Step 2 of 8" in page.locator(".st-key-step-text h2").inner_text(), "the story stays where it was"


def test_the_list_is_the_keyboard_route_and_the_current_is_remembered(page, app_url):
    open_app(page, app_url, "?graph=dry-needling&step=1")
    open_map(page, touch=False)
    pill = page.locator(PILLS, has_text="Lower back")
    pill.focus()
    page.keyboard.press("Enter")
    wait_marked(page, ["low-back"])
    page.locator('.st-key-option-estim label').click()
    page.wait_for_function("() => new URLSearchParams(location.search).get('estim') === 'yes'", timeout=15_000)
    wait_idle(page)
    page.keyboard.press("Escape")
    body = page.locator("body").inner_text()
    assert today_sentence(GRAPH, View(GRAPH.id, areas=("low-back",), options=("estim",))) in body


def test_a_shared_link_restores_the_treatment_with_its_caution_and_a_tampered_one_falls_back(page, app_url):
    open_app(page, app_url, "?graph=dry-needling&step=3&areas=upper-back,calf&estim=yes")
    sentence = today_sentence(GRAPH, View(GRAPH.id, areas=("upper-back", "calf"), options=("estim",)))
    assert sentence in page.locator(".st-key-today-first").inner_text()
    page.click(f"text={EN.today_pointer}")
    page.wait_for_function("() => { const y = document.querySelector('.st-key-today').getBoundingClientRect().y;"
                           " return 0 <= y && y < 800; }", timeout=15_000, polling=50)
    today = page.locator(".st-key-today")
    box = today.bounding_box()
    assert box and 0 <= box["y"] < 800, "the link lands on today's treatment"
    text = today.inner_text()
    assert EN.today_cautions in text and "lung" in text and "Patel 2019" in text

    open_app(page, app_url, "?graph=dry-needling&areas=upper-back,%3Cscript%3E&estim=maybe")
    body = page.locator("body").inner_text()
    assert "areas" in body and "estim" in body, "the notice names what was ignored"
    assert today_sentence(GRAPH, View(GRAPH.id, areas=("upper-back",))) in body and "<script>" not in body
    assert marked(page) == ["upper-back"]


def test_in_consult_mode_the_physio_marks_the_areas_at_the_chair(page, app_url):
    open_app(page, app_url, "?graph=dry-needling&step=5&mode=consult")
    open_map(page, touch=False)
    tap_area(page, "chest", touch=False)
    wait_marked(page, ["chest"])
    page.keyboard.press("Escape")
    wait_idle(page)
    today = page.locator(".st-key-today").inner_text()
    assert today_sentence(GRAPH, View(GRAPH.id, areas=("chest",))) in today and "lung" in today
    wait_address(page, "mode=consult")  # still at the chair


def test_on_a_phone_the_link_to_today_shows_each_urgent_caution_whole_and_uncovered(phone, app_url):
    """The QR link of a neck-and-shoulders visit: the lung and the spine cautions, each with the number to call,
    land in sight after the reader taps 'What to watch for after today', and nothing fixed is drawn over them."""
    page = phone
    open_app(page, app_url, "?graph=dry-needling&step=1&areas=neck-shoulders")
    page.locator(f"text={EN.today_pointer}").tap()
    page.wait_for_function("() => { const y = document.querySelector('.st-key-today').getBoundingClientRect().y;"
                           " return 0 <= y && y < 844 * 0.5; }", timeout=15_000, polling=50)
    settle(page)
    today = page.locator(".st-key-today")
    box = today.bounding_box()
    assert box and 0 <= box["y"] < 844 * 0.5, f"the box starts in the top half of the screen: {box}"
    cautions = today.locator("li")
    assert cautions.count() == 2, "the lung and the spine, each once"
    bar = page.locator(".st-key-stepbar").bounding_box()
    for i, said in enumerate(("collapse", "spinal cord")):
        item = cautions.nth(i)
        assert said in item.inner_text() and "call your local emergency number" in item.inner_text()
        item.evaluate("e => e.scrollIntoView({block: 'center'})")  # as a reader scrolls it up to read
        settle(page)
        where = item.evaluate(
            "e => { const r = e.getBoundingClientRect(); const hit = (y) => e.contains("
            "document.elementFromPoint(r.left + 20, y)); return {top: r.top, bottom: r.bottom, right: r.right,"
            " covered: [r.top + 4, r.top + r.height / 2, r.bottom - 4].filter(y => !hit(y)).length}; }")
        assert where["top"] >= 0 and where["bottom"] <= bar["y"] and where["right"] <= 390, where
        assert where["covered"] == 0, f"nothing drawn over the caution: {where}"
