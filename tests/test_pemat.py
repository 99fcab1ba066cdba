"""docs/pemat.md: each material's score in each domain is what its column of the table adds up to."""

from __future__ import annotations

import re

import pytest

from .conftest import ROOT

TEXT = (ROOT / "docs" / "pemat.md").read_text(encoding="utf-8")
SCORE = "(Agree|Disagree|N/A)"
ROW = re.compile(rf"^\| (\d+) \| [^|]+ \| {SCORE} \| {SCORE} \|", re.M)
UNDERSTANDABILITY = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 15, 16, 17, 18, 19}
ACTIONABILITY = {20, 21, 22, 23, 24, 25, 26}
MATERIALS = {"App": 0, "PDF": 1}


def _score(items: set[int], column: int) -> tuple[int, int]:
    rows = {int(n): scores for n, *scores in ROW.findall(TEXT) if int(n) in items}
    assert set(rows) == items, f"items missing from the table: {items - set(rows)}"
    applies = [s[column] for s in rows.values() if s[column] != "N/A"]
    return sum(s == "Agree" for s in applies), len(applies)


def _stated(material: str, domain: str) -> tuple[int, int, int]:
    found = re.search(rf"{material} {domain.lower()}: \*\*(\d+) / (\d+) = (\d+) %\*\*", TEXT)
    assert found, (material, domain)
    return int(found[1]), int(found[2]), int(found[3])


@pytest.mark.parametrize("material", MATERIALS)
def test_every_pemat_p_item_is_scored_for_each_material_and_the_totals_add_up(material):
    for domain, items in (("Understandability", UNDERSTANDABILITY), ("Actionability", ACTIONABILITY)):
        points, possible = _score(items, MATERIALS[material])
        assert _stated(material, domain) == (points, possible, round(100 * points / possible)), domain


def test_every_row_says_why():
    rows = [line for line in TEXT.splitlines() if ROW.match(line)]
    assert len(rows) == len(UNDERSTANDABILITY | ACTIONABILITY)
    assert all(len(line.rsplit("|", 2)[-2].strip()) >= 10 for line in rows), "a reason on the page for each score"
