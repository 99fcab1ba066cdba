"""The handout's soreness diary: a grid to fill in by hand, a row a day.

Each row has the day and a line for the date, 0 to 10 to circle, three boxes to tick for the usual pain
(better, same, worse) and room for a note. What to rate is the graph's data (`diary:`); the grid's own words
are the catalogue's.
"""

from __future__ import annotations

from ..content.model import Diary
from ..present.catalogue import Words
from .pdf_page import HandoutPage

DIARY_ROW_MM = 13.0
"""Height of a diary row: room to circle a number and write a short note by hand."""
DIARY_MM = (20.0, 6.2, 12.0)
"""Widths of the diary's day column, of each number of the 0 to 10 scale, and of each usual-pain box column."""


def _diary_columns(pdf: HandoutPage) -> tuple[float, float, float, float]:
    """Where the diary's four column groups start: day, the 0 to 10 scale, the usual pain, the notes."""
    day, cell, tick = DIARY_MM
    start = pdf.l_margin
    return start, start + day, start + day + 11 * cell, start + day + 11 * cell + 3 * tick


def _diary_header(pdf: HandoutPage, diary: Diary, w: Words, y: float) -> float:
    """The diary's two header rows (what to rate, the usual pain and its three choices, notes); returns their foot."""
    day_x, scale_x, usual_x, notes_x = _diary_columns(pdf)
    widths = (scale_x - day_x, usual_x - scale_x, notes_x - usual_x, pdf.l_margin + pdf.epw - notes_x)
    pdf.set_font("DejaVu", "B", 8.5)
    for x, width, text in zip((day_x, scale_x, usual_x, notes_x), widths, ("", diary.rate, diary.usual,
                                                                             w.diary_notes), strict=True):
        pdf.rect(x, y, width, 9)
        pdf.rect(x, y + 9, width, 5)
        pdf.set_xy(x + 1, y + 1)
        pdf.multi_cell(width - 2, 3.6, text, align="C", new_x="RIGHT", new_y="TOP")
    pdf.set_font("DejaVu", "", 8)
    tick = DIARY_MM[2]
    for i, label in enumerate((w.diary_better, w.diary_same, w.diary_worse)):
        pdf.rect(usual_x + i * tick, y + 9, tick, 5)
        pdf.set_xy(usual_x + i * tick, y + 9.5)
        pdf.cell(tick, 4, label, align="C")
    return y + 14


def _diary_row(pdf: HandoutPage, number: int, w: Words, y: float, row_mm: float) -> None:
    """One day: its name and a line for the date, 0 to 10 to circle, three boxes to tick, room for a note."""
    day_x, scale_x, usual_x, notes_x = _diary_columns(pdf)
    day, cell, tick = DIARY_MM
    middle = y + row_mm / 2 - 2
    pdf.rect(day_x, y, day, row_mm)
    pdf.set_font("DejaVu", "B", 9.5)
    pdf.set_xy(day_x + 1, y + 1.5)
    pdf.cell(day - 2, 4, w.diary_day(number))
    pdf.set_font("DejaVu", "", 7.5)
    pdf.set_xy(day_x + 1, y + row_mm - 6)
    pdf.cell(day - 2, 4, f"{w.diary_date}: ____")
    pdf.set_font("DejaVu", "", 10)
    for n in range(11):
        pdf.rect(scale_x + n * cell, y, cell, row_mm)
        pdf.set_xy(scale_x + n * cell, middle)
        pdf.cell(cell, 4, str(n), align="C")
    for i in range(3):
        pdf.rect(usual_x + i * tick, y, tick, row_mm)
        pdf.rect(usual_x + i * tick + tick / 2 - 2, middle, 4, 4)  # a box to tick, by hand
    pdf.rect(notes_x, y, pdf.l_margin + pdf.epw - notes_x, row_mm)


def diary_grid(pdf: HandoutPage, diary: Diary, w: Words, row_mm: float = DIARY_ROW_MM) -> None:
    """The diary where the page is: its heading, how to fill it in, and the grid, a row a day."""
    pdf.heading(diary.title, 16, space_before=0)
    pdf.para(diary.intro, 10.5)
    pdf.para(f"0 = {diary.low}. 10 = {diary.high}.", 10.5, lead=diary.rate)
    pdf.set_line_width(0.3)
    y = _diary_header(pdf, diary, w, pdf.get_y() + 2)
    for number in range(1, diary.days + 1):
        _diary_row(pdf, number, w, y + (number - 1) * row_mm, row_mm)
    pdf.set_y(y + diary.days * row_mm + 5)


def diary_height(pdf: HandoutPage, diary: Diary, row_mm: float = DIARY_ROW_MM) -> float:
    """How tall `diary_grid` draws, in mm: to keep the diary whole on one page."""
    scale = f"{diary.rate} 0 = {diary.low}. 10 = {diary.high}."
    text = pdf.text_height(diary.intro, 10.5) + pdf.text_height(scale, 10.5)
    return 16 + text + 6 + 14 + diary.days * row_mm
