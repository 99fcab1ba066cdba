"""Loading: every kind of bad file gives located, readable problems and never a traceback."""

from __future__ import annotations

import copy
import json
import time
from pathlib import Path

import pytest

from mechanisms.content.load import load_catalog, load_graph, load_references
from mechanisms.content.problems import DataError

from .conftest import FIXTURES, mini_document


def problems_of(path: Path) -> list[str]:
    refs = load_references(path.parent / "references.csl.json")
    with pytest.raises(DataError) as info:
        load_graph(path, refs)
    return [str(p) for p in info.value.problems]


def test_valid_fixture_loads():
    catalog = load_catalog(FIXTURES)
    assert catalog.problems == []
    graph = catalog.graphs["mini"]
    assert [n.id for n in graph.nodes] == ["needle", "twitch", "pain", "calm"]
    assert graph.node("twitch").evidence == "human trial"
    assert graph.edges[0].id == "needle->twitch"
    assert graph.step_index("second") == 1


def test_a_broken_file_leaves_the_other_graphs_usable(mini_dir):
    (mini_dir / "broken.yaml").write_text("id: broken\nnodes: [\n", encoding="utf-8")
    catalog = load_catalog(mini_dir)
    assert "mini" in catalog.graphs
    assert len(catalog.problems) == 1
    assert str(catalog.problems[0]).startswith(str(mini_dir / "broken.yaml"))


def test_invalid_yaml_names_the_line(write_graph):
    text = (FIXTURES / "mini.yaml").read_text(encoding="utf-8")
    text = text.replace("    label: Needle insertion", "    label: [Needle")
    lines = problems_of(write_graph(text))
    assert len(lines) == 1
    assert ":YAML:" not in lines[0] and ": YAML: " in lines[0]
    assert lines[0].split(":")[1].isdigit()


def _guide_part(kind: str, item: dict) -> dict:
    """A one-item guide part, for the guide's checks."""
    return {"id": "safe", "title": "Is it safe?", "sections": [{"id": "risks", "title": "Risks", "kind": kind,
                                                               "items": [item]}]}


def _fact_box(minor: int = 300, detail: int = 50, citations: list[str] | None = None) -> dict:
    """A one-study fact box, for the fact box's checks."""
    return {"title": "Out of 1,000", "intro": "Counted.", "benefit_title": "Benefit",
            "benefit": [{"text": "Pain eased.", "evidence": "review", "citations": ["gattie2017"]}],
            "studies": [{"name": "A study", "evidence": "human observational",
                         "citations": ["gattie2017"] if citations is None else citations,
                         "minor": {"label": "Small", "count": minor}, "serious": {"label": "Serious", "count": 1},
                         "details": [{"label": "A bruise", "count": detail}]}]}


