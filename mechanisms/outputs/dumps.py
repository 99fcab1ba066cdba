"""The whole graph in formats other tools read: node-link JSON, Cytoscape JSON, GraphML."""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any

import networkx as nx

from ..content.citations import cited_ids
from ..content.model import Graph

DUMP_FORMATS = ("node-link", "cytoscape", "graphml")


def story_digraph(graph: Graph, references: Mapping[str, Mapping[str, Any]]) -> nx.DiGraph:
    """The loaded graph's one networkx structure, plus the story (steps, glossary, guide, references) in G.graph."""
    g = graph.digraph.copy()
    g.graph.update(
        id=graph.id,
        title=graph.title,
        summary=graph.summary,
        entry=graph.entry,
        regions=[r.model_dump() for r in graph.regions],
        steps=[{**s.model_dump(), "nodes": [n.id for n in graph.nodes_in_step(s.id)]} for s in graph.steps],
        glossary=[t.model_dump() for t in graph.glossary],
        guide=[p.model_dump() for p in graph.guide],
        references=[dict(references[i]) for i in cited_ids(graph) if i in references],
    )
    return g


def _graphml_value(value: Any) -> Any:
    """GraphML holds only scalars: lists and dicts travel as JSON text."""
    if value is None:
        return ""
    if isinstance(value, (list, dict)):
        return json.dumps(value, ensure_ascii=False)
    return value


def to_graphml(g: nx.DiGraph) -> str:
    flat = nx.DiGraph()
    flat.graph.update({k: _graphml_value(v) for k, v in g.graph.items()})
    for n, attrs in g.nodes(data=True):
        flat.add_node(n, **{k: _graphml_value(v) for k, v in attrs.items()})
    for a, b, attrs in g.edges(data=True):
        flat.add_edge(a, b, **{k: _graphml_value(v) for k, v in attrs.items()})
    return "\n".join(nx.generate_graphml(flat, prettyprint=True)) + "\n"


def dump(graph: Graph, references: Mapping[str, Mapping[str, Any]], fmt: str) -> str:
    """The graph as text in one of DUMP_FORMATS (every edge keeps its `id` attribute in each)."""
    g = story_digraph(graph, references)
    if fmt == "node-link":
        return json.dumps(nx.node_link_data(g, edges="edges"), ensure_ascii=False, indent=2) + "\n"
    if fmt == "cytoscape":
        return json.dumps(nx.cytoscape_data(g), ensure_ascii=False, indent=2) + "\n"
    if fmt == "graphml":
        return to_graphml(g)
    raise ValueError(f"unknown format {fmt!r}; choose one of {', '.join(DUMP_FORMATS)}")
