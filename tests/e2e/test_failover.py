"""Two replicas behind nginx (deploy/), a few readers, one replica killed: nobody loses the page or the view."""

from __future__ import annotations

import shutil

import pytest

from bench.failover import run

pytestmark = pytest.mark.skipif(not shutil.which("nginx"), reason="needs Debian's nginx (scripts/test.sh installs it)")


def test_a_dying_replica_leaves_every_reader_on_their_view(browser):
    figures = run(4, browser)
    assert figures["on_killed_replica"] >= 1, figures
    assert figures["errors"] == 0 and figures["views_lost"] == 0, figures
    assert figures["actions"] == 12, figures


VERSION_OF_PAGE = """() => {
  const heading = document.querySelector('.st-key-step-text h2').innerText;
  const chosen = document.querySelector('.st-key-step_choice').innerText;
  const gd = document.querySelector('.js-plotly-plot');
  const bands = (gd.layout.annotations || []).map(a => String(a.text).replace(/<[^>]+>/g, ''));
  return {heading, chosen, bands};
}"""


def test_a_restart_with_new_data_shows_each_reader_one_version_never_a_mix(tmp_path, browser):
    """An upgrade while readers are on the page: the next action shows the old words or the new, never both."""
    import os
    import time

    from bench.failover import next_step, open_readers
    from deploy.serve import ROOT, Deployment

    data = tmp_path / "data"
    shutil.copytree(ROOT / "data", data)
    old, new = "The tight spot lets go", "The tight spot relaxes"
    with Deployment(replicas=2, env={"MECHANISMS_DATA": str(data)}) as deployment:
        readers = open_readers(browser, deployment.url, 4)  # steps 1 to 4
        graph = data / "dry-needling.yaml"
        graph.write_text(graph.read_text(encoding="utf-8").replace(f"title: {old}", f"title: {new}"), encoding="utf-8")
        then = time.time() - 5
        os.utime(graph, (then, then))
        deployment.restart_replica(deployment.replica_of(readers[0].key) or 0)
        versions = set()
        for reader in readers:  # each reader's next action, on whichever replica they are
            next_step(reader, "after")
            page = reader.page
            page.wait_for_timeout(300)
            seen = page.evaluate(VERSION_OF_PAGE)  # every figure has every step's band: step 3's title is in it
            words = " ".join([seen["heading"], seen["chosen"], *seen["bands"]])
            assert (old in words) != (new in words), f"one version per page: {seen}"
            versions.add(new in words)
            assert "Traceback" not in page.locator("body").inner_text() and not reader.errors and not reader.lost
        assert True in versions, "the restarted replica's readers see the new version"
        for reader in readers:
            reader.page.context.close()


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
