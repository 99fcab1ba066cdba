"""Today's treatment: the body-map areas in the link, read back in plain words with their cautions."""

from __future__ import annotations

from urllib.parse import parse_qsl

import pytest

from bench.catalogs import shared_catalog
from mechanisms.content.readability import hard_sentences
from mechanisms.present.catalogue import words
from mechanisms.present.links import to_params, view_query
from mechanisms.present.treatment import joined, today_sentence, treatment_chapter
from mechanisms.present.view import View, parse_view, set_treatment, toggle_area

from .conftest import ROOT, problems_after_edit

EN = words("en")
CATALOG = shared_catalog(ROOT / "data")
GRAPH = CATALOG.graphs["dry-needling"]
GRAPHS = {GRAPH.id: GRAPH}
AREAS = [a.id for a in GRAPH.treatment.areas]


def test_the_map_has_the_areas_a_physio_needles_on_front_and_back():
    labels = {a.id: a.label for a in GRAPH.treatment.areas}
    for wanted in ("neck-shoulders", "upper-back", "low-back", "buttock-hip", "calf", "forearm", "jaw-face", "chest"):
        assert wanted in labels, wanted
    figures = {s.figure for a in GRAPH.treatment.areas for s in a.shapes}
    assert figures == {"front", "back"}


def test_areas_travel_in_the_link_in_the_datas_order():
    view = set_treatment(View(GRAPH.id, step=4), GRAPH, ["calf", "upper-back"], options=("estim",))
    assert view.areas == ("upper-back", "calf")
    assert to_params(view)["areas"] == "upper-back,calf" and to_params(view)["estim"] == "yes"
    assert parse_view(dict(parse_qsl(view_query(view))), GRAPHS, GRAPH.id) == (
        View(GRAPH.id, step=4, areas=("upper-back", "calf"), options=("estim",)), [])


@pytest.mark.parametrize(("areas", "kept"), [
    ("upper-back,<script>", ("upper-back",)),
    ("nowhere", ()),
    (",,calf,,", ("calf",)),
    ("calf,calf", ("calf",)),
])
def test_a_tampered_link_keeps_only_known_areas(areas, kept):
    view, notices = parse_view({"areas": areas}, GRAPHS, GRAPH.id)
    assert view.areas == kept
    assert ("areas" in notices) == any(a and a not in AREAS for a in areas.split(","))


def test_a_tap_toggles_an_area():
    view = toggle_area(View(GRAPH.id), GRAPH, "calf")
    assert view.areas == ("calf",)
    assert toggle_area(view, GRAPH, "calf").areas == ()
    assert toggle_area(view, GRAPH, None) == view and toggle_area(view, GRAPH, "nowhere").areas == ("calf",)


def test_the_sentence_says_where_and_whether_a_current_was_used():
    assert joined(["calf"]) == "calf" and joined(["a", "b"]) == "a and b" and joined(["a", "b", "c"]) == "a, b and c"
    view = View(GRAPH.id, areas=("upper-back", "calf"))
    assert today_sentence(GRAPH, view) == "Today your physio put needles in your upper back and calf."
    with_current = today_sentence(GRAPH, View(GRAPH.id, areas=("calf",), options=("estim",)))
    assert with_current.endswith(GRAPH.treatment.options[0].sentence)
    assert today_sentence(GRAPH, View(GRAPH.id)) is None


def test_each_caution_is_said_once_in_the_datas_order_with_its_sources():
    """Areas near a lung bring the lung caution, areas beside the spine the spine caution; each once, however many
    areas carry it, lung first (the order of `cautions:` in the data)."""
    chest = treatment_chapter(GRAPH, View(GRAPH.id, areas=("chest", "upper-back")), CATALOG.references)
    [block] = chest.blocks
    assert block.kind == "warnings" and len(block.lines) == 2, "two cautions, each once"
    lung, spine = block.lines
    assert "lung" in lung.text and "urgent help" in lung.text and lung.mark == "\u26a0"
    assert "a day or two later" in lung.text, "a collapsed lung can show after the visit"
    assert lung.refs == ("patel2019", "weagle2021", "mintken2025") and "Patel 2019" in lung.source_note
    assert "spinal cord" in spine.text and "urgent help" in spine.text and "epiduralhematoma2011" in spine.refs
    only_chest = treatment_chapter(GRAPH, View(GRAPH.id, areas=("chest",)), CATALOG.references)
    assert [line.refs for line in only_chest.blocks[0].lines] == [lung.refs], "the chest: the lung only"
    low_back = treatment_chapter(GRAPH, View(GRAPH.id, areas=("low-back",)), CATALOG.references)
    assert [line.text for line in low_back.blocks[0].lines] == [spine.text], "the lower back: the spine only"
    calf = treatment_chapter(GRAPH, View(GRAPH.id, areas=("calf",)), CATALOG.references)
    assert calf.blocks == () and EN.today_aftercare in calf.intro


def test_a_caution_names_the_clinics_emergency_number_or_asks_for_the_local_one():
    from mechanisms.content.clinic import Clinic

    view = View(GRAPH.id, areas=("neck-shoulders",))
    with_number = treatment_chapter(GRAPH, view, CATALOG.references, Clinic("Riverside", emergency="999"))
    without = treatment_chapter(GRAPH, view, CATALOG.references, None)
    for block_with, block_without in zip(with_number.blocks, without.blocks, strict=True):
        for a, b in zip(block_with.lines, block_without.lines, strict=True):
            assert "call 999." in a.text and "{" not in a.text
            assert "call your local emergency number." in b.text and "{" not in b.text


def test_every_sentence_a_patient_reads_about_today_is_plain():
    """Whatever the physio marks, one area, any two, or all of them, with or without a current."""
    from itertools import combinations

    marks = [tuple(AREAS)] + [(a,) for a in AREAS] + list(combinations(AREAS, 2))
    for areas in marks:
        chapter = treatment_chapter(GRAPH, View(GRAPH.id, areas=areas, options=("estim",)), CATALOG.references)
        for text in [chapter.intro, *(line.text for block in chapter.blocks for line in block.lines)]:
            assert list(hard_sentences(text)) == [], text


def test_many_areas_are_said_a_few_at_a_time():
    sentence = today_sentence(GRAPH, View(GRAPH.id, areas=tuple(AREAS)))
    assert sentence.startswith("Today your physio put needles in your jaw and face, chest and forearm.")
    assert sentence.count(".") == 4, "eleven areas in four short sentences"
    assert all(a.label in sentence for a in GRAPH.treatment.areas)


@pytest.mark.parametrize(("change", "expected"), [
    (("      cautions: [lung]\n      shapes:\n        - {figure: front, shape: rect, x: 50, y: 44",
      "      cautions: [lungs]\n      shapes:\n        - {figure: front, shape: rect, x: 50, y: 44"),
     "body area chest: unknown caution 'lungs' (known: lung, spine)"),
    (("      citations: [patel2019, weagle2021, mintken2025]\n    - id: spine",
      "      citations: [patel2099, weagle2021, mintken2025]\n    - id: spine"),
     "caution lung: unknown reference 'patel2099'"),
    (("{figure: back, shape: rect, x: 50, y: 51", "{figure: side, shape: rect, x: 50, y: 51"), "figure: "),
])
def test_a_wrong_body_map_gives_the_author_a_located_line(tmp_path, change, expected):
    problems = problems_after_edit(tmp_path, *change)
    assert len(problems) == 1 and expected in problems[0], problems
    assert problems[0].split(":")[1].isdigit(), "with its line"
