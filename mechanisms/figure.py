"""The Plotly flow diagram, as a pure function of graph, layout and what is highlighted.

No Streamlit here: the same figure serves the app, the PNG/SVG export and the standalone page.
Edge kinds are told apart by line style, end shape and midpoint symbol, never by colour alone;
every node and every edge midpoint carries its id in `customdata` for click events.
"""

from __future__ import annotations

import math
import textwrap
from collections.abc import Collection
from dataclasses import dataclass, field

import plotly.graph_objects as go

from .layout import Layout
from .model import EDGE_KINDS, Graph

# Okabe-Ito derived, colour-blind safe; text colours meet 4.5:1 on white.
REGION_FILLS = ["#E8F1FA", "#FDF3E1", "#E6F4EF", "#F3EAF4", "#F2F2F2", "#FFF9DB"]
REGION_MARKERS = ["#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#F0E442"]
INK = "#1F2933"
MUTED = "#52606D"
DIM_OPACITY = 0.28
EDGE_DIM_OPACITY = 0.13

EDGE_STYLE: dict[str, dict[str, object]] = {
    # kind: line dash, midpoint symbol, end marker symbol, colour
    "leads_to": {"dash": "solid", "symbol": "circle", "head": "arrow", "color": "#52606D"},
    "increases": {"dash": "solid", "symbol": "triangle-up", "head": "arrow", "color": "#0072B2"},
    "activates": {"dash": "dot", "symbol": "diamond", "head": "arrow", "color": "#0072B2"},
    "decreases": {"dash": "dash", "symbol": "triangle-down", "head": "arrow", "color": "#B35A00"},
    # A bar across the line's end (⊣), the usual sign for inhibition.
    "inhibits": {"dash": "dashdot", "symbol": "square", "head": "line-ew", "color": "#B35A00"},
}
NODE_SIZE = 28
NODE_SIZE_CURRENT = 38
EDGE_MARKER_SIZE = 16


@dataclass(frozen=True)
class Highlight:
    """What the viewer is looking at: a node, an edge, or a step's nodes (all hashable for caching)."""

    node: str | None = None
    edge: str | None = None
    focus: frozenset[str] = field(default_factory=frozenset)
    """Nodes drawn at full strength; empty means everything is."""


COLUMN_PX = 160
"""Rough width of a column in pixels, to compare distances in x (columns) and y (pixels)."""
_CELL = 60.0


