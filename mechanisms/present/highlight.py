"""What a view draws strongly: the selected part and its neighbours, a link's two ends, or a step's parts."""

from __future__ import annotations

from dataclasses import dataclass, replace

from ..content.model import Edge, Graph
from .view import View


@dataclass(frozen=True)
class Highlight:
    """The emphasis of one view; hashable, so a figure can be cached per highlight."""

    node: str | None = None
    """The selected node, drawn larger."""
    edge: str | None = None
    """The selected link, its marker drawn larger."""
    focus: frozenset[str] = frozenset()
    """Nodes drawn at full strength; empty means everything is."""
    neighbours: frozenset[str] = frozenset()
    """Nodes linked to the selected node: outlined and labelled in bold."""
    band: str | None = None
    """The step the view is at: its band is shaded."""

    def node_strong(self, node_id: str) -> bool:
        return not self.focus or node_id in self.focus

    def edge_strong(self, edge: Edge) -> bool:
        """Only the links that matter now are drawn strongly, so a busy diagram stays readable."""
        if self.edge:
            return edge.id == self.edge
        if self.node:
            return self.node in (edge.source, edge.target)
        # A step: its own links and those into and out of it, so the reader sees where it comes from and leads.
        return self.node_strong(edge.source) or self.node_strong(edge.target)


def step_highlight(graph: Graph, step: int) -> Highlight:
    """A step's parts (1-based step number)."""
    return Highlight(focus=frozenset(n.id for n in graph.nodes_in_step(graph.steps[step - 1].id)))


def node_highlight(graph: Graph, node_id: str) -> Highlight:
    """A node with what causes it and what it leads to."""
    g = graph.digraph
    neighbours = frozenset(g.predecessors(node_id)) | frozenset(g.successors(node_id)) if node_id in g else frozenset()
    return Highlight(node=node_id, focus=neighbours | {node_id}, neighbours=neighbours)


def edge_highlight(graph: Graph, edge_id: str) -> Highlight:
    """A link and its two ends."""
    edge = graph.edge(edge_id)
    return Highlight(edge=edge_id, focus=frozenset({edge.source, edge.target}) if edge else frozenset())


def highlight_of(graph: Graph, view: View) -> Highlight:
    """The highlight of a view: its selected node, else its selected link, else its step; its step's band shaded."""
    if view.node:
        chosen = node_highlight(graph, view.node)
    elif view.edge:
        chosen = edge_highlight(graph, view.edge)
    else:
        chosen = step_highlight(graph, view.step)
    return replace(chosen, band=graph.steps[view.step - 1].id)


def step_nodes(graph: Graph, view: View) -> list[str]:
    """The parts of the view's step: what a framed diagram keeps on screen."""
    return [n.id for n in graph.nodes_in_step(graph.steps[view.step - 1].id)]
