"""The integrity checks' shared rules, each written once in mechanisms/content/checks.py."""

from __future__ import annotations

from pathlib import Path

from mechanisms.content import checks


def test_a_claim_needs_a_citation_unless_proposed():
    loc = ("nodes", 0)
    assert list(checks._uncited(loc, "node x", [], "review")) == [
        (("nodes", 0, "evidence"), "node x",
         "evidence 'review' needs a citation; cite a reference or use 'proposed mechanism'")]
    assert list(checks._uncited(loc, "node x", [], checks.PROPOSED)) == []
    assert list(checks._uncited(loc, "node x", ["hsieh2012"], "review")) == []


def test_unknown_references_are_located_at_their_citation():
    found = list(checks._unknown_references(("guide", 1), "guide a", ["known", "smith2099"], {"known"}))
    assert found == [(("guide", 1, "citations", 1), "guide a",
                      "unknown reference 'smith2099' (not in references.csl.json)")]


def test_the_citation_rule_is_written_once():
    text = Path(checks.__file__).read_text(encoding="utf-8")
    assert text.count("needs a citation;") == 1
    assert text.count("not in references.csl.json") == 1
