"""The browser half of `python -m bench --app`: the app as a person meets it.

Measured in Debian's headless Chromium (Playwright) against the app started on a free localhost
port, side by side with the floor page (bench/floor_app.py) started the same way:
cold load until the diagram is visible, click and tap on a node until the panel shows it, Next
until the step changes; both again behind nginx with gzip (the README's deployment); the same on
an emulated phone network (CDP: 9 Mbit/s down, 170 ms round trip), with bytes transferred; the
standalone HTML page served by nginx over that network; server memory with 1 and 20 sessions.
Every figure is a median over repeated runs; nothing here is a target, only a measurement.
"""

from __future__ import annotations

import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from playwright.sync_api import sync_playwright

from bench.browser import (
    CHROMIUM,
    CHROMIUM_ARGS,
    FIRST_DRAWN,
    IDLE,
    PAGE_COMPLETE,
    WATCH_PANEL,
    first_frame,
    free_port,
    node_point,
    point_centre,
    start_app,
    stop_app,
    wait_complete,
)
from mechanisms.content.load import load_catalog
from mechanisms.outputs.standalone import build_html
from mechanisms.present.audience import PATIENT, node_label

ROOT = Path(__file__).resolve().parent.parent
PHONE_NETWORK = {"offline": False, "latency": 170, "downloadThroughput": 9_000_000 / 8,
                 "uploadThroughput": 2_000_000 / 8}
"""The phone network every page benchmark emulates (the app's, the patient page's)."""

NGINX_HEAD = """
worker_processes 1;
daemon off;
pid {prefix}/nginx.pid;
error_log {prefix}/error.log warn;
events {{ worker_connections 256; }}
http {{
  access_log off;
  client_body_temp_path {prefix}/body; proxy_temp_path {prefix}/proxy; fastcgi_temp_path {prefix}/fcgi;
  uwsgi_temp_path {prefix}/uwsgi; scgi_temp_path {prefix}/scgi;
"""
"""What every benchmark's nginx on loopback starts with: one worker, in the foreground, its files in `prefix`."""
NGINX_CONF = NGINX_HEAD + """
  types {{ text/html html; application/javascript js; text/css css; application/json json; image/svg+xml svg; }}
  gzip on; gzip_comp_level 6; gzip_min_length 1024; gzip_proxied any;
  gzip_types application/javascript text/css application/json image/svg+xml text/plain;
  map $http_upgrade $connection_upgrade {{ default upgrade; '' close; }}
  server {{
    listen 127.0.0.1:{port};
    location /static-page/ {{ alias {static}/; }}
    location / {{
      proxy_pass http://127.0.0.1:{upstream};
      proxy_http_version 1.1;
      proxy_set_header Upgrade $http_upgrade;
      proxy_set_header Connection $connection_upgrade;
      proxy_set_header Host $host;
      proxy_read_timeout 86400;
    }}
  }}
}}
"""


WHOLE_PAGE = first_frame(PAGE_COMPLETE, "__whole")
"""Init script: the time since navigation start of the first frame with the whole page (the app's first
paint sends the diagram first; the floor page has no controls, so never sets it)."""
WHOLE_OR_FLOOR = "() => window.__whole !== undefined || !document.querySelector('.st-key-controls')"
TRANSFERRED = """() => [window.__drawn, [...performance.getEntriesByType('navigation'),
    ...performance.getEntriesByType('resource')].reduce((sum, e) => sum + e.transferSize, 0), window.__whole]"""


@contextmanager
def run_nginx(conf: str, **values: object):
    """nginx on a free loopback port with `conf` (NGINX_HEAD and a body) filled in; yields its address."""
    if not shutil.which("nginx"):
        raise RuntimeError("nginx is not installed (Debian: apt-get install nginx)")
    prefix = Path(tempfile.mkdtemp(prefix="nginx-bench-"))
    port = free_port()
    (prefix / "nginx.conf").write_text(conf.format(prefix=prefix, port=port, **values))
    proc = subprocess.Popen(["nginx", "-c", str(prefix / "nginx.conf"), "-p", str(prefix)], stdout=subprocess.DEVNULL,
                            stderr=subprocess.PIPE)
    time.sleep(0.5)
    if proc.poll() is not None:
        raise RuntimeError(f"nginx did not start: {proc.stderr.read().decode()[-500:]}")
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        proc.terminate()
        proc.wait(timeout=10)
        shutil.rmtree(prefix, ignore_errors=True)


