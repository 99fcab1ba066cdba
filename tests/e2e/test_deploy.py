"""The deployment (deploy/): what its nginx configuration promises, read from real responses."""

from __future__ import annotations

import shutil

import pytest

pytestmark = pytest.mark.skipif(not shutil.which("nginx"), reason="needs Debian's nginx (scripts/test.sh installs it)")


def test_the_deployment_compresses_caches_secures_and_reports_health():
    """What deploy/nginx.conf.template promises, read from the responses themselves."""
    import gzip
    import re
    import urllib.request

    from deploy.serve import Deployment

    def get(url: str):
        with urllib.request.urlopen(urllib.request.Request(url, headers={"Accept-Encoding": "gzip"})) as r:
            return r.status, r.headers, r.read()

    with Deployment(replicas=2) as deployment:
        status, headers, body = get(deployment.url + "/healthz")
        assert status == 200 and body == b"ok"
        status, page, body = get(deployment.url + "/")
        assert page["Content-Encoding"] == "gzip" and page["X-Frame-Options"] == "SAMEORIGIN"
        assert page["X-Content-Type-Options"] == "nosniff" and page["Referrer-Policy"] == "no-referrer"
        assert any(c.startswith("explainer_replica=") for c in page.get_all("Set-Cookie")), "the sticky key"
        script = re.search(rb'src="\./(static/js/[^"]+\.js)"', gzip.decompress(body))[1].decode()
        _, static, body = get(f"{deployment.url}/{script}")
        assert static["Content-Encoding"] == "gzip" and "max-age=31536000" in static["Cache-Control"]
        _, offline, body = get(deployment.url + "/offline/dry-needling.html")
        assert offline["Content-Encoding"] == "gzip" and offline["X-Content-Type-Options"] == "nosniff"
        assert offline["X-Frame-Options"] is None, "a clinic may embed the offline page"
        assert len(body) < 2_000_000, f"{len(body)} bytes gzipped"
        # The patient page: beside the app, gzipped, its versioned plotly.js cached for a year, the rest
        # checked again on each visit (so a new export reaches phones), everything from this host.
        _, patient, body = get(deployment.url + "/patient/")
        html = gzip.decompress(body).decode("utf-8")
        assert patient["Content-Encoding"] == "gzip" and patient["Cache-Control"] == "no-cache"
        assert patient["X-Content-Type-Options"] == "nosniff" and "upper-back" not in html.split("graph-data")[0]
        plotly = re.search(r'<script src="(plotly-[^"]+\.js)"', html)[1]
        _, bundle, body = get(f"{deployment.url}/patient/{plotly}")
        assert bundle["Content-Encoding"] == "gzip" and "immutable" in bundle["Cache-Control"]
        assert len(body) < 450_000, f"{len(body)} bytes gzipped"
        for name, kind in (("sw.js", "application/javascript"), ("manifest.webmanifest", "application/manifest+json"),
                           ("icon-192.png", "image/png")):
            _, headers, _ = get(f"{deployment.url}/patient/{name}")
            assert headers["Content-Type"] == kind and headers["Cache-Control"] == "no-cache", name
        get(deployment.url + "/?graph=dry-needling&areas=upper-back&estim=yes")
        log = (deployment.prefix / "access.log").read_text(encoding="utf-8")
        assert "GET /" in log and "upper-back" not in log and "estim" not in log, "no reader's treatment in the log"


def test_the_apps_qr_code_opens_the_patient_page_served_beside_it(browser):
    """The physio's QR code (deploy/ serves the patient page): it opens the page with the same step and today's
    treatment, the view in the fragment, which a browser never sends to the server."""
    import io

    zxingcpp = pytest.importorskip("zxingcpp", reason="the QR decoder (requirements-dev.txt)")
    from PIL import Image

    from bench.browser import open_app, settle, show_clinician_controls
    from bench.catalogs import shared_catalog
    from deploy.serve import Deployment
    from mechanisms.content.load import data_folder
    from mechanisms.present.links import reader_link, to_params
    from mechanisms.present.treatment import today_sentence
    from mechanisms.present.view import View

    graph = shared_catalog(data_folder()).graphs["dry-needling"]
    view = View("dry-needling", step=3, areas=("upper-back",))
    with Deployment(replicas=1) as deployment:
        context = browser.new_context(viewport={"width": 1280, "height": 800})
        page = context.new_page()
        open_app(page, deployment.url, "?" + "&".join(f"{k}={v}" for k, v in to_params(view).items()))
        show_clinician_controls(page)
        page.locator(".st-key-share button").click()
        qr = page.locator(".st-key-share-qr img")
        qr.wait_for(timeout=15_000)
        settle(page)
        [link] = [r.text for r in zxingcpp.read_barcodes(Image.open(io.BytesIO(qr.screenshot())))]
        assert link == reader_link(deployment.url + "/", view, graph, "/patient/")
        assert link.startswith(deployment.url + "/patient/#") and "?" not in link
        phone = context.new_page()
        phone.goto(link)
        phone.wait_for_function("(t) => document.getElementById('step-title').textContent.startsWith(t)",
                                arg="Step 3 of", timeout=30_000)
        assert phone.locator("#today-text").inner_text() == today_sentence(graph, view)
        context.close()
        log = (deployment.prefix / "access.log").read_text(encoding="utf-8")
        assert '"GET /patient/index.html"' in log and "upper-back" not in log, "the areas stayed on the phone"
