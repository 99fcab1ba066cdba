"""The medical content rules, on the real graph: cited, graded, readable, corrected, complete."""

from __future__ import annotations

import json
import re

import pytest

from bench.catalogs import shared_catalog
from mechanisms.content.checks import readable_prose
from mechanisms.content.load import data_folder
from mechanisms.content.readability import GRADE_LIMIT, grade, hard_sentences, term_names, term_pattern

from .conftest import ROOT

CATALOG = shared_catalog(data_folder())
GRAPH = CATALOG.graphs["dry-needling"]
SHARED_REFERENCES = ROOT.parent / "shared" / "references" / "dry-needling.csl.json"


PROSE = list(readable_prose(GRAPH))
TERMS = term_pattern(t.term for t in GRAPH.glossary)


def all_text() -> str:
    parts = [GRAPH.title, GRAPH.summary]
    for s in GRAPH.steps:
        parts += [s.title, s.patient, s.unknowns]
    for n in GRAPH.nodes:
        parts += [n.label, n.plain_label or "", n.patient, n.practitioner]
    parts += [(e.patient or "") + " " + (e.practitioner or "") for e in GRAPH.edges]
    parts += [t.term + " " + t.definition for t in GRAPH.glossary]
    return "\n".join(parts)


def test_the_data_folder_is_valid():
    assert CATALOG.problems == []


def test_every_link_explains_itself_to_both_audiences():
    """A tapped link always shows a sentence, never only a heading and a badge."""
    missing = [f"{e.id}: {'patient' if not e.patient else 'practitioner'}" for e in GRAPH.edges
               if not (e.patient and e.practitioner)]
    assert missing == []


@pytest.mark.parametrize(("where", "text"), [(w, t) for _, w, t in PROSE], ids=[w for _, w, _ in PROSE])
def test_patient_text_is_grade_8_or_below_sentence_by_sentence_and_as_a_whole(where, text):
    """The rule `python -m mechanisms check` applies, and the whole paragraph too (unknowns included)."""
    assert list(hard_sentences(text, TERMS)) == []
    assert grade(TERMS.sub("term", text)) <= GRADE_LIMIT, f"{where}: grade {grade(text):.1f}"


def test_every_node_and_edge_is_cited_or_marked_proposed():
    for item in [*GRAPH.nodes, *GRAPH.edges]:
        assert item.citations or item.evidence == "proposed mechanism", item.id
        for ref in item.citations:
            assert ref in CATALOG.references, (item.id, ref)


def test_every_node_has_both_texts():
    for node in GRAPH.nodes:
        assert node.patient.strip() and node.practitioner.strip(), node.id


def test_steps_form_a_short_honest_story():
    assert 6 <= len(GRAPH.steps) <= 9
    for step in GRAPH.steps:
        assert step.unknowns.strip()
    assert "not fully understood" in GRAPH.summary


@pytest.mark.skipif(not SHARED_REFERENCES.exists(), reason="shared/ not beside the repository")
def test_references_match_the_verified_records():
    """Each reference is the shared, checked record; one this project checked itself says where it was seen
    and carries both a DOI and a PMID, so a reader can check it too."""
    verified = {r["id"]: r for r in json.loads(SHARED_REFERENCES.read_text(encoding="utf-8"))}
    for ref_id, ref in CATALOG.references.items():
        if ref_id not in verified:
            seen = ref.get("verified-by-project", "")
            assert re.search(r"PubMed \d+|https://", seen), f"{ref_id}: neither shared nor checked by this project"
            assert ref.get("DOI") and ref.get("PMID"), ref_id
            continue
        for key in ("DOI", "PMID", "title", "container-title"):
            assert ref.get(key) == verified[ref_id].get(key), (ref_id, key)


HUMAN_TRIALS = {"tsai2010", "hong1994", "hsieh2007", "cagnie2012", "martinpintadozugasti2016"}
"""References whose note describes an experiment in people (controlled, within-subject or uncontrolled)."""


def test_evidence_levels_match_the_study_types():
    animal = {"hsieh2012", "hsieh2014", "liu2017", "chen2001"}
    for node in GRAPH.nodes:
        if node.citations and set(node.citations) <= animal:
            assert node.evidence in ("animal study", "proposed mechanism"), node.id
        if node.evidence == "human trial":
            assert set(node.citations) & HUMAN_TRIALS, node.id
    for part in GRAPH.guide:
        for section in part.sections:
            for item in section.items:
                if item.evidence == "human trial":
                    assert set(item.citations) & HUMAN_TRIALS, item.text


