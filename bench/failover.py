"""A replica dies under readers: N sessions stepping and clicking behind nginx, one of 2 replicas killed.

Run: python -m bench.failover [sessions] (default 30). Prints sessions, actions, errors, views lost,
and the action latency before, during and after the failover. The short version runs in the suite
(tests/e2e/test_failover.py) with the same functions.
"""

from __future__ import annotations

import statistics
import sys
import time
from dataclasses import dataclass, field

from bench.browser import CHROMIUM, CHROMIUM_ARGS, open_app
from deploy.serve import Deployment

STEPS = 8
HEADING = ".st-key-step-text h2"
ERRORS = ("Traceback", "Connection error", "Bad Gateway", "Internal Server Error", "could not be loaded")


@dataclass
class Reader:
    """One reader's tab: where it should be, and what it saw."""

    page: object
    key: str
    step: int
    actions: int = 0
    errors: list[str] = field(default_factory=list)
    lost: int = 0
    times: list[tuple[str, float]] = field(default_factory=list)


def open_readers(browser, url: str, count: int) -> list[Reader]:
    """`count` readers, each in a fresh context, on steps 1..7 in turn."""
    readers = []
    for k in range(count):
        context = browser.new_context(viewport={"width": 1280, "height": 800})
        page = context.new_page()
        step = 1 + k % (STEPS - 1)
        open_app(page, url, f"?graph=dry-needling&step={step}")
        key = next(c["value"] for c in context.cookies() if c["name"] == "explainer_replica")
        readers.append(Reader(page, key, step))
    return readers


def next_step(reader: Reader, phase: str, timeout_ms: float = 30_000) -> None:
    """Press Next as a reader would, until the step's heading says the next step; note errors and lost views."""
    page = reader.page
    want = reader.step + 1 if reader.step < STEPS else reader.step - 1
    button = ".st-key-next button" if reader.step < STEPS else ".st-key-prev button"
    started = time.perf_counter()
    deadline = started + timeout_ms / 1000
    while time.perf_counter() < deadline:
        try:
            page.click(button, timeout=2_000)
            page.wait_for_function(
                "(n) => { const h = document.querySelector('.st-key-step-text h2');"
                " return h && h.innerText.startsWith('Step ' + n + ' of'); }", arg=want, timeout=3_000)
            break
        except Exception:  # a click lost while the page reloads onto the other replica: press again
            continue
    else:
        reader.lost += 1
    reader.times.append((phase, (time.perf_counter() - started) * 1000))
    reader.actions += 1
    body = page.locator("body").inner_text()
    reader.errors += [e for e in ERRORS if e in body]
    try:  # the link follows the view (it is what a reload after a failover reopens)
        page.wait_for_function("(n) => new URLSearchParams(location.search).get('step') === String(n)",
                               arg=want, timeout=3_000)
    except Exception:
        reader.lost += 1
    reader.step = want


def summary(readers: list[Reader]) -> dict[str, object]:
    """The figures the README reports."""
    def median(phase: str) -> float:
        values = [t for r in readers for p, t in r.times if p == phase]
        return round(statistics.median(values)) if values else 0

    return {"sessions": len(readers), "actions": sum(r.actions for r in readers),
            "errors": sum(len(r.errors) for r in readers), "views_lost": sum(r.lost for r in readers),
            "ms_before": median("before"), "ms_during": median("during"), "ms_after": median("after"),
            "ms_during_max": round(max((t for r in readers for p, t in r.times if p == "during"), default=0))}


def run(sessions: int, browser=None) -> dict[str, object]:
    """Two replicas, `sessions` readers; each acts once before, once right after one replica is killed, once after.

    `browser` is a running Playwright browser (the test suite's); without one, this starts its own.
    """
    if browser is None:
        from playwright.sync_api import sync_playwright

        with sync_playwright() as pw:
            own = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            try:
                return run(sessions, own)
            finally:
                own.close()
    with Deployment(replicas=2) as deployment:
        readers = open_readers(browser, deployment.url, sessions)
        for reader in readers:
            next_step(reader, "before")
        on = [deployment.replica_of(r.key) for r in readers]
        victim = on[0] if on[0] is not None else 0
        deployment.stop_replica(victim)
        for reader in readers:
            next_step(reader, "during")
        for reader in readers:
            next_step(reader, "after")
        result = summary(readers)
        result["on_killed_replica"] = sum(1 for r in on if r == victim)
        for reader in readers:
            reader.page.context.close()
    return result


if __name__ == "__main__":
    figures = run(int(sys.argv[1]) if len(sys.argv) > 1 else 30)
    print("  ".join(f"{k} {v}" for k, v in figures.items()))
