"""Two replicas behind nginx (deploy/), a few readers, one replica killed: nobody loses the page or the view."""

from __future__ import annotations

import shutil

import pytest

from bench.failover import run

pytestmark = pytest.mark.skipif(not shutil.which("nginx"), reason="needs Debian's nginx (scripts/test.sh installs it)")


def test_a_dying_replica_leaves_every_reader_on_their_view():
    figures = run(4)
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


def test_a_restart_with_new_data_shows_each_reader_one_version_never_a_mix(tmp_path):
    """An upgrade while readers are on the page: the next action shows the old words or the new, never both."""
    import os
    import time

    from playwright.sync_api import sync_playwright

    from bench.browser import CHROMIUM, CHROMIUM_ARGS
    from bench.failover import next_step, open_readers
    from deploy.serve import ROOT, Deployment

    data = tmp_path / "data"
    shutil.copytree(ROOT / "data", data)
    old, new = "The tight spot lets go", "The tight spot relaxes"
    with Deployment(replicas=2, env={"MECHANISMS_DATA": str(data)}) as deployment, sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
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
        browser.close()
