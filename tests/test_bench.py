"""A smoke run of the core benchmark (bench/core.py): generous bounds (10x the targets) so a big regression fails CI."""

from __future__ import annotations

from bench import core as bench
from bench.timing import contention, scaled


def test_core_pipeline_stays_within_ten_times_its_targets():
    busy = [contention()]
    results = bench.run(sizes=(10, 100, 1000), repeat=1)
    busy.append(contention())
    graphs = results["graphs"]
    # Wall-clock bounds for an idle machine, stretched by how busy the CPUs were around the run (1x when idle).
    assert graphs["dry-needling"]["pipeline"] < scaled(500, *busy), ("target 50 ms", busy)
    assert graphs["synthetic-1000"]["pipeline"] < scaled(5000, *busy), ("target 500 ms", busy)
    # Quadratic growth would give an exponent near 2 between 10 and 1,000 nodes.
    assert results["growth_exponent"]["pipeline"] < 1.5
    assert "synthetic-1000" in bench.table(results)


def test_python_m_bench_runs_the_core_benchmark():
    import subprocess
    import sys

    from .conftest import ROOT

    result = subprocess.run([sys.executable, "-m", "bench", "--sizes", "10", "--repeat", "1", "--json"], cwd=ROOT,
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    assert "synthetic-10" in result.stdout


def test_lighthouse_scores_are_read_as_percentages_with_their_figures():
    from bench.lighthouse import FIGURES, scores

    report = {"categories": {"performance": {"score": 0.934}, "seo": {"score": 1}},
              "audits": {audit: {"numericValue": 0.0123 if name == "CLS" else 1133.6}
                         for name, audit in FIGURES.items()}}
    assert scores(report) == {"performance": 93, "seo": 100, "CLS": 0.012, "FCP ms": 1134, "LCP ms": 1134,
                              "TBT ms": 1134, "SI ms": 1134}
