"""The fact box as data for a web page's script, and as one HTML fragment for the app (the patient page and the
offline page inline the same script and style)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import asdict
from typing import Any

from ..content.model import Graph
from ..diagram.style import ICON_EDGE, ICON_FILLS
from ..present.catalogue import Words
from ..present.factbox import ICON_COLUMNS, fact_box
from .template import widget_html


def fact_box_data(graph: Graph, references: Mapping[str, Mapping[str, Any]],
                  words: Words | None = None) -> dict[str, Any] | None:
    """Everything `templates/factbox.js` draws: the box as read, the array's width and the squares' colours."""
    box = fact_box(graph, references, words)
    if box is None:
        return None
    studies = [{**asdict(study), "alt": study.alt} for study in box.studies]
    return {**asdict(box), "studies": studies, "columns": ICON_COLUMNS, "fills": ICON_FILLS, "edge": ICON_EDGE}


def fact_box_html(graph: Graph, references: Mapping[str, Mapping[str, Any]], words: Words | None = None) -> str:
    """`templates/widget.html` filled with the factbox's script, style and data (empty without a fact box)."""
    data = fact_box_data(graph, references, words)
    if data is None:
        return ""
    return widget_html("fact-box", "renderFactBox", "factbox", data)
