"""Check what you understood, in the app and in the offline page: by keyboard and by touch, the answer shown in
sight and explained, a way back to its step, and nothing sent anywhere."""

from __future__ import annotations

import pytest

from bench.browser import open_app, settle, wait_idle, wait_in_sight
from bench.catalogs import shared_catalog
from mechanisms.content.load import data_folder
from mechanisms.present.catalogue import words
from mechanisms.present.teachback import teach_back_data

from .test_standalone import assert_offline, open_offline, write_page

EN = words("en")
GRAPH = shared_catalog(data_folder()).graphs["dry-needling"]
QUESTIONS = teach_back_data(GRAPH)["questions"]
HOW = next(q for q in QUESTIONS if q["id"] == "how-it-helps")
PHONE = dict(viewport={"width": 390, "height": 844}, device_scale_factor=2, is_mobile=True, has_touch=True)
IN_SIGHT = """(el) => { const r = el.getBoundingClientRect();
    const bar = document.querySelector('.st-key-stepbar, #stepbar');
    const limit = bar ? bar.getBoundingClientRect().top : innerHeight;
    return r.top >= 0 && r.bottom <= limit + 1; }"""
"""The element is on screen and not under the fixed step bar."""


def answer_by_keyboard(page, question: dict, choice: int) -> None:
    """Tab to the question's first answer, then the arrow keys, as a keyboard user would."""
    first = page.locator(f'fieldset[data-question="{question["id"]}"] input').first
    first.focus()
    page.keyboard.press("Space")
    for _ in range(choice):
        page.keyboard.press("ArrowDown")


def feedback(page, question: dict):
    return page.locator(f'fieldset[data-question="{question["id"]}"] .tb-feedback')


def check_answer(page, question: dict, choice: int) -> None:
    box = feedback(page, question)
    box.wait_for()
    text = box.inner_text()
    correct = question["choices"][choice]["correct"]
    assert (EN.check_right if correct else EN.check_wrong) in text
    assert question["choices"][choice]["why"] in text and question["step_link"] in text
    assert page.evaluate(IN_SIGHT, box.element_handle()), "the answer is on screen, above the step bar"


def test_the_app_checks_answers_in_the_browser_and_leads_back_to_the_step(page, app_url):
    sent: list[str] = []
    page.on("websocket", lambda ws: ws.on("framesent", lambda f: sent.append("frame")))
    open_app(page, app_url, "?graph=dry-needling&step=8")
    page.click(f"text={EN.check_heading}")
    wait_in_sight(page, "#check h2", below=".st-key-stepbar, #stepbar")
    heading = page.locator("#check h2")
    assert heading.inner_text() == EN.check_heading and page.evaluate(IN_SIGHT, heading.element_handle())
    before = len(sent)
    wrong = next(i for i, c in enumerate(HOW["choices"]) if not c["correct"])
    answer_by_keyboard(page, HOW, wrong)
    check_answer(page, HOW, wrong)
    right = next(i for i, c in enumerate(HOW["choices"]) if c["correct"])
    page.locator(f'fieldset[data-question="{HOW["id"]}"] label').nth(right).click()
    check_answer(page, HOW, right)
    settle(page)  # inputs are sent from their handlers: anything the answers sent has gone by now
    assert len(sent) == before, "an answer sends nothing to the server"
    page.locator(f'fieldset[data-question="{HOW["id"]}"] .tb-step').click()
    page.wait_for_function("(n) => new URLSearchParams(location.search).get('step') === String(n)", arg=HOW["step"])
    wait_idle(page)
    page.wait_for_function("(t) => document.querySelector('.st-key-step-text h2')?.innerText.startsWith(t)",
                           arg=f"Step {HOW['step']} of", timeout=15_000)
    assert page.evaluate("window.scrollY") == 0, "back up to the diagram"


def test_on_a_phone_a_tap_answers(phone, app_url):
    open_app(phone, app_url, "?graph=dry-needling&step=8")
    question = QUESTIONS[-1]
    label = phone.locator(f'fieldset[data-question="{question["id"]}"] label').first
    label.scroll_into_view_if_needed()
    box = label.bounding_box()
    assert box["height"] >= 44, "a row a finger can hit"
    label.tap()
    check_answer(phone, question, 0)


@pytest.mark.parametrize("touch", [False, True])
def test_the_offline_page_asks_the_same_questions_offline(browser, tmp_path, touch):
    path = write_page(tmp_path, data_folder(), "dry-needling")
    context, page = open_offline(browser, path, **(PHONE if touch else {"viewport": {"width": 1280, "height": 800}}))
    try:
        page.locator("#steps").select_option(str(len(GRAPH.steps) - 1))  # the questions come after the story
        page.wait_for_function("(t) => document.getElementById('step-title').textContent.startsWith(t)",
                               arg=f"Step {len(GRAPH.steps)} of")
        shown = page.locator("#check fieldset legend").all_inner_texts()
        assert shown == [f"{i}. {q['question']}" for i, q in enumerate(QUESTIONS, start=1)]
        if touch:
            page.locator(f'fieldset[data-question="{HOW["id"]}"] label').first.tap()
            check_answer(page, HOW, 0)
        else:
            answer_by_keyboard(page, HOW, 1)
            check_answer(page, HOW, 1)
        page.locator(f'fieldset[data-question="{HOW["id"]}"] .tb-step').click()
        page.wait_for_function("(t) => document.getElementById('step-title').textContent.startsWith(t)",
                               arg=f"Step {HOW['step']} of")
        assert_offline(page)
    finally:
        context.close()
