"""The step view as a reader meets it, at 1280x800 and on a 390x844 touch phone: positions, not presence."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from bench.browser import (
    CHART_DRAWN,
    click_node,
    node_point,
    open_app,
    point_centre,
    seen_bottom,
    settle,
    step_view,
    wait_address,
    wait_idle,
    wait_in_sight,
    wait_stored,
)
from bench.catalogs import shared_catalog
from mechanisms.content.load import data_folder
from mechanisms.present.audience import PATIENT, node_label
from mechanisms.present.catalogue import words

GRAPH = shared_catalog(data_folder()).graphs["dry-needling"].core
"""Every view here is a patient's, who follows the core path (more detail is off)."""
EN = words("en")
VIEWPORTS = {"desktop": dict(viewport={"width": 1280, "height": 800}),
             "phone": dict(viewport={"width": 390, "height": 844}, device_scale_factor=2, is_mobile=True,
                           has_touch=True)}


@pytest.fixture(params=list(VIEWPORTS))
def reader(request, new_page):
    page = new_page(**VIEWPORTS[request.param])
    page.touch = request.param == "phone"  # type: ignore[attr-defined]
    return page


def press(page, selector: str) -> None:
    page.evaluate("() => { const gd = document.querySelector('.js-plotly-plot'); if (gd) gd.__old = true; }")
    if page.touch:
        page.tap(selector)
    else:
        page.click(selector)
    wait_idle(page)
    page.wait_for_function("() => { const gd = document.querySelector('.js-plotly-plot'); return gd && !gd.__old; }")
    page.wait_for_function(CHART_DRAWN)


def choose(page, node) -> dict:
    """Tap (phone) or click a node as a reader would; where things are once its explanation shows."""
    if page.touch:
        page.touchscreen.tap(*point_centre(page, node_point(page, node.id)))
    else:
        click_node(page, node.id)
    page.wait_for_function(
        "(t) => { const h = document.querySelector('.st-key-detail h3'); return h && h.innerText.trim() === t; }",
        arg=node_label(node, PATIENT), timeout=15_000)
    settle(page)  # the page's scroll to the explanation done: positions are final
    return step_view(page)


def step_circles_on_screen(view: dict, step_index: int) -> None:
    wanted = {n.id for n in GRAPH.nodes_in_step(GRAPH.steps[step_index].id)}
    shown = {c["id"]: c for c in view["strong"]}
    assert wanted <= set(shown), f"step {step_index + 1}: {wanted - set(shown)} not drawn strongly"
    bottom = seen_bottom(view)
    for node_id in wanted:
        c = shown[node_id]
        assert 0 < c["x"] < view["width"] and 0 < c["y"] < bottom, (step_index + 1, node_id, c, bottom)


WHERE = """() => { const f = document.querySelector('.st-key-step-text figure.where'); if (!f) return null;
    const box = (e) => { const b = e.getBoundingClientRect(); return {top: b.top, bottom: b.bottom, left: b.left,
        right: b.right}; };
    const bar = document.querySelector('.st-key-stepbar').getBoundingClientRect().top;
    const next = f.nextElementSibling, heading = document.querySelector('.st-key-step-text h2');
    return {src: f.querySelector('img').getAttribute('src'), picture: box(f.querySelector('img')),
            caption: f.querySelector('figcaption').innerText, heading: box(heading), text: box(next), bar,
            width: innerWidth}; }"""
"""The step's body picture as drawn: its source, its box and its caption's, the heading above and the text below."""


def test_every_step_shows_where_in_the_body_under_its_heading_in_sight_after_next(reader, app_url):
    from mechanisms.diagram.locator import PHONE_PX, SCREEN_PX, where

    open_app(reader, app_url)
    for index, step in enumerate(GRAPH.steps):
        if index:
            press(reader, ".st-key-next button")
            reader.evaluate("() => document.querySelector('.st-key-step-text h2').scrollIntoView({block: 'start'})")
        shown, wanted = reader.evaluate(WHERE), where(GRAPH, step.id, EN)
        assert shown and shown["src"] == wanted.src, (index + 1, "the picture lights this step's regions")
        assert " ".join(shown["caption"].split()) == f"{wanted.lead} {wanted.places}", (index + 1, shown["caption"])
        picture = shown["picture"]
        size = (round(picture["right"] - picture["left"]), round(picture["bottom"] - picture["top"]))
        assert size == (PHONE_PX if reader.touch else SCREEN_PX), (index + 1, size)
        assert picture["top"] >= 0 and picture["bottom"] <= shown["bar"] and picture["right"] <= shown["width"], \
            (index + 1, "in sight with the step's heading", shown)
        assert shown["heading"]["bottom"] <= picture["top"] and picture["bottom"] <= shown["text"]["top"], \
            (index + 1, "between the heading and the step's text, on neither", shown)


