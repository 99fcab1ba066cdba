from __future__ import annotations

from mechanisms.content.citations import format_references
from mechanisms.content.load import load_references

from .conftest import FIXTURES

REFS = load_references(FIXTURES / "references.csl.json")


def test_ama_text_with_links_in_the_order_given():
    refs = format_references(["gattie2017", "chae2013", "unknown2000"], REFS)
    assert [r.id for r in refs] == ["gattie2017", "chae2013"]
    assert [r.number for r in refs] == [1, 2]
    first = refs[0]
    assert first.text.startswith("Gattie E, Cleland JA, Snodgrass S.")
    assert "2017;47(3):133-149" in first.text
    assert first.doi_url == "https://doi.org/10.2519/jospt.2017.7096"
    assert first.pubmed_url == "https://pubmed.ncbi.nlm.nih.gov/28158962/"
    assert refs[1].pubmed_url is None


def test_our_note_never_leaks_into_the_citation():
    ref = format_references(["hsieh2012"], REFS)[0]
    assert "rabbit" not in ref.text.split(".")[0]
    assert "TNF" not in ref.text
    assert ref.finding and "TNF-alpha" in ref.finding


def test_no_ids_no_references():
    assert format_references([], REFS) == []
