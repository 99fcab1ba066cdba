from __future__ import annotations

import time
from pathlib import Path

import pytest

from bench.catalogs import shared_catalog
from bench.synthetic import synthetic_yaml
from mechanisms.content.load import load_graph, load_references
from mechanisms.diagram.layout import MAX_PER_LAYER, assign_layers, causal_depth, compute_layout
from mechanisms.diagram.quality import measure
from mechanisms.present.audience import AUDIENCES

from .conftest import FIXTURES, ROOT

REAL = shared_catalog(ROOT / "data").graphs["dry-needling"]


def test_every_node_sits_in_its_steps_band_in_story_order():
    layout = compute_layout(REAL)
    bands = {b.id: b for b in layout.bands}
    assert [b.id for b in layout.bands] == [s.id for s in REAL.steps]
    assert all(a.bottom <= b.top for a, b in zip(layout.bands, layout.bands[1:], strict=False))
    assert set(layout.positions) == {n.id for n in REAL.nodes}
    for node in REAL.nodes:
        x, y = layout.positions[node.id]
        assert bands[node.step].top < y < bands[node.step].bottom, node.id
        assert 0 <= x <= layout.width


def test_inside_a_step_causes_sit_above_effects_and_rows_hold_at_most_three():
    layer, _ = assign_layers(REAL)
    for edge in REAL.edges:
        source, target = REAL.node(edge.source), REAL.node(edge.target)
        if source.step == target.step and not edge.feedback:
            assert layer[edge.source] < layer[edge.target], edge.id
    rows: dict[int, int] = {}
    for value in layer.values():
        rows[value] = rows.get(value, 0) + 1
    assert max(rows.values()) <= MAX_PER_LAYER


@pytest.mark.parametrize(("graph", "widest"), [(REAL, 860), (REAL.core, 760)], ids=["whole", "core path"])
def test_the_whole_picture_is_readable_for_both_audiences(graph, widest):
    """The issue's targets, measured on the drawn geometry (figures also printed by the bench).

    The core path is what patients see first and must fit a desktop chart at full label size; the
    whole graph (practitioners, or 'more detail') is wider because the chemistry step's long links
    need lanes, and may be scaled down a little."""
    layout = compute_layout(graph)
    for audience in AUDIENCES:
        quality = measure(graph, layout, audience)
        assert quality.crossings <= 10, quality
        assert quality.overlapping_links == 0, quality
        assert quality.pass_throughs == 0, quality
        assert quality.label_overlaps == 0, quality
        assert quality.close_markers == 0, quality
    assert layout.width <= widest


def test_the_same_graph_gives_the_same_picture():
    assert compute_layout(REAL) == compute_layout(REAL.model_copy())


def test_the_needles_long_links_start_from_stubs_above_their_targets():
    layout = compute_layout(REAL)
    needle = {(e.source, e.target) for e in REAL.edges if e.source == "needle-insertion"}
    assert layout.stubs and layout.stubs <= needle
    for source, target in layout.stubs:
        start, end = layout.route(source, target)[0], layout.route(source, target)[-1]
        assert end == layout.positions[target] and start[1] < end[1]


def test_causes_come_before_effects():
    depth = causal_depth(REAL)
    for edge in REAL.edges:
        if not edge.feedback:
            assert depth[edge.source] < depth[edge.target], edge.id


def test_large_graph_is_laid_out_in_under_half_a_second(tmp_path: Path):
    path = tmp_path / "synthetic-1000.yaml"
    path.write_text(synthetic_yaml(1000), encoding="utf-8")
    graph = load_graph(path, load_references(FIXTURES / "references.csl.json"))
    best = float("inf")
    for _ in range(2):
        # The layout's own CPU time: wall-clock time also counts the waits for a CPU other processes hold.
        start = time.process_time()
        layout = compute_layout(graph)
        best = min(best, time.process_time() - start)
    assert best < 0.5 * 1.5, f"{best:.2f} s of CPU (target 0.5 s; slack for a slower CI machine)"
    assert len(layout.positions) == 1000
