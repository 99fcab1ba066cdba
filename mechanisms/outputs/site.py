"""The patient page as a folder any static web server or CDN can serve (`export --format site -o DIR`).

`index.html` is the page (`standalone.page_html`, the same page as the one-file download), beside it the
partial plotly.js bundle, a web app manifest with icons (so a patient can add it to the home screen) and a
service worker that keeps these files on the phone after the first visit. The view is in the address's
fragment (`#graph=dry-needling&step=3&areas=upper-back`): the server sees only requests for these files.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from ..content.clinic import Clinic
from ..content.model import Graph
from ..present.audience import PATIENT, shown_graph
from ..present.catalogue import DEFAULT_LANGUAGE, words
from .standalone import PLOTLY_JS, page_html, plotly_js
from .template import fill

ASSETS = Path(__file__).resolve().parent / "assets"
ICONS = {"icon-192.png": "192x192", "icon-512.png": "512x512"}
THEME = "#0B4F8A"
"""The page's blue: the phone's bar and the installed icon's background."""


def manifest(graph: Graph, language: str = DEFAULT_LANGUAGE) -> dict[str, Any]:
    """The web app manifest: the name under the home-screen icon, its icons, and where it opens."""
    shown = shown_graph(graph, PATIENT)
    return {"name": shown.title, "short_name": shown.title, "description": shown.summary,
            "lang": words(language).language_code, "start_url": "./", "scope": "./", "display": "standalone",
            "background_color": "#ffffff", "theme_color": THEME,
            "icons": [{"src": name, "sizes": sizes, "type": "image/png", "purpose": "any"}
                      for name, sizes in ICONS.items()]}


def build_site(graph: Graph, references: Mapping[str, Mapping[str, Any]], clinic: Clinic | None = None,
               language: str = DEFAULT_LANGUAGE) -> dict[str, bytes]:
    """Every file of the folder by name; `index.html` is the page."""
    files = {
        "index.html": page_html(graph, references, clinic, language=language, site=True).encode("utf-8"),
        PLOTLY_JS: plotly_js().encode("utf-8"),
        "manifest.webmanifest": json.dumps(manifest(graph, language), indent=1, ensure_ascii=False).encode("utf-8"),
        **{name: (ASSETS / name).read_bytes() for name in ICONS},
    }
    digest = hashlib.sha256(b"".join(files[name] for name in sorted(files))).hexdigest()[:12]
    worker = fill("sw.js", {"CACHE": json.dumps(f"{graph.id}-{digest}"), "FILES": json.dumps(["./", *files])})
    return {**files, "sw.js": worker.encode("utf-8")}
