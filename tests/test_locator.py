"""Where in the body: the small picture of the back beside each step, its regions lit, and its caption."""

from __future__ import annotations

import base64
from xml.etree import ElementTree as ET

import pytest

from bench.catalogs import shared_catalog
from mechanisms.diagram import locator
from mechanisms.diagram.bodymap import OUTLINE_FILL
from mechanisms.diagram.figure import framed_figure
from mechanisms.present.catalogue import words
from mechanisms.present.highlight import highlight_of
from mechanisms.present.view import View

from .conftest import ROOT, problems_after_edit

REAL = shared_catalog(ROOT / "data").graphs["dry-needling"]
SVG = "{http://www.w3.org/2000/svg}"


def fills(svg: str) -> dict[str, set[str]]:
    """Each region's fills in the picture, and the silhouette's under '' ."""
    root = ET.fromstring(svg)
    found = {"": {e.get("fill") for e in root if e.tag != f"{SVG}g"}}
    for group in root.iter(f"{SVG}g"):
        found[group.get("data-region")] = {e.get("fill") for e in group}
    return found


@pytest.mark.parametrize("graph", [REAL, REAL.core], ids=["whole", "core"])
def test_every_step_lights_its_own_regions_and_keeps_the_others_faint(graph):
    for step in graph.steps:
        lit = locator.step_regions(graph, step.id)
        assert lit, f"step {step.id} has a place on the body"
        assert {r.id for r in lit} == {n.region for n in graph.nodes_in_step(step.id)}
        drawn = fills(locator.locator_svg(graph, lit))
        assert drawn[""] == {OUTLINE_FILL}, "the silhouette"
        for region in graph.regions:
            assert drawn[region.id] == {locator.LIT if region in lit else locator.UNLIT}, (step.id, region.id)
        order = [g for g in drawn if g]
        assert set(order[-len(lit):]) == {r.id for r in lit}, "lit ones drawn last, on top"


def test_the_picture_moves_with_the_story_from_the_muscle_to_the_brain():
    lit = [{r.id for r in locator.step_regions(REAL.core, s.id)} for s in REAL.core.steps]
    assert lit[0] == {"muscle"} and "nerves" in lit[4] and lit[5] == {"spinal-cord"} and "brain" in lit[6]
    assert len({frozenset(x) for x in lit}) >= 5, "the lit place changes as the story goes on"


def test_the_silhouette_is_the_body_maps_back_cut_to_the_head_and_trunk():
    root = ET.fromstring(locator.locator_svg(REAL, []))
    x, y, w, h = locator.VIEW
    assert root.get("viewBox") == f"{x:g} {y:g} {w:g} {h:g}"
    back = [s for s in REAL.treatment.outline if s.figure == "back" and s.y - s.h / 2 < y + h]
    outline = [e for e in root if e.tag != f"{SVG}g"]
    assert len(outline) == len(back), "every back shape in view, no front one"
    for e in outline:
        if e.tag == f"{SVG}rect":
            assert float(e.get("y")) >= y and float(e.get("y")) + float(e.get("height")) <= y + h, "cut to the view"


def test_the_caption_names_each_place_from_the_data():
    regions = locator.step_regions(REAL, "brain")
    lead, places = locator.caption(regions, words())
    assert lead == words().where_lead
    for region in regions:
        assert region.place in places
    assert places == words().joined([r.place for r in regions])


def test_a_page_gets_the_picture_as_an_image_with_its_caption_as_its_text_and_none_without_places():
    for step in REAL.core.steps:
        picture = locator.where(REAL.core, step.id, words())
        regions = locator.step_regions(REAL.core, step.id)
        assert picture.src.startswith("data:image/svg+xml;base64,")
        assert base64.b64decode(picture.src.split(",", 1)[1]).decode("utf-8") == locator.locator_svg(REAL.core, regions)
        assert (picture.lead, picture.places) == locator.caption(regions, words())
        assert picture.alt == f"{picture.lead} {picture.places}", "a screen reader hears the caption"
    bare = REAL.core.model_copy(update={"regions": [r.model_copy(update={"body": []}) for r in REAL.core.regions]})
    assert locator.where(bare, "twitch") is None


def test_the_diagram_keeps_its_height_for_the_parts():
    """The picture sits beside the step's text: a step's chart is no taller for it (a laptop's screen had no room)."""
    fig = framed_figure(REAL.core, "brain", highlight_of(REAL.core, View(REAL.id, step=7)))
    assert not fig.layout.images and all(a.name != "where" for a in fig.layout.annotations)


def test_a_region_shape_on_the_front_is_an_authors_located_problem(tmp_path):
    old = "      - {figure: back, shape: rect, x: 50, y: 54, w: 5, h: 48}"
    found = problems_after_edit(tmp_path, old, old.replace("back", "front"))
    assert len(found) == 1 and "region spinal-cord" in found[0] and "'front' figure" in found[0]
    assert "dry-needling.yaml:" in found[0], "with the file and line"
