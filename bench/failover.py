"""A replica dies under readers, and a replica restarts with new data: measured behind nginx (deploy/).

Run: python -m bench.failover [sessions] (default 30): N readers, one of 2 replicas killed; prints
sessions, actions, errors, views lost, presses needed and the latency before, during and after.
python -m bench.failover --restart: a step's title edited and one replica restarted; prints whether
every reader's next page showed one version. tests/e2e/test_failover.py runs both with 4 readers.
A lost view leaves its screenshot, page text and the tab's log in /tmp/explainer-failover/.
"""

from __future__ import annotations

import re
import statistics
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

from bench.browser import CHROMIUM, CHROMIUM_ARGS, PAGE_COMPLETE, open_app
from deploy.serve import Deployment

STEPS = 8
SHOWN_STEP = """() => { const h = document.querySelector('.st-key-step-text h2');
    const m = h && h.innerText.match(/^Step (\\d+) of/);
    const link = new URLSearchParams(location.search).get('step');
    return m && link === m[1] ? Number(m[1]) : null; }"""
"""The step a page shows, when its heading and its link (what a reload after a failover reopens) agree; else null."""
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
    overshoot: int = 0
    times: list[tuple[str, float]] = field(default_factory=list)
    presses: list[tuple[str, int]] = field(default_factory=list)
    log: list[str] = field(default_factory=list)

    def watch(self) -> None:
        """Keep a timed record of the tab's navigations, sockets and console: what a lost view is explained by."""
        start = time.perf_counter()

        def note(what: str) -> None:
            self.log.append(f"{time.perf_counter() - start:7.2f} {what}")

        page = self.page
        page.on("framenavigated", lambda f: note(f"navigated {f.url}") if f == page.main_frame else None)
        page.on("console", lambda m: note(f"console {m.type}: {m.text[:160]}"))
        page.on("pageerror", lambda e: note(f"pageerror {e}"[:200]))
        page.on("requestfailed", lambda r: note(f"failed {r.method} {r.url[-60:]} {r.failure}"))

        def socket(ws) -> None:
            note(f"socket open {ws.url[-30:]}")
            ws.on("close", lambda w: note("socket closed"))
            ws.on("socketerror", lambda e: note(f"socket error {e}"))
        page.on("websocket", socket)


def open_readers(browser, url: str, count: int) -> list[Reader]:
    """`count` readers, each in a fresh context, on steps 1..7 in turn."""
    readers = []
    for k in range(count):
        context = browser.new_context(viewport={"width": 1280, "height": 800})
        page = context.new_page()
        page.add_init_script(COUNT_PRESSES)
        step = 1 + k % (STEPS - 1)
        open_app(page, url, f"?graph=dry-needling&step={step}")
        key = next(c["value"] for c in context.cookies() if c["name"] == "explainer_replica")
        reader = Reader(page, key, step)
        reader.watch()
        readers.append(reader)
    return readers


COUNT_PRESSES = """document.addEventListener('click', (e) => {
    if (e.target.closest && e.target.closest('.st-key-next button, .st-key-prev button'))
        window.__presses = (window.__presses || 0) + 1; }, true);"""
"""Init script: the presses this page load received (a click call can fail after its click landed)."""


def page_presses(page) -> int | None:
    try:
        return page.evaluate("window.__presses || 0")
    except Exception:  # the page is reloading onto the other replica
        return None


def shown_step(page) -> int | None:
    """The step the reader sees, or None while the page is loading or its heading and link disagree."""
    try:
        return page.evaluate(SHOWN_STEP)
    except Exception:  # the page is reloading onto the other replica
        return None


