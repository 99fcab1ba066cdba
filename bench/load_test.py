"""Load: N concurrent browser sessions clicking nodes and stepping for a fixed time, on loopback.

Usage: .venv/bin/python -m bench.load_test [--sessions 30] [--seconds 60] [--json]

Each session is a Chromium page (one browser, one context per session) that, in a loop with a
short pause, selects a random node (chart click) or presses Next/Previous, and checks that the
page shows no Streamlit exception. A probe page measures click-to-panel latency alone before the
load and again during the last part of it. Bounded in count and time; loopback only.

Errors are what a server fault would cause: an exception on the page, a script error, a page that
does not open, a click whose rerun request got no panel within 30 s. A click for which the chart
sent no request at all (on two cores shared with 31 Chromium pages, the chart can be redrawn under
the pointer), or that selected the point plotly last hovered instead (the hover lags the pointer on
a starved CPU) and got that point's panel, is counted apart, as `clicks_not_registered_by_chart`.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import json
import random
import statistics
import time
from typing import Any

from playwright.async_api import async_playwright

from bench.browser import (
    _FIND_POINT,
    CHART_DRAWN,
    CHROMIUM,
    CHROMIUM_ARGS,
    IDLE,
    PAGE_COMPLETE,
    WATCH_PANEL,
    point_locator,
    start_app,
    stop_app,
)
from mechanisms.content.load import load_catalog
from mechanisms.present.audience import PATIENT, node_label

from .app_bench import rss_mb


async def _point(page, node_id: str) -> tuple[float, float]:
    """Centre of a node's marker, once the chart has settled after the last rerun's remount."""
    for _ in range(5):
        try:
            await page.wait_for_function(CHART_DRAWN, timeout=30_000, polling=100)
        except Exception as exc:
            raise TimeoutError("chart not drawn within 30 s") from exc
        await page.wait_for_timeout(150)
        found = await page.evaluate(_FIND_POINT, node_id)
        if found is None:
            continue
        point = point_locator(page, found)
        try:
            await point.scroll_into_view_if_needed(timeout=5_000)
            box = await point.bounding_box()
        except Exception:  # the chart was replaced between finding and scrolling: look again
            continue
        if box:
            return box["x"] + box["width"] / 2, box["y"] + box["height"] / 2
    raise RuntimeError(f"node {node_id} not found in the chart")


HOVERED = """(id) => { const gd = document.querySelector('.js-plotly-plot');
    return !!gd && (gd._hoverdata || []).some(p => p.customdata === id); }"""


MARK_CHART = "() => { const gd = document.querySelector('.js-plotly-plot'); if (gd) gd.dataset.before = '1'; }"
NEW_CHART_DRAWN = f"() => !document.querySelector('.js-plotly-plot')?.dataset.before && ({CHART_DRAWN})()"


async def _wait_new_chart(page) -> None:
    """After an action changed the figure, wait for Streamlit to replace the chart: a click on the
    outgoing chart most likely reports a widget the new run no longer has, and is dropped (a brief
    window that a starved browser makes long)."""
    # A timeout means the figure did not change (or the chart was kept): nothing to wait for.
    with contextlib.suppress(Exception):
        await page.wait_for_function(NEW_CHART_DRAWN, timeout=15_000, polling=100)


class ClickNotRegistered(Exception):
    """The chart sent no request for the clicked point, or sent the point it last hovered (plotly
    selects the last hover; on a starved CPU the hover lags the pointer): the browser's side, told
    apart from a request the server did not answer."""


async def _heading(page) -> str:
    return await page.evaluate("() => ((document.querySelector('.st-key-detail h3') || {}).innerText || '').trim()")


def _label(node) -> str:
    """The label the panel heading shows for the patient audience (the app's default)."""
    return node_label(node, PATIENT)


_IN_FRAME = """() => { const gd = document.querySelector('.js-plotly-plot'); if (!gd || !gd._fullData) return [];
  const tr = gd._fullData.find(t => t.name === 'mechanism'); if (!tr) return [];
  const [x0, x1] = [...gd._fullLayout.xaxis.range].sort((a, b) => a - b);
  const [y0, y1] = [...gd._fullLayout.yaxis.range].sort((a, b) => a - b);
  const inside = (i) => tr.x[i] > x0 + 40 && tr.x[i] < x1 - 40 && tr.y[i] > y0 + 40 && tr.y[i] < y1 - 40;
  return tr.customdata.filter((id, i) => inside(i)); }"""
"""Ids of the nodes inside the framed step view: only those can be clicked."""


async def _not_shown(page, nodes) -> list:
    """Every node in the frame but the one on show: a re-click deselects, and the app keeps the view as it is."""
    shown = await _heading(page)
    framed = set(await page.evaluate(_IN_FRAME))
    return [n for n in nodes if _label(n) != shown and n.id in framed]


def _count_sent(page) -> None:
    """Count websocket messages to the server on page.frames_sent: a click that selects sends one."""
    page.frames_sent = [0]

    def count(_frame) -> None:
        page.frames_sent[0] += 1

    page.on("websocket", lambda ws: ws.on("framesent", count))


async def click_latency(page, node) -> float:
    text = _label(node)
    await page.evaluate(WATCH_PANEL, text)
    x, y = await _point(page, node.id)
    await page.mouse.move(x, y)
    try:  # plotly selects the point it last hovered: click once the hover is there, as a hand would
        await page.wait_for_function(HOVERED, arg=node.id, timeout=10_000, polling=50)
    except Exception as exc:
        raise ClickNotRegistered(f"{node.id}: plotly did not register the hover in 10 s") from exc
    start = await page.evaluate("() => performance.now()")
    await page.evaluate(MARK_CHART)
    sent = page.frames_sent[0]
    before = await _heading(page)
    await page.mouse.click(x, y)
    try:
        await page.wait_for_function("() => window.__at !== null", timeout=30_000)
    except Exception as exc:
        if page.frames_sent[0] == sent:  # nothing reached the server
            raise ClickNotRegistered(f"{node.id}: no request sent") from exc
        now = await _heading(page)
        if now not in (before, text):  # the server answered, for the point plotly last hovered
            raise ClickNotRegistered(f"{node.id}: plotly selected {now!r}, its last hovered point") from exc
        raise TimeoutError(f"request sent, panel still {now!r} after 30 s (clicked {text!r})") from exc
    latency = await page.evaluate("() => window.__at") - start
    await page.wait_for_selector(IDLE, timeout=30_000)
    await _wait_new_chart(page)
    return latency


async def probe(page, nodes, stats: dict[str, Any], count: int = 5) -> float:
    """Median click latency over `count` clicks. A click the chart never sent is counted as the sessions
    count theirs (the suite gates on that count) and another node is tried, as a person taps again."""
    times: list[float] = []
    for _ in range(2 * count):
        if len(times) == count:
            break
        node = random.choice(await _not_shown(page, nodes))
        try:
            times.append(await click_latency(page, node))
        except ClickNotRegistered as exc:
            stats["unregistered"].append(f"probe: {exc}")
        await page.wait_for_timeout(300)
    if not times:
        raise RuntimeError(f"none of the probe's {2 * count} clicks reached the server")
    return statistics.median(times)


async def open_session(browser, url: str, stats: dict[str, Any], delay: float):
    """One session's page, opened after `delay` seconds (30 cold loads at once starve 2 cores)."""
    await asyncio.sleep(delay)
    context = await browser.new_context(viewport={"width": 1280, "height": 1400})
    page = await context.new_page()
    page.on("pageerror", lambda e: stats["page_errors"].append(str(e)[:200]))
    _count_sent(page)
    try:
        await page.goto(url, timeout=180_000)
        await page.wait_for_function(CHART_DRAWN, timeout=180_000, polling=200)
        await page.wait_for_function(PAGE_COMPLETE, timeout=180_000, polling=200)
        await page.wait_for_selector(IDLE, timeout=60_000)
    except Exception as exc:
        stats["errors"].append("open: " + type(exc).__name__)
    return context, page


async def session_loop(page, nodes, deadline: float, stats: dict[str, Any], rng: random.Random) -> None:
    try:
        while time.monotonic() < deadline:
            try:
                candidates = await _not_shown(page, nodes)
                if candidates and rng.random() < 0.6:
                    await click_latency(page, rng.choice(candidates))
                else:
                    name = "Next" if rng.random() < 0.7 else "Previous"
                    button = page.get_by_role("button", name=name)
                    if await button.is_enabled():
                        await page.evaluate(MARK_CHART)
                        await button.click()
                        await page.wait_for_selector(IDLE, timeout=30_000)
                        await _wait_new_chart(page)
                stats["actions"] += 1
                if await page.locator('[data-testid="stException"]').count():
                    stats["errors"].append("exception shown")
            except ClickNotRegistered as exc:
                stats["unregistered"].append(str(exc))
            except Exception as exc:  # a timeout or a detached element is an error of the run
                stats["errors"].append(type(exc).__name__ + ": " + str(exc).splitlines()[0][:150])
            await page.wait_for_timeout(rng.randint(300, 900))
    finally:
        await page.context.close()


async def run(sessions: int, seconds: float) -> dict[str, Any]:
    graph = load_catalog().graphs["dry-needling"]
    nodes = graph.nodes
    proc, url = start_app()
    stats: dict[str, Any] = {"actions": 0, "errors": [], "page_errors": [], "unregistered": []}
    try:
        async with async_playwright() as p:
            browser = await p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            probe_ctx = await browser.new_context(viewport={"width": 1280, "height": 1400})
            probe_page = await probe_ctx.new_page()
            _count_sent(probe_page)
            await probe_page.goto(url)
            await probe_page.wait_for_function(CHART_DRAWN, timeout=60_000, polling=100)
            await probe_page.wait_for_function(PAGE_COMPLETE, timeout=60_000, polling=100)
            alone = await probe(probe_page, nodes, stats)
            rss_before = rss_mb(proc.pid)
            opened = await asyncio.gather(*(open_session(browser, url, stats, 0.7 * i) for i in range(sessions)))
            rss_open = rss_mb(proc.pid)
            deadline = time.monotonic() + seconds
            rng = random.Random(1)
            tasks = [asyncio.create_task(session_loop(page, nodes, deadline, stats, random.Random(rng.random())))
                     for _, page in opened]
            peak = rss_before
            while time.monotonic() < deadline - 12:
                await asyncio.sleep(2)
                peak = max(peak, rss_mb(proc.pid))
            under_load = await probe(probe_page, nodes, stats)
            await asyncio.gather(*tasks)
            peak = max(peak, rss_mb(proc.pid))
            rss_after = rss_mb(proc.pid)
            await browser.close()
    finally:
        stop_app(proc)
    return {
        "sessions": sessions, "seconds": seconds, "actions": stats["actions"], "errors": len(stats["errors"]),
        "error_samples": stats["errors"][:5], "page_errors": len(stats["page_errors"]),
        "clicks_not_registered_by_chart": len(stats["unregistered"]),
        "click_ms_alone": round(alone, 1), "click_ms_under_load": round(under_load, 1),
        "latency_ratio": round(under_load / alone, 2),
        "server_rss_mb": {"before": round(rss_before, 1), "all_open": round(rss_open, 1), "peak": round(peak, 1),
                          "after": round(rss_after, 1)},
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sessions", type=int, default=30)
    parser.add_argument("--seconds", type=float, default=60)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    result = asyncio.run(run(args.sessions, min(args.seconds, 300)))
    if args.json:
        print(json.dumps(result, indent=2))
    else:
        for key, value in result.items():
            print(f"{key:>20}: {value}")


if __name__ == "__main__":
    main()
