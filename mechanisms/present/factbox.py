"""The fact box (risks and benefits out of 1,000 treatments) as every output shows it.

The app, the patient page, the offline page and the PDF all read these values and draw the icon array in
the order `icon_cells` gives, so a count, a label or a source can never differ between them.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from ..content.citations import short_citation
from ..content.model import FactCount, Graph, GuideItem
from .catalogue import Words, or_english
from .guide import GuideLine, guide_line, source_note

ICON_COLUMNS = 40
"""Squares per row of an icon array: 1,000 treatments make 25 rows of 40, wide enough to read on a phone."""
ICON_KINDS = ("serious", "minor", "none")
"""The kinds of square, in the order they fill the array: the rare serious one first, where the eye starts."""


@dataclass(frozen=True)
class FactLine:
    """One count as read: 'A bruise', 77, '77 in 1,000', and what a reader must know beside it."""

    label: str
    count: int
    text: str
    note: str = ""


@dataclass(frozen=True)
class FactStudyView:
    """One study as read: its name, how sure and from where, the two counts the icon array draws, the details."""

    name: str
    source_note: str
    refs: tuple[str, ...]
    minor: FactLine
    serious: FactLine
    none: FactLine
    details: tuple[FactLine, ...]

    @property
    def alt(self) -> str:
        """The icon array in words, for a screen reader and a text-only copy."""
        return " ".join(f"{line.label}: {line.text}." for line in (self.minor, self.serious, self.none))


@dataclass(frozen=True)
class FactBoxView:
    """The whole box as read: title, introduction, the studies, the benefit, the words of its legend."""

    title: str
    intro: str
    per: int
    studies: tuple[FactStudyView, ...]
    benefit_title: str
    benefit: tuple[GuideLine, ...]
    details_heading: str


def icon_cells(serious: int, minor: int, per: int) -> list[str]:
    """The kind of each square of an icon array, row by row: serious first, then minor, then none."""
    return ["serious"] * serious + ["minor"] * minor + ["none"] * (per - serious - minor)




def _line(count: FactCount, per: int, w: Words) -> FactLine:
    return FactLine(count.label, count.count, w.fact_count(count.count, per), count.note or "")


def _benefit(item: GuideItem, references: Mapping[str, Mapping[str, Any]], w: Words) -> GuideLine:
    """A benefit line as the guide reads a fact."""
    return guide_line(item, "facts", references, words=w)


def fact_box(graph: Graph, references: Mapping[str, Mapping[str, Any]],
             words: Words | None = None) -> FactBoxView | None:
    """The graph's fact box in the reader's words, or None when the graph has none."""
    box = graph.fact_box
    if box is None:
        return None
    w = or_english(words)
    studies = []
    for study in box.studies:
        sources = tuple(short_citation(r, references) for r in study.citations)
        rest = box.per - study.minor.count - study.serious.count
        studies.append(FactStudyView(
            name=study.name, source_note=source_note("facts", study.evidence, sources, w),
            refs=tuple(study.citations), minor=_line(study.minor, box.per, w), serious=_line(study.serious, box.per, w),
            none=FactLine(w.fact_none, rest, w.fact_count(rest, box.per)),
            details=tuple(_line(d, box.per, w) for d in study.details),
        ))
    return FactBoxView(
        title=box.title, intro=" ".join(box.intro.split()), per=box.per, studies=tuple(studies),
        benefit_title=box.benefit_title,
        benefit=tuple(_benefit(item, references, w) for item in box.benefit),
        details_heading=w.fact_details,
    )
