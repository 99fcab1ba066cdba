"""The fact box as every output reads it: counts out of 1,000 from the data, the icon array's order, plain sources."""

from __future__ import annotations

from collections import Counter

from bench.catalogs import shared_catalog
from mechanisms.content.load import data_folder
from mechanisms.present.catalogue import words
from mechanisms.present.factbox import ICON_KINDS, fact_box, icon_cells

from .conftest import FIXTURES

EN = words("en")
CATALOG = shared_catalog(data_folder())
GRAPH = CATALOG.graphs["dry-needling"]
BOX = fact_box(GRAPH, CATALOG.references, EN)


def test_every_count_is_out_of_the_same_1000_and_reads_so():
    assert BOX is not None and BOX.per == 1000 and len(BOX.studies) == 2
    for study in BOX.studies:
        assert study.minor.count + study.serious.count + study.none.count == BOX.per
        for line in (study.minor, study.serious, study.none, *study.details):
            assert line.text == f"{line.count:,} in 1,000"
        assert all(detail.count <= study.minor.count for detail in study.details)


def test_the_counts_are_the_papers_own_per_1000_treatments():
    """Boyce 2020: 36.7 % minor, 20 major in 20,464 (about 1 in 1,000); Brady 2014: 19.18 % mild, none serious."""
    boyce, brady = BOX.studies
    assert (boyce.minor.count, boyce.serious.count) == (367, 1) and boyce.refs == ("boyce2020",)
    assert {d.label: d.count for d in boyce.details} == {"Some bleeding": 160, "A bruise": 77,
                                                         "Pain during needling": 59}
    assert (brady.minor.count, brady.serious.count) == (192, 0) and brady.refs == ("brady2014",)
    assert "2,500" in brady.serious.note, "none found is not zero risk: the upper bound is said"


def test_the_icon_array_fills_serious_first_then_minor_then_the_rest():
    cells = icon_cells(1, 367, 1000)
    assert len(cells) == 1000 and Counter(cells) == {"serious": 1, "minor": 367, "none": 632}
    assert cells[0] == "serious" and cells[1:368] == ["minor"] * 367 and set(cells[368:]) == {"none"}
    assert tuple(dict.fromkeys(cells)) == ICON_KINDS


def test_sources_and_how_sure_are_in_plain_words():
    for study in BOX.studies:
        assert study.source_note.startswith("Seen in people.") and "Source: " in study.source_note
    assert all(line.source_note.startswith("Summed up by reviews") for line in BOX.benefit)
    assert "1.5 points" in BOX.benefit[0].text and "neck pain" in BOX.benefit[0].text
    assert BOX.studies[0].alt.startswith("A small side effect: 367 in 1,000.")


def test_a_graph_without_a_fact_box_has_none():
    mini = shared_catalog(FIXTURES)
    graph = mini.graphs["mini"]
    assert graph.fact_box is None and fact_box(graph, mini.references) is None
