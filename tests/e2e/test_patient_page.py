"""The patient page (`export --format site`) on a 390x844 touch screen, as a patient meets it from the QR code,
and at 1280x800: where things are after the move a person makes, read off the screen by position."""

from __future__ import annotations

import itertools
import re

import pytest
from playwright.sync_api import expect

from bench.browser import CHART_DRAWN, node_point, point_centre, wait_in_sight, wait_stored
from bench.catalogs import shared_catalog
from bench.site_bench import PHONE, serve_folder, write_site
from mechanisms.content.clinic import Clinic
from mechanisms.diagram.locator import PHONE_PX, caption, data_uri, locator_svg, step_regions
from mechanisms.present.audience import PATIENT, node_label, shown_graph
from mechanisms.present.catalogue import words
from mechanisms.present.treatment import today_sentence, treatment_chapter
from mechanisms.present.view import View

CATALOG = shared_catalog()
GRAPH = CATALOG.graphs["dry-needling"]
CORE = shown_graph(GRAPH, PATIENT)
CLINIC = Clinic("Riverside Physio", emergency="999")
EN = words("en")
DESKTOP = {"viewport": {"width": 1280, "height": 800}}
TODAY = "#graph=dry-needling&step=1&areas=upper-back%2Cneck-shoulders"
"""What the QR code of a visit that needled the upper back and the neck opens."""

SEEN = """(sel) => { const e = document.querySelector(sel); const r = e.getBoundingClientRect();
  const bar = document.getElementById('stepbar').getBoundingClientRect().top;
  const inside = (x, y) => { const hit = document.elementFromPoint(x, y);
    return !!hit && (e.contains(hit) || hit.contains(e)); };
  const points = [[r.left + 3, r.top + 3], [r.right - 3, r.top + 3], [r.left + r.width / 2, r.top + r.height / 2],
                  [r.left + 3, r.bottom - 3]].filter(([x, y]) => y >= 0 && y < bar);
  return {top: r.top, bottom: r.bottom, left: r.left, right: r.right, bar: bar, height: innerHeight,
          visible: r.height > 0, uncovered: points.length > 0 && points.every(([x, y]) => inside(x, y))}; }"""
"""Where an element is, where the step bar starts, and whether the page shows the element itself at its corners
and centre (nothing drawn over it) in the part of the screen above the bar."""
INNER_SCROLLERS = """() => [...document.querySelectorAll('body *')].filter(e => {
  const s = getComputedStyle(e);
  return /(auto|scroll)/.test(s.overflowY + ' ' + s.overflowX) && e.tagName !== 'SELECT'
    && (e.scrollHeight > e.clientHeight + 1 || e.scrollWidth > e.clientWidth + 1); })
  .map(e => e.id || e.className || e.tagName)"""
"""Boxes that scroll inside the page."""


WHERE_SHOWN = """() => { const f = document.getElementById('where'); const b = f.querySelector('img')
    .getBoundingClientRect(); return {hidden: f.hidden, href: f.querySelector('img').getAttribute('src'),
    width: b.width, height: b.height, caption: f.querySelector('figcaption').textContent,
    alt: f.querySelector('img').alt}; }"""
"""The step's body picture as drawn (its source and size) and its caption's words."""


STEP_FACE = """() => { const face = [...document.querySelectorAll('.step-pick span')].find(e => e.offsetWidth > 0);
    const f = face.getBoundingClientRect(), pick = face.parentElement.getBoundingClientRect();
    const hit = document.elementFromPoint(f.left + f.width / 2, f.top + f.height / 2);
    return {text: face.textContent, whole: face.scrollWidth <= face.clientWidth, left: f.left, right: f.right,
            pick: [pick.left, pick.right, pick.top, pick.bottom], hit: hit && hit.id, height: innerHeight,
            width: innerWidth}; }"""
"""What the closed list of steps in the bar shows, whether it shows it whole, and what a tap on it reaches."""


def step_face_is_whole(page, number: int, want: str) -> None:
    """The closed list of steps reads `want` whole, inside its box at the foot, and a tap on it opens the list."""
    face = page.evaluate(STEP_FACE)
    assert face["text"] == want and face["whole"], (number, face)
    left, right, top, bottom = face["pick"]
    assert left <= face["left"] and face["right"] <= right and left >= 0 and right <= face["width"], (number, face)
    assert bottom <= face["height"] and top >= face["height"] - 100, (number, "in the bar at the foot", face)
    assert face["hit"] == "steps", (number, "a tap on it reaches the list", face)


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    folder = write_site(tmp_path_factory.mktemp("patient") / "site", clinic=CLINIC)
    with serve_folder(folder) as (url, _server):
        yield url


