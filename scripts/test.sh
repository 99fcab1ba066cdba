#!/usr/bin/env bash
# Install what the tests need (Debian's chromium for the browser tests, Python packages in .venv)
# and run every check and test: lint, data check, unit, content, app state and browser.
# Works offline after the installs.
set -euo pipefail
cd "$(dirname "$0")/.."
# nginx: the failover test runs two replicas behind deploy/'s configuration (nginx is not started as a service).
if ! command -v chromium >/dev/null 2>&1 || [ ! -f /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf ] \
   || ! command -v nginx >/dev/null 2>&1; then
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq chromium fonts-dejavu-core poppler-utils nginx >/dev/null
fi
[ -x .venv/bin/python ] || python3 -m venv .venv
.venv/bin/python -m pip install -q --disable-pip-version-check -r requirements-dev.txt
# The project itself, editable, so the `mechanisms` command of pyproject.toml exists (and is tested).
.venv/bin/python -m pip install -q --disable-pip-version-check --no-deps -e .
.venv/bin/ruff check .
.venv/bin/mechanisms check
# Two workers (pytest-xdist): on this 2-core machine the whole run went from 363 s to 273 s (idle, same hour).
# --dist loadgroup keeps the heavy modules (nginx replicas, load, failover) on one worker, one at a time.
# Pass -n 0 to run in one process. The first-paint tests time the first frames of a page load, which another
# worker's load can reorder (1 run in 5 failed under two workers), so they run alone afterwards.
.venv/bin/python -m pytest -q -n 2 --dist loadgroup --ignore=tests/e2e/test_first_paint.py "$@"
exec .venv/bin/python -m pytest -q tests/e2e/test_first_paint.py "$@"
