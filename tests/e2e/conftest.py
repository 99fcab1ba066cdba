"""Browser tests: the real app on a free localhost port, driven by Playwright in Debian's Chromium."""

from __future__ import annotations

import json
from collections.abc import Iterator

import pytest

from bench.browser import CHROMIUM, CHROMIUM_ARGS, start_app, stop_app

DESKTOP = {"viewport": {"width": 1280, "height": 1400}}
PHONE = {"viewport": {"width": 390, "height": 844}, "device_scale_factor": 2, "is_mobile": True, "has_touch": True}


HEAVY = ("test_deploy.py", "test_failover.py", "test_load.py")
"""Modules that run replicas behind nginx or many sessions: under xdist they share one worker, one at a time."""


def pytest_collection_modifyitems(items):
    for item in items:
        if "/e2e/" in str(item.fspath):
            item.add_marker(pytest.mark.e2e)
            if item.fspath.basename in HEAVY:
                item.add_marker(pytest.mark.xdist_group("heavy"))


@pytest.fixture(scope="session")
def app_url() -> Iterator[str]:
    proc, url = start_app()
    yield url
    stop_app(proc)


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield b
        b.close()


@pytest.fixture(scope="session")
def contexts(browser):
    """One browser context per screen size for the whole run, so pages reuse the app's cached scripts."""
    made: dict[str, object] = {}

    def context(**options):
        key = json.dumps(options, sort_keys=True)
        if key not in made:
            made[key] = browser.new_context(**options)
        return made[key]

    yield context
    for context in made.values():
        context.close()


@pytest.fixture
def new_page(contexts):
    """A fresh tab of the given size (in that size's shared context), closed after the test."""
    opened = []

    def open_page(**options):
        page = contexts(**options).new_page()
        opened.append(page)
        return page

    yield open_page
    for page in opened:
        page.close()


@pytest.fixture
def page(new_page):
    pg = new_page(**DESKTOP)
    pg.dialogs = []  # type: ignore[attr-defined]
    pg.on("dialog", lambda d: (pg.dialogs.append(d.message), d.dismiss()))  # type: ignore[attr-defined]
    return pg


@pytest.fixture
def phone(new_page):
    return new_page(**PHONE)