def test_the_diagram_takes_a_third_of_the_first_screen(reader, app_url):
    open_app(reader, app_url)
    view = step_view(reader)
    seen = min(view["chart"]["bottom"], seen_bottom(view)) - max(view["chart"]["top"], 0)
    assert seen >= view["height"] / 3, f"{seen:.0f} px of {view['height']} px"
    step_circles_on_screen(view, 0)


def diagram_in_sight(page) -> None:
    """On a phone the step's text comes first and the diagram after it: the reader scrolls to it."""
    if page.touch:
        page.evaluate("() => document.querySelector('.st-key-diagram').scrollIntoView({block: 'start'})")


def test_next_brings_every_step_on_screen_and_stays_in_one_place(reader, app_url):
    open_app(reader, app_url)
    first = step_view(reader)["next"]
    for index in range(1, len(GRAPH.steps)):
        press(reader, ".st-key-next button")
        diagram_in_sight(reader)
        view = step_view(reader)
        step_circles_on_screen(view, index)
        assert abs(view["next"]["top"] - first["top"]) < 1 and abs(view["next"]["left"] - first["left"]) < 1
        assert view["next"]["height"] >= 44 and view["next"]["width"] >= 44
    press(reader, ".st-key-prev button")
    diagram_in_sight(reader)
    step_circles_on_screen(step_view(reader), len(GRAPH.steps) - 2)


def test_a_shared_link_opens_with_its_step_on_screen(reader, app_url):
    node = GRAPH.nodes_in_step(GRAPH.steps[6].id)[0]
    open_app(reader, app_url, f"?graph={GRAPH.id}&step=7&node={node.id}")
    # The page brings the explanation into sight once laid out: on a busy machine a frame or two after the page.
    wait_in_sight(reader, ".st-key-detail h3", timeout=10_000)
    view = step_view(reader)
    assert view["panel"] and view["panel"]["top"] >= 0 and view["panel"]["bottom"] <= view["height"]
    # The selected node and its neighbours are strong; the step's own nodes must be in the frame.
    bottom = seen_bottom(view)
    shown = {c["id"]: c for c in view["strong"]}
    assert 0 < shown[node.id]["y"] < bottom


HEADING_TOP = "() => document.querySelector('.st-key-detail h3').getBoundingClientRect().top"
PUSH_DOWN = """() => { const d = document.createElement('div'); d.className = 'late'; d.style.height = '900px';
    document.querySelector('.st-key-detail').before(d); }"""


def test_the_explanation_stays_in_sight_while_the_page_fills_in_until_the_reader_scrolls(reader, app_url):
    node = GRAPH.nodes_in_step(GRAPH.steps[6].id)[0]
    open_app(reader, app_url, f"?graph={GRAPH.id}&step=7&node={node.id}")
    wait_in_sight(reader, ".st-key-detail h3", timeout=10_000)
    # The browser's own scroll anchoring often hides a push (not always, e.g. before anything was scrolled).
    reader.add_style_tag(content="* { overflow-anchor: none !important; }")
    # Something drawn late above the explanation (as the diagram is on a slow phone) pushes it down: it comes back.
    reader.evaluate(PUSH_DOWN)
    wait_in_sight(reader, ".st-key-detail h3", timeout=5_000)
    # Once the reader scrolls, the page is theirs: a later push moves the heading and nothing scrolls it back.
    reader.mouse.move(200, 300)
    reader.mouse.wheel(0, 40)
    settle(reader)
    before = reader.evaluate(HEADING_TOP)
    reader.evaluate(PUSH_DOWN)
    settle(reader)
    assert reader.evaluate(HEADING_TOP) >= before + 850, "the page scrolled against the reader"


def test_a_tap_shows_its_explanation_with_the_diagram_still_in_sight(reader, app_url):
    open_app(reader, app_url)
    press(reader, ".st-key-next button")
    press(reader, ".st-key-next button")
    view = choose(reader, GRAPH.nodes_in_step(GRAPH.steps[2].id)[1])
    assert view["panel"]["top"] >= 0 and view["panel"]["bottom"] <= min(view["height"], view["bar"]["top"]), view["panel"]
    seen = min(view["chart"]["bottom"], seen_bottom(view)) - max(view["chart"]["top"], 0)
    assert seen >= view["height"] / 5, f"only {seen:.0f} px of the diagram in sight"


