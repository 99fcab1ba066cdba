"""Valid layered graphs of any size, for benchmarks and scaling tests.

Shaped like the real one: five regions, eight steps, each node caused by one to three nodes of
earlier layers (so all reachable from the entry), every node and edge cited.
"""

from __future__ import annotations

import random

import yaml

REGIONS = ["muscle", "nerves", "spinal-cord", "brain", "outcomes"]
KINDS = ["leads_to", "increases", "decreases", "activates", "inhibits"]
STEPS = 8


def synthetic_document(n: int, seed: int = 0, reference: str = "fernandezdelaspenas2019") -> dict:
    """A graph document (as parsed YAML) with n nodes; deterministic for a seed."""
    rng = random.Random(seed)
    nodes, edges = [], []
    layer_of = [0 if i == 0 else 1 + (i - 1) * (STEPS - 1) // max(1, n - 1) for i in range(n)]
    by_layer: dict[int, list[int]] = {}
    for i, layer in enumerate(layer_of):
        by_layer.setdefault(layer, []).append(i)
        nodes.append(
            {
                "id": f"n{i}",
                "label": f"Mechanism {i}",
                "region": REGIONS[layer * len(REGIONS) // STEPS],
                "step": f"s{layer}",
                "evidence": "review",
                "citations": [reference],
                "patient": f"Part {i} of the story. It is short and plain.",
                "practitioner": f"Mechanism {i}, described precisely for practitioners.",
            }
        )
        if i == 0:
            continue
        earlier = [j for layer_j in range(layer) for j in by_layer.get(layer_j, [])[-50:]]
        for j in sorted(set(rng.sample(earlier, k=min(len(earlier), rng.randint(1, 3))))):
            edges.append(
                {"source": f"n{j}", "target": f"n{i}", "kind": rng.choice(KINDS), "evidence": "review",
                 "citations": [reference]}
            )
    used_steps = sorted(set(layer_of))
    return {
        "id": f"synthetic-{n}",
        "title": f"A synthetic graph of {n} nodes",
        "summary": "A made-up graph used to measure speed.",
        "entry": "n0",
        "regions": [{"id": r, "label": r.replace("-", " ").title()} for r in REGIONS],
        "steps": [
            {"id": f"s{s}", "title": f"Step {s}", "patient": "Plain words.", "unknowns": "Nothing is known."}
            for s in used_steps
        ],
        "nodes": nodes,
        "edges": edges,
        "glossary": [],
    }


def synthetic_yaml(n: int, seed: int = 0) -> str:
    return yaml.safe_dump(synthetic_document(n, seed), sort_keys=False, allow_unicode=True, width=100)