def open_page(browser, url: str, fragment: str = "", size: dict | None = None, workers: str = "block"):
    """A new phone (or `size`) opening the page; every request it makes is kept in `page.requests`."""
    context = browser.new_context(**(size or PHONE), service_workers=workers)
    page = context.new_page()
    page.requests, page.errors = [], []  # type: ignore[attr-defined]
    page.on("request", lambda r: page.requests.append(r.url))
    page.on("pageerror", lambda e: page.errors.append(str(e)))
    page.goto(url + fragment)
    page.wait_for_function(CHART_DRAWN, timeout=30_000, polling=50)
    return context, page


def seen(page, selector: str) -> dict:
    return page.evaluate(SEEN, selector)


def in_sight(box: dict) -> bool:
    """Wholly on screen between the top edge and the step bar, with nothing over it."""
    return box["visible"] and box["top"] >= 0 and box["bottom"] <= box["bar"] and box["uncovered"]


def step_title_is(page, number: int) -> None:
    page.wait_for_function("(n) => document.getElementById('step-title').textContent.startsWith('Step ' + n + ' of')",
                           arg=number, timeout=10_000)


def tap_node(page, node_id: str) -> None:
    x, y = point_centre(page, node_point(page, node_id))
    page.touchscreen.tap(x, y)


def test_the_first_screen_of_a_visits_link_says_where_the_needles_went_and_the_urgent_signs(browser, site):
    for size in (PHONE, DESKTOP):
        context, page = open_page(browser, site, TODAY, size)
        sentence = page.locator("#today-text").inner_text()
        assert sentence == "Today your physio put needles in your neck and shoulders and upper back."
        assert page.evaluate("scrollY") == 0
        assert in_sight(seen(page, "#title")) and in_sight(seen(page, "#today-text"))
        warnings = page.locator("#today-cautions li")
        assert warnings.count() == 2, "the lung and the spine"
        for i in range(2):
            box = page.evaluate(SEEN.replace("document.querySelector(sel)", f"document.querySelectorAll(sel)[{i}]"),
                                "#today-cautions li")
            assert in_sight(box), (size, i, box)
            assert "Get urgent help now: call 999." in warnings.nth(i).inner_text()
        story = seen(page, "#step-title")
        assert story["top"] > seen(page, "#today-cautions")["bottom"], "today's treatment comes before the story"
        context.close()


def test_a_link_without_a_treatment_opens_on_the_story_and_says_nothing_of_today(browser, site):
    context, page = open_page(browser, site, "#graph=dry-needling&step=1")
    assert page.locator("#today").is_hidden()
    assert in_sight(seen(page, "#step-title")), "the first step's heading on the first screen"
    context.close()


def test_every_step_is_read_on_the_page_itself_never_covered_never_in_a_box_that_scrolls(browser, site):
    context, page = open_page(browser, site, "#graph=dry-needling&step=1")
    for number in range(1, len(CORE.steps) + 1):
        if number > 1:
            page.tap("#next")
        step_title_is(page, number)
        title, text = seen(page, "#step-title"), seen(page, "#step-text")
        assert in_sight(title), (number, title)
        assert text["uncovered"] and 0 <= text["top"] < text["bar"], (number, text)
        assert page.evaluate(INNER_SCROLLERS) == [], number
        where = page.evaluate(WHERE_SHOWN)
        regions = step_regions(CORE, CORE.steps[number - 1].id)
        assert not where["hidden"] and where["href"] == data_uri(locator_svg(CORE, regions)), \
            (number, "the body picture lights this step")
        assert (where["width"], where["height"]) == PHONE_PX, (number, "drawn at its phone size", where)
        assert "".join(caption(regions, EN)[1].split()) in "".join(where["caption"].split()), (number, where)
        assert where["alt"] == " ".join(caption(regions, EN)), (number, "a screen reader hears the caption")
        step_face_is_whole(page, number, EN.step_count(number, len(CORE.steps)))
        nxt = page.locator("#next").bounding_box()
        assert nxt["y"] + nxt["height"] <= 844 and nxt["y"] >= 844 - 100, "Next stays at the foot, under the thumb"
        last = "#step > p:has(#step-unknowns)"  # the step's last lines: what is not yet known
        page.evaluate("(s) => document.querySelector(s).scrollIntoView({block: 'end'})", last)  # read to its end
        end = seen(page, last)
        assert end["uncovered"] and end["bottom"] <= end["bar"], (number, end)
    assert page.evaluate("document.documentElement.scrollWidth") <= 390, "no sideways scrolling"
    context.close()


