"""How readable a drawn layout is, measured on its geometry: what a reader would call a tangle.

Counts crossings of drawn links, links lying on top of each other, links running through a circle
or a label other than their own two, labels overlapping, and link markers too close to click
apart. The layout test and `python -m bench` use the same numbers.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from itertools import combinations

from ..content.model import Graph
from ..present.audience import PATIENT, node_label
from . import framed, style
from .figure import marker_spots
from .layout import Layout

Point = tuple[float, float]
Segment = tuple[Point, Point]
Box = tuple[float, float, float, float]


@dataclass(frozen=True)
class Quality:
    """The tangle figures of one drawing."""

    crossings: int
    overlapping_links: int
    pass_throughs: int
    label_overlaps: int
    close_markers: int
    width: float
    height: float

    def as_dict(self) -> dict[str, float]:
        return dict(vars(self))


def label_box(layout: Layout, node_id: str, label: str, font_px: int = style.LABEL_FONT_PX,
              note: list[str] | None = None) -> Box:
    """Where a node's label (and a framed step's note under it) is drawn (x0, x1, y0, y1), from its wrapped lines
    and the font size."""
    lines = style.label_lines(label, font_px) + framed.note_lines(note or [], font_px)
    width = max(len(line) for line in lines) * font_px * 0.56 + 4
    x, y = layout.positions[node_id]
    # The same depth the layout leaves free under a node (its links leave from there).
    return x - width / 2, x + width / 2, y + style.NODE_SIZE / 2 + 2, y + style.label_depth(len(lines), font_px) - 2


def _cross(o: Point, a: Point, b: Point) -> float:
    return (a[0] - o[0]) * (b[1] - o[1]) - (a[1] - o[1]) * (b[0] - o[0])


def _proper_crossing(s: Segment, t: Segment) -> bool:
    """Two segments cross in their interiors (touching at an end is not a crossing)."""
    (p, q), (r, u) = s, t
    d1, d2, d3, d4 = _cross(r, u, p), _cross(r, u, q), _cross(p, q, r), _cross(p, q, u)
    return d1 * d2 < -1e-6 and d3 * d4 < -1e-6


def _overlap(s: Segment, t: Segment) -> bool:
    """Two segments lie on one line and share more than a few pixels."""
    (p, q), (r, u) = s, t
    tolerance = 1e-3 * max(1.0, math.dist(p, q))
    if abs(_cross(p, q, r)) > tolerance or abs(_cross(p, q, u)) > tolerance:
        return False
    axis = 0 if abs(q[0] - p[0]) >= abs(q[1] - p[1]) else 1
    lo1, hi1 = sorted((p[axis], q[axis]))
    lo2, hi2 = sorted((r[axis], u[axis]))
    return min(hi1, hi2) - max(lo1, lo2) > 3


def _distance_to_segment(c: Point, s: Segment) -> float:
    (p, q) = s
    length = math.dist(p, q) ** 2
    if length == 0:
        return math.dist(c, p)
    t = max(0.0, min(1.0, ((c[0] - p[0]) * (q[0] - p[0]) + (c[1] - p[1]) * (q[1] - p[1])) / length))
    return math.dist(c, (p[0] + t * (q[0] - p[0]), p[1] + t * (q[1] - p[1])))


def _hits_box(s: Segment, box: Box) -> bool:
    """A segment enters a box (tested at small steps along it: simple and exact enough at pixel scale)."""
    (p, q) = s
    steps = max(2, int(math.dist(p, q) // 3))
    x0, x1, y0, y1 = box
    return any(x0 < p[0] + (q[0] - p[0]) * i / steps < x1 and y0 < p[1] + (q[1] - p[1]) * i / steps < y1
               for i in range(steps + 1))


def _boxes_meet(a: Box, b: Box) -> bool:
    return a[0] < b[1] and b[0] < a[1] and a[2] < b[3] and b[2] < a[3]


def segments(graph: Graph, layout: Layout) -> list[tuple[str, str, Segment]]:
    """Every drawn straight piece of every link, with the link's two ends."""
    pieces = []
    for edge in graph.edges:
        route = layout.route(edge.source, edge.target)
        pieces += [(edge.source, edge.target, (a, b)) for a, b in zip(route, route[1:], strict=False)]
    return pieces


def measure(graph: Graph, layout: Layout, audience: str = PATIENT, font_px: int = style.LABEL_FONT_PX,
            notes: framed.Notes | None = None) -> Quality:
    """The tangle figures of a graph's drawing for one audience's labels (and a framed step's notes).

    A label on a circle other than its own counts as a label overlap, as a label on another label does."""
    pieces = segments(graph, layout)
    crossings = overlapping = 0
    for (a1, b1, s), (a2, b2, t) in combinations(pieces, 2):
        if (a1, b1) == (a2, b2):
            continue
        crossings += _proper_crossing(s, t)
        overlapping += _overlap(s, t)
    labels = {n.id: label_box(layout, n.id, node_label(n, audience), font_px, (notes or {}).get(n.id))
              for n in graph.nodes}
    passes = set()
    for source, target, s in pieces:
        for node_id, (x, y) in layout.positions.items():
            if node_id in (source, target):
                continue
            if _distance_to_segment((x, y), s) < style.NODE_SIZE / 2 or _hits_box(s, labels[node_id]):
                passes.add((source, target, node_id))
    label_overlaps = sum(_boxes_meet(labels[a], labels[b]) for a, b in combinations(labels, 2))
    half = style.NODE_SIZE_CURRENT / 2
    label_overlaps += sum(_boxes_meet(box, (x - half, x + half, y - half, y + half))
                          for node_id, box in labels.items() for other, (x, y) in layout.positions.items()
                          if other != node_id)
    spots = list(marker_spots(graph, layout).values())
    close = sum(math.dist(p, q) < style.EDGE_MARKER_SIZE for p, q in combinations(spots, 2))
    return Quality(crossings, overlapping, len(passes), label_overlaps, close, round(layout.width),
                   round(layout.height))
