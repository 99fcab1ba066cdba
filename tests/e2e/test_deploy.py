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