def test_a_tap_on_a_circle_shows_its_explanation_in_sight_with_the_diagram_and_no_tooltip(browser, site):
    context, page = open_page(browser, site, "#graph=dry-needling&step=3")
    node = CORE.nodes_in_step(CORE.steps[2].id)[0]
    tap_node(page, node.id)
    page.wait_for_function("(t) => document.getElementById('panel-title').textContent === t",
                           arg=node_label(node, PATIENT), timeout=10_000)
    page.wait_for_timeout(300)  # a tooltip, if any, is drawn by now
    title = seen(page, "#panel-title")
    assert in_sight(title), title
    dot = node_point(page, node.id).bounding_box()
    assert dot["y"] >= 0 and dot["y"] + dot["height"] <= title["top"], "the tapped circle is still in sight"
    hovers = page.evaluate("() => [...document.querySelectorAll('#diagram .hoverlayer .hovertext')]"
                           ".filter(e => e.getBoundingClientRect().width > 0).length")
    assert hovers == 0, "no tooltip left over the labels"
    assert f"node={node.id}" in page.url
    context.close()


def test_a_swipe_that_starts_on_a_circle_scrolls_the_page_and_selects_nothing(browser, site):
    context, page = open_page(browser, site, "#graph=dry-needling&step=3")
    node = CORE.nodes_in_step(CORE.steps[2].id)[0]
    x, y = point_centre(page, node_point(page, node.id))
    before = page.evaluate("scrollY")
    cdp = context.new_cdp_session(page)
    cdp.send("Input.dispatchTouchEvent", {"type": "touchStart", "touchPoints": [{"x": x, "y": y}]})
    for i in range(1, 11):
        cdp.send("Input.dispatchTouchEvent", {"type": "touchMove", "touchPoints": [{"x": x, "y": y - 20 * i}]})
    cdp.send("Input.dispatchTouchEvent", {"type": "touchEnd", "touchPoints": []})
    page.wait_for_timeout(500)
    assert page.evaluate("scrollY") - before > 100, "the page scrolled with the finger"
    assert page.locator("#panel-title").inner_text() == EN.explore_heading, "nothing was selected"
    assert "node=" not in page.url and "edge=" not in page.url
    context.close()


def test_the_check_questions_come_after_the_story_and_are_one_tap_from_its_end(browser, site):
    context, page = open_page(browser, site, "#graph=dry-needling&step=1")
    assert page.locator("#check").is_hidden()
    assert page.locator("#check-later").inner_text() == EN.check_after_story
    after = page.evaluate("() => document.getElementById('story').compareDocumentPosition("
                          "document.getElementById('check')) & Node.DOCUMENT_POSITION_FOLLOWING")
    assert after, "the questions follow the story in the page"
    page.locator("#steps").select_option(str(len(CORE.steps) - 1))
    step_title_is(page, len(CORE.steps))
    assert page.locator("#check-later").is_hidden()
    page.tap("#check-link")
    wait_in_sight(page, "#check h2", below="#stepbar")  # one tap from the last step to the questions
    step_title_is(page, len(CORE.steps))  # a jump within the page: the story stays at its end
    page.wait_for_function("(s) => location.hash.includes(s)", arg=f"step={len(CORE.steps)}", timeout=5_000)
    assert page.locator("#link-notice").is_hidden()
    context.close()


