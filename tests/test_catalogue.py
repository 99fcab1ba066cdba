"""The word catalogue: one file per language, every key present and known, placeholders kept; the view's language."""

from __future__ import annotations

import pytest

from mechanisms.content.load import data_folder, load_catalog
from mechanisms.content.problems import DataError
from mechanisms.content.readability import GRADERS, Grader, grader, hard_sentences
from mechanisms.present.catalogue import CATALOGUES, PSEUDO, languages, parse_catalogue, words
from mechanisms.present.links import to_params
from mechanisms.present.view import View, parse_view

ENGLISH = (CATALOGUES / "en.yaml").read_text(encoding="utf-8")
GRAPH = load_catalog(data_folder()).graphs["dry-needling"]


def problems(text: str) -> list[str]:
    with pytest.raises(DataError) as caught:
        parse_catalogue(text, "xx.yaml")
    return [str(p) for p in caught.value.problems]


def test_every_language_loads_and_is_cached():
    assert "en" in languages() and PSEUDO in languages()
    assert words("en") is words("en") and words() is words("en")
    with pytest.raises(ValueError, match="no word catalogue for language 'xx'"):
        words("xx")


def test_an_unknown_key_is_said_with_its_line_and_a_missing_one_by_name():
    text = ENGLISH.replace("whole_picture:", "hole_picture:")
    line = ENGLISH[:ENGLISH.index("whole_picture:")].count("\n") + 1
    assert problems(text) == [f"xx.yaml:{line}: hole_picture: unknown key", "xx.yaml: whole_picture: missing key"]


def test_a_lost_placeholder_or_map_key_is_an_error():
    assert problems(ENGLISH.replace("Step {number} of {total}: {title}", "Step {number}: {title}"))[0].endswith(
        "step_heading: must use exactly the placeholders {number} {title} {total}")
    assert problems(ENGLISH.replace("  review: Review\n", "", 1))[0].endswith(
        "evidence_badge: expected the keys human trial, human observational, animal study, review, "
        "proposed mechanism")


def test_the_words_are_frozen():
    with pytest.raises(AttributeError):
        words().disclaimer = "x"  # type: ignore[misc]
    with pytest.raises(TypeError):
        words().evidence_badge["review"] = "x"  # type: ignore[index]


def test_the_language_travels_in_the_link_only_when_not_the_default():
    assert "lang" not in to_params(View(GRAPH.id))
    view, notices = parse_view({"lang": PSEUDO}, {GRAPH.id: GRAPH}, GRAPH.id)
    assert view.language == PSEUDO and notices == [] and to_params(view)["lang"] == PSEUDO
    view, notices = parse_view({"lang": "klingon", "step": "2"}, {GRAPH.id: GRAPH}, GRAPH.id)
    assert view.language == "en" and view.step == 2 and notices == ["lang"]


def test_a_treatment_option_is_a_link_key_of_its_own():
    view, notices = parse_view({"areas": "calf", "estim": "yes"}, {GRAPH.id: GRAPH}, GRAPH.id)
    assert view.options == ("estim",) and notices == []
    assert parse_view({"estim": "maybe"}, {GRAPH.id: GRAPH}, GRAPH.id)[1] == ["estim"]


def test_another_language_plugs_in_its_own_reading_measure(monkeypatch):
    assert GRAPH.language == "en" and grader("en").limit == 8
    monkeypatch.setitem(GRADERS, "xx", Grader(lambda sentence: len(sentence.split()), 3, "words per sentence"))
    assert [s for _, s in hard_sentences("One two. One two three four.", language="xx")] == ["One two three four."]
    with pytest.raises(ValueError, match="no reading-grade measure for language 'yy'"):
        grader("yy")
