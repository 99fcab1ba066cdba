"""The offline page's data: every label, look and link it shows comes from the shared rules."""

from __future__ import annotations

import json
import re
from urllib.parse import parse_qsl

import pytest

from mechanisms.content.load import load_catalog
from mechanisms.diagram import style
from mechanisms.diagram.figure import node_marker
from mechanisms.diagram.layout import compute_layout
from mechanisms.outputs.standalone import TEMPLATES, build_html, page_data, page_figure, page_views
from mechanisms.present import wording
from mechanisms.present.audience import AUDIENCES, PRACTITIONER, node_label, story_nodes
from mechanisms.present.highlight import highlight_of, step_highlight
from mechanisms.present.links import view_query
from mechanisms.present.view import parse_view

from .conftest import FIXTURES, ROOT

CATALOG = load_catalog(ROOT / "data")
GRAPH = CATALOG.graphs["dry-needling"]


@pytest.fixture(scope="module")
def data() -> dict:
    return page_data(GRAPH, CATALOG.references, page_figure(GRAPH))


def test_a_step_is_dimmed_exactly_as_in_the_app(data):
    step1 = next(v for v in data["views"] if v["q"] == "graph=dry-needling&step=1")
    look = data["looks"][step1["look"]]
    marker = node_marker(GRAPH, step_highlight(GRAPH, 1))
    assert look["opacity"] == marker["opacity"] and look["size"] == marker["size"]
    assert style.DIM_OPACITY in look["opacity"], "the page used 0.3 of its own before"


def test_each_step_is_framed_and_its_links_alone_are_strong_as_in_the_app(data):
    fig = page_figure(GRAPH)
    assert len(data["frames"]) == len(GRAPH.steps) and data["frame_px"] == fig.layout.height
    positions = compute_layout(GRAPH).positions
    for index, (x0, x1, y0, y1) in enumerate(data["frames"]):
        for node in GRAPH.nodes_in_step(GRAPH.steps[index].id):
            x, y = positions[node.id]
            assert x0 < x < x1 and y0 < y < y1, node.id
    view = next(v for v in data["views"] if v["q"] == "graph=dry-needling&step=3")
    opacity = dict(zip((e.id for e in GRAPH.edges), data["looks"][view["look"]]["links"]["opacity"], strict=True))
    strong = {e.id for e in GRAPH.edges if highlight_of(GRAPH, parse_view({"step": "3"}, CATALOG.graphs,
                                                                          GRAPH.id)[0]).edge_strong(e)}
    assert strong and {e for e, o in opacity.items() if o > 0.5} == strong
    assert [fig.data[i].name for i in data["chart"]["link_traces"]] == [f"link:{e.id}" for e in GRAPH.edges]


def test_each_view_has_its_own_highlight_and_a_link_that_reopens_it(data):
    views = page_views(GRAPH)
    assert len(data["views"]) == len(views)
    for view, entry in zip(views, data["views"], strict=True):
        assert entry["q"] == view_query(view)
        assert parse_view(dict(parse_qsl(entry["q"])), CATALOG.graphs, GRAPH.id) == (view, [])
        expected = node_marker(GRAPH, highlight_of(GRAPH, view))["opacity"]
        assert data["looks"][entry["look"]]["opacity"] == expected


def test_labels_and_texts_follow_the_audience(data):
    pag = data["nodes"]["periaqueductal-gray"]
    node = GRAPH.node("periaqueductal-gray")
    assert {a: pag["label"][a] for a in AUDIENCES} == {a: node_label(node, a) for a in AUDIENCES}
    assert pag["text"][PRACTITIONER] == node.practitioner
    assert data["order"] == [n.id for n in story_nodes(GRAPH)], "the picker lists the story in order"
    assert data["labels"]["patient"]["plain"][GRAPH.nodes.index(node)].startswith("Brainstem")
    trace = data["chart"]["hover_traces"].index(data["chart"]["node_trace"])
    assert data["hover"][PRACTITIONER][trace][GRAPH.nodes.index(node)] == node.label, "hover words too"


def test_fixed_wording_is_the_shared_wording(data):
    assert data["disclaimer"] == wording.DISCLAIMER
    assert data["words"]["how_to_read"] == wording.HOW_TO_READ
    assert data["steps"][0]["heading"] == wording.step_heading(1, len(GRAPH.steps), GRAPH.steps[0].title)


def test_the_script_holds_no_style_numbers_of_its_own():
    script = (TEMPLATES / "standalone.js").read_text(encoding="utf-8")
    assert not re.search(r"(?<![\w.])(0\.\d+|28|38)(?![\w.])", script), "sizes and opacities come as data"
    assert "->" not in script, "edge ids are looked up, never taken apart"
    assert '"patient"' not in script and '"practitioner"' not in script, "audiences come as data"


def test_page_is_filled_completely():
    catalog = load_catalog(FIXTURES)
    html = build_html(catalog.graphs["mini"], catalog.references)
    assert not re.search(r"__(TITLE|STYLE|PLOT|DATA|TOUCH|SCRIPT)__", html)
    embedded = json.loads(html.split('id="graph-data">')[1].split("</script>")[0])
    assert embedded["title"] == "A tiny test graph"
    assert "__diagramTouchInstalled" in html, "the diagram's touch helper, shared with the app"
