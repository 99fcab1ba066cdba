"""The standalone page, opened from a file:// address with every other request aborted and recorded."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import yaml

from bench.browser import SETTLED, has_point, node_point, point_centre, wait_chart
from bench.catalogs import shared_catalog
from mechanisms.content.load import load_catalog
from mechanisms.diagram.style import NODE_SIZE_CURRENT
from mechanisms.outputs.standalone import build_html
from mechanisms.present.audience import PATIENT, node_label
from mechanisms.present.catalogue import words
from mechanisms.present.guide import guide_chapters

EN = words("en")

ROOT = Path(__file__).resolve().parents[2]
FIXTURES = ROOT / "tests" / "fixtures" / "data"
HOSTILE = "<img src=x onerror=alert(1)>"
RECORD_CSP = """window.__csp = [];
document.addEventListener('securitypolicyviolation',
                          e => window.__csp.push(e.blockedURI + ' ' + e.violatedDirective));"""
"""The page's own Content-Security-Policy would stop a request before page.route sees it: record those too."""


def write_page(folder: Path, data_dir: Path, graph_id: str) -> Path:
    shared = data_dir in (ROOT / "data", FIXTURES)  # a test's own (edited) copy is read afresh
    catalog = shared_catalog(data_dir) if shared else load_catalog(data_dir)
    path = folder / f"{graph_id}.html"
    path.write_text(build_html(catalog.graphs[graph_id], catalog.references), encoding="utf-8")
    return path


def open_offline(browser, path: Path, **context_args):
    context = browser.new_context(**context_args)
    page = context.new_page()
    page.attempted, page.dialogs, page.errors = [], [], []  # type: ignore[attr-defined]

    def route(r):
        if r.request.url.startswith(("file:", "data:")):
            r.continue_()
        else:
            page.attempted.append(r.request.url)
            r.abort()

    page.route("**/*", route)
    page.add_init_script(RECORD_CSP)
    page.on("dialog", lambda d: (page.dialogs.append(d.message), d.dismiss()))
    page.on("pageerror", lambda e: page.errors.append(str(e)))
    page.goto(path.as_uri())
    wait_chart(page)
    return context, page


def assert_offline(page) -> None:
    assert page.attempted == [], f"network requests: {page.attempted}"
    assert page.evaluate("window.__csp") == [], "blocked by the page's policy"
    assert page.errors == []


def settled(page) -> None:
    """Wait until the offline page has drawn what it was doing (no Streamlit there, so the check is idle)."""
    page.wait_for_function(SETTLED, timeout=15_000, polling=50)


def click(page, item_id: str) -> None:
    """Click a node or an edge midpoint at the centre of its marker, found through plotly's own data."""
    # Two clicks within the page's doubleClickDelay are one double-click: wait until the last one's window is over.
    page.wait_for_function("() => performance.now() - (window.__lastClick || -1e9) > document.getElementById("
                           "'diagram')._context.doubleClickDelay + 50", polling=20)
    x, y = point_centre(page, node_point(page, item_id))
    page.mouse.move(x - 2, y - 2)
    page.mouse.move(x, y)
    page.mouse.click(x, y)
    page.evaluate("() => { window.__lastClick = performance.now(); }")


def panel_title_is(page, text: str) -> None:
    page.wait_for_function("(t) => document.querySelector('#panel-title').textContent === t", arg=text,
                           timeout=10_000)


@pytest.fixture(scope="module")
def mini_page(tmp_path_factory) -> Path:
    return write_page(tmp_path_factory.mktemp("standalone"), FIXTURES, "mini")