def test_every_control_is_at_least_44_px(reader, app_url):
    open_app(reader, app_url)
    small = reader.evaluate("""() => [...document.querySelectorAll(
        '.st-key-stepbar button, .st-key-controls button, .st-key-controls [data-testid="stCheckbox"] label, .st-key-side button')]
      .filter(el => el.offsetParent !== null && !el.closest('[data-testid="stSelectbox"]'))
      .map(el => { const r = el.getBoundingClientRect(); return [el.innerText.trim().slice(0, 30), r.width, r.height]; })
      .filter(([, w, h]) => h < 44 || w < 44)""")
    assert small == []
    # A select box is one target, its whole field (the arrow inside it is not a separate stop).
    heights = reader.evaluate("""() => [...document.querySelectorAll('[data-testid="stSelectbox"] div[data-baseweb="select"] > div, [data-testid="stSelectbox"] [role="group"]')]
      .filter(el => el.offsetParent !== null).map(el => el.getBoundingClientRect().height)""")
    assert heights and min(heights) >= 44, heights


def _heading(page) -> str:
    return page.locator(".st-key-step-text h2").inner_text()


def test_browser_back_and_forward_walk_the_views(page, app_url):
    page.touch = False  # type: ignore[attr-defined]
    open_app(page, app_url)
    press(page, ".st-key-next button")
    press(page, ".st-key-next button")
    assert _heading(page).startswith("Step 3 of")
    for expected, move in (("Step 2 of", page.go_back), ("Step 1 of", page.go_back), ("Step 2 of", page.go_forward)):
        move()
        page.wait_for_function("(t) => { const h = document.querySelector('.st-key-step-text h2');"
                               " return h && h.innerText.startsWith(t); }", arg=expected, timeout=15_000)
        wait_idle(page)
        wait_address(page, GRAPH.id)
    step_circles_on_screen(step_view(page), 1)


LABELS = """() => [...document.querySelectorAll('.js-plotly-plot .annotation')]
  .filter(a => getComputedStyle(a).visibility !== 'hidden' && a.querySelector('.annotation-text'))
  .map(a => { const t = a.querySelector('.annotation-text'); const r = t.getBoundingClientRect();
    return {text: t.textContent, size: parseFloat(t.style.fontSize || getComputedStyle(t).fontSize),
            left: r.left, right: r.right, top: r.top, bottom: r.bottom}; })"""


@pytest.mark.parametrize("size", [(1366, 768), (1024, 768)])
def test_consult_mode_frames_each_step_in_large_type(new_page, app_url, size):
    page = new_page(viewport={"width": size[0], "height": size[1]})
    page.touch = False  # type: ignore[attr-defined]
    open_app(page, app_url, f"?graph={GRAPH.id}&mode=consult")
    for index in range(len(GRAPH.steps)):
        if index:
            press(page, ".st-key-next button")
        view = step_view(page)
        step_circles_on_screen(view, index)
        chart = view["chart"]
        labels = [lab for lab in page.evaluate(LABELS)
                  if chart["top"] <= lab["top"] and lab["bottom"] <= chart["bottom"]]
        names = {node_label(n, PATIENT) for n in GRAPH.nodes_in_step(GRAPH.steps[index].id)}
        # A label is its part's name, then (in grey) the other steps its links come from or go to.
        shown = [lab for lab in labels
                 if any(lab["text"].replace(" ", "").startswith(x.replace(" ", "")) for x in names)]
        assert len(shown) == len(names), (index + 1, [lab["text"] for lab in labels])
        assert shown and min(lab["size"] for lab in shown) >= 18, "labels at 18 px or more, patient words"
        for a, b in ((a, b) for i, a in enumerate(shown) for b in shown[i + 1:]):
            apart = a["right"] <= b["left"] or b["right"] <= a["left"] or a["bottom"] <= b["top"] or b["bottom"] <= a["top"]
            assert apart, (index + 1, a["text"], b["text"])
    view = choose(page, GRAPH.nodes_in_step(GRAPH.steps[-1].id)[0])
    assert view["panel"]["top"] >= 0 and view["panel"]["bottom"] <= view["bar"]["top"]
    size_px = page.evaluate("() => parseFloat(getComputedStyle(document.querySelector('.st-key-detail p')).fontSize)")
    assert size_px >= 20, "the explanation in large type"


