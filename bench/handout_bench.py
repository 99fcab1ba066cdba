"""How long a patient's handout takes: from the command line (a whole process), and in the app from the tap on
its button until the download arrives (the first tap after the app starts, then later taps), for the start of
the story and for a view with today's treatment (made for that reader, never kept).

    PYTHONPATH=. python -m bench.handout_bench [runs]

Every figure is min / median / max over the runs, in seconds; nothing here is a target, only a measurement.
"""

from __future__ import annotations

import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from playwright.sync_api import sync_playwright

from bench.browser import CHROMIUM, CHROMIUM_ARGS, ROOT, open_app, start_app, stop_app

TODAY = "?graph=dry-needling&step=1&areas=upper-back,calf"
"""A view with today's treatment: its handout is made for that reader alone."""


def spread(times: list[float]) -> str:
    """'min 1.20 / median 1.31 / max 1.52 s'."""
    return f"min {min(times):.2f} / median {statistics.median(times):.2f} / max {max(times):.2f} s"


def command_line(runs: int) -> list[float]:
    """The whole `export --format pdf --audience patient` process, as a clinician runs it."""
    times = []
    with tempfile.TemporaryDirectory() as folder:
        for _ in range(runs):
            start = time.perf_counter()
            subprocess.run([sys.executable, "-m", "mechanisms", "export", "dry-needling", "--format", "pdf",
                            "--audience", "patient", "-o", str(Path(folder) / "h.pdf")],
                           cwd=ROOT, check=True, capture_output=True)
            times.append(time.perf_counter() - start)
    return times


def tap_to_download(page, url: str, query: str) -> tuple[float, str]:
    """Seconds from the tap on the PDF button to the download, and what the button said meanwhile."""
    open_app(page, url, query)
    button = page.locator(".st-key-dl-pdf button")
    button.scroll_into_view_if_needed()
    with page.expect_download(timeout=120_000) as download:
        start = time.perf_counter()
        button.click()
        page.wait_for_timeout(150)
        note = page.locator(".dl-making").first
        said = note.inner_text() if note.is_visible() else "(nothing)"
        download.value.path()
    return time.perf_counter() - start, said


def in_app(runs: int) -> dict[str, list[float]]:
    """The first tap as soon as a new app has drawn its page, the first tap after reading it for 5 s, then later
    taps, for the plain view and for today's treatment."""
    found: dict[str, list[float]] = {"first tap at once": [], "first tap after 5 s": [], "later, plain": [],
                                     "later, today": []}
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        for _ in range(runs):
            proc, url = start_app()
            try:
                page = browser.new_page(viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True)
                seconds, said = tap_to_download(page, url, TODAY)
                found["first tap at once"].append(seconds)
                found.setdefault(f"said: {said.strip()}", [])
                page.close()
            finally:
                stop_app(proc)
            proc, url = start_app()
            try:
                page = browser.new_page(viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True)
                open_app(page, url, TODAY)
                page.wait_for_timeout(5_000)
                found["first tap after 5 s"].append(tap_to_download(page, url, TODAY)[0])
                found["later, plain"].append(tap_to_download(page, url, "?graph=dry-needling&step=1")[0])
                found["later, today"].append(tap_to_download(page, url, TODAY)[0])
                page.close()
            finally:
                stop_app(proc)
        browser.close()
    return found


def main(runs: int = 3) -> None:
    print(f"command line, patient handout: {spread(command_line(runs))}")
    for name, times in in_app(runs).items():
        print(f"app, {name}: {spread(times)}" if times else f"app, button while making it: {name[6:]}")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 3)
