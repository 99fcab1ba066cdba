"""Where a click's time goes in the browser: a CPU profile (CDP Profiler) around node clicks.

Usage: .venv/bin/python -m bench.profile_click [--clicks 6] [--step 6]
Prints self time per script (plotly.js chunk, Streamlit's bundle, ours), the wall time of each click
until the panel shows the node, and the time from the websocket rerun request to the run's last
message, so a slow click can be attributed to the server or to the browser.
"""

from __future__ import annotations

import argparse
import collections
import statistics

from playwright.sync_api import sync_playwright

from bench.browser import (
    CHROMIUM,
    CHROMIUM_ARGS,
    WATCH_PANEL,
    node_point,
    open_app,
    point_centre,
    start_app,
    stop_app,
    wait_idle,
)
from mechanisms.content.load import load_catalog
from mechanisms.present.audience import PATIENT, node_label


def bucket(url: str) -> str:
    name = url.rsplit("/", 1)[-1]
    if "PlotlyChart" in name or "plotly" in name.lower():
        return "plotly.js (Streamlit's chart chunk)"
    if not url:
        return "browser internals (GC, layout, paint, idle)"
    return "Streamlit frontend and page scripts"


def add_profile(totals: collections.Counter[str], profile: dict) -> None:
    """Add a CPU profile's main-thread milliseconds to the totals, by bucket."""
    by_id = {n["id"]: n for n in profile["nodes"]}
    deltas = profile.get("timeDeltas", [])
    for sample, delta in zip(profile.get("samples", []), deltas, strict=False):
        frame = by_id[sample]["callFrame"]
        if frame["functionName"] in ("(idle)", "(program)"):
            internals = "browser internals (GC, layout, paint, idle)"
            key = "idle" if frame["functionName"] == "(idle)" else internals
        else:
            key = bucket(frame.get("url", ""))
        totals[key] += delta / 1000


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--clicks", type=int, default=6)
    parser.add_argument("--step", type=int, default=6, help="the step whose parts are clicked (1-based)")
    args = parser.parse_args()
    graph = load_catalog().graphs["dry-needling"].core
    parts = graph.nodes_in_step(graph.steps[args.step - 1].id)
    proc, url = start_app()
    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            page = browser.new_page(viewport={"width": 1280, "height": 1400})
            open_app(page, url, f"?step={args.step}")
            cdp = page.context.new_cdp_session(page)
            cdp.send("Profiler.enable")
            cdp.send("Network.enable")
            frames: list[tuple[str, float, int]] = []

            def record(kind: str):
                return lambda e: frames.append((kind, e["timestamp"], len(e["response"]["payloadData"])))

            cdp.on("Network.webSocketFrameSent", record("sent"))
            cdp.on("Network.webSocketFrameReceived", record("recv"))
            server: list[float] = []
            cdp.send("Profiler.setSamplingInterval", {"interval": 200})
            walls = []
            totals: collections.Counter[str] = collections.Counter()
            for node in (parts[i % len(parts)] for i in range(1, 1 + args.clicks)):
                label = node_label(node, PATIENT)
                x, y = point_centre(page, node_point(page, node.id))
                page.mouse.move(x, y)
                page.evaluate(WATCH_PANEL, label)
                frames.clear()
                cdp.send("Profiler.start")
                start = page.evaluate("() => performance.now()")
                page.mouse.click(x, y)
                page.wait_for_function("() => window.__at !== null", timeout=15_000)
                walls.append(page.evaluate("() => window.__at") - start)
                wait_idle(page)
                page.wait_for_timeout(400)
                sent = [t for kind, t, _ in frames if kind == "sent"]
                recv = [t for kind, t, _ in frames if kind == "recv" and sent and t > sent[0]]
                if sent and recv:  # the rerun request to the last message of that run (script finished)
                    server.append((recv[-1] - sent[0]) * 1000)
                add_profile(totals, cdp.send("Profiler.stop")["profile"])
            browser.close()
    finally:
        stop_app(proc)
    clicks = len(walls)
    print(f"click to panel: median {statistics.median(walls):.0f} ms over {clicks} clicks")
    if server:
        print("rerun request sent to last message received (server and loopback): "
              f"median {statistics.median(server):.0f} ms")
    print("main-thread time per click, including the remount after the panel shows (ms):")
    for key, ms in totals.most_common():
        if key != "idle":
            print(f"  {key:<45} {ms / clicks:7.1f}")


if __name__ == "__main__":
    main()
