"""docs/pemat.md: each domain's score is what its rows add up to, and meets the issue's targets."""

from __future__ import annotations

import re

from .conftest import ROOT

TEXT = (ROOT / "docs" / "pemat.md").read_text(encoding="utf-8")
ROW = re.compile(r"^\| (\d+) \| [^|]+ \| (Agree|Disagree|N/A) \|", re.M)
UNDERSTANDABILITY = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 15, 16, 17, 18, 19}
ACTIONABILITY = {20, 21, 22, 23, 24, 25, 26}


def _score(items: set[int]) -> tuple[int, int]:
    rows = {int(n): s for n, s in ROW.findall(TEXT) if int(n) in items}
    assert set(rows) == items, f"items missing from the table: {items - set(rows)}"
    applies = [s for s in rows.values() if s != "N/A"]
    return sum(s == "Agree" for s in applies), len(applies)


def _stated(domain: str) -> tuple[int, int, int]:
    found = re.search(rf"{domain}: \*\*(\d+) / (\d+) = (\d+) %\*\*", TEXT)
    assert found, domain
    return int(found[1]), int(found[2]), int(found[3])


def test_every_pemat_p_item_is_scored_and_the_totals_add_up():
    for domain, items, target in (("Understandability", UNDERSTANDABILITY, 90), ("Actionability", ACTIONABILITY, 80)):
        points, possible = _score(items)
        stated = _stated(domain)
        assert stated == (points, possible, round(100 * points / possible)), domain
        assert stated[2] >= target, f"{domain} below the issue's target"
