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
# Everything but the heavy tests on two workers (each with its own app server and browser, on free ports),
# then the heavy ones alone: they run many sessions or replicas and count what a busy CPU loses.
# Pass -n 0 to run the first part in one process. Exit status 5 is "no test selected" (e.g. a file argument).
status=0
.venv/bin/python -m pytest -q -n 2 -m "not heavy" "$@" || status=$?
[ "$status" -eq 5 ] && status=0
heavy=0
.venv/bin/python -m pytest -q -m heavy "$@" || heavy=$?
[ "$heavy" -eq 5 ] && heavy=0
[ "$status" -ne 0 ] && exit "$status"
exit "$heavy"