@contextmanager
def nginx_proxy(upstream_url: str, static_dir: Path):
    """nginx with gzip in front of a Streamlit server (and serving a static folder), on loopback."""
    with run_nginx(NGINX_CONF, upstream=upstream_url.rsplit(":", 1)[1], static=static_dir) as url:
        yield url


def rss_mb(pid: int) -> float:
    """Resident memory of a process and its children, from /proc."""
    total = 0
    pids = [pid]
    try:
        children = subprocess.run(["pgrep", "-P", str(pid)], capture_output=True, text=True).stdout.split()
        pids += [int(c) for c in children]
    except OSError:
        pass
    for p in pids:
        try:
            for line in Path(f"/proc/{p}/status").read_text().splitlines():
                if line.startswith("VmRSS:"):
                    total += int(line.split()[1])
        except OSError:
            pass
    return total / 1024


def _loads(runs: list[tuple[float, int, float | None]]) -> dict[str, float]:
    """Medians of one page's cold loads: to the diagram, bytes, and (the app) to the whole page."""
    out = {"ms": statistics.median(t for t, _, _ in runs), "bytes": statistics.median(b for _, b, _ in runs)}
    wholes = [w for _, _, w in runs if w is not None]
    if wholes:
        out["whole_page_ms"] = statistics.median(wholes)
    return out