def test_the_source_errors_are_corrected():
    text = all_text()
    assert "TNA" not in text
    assert "inserting a muscle" not in text.lower()
    assert "wide range of conditions" not in text.lower()
    tnf = [n for n in GRAPH.nodes if "TNF" in n.label or "tnf" in n.id]
    assert tnf
    for node in tnf:
        assert "hsieh2012" in node.citations
        assert re.search(r"repeat|five|many|heavy", node.patient, re.I)
        assert "not a benefit" in node.practitioner.lower()
        assert "gentle" not in node.patient.lower(), "one rabbit study is not advice about dose"
    for node in GRAPH.nodes:
        words = (node.label + " " + node.practitioner).lower()
        if any(a in words for a in ("insula", "thalamus", "amygdala", "prefrontal", "cingulate")):
            assert node.region == "brain"
            assert "brainstem" not in node.label.lower()
    assert GRAPH.node("periaqueductal-gray").region == "brain"
    assert "brainstem" in GRAPH.node("periaqueductal-gray").patient


@pytest.mark.parametrize(
    "keyword",
    ["twitch", "end plate|end-plate", "acetylcholine", "sarcomere", "blood flow|oxygen", "nociception|danger",
     "substance p", "cgrp", "endorphin", "tnf", "dorsal horn", "remote|elsewhere", "insula", "amygdala",
     "periaqueductal", "electric", "enkephalin", "range of motion", "sore", "bruis"],
)
def test_the_graph_covers_the_source(keyword):
    pattern = re.compile(keyword, re.I)
    assert any(pattern.search(f"{n.label} {n.plain_label or ''} {n.patient} {n.practitioner}") for n in GRAPH.nodes)


def test_glossary_terms_used_by_nodes_exist_and_are_used():
    used = {t for n in GRAPH.nodes for t in n.terms}
    assert used <= {t.id for t in GRAPH.glossary}
    assert len(GRAPH.glossary) >= 12


def test_every_glossary_word_a_node_uses_is_listed_with_it():
    """A patient meets a word in a node's text or label; its definition shows beside it ('Words used here')."""
    missing = {}
    for term in GRAPH.glossary:
        names = re.compile(r"\b(?:" + "|".join(re.escape(n) for n in term_names(term.term)) + r")(?:e?s)?\b", re.I)
        for node in GRAPH.nodes:
            if names.search(f"{node.plain_label or node.label} {node.patient}") and term.id not in node.terms:
                missing.setdefault(node.id, []).append(term.id)
    assert missing == {}


def test_the_words_a_reviewer_found_undefined_are_in_the_glossary():
    names = {n.lower() for t in GRAPH.glossary for n in term_names(t.term)}
    for word in ("brainstem", "amygdala", "enzyme", "inflammation", "spinal cord", "acupuncture"):
        assert word in names, word
    assert "reflex" not in all_text().lower(), "no longer used (Hong 1994 does not call it one): nothing to define"


APP_NAMES = {"offline_download", "text_version", "today_map_alt", "body_map_alt", "diagram_alt"}
"""The app's button names and picture descriptions (from app.py and panels.py, which never graded them): names,
not sentences a patient reads."""


def _fixed_sentences() -> dict[str, str]:
    """Every fixed sentence the outputs show a patient (the English catalogue): the disclaimer, hints, notices,
    evidence."""
    from mechanisms.present.catalogue import PLAIN, words

    english = words("en")
    # A template's {placeholder} is graded filled with one short word (its real fillings have their own tests).
    values = {name: getattr(english, name) for name in PLAIN} | dict(english.formats)
    texts = {name: re.sub(r"\{\w+\}", "calf", value) for name, value in values.items()
             if isinstance(value, str) and len(value.split()) >= 5 and name not in APP_NAMES}
    texts |= {f"evidence {level}": meaning for level, meaning in english.evidence_meaning.items()}
    return texts


@pytest.mark.parametrize(("name", "text"), list(_fixed_sentences().items()), ids=list(_fixed_sentences()))
def test_the_fixed_sentences_are_grade_8_or_below(name, text):
    assert list(hard_sentences(text)) == [], name
