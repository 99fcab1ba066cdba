"""Static pictures of the diagram (PNG, SVG) through kaleido and the system's Chromium."""

from __future__ import annotations

import plotly.graph_objects as go

from .figure import Highlight, build_figure
from .layout import compute_layout
from .model import Graph


class ExportError(Exception):
    """An export that cannot be made on this machine, with what would make it work."""


def step_highlight(graph: Graph, step: int | None) -> Highlight:
    """Highlight one step's nodes (1-based), or nothing."""
    if step is None:
        return Highlight()
    if not 1 <= step <= len(graph.steps):
        raise ExportError(f"step {step} does not exist: this graph has steps 1 to {len(graph.steps)}")
    return Highlight(focus=frozenset(n.id for n in graph.nodes_in_step(graph.steps[step - 1].id)))


def diagram(graph: Graph, step: int | None = None, labels: dict[str, str] | None = None,
            per_row: int = 3) -> go.Figure:
    """The figure as printed: the whole flow, optionally one step highlighted, no legend clipping."""
    return build_figure(graph, compute_layout(graph, per_row=per_row), step_highlight(graph, step), labels=labels)


def render(fig: go.Figure, fmt: str, width: int = 1200, scale: float = 1.0) -> bytes:
    """PNG or SVG bytes of a figure at its own height; a clear ExportError if Chromium is missing."""
    if fmt not in ("png", "svg"):
        raise ExportError(f"unknown image format {fmt!r}; choose png or svg")
    try:
        return fig.to_image(format=fmt, width=width, height=int(fig.layout.height), scale=scale)
    except Exception as exc:  # kaleido raises several unrelated types when no browser can start
        raise ExportError(
            "could not draw the diagram with kaleido: it needs a Chromium browser "
            f"(Debian: apt-get install chromium; or set BROWSER_PATH). Detail: {str(exc).splitlines()[0][:200]}"
        ) from None
