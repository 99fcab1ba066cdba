"""The files in `templates/` (HTML, CSS, JS) and how a template is filled: the offline page and the app's
check questions both read them here."""

from __future__ import annotations

import re
from collections.abc import Mapping
from functools import cache
from pathlib import Path

from ..present.markup import json_for_html

TEMPLATES = Path(__file__).resolve().parent / "templates"


@cache
def template(name: str) -> str:
    """A file of `templates/` as text (read once per process)."""
    return (TEMPLATES / name).read_text(encoding="utf-8")


def fill(name: str, values: Mapping[str, str]) -> str:
    """The template `name` with each `__KEY__` replaced by `values[KEY]`, in one pass over the template, so
    nothing inserted (plotly.js, author text) is searched again."""
    pattern = "__(" + "|".join(re.escape(key) for key in values) + ")__"
    return re.sub(pattern, lambda m: values[m.group(1)], template(name))


def widget_html(name: str, render: str, files: str, data: object) -> str:
    """One piece of a page the app shows as it is (the fact box, the diary): `templates/widget.html` with the
    element `name`, its data, and `templates/<files>.css` / `.js`, whose `window.<render>` draws it."""
    return fill("widget.html", {"STYLE": template(f"{files}.css"), "NAME": name, "DATA": json_for_html(data),
                                "SCRIPT": template(f"{files}.js"), "RENDER": render})