def test_page_works_offline_and_reacts_to_clicks_and_steps(browser, mini_page):
    context, page = open_offline(browser, mini_page, viewport={"width": 1280, "height": 800})
    assert all(node_point(page, n).is_visible() for n in ("needle", "twitch")), "the diagram: step 1's own parts"
    assert not has_point(page, "pain"), "each step is drawn on its own, as in the app"
    assert page.locator("#title").inner_text() == "A tiny test graph"
    assert "The muscle twitches" in page.locator("#summary").inner_text()
    assert "does not diagnose" in page.locator("#disclaimer").inner_text()
    assert page.locator("#step-title").inner_text().startswith("Step 1 of 2")

    click(page, "twitch")
    panel_title_is(page, "Local twitch response")
    panel = page.locator("#panel")
    assert "The muscle gives a quick jump." in panel.inner_text()
    assert "Human trial" in panel.inner_text(), "the badge reads as in the app"
    assert "Hong CZ" in panel.inner_text() and "1994" in panel.inner_text()  # a reference with no DOI or PMID

    click(page, "needle")
    panel_title_is(page, "Needle insertion")
    assert "Fernández-de-las-Peñas C" in panel.inner_text()
    hrefs = page.locator("#panel a").evaluate_all("as => as.map(a => a.textContent + ' ' + a.href)")
    assert hrefs == ["DOI https://doi.org/10.2147/JPR.S154728", "PubMed https://pubmed.ncbi.nlm.nih.gov/31354339/"]

    click(page, "needle->twitch")  # an edge midpoint
    panel_title_is(page, "Needle insertion leads to Local twitch response")

    page.locator("#practitioner, [data-audience=practitioner]").first.click()
    click(page, "twitch")
    page.wait_for_function("() => document.querySelector('#panel').textContent.includes('spinal reflex')")

    page.locator("#next").click()
    assert page.locator("#step-title").inner_text().startswith("Step 2 of 2")
    assert page.locator("#next").is_disabled()
    settled(page)
    assert all(node_point(page, n).is_visible() for n in ("pain", "calm")), "step 2's own figure swapped in"
    assert not has_point(page, "needle")
    page.locator("#prev").click()
    assert page.locator("#step-title").inner_text().startswith("Step 1 of 2")
    assert_offline(page)
    context.close()


def test_phone_tap_shows_the_panel_below_the_diagram_still_in_sight(browser, mini_page):
    """The one-file page is the patient page: on a phone a tap's explanation comes into sight under the diagram
    (test_patient_page.py checks the rest on the real graph)."""
    context, page = open_offline(browser, mini_page, viewport={"width": 390, "height": 844}, is_mobile=True,
                                 has_touch=True, device_scale_factor=2)
    page.tap("#next")  # the page frames one step at a time, as the app does: pain is in step 2
    page.wait_for_function("() => document.getElementById('step-title').textContent.startsWith('Step 2 of')")
    settled(page)
    x, y = point_centre(page, node_point(page, "pain"))
    page.touchscreen.tap(x, y)
    panel_title_is(page, "Less pain")
    settled(page)
    chart = page.locator(".js-plotly-plot").bounding_box()
    title = page.locator("#panel-title").bounding_box()
    bar = page.locator("#stepbar").bounding_box()
    assert chart["y"] + chart["height"] > 844 / 5 and chart["y"] < title["y"], "the diagram stays in sight above"
    assert title["y"] >= 0 and title["y"] + title["height"] <= bar["y"], "the explanation is on screen, above the bar"
    assert page.evaluate("document.documentElement.scrollWidth") <= 390, "no sideways scrolling"
    assert_offline(page)
    context.close()


