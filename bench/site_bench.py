"""The patient page (`export --format site`) as a phone meets it: `python -m bench.site_bench [repeat]`.

The folder is exported afresh, served by nginx with gzip (the README's deployment) on loopback, and opened
cold (a new browser context: empty cache, no service worker) at 390x844 with touch on an emulated phone
network (9 Mbit/s down, 170 ms round trip, as the app's benchmark). Time: from navigation start to the first
frame with the diagram's circles drawn, taken in the page. Bytes: the transfer sizes (headers and gzipped
bodies) of the page and every file it loaded, from the Resource Timing API. Medians over `repeat` loads.
The same helpers serve the folder for the browser tests (tests/e2e/test_patient_page.py).
"""

from __future__ import annotations

import functools
import http.server
import shutil
import statistics
import sys
import tempfile
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from bench.app_bench import NGINX_HEAD, PHONE_NETWORK, run_nginx
from bench.browser import CHROMIUM, CHROMIUM_ARGS, FIRST_DRAWN, free_port
from mechanisms.content.clinic import Clinic
from mechanisms.content.load import load_catalog
from mechanisms.outputs.site import build_site

PHONE = {"viewport": {"width": 390, "height": 844}, "has_touch": True, "is_mobile": True, "device_scale_factor": 2}
"""The phone every patient-page test and measure uses."""
TRANSFERRED = """() => [window.__drawn, [...performance.getEntriesByType('navigation'),
    ...performance.getEntriesByType('resource')].reduce((sum, e) => sum + e.transferSize, 0),
    performance.getEntriesByType('resource').map(e => e.name)]"""

NGINX_STATIC = NGINX_HEAD + """
  types {{ text/html html; application/javascript js; application/manifest+json webmanifest; image/png png; }}
  gzip on; gzip_comp_level 6; gzip_min_length 1024; gzip_types application/javascript application/manifest+json;
  server {{ listen 127.0.0.1:{port}; location / {{ root {root}; }} }}
}}
"""


def write_site(folder: Path, graph_id: str = "dry-needling", clinic: Clinic | None = None,
               data_dir: Path | None = None) -> Path:
    """Export the patient page into `folder` (as `export --format site` does) and return the folder."""
    catalog = load_catalog(data_dir) if data_dir else load_catalog()
    folder.mkdir(parents=True, exist_ok=True)
    for name, data in build_site(catalog.graphs[graph_id], catalog.references, clinic).items():
        (folder / name).write_bytes(data)
    return folder


class _Quiet(http.server.SimpleHTTPRequestHandler):
    extensions_map = {**http.server.SimpleHTTPRequestHandler.extensions_map,
                      ".webmanifest": "application/manifest+json", ".js": "application/javascript"}

    def log_message(self, *args: Any) -> None:
        pass


@contextmanager
def serve_folder(folder: Path) -> Iterator[tuple[str, http.server.ThreadingHTTPServer]]:
    """A static web server for `folder` on loopback (the address, and the server to stop early)."""
    server = http.server.ThreadingHTTPServer(("127.0.0.1", free_port()),
                                             functools.partial(_Quiet, directory=str(folder)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/", server
    finally:
        server.shutdown()
        server.server_close()


@contextmanager
def nginx_static(folder: Path) -> Iterator[str]:
    """nginx with gzip serving `folder` on loopback, as deploy/ serves the patient page."""
    for path in (folder, *folder.iterdir()):
        path.chmod(0o755 if path.is_dir() else 0o644)  # nginx's workers run as an unprivileged user
    with run_nginx(NGINX_STATIC, root=folder) as url:
        yield url + "/"


def cold_loads(browser: Any, url: str, repeat: int) -> dict[str, Any]:
    """Medians of `repeat` cold loads of `url` on the phone network: ms to the diagram drawn, bytes moved."""
    runs = []
    for _ in range(repeat):
        context = browser.new_context(**PHONE, service_workers="block")
        page = context.new_page()
        cdp = context.new_cdp_session(page)
        cdp.send("Network.enable")
        cdp.send("Network.setCacheDisabled", {"cacheDisabled": True})
        cdp.send("Network.emulateNetworkConditions", PHONE_NETWORK)
        page.add_init_script(FIRST_DRAWN)
        page.goto(url, timeout=120_000)
        page.wait_for_function("() => window.__drawn !== undefined", timeout=120_000)
        page.wait_for_timeout(300)
        runs.append(page.evaluate(TRANSFERRED))
        context.close()
    return {"ms": statistics.median(r[0] for r in runs), "bytes": statistics.median(r[1] for r in runs),
            "ms_runs": [round(r[0]) for r in runs], "files": sorted({n.rsplit("/", 1)[-1] for r in runs for n in r[2]})}


def run(repeat: int = 5) -> dict[str, Any]:
    from playwright.sync_api import sync_playwright

    folder = write_site(Path(tempfile.mkdtemp(prefix="patient-page-")) / "site")
    folder.parent.chmod(0o755)  # nginx's workers must reach the folder
    try:
        with nginx_static(folder) as url, sync_playwright() as p:
            browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            cold_loads(browser, url, 1)  # nginx and the disk warmed, then measured
            link = url + "#graph=dry-needling&step=1&areas=upper-back%2Cneck-shoulders"
            result = {"repeat": repeat, "phone_network_nginx_gzip": cold_loads(browser, link, repeat),
                      "folder_bytes": sum(f.stat().st_size for f in folder.iterdir())}
            browser.close()
    finally:
        shutil.rmtree(folder.parent, ignore_errors=True)
    return result


def table(result: dict[str, Any]) -> str:
    load = result["phone_network_nginx_gzip"]
    return (f"patient page (site folder {result['folder_bytes'] / 1e6:.2f} MB raw) behind nginx with gzip, cold, "
            f"390x844 touch, 9 Mbit/s and 170 ms round trips, median of {result['repeat']}:\n"
            f"  diagram drawn after {load['ms']:.0f} ms (runs {load['ms_runs']}), {load['bytes'] / 1e3:.0f} kB moved "
            f"({', '.join(load['files'])})")


if __name__ == "__main__":
    print(table(run(int(sys.argv[1]) if len(sys.argv) > 1 else 5)))
