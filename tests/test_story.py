"""What the short handout says beside the story: how sure each step is, and only the words it uses."""

from __future__ import annotations

from bench.catalogs import shared_catalog
from mechanisms.content.load import data_folder
from mechanisms.present.catalogue import words
from mechanisms.present.story import step_certainty, terms_used

EN = words("en")
CATALOG = shared_catalog(data_folder())
GRAPH = CATALOG.graphs["dry-needling"].core


def test_each_step_says_how_sure_in_plain_words_strongest_first():
    lines = {step.id: step_certainty(GRAPH, step.id, EN) for step in GRAPH.steps}
    assert lines["twitch"] == "How sure are we? Tested in people in trials."
    muscle = lines["muscle-relaxes"]
    assert muscle.index("Seen in people") < muscle.index("seen only in animals") < muscle.index("not been tested")
    for line in lines.values():
        assert "human" not in line.lower() and "mechanism" not in line.lower(), "no evidence codes"


def test_only_the_terms_the_text_uses_whole_words_any_case_plurals_too():
    used = {t.term for t in terms_used(GRAPH, ["Two TRIGGER POINTS were needled.", "The spinal cordial note."])}
    assert "Trigger point" in used and "Spinal cord" not in used
    assert terms_used(GRAPH, []) == []


def test_a_terms_plain_words_follow_its_first_use_only():
    from mechanisms.present.story import FirstUse

    gloss = FirstUse(GRAPH.glossary)
    first = gloss("Bleeding near the Spinal cord is rare.")
    assert first == "Bleeding near the Spinal cord (the nerves inside your backbone) is rare."
    assert gloss("Messages go to the spinal cord.") == "Messages go to the spinal cord."
    assert gloss("A trigger point hurts.") == "A trigger point hurts.", "a term its texts define gets no brackets"
