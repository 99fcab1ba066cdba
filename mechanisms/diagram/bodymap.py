"""The body map of today's treatment: front and back outlines from the data's simple shapes, areas to tap.

Each area is drawn as its shapes (filled strongly when marked) with one round target at the centre of
its first shape: the targets take the taps (customdata is the area's id; Plotly counts a tap within 20 px
of a target's edge, so each takes a fingertip), the shapes show what is marked.
"""

from __future__ import annotations

import plotly.graph_objects as go

from ..content.model import FIGURES, BodyShape, Treatment
from ..present.catalogue import Words, or_english
from ..present.markup import html_escape
from .style import FONT_FAMILY, INK

FIGURE_GAP = 24
"""Grid units between the front and the back figure."""
OUTLINE_FILL = "#E4E7EB"
AREA_FILL = "rgba(31,111,178,0.14)"
AREA_MARKED = "rgba(31,111,178,0.70)"
AREA_LINE = "#1F6FB2"
TARGET_PX = 24
"""A target's drawn diameter; Plotly gives a tap to the nearest target within its hover distance (20 px)
beyond the edge, so each takes a fingertip though neighbours sit about 28 px apart."""
WIDTH_PX = 340
"""The map's width: it fits a phone's popover (390 px less its padding) and keeps the body's proportions."""
HEIGHT_PX = 336
"""WIDTH_PX times the grid's height over its width (208 / 232), plus the margins: no empty band above or below."""


def _offset(figure: str) -> float:
    return FIGURES.index(figure) * (100 + FIGURE_GAP)


def _shape(shape: BodyShape, fill: str, line: str | None) -> dict:
    """One layout shape (y grows downwards on the grid, upwards in Plotly: the y axis is reversed)."""
    x0 = _offset(shape.figure) + shape.x - shape.w / 2
    return {"type": "circle" if shape.shape == "ellipse" else "rect", "xref": "x", "yref": "y", "layer": "below",
            "x0": x0, "x1": x0 + shape.w, "y0": shape.y - shape.h / 2, "y1": shape.y + shape.h / 2,
            "fillcolor": fill, "line": {"width": 1.5 if line else 0, "color": line or fill}}


def body_figure(treatment: Treatment, marked: tuple[str, ...] = (), labels: dict[str, str] | None = None,
                targets: bool = True, height: int = HEIGHT_PX, words: Words | None = None) -> go.Figure:
    """Front and back side by side (titled in `words`); `marked` areas filled strongly; a target to tap on every
    area (`targets` off: the picture a patient takes home, where only the marked areas stand out)."""
    shapes = [_shape(s, OUTLINE_FILL, None) for s in treatment.outline]
    xs, ys, ids, texts, colours = [], [], [], [], []
    for area in treatment.areas:
        on = area.id in marked
        shapes += [_shape(s, AREA_MARKED if on else AREA_FILL, AREA_LINE) for s in area.shapes]
        first = area.shapes[0]
        xs.append(_offset(first.figure) + first.x)
        ys.append(first.y)
        ids.append(area.id)
        texts.append((labels or {}).get(area.id, area.label))
        colours.append(AREA_LINE if on else "white")
    points = go.Scatter(
        x=xs, y=ys, mode="markers", customdata=ids, hovertext=texts, hoverinfo="text", name="areas",
        marker={"size": TARGET_PX, "color": colours, "line": {"width": 3, "color": AREA_LINE}, "opacity": 0.9},
        selected={"marker": {"opacity": 0.9}}, unselected={"marker": {"opacity": 0.9}}, visible=targets,
    )
    width = 2 * 100 + FIGURE_GAP
    titles = or_english(words).body_figures
    fig = go.Figure(points)
    fig.update_layout(
        shapes=shapes, height=height, margin={"l": 4, "r": 4, "t": 28, "b": 4}, showlegend=False,
        plot_bgcolor="white", paper_bgcolor="white", dragmode=False, clickmode="event+select",
        font={"family": FONT_FAMILY, "color": INK, "size": 15},
        xaxis={"range": [-4, width + 4], "visible": False, "fixedrange": True},
        yaxis={"range": [204, -4], "visible": False, "fixedrange": True, "scaleanchor": "x"},
        annotations=[{"text": f"<b>{html_escape(titles[name])}</b>", "x": _offset(name) + 50, "y": -4, "xref": "x",
                      "yref": "y", "showarrow": False, "yanchor": "bottom"} for name in FIGURES],
    )
    return fig
