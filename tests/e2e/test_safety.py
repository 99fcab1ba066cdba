"""Hostile links, hostile data files, broken files, third parties, accessibility (axe-core)."""

from __future__ import annotations

import shutil
from pathlib import Path
from urllib.parse import parse_qs, urlparse

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect

from bench.browser import Sent, answered, click_node, open_app, settle, start_app, stop_app, wait_idle

ROOT = Path(__file__).resolve().parents[2]
HOSTILE = '<img src=x onerror=alert(1)>'

HOSTILE_QUERIES = [
    "?step=%3Cscript%3Ealert(1)%3C%2Fscript%3E",
    "?node=%3Cimg%20src%3Dx%20onerror%3Dalert(1)%3E",
    "?graph=%22%3E%3Csvg%20onload%3Dalert(1)%3E",
    "?audience=%27%3Balert(1)%2F%2F&mode=javascript:alert(1)",
    "?edge=needle-insertion-%3E%3Cscript%3E",
    "?node=" + "A" * 20000,
    "?step=1&step=2&step=%3Cb%3E&node=pain&node=nope",
    "?node=%FF%FE%00&step=%C0%AF",
    "?step=1e9&audience=PATIENT&mode=CONSULT",
    "?unknown=%3Cscript%3Ealert(1)%3C%2Fscript%3E",
]


@pytest.mark.parametrize("query", HOSTILE_QUERIES)
def test_hostile_links_fall_back_and_run_nothing(page, app_url, query):
    open_app(page, app_url, query)
    body = page.locator("body").inner_text()
    assert "Step 1 of" in body or "Step " in body
    assert page.locator('[data-testid="stException"]').count() == 0
    assert "alert(1)" not in body and "<script>" not in body and "onerror" not in body
    assert page.locator("main img[src='x'], main svg[onload]").count() == 0
    settle(page)  # images loaded or failed (an onerror has run), two frames drawn
    assert page.dialogs == []


@pytest.fixture(scope="module")
def hostile_app(tmp_path_factory):
    """An app over a data folder with a hostile graph and a broken one beside it."""
    data = tmp_path_factory.mktemp("hostile") / "data"
    shutil.copytree(ROOT / "tests" / "fixtures" / "data", data)
    mini = data / "mini.yaml"
    text = mini.read_text(encoding="utf-8")
    text = text.replace("label: Local twitch response", f'label: "{HOSTILE}"')
    text = text.replace("title: A tiny test graph", 'title: "<script>alert(2)</script> **bold** :red[x]"')
    text = text.replace("The muscle gives a quick jump.", "[click me](javascript:alert(3)) <b>bold</b> $x^2$")
    # The step's text shares its Markdown element with the body picture's HTML: author text there stays text.
    text = text.replace("The needle goes into the sore spot.", f"{HOSTILE} <b>step</b>")
    text = text.replace("    label: Muscle\n", "    label: Muscle\n    place: the <b>muscle</b>\n    body:\n"
                        "      - {figure: back, shape: ellipse, x: 38, y: 40, w: 14, h: 10}\n")
    mini.write_text(text, encoding="utf-8")
    (data / "broken.yaml").write_text("id: broken\nnodes: [\n", encoding="utf-8")
    proc, url = start_app(data)
    yield url
    stop_app(proc)


def test_hostile_data_shows_as_characters_and_runs_nothing(page, hostile_app):
    sent = Sent(page)
    open_app(page, hostile_app, "?node=twitch")
    panel = page.locator(".st-key-detail").inner_text()
    assert HOSTILE in panel
    assert "[click me](javascript:alert(3))" in panel and "<b>bold</b>" in panel
    assert page.locator("h1").inner_text().startswith("<script>alert(2)</script> **bold**")
    assert page.locator("a[href^='javascript']").count() == 0
    assert page.locator(".st-key-detail img, .st-key-detail b").count() == 0
    step = page.locator(".st-key-step-text")
    assert HOSTILE in step.inner_text() and "<b>step</b>" in step.inner_text()
    assert "the <b>muscle</b>" in step.locator("figcaption").inner_text(), "a place from the data shows as text"
    assert step.locator("img").count() == 1 and step.locator("b").count() == 0, "only the body picture's own image"
    answered(page, sent, lambda: click_node(page, "needle"))
    assert page.dialogs == []


def test_a_broken_file_stays_out_of_sight_and_the_other_graphs_still_work(page, hostile_app):
    """Visitors never see an author's problem (author mode is off by default): no notice, no file name."""
    open_app(page, hostile_app)
    body = page.locator("body").inner_text()
    assert "could not be loaded" not in body and "broken.yaml" not in body
    assert "Step 1 of 2" in body


def test_no_request_leaves_the_machine(page, app_url):
    requests: list[str] = []
    page.on("request", lambda r: requests.append(r.url))
    sent = Sent(page)
    open_app(page, app_url, "?node=pain")
    answered(page, sent, lambda: click_node(page, "tissue-repair"))
    step = int(parse_qs(urlparse(page.url).query)["step"][0])
    page.get_by_role("button", name="Previous").click()  # waits on its answer, not a count of runs (flaked once)
    page.wait_for_function("(t) => document.body.innerText.includes(t)", arg=f"Step {step - 1} of", timeout=30_000)
    wait_idle(page)
    host = urlparse(app_url).netloc
    outside = [u for u in requests if not (urlparse(u).netloc == host or u.startswith(("data:", "blob:")))]
    assert requests, "requests were recorded"
    assert outside == []


def axe_violations(page) -> list[dict]:
    return [v for v in Axe().run(page).response["violations"] if v["impact"] in ("critical", "serious")]


@pytest.mark.parametrize("query", ["", "?node=tnf-alpha&audience=practitioner", "?mode=consult&step=6"])
def test_no_serious_accessibility_violations(page, app_url, query):
    open_app(page, app_url, query)
    violations = axe_violations(page)
    assert violations == [], [(v["id"], v["impact"], [n["target"] for n in v["nodes"]][:3]) for v in violations]


def test_outline_has_no_serious_accessibility_violations(page, app_url):
    open_app(page, app_url)
    page.get_by_text("Text version of the whole diagram").click()
    expect(page.locator('[data-testid="stExpander"]').last).to_contain_text("Step 8.")
    wait_idle(page)
    assert axe_violations(page) == []
