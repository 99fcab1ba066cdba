from __future__ import annotations

import json

from bench.catalogs import shared_catalog
from mechanisms.diagram.figure import build_figure, wrap_label
from mechanisms.diagram.layout import compute_layout
from mechanisms.diagram.style import BAND_CURRENT, BAND_FILLS
from mechanisms.present.highlight import Highlight, node_highlight

from .conftest import FIXTURES, ROOT

REAL = shared_catalog(ROOT / "data").graphs["dry-needling"]
MINI = shared_catalog(FIXTURES).graphs["mini"]


def traces(fig):
    return [t.to_plotly_json() for t in fig.data]


def node_trace(fig):
    return next(t for t in traces(fig) if t.get("name") == "mechanism")


def test_nodes_and_edges_carry_their_ids_for_clicks():
    fig = build_figure(REAL, compute_layout(REAL))
    assert list(node_trace(fig)["customdata"]) == [n.id for n in REAL.nodes]
    edge_ids = {c for t in traces(fig) if t.get("name") != "mechanism" for c in (t.get("customdata") or []) if c}
    assert edge_ids == {e.id for e in REAL.edges}


def test_edge_kinds_differ_by_dash_and_symbol_not_only_colour():
    fig = build_figure(REAL, compute_layout(REAL), audience="practitioner")
    legend = [t for t in traces(fig) if t.get("showlegend")]
    assert len(legend) == len({e.kind for e in REAL.edges})
    assert len({t["marker"]["symbol"] for t in legend}) == len(legend)
    decreasing = [t for t in legend if t["name"] in ("decreases", "inhibits")]
    assert all(t["line"]["dash"] != "solid" for t in decreasing), "less/blocked links are broken lines"


def test_a_patient_sees_three_kinds_of_link_told_apart_without_colour():
    fig = build_figure(REAL, compute_layout(REAL), audience="patient")
    legend = [t for t in traces(fig) if t.get("showlegend")]
    assert [t["name"] for t in legend] == ["leads to", "turns up", "turns down"]
    # In greyscale or to a colour-blind reader: each pair differs by its shape and by its dash or its end.
    looks = [(t["marker"]["symbol"], t["line"]["dash"]) for t in legend]
    assert len({symbol for symbol, _ in looks}) == 3
    assert looks[2][1] != "solid" and looks[0][1] == looks[1][1] == "solid"
    drawn = {t["line"]["dash"] for t in traces(fig) if t.get("mode") == "lines+markers" and not t.get("showlegend")}
    assert drawn <= {look[1] for look in looks}, "no line is drawn in a dash the legend does not name"
    markers = [t for t in traces(fig) if t.get("customdata") and t.get("name") != "mechanism"]
    assert {t["name"] for t in markers} == {"leads to", "turns up", "turns down"}
    by_id = {c: t["name"] for t in markers for c in t["customdata"] if c}
    assert by_id["needle-insertion->end-plate"] == "turns down", "'blocks' is drawn as turning down"
    assert by_id["periaqueductal-gray->descending-inhibition"] == "turns up", "'switches on' is drawn as turning up"


def test_selected_node_is_bigger_with_outlined_neighbours():
    fig = build_figure(REAL, compute_layout(REAL), node_highlight(REAL, "dorsal-horn"))
    t = node_trace(fig)
    i = REAL.nodes.index(REAL.node("dorsal-horn"))
    assert t["marker"]["size"][i] > min(t["marker"]["size"])
    j = REAL.nodes.index(REAL.node("peripheral-nociception"))
    k = REAL.nodes.index(REAL.node("side-effects"))
    assert t["marker"]["line"]["width"][j] > t["marker"]["line"]["width"][k]
    assert t["marker"]["opacity"][k] < t["marker"]["opacity"][j]


def test_step_focus_dims_the_rest():
    focus = frozenset(n.id for n in REAL.nodes_in_step("brain"))
    t = node_trace(build_figure(REAL, compute_layout(REAL), Highlight(focus=focus)))
    for n, opacity in zip(REAL.nodes, t["marker"]["opacity"], strict=False):
        assert (opacity == 1.0) == (n.id in focus)


def test_static_chart_for_phones():
    layout = build_figure(REAL, compute_layout(REAL)).layout
    assert layout.dragmode is False
    assert layout.xaxis.fixedrange and layout.yaxis.fixedrange
    assert layout.xaxis.range and layout.yaxis.range


def test_markup_in_labels_is_escaped():
    hostile = "<img src=x onerror=alert(1)>"
    nodes = [MINI.nodes[0].model_copy(update={"label": hostile}), *MINI.nodes[1:]]
    graph = MINI.model_copy(update={"nodes": nodes})
    fig = build_figure(graph, compute_layout(graph))
    dumped = json.dumps(fig.to_plotly_json())
    assert "<img" not in dumped
    assert "&lt;img src=x onerror=alert(1)&gt;" in dumped


def test_labels_wrap_short():
    assert all(len(line) <= 16 for line in wrap_label("Pain chemical in the spinal cord").split("<br>"))


def test_figure_serialises():
    assert json.loads(build_figure(MINI, compute_layout(MINI)).to_json())["layout"]["height"] > 100


def test_the_whole_picture_keeps_every_label_and_every_step_title():
    whole = build_figure(REAL, compute_layout(REAL))
    assert len(whole.layout.annotations) == len(REAL.nodes) + len(REAL.steps)


def _luminance(colour: str) -> float:
    r, g, b = (int(colour[i:i + 2], 16) / 255 for i in (1, 3, 5))
    f = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in (r, g, b)]
    return 0.2126 * f[0] + 0.7152 * f[1] + 0.0722 * f[2]


