"""The standalone page, opened from file:// with every network request blocked."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from mechanisms.load import load_catalog
from mechanisms.standalone import build_html

from .browser import node_point, point_centre, wait_chart

ROOT = Path(__file__).resolve().parents[2]
HOSTILE = "<img src=x onerror=alert(1)>"


def write_page(tmp_path: Path, data_dir: Path, graph_id: str) -> Path:
    catalog = load_catalog(data_dir)
    path = tmp_path / "page.html"
    path.write_text(build_html(catalog.graphs[graph_id], catalog.references), encoding="utf-8")
    return path


def open_offline(browser, path: Path, **context_args):
    context = browser.new_context(**context_args)
    page = context.new_page()
    page.blocked = []  # type: ignore[attr-defined]
    page.dialogs = []  # type: ignore[attr-defined]
    page.errors = []  # type: ignore[attr-defined]

    def route(r):
        if r.request.url.startswith(("file:", "data:")):
            r.continue_()
        else:
            page.blocked.append(r.request.url)
            r.abort()

    page.route("**/*", route)
    page.on("dialog", lambda d: (page.dialogs.append(d.message), d.dismiss()))
    page.on("pageerror", lambda e: page.errors.append(str(e)))
    page.goto(path.as_uri())
    wait_chart(page)
    return context, page


@pytest.fixture(scope="module")
def real_page(tmp_path_factory) -> Path:
    return write_page(tmp_path_factory.mktemp("sa"), ROOT / "data", "dry-needling")


def test_page_works_offline_and_reacts_to_clicks(browser, real_page):
    context, page = open_offline(browser, real_page, viewport={"width": 1280, "height": 900})
    assert "Step 1 of 8" in page.locator("#step-title").inner_text()
    x, y = point_centre(page, node_point(page, "dorsal-horn"))
    page.mouse.move(x, y)
    page.mouse.click(x, y)
    page.wait_for_function("() => document.querySelector('#panel-title').textContent === 'Pain relay in the spinal cord'")
    assert "DOI" in page.locator("#panel").inner_text()
    page.locator("#next").click()
    assert "Step 7 of 8" in page.locator("#step-title").inner_text()
    assert page.blocked == [] and page.errors == []
    context.close()


def test_phone_tap_selects_the_tapped_node(browser, real_page):
    context, page = open_offline(browser, real_page, viewport={"width": 390, "height": 844}, is_mobile=True,
                                 has_touch=True)
    for node, label in (("substance-p", "Pain-signal chemical"), ("pain", "Pain")):
        x, y = point_centre(page, node_point(page, node))
        page.touchscreen.tap(x, y)
        page.wait_for_function("(t) => document.querySelector('#panel-title').textContent === t", arg=label)
    assert page.blocked == []
    context.close()


def test_hostile_label_shows_as_text(browser, tmp_path):
    data = tmp_path / "data"
    shutil.copytree(ROOT / "tests" / "fixtures" / "data", data)
    mini = data / "mini.yaml"
    mini.write_text(mini.read_text(encoding="utf-8").replace("label: Local twitch response", f'label: "{HOSTILE}"'),
                    encoding="utf-8")
    path = write_page(tmp_path, data, "mini")
    assert HOSTILE not in path.read_text(encoding="utf-8").split('id="graph-data"')[1].split("</script>")[0]
    context, page = open_offline(browser, path, viewport={"width": 1280, "height": 900})
    x, y = point_centre(page, node_point(page, "twitch"))
    page.mouse.move(x, y)
    page.mouse.click(x, y)
    page.wait_for_function("(t) => document.querySelector('#panel-title').textContent === t", arg=HOSTILE)
    page.wait_for_timeout(300)
    assert page.dialogs == []
    assert page.locator("#panel img").count() == 0
    context.close()
