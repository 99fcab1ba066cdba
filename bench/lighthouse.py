"""Lighthouse (the npm package, mobile) on the patient page served by nginx with gzip, as deploy/ serves it.

Run: `LIGHTHOUSE=/path/to/node_modules/.bin/lighthouse python -m bench.lighthouse [runs] [fragment]`.
Lighthouse is not a dependency of the project and nothing here downloads it: install it where you like
(`npm install lighthouse@12` in a scratch folder) and name its binary. It drives Debian's Chromium
(CHROME_PATH). Prints each run's category scores and the figures they come from.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

from bench.browser import CHROMIUM, CHROMIUM_ARGS
from bench.site_bench import nginx_static, write_site

CATEGORIES = "performance,accessibility,best-practices,seo"
FIGURES = {"CLS": "cumulative-layout-shift", "FCP ms": "first-contentful-paint",
           "LCP ms": "largest-contentful-paint", "TBT ms": "total-blocking-time", "SI ms": "speed-index"}


def scores(report: dict[str, Any]) -> dict[str, Any]:
    """A Lighthouse report's category scores (0 to 100) and the measured figures behind performance."""
    got: dict[str, Any] = {name: round(c["score"] * 100) for name, c in report["categories"].items()}
    for name, audit in FIGURES.items():
        value = report["audits"][audit]["numericValue"]
        got[name] = round(value, 3) if name == "CLS" else round(value)
    return got


def run(binary: str, runs: int = 3, fragment: str = "") -> list[dict[str, Any]]:
    folder = write_site(Path(tempfile.mkdtemp(prefix="lighthouse-")) / "site")
    folder.parent.chmod(0o755)  # nginx's workers must reach the folder
    results = []
    try:
        with nginx_static(folder) as url:
            for i in range(runs):
                path = folder.parent / f"run{i}.json"
                subprocess.run([binary, url + fragment, "--quiet", f"--chrome-flags={' '.join(CHROMIUM_ARGS)}",
                                f"--only-categories={CATEGORIES}", "--output=json", f"--output-path={path}"],
                               env={**os.environ, "CHROME_PATH": CHROMIUM}, check=True)
                results.append(scores(json.loads(path.read_text(encoding="utf-8"))))
                print(i + 1, results[-1], flush=True)
    finally:
        shutil.rmtree(folder.parent, ignore_errors=True)
    return results


if __name__ == "__main__":
    binary = os.environ.get("LIGHTHOUSE") or shutil.which("lighthouse")
    if not binary:
        sys.exit("set LIGHTHOUSE to the lighthouse binary (npm install lighthouse@12 in a scratch folder)")
    run(binary, int(sys.argv[1]) if len(sys.argv) > 1 else 3, sys.argv[2] if len(sys.argv) > 2 else "")