def _contrast(a: str, b: str) -> float:
    hi, lo = sorted((_luminance(a), _luminance(b)), reverse=True)
    return (hi + 0.05) / (lo + 0.05)


def _over(alpha: float, top: str, bottom: str) -> str:
    t = [int(top[i:i + 2], 16) for i in (1, 3, 5)]
    b = [int(bottom[i:i + 2], 16) for i in (1, 3, 5)]
    return "#" + "".join(f"{round(alpha * x + (1 - alpha) * y):02x}" for x, y in zip(t, b, strict=False))


def test_every_label_has_at_least_4_5_to_1_contrast_even_when_dimmed():
    focus = frozenset(n.id for n in REAL.nodes_in_step("brain"))
    fig = build_figure(REAL, compute_layout(REAL), Highlight(focus=focus))
    worst = 99.0
    for ann in fig.layout.annotations:
        if not ann.text:
            continue
        assert ann.opacity in (None, 1), "no transparent text"
        for fill in [*BAND_FILLS, BAND_CURRENT]:
            background = _over(0.92, "#FFFFFF", fill) if ann.bgcolor else fill
            worst = min(worst, _contrast(ann.font.color, background))
    assert worst >= 4.5


def test_step_figure_frames_the_highlighted_step_as_the_app_and_the_outputs_show_it():
    from mechanisms.diagram import framed, style
    from mechanisms.diagram.figure import framed_figure, step_figure
    from mechanisms.outputs.images import step_picture
    from mechanisms.present.highlight import highlight_of
    from mechanisms.present.view import View

    graph = shared_catalog(ROOT / "data").graphs["dry-needling"]
    layout = compute_layout(graph)
    view = View(graph.id, step=3, node=graph.nodes_in_step(graph.steps[2].id)[0].id)
    highlight = highlight_of(graph, view)
    for consult, font in ((False, style.LABEL_FONT_PX), (True, style.CONSULT_FONT_PX)):
        expected = framed_figure(graph, graph.steps[2].id, highlight, font_size=font)
        assert step_figure(graph, layout, highlight, consult=consult) == expected, consult
    whole = step_figure(graph, layout, highlight, "practitioner", whole=True)
    assert whole == build_figure(graph, layout, highlight, audience="practitioner")
    picture = step_picture(graph, 3, "practitioner")
    assert picture == step_figure(graph, layout, highlight_of(graph, View(graph.id, step=3, audience="practitioner")),
                                  "practitioner")
    # The offline page restyles each link: its steps are the same pictures, one trace per link.
    per_link = step_figure(graph, layout, highlight, per_link=True)
    assert per_link == framed_figure(graph, graph.steps[2].id, highlight, per_link=True)
    assert sum(1 for t in per_link.data if (t.name or "").startswith("link:")) == len(
        framed.own_graph(graph, graph.steps[2].id).edges)


def test_the_printed_key_names_only_the_kinds_the_audiences_picture_draws():
    from mechanisms.diagram.style import edge_key_sentence

    patient, practitioner = edge_key_sentence("patient"), edge_key_sentence("practitioner")
    assert patient.count("=") == 3 and practitioner.count("=") == 5
    assert "turns up" in patient and "dotted" not in patient and "dash-dot" not in patient


def test_a_framed_step_draws_its_own_links_and_says_in_words_where_the_others_go():
    from mechanisms.diagram import framed
    from mechanisms.diagram.figure import step_figure
    from mechanisms.present.highlight import highlight_of
    from mechanisms.present.view import View

    layout = compute_layout(REAL)
    for step, s in enumerate(REAL.steps, start=1):
        own = {n.id for n in REAL.nodes_in_step(s.id)}
        fig = step_figure(REAL, layout, highlight_of(REAL, View(REAL.id, step=step)))
        drawn = {c for t in traces(fig) if t.get("name") != "mechanism" for c in (t.get("customdata") or []) if c}
        expected = {e.id for e in REAL.edges if e.source in own and e.target in own}
        assert drawn == expected, step
        lines = sum(len([x for x in t["x"] if x is None]) for t in traces(fig)
                    if t.get("mode") == "lines+markers" and not t.get("showlegend") and not t.get("customdata"))
        assert lines == len(expected), f"step {step}: one line per link inside the step, no other"
        labels = {a.name: a.text for a in fig.layout.annotations}
        for node_id, note in framed.notes(REAL, s.id).items():
            elsewhere = {e.id for e in REAL.edges if (e.source == node_id) != (e.target == node_id) and
                         (e.source in own) != (e.target in own) and node_id in (e.source, e.target)}
            assert bool(note) == bool(elsewhere), (step, node_id)
            assert all(line in labels[node_id] for line in framed.note_lines(note)), (step, node_id)
    # The whole picture still draws every link.
    whole = build_figure(REAL, layout)
    drawn = {c for t in traces(whole) if t.get("name") != "mechanism" for c in (t.get("customdata") or []) if c}
    assert drawn == {e.id for e in REAL.edges}


def test_every_trace_of_every_framed_step_has_a_point_so_the_drawn_traces_keep_the_datas_indexes():
    # plotly.js draws no group for a trace without a point: a page (or a test) that finds trace i of the
    # data as the i-th drawn trace would then pick the wrong one (a browser test failed so).
    from mechanisms.diagram.figure import step_figure
    from mechanisms.present.highlight import highlight_of
    from mechanisms.present.view import View

    for graph in (REAL, REAL.core):
        layout = compute_layout(graph)
        for audience in ("patient", "practitioner"):
            for step in range(1, len(graph.steps) + 1):
                fig = step_figure(graph, layout, highlight_of(graph, View(graph.id, step=step, audience=audience)),
                                  audience)
                for t in traces(fig):
                    assert any(x is not None for x in t["x"]), (audience, step, t.get("name"))
