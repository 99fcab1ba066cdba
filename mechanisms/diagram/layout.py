"""Where each node sits: regions of the body as horizontal bands, read top to bottom.

A vertical flow is the one shape that reads the same on a 1280 px desktop column and a 390 px
phone: the needle at the top, the outcomes at the bottom, each band a region of the body. Within a
band, nodes follow the story (step, then causal depth) and wrap into rows of `per_row`. Cost is a
topological pass plus one sort: O(n log n + e), no pairwise placement or edge routing.
"""

from __future__ import annotations

from dataclasses import dataclass

import networkx as nx

from ..content.model import Graph
from .style import PER_ROW

ROW_PX = 96
"""Height of one row of nodes: a marker plus a label of up to three short lines."""
BAND_HEADER_PX = 34
BAND_GAP_PX = 14


@dataclass(frozen=True)
class Band:
    """A region's horizontal band, in pixels from the top of the figure."""

    id: str
    label: str
    top: float
    bottom: float


@dataclass(frozen=True)
class Layout:
    """Positions in pixel-like units: x in columns (0..per_row-1), y downward from 0."""

    positions: dict[str, tuple[float, float]]
    bands: list[Band]
    per_row: int
    height: float


def forward_links(graph: Graph) -> nx.DiGraph:
    """The graph's causal structure without its feedback links: what the story order follows.

    A plain copy, not a filtered view: a view re-tests every edge on each walk (3x slower here).
    """
    dag = nx.DiGraph()
    dag.add_nodes_from(graph.digraph)
    dag.add_edges_from((a, b) for a, b, back in graph.digraph.edges(data="feedback") if not back)
    return dag


def causal_depth(graph: Graph, dag: nx.DiGraph | None = None) -> dict[str, int]:
    """Longest path from the entry, ignoring feedback edges, so causes sit before effects."""
    dag = forward_links(graph) if dag is None else dag
    depth = dict.fromkeys(dag, 0)
    if not nx.is_directed_acyclic_graph(dag):
        return depth
    for node in nx.topological_sort(dag):
        for succ in dag.successors(node):
            depth[succ] = max(depth[succ], depth[node] + 1)
    return depth


def _by_barycentre(
    row: list[str], preds: dict[str, list[str]], placed: dict[str, tuple[float, float]], offset: float
) -> list[str]:
    """Order a row under the mean column of its causes (one barycentre pass): fewer crossings."""

    def key(item: tuple[int, str]) -> tuple[float, int]:
        slot, node_id = item
        xs = [placed[p][0] for p in preds[node_id] if p in placed]
        return (sum(xs) / len(xs) if xs else offset + slot, slot)

    return [node_id for _, node_id in sorted(enumerate(row), key=key)]


def compute_layout(graph: Graph, per_row: int = PER_ROW) -> Layout:
    """Place every node in its region's band, in story order, `per_row` to a row."""
    step_order = {s.id: i for i, s in enumerate(graph.steps)}
    dag = forward_links(graph)
    depth = causal_depth(graph, dag)
    data_order = {n.id: i for i, n in enumerate(graph.nodes)}
    by_region: dict[str, list[str]] = {r.id: [] for r in graph.regions}
    for node in graph.nodes:
        by_region.setdefault(node.region, []).append(node.id)
    region_label = {r.id: r.label for r in graph.regions}
    node_step = {n.id: n.step for n in graph.nodes}

    preds = {n: list(dag.predecessors(n)) for n in dag}

    positions: dict[str, tuple[float, float]] = {}
    bands: list[Band] = []
    y = 0.0
    for region_id, members in by_region.items():
        if not members:
            continue
        members.sort(key=lambda n: (step_order.get(node_step[n], 0), depth.get(n, 0), data_order[n]))
        top = y
        y += BAND_HEADER_PX
        rows = [members[i : i + per_row] for i in range(0, len(members), per_row)]
        for row in rows:
            offset = (per_row - len(row)) / 2
            for col, node_id in enumerate(_by_barycentre(row, preds, positions, offset)):
                positions[node_id] = (offset + col, y + 22)
            y += ROW_PX
        bands.append(Band(region_id, region_label.get(region_id, region_id), top, y))
        y += BAND_GAP_PX
    return Layout(positions=positions, bands=bands, per_row=per_row, height=y)