@pytest.mark.parametrize(
    ("mutate", "expected"),
    [
        (lambda d: d["nodes"][0].update(citations=5), "node needle: citations: Input should be a valid list"),
        (lambda d: d["nodes"][0].update(evidence="maybe"), "node needle: evidence: input should be 'human trial'"),
        (lambda d: d["nodes"][1].pop("patient"), "node twitch: patient: missing field"),
        (lambda d: d["nodes"][1].update(patinet="x"), "node twitch: patinet: unknown field (misspelt?)"),
        (lambda d: d["nodes"][2].update(patient=""), "node pain: patient: is empty"),
        (lambda d: d["nodes"][2].update(patient="   "), "node pain: patient: is empty"),
        (lambda d: d["nodes"].append(copy.deepcopy(d["nodes"][0])), "node needle: duplicate id"),
        (lambda d: d["edges"].append(copy.deepcopy(d["edges"][0])), "edge needle->twitch: duplicate id"),
        (lambda d: d["edges"][0].update(target="nowhere"), "edge needle->nowhere: target is not a node: 'nowhere'"),
        (lambda d: d["nodes"][0].update(citations=["smith2099"]), "node needle: unknown reference 'smith2099'"),
        (lambda d: d["edges"][1].update(citations=["smith2099"]), "edge twitch->pain: unknown reference 'smith2099'"),
        (lambda d: d["nodes"][0].update(region="liver"), "node needle: unknown region 'liver'"),
        (lambda d: d["nodes"][0].update(step="ninth"), "node needle: unknown step 'ninth'"),
        (lambda d: d["nodes"][0].update(terms=["qi"]), "node needle: unknown glossary term 'qi'"),
        (lambda d: d.update(entry="ghost"), "entry: unknown node 'ghost'"),
        (lambda d: d["edges"].pop(2), "node calm: not reachable from the entry node 'needle'"),
        (lambda d: d["steps"].append({"id": "third", "title": "T", "patient": "P.", "unknowns": "U."}),
         "step third: no node belongs to this step"),
        (lambda d: d["edges"].append({"source": "pain", "target": "twitch", "kind": "inhibits", "evidence": "review",
                                      "citations": ["gattie2017"]}),
         "edge pain->twitch: goes back from a later step to an earlier one"),
        (lambda d: d["nodes"][1].update(citations=[]), "node twitch: evidence 'human trial' needs a citation"),
        (lambda d: d.update(id="other"), "id: 'other' does not match the file name 'mini'"),
        (lambda d: d["nodes"][0].update(id="Needle Insertion"), "ids use lower-case letters, digits and hyphens"),
        (lambda d: d["nodes"][0].update(label="x" * 41),
         "node needle: label: String should have at most 40 characters"),
        # The core path a patient follows first must stand on its own.
        (lambda d: d["nodes"][0].update(detail=True), "entry: the entry node cannot be 'detail: true'"),
        (lambda d: d["nodes"][1].update(detail=True), "node pain: on the core path but reached only through"),
        (lambda d: (d["nodes"][2].update(detail=True), d["nodes"][3].update(detail=True)),
         "step second: every node of this step is 'detail: true'"),
        # The guide: a fact is a claim (evidence, a known citation); an action claims nothing.
        (lambda d: d.update(guide=[_guide_part("facts", {"text": "Rare."})]),
         "guide safe / risks item 1: a fact needs 'evidence'"),
        (lambda d: d.update(guide=[_guide_part("facts", {"text": "Rare.", "evidence": "review"})]),
         "guide safe / risks item 1: evidence 'review' needs a citation"),
        (lambda d: d.update(guide=[_guide_part("facts", {"text": "Rare.", "evidence": "review",
                                                         "citations": ["smith2099"]})]),
         "guide safe / risks item 1: unknown reference 'smith2099'"),
        (lambda d: d.update(guide=[_guide_part("actions", {"text": "Ask.", "evidence": "review"})]),
         "guide safe / risks item 1: actions make no claim"),
        (lambda d: d.update(guide=[_guide_part("advice", {"text": "Rest."})]),
         "guide part safe (sections.0): kind: input should be 'facts'"),
        # Key points: a claim is cited; there are at most five.
        (lambda d: d.update(key_points=[{"text": "It helps.", "evidence": "review"}]),
         "key point 1: evidence 'review' needs a citation"),
        (lambda d: d.update(key_points=[{"text": "It helps.", "evidence": "review", "citations": ["smith2099"]}]),
         "key point 1: unknown reference 'smith2099'"),
        (lambda d: d.update(key_points=[{"text": f"Rest {i}."} for i in range(6)]),
         "key_points: List should have at most 5 items"),
        # The diary: what to rate belongs to the treatment, so the data says it; a week or two at most.
        (lambda d: d.update(diary={"title": "Diary", "intro": "Fill it in.", "rate": "How sore?", "low": "none",
                                   "high": "worst", "usual": "Usual pain", "days": 30}),
         "diary: days: Input should be less than or equal to 14"),
        (lambda d: d.update(diary={"title": "Diary", "intro": "Fill it in.", "low": "none", "high": "worst",
                                   "usual": "Usual pain"}), "diary: rate: missing field"),
        # The fact box: every count out of its denominator, a detail within all small effects, each study cited.
        (lambda d: d.update(fact_box=_fact_box(minor=1200)),
         "fact box study 1 (A study): small and serious counts add up to more than 1000"),
        (lambda d: d.update(fact_box=_fact_box(detail=400)),
         "fact box study 1 (A study): 'A bruise' (400) is more than all small side effects (300)"),
        (lambda d: d.update(fact_box=_fact_box(citations=[])),
         "fact box study 1 (A study): evidence 'human observational' needs a citation"),
        (lambda d: d.update(fact_box=_fact_box(citations=["smith2099"])),
         "fact box study 1 (A study): unknown reference 'smith2099'"),
        (lambda d: d.update(fact_box={**_fact_box(), "benefit": [{"text": "It helps."}]}),
         "fact box benefit 1: a benefit is a claim: it needs 'evidence'"),
        (lambda d: d.update(fact_box={**_fact_box(), "studies": []}),
         "fact_box: studies: List should have at least 1 item"),
        # Steps have one text for everybody: a practitioner step text was shown by some outputs only.
        (lambda d: d["steps"][0].update(practitioner="Precise."), "step first: practitioner: unknown field"),
    ],
)
def test_each_kind_of_problem_gives_one_located_line(write_graph, mutate, expected):
    doc = mini_document()
    mutate(doc)
    lines = problems_of(write_graph(doc))
    matching = [line for line in lines if expected in line]
    assert matching, f"expected {expected!r} in {lines}"
    assert matching[0].split(":")[0].endswith("mini.yaml")


