"""Check what you understood: the questions as every output shows them (the app's section, the offline page).

Plain data for one small script (`outputs/templates/teachback.js`) that runs in the reader's browser:
an answer is never sent to a server or kept.
"""

from __future__ import annotations

from typing import Any

from ..content.model import Graph
from . import wording


def teach_back_data(graph: Graph) -> dict[str, Any]:
    """Heading, introduction and questions; each choice with why, each question with the step that explains it."""
    total = len(graph.steps)
    questions = []
    for q in graph.teach_back:
        index = graph.step_index(q.step)
        step = graph.steps[index]
        questions.append({
            "id": q.id, "question": " ".join(q.question.split()), "step": index + 1,
            "step_link": wording.SEE_STEP.format(number=index + 1, total=total, title=step.title),
            "choices": [{"text": " ".join(c.text.split()), "correct": c.correct, "why": " ".join(c.why.split())}
                        for c in q.choices],
        })
    return {"heading": wording.CHECK_HEADING, "intro": wording.CHECK_INTRO, "questions": questions,
            "right": wording.CHECK_RIGHT, "wrong": wording.CHECK_WRONG}
