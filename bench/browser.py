"""Driving the app in a browser, for the browser tests and the benchmarks: start it, find and click chart points."""

from __future__ import annotations

import os
import select
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
    "--disable-component-update", "--disable-sync", "--disable-quic",
]
IDLE = '[data-testid="stApp"][data-test-script-state="notRunning"]'


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_app(data_dir: Path | None = None, script: str = "app.py", attempt: int = 1) -> tuple[subprocess.Popen, str]:
    """Start `streamlit run` on a free port and wait until it answers; the caller stops it."""
    port = free_port()
    env = dict(os.environ)
    if data_dir is not None:
        env["MECHANISMS_DATA"] = str(data_dir)
    proc = subprocess.Popen(
        [sys.executable, "-m", "streamlit", "run", script, "--server.port", str(port),
         "--server.address", "127.0.0.1", "--server.headless", "true", "--browser.gatherUsageStats", "false"],
        cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
    )
    url = f"http://127.0.0.1:{port}"
    deadline = time.time() + 60
    printed = b""
    while time.time() < deadline:
        if proc.poll() is not None:
            printed += proc.stdout.read()
            if b"already in use" in printed and attempt < 3:  # two test workers were handed the same free port
                return start_app(data_dir, script, attempt + 1)
            raise RuntimeError(f"streamlit exited: {printed.decode(errors='replace')[-2000:]}")
        try:
            with urllib.request.urlopen(url + "/_stcore/health", timeout=1) as r:
                if r.status == 200:
                    return proc, url
        except OSError:
            # Streamlit prints its address once it listens: wake on its output (or exit), not after a fixed pause.
            if select.select([proc.stdout], [], [], 0.5)[0]:
                printed += os.read(proc.stdout.fileno(), 65536)
    proc.kill()
    raise RuntimeError("streamlit did not start within 60 s")


def stop_app(proc: subprocess.Popen) -> None:
    proc.terminate()
    try:
        proc.wait(timeout=10)
    except subprocess.TimeoutExpired:
        proc.kill()


def wait_idle(page, timeout: float = 30_000) -> None:
    """Wait until Streamlit has finished the current script run."""
    # Two frames first: the page has handled the last input and drawn the state it caused.
    page.evaluate("() => new Promise(done => requestAnimationFrame(() => requestAnimationFrame(done)))")
    page.wait_for_selector(IDLE, timeout=timeout)


CHART_DRAWN = """() => { const gd = document.querySelector('.js-plotly-plot');
    return !!gd && gd.checkVisibility({visibilityProperty: true})
        && [...gd.querySelectorAll('.scatterlayer .point')].some(p => p.getBoundingClientRect().width > 0); }"""
"""True once the diagram's markers are drawn and shown (arrow tails are zero-size points, so not the first; the
app keeps the diagram hidden until Previous and Next are there)."""


WATCH_PANEL = """(t) => { window.__at = null; const obs = new MutationObserver(() => {
    const h = document.querySelector('.st-key-detail h3');
    if (h && h.innerText.trim() === t && window.__at === null) {
        window.__at = performance.now(); obs.disconnect(); } });
  obs.observe(document.body, {subtree: true, childList: true, characterData: true}); }"""
"""Sets window.__at to performance.now() when the panel heading first reads t: timing a click in the page."""


PAGE_COMPLETE = """() => !!document.querySelector('.st-key-controls')
    && !document.querySelector('[class*="st-key-controls-wait"]') && !document.querySelector('[data-testid="stSkeleton"]')"""
"""True once the whole page is there: the first paint's place for the controls (app.py `complete`) is filled
and no element is still waiting for its code (Streamlit shows a skeleton meanwhile)."""


def first_frame(condition: str, name: str) -> str:
    """Init script: sets window[name] to performance.now() in the first animation frame where `condition` holds."""
    return f"""(() => {{ const holds = {condition};
    const check = () => holds() ? (window.{name} = performance.now()) : requestAnimationFrame(check);
    requestAnimationFrame(check); }})();"""


FIRST_DRAWN = first_frame(CHART_DRAWN, "__drawn")
"""Init script: the time since navigation start of the first frame with the diagram drawn (window.__drawn)."""


