"""Screenshots of every step of the step view, desktop (1280x800) and phone (390x844, touch), for docs/.

Run: python -m bench.screenshots [out_dir] [--only-take-home] [--only-first-paint]. Also prints where each
step's circles and Next sit. --only-take-home makes only the shots of issue 13's screens: the body map, the QR
code on screen, today's treatment, the check questions, and page 1 of that reader's handout (pdftoppm, Debian's
poppler-utils). --only-first-paint makes only the pair of shots of a new page: the first frame with the diagram
drawn, and the whole page after it.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from bench.browser import (
    CHROMIUM,
    CHROMIUM_ARGS,
    FIRST_DRAWN,
    ROOT,
    open_app,
    show_clinician_controls,
    start_app,
    step_view,
    stop_app,
    wait_complete,
    wait_idle,
)

VIEWPORTS = {"desktop": (1280, 800, False), "phone": (390, 844, True)}


def main(out: Path = ROOT / "docs" / "steps", only_take_home: bool = False, only_first_paint: bool = False) -> None:
    from playwright.sync_api import sync_playwright

    out.mkdir(parents=True, exist_ok=True)
    proc, url = start_app()
    try:
        with sync_playwright() as pw:
            browser = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            if only_take_home:
                take_home_shots(browser, url, out)
                return
            if only_first_paint:
                first_paint_shots(browser, url, out)
                return
            for name, (width, height, touch) in VIEWPORTS.items():
                context = browser.new_context(viewport={"width": width, "height": height}, has_touch=touch,
                                              is_mobile=touch)
                page = context.new_page()
                open_app(page, url)
                page.wait_for_timeout(800)
                for step in range(1, 9):
                    view = step_view(page)
                    print(name, step, json.dumps({"chart_top": round(view["chart"]["top"]),
                                                  "next": [round(view["next"]["left"]), round(view["next"]["top"])],
                                                  "circles": [(c["id"], round(c["x"]), round(c["y"]))
                                                              for c in view["strong"]]}))
                    page.screenshot(path=str(out / f"{name}-step{step}.png"))
                    if step < 8:
                        (page.tap if touch else page.click)(".st-key-next button")
                        page.wait_for_timeout(300)
                        wait_idle(page)
                        page.wait_for_timeout(700)
                context.close()
            extras(browser, url, out)
            guide_and_detail(browser, url, out)
            take_home_shots(browser, url, out)
            first_paint_shots(browser, url, out)
    finally:
        stop_app(proc)


TODAY = "?graph=dry-needling&step=3&areas=neck-shoulders,upper-back&estim=yes"
"""The view of the take-home shots: a physio needled the neck, shoulders and upper back, with a current."""


def take_home_shots(browser, url: str, out: Path) -> None:
    """The body map being marked, the QR code on screen, today's treatment and the check questions as a
    patient sees them, and page 1 of that reader's handout."""
    import subprocess
    import tempfile

    for name, (width, height, touch) in VIEWPORTS.items():
        context = browser.new_context(viewport={"width": width, "height": height}, has_touch=touch, is_mobile=touch,
                                      device_scale_factor=2 if touch else 1)
        page = context.new_page()
        press = page.tap if touch else page.click
        open_app(page, url, TODAY)
        show_clinician_controls(page)
        press(".st-key-today_open button")
        page.wait_for_selector('[data-testid="stPopoverBody"] .js-plotly-plot')
        wait_idle(page)
        page.wait_for_timeout(800)
        page.screenshot(path=str(out / f"{name}-body-map.png"))
        page.keyboard.press("Escape")
        open_app(page, url, TODAY)
        show_clinician_controls(page)
        press(".st-key-share button")
        page.wait_for_selector(".st-key-share-qr img")
        page.wait_for_timeout(800)
        page.screenshot(path=str(out / f"{name}-take-this-home.png"))
        open_app(page, url, TODAY)
        press('.st-key-today-first a[href="#today"]')
        page.wait_for_timeout(1000)
        page.screenshot(path=str(out / f"{name}-today.png"))
        open_app(page, url, "?graph=dry-needling&step=8")
        page.locator('fieldset[data-question="how-long"]').scroll_into_view_if_needed()
        press('fieldset[data-question="how-long"] label >> nth=1')
        page.wait_for_timeout(600)
        page.screenshot(path=str(out / f"{name}-check.png"))
        if name == "desktop":
            with page.expect_download(timeout=120_000) as download:
                open_app(page, url, TODAY)
                page.click(".st-key-dl-pdf button")
            pdf = Path(tempfile.mkdtemp()) / "handout.pdf"
            download.value.save_as(pdf)
            subprocess.run(["pdftoppm", "-png", "-r", "80", "-f", "1", "-l", "1", "-singlefile", str(pdf),
                            str(out / "handout-today-page1")], check=True)
        context.close()