def test_hostile_author_text_shows_as_text(browser, tmp_path):
    data = tmp_path / "data"
    shutil.copytree(FIXTURES, data)
    doc = yaml.safe_load((data / "mini.yaml").read_text(encoding="utf-8"))
    doc["title"] = "</script><script>alert(2)</script>"
    doc["summary"] = "<svg onload=alert(3)> & </title>"
    twitch = next(n for n in doc["nodes"] if n["id"] == "twitch")
    twitch["label"] = HOSTILE
    twitch["patient"] = '<a href="javascript:alert(4)">click</a>'
    (data / "mini.yaml").write_text(yaml.safe_dump(doc, allow_unicode=True, sort_keys=False), encoding="utf-8")
    path = write_page(tmp_path, data, "mini")
    embedded = path.read_text(encoding="utf-8").split('id="graph-data">')[1].split("</script>")[0]
    assert "<" not in embedded and ">" not in embedded and "\\u003cimg src=x" in embedded

    context, page = open_offline(browser, path, viewport={"width": 1280, "height": 800})
    assert page.locator("#title").inner_text() == doc["title"]
    assert page.locator("#summary").inner_text() == doc["summary"]
    click(page, "twitch")
    panel_title_is(page, HOSTILE)
    assert '<a href="javascript:alert(4)">click</a>' in page.locator("#panel").inner_text()
    settled(page)
    assert page.dialogs == []
    assert page.locator("main img:not(#where-picture), main svg[onload], #panel a[href^=javascript]").count() == 0
    assert page.locator("#where").is_hidden(), "a graph whose regions have no place on the body shows no picture"
    assert_offline(page)
    context.close()


def test_real_graph_page_when_it_is_valid(browser, tmp_path):
    catalog = shared_catalog(ROOT / "data")
    graph = next(iter(catalog.graphs.values()), None)
    if graph is None:
        pytest.skip("no valid graph in data/ yet")
    path = write_page(tmp_path, ROOT / "data", graph.id)
    context, page = open_offline(browser, path, viewport={"width": 1280, "height": 800})
    assert page.locator("#step-title").inner_text().startswith(f"Step 1 of {len(graph.steps)}")
    entry = graph.node(graph.entry)
    click(page, entry.id)
    panel_title_is(page, node_label(entry, PATIENT))
    page.locator("#next").click()
    assert page.locator("#step-title").inner_text().startswith(f"Step 2 of {len(graph.steps)}")
    assert_offline(page)
    context.close()


def picker_labels(page) -> list[str]:
    return page.locator("#picker option:not([value=''])").all_inner_texts()


def diagram_label(page, node_id: str) -> str:
    """The name drawn under a node (without the grey note under it), read from the page's own plotly layout."""
    text = page.evaluate("(id) => document.getElementById('diagram').layout.annotations"
                         ".find(a => a.name === id).text", node_id)
    return text.split("<br><span")[0].replace("<br>", " ")


def test_picker_and_diagram_labels_follow_the_audience(browser, tmp_path):
    catalog = shared_catalog(ROOT / "data")
    graph = catalog.graphs["dry-needling"]
    node = graph.node("periaqueductal-gray")
    path = write_page(tmp_path, ROOT / "data", graph.id)
    context, page = open_offline(browser, path, viewport={"width": 1280, "height": 800})
    page.evaluate("(q) => { location.hash = q; }", f"graph={graph.id}&step={graph.step_index(node.step) + 1}")
    page.wait_for_function("(t) => document.getElementById('step-title').textContent.startsWith(t)",
                           arg=f"Step {graph.step_index(node.step) + 1} of")
    settled(page)
    assert node.plain_label in picker_labels(page) and node.label not in picker_labels(page)
    assert diagram_label(page, node.id) == node.plain_label
    page.locator("[data-audience=practitioner]").click()
    settled(page)
    assert node.label in picker_labels(page) and node.plain_label not in picker_labels(page)
    assert diagram_label(page, node.id) == node.label
    hover = page.evaluate("(id) => { const gd = document.getElementById('diagram');"
                          " const t = gd.data.find(t => t.name === 'mechanism');"
                          " return t.hovertext[t.customdata.indexOf(id)]; }", node.id)
    assert hover == node.label, "the hover words follow the audience too"
    assert_offline(page)
    context.close()