def test_problem_lines_carry_the_yaml_line_of_the_value(write_graph):
    doc = mini_document()
    doc["nodes"][2]["citations"] = ["smith2099"]
    path = write_graph(doc)
    line = problems_of(path)[0]
    number = int(line.split(":")[1])
    assert "smith2099" in path.read_text(encoding="utf-8").splitlines()[number - 1]


def test_feedback_edges_may_go_back(write_graph):
    doc = mini_document()
    doc["edges"].append({"source": "pain", "target": "twitch", "kind": "inhibits", "evidence": "review",
                         "citations": ["gattie2017"], "feedback": True})
    path = write_graph(doc)
    graph = load_graph(path, load_references(path.parent / "references.csl.json"))
    assert graph.edge("pain->twitch").feedback is True


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        (b"", "file: is empty"),
        (b"   \n\n  ", "file: is empty"),
        (b"- a\n- b\n", "file: must be a YAML mapping"),
        (b"id: mini\ntitle: caf\xe9\n", "not UTF-8 text"),
        (b"just a string", "file: must be a YAML mapping"),
    ],
)
def test_unreadable_files(write_graph, content, expected):
    lines = problems_of(write_graph(content))
    assert any(expected in line for line in lines), lines


def test_non_utf8_names_its_line(write_graph):
    raw = (FIXTURES / "mini.yaml").read_bytes().replace(b"Local twitch response", b"Local tw\xffitch response")
    path = write_graph(raw)
    line = problems_of(path)[0]
    number = int(line.split(":")[1])
    assert b"\xff" in raw.splitlines()[number - 1]


def test_alias_bomb_fails_fast(write_graph):
    lines = ['a0: &a0 ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]']
    for i in range(1, 10):
        refs = ", ".join([f"*a{i - 1}"] * 9)
        lines.append(f"a{i}: &a{i} [{refs}]")
    path = write_graph("\n".join(lines) + "\n")
    start = time.process_time()  # CPU time: a busy machine's waits for a CPU are not the parser's doing
    found = problems_of(path)
    assert time.process_time() - start < 1.0
    assert any("aliases (*name) are not allowed" in line for line in found)


def test_oversized_file_is_refused_without_reading_it(write_graph, monkeypatch):
    import mechanisms.content.load as load

    monkeypatch.setattr(load, "MAX_FILE_BYTES", 15_000)
    text = (FIXTURES / "mini.yaml").read_text(encoding="utf-8") + "# padding\n" * 2000
    path = write_graph(text)
    assert any("too large" in line for line in problems_of(path))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("[{", "JSON"),
        ('{"id": "x"}', "must be a JSON list"),
        ('[{"id": "a", "title": "A"}, {"id": "a", "title": "B"}]', "reference a: duplicate id"),
        ('[{"title": "No id"}]', "entry #1: needs a string 'id'"),
    ],
)
def test_bad_references_file(mini_dir, text, expected):
    (mini_dir / "references.csl.json").write_text(text, encoding="utf-8")
    catalog = load_catalog(mini_dir)
    assert any(expected in str(p) for p in catalog.problems), catalog.problems


def test_references_load_by_id():
    refs = load_references(FIXTURES / "references.csl.json")
    assert refs["gattie2017"]["DOI"] == "10.2519/jospt.2017.7096"
    assert len(refs) == len(json.loads((FIXTURES / "references.csl.json").read_text(encoding="utf-8")))


def test_a_copied_graph_builds_its_own_structure_and_indexes():
    graph = load_catalog(FIXTURES).graphs["mini"]
    assert graph.digraph.number_of_edges() == 3 and graph.node("needle") is not None
    renamed = graph.nodes[0].model_copy(update={"label": "Renamed"})
    copy = graph.model_copy(update={"edges": graph.edges[:1], "nodes": [renamed, *graph.nodes[1:]]})
    assert copy.digraph.number_of_edges() == 1, "not the original's cached structure"
    assert copy.node("needle").label == "Renamed"
    assert graph.digraph.number_of_edges() == 3
