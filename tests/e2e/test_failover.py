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