def test_the_address_holds_the_view_and_a_link_reopens_it(browser, mini_page):
    context, page = open_offline(browser, mini_page, viewport={"width": 1280, "height": 800})
    page.click("#next")
    page.wait_for_function("() => document.getElementById('step-title').textContent.startsWith('Step 2 of')")
    settled(page)
    click(page, "pain")
    panel_title_is(page, "Less pain")
    page.locator("[data-audience=practitioner]").click()
    assert page.url.endswith("#graph=mini&step=2&node=pain&audience=practitioner"), page.url
    link = page.url
    context.close()

    context = browser.new_context(viewport={"width": 1280, "height": 800})
    page = context.new_page()
    page.goto(link)
    wait_chart(page)
    panel_title_is(page, "Less pain")
    assert page.locator("#step-title").inner_text().startswith("Step 2 of 2")
    assert page.locator("[data-audience=practitioner]").get_attribute("aria-pressed") == "true"
    size = page.evaluate("() => { const gd = document.getElementById('diagram');"
                         " const t = gd.data.find(t => t.name === 'mechanism');"
                         " return t.marker.size[t.customdata.indexOf('pain')]; }")
    assert size == NODE_SIZE_CURRENT, "the selected node is drawn as large as in the app"
    assert page.locator("#link-notice").is_hidden()
    context.close()


def test_a_broken_link_starts_at_the_beginning_with_a_notice(browser, mini_page):
    context = browser.new_context(viewport={"width": 1280, "height": 800})
    page = context.new_page()
    page.goto(mini_page.as_uri() + "#graph=mini&step=9&node=%3Cimg%3E")
    wait_chart(page)
    assert page.locator("#link-notice").is_visible()
    assert "not recognised" in page.locator("#link-notice").inner_text()
    assert page.locator("#step-title").inner_text().startswith("Step 1 of 2")
    assert page.url.endswith("#graph=mini&step=1")
    context.close()


def shown_whole(page, selector: str) -> dict:
    """Where an element sits, and whether the page shows it there (no fixed bar or sheet drawn over its centre)."""
    return page.locator(selector).first.evaluate(
        "e => { const r = e.getBoundingClientRect();"
        " const hit = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);"
        " return {top: r.top, bottom: r.bottom, left: r.left, right: r.right, on_top: e.contains(hit)}; }")


def test_phone_reads_the_guide_above_the_bar(browser, tmp_path):
    catalog = shared_catalog(ROOT / "data")
    graph = catalog.graphs.get("dry-needling")
    if graph is None or not graph.guide:
        pytest.skip("no valid dry-needling graph with a guide in data/ yet")
    path = write_page(tmp_path, ROOT / "data", graph.id)
    context, page = open_offline(browser, path, viewport={"width": 390, "height": 844}, is_mobile=True,
                                 has_touch=True, device_scale_factor=2)
    assert page.locator("#guide-heading").inner_text() == EN.guide_heading
    page.locator("#guide-heading").scroll_into_view_if_needed()
    settled(page)
    bar = page.locator("#stepbar").bounding_box()
    heading = shown_whole(page, "#guide-heading")
    assert heading["top"] >= 0 and heading["left"] >= 0 and heading["right"] <= 390, heading
    assert heading["bottom"] <= bar["y"] and heading["on_top"], "in sight, above the fixed bar"
    page.locator("#guide-heading").evaluate("e => e.scrollIntoView()")  # the heading at the top: a screen of guide
    below = page.evaluate("(y) => document.getElementById('guide').contains(document.elementFromPoint(195, y))",
                          bar["y"] - 10)
    assert below, "the guide fills the screen down to the bar"

    urgent = next(b for c in guide_chapters(graph, catalog.references) for b in c.blocks if b.id == "urgent")
    first = f"[data-guide-block={urgent.id}] li"
    assert urgent.lines[0].text in page.locator(first).first.inner_text()
    page.locator(first).first.scroll_into_view_if_needed()
    settled(page)
    line = shown_whole(page, first)
    assert line["top"] >= 0 and line["bottom"] <= bar["y"] and line["on_top"], line
    assert page.evaluate("document.documentElement.scrollWidth") <= 390, "no sideways scrolling"
    assert_offline(page)
    context.close()