def next_step(reader: Reader, phase: str, timeout_ms: float = 45_000, patience_ms: float = 8_000) -> None:
    """Press Next (Previous at the last step) as a reader would and wait for the step to change.

    Pressed again only if the page still shows the step it showed before and `patience_ms` has passed
    (a press lost while the page reloads onto the other replica). A press that was only slow may then
    count twice and the reader lands a step further, as a person pressing twice would: that is counted
    as `overshoot`, and the reader's step is what the page shows. A view is lost when the page shows no
    step within `timeout_ms`, or a step the reader's presses cannot have led to (the link did not hold).
    """
    page = reader.page
    start_step = reader.step
    want = start_step + 1 if start_step < STEPS else start_step - 1
    button = ".st-key-next button" if start_step < STEPS else ".st-key-prev button"
    started = time.perf_counter()
    deadline = started + timeout_ms / 1000
    presses, pressed_at, now = 0, None, None
    while time.perf_counter() < deadline:
        now = shown_step(page)
        if now is not None and now != start_step:
            break
        if pressed_at is None or (time.perf_counter() - pressed_at) * 1000 > patience_ms:
            before = page_presses(page)
            try:
                page.click(button, timeout=2_000)
                presses += 1
                pressed_at = time.perf_counter()
            except Exception as exc:  # not clickable while the page reloads: try again shortly
                # ... unless the click landed and only the call failed after it (the button was redrawn
                # as the rest of the page arrived): that was a press, as a person's would be.
                after = page_presses(page)
                if before is not None and after is not None and after > before:
                    presses += 1
                    pressed_at = time.perf_counter()
                    reader.log.append(f"{phase}: a press landed though the click call failed: {exc}"[:300])
        page.wait_for_timeout(50)
    direction = want - start_step
    reached = (now - start_step) * direction if now is not None else 0
    if 1 <= reached <= max(presses, 1):  # the next step, or one further per extra press
        reader.overshoot += reached > 1
        reader.step = now
    else:
        reader.lost += 1
        seen = "no step" if now is None else f"step {now}"
        reader.errors.append(f"{phase}: wanted step {want}, saw {seen} after {timeout_ms / 1000:.0f} s")
        record_lost(reader, phase)
    reader.times.append((phase, (time.perf_counter() - started) * 1000))
    reader.presses.append((phase, presses))
    reader.actions += 1
    body = page.locator("body").inner_text()
    reader.errors += [e for e in ERRORS if e in body]


LOST = Path("/tmp/explainer-failover")
"""Where a lost view's record goes: its screenshot, the page's text and the tab's log."""


def record_lost(reader: Reader, phase: str) -> None:
    """Keep what a reader who never arrived had on screen, and what the tab did, for whoever looks into it."""
    LOST.mkdir(exist_ok=True)
    name = f"{reader.key[:8]}-{phase}"
    page = reader.page
    try:
        page.screenshot(path=str(LOST / f"{name}.png"))
        state = page.evaluate("""() => ({url: location.href,
            script: document.querySelector('[data-testid="stApp"]')?.getAttribute('data-test-script-state'),
            connection: document.querySelector('[data-testid="stStatusWidget"]')?.innerText,
            body: document.body.innerText.slice(0, 600)})""")
    except Exception as e:  # a page that no longer answers is itself the finding
        state = {"error": str(e)}
    (LOST / f"{name}.txt").write_text(f"{state}\n\n" + "\n".join(reader.log), encoding="utf-8")


def summary(readers: list[Reader]) -> dict[str, object]:
    """The figures the README reports."""
    def median(phase: str) -> float:
        values = [t for r in readers for p, t in r.times if p == phase]
        return round(statistics.median(values)) if values else 0

    return {"sessions": len(readers), "actions": sum(r.actions for r in readers),
            "errors": sum(len(r.errors) - r.lost for r in readers), "views_lost": sum(r.lost for r in readers),
            "overshoot": sum(r.overshoot for r in readers),
            "what": [e for r in readers for e in r.errors],
            "presses_during_max": max((n for r in readers for p, n in r.presses if p == "during"), default=0),
            "presses_after_max": max((n for r in readers for p, n in r.presses if p == "after"), default=0),
            "ms_before": median("before"), "ms_during": median("during"), "ms_after": median("after"),
            "ms_during_p90": percentile(readers, "during", 0.9),
            "ms_during_max": round(max((t for r in readers for p, t in r.times if p == "during"), default=0))}


def percentile(readers: list[Reader], phase: str, q: float) -> int:
    """The q-th fraction of a phase's press-to-step times (nearest rank), in ms."""
    values = sorted(t for r in readers for p, t in r.times if p == phase)
    return round(values[min(len(values) - 1, int(q * len(values)))]) if values else 0


