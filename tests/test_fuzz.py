"""Property-based: no malformed file, however broken, produces anything but located problems."""

from __future__ import annotations

from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from mechanisms.content.load import load_graph, load_references
from mechanisms.content.model import Graph
from mechanisms.content.problems import DataError

from .conftest import FIXTURES

REFS = load_references(FIXTURES / "references.csl.json")
MINI = (FIXTURES / "mini.yaml").read_text(encoding="utf-8")
REAL = (Path(__file__).resolve().parent.parent / "data" / "dry-needling.yaml").read_text(encoding="utf-8")
SETTINGS = settings(max_examples=150, deadline=None, database=None,
                    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])


def only_problems(path: Path) -> None:
    try:
        result = load_graph(path, REFS)
    except DataError as exc:
        assert exc.problems
        for problem in exc.problems:
            assert str(problem).startswith(str(path))
            assert "Traceback" not in str(problem)
    else:
        assert isinstance(result, Graph)


@st.composite
def mutated(draw, source: str) -> str:
    lines = source.splitlines()
    for _ in range(draw(st.integers(1, 4))):
        op = draw(st.sampled_from(["delete", "duplicate", "swap", "insert", "indent", "truncate"]))
        i = draw(st.integers(0, len(lines) - 1))
        if op == "delete" and len(lines) > 1:
            del lines[i]
        elif op == "duplicate":
            lines.insert(i, lines[i])
        elif op == "swap":
            j = draw(st.integers(0, len(lines) - 1))
            lines[i], lines[j] = lines[j], lines[i]
        elif op == "insert":
            lines.insert(i, draw(st.text(alphabet=st.characters(codec="utf-8"), max_size=30)))
        elif op == "indent":
            lines[i] = draw(st.sampled_from(["  ", "\t", "- ", "? ", "&a ", "*a ", "!!binary "])) + lines[i]
        elif op == "truncate":
            lines[i] = lines[i][: draw(st.integers(0, max(0, len(lines[i]))))]
    return "\n".join(lines)


@SETTINGS
@given(text=mutated(MINI))
def test_mutated_fixture_never_tracebacks(tmp_path_factory, text):
    path = tmp_path_factory.mktemp("fz") / "mini.yaml"
    path.write_text(text, encoding="utf-8")
    only_problems(path)


@settings(max_examples=60, deadline=None, database=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=mutated(REAL))
def test_mutated_real_graph_never_tracebacks(tmp_path_factory, text):
    path = tmp_path_factory.mktemp("fz") / "dry-needling.yaml"
    path.write_text(text, encoding="utf-8")
    only_problems(path)


@SETTINGS
@given(data=st.binary(max_size=300))
def test_random_bytes_never_traceback(tmp_path_factory, data):
    path = tmp_path_factory.mktemp("fz") / "mini.yaml"
    path.write_bytes(data)
    only_problems(path)


@SETTINGS
@given(text=st.text(max_size=300))
def test_random_text_never_tracebacks(tmp_path_factory, text):
    path = tmp_path_factory.mktemp("fz") / "mini.yaml"
    path.write_text(text, encoding="utf-8", errors="surrogatepass")
    only_problems(path)
