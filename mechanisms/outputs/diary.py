"""The soreness diary on screen, as data for a web page's script and as one HTML fragment for the app (the
patient page and the offline page inline the same script and style). The handout prints it (`pdf_diary.py`)."""

from __future__ import annotations

from typing import Any

from ..content.clinic import Clinic
from ..content.model import Graph
from ..present.catalogue import Words, or_english
from ..present.guide import key_points
from .template import widget_html


def diary_data(graph: Graph, clinic: Clinic | None = None, words: Words | None = None) -> dict[str, Any] | None:
    """Everything `templates/diary.js` shows: the data's what-to-rate, the catalogue's words, the urgent signs."""
    diary = graph.diary
    if diary is None:
        return None
    w = or_english(words)
    return {
        "graph": graph.id, "title": diary.title, "intro": diary.intro, "days": diary.days, "rate": diary.rate,
        "scale": f"0 = {diary.low}. 10 = {diary.high}.", "usual": diary.usual,
        "usual_choices": [w.diary_better, w.diary_same, w.diary_worse], "notes": w.diary_notes, "date": w.diary_date,
        "day_names": [w.diary_day(n) for n in range(1, diary.days + 1)],
        "watch_heading": w.diary_watch,
        "watch": [p.text for p in key_points(graph, clinic, w) if p.kind == "warnings"],
        "kept": w.diary_kept, "print": w.diary_print, "clear": w.diary_clear, "clear_confirm": w.diary_clear_confirm,
    }


def diary_html(graph: Graph, clinic: Clinic | None = None, words: Words | None = None) -> str:
    """`templates/widget.html` filled with the diary's script, style and data (empty without a diary)."""
    data = diary_data(graph, clinic, words)
    if data is None:
        return ""
    return widget_html("diary", "renderDiary", "diary", data)