SETTLED = """() => new Promise(done => document.fonts.ready.then(() => requestAnimationFrame(() => requestAnimationFrame(
    () => done(!document.querySelector('[data-testid="stApp"]:not([data-test-script-state="notRunning"])')
               && [...document.images].every(i => i.complete)
               && document.getAnimations().every(a => a.playState !== 'running'
                                                   || a.effect?.getComputedTiming().endTime === Infinity))))))"""
"""True once Streamlit is idle, fonts and images are in, no finite animation runs, and two frames have followed."""


def settle(page, timeout: float = 15_000) -> None:
    """Wait until the page has drawn everything it was doing: instead of a fixed pause before reading it."""
    wait_idle(page, timeout)
    page.wait_for_function(SETTLED, timeout=timeout, polling=50)


class Sent:
    """Counts the messages a page sends the server over its websockets, and those it gets back (made before the
    page opens the app)."""

    def __init__(self, page) -> None:
        self.frames = 0
        self.received = 0
        page.on("websocket", self._watch)

    def _watch(self, ws) -> None:
        ws.on("framesent", self._count)
        ws.on("framereceived", self._got)

    def _count(self, _frame) -> None:
        self.frames += 1

    def _got(self, _frame) -> None:
        self.received += 1


def answered(page, sent: Sent, action, timeout: float = 30.0) -> None:
    """Do `action` (an input) and wait for the app's answer to it: if it sent the server anything, a message
    back (every run ends with one) and the page idle again. (Counting the page's 'running' states missed a run
    that React drew in one go, twice in CI.)"""
    frames, received = sent.frames, sent.received
    action()
    settle(page)  # inputs are sent from their event handlers, so whatever this one sends has gone
    if sent.frames > frames:
        deadline = time.monotonic() + timeout
        while sent.received == received:
            assert time.monotonic() < deadline, "the server never answered"
            page.wait_for_timeout(20)  # lets Playwright deliver the socket's events
        settle(page)


def wait_in_sight(page, selector: str, below: str = "", timeout: float = 15_000) -> None:
    """Wait until the element is wholly on screen (and above `below`'s top, e.g. a fixed bar): a scroll has landed."""
    page.wait_for_function(
        """([sel, below]) => { const e = document.querySelector(sel); if (!e) return false;
            const r = e.getBoundingClientRect(); const bar = below && document.querySelector(below);
            const limit = bar ? bar.getBoundingClientRect().top : innerHeight;
            return r.top >= 0 && r.bottom <= limit + 1; }""", arg=[selector, below], timeout=timeout, polling=50)


def wait_address(page, part: str, present: bool = True, timeout: float = 10_000) -> None:
    """Wait until the address bar holds `part` (or no longer does): the app writes it after its answer, and
    Playwright's `page.url` hears of such a change only a moment later."""
    page.wait_for_function("([part, present]) => (location.href.indexOf(part) !== -1) === present",
                           arg=[part, present], timeout=timeout, polling=50)


def wait_stored(page, key: str, value: object, timeout: float = 10_000) -> None:
    """Wait until localStorage[key] holds `value`: a tap's click is synthesised after the touch ends, so what it
    writes may land a moment after `tap()` returns."""
    deadline = time.monotonic() + timeout / 1000
    while (stored := page.evaluate("(key) => JSON.parse(localStorage.getItem(key))", key)) != value:
        assert time.monotonic() < deadline, f"localStorage[{key!r}] is {stored!r}, not {value!r}"
        page.wait_for_timeout(50)


def wait_chart(page, timeout: float = 60_000) -> None:
    page.wait_for_function(CHART_DRAWN, timeout=timeout, polling=50)


def wait_complete(page, timeout: float = 60_000) -> None:
    """Wait for the whole page, which follows the first paint once the diagram is drawn."""
    wait_chart(page, timeout)
    page.wait_for_function(PAGE_COMPLETE, timeout=timeout, polling=50)
    wait_idle(page)


def open_app(page, url: str, query: str = "") -> None:
    page.goto(url + "/" + query)
    wait_complete(page)


