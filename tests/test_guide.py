"""The practical guide as every output reads it: marks, evidence, sources, and every item graded."""

from __future__ import annotations

from bench.catalogs import shared_catalog
from mechanisms.content.load import data_folder
from mechanisms.present.catalogue import words
from mechanisms.present.guide import MARKS, guide_chapters, key_points

EN = words("en")
CATALOG = shared_catalog(data_folder())
GRAPH = CATALOG.graphs["dry-needling"]
CHAPTERS = guide_chapters(GRAPH, CATALOG.references)
LINES = [line for c in CHAPTERS for b in c.blocks for line in b.lines]


def test_the_guide_has_what_a_patient_needs_before_and_after():
    titles = [c.title for c in CHAPTERS]
    assert titles == ["Is it safe? Is it for me?", "After your session", "Questions to ask your physio"]
    kinds = {b.kind for c in CHAPTERS for b in c.blocks}
    assert kinds == {"facts", "actions", "warnings", "questions"}
    assert sum(line.kind == "questions" for line in LINES) >= 5


def test_a_fact_reads_with_its_evidence_and_its_sources():
    for line in LINES:
        if line.kind == "facts":
            assert line.badge and line.sources, line.text
            note = line.source_note
            plain = EN.evidence_plain[next(k for k, v in EN.evidence_badge.items() if v == line.badge)]
            assert note.lower().startswith(plain + ".") and all(s in note for s in line.sources) and not line.mark
            assert "human" not in note.lower() and "mechanism" not in note.lower(), "evidence said in plain words"
    two = next(line for line in LINES if len(line.sources) > 1)
    assert "Sources: " in two.source_note


def test_actions_and_warnings_carry_their_mark_and_no_evidence():
    for line in LINES:
        if line.kind in MARKS:
            assert line.mark == MARKS[line.kind] and line.badge is None and line.source_note == ""


def test_the_measured_rates_are_the_papers_own():
    """Boyce 2020 counted per treatment (36.7 %, ~1 in 1,024 major); Brady's 19.18 % was events, not treatments."""
    text = " ".join(line.text for line in LINES)
    assert "367 in 1,000 treatments" in text and "1 in\u00a01,000" not in text and "1 in 1,000" in text
    assert "one in five" not in text.lower() and "2.19" not in text
    boyce = [line for line in LINES if "Boyce 2020" in line.sources]
    assert boyce and all(line.badge == EN.evidence_badge["human observational"] for line in boyce)


def test_serious_risks_are_named_in_plain_words():
    risks = next(b for c in CHAPTERS for b in c.blocks if b.id == "rare-risks")
    words = " ".join(line.text for line in risks.lines).lower()
    for risk in ("collapse", "infection", "nerve", "bleeding"):
        assert risk in words


def test_urgent_signs_come_first_after_the_session_and_say_the_number_to_call():
    """Bleeding near the spine and a collapsed lung are urgent, not a routine call; they lead 'After your session'."""
    from mechanisms.content.clinic import Clinic

    after = next(c for c in guide_chapters(GRAPH, CATALOG.references, Clinic("Riverside", emergency="911"))
                 if c.id == "after-your-session")
    urgent = after.blocks[0]
    assert urgent.kind == "warnings" and urgent.title == "Get urgent help now: call 911"
    words = " ".join(line.text for line in urgent.lines)
    for sign in ("weak or numb", "hard to walk", "spinal cord", "chest pain", "hard to breathe", "a day or two later"):
        assert sign in words, sign
    assert all("call 911." in line.text for line in urgent.lines)
    routine = next(b for b in after.blocks if b.id == "get-help")
    assert all("urgent" not in line.text and "weak" not in line.text for line in routine.lines), "no urgent sign here"
    assert "3 days" in " ".join(line.text for line in routine.lines), "when soreness stops being normal"


def test_without_a_clinic_number_every_urgent_line_asks_for_the_local_one():
    text = " ".join(f"{b.title} {line.text}" for c in CHAPTERS for b in c.blocks for line in b.lines)
    assert "{" not in text and text.count("call your local emergency number") >= 3


def test_the_key_points_say_what_it_is_what_is_normal_every_urgent_sign_and_what_to_do():
    """Three to five sentences a patient keeps; the urgent one names each urgent sign of the guide and the number."""
    from mechanisms.content.clinic import Clinic

    points = key_points(GRAPH, Clinic("Riverside", emergency="911"), EN)
    assert 3 <= len(points) <= 5
    text = " ".join(p.text for p in points)
    for must in ("very thin needle", "Soreness", "1 to 3 days", "0 to 10", "next visit", "pus"):
        assert must in text, must
    urgent = [p for p in points if p.kind == "warnings"]
    assert len(urgent) == 1 and urgent[0].mark == MARKS["warnings"] and "call 911" in urgent[0].text
    for sign in ("chest pain", "pain when you breathe in", "new dry cough", "hard to breathe", "weak or numb",
                 "strong nerve pain", "hard to walk"):
        assert sign in urgent[0].text, sign
    guide_urgent = " ".join(line.text for c in CHAPTERS for b in c.blocks if b.id == "urgent" for line in b.lines)
    assert all(sign in guide_urgent for sign in ("chest pain", "new dry cough", "weak or numb", "hard to walk"))
    assert all(not p.mark for p in points if p.kind != "warnings") and all(p.source_note == "" for p in points)


def test_the_short_guide_keeps_what_a_patient_does_urgent_signs_first():
    """The patient's short handout: only sections marked short, the part with the urgent signs first."""
    short = guide_chapters(GRAPH, CATALOG.references, short=True)
    kept = [b.id for c in short for b in c.blocks]
    marked = [s.id for part in GRAPH.guide for s in part.sections if s.short]
    assert sorted(kept) == sorted(marked) and "urgent" in kept and "rare-risks" not in kept
    assert short[0].blocks[0].kind == "warnings"
    assert all(c.blocks for c in short), "a part with nothing kept is left out"
