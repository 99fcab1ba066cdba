"""Integrity checks a schema cannot express: ids that must match, reachability, step order.

Each check returns problems located by a path into the YAML document (e.g. `("nodes", 3,
"citations", 0)`), which the loader turns into a line number.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Iterator

import networkx as nx

from .model import Graph

Loc = tuple[str | int, ...]
Finding = tuple[Loc, str, str]
"""(path in the document, where in words, what is wrong)."""


def check_graph(graph: Graph, reference_ids: Iterable[str]) -> list[Finding]:
    """Every integrity problem of a schema-valid graph; empty when it is sound."""
    refs = set(reference_ids)
    findings: list[Finding] = []
    for check in (_unique_ids, _known_ids, _citations, _steps_used, _reachable, _step_order):
        findings.extend(check(graph, refs))
    return findings


def _unique_ids(graph: Graph, _refs: set[str]) -> Iterator[Finding]:
    for section, items in (
        ("regions", graph.regions),
        ("steps", graph.steps),
        ("nodes", graph.nodes),
        ("glossary", graph.glossary),
        ("edges", graph.edges),
    ):
        seen: Counter[str] = Counter()
        for i, item in enumerate(items):
            seen[item.id] += 1
            if seen[item.id] == 2:
                what = section.rstrip("s") if section != "glossary" else "term"
                yield (section, i), f"{what} {item.id}", f"duplicate id (already used earlier in {section})"


def _known_ids(graph: Graph, _refs: set[str]) -> Iterator[Finding]:
    nodes = {n.id for n in graph.nodes}
    regions = {r.id for r in graph.regions}
    steps = {s.id for s in graph.steps}
    terms = {t.id for t in graph.glossary}
    if graph.entry not in nodes:
        yield ("entry",), "entry", f"unknown node '{graph.entry}'"
    for i, node in enumerate(graph.nodes):
        where = f"node {node.id}"
        if node.region not in regions:
            yield ("nodes", i, "region"), where, f"unknown region '{node.region}' (regions: {', '.join(sorted(regions))})"
        if node.step not in steps:
            yield ("nodes", i, "step"), where, f"unknown step '{node.step}'"
        for j, term in enumerate(node.terms):
            if term not in terms:
                yield ("nodes", i, "terms", j), where, f"unknown glossary term '{term}'"
    for i, edge in enumerate(graph.edges):
        for end in ("source", "target"):
            ref = getattr(edge, end)
            if ref not in nodes:
                yield ("edges", i, end), f"edge {edge.id}", f"{end} is not a node: '{ref}'"


def _citations(graph: Graph, refs: set[str]) -> Iterator[Finding]:
    for section, items in (("nodes", graph.nodes), ("edges", graph.edges)):
        for i, item in enumerate(items):
            where = f"{section.rstrip('s')} {item.id}"
            for j, ref in enumerate(item.citations):
                if ref not in refs:
                    yield (section, i, "citations", j), where, f"unknown reference '{ref}' (not in references.csl.json)"
            if not item.citations and item.evidence != "proposed mechanism":
                yield (section, i, "evidence"), where, (
                    f"evidence '{item.evidence}' needs a citation; cite a reference or use 'proposed mechanism'"
                )


def _steps_used(graph: Graph, _refs: set[str]) -> Iterator[Finding]:
    used = {n.step for n in graph.nodes}
    for i, step in enumerate(graph.steps):
        if step.id not in used:
            yield ("steps", i), f"step {step.id}", "no node belongs to this step"


def _reachable(graph: Graph, _refs: set[str]) -> Iterator[Finding]:
    nodes = {n.id for n in graph.nodes}
    if graph.entry not in nodes:
        return
    g = nx.DiGraph()
    g.add_nodes_from(nodes)
    g.add_edges_from((e.source, e.target) for e in graph.edges if e.source in nodes and e.target in nodes)
    reached = nx.descendants(g, graph.entry) | {graph.entry}
    for i, node in enumerate(graph.nodes):
        if node.id not in reached:
            yield ("nodes", i), f"node {node.id}", f"not reachable from the entry node '{graph.entry}'"


def _step_order(graph: Graph, _refs: set[str]) -> Iterator[Finding]:
    order = {s.id: i for i, s in enumerate(graph.steps)}
    step_of = {n.id: order.get(n.step) for n in graph.nodes}
    for i, edge in enumerate(graph.edges):
        a, b = step_of.get(edge.source), step_of.get(edge.target)
        if a is not None and b is not None and b < a and not edge.feedback:
            yield ("edges", i), f"edge {edge.id}", (
                "goes back from a later step to an earlier one; mark it 'feedback: true' if that is intended"
            )