def _cell(x: float, y: float) -> tuple[int, int]:
    return int(x * COLUMN_PX // _CELL), int(y // _CELL)


def _occupancy(points) -> dict[tuple[int, int], list[tuple[float, float]]]:
    """Node positions hashed into a grid, so 'is a node near here' costs O(1), not O(n)."""
    grid: dict[tuple[int, int], list[tuple[float, float]]] = {}
    for x, y in points:
        grid.setdefault(_cell(x, y), []).append((x, y))
    return grid


def _clearance(x: float, y: float, grid) -> float:
    """Pixel distance to the nearest node (looking only at neighbouring grid cells)."""
    cx, cy = _cell(x, y)
    nearest = float("inf")
    for dx in (-1, 0, 1):
        for dy in (-1, 0, 1):
            for px, py in grid.get((cx + dx, cy + dy), ()):
                nearest = min(nearest, math.hypot((px - x) * COLUMN_PX, py - y))
    return nearest


def _marker_spot(x0: float, y0: float, x1: float, y1: float, grid) -> tuple[float, float]:
    """Where an edge's clickable marker goes: the midpoint, unless a node sits there.

    A marker on top of a node would steal its clicks (plotly picks either when both contain the
    pointer), so try points along the edge and keep the first well clear of every node.
    """
    best, spot = -1.0, ((x0 + x1) / 2, (y0 + y1) / 2)
    for t in (0.5, 0.4, 0.6, 0.3, 0.7, 0.22, 0.78):
        x, y = x0 + (x1 - x0) * t, y0 + (y1 - y0) * t
        room = _clearance(x, y, grid)
        if room >= NODE_SIZE:
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


def wrap_label(label: str, width: int = 16) -> str:
    """Break a label into short lines so three nodes fit side by side on a phone."""
    return "<br>".join(textwrap.wrap(label, width=width, break_long_words=False)) or label


def _escape(text: str) -> str:
    """Plotly renders a subset of HTML in text; data must show as characters, never markup."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def build_figure(
    graph: Graph,
    layout: Layout,
    highlight: Highlight = Highlight(),
    labels: dict[str, str] | None = None,
    font_size: int = 13,
    crop_to_focus: bool = False,
) -> go.Figure:
    """The diagram; `labels` overrides node labels (e.g. plain words for patients).

    `crop_to_focus` shows only the bands that hold the focused nodes: in consult mode the screen
    turned to the patient shows the part of the body the step is about, not the top of the chart.
    """
    pos = layout.positions
    focus = highlight.focus
    label_of = {n.id: (labels or {}).get(n.id, n.label) for n in graph.nodes}
    region_index = {r.id: i for i, r in enumerate(graph.regions)}

    neighbours: set[str] = set()
    if highlight.node:
        neighbours = {e.source for e in graph.edges if e.target == highlight.node} | {
            e.target for e in graph.edges if e.source == highlight.node
        }
        focus = frozenset({highlight.node} | neighbours)

    def strong(node_id: str) -> bool:
        return not focus or node_id in focus

    def edge_on(edge) -> bool:
        """Only the links that matter now are drawn strongly: a busy diagram stays readable."""
        if highlight.edge:
            return edge.id == highlight.edge
        if highlight.node:
            return highlight.node in (edge.source, edge.target)
        return strong(edge.source) and strong(edge.target)

    traces: list[dict] = []
    annotations: list[dict] = []
    shapes: list[dict] = []

    for i, band in enumerate(layout.bands):
        shapes.append(
            dict(type="rect", xref="paper", yref="y", x0=0, x1=1, y0=band.top, y1=band.bottom,
                 fillcolor=REGION_FILLS[i % len(REGION_FILLS)], line=dict(width=0), layer="below")
        )
        annotations.append(
            dict(xref="paper", yref="y", x=0.01, y=band.top + 4, xanchor="left", yanchor="top",
                 text=f"<b>{_escape(band.label.upper())}</b>", showarrow=False,
                 font=dict(size=font_size - 1, color=INK))
        )

    # Edges: one line trace per kind (dash shows the kind), arrowheads as annotations with a
    # pixel standoff so they stop at the marker's edge whatever the screen width.
    mids: dict[str, list] = {k: [] for k in EDGE_STYLE}
    occupied = _occupancy(pos.values())
    for kind, style in EDGE_STYLE.items():
        # Per kind, strong and dimmed links: [source, target, gap] triples. The arrowhead is a marker
        # at the target, turned along the line (angleref="previous") and pushed back to the node's
        # edge (standoff, in pixels): no annotations, which cost ~3x more to draw on every click.
        lines: dict[bool, dict[str, list]] = {on: {"x": [], "y": [], "size": [], "standoff": []} for on in (True, False)}
        for edge in (e for e in graph.edges if e.kind == kind):
            (x0, y0), (x1, y1) = pos[edge.source], pos[edge.target]
            on = edge_on(edge)
            part = lines[on]
            part["x"] += [x0, x1, None]
            part["y"] += [y0, y1, None]
            part["size"] += [0, 12 if on else 9, 0]
            radius = (NODE_SIZE_CURRENT if edge.target == highlight.node else NODE_SIZE) / 2
            part["standoff"] += [0, radius + 1, 0]
            mx, my = _marker_spot(x0, y0, x1, y1, occupied)
            mids[kind].append((edge, mx, my, on))
        for on, part in lines.items():
            if part["x"]:
                traces.append(
                    dict(type="scatter", x=part["x"], y=part["y"], mode="lines+markers", hoverinfo="skip",
                         showlegend=False, opacity=0.95 if on else EDGE_DIM_OPACITY,
                         line=dict(color=style["color"], width=2 if on else 1.2, dash=style["dash"]),
                         marker=dict(symbol=style["head"], angleref="previous", size=part["size"],
                                     standoff=part["standoff"], color=style["color"],
                                     line=dict(color=style["color"], width=2.5)))
                )

    for kind, style in EDGE_STYLE.items():
        items = mids[kind]
        words = EDGE_KINDS[kind]
        traces.append(
            dict(type="scatter", 
                # None between points: no line joins the midpoints, but the legend shows dash + symbol
                x=_gapped([m[1] for m in items]), y=_gapped([m[2] for m in items]),
                mode="lines+markers", connectgaps=False,
                name=words, legendgroup=kind, showlegend=False,
                customdata=_gapped([m[0].id for m in items]),
                hovertext=_gapped([f"{_escape(label_of[m[0].source])} {words} {_escape(label_of[m[0].target])}" for m in items]),
                hovertemplate="%{hovertext}<extra></extra>",
                marker=dict(
                    symbol=style["symbol"], color="white",
                    size=_gapped([EDGE_MARKER_SIZE + (4 if m[0].id == highlight.edge else 0) if m[3]
                                  else EDGE_MARKER_SIZE - 4 for m in items], 0),
                    opacity=_gapped([1.0 if m[3] else EDGE_DIM_OPACITY + 0.1 for m in items], 0),
                    line=dict(color=style["color"], width=_gapped([3 if m[0].id == highlight.edge else 2 for m in items], 0)),
                ),
                line=dict(color=style["color"], dash=style["dash"], width=1.6),
                selected=dict(marker=dict(opacity=1.0)), unselected=dict(marker=dict(opacity=1.0)),
            )
        )

    # Legend: one entry per kind used, drawn from a point outside the fixed axis ranges so its
    # style (dash + symbol) is constant whatever is highlighted.
    for kind in (k for k in EDGE_STYLE if any(e.kind == k for e in graph.edges)):
        style = EDGE_STYLE[kind]
        traces.append(
            dict(type="scatter", x=[-100, -99], y=[-100, -100], mode="lines+markers", name=EDGE_KINDS[kind],
                 hoverinfo="skip", showlegend=True, legendgroup=kind,
                 marker=dict(symbol=style["symbol"], color="white", size=[0, 11],
                             line=dict(color=style["color"], width=2)),
                 line=dict(color=style["color"], dash=style["dash"], width=2))
        )

    node_ids = [n.id for n in graph.nodes]
    traces.append(
        dict(type="scatter", 
            x=[pos[n][0] for n in node_ids], y=[pos[n][1] for n in node_ids], mode="markers",
            name="mechanism", showlegend=False, customdata=node_ids,
            hovertext=[_escape(label_of[n]) for n in node_ids],
            hovertemplate="%{hovertext}<extra>tap for details</extra>",
            marker=dict(
                size=[NODE_SIZE_CURRENT if n == highlight.node else NODE_SIZE for n in node_ids],
                color=[REGION_MARKERS[region_index.get(graph.node(n).region, 0) % len(REGION_MARKERS)] for n in node_ids],
                opacity=[1.0 if strong(n) else DIM_OPACITY for n in node_ids],
                line=dict(
                    color=[INK if n == highlight.node or n in neighbours else "white" for n in node_ids],
                    width=[4 if n == highlight.node else 2.5 if n in neighbours else 1.5 for n in node_ids],
                ),
            ),
            selected=dict(marker=dict(opacity=1.0)), unselected=dict(marker=dict(opacity=1.0)),
        )
    )
    for n in node_ids:
        x, y = pos[n]
        current = n == highlight.node
        annotations.append(
            dict(x=x, y=y, xref="x", yref="y", yshift=-(NODE_SIZE_CURRENT if current else NODE_SIZE) / 2 - 2,
                 xanchor="center", yanchor="top", showarrow=False, align="center",
                 text=(f"<b>{wrap_label(_escape(label_of[n]))}</b>" if current or n in neighbours
                       else wrap_label(_escape(label_of[n]))),
                 font=dict(size=font_size, color=INK if strong(n) else MUTED),
                 # Dimmed labels use a lighter ink, never transparency: text keeps >= 4.5:1 contrast.
                 bgcolor="rgba(255,255,255,0.92)", borderpad=1)
        )

    legend_px = 44
    y_top, y_bottom = 0.0, layout.height
    if crop_to_focus and focus:
        ys = [pos[n][1] for n in focus if n in pos]
        shown = [b for b in layout.bands if any(b.top <= y <= b.bottom for y in ys)]
        if shown:
            y_top, y_bottom = min(b.top for b in shown), max(b.bottom for b in shown)
    fig_layout = dict(
        height=int(y_bottom - y_top + legend_px + 8),
        margin=dict(l=4, r=4, t=legend_px, b=8),
        paper_bgcolor="white", plot_bgcolor="white",
        xaxis=dict(range=[-0.5, layout.per_row - 0.5], visible=False, fixedrange=True),
        yaxis=dict(range=[y_bottom, y_top], visible=False, fixedrange=True),
        showlegend=True,
        legend=dict(orientation="h", x=0, y=1, yanchor="bottom", xanchor="left",
                    font=dict(size=font_size - 1, color=INK), itemclick=False, itemdoubleclick=False),
        dragmode=False, hovermode="closest", clickmode="event+select",
        font=dict(family="system-ui, -apple-system, Segoe UI, Roboto, sans-serif", color=INK),
        annotations=annotations, shapes=shapes, uirevision=graph.id,
    )
    # Every value above is built here from known-good constants; plotly's per-property validation
    # would cost more than the rest of the figure (measured ~20 ms for 4 nodes).
    return go.Figure(dict(data=traces, layout=fig_layout), _validate=False)
