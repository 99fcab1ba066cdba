"""Regenerate the screenshots in docs/: desktop (1280x800) and phone (390x844), start, node, consult.

Usage: .venv/bin/python scripts/screenshots.py   (starts the app on a free port, then stops it)
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from playwright.sync_api import sync_playwright  # noqa: E402

from bench.browser import CHROMIUM, CHROMIUM_ARGS, open_app, start_app, stop_app  # noqa: E402

SHOTS = [
    ("desktop-start", {"width": 1280, "height": 800}, "", None),
    ("desktop-node", {"width": 1280, "height": 800}, "?node=local-twitch-response", ".st-key-detail"),
    ("desktop-consult", {"width": 1280, "height": 800}, "?step=6&mode=consult", None),
    ("phone-start", {"width": 390, "height": 844}, "", None),
    ("phone-node", {"width": 390, "height": 844}, "?node=substance-p", ".st-key-detail"),
    ("phone-consult", {"width": 390, "height": 844}, "?step=6&mode=consult", None),
]


def main() -> None:
    out = ROOT / "docs"
    out.mkdir(exist_ok=True)
    proc, url = start_app()
    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            for name, viewport, query, scroll_to in SHOTS:
                phone = viewport["width"] < 500
                context = browser.new_context(viewport=viewport, is_mobile=phone, has_touch=phone,
                                              device_scale_factor=1)
                page = context.new_page()
                open_app(page, url, query)
                if scroll_to:  # the panel's heading at the top; on a desktop the diagram's top beside it
                    page.evaluate("(sel) => document.querySelector(sel).scrollIntoView({block: 'start'})", scroll_to)
                page.wait_for_timeout(800)
                page.screenshot(path=str(out / f"{name}.png"))
                context.close()
                print("wrote", out / f"{name}.png")
            browser.close()
    finally:
        stop_app(proc)


if __name__ == "__main__":
    main()
