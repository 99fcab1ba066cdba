"""The Plotly flow diagram, as a pure function of graph, layout, highlight and audience.

No Streamlit here: the same figure serves the app, the PNG/SVG export, the PDF and the offline
page. Edge kinds are told apart by line style, end shape and midpoint symbol, never by colour
alone; every node and every edge midpoint carries its id in `customdata` for click events. Each
function below draws one thing; `build_figure` puts them together.
"""

from __future__ import annotations

import math
import textwrap
from collections.abc import Iterable

import plotly.graph_objects as go

from ..content.model import Edge, Graph
from ..present.audience import PATIENT, edge_sentence, node_label
from ..present.highlight import Highlight
from ..present.markup import html_escape
from ..present.wording import EDGE_WORDS
from . import style
from .layout import Layout

COLUMN_PX = 160
"""Rough width of a column in pixels, to compare distances in x (columns) and y (pixels)."""
_CELL = 60.0
LEGEND_PX = 44
NODE_TRACE = "mechanism"
"""The name of the trace of node markers (the offline page restyles it)."""

Grid = dict[tuple[int, int], list[tuple[float, float]]]


def _cell(x: float, y: float) -> tuple[int, int]:
    return int(x * COLUMN_PX // _CELL), int(y // _CELL)


def _occupancy(points: Iterable[tuple[float, float]]) -> Grid:
    """Node positions hashed into a grid, so 'is a node near here' costs O(1), not O(n)."""
    grid: Grid = {}
    for x, y in points:
        grid.setdefault(_cell(x, y), []).append((x, y))
    return grid


def _clearance(x: float, y: float, grid: Grid) -> float:
    """Pixel distance to the nearest node (looking only at neighbouring grid cells)."""
    cx, cy = _cell(x, y)
    nearest = float("inf")
    for dx in (-1, 0, 1):
        for dy in (-1, 0, 1):
            for px, py in grid.get((cx + dx, cy + dy), ()):
                nearest = min(nearest, math.hypot((px - x) * COLUMN_PX, py - y))
    return nearest


def _marker_spot(x0: float, y0: float, x1: float, y1: float, grid: Grid) -> tuple[float, float]:
    """Where an edge's clickable marker goes: the midpoint, unless a node sits there.

    A marker on top of a node would steal its clicks (plotly picks either when both contain the
    pointer), so try points along the edge and keep the first well clear of every node.
    """
    best, spot = -1.0, ((x0 + x1) / 2, (y0 + y1) / 2)
    for t in (0.5, 0.4, 0.6, 0.3, 0.7, 0.22, 0.78):
        x, y = x0 + (x1 - x0) * t, y0 + (y1 - y0) * t
        room = _clearance(x, y, grid)
        if room >= style.NODE_SIZE:
            return x, y
        if room > best:
            best, spot = room, (x, y)
    return spot


def _gapped(values: list, gap: object = None) -> list:
    """Interleave a gap after each value, so a lines+markers trace draws markers but no joins."""
    out: list = []
    for value in values:
        out += [value, gap]
    return out or [gap]


def wrap_label(label: str, width: int = style.LABEL_WRAP) -> str:
    """Break a label into short lines so three nodes fit side by side on a phone."""
    return "<br>".join(textwrap.wrap(label, width=width, break_long_words=False)) or label


def band_shapes(layout: Layout) -> list[dict]:
    """One shaded rectangle per region of the body."""
    return [
        dict(type="rect", xref="paper", yref="y", x0=0, x1=1, y0=band.top, y1=band.bottom,
             fillcolor=style.region_fill(i), line=dict(width=0), layer="below")
        for i, band in enumerate(layout.bands)
    ]


def band_titles(layout: Layout, font_size: int) -> list[dict]:
    """Each region's name at the top left of its band."""
    return [
        dict(xref="paper", yref="y", x=0.01, y=band.top + 4, xanchor="left", yanchor="top",
             text=f"<b>{html_escape(band.label.upper())}</b>", showarrow=False,
             font=dict(size=font_size - 1, color=style.INK))
        for band in layout.bands
    ]


def edge_lines(graph: Graph, layout: Layout, highlight: Highlight) -> list[dict]:
    """Per kind, a trace of strong and one of dimmed lines, each ending in an arrowhead marker.

    The arrowhead is a marker at the target, turned along the line (angleref="previous") and
    pushed back to the node's edge (standoff, in pixels): annotations cost ~3x more to draw.
    """
    pos, traces = layout.positions, []
    for kind, look in style.EDGE_STYLE.items():
        parts: dict[bool, dict[str, list]] = {on: {"x": [], "y": [], "size": [], "standoff": []}
                                              for on in (True, False)}
        for edge in (e for e in graph.edges if e.kind == kind):
            (x0, y0), (x1, y1) = pos[edge.source], pos[edge.target]
            on = highlight.edge_strong(edge)
            radius = (style.NODE_SIZE_CURRENT if edge.target == highlight.node else style.NODE_SIZE) / 2
            part = parts[on]
            part["x"] += [x0, x1, None]
            part["y"] += [y0, y1, None]
            part["size"] += [0, style.ARROW_SIZE[on], 0]
            part["standoff"] += [0, radius + 1, 0]
        for on, part in parts.items():
            if part["x"]:
                traces.append(dict(
                    type="scatter", x=part["x"], y=part["y"], mode="lines+markers", hoverinfo="skip",
                    showlegend=False, opacity=0.95 if on else style.EDGE_DIM_OPACITY,
                    line=dict(color=look["color"], width=2 if on else 1.2, dash=look["dash"]),
                    marker=dict(symbol=look["head"], angleref="previous", size=part["size"],
                                standoff=part["standoff"], color=look["color"],
                                line=dict(color=look["color"], width=2.5))))
    return traces


def _edge_marker_trace(kind: str, items: list[tuple[Edge, float, float, bool]], texts: list[str],
                       highlight: Highlight) -> dict:
    look = style.EDGE_STYLE[kind]
    chosen = [m[0].id == highlight.edge for m in items]
    return dict(
        type="scatter",
        # None between points: no line joins the midpoints, but the legend shows dash + symbol
        x=_gapped([m[1] for m in items]), y=_gapped([m[2] for m in items]),
        mode="lines+markers", connectgaps=False, name=EDGE_WORDS[kind], legendgroup=kind, showlegend=False,
        customdata=_gapped([m[0].id for m in items]),
        hovertext=_gapped(texts), hovertemplate="%{hovertext}<extra></extra>",
        marker=dict(
            symbol=look["symbol"], color="white",
            size=_gapped([style.EDGE_MARKER_SIZE + (4 if c else 0) if m[3] else style.EDGE_MARKER_SIZE - 4
                          for m, c in zip(items, chosen, strict=True)], 0),
            opacity=_gapped([1.0 if m[3] else style.EDGE_DIM_OPACITY + 0.1 for m in items], 0),
            line=dict(color=look["color"], width=_gapped([3 if c else 2 for c in chosen], 0)),
        ),
        line=dict(color=look["color"], dash=look["dash"], width=1.6),
        selected=dict(marker=dict(opacity=1.0)), unselected=dict(marker=dict(opacity=1.0)),
    )


def edge_markers(graph: Graph, layout: Layout, highlight: Highlight, audience: str) -> list[dict]:
    """Per kind, the clickable marker on each link, placed clear of the nodes."""
    pos, occupied = layout.positions, _occupancy(layout.positions.values())
    traces = []
    for kind in style.EDGE_STYLE:
        items = []
        for edge in (e for e in graph.edges if e.kind == kind):
            (x0, y0), (x1, y1) = pos[edge.source], pos[edge.target]
            items.append((edge, *_marker_spot(x0, y0, x1, y1, occupied), highlight.edge_strong(edge)))
        texts = [html_escape(edge_sentence(graph, m[0], audience)) for m in items]
        traces.append(_edge_marker_trace(kind, items, texts, highlight))
    return traces


def legend_entries(graph: Graph, font_size: int) -> list[dict]:
    """One legend entry per kind used, drawn from a point outside the fixed axis ranges.

    So its style (dash + symbol) stays the same whatever is highlighted.
    """
    used = {e.kind for e in graph.edges}
    return [
        dict(type="scatter", x=[-100, -99], y=[-100, -100], mode="lines+markers", name=EDGE_WORDS[kind],
             hoverinfo="skip", showlegend=True, legendgroup=kind,
             marker=dict(symbol=look["symbol"], color="white", size=[0, 11], line=dict(color=look["color"], width=2)),
             line=dict(color=look["color"], dash=look["dash"], width=2))
        for kind, look in style.EDGE_STYLE.items() if kind in used
    ]


def node_marker(graph: Graph, highlight: Highlight) -> dict:
    """The node markers' look for a highlight: size, colour, opacity and outline, in data order."""
    region_index = {r.id: i for i, r in enumerate(graph.regions)}

    def outline(n: str) -> tuple[str, float]:
        role = "current" if n == highlight.node else "neighbour" if n in highlight.neighbours else "other"
        return style.NODE_LINE[role]

    ids = [n.id for n in graph.nodes]
    return dict(
        size=[style.NODE_SIZE_CURRENT if n == highlight.node else style.NODE_SIZE for n in ids],
        color=[style.region_colour(region_index.get(n.region, 0)) for n in graph.nodes],
        opacity=[1.0 if highlight.node_strong(n) else style.DIM_OPACITY for n in ids],
        line=dict(color=[outline(n)[0] for n in ids], width=[outline(n)[1] for n in ids]),
    )


def node_trace(graph: Graph, layout: Layout, highlight: Highlight, audience: str) -> dict:
    """Every node as a clickable marker carrying its id."""
    ids = [n.id for n in graph.nodes]
    return dict(
        type="scatter", x=[layout.positions[n][0] for n in ids], y=[layout.positions[n][1] for n in ids],
        mode="markers", name=NODE_TRACE, showlegend=False, customdata=ids,
        hovertext=[html_escape(node_label(n, audience)) for n in graph.nodes],
        hovertemplate="%{hovertext}<extra>tap for details</extra>",
        marker=node_marker(graph, highlight),
        selected=dict(marker=dict(opacity=1.0)), unselected=dict(marker=dict(opacity=1.0)),
    )


def label_text(label: str, bold: bool) -> str:
    """A node's label as drawn: escaped, wrapped, in bold for the selected node and its neighbours."""
    text = wrap_label(html_escape(label))
    return f"<b>{text}</b>" if bold else text


def label_emphasis(graph: Graph, highlight: Highlight) -> list[tuple[bool, str]]:
    """Per node, in data order: (bold?, ink) of its label for a highlight."""
    return [(n.id == highlight.node or n.id in highlight.neighbours,
             style.INK if highlight.node_strong(n.id) else style.MUTED) for n in graph.nodes]


def node_labels(graph: Graph, layout: Layout, highlight: Highlight, audience: str, font_size: int) -> list[dict]:
    """A label under each node, named by the node's id (the offline page finds them by name)."""
    labels = []
    for node, (bold, ink) in zip(graph.nodes, label_emphasis(graph, highlight), strict=True):
        x, y = layout.positions[node.id]
        size = style.NODE_SIZE_CURRENT if node.id == highlight.node else style.NODE_SIZE
        labels.append(dict(
            name=node.id, x=x, y=y, xref="x", yref="y", yshift=-size / 2 - 2, xanchor="center", yanchor="top",
            showarrow=False, align="center", text=label_text(node_label(node, audience), bold),
            font=dict(size=font_size, color=ink), bgcolor=style.LABEL_BACKGROUND, borderpad=1))
    return labels


def shown_range(layout: Layout, focus: frozenset[str], crop_to_focus: bool) -> tuple[float, float]:
    """Top and bottom of what is shown: everything, or only the bands that hold the focused nodes."""
    if crop_to_focus and focus:
        ys = [layout.positions[n][1] for n in focus if n in layout.positions]
        shown = [b for b in layout.bands if any(b.top <= y <= b.bottom for y in ys)]
        if shown:
            return min(b.top for b in shown), max(b.bottom for b in shown)
    return 0.0, layout.height


def frame(graph: Graph, layout: Layout, y_range: tuple[float, float], font_size: int) -> dict:
    """Size, fixed axes (no zoom or drag: the page must scroll through the chart), legend and fonts."""
    y_top, y_bottom = y_range
    return dict(
        height=int(y_bottom - y_top + LEGEND_PX + 8),
        margin=dict(l=4, r=4, t=LEGEND_PX, b=8),
        paper_bgcolor="white", plot_bgcolor="white",
        xaxis=dict(range=[-0.5, layout.per_row - 0.5], visible=False, fixedrange=True),
        yaxis=dict(range=[y_bottom, y_top], visible=False, fixedrange=True),
        showlegend=True,
        legend=dict(orientation="h", x=0, y=1, yanchor="bottom", xanchor="left",
                    font=dict(size=font_size - 1, color=style.INK), itemclick=False, itemdoubleclick=False),
        dragmode=False, hovermode="closest", clickmode="event+select",
        font=dict(family=style.FONT_FAMILY, color=style.INK), uirevision=graph.id,
    )


def build_figure(
    graph: Graph,
    layout: Layout,
    highlight: Highlight = Highlight(),
    audience: str = PATIENT,
    font_size: int = style.LABEL_FONT_PX,
    crop_to_focus: bool = False,
) -> go.Figure:
    """The diagram for one audience and highlight.

    `crop_to_focus` shows only the bands that hold the focused nodes: in consult mode the screen
    turned to the patient shows the part of the body the step is about, not the top of the chart.
    """
    traces = [*edge_lines(graph, layout, highlight), *edge_markers(graph, layout, highlight, audience),
              *legend_entries(graph, font_size), node_trace(graph, layout, highlight, audience)]
    fig_layout = frame(graph, layout, shown_range(layout, highlight.focus, crop_to_focus), font_size)
    fig_layout["shapes"] = band_shapes(layout)
    fig_layout["annotations"] = [*band_titles(layout, font_size),
                                 *node_labels(graph, layout, highlight, audience, font_size)]
    # Every value above is built here from known-good constants; plotly's per-property validation
    # would cost more than the rest of the figure (measured ~20 ms for 4 nodes).
    return go.Figure(dict(data=traces, layout=fig_layout), _validate=False)