_FIND_POINT = """(id) => {
    const gd = document.querySelector('.js-plotly-plot');
    // Only traces that take clicks: arrow lines (hoverinfo 'skip') have zero-size points at the node they leave.
    const ti = gd.data.findIndex(tr => tr.hoverinfo !== 'skip' && (tr.customdata || []).includes(id));
    if (ti < 0) return null;
    const trace = gd.data[ti], i = trace.customdata.indexOf(id);
    const fl = gd._fullLayout, r = gd.getBoundingClientRect();
    const x = r.left + fl.xaxis._offset + fl.xaxis.l2p(trace.x[i]);
    const y = r.top + fl.yaxis._offset + fl.yaxis.l2p(trace.y[i]);
    const points = [...gd.querySelectorAll('.scatterlayer .trace')[ti].querySelectorAll('.point')];
    let best = -1, dist = 1e9;
    points.forEach((p, k) => { const b = p.getBoundingClientRect();
        const d = Math.hypot(b.left + b.width / 2 - x, b.top + b.height / 2 - y);
        if (d < dist) { dist = d; best = k; } });
    return dist < 4 ? [ti, best] : null;
}"""
"""[trace index, point index] of the marker carrying this id in a clickable trace, or null."""


def point_locator(page, found: list[int]):
    """The locator of a point found by _FIND_POINT."""
    ti, k = found
    return page.locator(".js-plotly-plot .scatterlayer .trace").nth(ti).locator(".point").nth(k)


def has_point(page, item_id: str) -> bool:
    """Whether the chart draws a clickable marker for this node (or edge) id."""
    return page.evaluate(_FIND_POINT, item_id) is not None


def node_point(page, node_id: str):
    """The chart marker whose customdata is this node (or edge) id, found through plotly's own data."""
    found = page.evaluate(_FIND_POINT, node_id)
    assert found is not None, f"{node_id} is not a point in the chart"
    return point_locator(page, found)


def point_centre(page, locator) -> tuple[float, float]:
    locator.scroll_into_view_if_needed()
    box = locator.bounding_box()
    assert box is not None
    return box["x"] + box["width"] / 2, box["y"] + box["height"] / 2


def click_node(page, node_id: str) -> None:
    x, y = point_centre(page, node_point(page, node_id))
    page.mouse.move(x - 3, y - 3)
    page.mouse.move(x, y)
    page.mouse.click(x, y)


def panel_text(page) -> str:
    return page.locator(".st-key-detail").inner_text()


STEP_VIEW = """() => {
  // Where the reader sees things: the chart, the strongly drawn circles, the side column, the step bar.
  const gd = document.querySelector('.js-plotly-plot');
  const box = (el) => { if (!el) return null; const r = el.getBoundingClientRect();
    return {top: r.top, bottom: r.bottom, left: r.left, right: r.right, height: r.height, width: r.width}; };
  const r = gd.getBoundingClientRect(); const fl = gd._fullLayout; const xa = fl.xaxis, ya = fl.yaxis;
  const tr = gd._fullData.find(t => t.name === 'mechanism');
  const strong = [];
  for (let i = 0; i < tr.x.length; i++) {
    if (tr.marker.opacity[i] < 1) continue;
    strong.push({id: tr.customdata[i], x: r.left + xa._offset + xa.l2p(tr.x[i]), y: r.top + ya._offset + ya.l2p(tr.y[i])});
  }
  const side = document.querySelector('div[data-testid="stColumn"]:has(.st-key-side), div[data-testid="stColumn"]:has(.st-key-side-consult)');
  const sideBox = box(side);
  return {chart: box(gd), strong, side: sideBox, bar: box(document.querySelector('.st-key-stepbar')),
          next: box(document.querySelector('.st-key-next button')), prev: box(document.querySelector('.st-key-prev button')),
          panel: box(document.querySelector('.st-key-detail h3')), width: innerWidth, height: innerHeight};
}"""
"""Positions (viewport pixels) of what a reader of the step view sees."""


def step_view(page) -> dict:
    return page.evaluate(STEP_VIEW)


def seen_bottom(view: dict) -> float:
    """The lowest y of the diagram a reader can see: above the step bar (nothing else is fixed over it)."""
    return min(view["height"], view["bar"]["top"] if view["bar"] else view["height"])


def show_clinician_controls(page) -> None:
    """In a patient's view, the one switch that shows the clinician's controls (audience, consult mode, today's
    treatment, the QR code); nothing to do where they already show."""
    switch = page.locator(".st-key-clinician_choice")
    if switch.count() and not switch.locator("input").is_checked():
        switch.locator("label").click()
        page.locator(".st-key-consult_choice").wait_for(timeout=15_000)
        wait_complete(page)