def test_the_list_of_steps_shows_its_step_whole_on_a_narrow_phone_and_its_heading_on_a_desktop(browser, site):
    """A closed list cut the step to "Step 3 of" on a phone: now its number shows whole (the step's heading is
    just above it), and where the bar has room, the whole heading. Picking from it moves the story."""
    total = len(CORE.steps)
    narrow = {**PHONE, "viewport": {"width": 360, "height": 780}}
    def heading(n: int, t: int) -> str:
        return EN.step_heading(n, t, CORE.steps[n - 1].title)

    for size, shown in ((narrow, EN.step_count), (DESKTOP, heading)):
        context, page = open_page(browser, site, "#graph=dry-needling&step=2", size)
        step_face_is_whole(page, 2, shown(2, total))
        page.locator("#steps").select_option(str(total - 2))
        step_title_is(page, total - 1)
        step_face_is_whole(page, total - 1, shown(total - 1, total))
        assert page.evaluate("document.documentElement.scrollWidth") <= size["viewport"]["width"], "no sideways scroll"
        context.close()


def test_the_introduction_and_the_disclaimer_are_one_tap_from_anywhere(browser, site):
    context, page = open_page(browser, site, "#graph=dry-needling&step=5")
    page.evaluate("window.scrollTo(0, document.documentElement.scrollHeight)")
    assert not in_sight(seen(page, "#disclaimer"))
    about = page.locator("#about").bounding_box()
    assert about["y"] >= 844 - 100 and about["height"] >= 44, "in the bar at the foot, a thumb-sized target"
    page.tap("#about")
    wait_in_sight(page, "#disclaimer", below="#stepbar")
    step_title_is(page, 5)  # the story stays where the reader left it, and its link with it
    page.wait_for_function("() => location.hash.includes('step=5')", timeout=5_000)
    assert page.locator("#link-notice").is_hidden()
    assert in_sight(seen(page, "#disclaimer")) and in_sight(seen(page, "#summary"))
    context.close()


def test_the_key_points_are_one_tap_under_the_title_on_a_phone_open_on_a_desktop_and_again_at_the_end(browser, site):
    """A phone keeps the story on its first screen: the key points there are one tap away, and the tap shows them
    all; a desktop shows them open; both end the page with them, open, after the guide."""
    from mechanisms.present.guide import key_points

    points = key_points(GRAPH, CLINIC, EN)
    for size in (PHONE, DESKTOP):
        context, page = open_page(browser, site, "#graph=dry-needling&step=1", size)
        phone = size is PHONE
        heading = seen(page, "#key-points-heading")
        assert in_sight(heading) and heading["top"] > seen(page, "#title")["bottom"]
        assert page.locator("#key-points").evaluate("d => d.open") is not phone
        assert in_sight(seen(page, "#step-title")), "the story still starts on the first screen"
        if phone:
            assert page.locator("#key-points-list li").first.is_hidden()
            box = page.locator("#key-points summary").bounding_box()
            assert box["height"] >= 44, "a thumb-sized target"
            page.tap("#key-points summary")
        items = page.locator("#key-points-list li")
        assert items.count() == len(points) and items.first.is_visible()
        assert [items.nth(i).inner_text().replace("\u26a0", "").strip() for i in range(len(points))] == \
            [p.text for p in points]
        assert "urgent" in items.nth(2).get_attribute("class") and "call 999" in items.nth(2).inner_text()
        assert seen(page, "#key-points-list")["bottom"] < seen(page, "#summary")["top"]
        again = seen(page, "#key-points-again")
        assert again["visible"] and again["top"] > seen(page, "#guide")["bottom"], "again, after the guide"
        assert page.locator("#key-points-again li").count() == len(points)
        page.evaluate("document.getElementById('key-points-again').scrollIntoView({block: 'center'})")
        assert in_sight(seen(page, "#key-points-again-heading"))
        context.close()


