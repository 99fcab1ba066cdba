"""Check what you understood: the questions as every output shows them (the app's section, the offline page).

Plain data for one small script (`outputs/templates/teachback.js`) that runs in the reader's browser:
an answer is never sent to a server or kept.
"""

from __future__ import annotations

from typing import Any

from ..content.clinic import Clinic
from ..content.model import Graph
from . import wording
from .clinic import with_clinic


def teach_back_data(graph: Graph, clinic: Clinic | None = None) -> dict[str, Any]:
    """Heading, introduction and questions; each choice with why, each question with the step that explains it
    (the clinic's emergency number where an answer names urgent help)."""

    def read(text: str) -> str:
        return " ".join(with_clinic(text, clinic).split())

    total = len(graph.steps)
    questions = []
    for q in graph.teach_back:
        index = graph.step_index(q.step)
        step = graph.steps[index]
        questions.append({
            "id": q.id, "question": read(q.question), "step": index + 1,
            "step_link": wording.SEE_STEP.format(number=index + 1, total=total, title=step.title),
            "choices": [{"text": read(c.text), "correct": c.correct, "why": read(c.why)}
                        for c in q.choices],
        })
    return {"heading": wording.CHECK_HEADING, "intro": wording.CHECK_INTRO, "questions": questions,
            "right": wording.CHECK_RIGHT, "wrong": wording.CHECK_WRONG}
