"""`python -m mechanisms`: exit codes, one line per problem, never a traceback."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import networkx as nx
import pytest

from bench.catalogs import shared_catalog

from .conftest import FIXTURES, ROOT, mini_document


def run(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "mechanisms", *args], cwd=ROOT, capture_output=True, text=True,
                          timeout=60)


def test_check_passes_on_the_real_data():
    result = run("check")
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("ok: dry-needling:")


def test_check_summary_is_one_line_per_graph():
    result = run("--data", str(FIXTURES), "check")
    assert result.returncode == 0
    assert result.stdout.strip().splitlines() == ["ok: mini: 4 nodes, 3 edges, 2 steps, 1 glossary terms"]


@pytest.mark.parametrize(
    "content",
    [
        b"",
        b"id: mini\nnodes: [\n",
        b"\xff\xfe\x00garbage",
        b"- 1\n- 2\n",
        b"a: &a [1,2]\nb: [*a, *a]\n",
        b"id: mini\ntitle: 5\n",
        b"id: mini\ttitle: tab\n",
        b"!!python/object/apply:os.system ['echo pwned']\n",
    ],
)
def test_check_rejects_bad_files_with_lines_and_no_traceback(write_graph, content):
    path = write_graph(content)
    result = run("--data", str(path.parent), "check", str(path))
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert "pwned" not in result.stdout + result.stderr
    lines = result.stderr.strip().splitlines()
    assert lines[-1].endswith("problem(s) found.")
    for line in lines[:-1]:
        assert line.startswith(str(path)), line


def test_dump_node_link_round_trips():
    from mechanisms.outputs.dumps import story_digraph

    result = run("dump", "dry-needling", "--format", "node-link")
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    back = nx.node_link_graph(data, edges="edges")
    catalog = shared_catalog()
    original = story_digraph(catalog.graphs["dry-needling"], catalog.references)
    assert dict(back.nodes(data=True)) == dict(original.nodes(data=True))
    assert sorted(back.edges(data=True)) == sorted(original.edges(data=True))
    assert back.graph == original.graph
    node = data["nodes"][0]
    for key in ("id", "label", "region", "step", "evidence", "patient", "practitioner", "citations"):
        assert key in node
    for edge in data["edges"]:
        assert edge["kind"] in ("leads_to", "increases", "decreases", "activates", "inhibits")
        assert isinstance(edge["citations"], list)
    g = data["graph"]
    assert g["title"] and g["summary"] and g["glossary"]
    assert all({"id", "title", "patient", "unknowns", "nodes"} <= set(s) for s in g["steps"])
    cited = {c for n in data["nodes"] for c in n["citations"]} | {c for e in data["edges"] for c in e["citations"]}
    cited |= {c for p in g["guide"] for s in p["sections"] for i in s["items"] for c in i["citations"]}
    assert {r["id"] for r in g["references"]} == cited


def test_dump_cytoscape():
    result = run("dump", "dry-needling", "--format", "cytoscape")
    data = json.loads(result.stdout)
    assert {n["data"]["id"] for n in data["elements"]["nodes"]} >= {"needle-insertion", "pain"}
    edge = data["elements"]["edges"][0]["data"]
    assert {"id", "source", "target", "kind"} <= set(edge)


def test_dump_graphml(tmp_path):
    result = run("dump", "dry-needling", "--format", "graphml")
    assert result.returncode == 0
    path = tmp_path / "g.graphml"
    path.write_text(result.stdout, encoding="utf-8")
    g = nx.read_graphml(path)
    assert "periaqueductal-gray" in g
    assert g.nodes["periaqueductal-gray"]["region"] == "brain"
    assert json.loads(g.nodes["substance-p"]["citations"]) == ["hsieh2012"]


def test_dump_unknown_graph_is_one_clear_line():
    result = run("dump", "nope")
    assert result.returncode == 1
    assert "no valid graph 'nope'" in result.stderr
    assert "Traceback" not in result.stderr


def test_check_a_valid_mutation(write_graph):
    doc = mini_document()
    doc["title"] = "Changed"
    path = write_graph(doc)
    assert run("--data", str(path.parent), "check").returncode == 0


HARD = ("Notwithstanding considerable methodological heterogeneity, electrophysiological investigations "
        "demonstrated neuromodulatory phenomena attributable to intramuscular stimulation.")


def test_check_names_a_hard_patient_sentence_with_its_line_and_grade(write_graph):
    doc = mini_document()
    doc["steps"][1]["patient"] += " " + HARD
    path = write_graph(doc)
    result = run("--data", str(path.parent), "check")
    assert result.returncode == 1
    problems = result.stderr.strip().splitlines()[:-1]
    assert len(problems) == 1, result.stderr
    line = problems[0]
    value_line = next(i for i, t in enumerate(path.read_text().splitlines(), 1) if "The pain may go down" in t)
    assert line.startswith(f"{path}:{value_line}: step second (patient): reading grade "), line
    assert float(line.split("reading grade ")[1].split()[0]) > 15
    assert '"Notwithstanding considerable' in line


def test_check_counts_a_glossary_term_as_one_short_word(write_graph):
    doc = mini_document()
    doc["glossary"].append({"id": "pag", "term": "PAG (periaqueductal gray)",
                            "definition": "A small area of the brainstem."})
    doc["steps"][0]["patient"] = "The periaqueductal gray can calm pain. So can the PAG."
    assert run("--data", str(write_graph(doc).parent), "check").returncode == 0


def test_the_console_script_is_installed_and_runs():
    """pyproject.toml declares `mechanisms`; the test command installs the project, so it must run."""
    script = Path(sys.executable).with_name("mechanisms")
    assert script.exists(), "pip install -e . (scripts/test.sh) puts the console script beside python"
    result = subprocess.run([str(script), "--data", str(FIXTURES), "check"], capture_output=True, text=True,
                            timeout=60)
    assert result.returncode == 0 and result.stdout.startswith("ok: mini:"), result.stderr


def test_export_audience_choices_are_the_audiences():
    from mechanisms.cli import build_parser
    from mechanisms.present.audience import AUDIENCES

    export = build_parser()._subparsers._group_actions[0].choices["export"]
    action = next(a for a in export._actions if a.dest == "audience")
    assert tuple(action.choices) == AUDIENCES


def test_bench_says_where_the_benchmark_lives_now():
    result = run("bench", "--json", "--repeat", "1")
    assert result.returncode == 2
    assert "python -m bench" in result.stderr
    assert "Traceback" not in result.stderr
