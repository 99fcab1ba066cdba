"""A step drawn on its own: nothing on anything, its own links only, and words for the links to other steps."""

from __future__ import annotations

import itertools
import math

import pytest

from bench.catalogs import shared_catalog
from mechanisms.content.model import Edge
from mechanisms.diagram import framed, style
from mechanisms.diagram.figure import framed_figure, step_box
from mechanisms.diagram.quality import measure
from mechanisms.present.catalogue import words
from mechanisms.present.highlight import highlight_of
from mechanisms.present.view import View

from .conftest import ROOT

REAL = shared_catalog(ROOT / "data").graphs["dry-needling"]
FONTS = (style.LABEL_FONT_PX, style.PRINT_FONT_PX, style.CONSULT_FONT_PX)


def drawn(graph, step_id: str, audience: str, font: int):
    own = framed.own_graph(graph, step_id)
    notes = framed.notes(graph, step_id)
    return own, notes, framed.step_layout(own, framed.label_depths(own, audience, notes, font))


@pytest.mark.parametrize("graph", [REAL, REAL.core], ids=["more-detail", "core"])
def test_no_step_has_a_label_on_a_label_or_a_circle_nor_a_line_through_either(graph):
    for step, audience, font in itertools.product(graph.steps, ("patient", "practitioner"), FONTS):
        own, notes, layout = drawn(graph, step.id, audience, font)
        q = measure(own, layout, audience, font, notes)
        where = (step.id, audience, font)
        assert (q.label_overlaps, q.pass_throughs, q.crossings, q.overlapping_links) == (0, 0, 0, 0), (where, q)
        assert q.close_markers == 0, where
        assert len({y for _, y in layout.positions.values()}) == math.ceil(len(own.nodes) / framed.PER_ROW), where
        x0, x1, _, _ = step_box(layout)
        assert all(x0 < x < x1 for route in layout.routes.values() for x, _ in route), where


def test_parts_read_like_a_page_each_after_its_causes_two_to_a_row():
    for graph in (REAL, REAL.core):
        for step in graph.steps:
            own = framed.own_graph(graph, step.id)
            order = framed.story_order(own)
            assert sorted(order) == sorted(n.id for n in graph.nodes_in_step(step.id))
            for edge in own.edges:
                assert order.index(edge.source) < order.index(edge.target), (step.id, edge.id)
            assert all(len(row) <= 2 for row in framed.rows_of(order))


def test_a_step_draws_only_its_own_links_and_every_one_of_them():
    for step in REAL.steps:
        own = framed.own_graph(REAL, step.id)
        members = {n.id for n in REAL.nodes_in_step(step.id)}
        assert {n.id for n in own.nodes} == members
        assert {e.id for e in own.edges} == {e.id for e in REAL.edges if e.source in members and e.target in members}


def test_each_part_names_the_other_steps_its_links_come_from_and_go_to():
    number = {n.id: REAL.step_index(n.step) + 1 for n in REAL.nodes}
    w = words()
    for step in REAL.steps:
        members = {n.id for n in REAL.nodes_in_step(step.id)}
        notes = framed.notes(REAL, step.id, w)
        for node_id in members:
            came = sorted({number[e.source] for e in REAL.edges if e.target == node_id and e.source not in members})
            goes = sorted({number[e.target] for e in REAL.edges if e.source == node_id and e.target not in members})
            expected = ([w.came_from(came)] if came else []) + ([w.goes_to(goes)] if goes else [])
            assert notes[node_id] == expected, (step.id, node_id)
    # The needle reaches every later step; the outcomes come from several.
    assert framed.notes(REAL, "sore-spot")["needle-insertion"] == ["to steps 2 to 8"]
    assert framed.notes(REAL, "outcomes")["pain"] == ["from steps 1, 6 and 7"]


def test_a_notes_list_of_steps_is_never_broken_across_lines():
    assert framed.note_lines(["from steps 1, 6 and 7"]) == ["from steps", "1,\u00a06\u00a0and\u00a07"]
    assert framed.note_lines(["to step 3"]) == ["to step 3"]


def test_a_link_that_skips_a_row_goes_round_by_the_side_through_nothing():
    brain = framed.own_graph(REAL, "brain")
    first, last = framed.story_order(brain)[0], framed.story_order(brain)[-1]
    extra = Edge(source=first, target=last, kind="increases", evidence="proposed mechanism")
    own = brain.model_copy(update={"edges": [*brain.edges, extra]})
    layout = framed.step_layout(own, framed.label_depths(own, "patient", {}, style.LABEL_FONT_PX))
    route = layout.route(first, last)
    assert any(x < 0 or x > layout.width for x, _ in route), route
    q = measure(own, layout)
    assert (q.pass_throughs, q.label_overlaps) == (0, 0), q


def test_the_figure_draws_the_step_at_one_pixel_per_unit_with_its_notes_under_the_labels():
    for step_no, step in enumerate(REAL.core.steps, start=1):
        graph = REAL.core
        fig = framed_figure(graph, step.id, highlight_of(graph, View(graph.id, step=step_no)))
        x0, x1 = fig.layout.xaxis.range
        bottom, top = fig.layout.yaxis.range
        plot_px = fig.layout.height - fig.layout.margin.t - fig.layout.margin.b
        assert abs(plot_px - (bottom - top)) <= 1, step.id
        assert bottom - top >= 240 - 1, "a one-part step still reads as a picture"
        for node_id, x, y in zip(fig.data[-1].customdata, fig.data[-1].x, fig.data[-1].y, strict=True):
            assert x0 < x < x1 and top < y < bottom, (step.id, node_id)
        texts = {a.name: a.text for a in fig.layout.annotations}
        assert set(texts) == {n.id for n in graph.nodes_in_step(step.id)}, "a label per part, no band title"
        for node_id, note in framed.notes(graph, step.id).items():
            for line in framed.note_lines(note):
                assert line in texts[node_id], (node_id, line)
        assert not any(t.get("name") == "stub" for t in (d.to_plotly_json() for d in fig.data))
    snug = framed_figure(REAL.core, "twitch", highlight_of(REAL.core, View(REAL.id, step=2)), snug=True)
    bottom, top = snug.layout.yaxis.range
    assert bottom - top < 200 and not snug.layout.showlegend, "the short handout's picture keeps no spare room"