def record_slowest(readers: list[Reader], phase: str) -> None:
    """Keep the log of the reader who waited longest in a phase: where a failover's seconds go."""
    timed = [(t, r) for r in readers for p, t in r.times if p == phase]
    if timed:
        ms, reader = max(timed, key=lambda pair: pair[0])
        LOST.mkdir(exist_ok=True)
        (LOST / f"slowest-{phase}.txt").write_text(f"{ms:.0f} ms\n" + "\n".join(reader.log), encoding="utf-8")


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
        record_slowest(readers, "during")
        result["on_killed_replica"] = sum(1 for r in on if r == victim)
        for reader in readers:
            reader.page.context.close()
    return result


VERSION_OF_PAGE = """() => {
  const heading = document.querySelector('.st-key-step-text h2').innerText;
  const list = document.querySelector('.st-key-step_choice');
  const chosen = (list.querySelector('input') || {}).value || list.innerText;
  const gd = document.querySelector('.js-plotly-plot');
  const parts = (gd.layout.annotations || []).filter(a => a.xref !== 'paper')
    .map(a => String(a.text).replace(/<[^>]+>/g, ' '));
  return {heading, chosen, parts};
}"""
"""A page's step heading, chosen step and the labels of the parts its diagram draws (its step's own)."""
NEW_MARK = " ²"
"""Put after every step's title and every part's name in the restart: each piece of a page then says which
version it came from."""


def _marked(text: str, section: str, keys: str) -> str:
    """The graph file with these keys' values marked as new in one top-level section (`steps:`, `nodes:`)."""
    head, rest = text.split(f"\n{section}:\n", 1)
    block, tail = re.split(r"\n(?=\S)", rest, maxsplit=1)
    block = re.sub(rf"(?m)^(    (?:{keys}): .+)$", rf"\g<1>{NEW_MARK}", block)
    return f"{head}\n{section}:\n{block}\n{tail}"


def new_titles(text: str) -> str:
    """The graph file with every step's title and every part's name marked as new: the step's heading and list
    carry the titles, its diagram the parts' names (a step is drawn on its own, without its title)."""
    return _marked(_marked(text, "steps", "title"), "nodes", "label|plain_label")


def restart(browser, readers: int = 4) -> dict[str, object]:
    """A step's title edited, one replica restarted; each reader's next page must carry one version only."""
    import os
    import shutil
    import tempfile

    from deploy.serve import ROOT

    data = Path(tempfile.mkdtemp(prefix="explainer-data-")) / "data"
    shutil.copytree(ROOT / "data", data)
    pages, mixed, seen_new = 0, [], 0
    with Deployment(replicas=2, env={"MECHANISMS_DATA": str(data)}) as deployment:
        tabs = open_readers(browser, deployment.url, readers)
        graph = data / "dry-needling.yaml"
        graph.write_text(new_titles(graph.read_text(encoding="utf-8")), encoding="utf-8")
        then = time.time() - 5
        os.utime(graph, (then, then))
        deployment.restart_replica(deployment.replica_of(tabs[0].key) or 0)
        for reader in tabs:
            next_step(reader, "after")
            # A reader moved to a new session gets the first paint, then the whole page: read the whole.
            reader.page.wait_for_function(PAGE_COMPLETE, timeout=30_000, polling=100)
            reader.page.wait_for_timeout(300)
            seen = reader.page.evaluate(VERSION_OF_PAGE)
            versions = {NEW_MARK.strip() in piece for piece in [seen["heading"], seen["chosen"], *seen["parts"]]}
            pages += 1
            seen_new += versions == {True}
            if len(versions) != 1 or not seen["parts"] or not seen["chosen"]:
                mixed.append(seen)
        errors = [e for r in tabs for e in r.errors]
        for reader in tabs:
            reader.page.context.close()
    shutil.rmtree(data.parent, ignore_errors=True)
    return {"pages": pages, "mixed": len(mixed), "new_version": seen_new, "errors": errors}


if __name__ == "__main__":
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        chromium = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        if "--restart" in sys.argv:
            figures = restart(chromium)
        else:
            figures = run(int(sys.argv[1]) if len(sys.argv) > 1 else 30, chromium)
        print("  ".join(f"{k} {v}" for k, v in figures.items()))
        chromium.close()