class Bench:
    def __init__(self, browser, repeat: int):
        self.browser = browser
        self.repeat = repeat

    def cold_loads(self, urls: list[str], network: dict | None = None) -> list[dict[str, float]]:
        """Fresh context each run (empty cache), the pages taking turns so both meet the same machine.

        Time: from navigation start to the first animation frame with a diagram marker drawn, taken in
        the page (a Python-side poll, or Chromium's Network events streamed to Python, add tens of ms
        per page, more on the page with more requests and websocket messages). Bytes: transfer sizes
        (headers and encoded bodies) of the page and every resource, from the Resource Timing API.
        """
        for url in urls:
            print(f"  cold load {url}{' (phone network)' if network else ''}", file=sys.stderr, flush=True)
        runs: list[list[tuple[float, int, float | None]]] = [[] for _ in urls]
        for _ in range(self.repeat):
            for k, url in enumerate(urls):
                context = self.browser.new_context(viewport={"width": 1280, "height": 900})
                page = context.new_page()
                if network:
                    cdp = context.new_cdp_session(page)
                    cdp.send("Network.enable")
                    cdp.send("Network.emulateNetworkConditions", network)
                page.add_init_script(FIRST_DRAWN)
                page.add_init_script(WHOLE_PAGE)
                page.goto(url, timeout=120_000)
                page.wait_for_function("() => window.__drawn !== undefined", timeout=120_000)
                page.wait_for_function(WHOLE_OR_FLOOR, timeout=120_000)
                page.wait_for_timeout(300)
                runs[k].append(tuple(page.evaluate(TRANSFERRED)))
                context.close()
        return [_loads(r) for r in runs]

    def interactions(self, url: str, touch: bool) -> dict[str, Any]:
        """Click (or tap) on the parts of every step until the panel shows them; Next until the step changes."""
        graph = load_catalog().graphs["dry-needling"].core  # what a patient sees: the core path
        viewport = {"width": 390, "height": 844} if touch else {"width": 1280, "height": 1400}
        context = self.browser.new_context(viewport=viewport, is_mobile=touch, has_touch=touch)
        page = context.new_page()
        by_step: dict[int, float] = {}
        for number, step in enumerate(graph.steps, start=1):
            by_step[number] = statistics.median(
                self.step_clicks(page, url, number, graph.nodes_in_step(step.id), touch))
        clicks = list(by_step.values())
        steps = []
        if not touch:
            page.goto(url)
            wait_complete(page)
            for n in range(2, min(len(graph.steps), 2 + self.repeat * 2) + 1):
                page.evaluate(
                    """(t) => { window.__at = null; const obs = new MutationObserver(() => {
                        if (document.body.innerText.includes(t) && window.__at === null) {
                            window.__at = performance.now(); obs.disconnect(); } });
                      obs.observe(document.body, {subtree: true, childList: true, characterData: true}); }""",
                    f"Step {n} of")
                button = page.get_by_role("button", name="Next")
                box = button.bounding_box()
                page.mouse.move(box["x"] + 5, box["y"] + 5)
                start = page.evaluate("() => performance.now()")
                page.mouse.click(box["x"] + 5, box["y"] + 5)
                page.wait_for_function("() => window.__at !== null", timeout=15_000)
                steps.append(page.evaluate("() => window.__at") - start)
                page.wait_for_selector(IDLE)
                page.wait_for_timeout(200)
        context.close()
        kind = "tap_ms" if touch else "click_ms"
        result: dict[str, Any] = {kind: statistics.median(clicks), f"{kind}_worst_step": max(clicks),
                                  f"{kind}_by_step": {n: round(ms) for n, ms in by_step.items()}}
        if steps:
            result["next_ms"] = statistics.median(steps)
        return result

    def step_clicks(self, page, url: str, number: int, parts: list, touch: bool) -> list[float]:
        """Times from a click on one of the step's parts to the panel's heading naming it (never the part on show:
        a step with one part is opened afresh before each click)."""
        times = []
        shown = None
        for i in range(max(3, self.repeat)):
            node = parts[i % len(parts)]
            if i == 0 or node is shown:
                page.goto(f"{url}/?step={number}")
                wait_complete(page)
            page.evaluate(WATCH_PANEL, node_label(node, PATIENT))
            x, y = point_centre(page, node_point(page, node.id))
            if not touch:
                page.mouse.move(x, y)
            start = page.evaluate("() => performance.now()")
            if touch:
                page.touchscreen.tap(x, y)
            else:
                page.mouse.click(x, y)
            page.wait_for_function("() => window.__at !== null", timeout=15_000)
            times.append(page.evaluate("() => window.__at") - start)
            page.wait_for_selector(IDLE)
            shown = node
        return times

    def memory(self, proc: subprocess.Popen, url: str, sessions: int = 20) -> dict[str, float]:
        """Server RSS after one open session and after `sessions` open at once (peak sampled)."""
        contexts = []
        context = self.browser.new_context()
        page = context.new_page()
        page.goto(url)
        wait_complete(page)
        time.sleep(1)
        one = rss_mb(proc.pid)
        contexts.append(context)
        peak = one
        for _ in range(sessions - 1):
            c = self.browser.new_context()
            p = c.new_page()
            p.goto(url)
            wait_complete(p)
            contexts.append(c)
            peak = max(peak, rss_mb(proc.pid))
        time.sleep(1)
        many = rss_mb(proc.pid)
        peak = max(peak, many)
        for c in contexts:
            c.close()
        return {"rss_1_session_mb": one, f"rss_{sessions}_sessions_mb": many, "peak_mb": peak,
                "per_extra_session_mb": (many - one) / (sessions - 1)}


