"""Check what you understood: questions written as data, each answer explained and tied to its step."""

from __future__ import annotations

import json
import re

import pytest

from bench.catalogs import shared_catalog
from mechanisms.outputs.teachback import teach_back_html
from mechanisms.present.catalogue import words
from mechanisms.present.teachback import teach_back_data

from .conftest import FIXTURES, ROOT, problems_after_edit

EN = words("en")
CATALOG = shared_catalog(ROOT / "data")
GRAPH = CATALOG.graphs["dry-needling"]


def test_four_to_six_questions_each_with_one_right_answer_and_every_answer_explained():
    data = teach_back_data(GRAPH)
    assert 4 <= len(data["questions"]) <= 6
    for q in data["questions"]:
        assert sum(c["correct"] for c in q["choices"]) == 1, q["id"]
        assert all(c["why"] for c in q["choices"])
        title = GRAPH.steps[q["step"] - 1].title
        assert q["step_link"] == f"Go to step {q['step']} of {len(GRAPH.steps)}: {title}"


def test_the_questions_cover_how_it_works_and_what_to_do_after():
    steps = {q["step"] for q in teach_back_data(GRAPH)["questions"]}
    assert min(steps) == 1 and max(steps) == len(GRAPH.steps), "from the needle to what you may notice"
    text = " ".join(c["text"] for q in teach_back_data(GRAPH)["questions"] for c in q["choices"] if c["correct"])
    assert "urgent help" in text and "12 weeks" in text, "when to get help, and how long it helps"


def test_the_answer_on_getting_help_names_the_clinics_number():
    from mechanisms.content.clinic import Clinic

    data = teach_back_data(GRAPH, Clinic("Riverside", emergency="112"))
    texts = [t for q in data["questions"] for c in q["choices"] for t in (c["text"], c["why"])]
    assert "Get urgent help now: call 112." in texts and not any("{" in t for t in texts)
    assert teach_back_html(GRAPH, Clinic("Riverside", emergency="112")).count("call 112") == 3


def test_the_app_fragment_holds_the_data_and_the_shared_script_and_nothing_else():
    html = teach_back_html(GRAPH)
    assert not re.search(r"__(STYLE|DATA|SCRIPT)__", html)
    data = json.loads(html.split('id="teach-back-data">')[1].split("</script>")[0])
    assert data == teach_back_data(GRAPH)
    assert "window.renderTeachBack = function" in html and "window.explainerGoToStep" in html
    assert "fetch(" not in html and "XMLHttpRequest" not in html and "sendBeacon" not in html, "answers stay here"
    assert teach_back_html(shared_catalog(FIXTURES).graphs["mini"]) == "", "no questions, no section"
    assert data["heading"] == EN.check_heading


@pytest.mark.parametrize(("change", "expected"), [
    (("        correct: true\n        why: No medicine goes in.", "        why: No medicine goes in."),
     "question what-goes-in: needs exactly one choice with 'correct: true' (has 0)"),
    (("put into the sore spot?\n    step: sore-spot\n", "put into the sore spot?\n    step: nowhere\n"),
     "question what-goes-in: unknown step 'nowhere'"),
])
def test_a_wrong_question_gives_the_author_a_located_line(tmp_path, change, expected):
    problems = problems_after_edit(tmp_path, *change)
    assert len(problems) == 1 and expected in problems[0], problems
    assert problems[0].split(":")[1].isdigit()
