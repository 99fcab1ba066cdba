"""Static pictures of the diagram (PNG, SVG) through kaleido and the system's Chromium.

kaleido finds Debian's /usr/bin/chromium by itself (or the browser named by BROWSER_PATH). `render`
starts one browser per process on its first picture (`start_renderer`), and every later picture shares it.
"""

from __future__ import annotations

import atexit
import os
import threading
import warnings

import plotly.graph_objects as go

from ..content.model import Graph
from ..diagram.figure import build_figure, framed_figure
from ..diagram.layout import compute_layout
from ..diagram.style import LABEL_FONT_PX
from ..present.audience import PATIENT
from ..present.catalogue import Words
from ..present.highlight import Highlight, highlight_of, step_highlight
from ..present.view import View
from .errors import ExportError

IMAGE_FORMATS = ("png", "svg")
MAX_PIXELS = 12_000
"""Largest side of an exported picture (width or height times scale): beyond it Chromium gives up."""
CHROMIUM_NEEDED = (
    "drawing the diagram needs a Chromium browser for kaleido "
    "(Debian: apt-get install chromium, or set BROWSER_PATH to the browser's program)"
)


def diagram(
    graph: Graph, step: int | None = None, audience: str = PATIENT, font_size: int = LABEL_FONT_PX,
    words: Words | None = None,
) -> go.Figure:
    """The figure as printed, in `words` (English by default): the whole flow for one audience, optionally one
    step (1-based) highlighted."""
    if step is not None and not 1 <= step <= len(graph.steps):
        raise ExportError(f"step {step} does not exist: this graph has steps 1 to {len(graph.steps)}")
    highlight = step_highlight(graph, step) if step is not None else Highlight()
    return build_figure(graph, compute_layout(graph), highlight, audience=audience, font_size=font_size, words=words)


def step_picture(graph: Graph, step: int, audience: str = PATIENT, font_size: int = LABEL_FONT_PX,
                 per_link: bool = False, words: Words | None = None, short: bool = False) -> go.Figure:
    """One step drawn on its own, as the app shows it (1-based step): beside each step's text in the handout, and
    each step of the offline page (`per_link`: one trace per link, so the page can restyle each). `short` draws it
    for the short handout, where the steps follow each other and the key is said once in words: without the key
    and the room around its parts."""
    highlight = highlight_of(graph, View(graph.id, step=step, audience=audience))
    # A step is drawn on its own (`step_figure`'s framed case): the whole picture's layout is not needed.
    return framed_figure(graph, highlight.band, highlight, audience, font_size, words, short, per_link)


def check_size(fig: go.Figure, width: int, scale: float) -> None:
    """An ExportError for a size Chromium cannot draw, before a browser is started for nothing."""
    height = int(fig.layout.height or 0)
    if width < 100:
        raise ExportError(f"--width {width} is too small; use at least 100 pixels")
    if not 0 < scale <= 10:
        raise ExportError(f"--scale {scale:g} is out of range; use a number above 0 and at most 10")
    if max(width, height) * scale > MAX_PIXELS:
        raise ExportError(
            f"a {width} x {height} picture at scale {scale:g} is too large; "
            f"keep width and height times scale under {MAX_PIXELS} pixels"
        )


_renderer_started = False
_RENDERING = threading.Lock()
"""kaleido's shared browser answers one call at a time, through one queue of tasks and one of results: two
threads calling it at once (two readers' handouts in the app) could each take the other's picture."""


def start_renderer() -> None:
    """Keep one kaleido browser for every later export in this process (stopped when it exits): a step picture
    then takes about 0.13 s, and the browser about 1 s to start (measured 2026-12-05)."""
    global _renderer_started
    with _RENDERING:
        if _renderer_started or not _browser_found():
            return  # no browser: each picture tries its own and fails with the clear ExportError
        import kaleido

        # No MathJax (no label uses LaTeX): kaleido's default loads it from a CDN on every page load, and every
        # picture reloads the page. Offline, that fetch stalled one picture in about twelve by 5 s and the
        # browser's start by 5 s (2026-12-05); and nothing may be fetched at run time.
        kaleido.start_sync_server(silence_warnings=True, mathjax=False)
        _renderer_started = True
    atexit.register(stop_renderer)


def _browser_found() -> bool:
    """Whether kaleido finds a browser it can start: a shared one that cannot start would leave every later
    picture waiting for an answer forever."""
    from choreographer.browsers.chromium import Chromium

    try:
        path = Chromium.find_browser(skip_local=False)
    except Exception:  # noqa: BLE001 a search that fails finds nothing
        return False
    return bool(path) and os.path.isfile(path) and os.access(path, os.X_OK)


def stop_renderer() -> None:
    global _renderer_started
    if not _renderer_started:
        return
    import kaleido

    try:
        kaleido.stop_sync_server(silence_warnings=True)
    finally:
        _renderer_started = False


def render(fig: go.Figure, fmt: str, width: int = 1200, scale: float = 1.0) -> bytes:
    """PNG or SVG bytes of a figure at its own layout height; a clear ExportError if Chromium is missing."""
    if fmt not in IMAGE_FORMATS:
        raise ExportError(f"unknown image format {fmt!r}; choose png or svg")
    check_size(fig, width, scale)
    start_renderer()  # every picture through the one browser started without MathJax (see start_renderer)
    try:
        with warnings.catch_warnings():
            # plotly passes kaleido options a shared browser ignores; nothing for a user to act on.
            warnings.filterwarnings("ignore", message="The kopts argument is ignored", category=UserWarning)
            with _RENDERING:
                return fig.to_image(format=fmt, width=width, height=int(fig.layout.height), scale=scale)
    except Exception as exc:  # kaleido raises several unrelated types when no browser can start
        lines = [line.strip() for line in str(exc).splitlines() if line.strip()]
        detail = lines[0][:200] if lines else type(exc).__name__
        raise ExportError(f"{CHROMIUM_NEEDED}; kaleido said: {detail}") from None
