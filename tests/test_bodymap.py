"""The body map's picture: one target per area to tap, its shapes filled when marked, front and back apart."""

from __future__ import annotations

from bench.catalogs import shared_catalog
from mechanisms.diagram.bodymap import AREA_FILL, AREA_MARKED, OUTLINE_FILL, body_figure

from .conftest import ROOT

TREATMENT = shared_catalog(ROOT / "data").graphs["dry-needling"].treatment


def test_one_target_per_area_taking_its_id():
    fig = body_figure(TREATMENT)
    [targets] = fig.data
    assert list(targets.customdata) == [a.id for a in TREATMENT.areas]
    assert list(targets.hovertext) == [a.label for a in TREATMENT.areas]


def test_marked_areas_are_filled_and_the_rest_are_not():
    fig = body_figure(TREATMENT, ("calf", "upper-back"))
    fills = [s.fillcolor for s in fig.layout.shapes]
    assert fills.count(OUTLINE_FILL) == len(TREATMENT.outline)
    marked = sum(len(a.shapes) for a in TREATMENT.areas if a.id in ("calf", "upper-back"))
    assert fills.count(AREA_MARKED) == marked
    assert fills.count(AREA_FILL) == sum(len(a.shapes) for a in TREATMENT.areas) - marked


def test_front_and_back_do_not_overlap_and_targets_sit_on_their_figure():
    fig = body_figure(TREATMENT)
    front = [s for s in fig.layout.shapes if s.x1 <= 100]
    back = [s for s in fig.layout.shapes if s.x0 >= 100]
    assert len(front) + len(back) == len(fig.layout.shapes), "every shape on one figure"
    for area, x, y in zip(TREATMENT.areas, fig.data[0].x, fig.data[0].y, strict=True):
        on_back = area.shapes[0].figure == "back"
        assert (x >= 100) == on_back, area.id
        assert any(s.x0 <= x <= s.x1 and s.y0 <= y <= s.y1 for s in fig.layout.shapes if s.fillcolor != OUTLINE_FILL)
