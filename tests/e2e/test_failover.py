"""Two replicas behind nginx (deploy/), a few readers, one replica killed or restarted: nobody loses their view.

The full 30-reader run is `python -m bench.failover 30` (README: Deployment); these are its short forms.
"""

from __future__ import annotations

import shutil

import pytest

from bench.failover import restart, run

pytestmark = pytest.mark.skipif(not shutil.which("nginx"), reason="needs Debian's nginx (scripts/test.sh installs it)")


def test_a_dying_replica_leaves_every_reader_on_their_view(browser):
    """Readers on the killed replica reconnect to the other one and land on the step their link holds."""
    figures = run(4, browser)
    assert figures["on_killed_replica"] >= 1, figures
    assert figures["actions"] == 12, figures
    assert figures["views_lost"] == 0 and figures["errors"] == 0, figures


def test_a_restart_with_new_data_shows_each_reader_one_version_never_a_mix(browser):
    """An upgrade while readers are on the page: the next action shows the old words or the new, never both."""
    figures = restart(browser, readers=4)
    assert figures["pages"] == 4 and not figures["errors"], figures
    assert figures["mixed"] == 0, figures
    assert figures["new_version"] >= 1, "the restarted replica's readers see the new version"