def test_the_fact_box_shows_each_study_as_1000_squares_with_its_counts_beside_them(browser, site):
    """After the story and before the guide: each study's squares (serious first, then the small side effects) read
    at a glance on a phone, its counts in words beside their colours; two studies side by side on a desktop."""
    from mechanisms.present.factbox import fact_box

    box = fact_box(GRAPH, CATALOG.references, EN)
    for size in (PHONE, DESKTOP):
        context, page = open_page(browser, site, "#graph=dry-needling&step=1", size)
        assert seen(page, "#check")["bottom"] <= seen(page, "#fact-box")["top"] < seen(page, "#guide")["top"]
        studies = page.locator("#fact-box .fb-study")
        assert studies.count() == len(box.studies)
        for i, study in enumerate(box.studies):
            part = studies.nth(i)
            kinds = part.locator("rect").evaluate_all("rs => rs.map(r => r.dataset.kind)")
            assert len(kinds) == box.per and kinds.count("minor") == study.minor.count
            assert kinds[:study.serious.count] == ["serious"] * study.serious.count
            svg = part.locator("svg")
            svg.scroll_into_view_if_needed()
            picture = svg.bounding_box()
            assert picture["width"] >= 300 and picture["height"] >= 180, "a square is big enough to see"
            assert in_sight(seen(page, f"#fact-box .fb-study:nth-child({i + 1}) svg")), "the whole array in sight"
            key = part.locator(".fb-key li")
            assert key.nth(0).inner_text().startswith(f"{study.serious.label}: {study.serious.text}")
            assert key.nth(1).inner_text() == f"{study.minor.label}: {study.minor.text}"
            assert study.alt in (svg.get_attribute("aria-label") or ""), "the counts in words for a screen reader"
        first, second = (studies.nth(i).bounding_box() for i in range(2))
        assert (first["y"] == second["y"]) is (size is DESKTOP), "side by side on a desktop, one under the other"
        assert page.evaluate(INNER_SCROLLERS) == [] and page.errors == []
        context.close()


DIARY_KEY = "mechanisms-diary:dry-needling"


def test_the_diary_is_filled_in_on_the_phone_kept_there_and_the_checklists_can_be_ticked(browser, site):
    """A day's row fits the phone (0 to 10 on one line, thumb-sized), the urgent signs sit above the rows, what is
    picked stays after a reload in this browser only, and the guide's actions are boxes a tap ticks."""
    for size in (PHONE, DESKTOP):
        context, page = open_page(browser, site, "#graph=dry-needling&step=1", size)
        after = seen(page, "#diary")
        assert after["top"] > seen(page, "#guide")["top"] and after["bottom"] <= seen(page, "#key-points-again")["top"]
        watch = page.locator("#diary .dy-watch")
        assert "call 999" in watch.inner_text() and watch.bounding_box()["y"] < page.locator(
            "#diary fieldset").first.bounding_box()["y"], "the warning signs come before the rows"
        day = page.locator('#diary fieldset[data-day="1"]')
        assert page.locator("#diary fieldset").count() == GRAPH.diary.days
        numbers = day.locator(".dy-scale label")
        day.scroll_into_view_if_needed()
        boxes = [numbers.nth(i).bounding_box() for i in range(11)]
        assert len({round(b["y"]) for b in boxes}) == 1, "0 to 10 on one line"
        assert all(b["height"] >= 44 and b["width"] >= 24 for b in boxes), "a thumb hits the number it means"
        (numbers.nth(4).tap if size is PHONE else numbers.nth(4).click)()
        day.locator(".dy-usual label").nth(2).click()
        day.locator("input[type=text]").fill("Worse after work")
        wait_stored(page, DIARY_KEY, {"1": {"sore": "4", "usual": "worse", "note": "Worse after work"}})
        page.reload()
        page.wait_for_function(CHART_DRAWN, timeout=30_000)
        assert page.locator('#diary input[name="dy-sore-1"]:checked').get_attribute("value") == "4"
        assert page.locator('#diary fieldset[data-day="1"] input[type=text]').input_value() == "Worse after work"
        tick = page.locator("#guide .actions input[type=checkbox]").first
        tick.scroll_into_view_if_needed()
        assert not tick.is_checked()
        (tick.tap if size is PHONE else tick.click)()
        expect(tick).to_be_checked(timeout=5_000)  # a tap's click comes after the touch ends
        assert tick.bounding_box()["width"] >= 20
        assert all(r.startswith(site) or r.startswith("data:") for r in page.requests), "nothing is sent"
        assert page.evaluate(INNER_SCROLLERS) == [] and page.errors == []
        context.close()


def treatment_cases() -> list[tuple[tuple[str, ...], tuple[str, ...]]]:
    areas = [a.id for a in GRAPH.treatment.areas]
    options = [o.id for o in GRAPH.treatment.options]
    cases = [((a,), ()) for a in areas] + [(tuple(areas), tuple(options))]
    cases += [(pair, tuple(options) if i % 2 else ()) for i, pair in enumerate(itertools.combinations(areas, 2))][::5]
    return cases + [(tuple(areas[i:i + 4]), ()) for i in range(0, len(areas), 3)]


