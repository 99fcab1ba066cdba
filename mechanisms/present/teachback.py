"""Check what you understood: the questions as every output shows them (the app's section, the offline page).

Plain data for one small script (`outputs/templates/teachback.js`) that runs in the reader's browser:
an answer is never sent to a server or kept.
"""

from __future__ import annotations

from typing import Any

from ..content.clinic import Clinic
from ..content.model import Graph
from .catalogue import Words, or_english
from .clinic import with_clinic


def teach_back_data(graph: Graph, clinic: Clinic | None = None, words: Words | None = None) -> dict[str, Any]:
    """Heading, introduction and questions; each choice with why, each question with the step that explains it
    (the clinic's emergency number where an answer names urgent help)."""
    w = or_english(words)

    def read(text: str) -> str:
        return " ".join(with_clinic(text, clinic, w).split())

    total = len(graph.steps)
    questions = []
    for q in graph.teach_back:
        index = graph.step_index(q.step)
        step = graph.steps[index]
        questions.append({
            "id": q.id, "question": read(q.question), "step": index + 1,
            "step_link": w.see_step(index + 1, total, step.title),
            "choices": [{"text": read(c.text), "correct": c.correct, "why": read(c.why)}
                        for c in q.choices],
        })
    return {"heading": w.check_heading, "intro": w.check_intro, "questions": questions,
            "right": w.check_right, "wrong": w.check_wrong}
