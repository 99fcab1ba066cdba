"""Which label and text each audience sees: one rule, used by every output."""

from __future__ import annotations

from bench.catalogs import shared_catalog
from mechanisms.present.audience import (
    AUDIENCES,
    PATIENT,
    PRACTITIONER,
    cause_sentence,
    edge_sentence,
    effect_sentence,
    node_label,
    node_text,
    other_name,
    story_nodes,
)
from mechanisms.present.catalogue import words

from .conftest import ROOT

GRAPH = shared_catalog(ROOT / "data").graphs["dry-needling"]
PAG = GRAPH.node("periaqueductal-gray")


def test_patients_get_plain_labels_and_practitioners_technical_ones():
    assert node_label(PAG, PATIENT) == PAG.plain_label != PAG.label
    assert node_label(PAG, PRACTITIONER) == PAG.label
    assert other_name(PAG, PATIENT) == PAG.label and other_name(PAG, PRACTITIONER) is None
    plain_only = next(n for n in GRAPH.nodes if not n.plain_label)
    assert node_label(plain_only, PATIENT) == plain_only.label and other_name(plain_only, PATIENT) is None


def test_texts_follow_the_audience():
    assert node_text(PAG, PATIENT) == PAG.patient and node_text(PAG, PRACTITIONER) == PAG.practitioner


def test_a_link_reads_aloud_in_the_audience_words():
    edge = GRAPH.causes(PAG.id)[0]
    source = GRAPH.node(edge.source)
    assert edge_sentence(GRAPH, edge, PATIENT).startswith(node_label(source, PATIENT) + " ")
    assert edge_sentence(GRAPH, edge, PATIENT).endswith(" " + PAG.plain_label)
    assert cause_sentence(GRAPH, edge, PRACTITIONER).endswith(" this")
    assert effect_sentence(GRAPH, edge, PRACTITIONER).startswith("This ")


def test_audiences_are_named_once():
    assert AUDIENCES[0] == PATIENT and set(words().audience_names) == set(AUDIENCES)


def test_story_order_is_step_by_step():
    order = [GRAPH.step_index(n.step) for n in story_nodes(GRAPH)]
    assert order == sorted(order) and len(order) == len(GRAPH.nodes)


def test_a_links_heading_is_its_first_sentence_and_the_rest_follows():
    from mechanisms.content.load import data_folder
    from mechanisms.present.audience import edge_heading

    graph = shared_catalog(data_folder()).graphs["dry-needling"]
    edge = graph.edge("needle-insertion->soreness-after")
    heading, rest = edge_heading(graph, edge, "patient")
    assert heading == "Most people are sore after needling." and rest.startswith("It often starts within hours.")
    assert " ".join(edge.patient.split()) == f"{heading} {rest}"


def test_patients_follow_the_core_path_unless_they_ask_for_more():
    from mechanisms.content.load import data_folder
    from mechanisms.present.audience import PATIENT, PRACTITIONER, shown_graph

    graph = shared_catalog(data_folder()).graphs["dry-needling"]
    core = shown_graph(graph, PATIENT)
    assert core is graph.core and not any(n.detail for n in core.nodes)
    assert {n.id for n in graph.nodes} - {n.id for n in core.nodes} == {n.id for n in graph.nodes if n.detail}
    assert all(e.source in {n.id for n in core.nodes} and e.target in {n.id for n in core.nodes} for e in core.edges)
    assert [s.id for s in core.steps] == [s.id for s in graph.steps], "the same steps, so a link's step holds"
    assert shown_graph(graph, PATIENT, more=True) is graph
    assert shown_graph(graph, PRACTITIONER) is graph


def test_a_patients_picture_draws_three_kinds_and_a_practitioners_all_five():
    from mechanisms.present.audience import PLAIN_KINDS, drawn_kind, drawn_kinds

    kinds = list(PLAIN_KINDS)
    assert drawn_kinds(kinds, "patient") == ["leads_to", "increases", "decreases"]
    assert drawn_kinds(kinds, "practitioner") == kinds
    assert drawn_kind("inhibits", "patient") == "decreases" and drawn_kind("inhibits", "practitioner") == "inhibits"
    assert drawn_kind("activates", "patient") == "increases"

