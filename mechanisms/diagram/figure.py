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
from ..present.audience import PATIENT, drawn_kind, drawn_kinds, edge_word, edge_words, node_label
from ..present.catalogue import Words, or_english
from ..present.highlight import Highlight
from ..present.markup import html_escape
from . import framed, style
from .layout import Layout

LEGEND_PX = 44
NODE_TRACE = "mechanism"
"""The name of the trace of node markers (the offline page restyles it)."""
LINK_TRACE = "link:"
"""Name prefix of a link's own line trace, when drawn one trace per link (the offline page)."""
STUB_TRACE = "stub"
"""The name of the trace of stubs: the start of each long link of a hub (the needle)."""
_CELL = 40.0

Grid = dict[tuple[int, int], list[tuple[float, float]]]


def _cell(x: float, y: float) -> tuple[int, int]:
    return int(x // _CELL), int(y // _CELL)


def _occupancy(points: Iterable[tuple[float, float]]) -> Grid:
    """Points hashed into a grid, so 'is anything near here' costs O(1), not O(n)."""
    grid: Grid = {}
    for x, y in points:
        grid.setdefault(_cell(x, y), []).append((x, y))
    return grid


def _clearance(x: float, y: float, grid: Grid) -> float:
    """Pixel distance to the nearest point of the grid (looking only at neighbouring cells)."""
    cx, cy = _cell(x, y)
    nearest = float("inf")
    for dx in (-1, 0, 1):
        for dy in (-1, 0, 1):
            for px, py in grid.get((cx + dx, cy + dy), ()):
                nearest = min(nearest, math.hypot(px - x, py - y))
    return nearest


def _along(route: tuple[tuple[float, float], ...], t: float) -> tuple[float, float]:
    """The point a fraction t of the way along a polyline."""
    lengths = [math.dist(a, b) for a, b in zip(route, route[1:], strict=False)]
    goal = sum(lengths) * t
    for (a, b), length in zip(zip(route, route[1:], strict=False), lengths, strict=True):
        if goal <= length and length > 0:
            f = goal / length
            return a[0] + (b[0] - a[0]) * f, a[1] + (b[1] - a[1]) * f
        goal -= length
    return route[-1]


def marker_spots(graph: Graph, layout: Layout) -> dict[str, tuple[float, float]]:
    """Where each link's clickable marker goes: on its route, clear of every node and of other markers.

    A marker on a node, or on another marker, would steal its clicks (plotly picks either when both
    contain the pointer): try points along the route and keep the first with room around it.
    """
    nodes = _occupancy(layout.positions.values())
    placed: Grid = {}
    spots: dict[str, tuple[float, float]] = {}
    for edge in graph.edges:
        route = layout.route(edge.source, edge.target)
        best, spot = -1.0, _along(route, 0.5)
        for t in (0.5, 0.4, 0.6, 0.3, 0.7, 0.22, 0.78, 0.15, 0.85):
            x, y = _along(route, t)
            room = min(_clearance(x, y, nodes) - style.NODE_SIZE, _clearance(x, y, placed) - style.EDGE_MARKER_SIZE)
            if room >= 4:
                spot = (x, y)
                break
            if room > best:
                best, spot = room, (x, y)
        spots[edge.id] = spot
        placed.setdefault(_cell(*spot), []).append(spot)
    return spots


def _gapped(values: list, gap: object = None) -> list:
    """Interleave a gap after each value, so a lines+markers trace draws markers but no joins."""
    out: list = []
    for value in values:
        out += [value, gap]
    return out or [gap]


def hover_text(text: str) -> str:
    """A sentence for a hover box: escaped and broken into lines (plotly never wraps hover text)."""
    return "<br>".join(textwrap.wrap(html_escape(text), width=style.HOVER_WRAP)) or html_escape(text)


def point_hover(graph: Graph, item: str | None, audience: str, words: Words | None = None) -> str | None:
    """What a clickable point says on hover: its node's label, or its link's sentence (None for a gap)."""
    node = graph.node(item) if item else None
    if node is not None:
        return html_escape(node_label(node, audience))
    edge = graph.edge(item) if item else None
    return hover_text(edge_words(graph, edge, audience, words)) if edge is not None else None


def wrap_label(label: str, font_px: float = style.LABEL_FONT_PX) -> str:
    """Break a label into short lines (as `style.label_lines`), joined for Plotly."""
    return "<br>".join(style.label_lines(label, font_px))


def band_shapes(layout: Layout, current: str | None) -> list[dict]:
    """One shaded rectangle per step, the current step's stronger, so the eye finds where the story is."""
    return [
        dict(type="rect", xref="paper", yref="y", x0=0, x1=1, y0=band.top, y1=band.bottom,
             fillcolor=style.BAND_CURRENT if band.id == current else style.BAND_FILLS[i % 2],
             line=dict(width=0), layer="below")
        for i, band in enumerate(layout.bands)
    ]


def band_titles(layout: Layout, font_size: int, words: Words | None = None) -> list[dict]:
    """Each step's number and title at the top left of its band."""
    w = or_english(words)
    return [
        dict(xref="paper", yref="y", x=0.01, y=band.top + 4, xanchor="left", yanchor="top",
             text=f"<b>{html_escape(w.band_title(i + 1, band.label))}</b>", showarrow=False,
             font=dict(size=font_size, color=style.INK))
        for i, band in enumerate(layout.bands)
    ]


def edge_lines(graph: Graph, layout: Layout, highlight: Highlight, per_link: bool = False,
               audience: str = PATIENT) -> list[dict]:
    """Per kind drawn for the audience (`drawn_kind`), a trace of strong and one of dimmed lines along each
    link's route, ending in an arrowhead.

    The arrowhead is a marker at the target, turned along the line (angleref="previous") and
    pushed back to the node's edge (standoff, in pixels): annotations cost ~3x more to draw.
    `per_link` draws one trace per link instead (named LINK_TRACE + id), so a page can restyle each.
    """
    if per_link:
        return [trace | {"name": LINK_TRACE + edge.id}
                for edge in graph.edges
                for trace in edge_lines(graph.model_copy(update={"edges": [edge]}), layout, highlight,
                                        audience=audience)]
    traces = []
    for kind, look in style.EDGE_STYLE.items():
        parts: dict[bool, dict[str, list]] = {on: {"x": [], "y": [], "size": [], "standoff": []}
                                              for on in (True, False)}
        for edge in (e for e in graph.edges if drawn_kind(e.kind, audience) == kind):
            route = layout.route(edge.source, edge.target)
            on = highlight.edge_strong(edge)
            radius = (style.NODE_SIZE_CURRENT if edge.target == highlight.node else style.NODE_SIZE) / 2
            if route[-1] != layout.positions[edge.target]:
                radius = 1  # a link up to a node ends under its label, not at its circle
            part = parts[on]
            part["x"] += [p[0] for p in route] + [None]
            part["y"] += [p[1] for p in route] + [None]
            part["size"] += [0] * (len(route) - 1) + [style.ARROW_SIZE[on], 0]
            part["standoff"] += [0] * (len(route) - 1) + [radius + 1, 0]
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


def stub_trace(graph: Graph, layout: Layout, highlight: Highlight) -> dict:
    """A short stroke where each long link of a hub starts, in the hub's colour (its link's marker explains it)."""
    region_index = {r.id: i for i, r in enumerate(graph.regions)}
    stubs = [e for e in graph.edges if layout.is_stub(e.source, e.target)]
    colours = [style.region_colour(region_index.get(graph.node(e.source).region, 0)) for e in stubs]
    return dict(
        type="scatter", name=STUB_TRACE, mode="markers", showlegend=False, hoverinfo="skip",
        x=[layout.route(e.source, e.target)[0][0] for e in stubs],
        y=[layout.route(e.source, e.target)[0][1] for e in stubs],
        marker=dict(symbol="line-ns", size=style.STUB_SIZE, color=colours,
                    opacity=[1.0 if highlight.edge_strong(e) else style.DIM_OPACITY for e in stubs],
                    line=dict(width=4, color=colours)),
    )


def _edge_marker_trace(kind: str, items: list[tuple[Edge, float, float, bool]], texts: list[str],
                       highlight: Highlight, audience: str, words: Words | None = None) -> dict:
    look = style.EDGE_STYLE[kind]
    chosen = [m[0].id == highlight.edge for m in items]
    return dict(
        type="scatter",
        # None between points: no line joins the midpoints, but the legend shows dash + symbol
        x=_gapped([m[1] for m in items]), y=_gapped([m[2] for m in items]),
        mode="lines+markers", connectgaps=False, name=edge_word(kind, audience, words), legendgroup=kind,
        showlegend=False,
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


def edge_markers(graph: Graph, layout: Layout, highlight: Highlight, audience: str,
                 words: Words | None = None) -> list[dict]:
    """Per kind drawn for the audience, the clickable marker on each link, clear of the nodes and of each other."""
    spots = marker_spots(graph, layout)
    traces = []
    for kind in drawn_kinds(style.EDGE_STYLE, audience):
        items = [(e, *spots[e.id], highlight.edge_strong(e)) for e in graph.edges
                 if drawn_kind(e.kind, audience) == kind]
        if not items:
            continue  # an empty trace is not drawn, and would shift the drawn traces' indexes
        texts = [point_hover(graph, m[0].id, audience, words) for m in items]
        traces.append(_edge_marker_trace(kind, items, texts, highlight, audience, words))
    return traces


def legend_entries(graph: Graph, font_size: int, audience: str = PATIENT, words: Words | None = None) -> list[dict]:
    """One legend entry per kind used, drawn from a point outside the fixed axis ranges.

    So its style (dash + symbol) stays the same whatever is highlighted.
    """
    used = {drawn_kind(e.kind, audience) for e in graph.edges}
    return [
        dict(type="scatter", x=[-100, -99], y=[-100, -100], mode="lines+markers", name=edge_word(kind, audience, words),
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


def node_trace(graph: Graph, layout: Layout, highlight: Highlight, audience: str, words: Words | None = None) -> dict:
    """Every node as a clickable marker carrying its id."""
    ids = [n.id for n in graph.nodes]
    return dict(
        type="scatter", x=[layout.positions[n][0] for n in ids], y=[layout.positions[n][1] for n in ids],
        mode="markers", name=NODE_TRACE, showlegend=False, customdata=ids,
        hovertext=[point_hover(graph, n, audience, words) for n in ids],
        hovertemplate=f"%{{hovertext}}<extra>{html_escape(or_english(words).tap_for_details)}</extra>",
        marker=node_marker(graph, highlight),
        selected=dict(marker=dict(opacity=1.0)), unselected=dict(marker=dict(opacity=1.0)),
    )


def label_text(label: str, bold: bool, font_px: float = style.LABEL_FONT_PX, note: Iterable[str] = ()) -> str:
    """A node's label as drawn: escaped, wrapped, in bold for the selected node and its neighbours; under it, in
    grey italics, its `note` (a framed step's 'from step 1')."""
    text = wrap_label(html_escape(label), font_px)
    text = f"<b>{text}</b>" if bold else text
    lines = [f'<span style="color:{style.MUTED}"><i>{html_escape(line)}</i></span>'
             for line in framed.note_lines(list(note), font_px)]
    return "<br>".join([text, *lines])


def label_emphasis(graph: Graph, highlight: Highlight) -> list[tuple[bool, str]]:
    """Per node, in data order: (bold?, ink) of its label for a highlight."""
    return [(n.id == highlight.node or n.id in highlight.neighbours,
             style.INK if highlight.node_strong(n.id) else style.MUTED) for n in graph.nodes]


def node_labels(graph: Graph, layout: Layout, highlight: Highlight, audience: str, font_size: int,
                notes: framed.Notes | None = None) -> list[dict]:
    """A label under each node, named by the node's id (the offline page finds them by name), and its notes."""
    labels = []
    for node, (bold, ink) in zip(graph.nodes, label_emphasis(graph, highlight), strict=True):
        x, y = layout.positions[node.id]
        size = style.NODE_SIZE_CURRENT if node.id == highlight.node else style.NODE_SIZE
        labels.append(dict(
            name=node.id, x=x, y=y, xref="x", yref="y", yshift=-size / 2 - 2, xanchor="center", yanchor="top",
            showarrow=False, align="center",
            text=label_text(node_label(node, audience), bold, font_size, (notes or {}).get(node.id, ())),
            font=dict(size=font_size, color=ink), bgcolor=style.LABEL_BACKGROUND, borderpad=1))
    return labels


def frame(graph: Graph, box: tuple[float, float, float, float], font_size: int, top: int = LEGEND_PX) -> dict:
    """Size (one pixel per unit), fixed axes (no zoom or drag: the page must scroll past the chart), legend (`top`
    px) and fonts."""
    x0, x1, y0, y1 = box
    return dict(
        height=int(y1 - y0 + top + 8),
        margin=dict(l=4, r=4, t=top, b=8),
        paper_bgcolor="white", plot_bgcolor="white",
        xaxis=dict(range=[x0, x1], visible=False, fixedrange=True),
        yaxis=dict(range=[y1, y0], visible=False, fixedrange=True),
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
    words: Words | None = None,
) -> go.Figure:
    """The whole picture for one audience and highlight, in `words` (a language's): every step in its band."""
    # A trace with no points is not drawn at all, which would shift the drawn traces' indexes against the
    # data's: such traces are not sent.
    has_stubs = any(layout.is_stub(e.source, e.target) for e in graph.edges)
    stubs = [stub_trace(graph, layout, highlight)] if has_stubs else []
    traces = [*edge_lines(graph, layout, highlight, audience=audience), *stubs,
              *edge_markers(graph, layout, highlight, audience, words),
              *legend_entries(graph, font_size, audience, words), node_trace(graph, layout, highlight, audience, words)]
    fig_layout = frame(graph, (0.0, layout.width, 0.0, layout.height), font_size)
    fig_layout["shapes"] = band_shapes(layout, highlight.band)
    fig_layout["annotations"] = [*band_titles(layout, font_size, words),
                                 *node_labels(graph, layout, highlight, audience, font_size)]
    # Every value above is built here from known-good constants; plotly's per-property validation
    # would cost more than the rest of the figure (measured ~20 ms for 4 nodes).
    return go.Figure(dict(data=traces, layout=fig_layout), _validate=False)


MIN_STEP_PX = 240.0
"""The shortest a step's own picture is drawn (its parts centred in it): a one-part step still reads as a picture,
and the diagram keeps a third of a phone's first screen."""
STEP_SIDE_PX = 12.0
"""Room beside a step's columns, for a link that goes round by the side."""
NO_LEGEND_PX = 8


def step_box(layout: Layout, least: float = MIN_STEP_PX) -> tuple[float, float, float, float]:
    """x0, x1, y0, y1 shown of a step drawn on its own: all of it, at least `least` tall, centred."""
    ys = [y for route in layout.routes.values() for _, y in route] + [0.0, layout.height]
    top, bottom = min(ys), max(ys)
    spare = max(0.0, least - (bottom - top)) / 2
    return -STEP_SIDE_PX, layout.width + STEP_SIDE_PX, top - spare, bottom + spare


def framed_figure(graph: Graph, step_id: str, highlight: Highlight, audience: str = PATIENT,
                  font_size: int = style.LABEL_FONT_PX, words: Words | None = None, snug: bool = False,
                  per_link: bool = False) -> go.Figure:
    """One step drawn on its own at one pixel per unit (`framed`): its parts, its own links, and under each part
    the steps its other links come from or go to; no band, no title (the step's heading is beside it).

    `snug` (the short handout, where the key is said once in words): no key and no room around the parts;
    `per_link`: one trace per link (`edge_lines`), so a page can restyle each."""
    own, part_notes, layout = framed.step_drawing(graph, step_id, audience, font_size, words)
    legend = [] if snug else legend_entries(own, font_size, audience, words)
    traces = [*edge_lines(own, layout, highlight, per_link, audience),
              *edge_markers(own, layout, highlight, audience, words), *legend, node_trace(own, layout, highlight,
                                                                                          audience, words)]
    box = step_box(layout, 0.0 if snug else MIN_STEP_PX)
    if snug:  # print: no selected (larger) circle above the first row, no room kept below the last labels
        box = (box[0], box[1], min(y for _, y in layout.positions.values()) - style.NODE_SIZE / 2 - 2,
               layout.height - framed.BOTTOM_PX + 2)
    fig_layout = frame(own, box, font_size, LEGEND_PX if legend else NO_LEGEND_PX if not snug else 2)
    if snug:
        fig_layout["margin"]["b"], fig_layout["height"] = 2, int(box[3] - box[2] + 4)
    fig_layout["showlegend"] = bool(legend)
    fig_layout["annotations"] = node_labels(own, layout, highlight, audience, font_size, part_notes)
    return go.Figure(dict(data=traces, layout=fig_layout), _validate=False)


def step_figure(
    graph: Graph,
    layout: Layout,
    highlight: Highlight,
    audience: str = PATIENT,
    consult: bool = False,
    whole: bool = False,
    *,
    font_size: int | None = None,
    per_link: bool = False,
    words: Words | None = None,
    snug: bool = False,
) -> go.Figure:
    """The diagram as a reader meets it: the step of `highlight.band` drawn on its own (`framed_figure`), or the
    whole picture (`layout`) if `whole` or no band; in consult mode with larger labels. The app, the handout's
    step pictures and the offline page's steps are all drawn by this one function.

    `font_size` overrides the labels' size (print); `words`: see `build_figure`; `per_link` and `snug`: see
    `framed_figure`.
    """
    if font_size is None:
        font_size = style.CONSULT_FONT_PX if consult else style.LABEL_FONT_PX
    if whole or highlight.band is None:
        return build_figure(graph, layout, highlight, audience=audience, font_size=font_size, words=words)
    return framed_figure(graph, highlight.band, highlight, audience, font_size, words, snug, per_link)
