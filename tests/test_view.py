"""Links in, valid views out: anything unknown or hostile falls back to the start."""

from __future__ import annotations

from dataclasses import replace

from hypothesis import given, settings
from hypothesis import strategies as st

from bench.catalogs import shared_catalog
from mechanisms.content.load import data_folder
from mechanisms.present.links import to_params
from mechanisms.present.view import View, go_to_step, more_detail, parse_view, select_edge, select_node

from .conftest import FIXTURES

GRAPHS = shared_catalog(FIXTURES).graphs
MINI = GRAPHS["mini"]


def parse(**params):
    return parse_view(params, GRAPHS, "mini")


def test_no_parameters_is_the_start():
    assert parse() == (View(graph="mini"), [])


def test_valid_parameters_open_that_view():
    view, notices = parse(step="2", node="pain", audience="practitioner", mode="consult")
    assert view == View(graph="mini", step=2, node="pain", audience="practitioner", consult=True)
    assert notices == []


def test_a_node_implies_its_step():
    assert parse(node="pain")[0].step == 2


def test_an_edge_opens_the_link():
    assert parse(edge="needle->twitch")[0].edge == "needle->twitch"


@given(
    key=st.sampled_from(["graph", "step", "node", "edge", "audience", "mode"]),
    value=st.one_of(
        st.text(max_size=50),
        st.sampled_from(["0", "999", "-1", "abc", "٣", "<script>alert(1)</script>", '"><img src=x onerror=alert(1)>',
                         "x" * 10_000, "", " 1", "1.0", "needle\x00"]),
    ),
)
@settings(max_examples=300, database=None)
def test_any_value_gives_a_valid_view_and_echoes_nothing(key, value):
    view, notices = parse(**{key: value})
    assert view.graph == "mini"
    assert 1 <= view.step <= len(MINI.steps)
    assert view.node is None or MINI.node(view.node) is not None
    assert view.audience in ("patient", "practitioner")
    assert set(notices) <= {"graph", "step", "node", "edge", "audience", "mode"}


def test_bad_values_are_named_and_dropped():
    view, notices = parse(graph="nope", step="999", node="<script>", audience="admin", mode="x")
    assert view == View(graph="mini")
    assert notices == ["audience", "graph", "mode", "node", "step"]


def test_non_ascii_digits_are_not_a_step():
    assert parse(step="٣") == (View(graph="mini"), ["step"])


def test_repeated_keys_take_the_last_and_long_values_are_dropped():
    assert parse_view({"step": ["1", "2"]}, GRAPHS, "mini")[0].step == 2
    assert parse_view({"step": []}, GRAPHS, "mini")[0].step == 1
    assert parse(node="x" * 5000)[1] == ["node"]


@given(
    node=st.sampled_from([None, *[n.id for n in MINI.nodes]]),
    audience=st.sampled_from(["patient", "practitioner"]),
    consult=st.booleans(),
)
def test_params_round_trip(node, audience, consult):
    view = View(graph="mini", audience=audience, consult=consult)
    if node:
        view = select_node(view, MINI, node)
    assert parse_view(to_params(view), GRAPHS, "mini") == (view, [])


def test_steps_clamp_and_clear_the_selection():
    view = select_node(View(graph="mini"), MINI, "twitch")
    assert go_to_step(view, MINI, 99) == View(graph="mini", step=2)
    assert go_to_step(view, MINI, 0).step == 1


def test_selecting_follows_the_story():
    view = select_node(View(graph="mini"), MINI, "pain")
    assert (view.node, view.step) == ("pain", 2)
    assert select_node(view, MINI, "ghost") == view
    edge_view = select_edge(view, MINI, "needle->twitch")
    assert edge_view.edge == "needle->twitch" and edge_view.node is None


def test_consult_mode_turns_to_patient_words_and_keeps_them_when_turned_off():
    from mechanisms.present.view import consult_view

    practitioner = View("mini", step=2, audience="practitioner")
    on = consult_view(practitioner, True)
    assert on.consult and on.audience == "patient" and on.step == 2
    off = consult_view(replace(on, audience="practitioner"), False)
    assert not off.consult and off.audience == "practitioner"


REAL = shared_catalog(data_folder()).graphs["dry-needling"]
REALS = {REAL.id: REAL}
DETAIL = next(n for n in REAL.nodes if n.detail)


def test_more_detail_travels_in_the_link():
    view = View(graph=REAL.id, more=True)
    assert to_params(view)["detail"] == "more"
    assert parse_view(to_params(view), REALS, REAL.id) == (view, [])
    assert parse_view({"detail": "lots"}, REALS, REAL.id) == (View(graph=REAL.id), ["detail"])


def test_a_link_to_a_detail_part_turns_more_detail_on_for_a_patient():
    view, ignored = parse_view({"node": DETAIL.id}, REALS, REAL.id)
    assert view.more and view.node == DETAIL.id and ignored == []
    view, _ = parse_view({"node": DETAIL.id, "audience": "practitioner"}, REALS, REAL.id)
    assert not view.more, "practitioners see every part anyway"
    edge = next(e for e in REAL.edges if e.target == DETAIL.id)
    assert parse_view({"edge": edge.id}, REALS, REAL.id)[0].more


def test_turning_more_detail_off_lets_go_of_a_part_the_core_path_lacks():
    view = select_node(View(graph=REAL.id, more=True), REAL, DETAIL.id)
    off = more_detail(view, REAL, False)
    assert off.node is None and not off.more and off.step == view.step
    core_node = REAL.core.nodes[-1]
    kept = more_detail(select_node(View(graph=REAL.id, more=True), REAL, core_node.id), REAL, False)
    assert kept.node == core_node.id
