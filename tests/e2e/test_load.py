"""A short load run in the suite (the full 30 sessions x 60 s is `python -m bench.load_test`)."""

from __future__ import annotations

import asyncio

from bench.load_test import run


def test_concurrent_sessions_cause_no_errors_and_bounded_memory():
    result = asyncio.run(run(sessions=6, seconds=15))
    assert result["actions"] >= 6
    assert result["errors"] == 0, result["error_samples"]
    assert result["page_errors"] == 0
    rss = result["server_rss_mb"]
    assert rss["peak"] - rss["before"] < 100
    assert result["latency_ratio"] < 3, "generous: the browser shares the same 2 cores as the server"