def test_todays_treatment_from_any_link_says_what_the_app_and_the_handout_say(browser, site):
    context, page = open_page(browser, site)
    for areas, options in treatment_cases():
        view = View(GRAPH.id, areas=areas, options=options)
        fragment = "graph=dry-needling&step=1&areas=" + "%2C".join(areas) + "".join(f"&{o}=yes" for o in options)
        page.evaluate("(f) => { location.hash = f; }", fragment)
        expected = today_sentence(GRAPH, view)
        page.wait_for_function("(t) => document.getElementById('today-text').textContent === t", arg=expected,
                               timeout=5_000)
        chapter = treatment_chapter(GRAPH, view, CATALOG.references, CLINIC)
        lines = [line.text for block in chapter.blocks for line in block.lines]
        shown = page.locator("#today-cautions li .guide-text").all_inner_texts()
        assert [s.split("\n")[0] for s in shown] == lines, areas
    page.evaluate("() => { location.hash = 'graph=dry-needling&step=2&areas=nowhere'; }")
    page.wait_for_function("() => document.getElementById('today').hidden")
    context.close()


def test_the_page_works_offline_after_the_first_visit_and_can_be_installed(browser, tmp_path):
    folder = write_site(tmp_path / "site", clinic=CLINIC)
    with serve_folder(folder) as (url, server):
        context, page = open_page(browser, url, TODAY, workers="allow")
        page.evaluate("() => navigator.serviceWorker.ready")
        page.wait_for_function("() => !!navigator.serviceWorker.controller", timeout=10_000)
        manifest = page.evaluate("() => fetch(document.querySelector('link[rel=manifest]').href).then(r => r.json())")
        assert manifest["name"] == GRAPH.title and manifest["display"] == "standalone"
        assert {i["sizes"] for i in manifest["icons"]} == {"192x192", "512x512"}
        for icon in manifest["icons"]:
            assert page.evaluate("(src) => fetch(src).then(r => r.ok && r.headers.get('content-type'))",
                                 icon["src"]) == "image/png"
        server.shutdown()  # the clinic's server is gone (or the phone has no network)
    page.reload()
    page.wait_for_function(CHART_DRAWN, timeout=30_000, polling=50)
    assert page.locator("#today-text").inner_text().startswith("Today your physio put needles")
    page.tap("#next")
    step_title_is(page, 2)
    assert page.errors == []
    context.close()


def test_nothing_about_the_patient_leaves_the_phone(browser, site):
    context, page = open_page(browser, site, TODAY + "&estim=yes")
    tap_node(page, CORE.nodes_in_step(CORE.steps[0].id)[0].id)
    page.tap("#next")
    step_title_is(page, 2)
    origin = re.match(r"https?://[^/]+/", site)[0]
    assert page.requests and all(u.startswith(origin) for u in page.requests), "nothing from another host"
    assert not any(word in u for u in page.requests for word in ("areas", "upper-back", "estim", "node=", "#", "?"))
    assert page.evaluate("() => performance.getEntriesByType('resource').map(e => e.name)"
                         ".every(n => !n.includes('#') && !n.includes('?'))")
    context.close()


def test_on_a_desktop_the_step_and_the_explanation_sit_beside_the_diagram(browser, site):
    context, page = open_page(browser, site, "#graph=dry-needling&step=3", DESKTOP)
    page.evaluate("document.getElementById('story').scrollIntoView()")
    title, chart = seen(page, "#step-title"), seen(page, "#diagram")
    assert in_sight(title) and title["left"] > chart["right"], "the step's text beside the diagram"
    node = CORE.nodes_in_step(CORE.steps[2].id)[1]
    x, y = point_centre(page, node_point(page, node.id))
    page.mouse.move(x, y)
    page.mouse.click(x, y)
    page.wait_for_function("(t) => document.getElementById('panel-title').textContent === t",
                           arg=node_label(node, PATIENT), timeout=10_000)
    panel, chart = seen(page, "#panel-title"), seen(page, "#diagram")
    assert in_sight(panel) and panel["left"] > chart["right"] and chart["top"] < panel["bar"]
    assert page.evaluate(INNER_SCROLLERS) == []
    context.close()
