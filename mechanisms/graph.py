"""The mechanism graph as a networkx DiGraph: the one structure layout, figure and export share."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import networkx as nx

from .model import Graph


def cited_ids(graph: Graph) -> list[str]:
    """Every reference the graph cites, in first-cited order (nodes, then edges)."""
    ids = [c for n in graph.nodes for c in n.citations] + [c for e in graph.edges for c in e.citations]
    return list(dict.fromkeys(ids))


def build_digraph(graph: Graph, references: Mapping[str, Mapping[str, Any]] | None = None) -> nx.DiGraph:
    """Nodes and edges with every attribute a viewer or another tool needs; graph-level story in G.graph."""
    g = nx.DiGraph()
    steps = []
    for step in graph.steps:
        steps.append(
            {
                "id": step.id,
                "title": step.title,
                "patient": step.patient,
                "unknowns": step.unknowns,
                "nodes": [n.id for n in graph.nodes if n.step == step.id],
            }
        )
    refs = references or {}
    g.graph.update(
        id=graph.id,
        title=graph.title,
        summary=graph.summary,
        entry=graph.entry,
        regions=[r.model_dump() for r in graph.regions],
        steps=steps,
        glossary=[t.model_dump() for t in graph.glossary],
        references=[dict(refs[i]) for i in cited_ids(graph) if i in refs],
    )
    for node in graph.nodes:
        g.add_node(node.id, **node.model_dump(exclude={"id"}))
    for edge in graph.edges:
        g.add_edge(edge.source, edge.target, id=edge.id, **edge.model_dump(exclude={"source", "target"}))
    return g


def causes(g: nx.DiGraph, node_id: str) -> list[str]:
    """What leads to this node, in data order, for 'what causes it' buttons."""
    return list(g.predecessors(node_id)) if node_id in g else []


def effects(g: nx.DiGraph, node_id: str) -> list[str]:
    return list(g.successors(node_id)) if node_id in g else []