def run(repeat: int = 5) -> dict[str, Any]:
    results: dict[str, Any] = {"unit": "ms (median), bytes, MB", "repeat": repeat}
    app_proc, app_url = start_app()
    floor_proc, floor_url = start_app(script="bench/floor_app.py")
    static = Path(tempfile.mkdtemp(prefix="static-page-"))
    static.chmod(0o755)  # nginx workers run as an unprivileged user
    catalog = load_catalog()
    (static / "dry-needling.html").write_text(build_html(catalog.graphs["dry-needling"], catalog.references),
                                              encoding="utf-8")
    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            bench = Bench(browser, repeat)
            # Warm the servers (first run imports and caches), then measure.
            bench.cold_loads([app_url, floor_url])
            app, floor = bench.cold_loads([app_url, floor_url])
            results["localhost"] = {"app_cold_load": app, "floor_cold_load": floor,
                                    "ratio_app_to_floor": app["ms"] / floor["ms"]}
            results["interactions"] = {**bench.interactions(app_url, touch=False),
                                       **bench.interactions(app_url, touch=True)}
            with nginx_proxy(app_url, static) as app_proxy, nginx_proxy(floor_url, static) as floor_proxy:
                app_gz, floor_gz = bench.cold_loads([app_proxy, floor_proxy])
                results["nginx_gzip"] = {"app_cold_load": app_gz, "floor_cold_load": floor_gz,
                                         "ratio_app_to_floor": app_gz["ms"] / floor_gz["ms"]}
                phone_direct, phone_proxy, phone_floor, page = bench.cold_loads(
                    [app_url, app_proxy, floor_proxy, app_proxy + "/static-page/dry-needling.html"], PHONE_NETWORK)
                results["phone_network"] = {
                    "app_direct": phone_direct, "app_nginx_gzip": phone_proxy, "floor_nginx_gzip": phone_floor,
                    "standalone_html_nginx_gzip": page,
                    "proxy_saving_bytes": phone_direct["bytes"] - phone_proxy["bytes"],
                    "proxy_saving_ms": phone_direct["ms"] - phone_proxy["ms"],
                }
            results["memory"] = bench.memory(app_proc, app_url)
            browser.close()
    finally:
        stop_app(app_proc)
        stop_app(floor_proc)
        shutil.rmtree(static, ignore_errors=True)
    return results


def table(results: dict[str, Any]) -> str:
    lines = ["app in headless Chromium (median ms; bytes received)"]
    for section in ("localhost", "nginx_gzip"):
        r = results[section]
        app, floor = r["app_cold_load"], r["floor_cold_load"]
        lines.append(f"  {section:<12} app {app['ms']:7.0f} ms {app['bytes'] / 1e6:5.2f} MB"
                     f" | floor {floor['ms']:7.0f} ms {floor['bytes'] / 1e6:5.2f} MB"
                     f" | app/floor {r['ratio_app_to_floor']:.2f}"
                     f" | app's whole page {app.get('whole_page_ms', float('nan')):7.0f} ms")
    i = results["interactions"]
    lines.append(f"  click to panel {i['click_ms']:.0f} ms (worst step {i['click_ms_worst_step']:.0f}), "
                 f"tap to panel {i['tap_ms']:.0f} ms (worst step {i['tap_ms_worst_step']:.0f}), "
                 f"Next to step {i['next_ms']:.0f} ms")
    for kind in ("click_ms", "tap_ms"):
        lines.append(f"    {kind[:-3]} per step: " + ", ".join(f"{n}: {ms}" for n, ms in i[f"{kind}_by_step"].items()))
    ph = results["phone_network"]
    lines.append("  phone network (9 Mbit/s, 170 ms RTT), cold load to diagram visible:")
    for key in ("app_direct", "app_nginx_gzip", "floor_nginx_gzip", "standalone_html_nginx_gzip"):
        whole = ph[key].get("whole_page_ms")
        lines.append(f"    {key:<28} {ph[key]['ms']:7.0f} ms {ph[key]['bytes'] / 1e6:5.2f} MB"
                     + (f" (whole page {whole:.0f} ms)" if whole else ""))
    lines.append(f"    proxy saves {ph['proxy_saving_bytes'] / 1e6:.2f} MB and {ph['proxy_saving_ms']:.0f} ms")
    m = results["memory"]
    lines.append(f"  server memory: {m['rss_1_session_mb']:.0f} MB with 1 session, "
                 f"{m['rss_20_sessions_mb']:.0f} MB with 20 (peak {m['peak_mb']:.0f}); "
                 f"{m['per_extra_session_mb']:.1f} MB per extra session")
    return "\n".join(lines)


def clicks(repeat: int = 3) -> dict[str, Any]:
    """Only click and tap at every step: the quick figure to watch while working on a click's speed."""
    proc, url = start_app()
    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            bench = Bench(browser, repeat)
            bench.interactions(url, touch=False)  # warm the server's caches of every step
            result = {**bench.interactions(url, touch=False), **bench.interactions(url, touch=True)}
            browser.close()
    finally:
        stop_app(proc)
    return result


if __name__ == "__main__":
    import json

    print(json.dumps(clicks(int(sys.argv[1]) if len(sys.argv) > 1 else 3), indent=1))
