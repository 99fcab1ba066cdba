"""A step drawn on its own, as a reader meets it: its parts two to a row, read like a page, and its own links.

The whole picture's layout puts each cause above its effect, so a tall step squeezed into a phone's frame put
labels on circles, and lines from other steps ran through it (PEMAT-P item 18: cluttered). Here a step is laid
out alone, at one pixel per unit: its parts in story order, two to a row, left to right and then down, like
lines of text. A link inside a row runs across between the circles; a link to the next row leaves under its
source's labels and drops to its target; any other link goes round by the side. A part's links to or from
other steps are not drawn: words under its label name those steps ('from step 1', 'to steps 4 and 8').
"""

from __future__ import annotations

import textwrap
from collections.abc import Mapping

from ..content.model import Graph
from ..present.audience import node_label
from ..present.catalogue import Words, or_english
from . import style
from .layout import NODE_SLOT_PX, Band, Layout, causal_depth

PER_ROW = 2
"""Parts side by side: two labels fit a phone's width at one pixel per unit."""
ROW_GAP_PX = 44.0
"""Between a row's deepest label and the next row's circles: room for a link to turn and for its arrowhead."""
TOP_PX = style.NODE_SIZE_CURRENT / 2 + 6
"""Where the first row's circles sit: a selected (larger) circle still has room above it."""
BOTTOM_PX = 8.0
SIDE_LANE_PX = 8.0
"""How far outside the columns a link that skips a row runs, clear of every label."""

Notes = Mapping[str, list[str]]


def own_graph(graph: Graph, step_id: str) -> Graph:
    """The step's parts and the links between them: all that its picture draws."""
    members = {n.id for n in graph.nodes_in_step(step_id)}
    return graph.model_copy(update={
        "nodes": [n for n in graph.nodes if n.id in members],
        "edges": [e for e in graph.edges if e.source in members and e.target in members],
    })


def other_steps(graph: Graph, step_id: str) -> dict[str, tuple[list[int], list[int]]]:
    """Per part of the step: the other steps (numbered from 1) its links come from, and those they lead to."""
    members = [n.id for n in graph.nodes_in_step(step_id)]
    number = {n.id: graph.step_index(n.step) + 1 for n in graph.nodes}
    came: dict[str, set[int]] = {m: set() for m in members}
    goes: dict[str, set[int]] = {m: set() for m in members}
    for edge in graph.edges:
        if edge.target in came and edge.source not in came and edge.source in number:
            came[edge.target].add(number[edge.source])
        if edge.source in goes and edge.target not in goes and edge.target in number:
            goes[edge.source].add(number[edge.target])
    return {m: (sorted(came[m]), sorted(goes[m])) for m in members}


def notes(graph: Graph, step_id: str, words: Words | None = None) -> dict[str, list[str]]:
    """Per part, the words under its label in place of the lines that would leave the frame."""
    w = or_english(words)
    return {node_id: ([w.came_from(came)] if came else []) + ([w.goes_to(goes)] if goes else [])
            for node_id, (came, goes) in other_steps(graph, step_id).items()}


def _numbers_together(text: str) -> str:
    """A note with no break after its first number ('from steps' / '1, 6 and 7', never '1, 6 and' / '7')."""
    first = next((i for i, c in enumerate(text) if c.isdigit()), len(text))
    return text[:first] + text[first:].replace(" ", "\u00a0")


def note_lines(note: list[str], font_px: float = style.LABEL_FONT_PX) -> list[str]:
    """A part's notes broken into lines as short as its label's, its list of steps kept on one line."""
    return [line for text in note
            for line in textwrap.wrap(_numbers_together(text), width=style.label_wrap(font_px),
                                      break_long_words=False) or [text]]


def label_depths(own: Graph, audience: str, part_notes: Notes, font_px: float) -> dict[str, float]:
    """How far below its centre each part's label and notes end, at the font drawn: links leave from there."""
    return {n.id: style.label_depth(len(style.label_lines(node_label(n, audience), font_px))
                                    + len(note_lines(part_notes.get(n.id, []), font_px)), font_px)
            for n in own.nodes}