WHOLE = shared_catalog(data_folder()).graphs["dry-needling"]
DETAIL_STEP = next(i for i, s in enumerate(WHOLE.steps) if any(n.detail for n in WHOLE.nodes_in_step(s.id)))


def test_more_detail_opens_beside_the_step_and_its_parts_come_on_screen(reader, app_url):
    """Patients follow the core path; the step's own button adds its animal studies, in sight."""
    open_app(reader, app_url, f"?graph={GRAPH.id}&step={DETAIL_STEP + 1}")
    core = {n.id for n in GRAPH.nodes_in_step(GRAPH.steps[DETAIL_STEP].id)}
    whole = {n.id for n in WHOLE.nodes_in_step(WHOLE.steps[DETAIL_STEP].id)}
    assert core < whole
    assert {c["id"] for c in step_view(reader)["strong"]} & whole == core, "the detail parts are not drawn"
    press(reader, ".st-key-show-detail button")
    diagram_in_sight(reader)
    view = step_view(reader)
    bottom = seen_bottom(view)
    shown = {c["id"]: c for c in view["strong"]}
    assert whole <= set(shown), whole - set(shown)
    for node_id in whole:
        assert 0 < shown[node_id]["x"] < view["width"] and 0 < shown[node_id]["y"] < bottom, (node_id, shown[node_id])
    wait_address(reader, "detail=more")
    press(reader, ".st-key-hide-detail button")
    assert {c["id"] for c in step_view(reader)["strong"]} & whole == core
    wait_address(reader, "detail=more", present=False)


def test_a_link_to_an_animal_study_opens_it_with_more_detail_on(page, app_url):
    node = next(n for n in WHOLE.nodes if n.detail)
    open_app(page, app_url, f"?graph={GRAPH.id}&node={node.id}")
    page.wait_for_function(
        "(t) => { const h = document.querySelector('.st-key-detail h3'); return h && h.innerText.trim() === t; }",
        arg=node_label(node, PATIENT), timeout=15_000)
    assert page.locator(".st-key-more_choice input").is_checked()
    wait_address(page, "detail=more")


def _covered(page, selector: str) -> dict:
    """Where an element is, and whether a reader sees its middle (nothing fixed drawn over it)."""
    return page.evaluate("""(sel) => { const el = document.querySelector(sel); const r = el.getBoundingClientRect();
        const hit = document.elementFromPoint(r.left + Math.min(r.width / 2, 40), r.top + r.height / 2);
        return {top: r.top, bottom: r.bottom, height: innerHeight, seen: !!hit && el.contains(hit)}; }""", selector)


def test_the_guide_is_one_tap_from_the_introduction_and_readable(reader, app_url):
    """Safety, aftercare and questions: reached from the introduction, never under the step bar."""
    open_app(reader, app_url)
    link = reader.locator('.st-key-intro a[href="#guide"]')
    (link.tap if reader.touch else link.click)()
    reader.wait_for_function("() => { const r = document.querySelector('#guide').getBoundingClientRect();"
                             " return r.top >= 0 && r.bottom <= innerHeight; }", timeout=5_000)
    heading = _covered(reader, "#guide")
    assert heading["top"] >= 0 and heading["bottom"] <= heading["height"] and heading["seen"], heading
    opener = reader.locator(".st-key-guide-after-your-session summary")
    (opener.tap if reader.touch else opener.click)()
    warning = reader.locator(".st-key-guide-after-your-session li strong").first
    warning.wait_for()
    settle(reader)  # the expander's opening animation over
    warning.evaluate("el => el.scrollIntoView({block: 'center'})")
    settle(reader)
    seen = _covered(reader, ".st-key-guide-after-your-session li:has(strong)")
    assert seen["top"] >= 0 and seen["bottom"] <= seen["height"] and seen["seen"], seen


