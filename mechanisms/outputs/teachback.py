"""The teach-back section as one HTML fragment for the app (the offline page inlines the same script and style)."""

from __future__ import annotations

from ..content.clinic import Clinic
from ..content.model import Graph
from ..present.catalogue import Words
from ..present.markup import json_for_html
from ..present.teachback import teach_back_data
from .template import fill, template


def teach_back_html(graph: Graph, clinic: Clinic | None = None, words: Words | None = None) -> str:
    """`templates/teachback.html` filled: the questions' box, their data and the shared script (empty without
    questions). A step link calls the page's `window.explainerGoToStep` (assets/explainer.js)."""
    if not graph.teach_back:
        return ""
    values = {"STYLE": template("teachback.css"), "DATA": json_for_html(teach_back_data(graph, clinic, words)),
              "SCRIPT": template("teachback.js")}
    return fill("teachback.html", values)
