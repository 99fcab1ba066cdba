"""The script that makes taps on a Plotly diagram select what is under the finger (see touch.js)."""

from __future__ import annotations

from functools import cache
from pathlib import Path

TOUCH_JS = Path(__file__).with_name("touch.js")


@cache
def touch_script() -> str:
    """touch.js, for every page that shows an interactive diagram (the app and the offline page)."""
    return TOUCH_JS.read_text(encoding="utf-8")