def extras(browser, url: str, out: Path) -> None:
    """Consult mode at a clinic's 1366x768 screen, and the offline page on a desktop and a phone."""
    import tempfile

    from mechanisms.content.load import data_folder, load_catalog
    from mechanisms.outputs.standalone import build_html

    page = browser.new_page(viewport={"width": 1366, "height": 768})
    open_app(page, url, "?graph=dry-needling&step=7&mode=consult")
    page.wait_for_timeout(800)
    page.screenshot(path=str(out / "consult-1366-step7.png"))
    page.close()
    catalog = load_catalog(data_folder())
    html = Path(tempfile.mkdtemp()) / "dry-needling.html"
    html.write_text(build_html(catalog.graphs["dry-needling"], catalog.references), encoding="utf-8")
    for name, (width, height, touch) in VIEWPORTS.items():
        context = browser.new_context(viewport={"width": width, "height": height}, has_touch=touch, is_mobile=touch)
        page = context.new_page()
        page.goto(f"{html.as_uri()}#graph=dry-needling&step=3")
        page.wait_for_timeout(1500)
        page.screenshot(path=str(out / f"offline-{name}-step3.png"))
        context.close()


def first_paint_shots(browser, url: str, out: Path) -> None:
    """A new page at step 3: what the reader sees in the first frame with the diagram, then the whole page."""
    for name, (width, height, touch) in VIEWPORTS.items():
        context = browser.new_context(viewport={"width": width, "height": height}, has_touch=touch, is_mobile=touch)
        page = context.new_page()
        page.add_init_script(FIRST_DRAWN)
        page.goto(url + "/?graph=dry-needling&step=3")
        page.wait_for_function("() => window.__drawn !== undefined", polling=10, timeout=60_000)
        page.screenshot(path=str(out / f"{name}-first-paint.png"))
        wait_complete(page)
        page.wait_for_timeout(800)
        page.screenshot(path=str(out / f"{name}-first-paint-whole.png"))
        context.close()


def guide_and_detail(browser, url: str, out: Path) -> None:
    """Step 4 with more detail opened, and the guide's 'After your session' as a reader scrolls to it."""
    for name, (width, height, touch) in VIEWPORTS.items():
        context = browser.new_context(viewport={"width": width, "height": height}, has_touch=touch, is_mobile=touch)
        page = context.new_page()
        open_app(page, url, "?graph=dry-needling&step=4")
        page.wait_for_timeout(800)
        (page.tap if touch else page.click)(".st-key-show-detail button")
        wait_idle(page)
        page.wait_for_timeout(1200)
        page.screenshot(path=str(out / f"{name}-step4-more-detail.png"))
        open_app(page, url)
        page.wait_for_timeout(800)
        (page.tap if touch else page.click)('.st-key-intro a[href="#guide"]')
        page.wait_for_timeout(800)
        (page.tap if touch else page.click)(".st-key-guide-after-your-session summary")
        wait_idle(page)
        page.wait_for_timeout(800)
        page.locator(".st-key-guide-after-your-session h4").first.evaluate("el => el.scrollIntoView()")
        page.wait_for_timeout(500)
        page.screenshot(path=str(out / f"{name}-guide-after.png"))
        context.close()


def patient_page_shots(out: Path = ROOT / "docs" / "patient") -> None:
    """The patient page (export --format site) as the QR code opens it, phone and desktop: the first screen with
    today's treatment, a step, a tapped part, and the check questions after the story."""
    import tempfile

    from playwright.sync_api import sync_playwright

    from bench.browser import node_point, point_centre, wait_in_sight
    from bench.site_bench import serve_folder, write_site
    from mechanisms.content.load import data_folder, load_catalog

    core = load_catalog(data_folder()).graphs["dry-needling"].core
    out.mkdir(parents=True, exist_ok=True)
    folder = write_site(Path(tempfile.mkdtemp(prefix="patient-shots-")) / "site")
    drawn = "() => !!document.querySelector('#diagram .scatterlayer .point')"
    with serve_folder(folder) as (url, _), sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        for name, (width, height, touch) in VIEWPORTS.items():
            context = browser.new_context(viewport={"width": width, "height": height}, has_touch=touch,
                                          is_mobile=touch, service_workers="block")
            page = context.new_page()
            page.goto(url + "#graph=dry-needling&step=1&areas=neck-shoulders,upper-back")
            page.wait_for_function(drawn)
            page.screenshot(path=str(out / f"{name}-first.png"))
            page.goto(url + "#graph=dry-needling&step=3")
            page.wait_for_function("() => document.getElementById('step-title').textContent.startsWith('Step 3')")
            page.evaluate("document.getElementById('step').scrollIntoView()")
            page.screenshot(path=str(out / f"{name}-step3.png"))
            node = core.nodes_in_step(core.steps[2].id)[1]
            x, y = point_centre(page, node_point(page, node.id))
            page.touchscreen.tap(x, y) if touch else page.mouse.click(x, y)
            page.wait_for_function("(t) => document.getElementById('panel-title').textContent === t",
                                   arg=node.plain_label)
            page.wait_for_timeout(300)
            page.screenshot(path=str(out / f"{name}-tapped.png"))
            page.locator("#steps").select_option(str(len(core.steps) - 1))
            (page.tap if touch else page.click)("#check-link")
            wait_in_sight(page, "#check h2", below="#stepbar")
            page.screenshot(path=str(out / f"{name}-questions.png"))
            context.close()
        browser.close()


if __name__ == "__main__":
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    if "--only-patient-page" in sys.argv:
        patient_page_shots(*(Path(a) for a in args))
    else:
        main(Path(args[0]) if args else ROOT / "docs" / "steps", only_take_home="--only-take-home" in sys.argv,
             only_first_paint="--only-first-paint" in sys.argv)