def story_order(own: Graph) -> list[str]:
    """The step's parts in reading order: each after its causes inside the step, ties in data order."""
    depth = causal_depth(own)
    index = {n.id: i for i, n in enumerate(own.nodes)}
    return sorted(index, key=lambda n: (depth[n], index[n]))


def rows_of(order: list[str]) -> list[list[str]]:
    """Parts two to a row, as words fill lines."""
    return [order[i:i + PER_ROW] for i in range(0, len(order), PER_ROW)]


def _clears_row(start: tuple[float, float], end: tuple[float, float], positions: Mapping[str, tuple[float, float]],
                row_of: Mapping[str, int], depths: Mapping[str, float], source: str) -> bool:
    """Whether a straight link down from under `source`'s label passes below the other labels of its row (each
    taken as wide as its column): otherwise it first drops below the row's deepest label."""
    for other, (x, y) in positions.items():
        if other == source or row_of[other] != row_of[source]:
            continue
        edge = x + NODE_SLOT_PX / 2 if x < start[0] else x - NODE_SLOT_PX / 2
        if (edge - start[0]) * (end[0] - start[0]) <= 0:
            continue  # the link heads away from this part
        t = (edge - start[0]) / (end[0] - start[0])
        if start[1] + t * (end[1] - start[1]) < y + depths[other]:
            return False
    return True


def _route(a: str, b: str, positions: Mapping[str, tuple[float, float]], row_of: Mapping[str, int],
           depths: Mapping[str, float], row_depth: list[float], width: float) -> tuple[tuple[float, float], ...]:
    """A link's drawn points: across a row, down to the next row, or round by the side (any other)."""
    (xa, ya), (xb, yb) = positions[a], positions[b]
    ra, rb = row_of[a], row_of[b]
    if ra == rb and xa < xb:
        return (xa, ya), (xb, yb)
    leave = (xa, ya + depths[a])
    below = ya + row_depth[ra]
    if rb == ra + 1:
        return (leave, (xb, yb)) if _clears_row(leave, (xb, yb), positions, row_of, depths, a) else (
            leave, (xa, below), (xb, yb))
    lane = -SIDE_LANE_PX if xa <= width / 2 else width + SIDE_LANE_PX
    under, over = below + ROW_GAP_PX / 2, yb - style.NODE_SIZE_CURRENT / 2 - ROW_GAP_PX / 2
    return leave, (xa, under), (lane, under), (lane, over), (xb, over), (xb, yb)


def step_layout(own: Graph, depths: Mapping[str, float]) -> Layout:
    """Where a step's parts sit and how its links run, at one pixel per unit (`depths`: `label_depths`)."""
    rows = rows_of(story_order(own))
    width = NODE_SLOT_PX * PER_ROW
    positions: dict[str, tuple[float, float]] = {}
    row_of: dict[str, int] = {}
    row_depth: list[float] = []
    y = TOP_PX
    for r, row in enumerate(rows):
        if r:
            y += row_depth[-1] + ROW_GAP_PX + style.NODE_SIZE_CURRENT / 2
        for i, node_id in enumerate(row):
            positions[node_id] = (width / 2 if len(row) == 1 else NODE_SLOT_PX * (i + 0.5), y)
            row_of[node_id] = r
        row_depth.append(max(depths[n] for n in row))
    height = y + (row_depth[-1] if rows else 0.0) + BOTTOM_PX
    routes = {(e.source, e.target): _route(e.source, e.target, positions, row_of, depths, row_depth, width)
              for e in own.edges if e.source in positions and e.target in positions}
    step = own.nodes[0].step if own.nodes else ""
    return Layout(positions=positions, bands=[Band(step, "", 0.0, height)], width=width, height=height,
                  routes=routes)


def step_drawing(graph: Graph, step_id: str, audience: str, font_px: float,
                 words: Words | None = None) -> tuple[Graph, dict[str, list[str]], Layout]:
    """A step's own graph, its parts' notes and its layout at a font: what its picture draws, in every output."""
    own, part_notes = own_graph(graph, step_id), notes(graph, step_id, words)
    return own, part_notes, step_layout(own, label_depths(own, audience, part_notes, font_px))
