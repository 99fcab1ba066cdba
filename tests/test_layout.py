from __future__ import annotations

import time
from pathlib import Path

from mechanisms.content.load import load_catalog, load_graph, load_references
from mechanisms.diagram.layout import causal_depth, compute_layout
from mechanisms.synthetic import synthetic_yaml

from .conftest import FIXTURES, ROOT

REAL = load_catalog(ROOT / "data").graphs["dry-needling"]


def test_every_node_sits_in_its_region_band():
    layout = compute_layout(REAL)
    bands = {b.id: b for b in layout.bands}
    assert set(layout.positions) == {n.id for n in REAL.nodes}
    for node in REAL.nodes:
        x, y = layout.positions[node.id]
        assert bands[node.region].top < y < bands[node.region].bottom
        assert 0 <= x <= layout.per_row - 1


def test_bands_follow_the_region_order_top_to_bottom():
    layout = compute_layout(REAL)
    assert [b.id for b in layout.bands] == [r.id for r in REAL.regions]
    assert all(a.bottom <= b.top for a, b in zip(layout.bands, layout.bands[1:], strict=False))


def test_no_two_nodes_share_a_place_and_rows_hold_per_row():
    layout = compute_layout(REAL, per_row=3)
    spots = list(layout.positions.values())
    assert len(set(spots)) == len(spots)
    rows: dict[float, int] = {}
    for _, y in spots:
        rows[y] = rows.get(y, 0) + 1
    assert max(rows.values()) <= 3


def test_causes_come_before_effects():
    depth = causal_depth(REAL)
    for edge in REAL.edges:
        if not edge.feedback:
            assert depth[edge.source] < depth[edge.target], edge.id


def test_large_graph_is_laid_out_quickly(tmp_path: Path):
    path = tmp_path / "synthetic-1000.yaml"
    path.write_text(synthetic_yaml(1000), encoding="utf-8")
    graph = load_graph(path, load_references(FIXTURES / "references.csl.json"))
    start = time.perf_counter()
    layout = compute_layout(graph)
    assert time.perf_counter() - start < 1.0
    assert len(layout.positions) == 1000
