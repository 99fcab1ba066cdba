"""The whole graph in formats other tools read: node-link JSON, Cytoscape JSON, GraphML."""

from __future__ import annotations

import json
from typing import Any

import networkx as nx

DUMP_FORMATS = ("node-link", "cytoscape", "graphml")


def _scalar(value: Any) -> Any:
    """GraphML holds only scalars: lists and dicts travel as JSON text."""
    if value is None:
        return ""
    if isinstance(value, (list, dict)):
        return json.dumps(value, ensure_ascii=False)
    return value


def to_graphml(g: nx.DiGraph) -> str:
    flat = nx.DiGraph()
    flat.graph.update({k: _scalar(v) for k, v in g.graph.items()})
    for n, attrs in g.nodes(data=True):
        flat.add_node(n, **{k: _scalar(v) for k, v in attrs.items()})
    for a, b, attrs in g.edges(data=True):
        flat.add_edge(a, b, **{k: _scalar(v) for k, v in attrs.items()})
    return "\n".join(nx.generate_graphml(flat, prettyprint=True)) + "\n"


def dump(g: nx.DiGraph, fmt: str) -> str:
    """The graph as text in one of DUMP_FORMATS."""
    if fmt == "node-link":
        return json.dumps(nx.node_link_data(g, edges="edges"), ensure_ascii=False, indent=2) + "\n"
    if fmt == "cytoscape":
        data = nx.cytoscape_data(g)
        for edge in data["elements"]["edges"]:
            edge["data"].setdefault("id", f"{edge['data']['source']}->{edge['data']['target']}")
        return json.dumps(data, ensure_ascii=False, indent=2) + "\n"
    if fmt == "graphml":
        return to_graphml(g)
    raise ValueError(f"unknown format {fmt!r}; choose one of {', '.join(DUMP_FORMATS)}")