def test_the_key_points_are_one_tap_under_the_title_and_open_again_after_the_guide(reader, app_url):
    """A thumb-sized line under the title opens them in sight, the story's heading still on the first screen;
    the page ends with them open, after the guide."""
    open_app(reader, app_url, "?step=1")
    summary = _covered(reader, ".st-key-key-points summary")
    box = reader.locator(".st-key-key-points summary").bounding_box()
    assert summary["seen"] and summary["top"] >= 0 and summary["bottom"] <= summary["height"] and box["height"] >= 44
    heading = _covered(reader, ".st-key-step-text h2")
    assert heading["seen"] and heading["bottom"] <= heading["height"], "the story still starts on the first screen"
    items = reader.locator(".st-key-key-points li")
    assert not items.first.is_visible()
    opener = reader.locator(".st-key-key-points summary")
    (opener.tap if reader.touch else opener.click)()
    items.first.wait_for()
    urgent = _covered(reader, ".st-key-key-points li.urgent")
    assert urgent["seen"] and urgent["top"] >= 0, urgent
    assert "Get urgent help now" in reader.locator(".st-key-key-points li.urgent").inner_text()
    again = reader.locator(".st-key-key-points-again").bounding_box()
    guide = reader.locator(".st-key-guide").bounding_box()
    assert again["y"] >= guide["y"] + guide["height"], "again, after the guide"
    assert reader.locator(".st-key-key-points-again li").count() == items.count() >= 3


def test_the_fact_box_opens_in_the_guide_with_its_squares_in_sight(reader, app_url):
    """After "Is it safe?", one tap opens the risks out of 1,000 as the patient page draws them: 1,000 squares a
    study, serious first, its counts in words, the array wholly in sight above the step bar."""
    from mechanisms.present.factbox import fact_box

    catalog = shared_catalog(data_folder())
    box = fact_box(catalog.graphs["dry-needling"], catalog.references, EN)
    open_app(reader, app_url, "?step=1")
    opener = reader.locator(".st-key-guide-fact-box summary")
    first_part = reader.locator(".st-key-guide-is-it-for-me").bounding_box()
    assert opener.bounding_box()["y"] > first_part["y"], "after 'Is it safe?'"
    opener.scroll_into_view_if_needed()
    (opener.tap if reader.touch else opener.click)()
    reader.wait_for_function(f"document.querySelectorAll('#fact-box rect').length === {box.per * len(box.studies)}",
                             timeout=15_000)
    settle(reader)
    kinds = reader.locator("#fact-box .fb-study").first.locator("rect").evaluate_all(
        "rs => rs.map(r => r.dataset.kind)")
    study = box.studies[0]
    assert kinds[0] == "serious" and kinds.count("minor") == study.minor.count
    reader.locator("#fact-box svg").first.evaluate("el => el.scrollIntoView({block: 'center'})")
    settle(reader)
    seen = _covered(reader, "#fact-box svg")
    bar = reader.locator(".st-key-stepbar").bounding_box()
    assert seen["seen"] and seen["top"] >= 0 and seen["bottom"] <= bar["y"], (seen, bar)
    assert f"{study.minor.label}: {study.minor.text}" in reader.locator("#fact-box").inner_text()


def test_the_diary_and_the_checklists_work_in_the_app_and_stay_in_the_browser(reader, app_url):
    """One tap opens the diary after the guide's parts; a number picked is kept in this browser; the actions after
    the session are boxes a tap ticks."""
    open_app(reader, app_url, "?step=1")
    opener = reader.locator(".st-key-guide-diary summary")
    opener.scroll_into_view_if_needed()
    (opener.tap if reader.touch else opener.click)()
    number = reader.locator('#diary fieldset[data-day="1"] .dy-scale label').nth(3)
    number.wait_for(timeout=15_000)
    settle(reader)
    number.scroll_into_view_if_needed()
    box = number.bounding_box()
    assert box["height"] >= 44 and box["width"] >= 24
    (number.tap if reader.touch else number.click)()
    wait_stored(reader, "mechanisms-diary:dry-needling", {"1": {"sore": "3"}})
    assert "Get urgent help now" in reader.locator("#diary .dy-watch").inner_text()
    part = reader.locator(".st-key-guide-after-your-session summary")
    part.scroll_into_view_if_needed()
    (part.tap if reader.touch else part.click)()
    tick = reader.locator(".st-key-guide-after-your-session ul.ticks input").first
    tick.wait_for()
    settle(reader)
    tick.scroll_into_view_if_needed()
    (tick.tap if reader.touch else tick.click)()
    expect(tick).to_be_checked(timeout=5_000)  # a tap's click comes after the touch ends, under load a moment later


def test_the_last_step_points_to_the_guide(page, app_url):
    open_app(page, app_url, f"?graph={GRAPH.id}&step={len(GRAPH.steps)}")
    page.locator('.st-key-step-text a[href="#guide"]').click()
    page.wait_for_function("() => { const r = document.querySelector('#guide').getBoundingClientRect();"
                           " return r.top >= 0 && r.bottom <= innerHeight; }", timeout=5_000)


