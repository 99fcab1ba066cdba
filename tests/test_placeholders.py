"""The number to call for urgent help: written once as {emergency}, filled from the clinic's settings everywhere."""

from __future__ import annotations

import pytest

from mechanisms.content.clinic import Clinic
from mechanisms.content.placeholders import EMERGENCY, FALLBACK, fill, placeholders
from mechanisms.present.clinic import with_clinic

from .conftest import problems_after_edit


def test_a_placeholder_reads_as_the_clinics_number_or_the_fallback():
    text = "Get urgent help now: call {emergency}."
    assert placeholders(text) == [EMERGENCY]
    assert fill(text, {EMERGENCY: "112"}) == "Get urgent help now: call 112."
    assert fill(text) == f"Get urgent help now: call {FALLBACK[EMERGENCY]}." == with_clinic(text, None)
    assert with_clinic(text, Clinic("Riverside", emergency="999")) == "Get urgent help now: call 999."
    assert with_clinic(text, Clinic("Riverside")) == fill(text), "a clinic without a number: the fallback"
    assert fill("page {nb} of {x}") == "page {nb} of {x}", "other braces are left as written"


@pytest.mark.parametrize(("change", "expected"), [
    (("Get urgent help now: call {emergency}. This can start during the visit",
      "Get urgent help now: call {emergancy}. This can start during the visit"),
     "caution lung: unknown placeholder {emergancy}; the only one is {emergency}"),
    (("Get urgent help now: call {emergency}. This can start during the visit",
      "Get urgent help now. This can start during the visit"),
     "caution lung: sends the reader to urgent help without the number to call: add 'call {emergency}'"),
    (("Needling aims at the tight spot and can make it less tender.",
      "Needling aims at the tight spot. Get urgent help now: call {emergency}."),
     "edge needle-insertion->trigger-point (patient): {emergency} is filled in only in the key points, the guide"),
    (("Get urgent help now, call {emergency}, if you have chest pain", "Get urgent help now if you have chest pain"),
     "key point 3: sends the reader to urgent help without the number to call: add 'call {emergency}'"),
    (("Get urgent help now, call {emergency}, if you", "Get urgent help now, call {emergancy}, if you"),
     "key point 3: unknown placeholder {emergancy}"),
])
def test_a_wrong_placeholder_or_urgent_help_without_a_number_is_one_located_line(tmp_path, change, expected):
    problems = problems_after_edit(tmp_path, *change)
    assert len(problems) == 1 and expected in problems[0], problems
    assert problems[0].split(":")[1].isdigit(), "with its line"
