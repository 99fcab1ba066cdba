"""What a view draws strongly: one rule for the app, the images and the offline page."""

from __future__ import annotations

from dataclasses import replace

from bench.catalogs import shared_catalog
from mechanisms.present.highlight import edge_highlight, highlight_of, node_highlight, step_highlight
from mechanisms.present.view import View

from .conftest import FIXTURES

GRAPH = shared_catalog(FIXTURES).graphs["mini"]


def test_a_step_focuses_its_own_nodes():
    assert step_highlight(GRAPH, 1).focus == {"needle", "twitch"}
    assert highlight_of(GRAPH, View("mini", step=2)) == replace(step_highlight(GRAPH, 2), band=GRAPH.steps[1].id)


def test_every_view_shades_its_steps_band():
    assert highlight_of(GRAPH, View("mini", step=2, node="needle")).band == GRAPH.steps[1].id


def test_a_node_brings_its_causes_and_effects():
    h = node_highlight(GRAPH, "twitch")
    assert h.node == "twitch" and h.neighbours == {"needle", "pain"} and h.focus == {"twitch", "needle", "pain"}
    edges = {e.id: h.edge_strong(e) for e in GRAPH.edges}
    assert edges == {"needle->twitch": True, "twitch->pain": True, "needle->calm": False}


def test_a_link_focuses_its_two_ends_and_only_itself():
    h = edge_highlight(GRAPH, "twitch->pain")
    assert h.focus == {"twitch", "pain"}
    assert [e.id for e in GRAPH.edges if h.edge_strong(e)] == ["twitch->pain"]


def test_a_selection_wins_over_the_step():
    assert highlight_of(GRAPH, View("mini", step=2, node="needle")).node == "needle"
    assert highlight_of(GRAPH, View("mini", step=2, edge="needle->twitch")).edge == "needle->twitch"