PHONE_STORY = """() => {
  const box = (s) => { const e = document.querySelector(s); if (!e) return null; const r = e.getBoundingClientRect();
    const hit = document.elementFromPoint(r.left + Math.min(r.width / 2, 40), r.top + Math.min(r.height / 2, 20));
    return {top: r.top, bottom: r.bottom, uncovered: !!hit && e.contains(hit)}; };
  // Boxes that scroll inside the page (Streamlit's main area is the page's own scroller, not one of them).
  const inner = [...document.querySelectorAll('[data-testid="stMain"] *')].filter(x => {
    const s = getComputedStyle(x); return (s.overflowY === 'auto' || s.overflowY === 'scroll') && x.scrollHeight > x.clientHeight + 1; })
    .map(x => x.getAttribute('data-testid') || x.className.toString().slice(0, 40));
  return {title: box('.st-key-step-text h2'), text: box('.st-key-step-text'), diagram: box('.st-key-diagram'),
          panel: box('.st-key-detail'), bar: box('.st-key-stepbar'), inner}; }"""
"""Where a phone shows the story: the step's title and text, the diagram, the explanation, and any inner scroller."""


def test_on_a_phone_each_step_is_read_by_scrolling_the_page_text_then_diagram_then_explanation(phone, app_url):
    """No sheet over the diagram and no box that scrolls inside the page: the step's title in sight with
    Previous/Next under the thumb, its text then the diagram then the explanation, as on the patient page."""
    phone.touch = True
    open_app(phone, app_url, f"?graph={GRAPH.id}&step=1")
    for number in range(1, len(GRAPH.steps) + 1):
        if number > 1:
            press(phone, ".st-key-next button")
        story = phone.evaluate(PHONE_STORY)
        assert story["inner"] == [], (number, story["inner"])
        title, bar = story["title"], story["bar"]
        assert title["top"] >= 0 and title["bottom"] <= bar["top"] and title["uncovered"], (number, title)
        assert bar["bottom"] <= 844 and bar["top"] >= 844 - 100, "Previous/Next at the foot, under the thumb"
        assert story["text"]["bottom"] <= story["diagram"]["top"] <= story["panel"]["top"], (number, story)
        phone.evaluate("() => document.querySelector('.st-key-step-text').scrollIntoView({block: 'end'})")
        end = phone.evaluate(PHONE_STORY)["text"]
        assert end["bottom"] <= bar["top"] + 1, (number, "the step's last line is read above the bar", end)


def test_on_a_phone_todays_urgent_signs_are_on_the_first_screen(phone, app_url):
    open_app(phone, app_url, f"?graph={GRAPH.id}&step=1&areas=neck-shoulders")
    first = phone.evaluate("""() => { const li = document.querySelector('.st-key-today-first li');
        const r = li.getBoundingClientRect(); return {top: r.top, bottom: r.bottom, text: li.innerText}; }""")
    assert first["top"] >= 0 and first["bottom"] <= 844 - 58, first
    assert "lung" in first["text"] and "emergency" in first["text"], "the first urgent sign, whole, with whom to call"


def test_the_check_questions_come_after_the_story(reader, app_url):
    open_app(reader, app_url, f"?graph={GRAPH.id}&step=2")
    assert reader.locator(".st-key-check fieldset").count() == 0
    assert EN.check_after_story in reader.locator(".st-key-check").inner_text()
    open_app(reader, app_url, f"?graph={GRAPH.id}&step={len(GRAPH.steps)}")
    reader.locator(".st-key-check fieldset").first.wait_for(state="attached")
    assert EN.check_after_story not in reader.locator(".st-key-check").inner_text()


FRAMED_VIEWS = {"patient": "", "more-detail": "&detail=more", "practitioner": "&audience=practitioner"}


@pytest.mark.parametrize("who", list(FRAMED_VIEWS))
def test_every_framed_step_has_nothing_on_anything_and_no_mark_the_legend_does_not_name(reader, app_url, who):
    """Read off the drawn chart, step by step as a reader presses Next: labels, circles and lines in screen pixels."""
    from bench.marks import MARKS, faults

    open_app(reader, app_url, f"?graph={GRAPH.id}{FRAMED_VIEWS[who]}")
    found = {}
    for index in range(len(GRAPH.steps)):
        if index:
            press(reader, ".st-key-next button")
        diagram_in_sight(reader)
        marks = reader.evaluate(MARKS)
        assert len(marks["labels"]) == len(marks["circles"]) >= 1, (index + 1, "one label per part, no step title")
        if faults(marks):
            found[index + 1] = faults(marks)
    assert found == {}, found
