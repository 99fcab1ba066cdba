"""The handout's fact box: each study's icon array of 1,000 squares side by side, its counts and the benefit.

The squares are drawn as vector rectangles in the order `present.factbox.icon_cells` gives (the same as the
app and the patient page), coloured from `diagram.style.ICON_FILLS`, each outlined so it prints in black and white.
"""

from __future__ import annotations

import math

from ..diagram.style import ICON_EDGE, ICON_FILLS
from ..present.factbox import ICON_COLUMNS, FactBoxView, FactLine, FactStudyView, icon_cells
from .pdf_page import HandoutPage

ICON_PITCH_MM = 1.9
"""Distance between two squares' corners: 40 squares make a 76 mm row, two studies fit side by side on A4."""
ICON_GAP_MM = 0.35
COLUMN_GAP_MM = 8.0


def _rgb(colour: str) -> tuple[int, int, int]:
    value = colour.lstrip("#")
    return int(value[0:2], 16), int(value[2:4], 16), int(value[4:6], 16)


def icon_array(pdf: HandoutPage, study: FactStudyView, per: int, x: float, y: float) -> float:
    """The study's squares at (x, y), row by row; returns the array's foot."""
    pdf.set_line_width(0.1)
    pdf.set_draw_color(*_rgb(ICON_EDGE))
    side = ICON_PITCH_MM - ICON_GAP_MM
    for i, kind in enumerate(icon_cells(study.serious.count, study.minor.count, per)):
        pdf.set_fill_color(*_rgb(ICON_FILLS[kind]))
        row, column = divmod(i, ICON_COLUMNS)
        pdf.rect(x + column * ICON_PITCH_MM, y + row * ICON_PITCH_MM, side, side, style="FD")
    pdf.set_draw_color(0)
    return y + math.ceil(per / ICON_COLUMNS) * ICON_PITCH_MM


def _key_line(pdf: HandoutPage, line: FactLine, kind: str | None, x: float, width: float) -> None:
    """A legend line: its square (if it is drawn in the array), its label and count, its note below, smaller."""
    if kind is not None:
        pdf.set_line_width(0.2)
        pdf.set_draw_color(*_rgb(ICON_EDGE))
        pdf.set_fill_color(*_rgb(ICON_FILLS[kind]))
        pdf.rect(x, pdf.get_y() + 0.6, 3.2, 3.2, style="FD")
        pdf.set_draw_color(0)
    indent = 5.0 if kind is not None else 2.0
    pdf.set_xy(x + indent, pdf.get_y())
    pdf.set_font("DejaVu", "B", 9.5)
    pdf.multi_cell(width - indent, 4.4, f"{line.label}: {line.text}", new_x="LEFT", new_y="NEXT", align="L")
    if line.note:
        pdf.set_font("DejaVu", "", 8.5)
        pdf.multi_cell(width - indent, 3.9, line.note, new_x="LEFT", new_y="NEXT", align="L")
    pdf.ln(1)


def _study(pdf: HandoutPage, box: FactBoxView, study: FactStudyView, x: float, top: float, width: float) -> float:
    """One study's column: its name, its icon array, what each colour counts, which small effects; returns its foot."""
    pdf.set_xy(x, top)
    pdf.set_font("DejaVu", "B", 10.5)
    pdf.multi_cell(width, 5, study.name, new_x="LEFT", new_y="NEXT", align="L")
    pdf.set_y(icon_array(pdf, study, box.per, x, pdf.get_y() + 1) + 2)
    for line, kind in ((study.serious, "serious"), (study.minor, "minor"), (study.none, "none")):
        _key_line(pdf, line, kind, x, width)
    if study.details:
        pdf.set_x(x)
        pdf.set_font("DejaVu", "", 8.5)
        pdf.multi_cell(width, 3.9, box.details_heading + ":", new_x="LEFT", new_y="NEXT", align="L")
        for line in study.details:
            pdf.set_x(x + 2)
            pdf.multi_cell(width - 2, 3.9, f"• {line.label}: {line.text}", new_x="LEFT", new_y="NEXT", align="L")
    pdf.set_font("DejaVu", "", 8)
    pdf.set_x(x)
    pdf.multi_cell(width, 3.7, study.source_note, new_x="LEFT", new_y="NEXT", align="L")
    return pdf.get_y()


def fact_box(pdf: HandoutPage, box: FactBoxView | None, sources: bool = True) -> None:
    """The fact box in an outlined frame: title, introduction, the studies side by side, the benefit below."""
    if box is None:
        return
    pdf.heading(box.title, 15, space_before=0)
    pdf.para(box.intro, 10)
    top = pdf.get_y() + 1
    width = (pdf.epw - COLUMN_GAP_MM * (len(box.studies) - 1)) / len(box.studies)
    feet = [_study(pdf, box, study, pdf.l_margin + i * (width + COLUMN_GAP_MM), top, width)
            for i, study in enumerate(box.studies)]
    pdf.set_y(max(feet) + 3)
    pdf.heading(box.benefit_title, 12, space_before=1)
    for line in box.benefit:
        pdf.para(line.text, 10, lead="•", after=0.8)
        if sources and line.source_note:
            pdf.aside(line.source_note, 8)
