"""The code's shape: layers import one way, Streamlit only in the app, short functions, no test imports."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from .conftest import ROOT

CODE = sorted([ROOT / "app.py", *(ROOT / "mechanisms").rglob("*.py"),
               *(ROOT / "bench").rglob("*.py"), *(ROOT / "scripts").rglob("*.py")])
LAYERS = ["settings", "content", "present", "diagram", "outputs", "webapp"]
"""Inside mechanisms/, each layer may import only the layers before it (settings.py is the bottom one)."""
STREAMLIT_PAGES = {"app.py", "bench/floor_app.py"}
"""With every module of mechanisms/webapp/, the only code that imports Streamlit."""
MAX_LINES = 60


def imports(path: Path) -> set[str]:
    """Every module a file imports, relative imports resolved to 'mechanisms.x.y'."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    package = list(path.relative_to(ROOT).with_suffix("").parts[:-1])
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found |= {a.name for a in node.names}
        elif isinstance(node, ast.ImportFrom):
            base = package[: len(package) - node.level + 1] if node.level else []
            module = ".".join([*base, *(node.module.split(".") if node.module else [])])
            found.add(module)
            found |= {f"{module}.{a.name}" for a in node.names}
    return found


def rel(path: Path) -> str:
    return path.relative_to(ROOT).as_posix()


@pytest.mark.parametrize("path", CODE, ids=rel)
def test_nothing_outside_tests_imports_tests(path):
    assert not any(m == "tests" or m.startswith("tests.") for m in imports(path))


@pytest.mark.parametrize("path", CODE, ids=rel)
def test_streamlit_only_in_the_app(path):
    if rel(path) not in STREAMLIT_PAGES and not rel(path).startswith("mechanisms/webapp/"):
        assert not any(m.split(".")[0] == "streamlit" for m in imports(path))


@pytest.mark.parametrize("path", [p for p in CODE if rel(p).startswith("mechanisms/")], ids=rel)
def test_layers_import_only_the_layers_before_them(path):
    layer = Path(path.relative_to(ROOT / "mechanisms").parts[0]).stem
    if layer not in LAYERS:
        return  # the command line sits on top of every layer
    allowed = set(LAYERS[: LAYERS.index(layer) + 1])
    used = {m.split(".")[1] for m in imports(path) if m.startswith("mechanisms.") and m.count(".") >= 1}
    assert used <= allowed, (rel(path), used - allowed)


@pytest.mark.parametrize("path", [p for p in CODE if rel(p).startswith("mechanisms/")], ids=rel)
def test_the_package_does_not_import_the_benchmarks(path):
    """bench/ is a folder of the repository, not part of the installed package: nothing installed may need it."""
    assert not any(m == "bench" or m.startswith("bench.") for m in imports(path))


ENVIRONMENT_READS = ("os.environ", "os.getenv", "os.putenv")


@pytest.mark.parametrize("path", [p for p in CODE if rel(p).startswith("mechanisms/")], ids=rel)
def test_only_settings_reads_the_environment(path):
    """One place reads the product's environment variables: mechanisms/settings.py."""
    if rel(path) == "mechanisms/settings.py":
        return
    text = path.read_text(encoding="utf-8")
    assert not [r for r in ENVIRONMENT_READS if r in text], rel(path)
    assert "getenv" not in text and "environ[" not in text, rel(path)


def functions(path: Path):
    tree = ast.parse(path.read_text(encoding="utf-8"))
    for node in ast.walk(tree):
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
            yield node.name, node.end_lineno - node.lineno + 1


@pytest.mark.parametrize("path", CODE, ids=rel)
def test_functions_are_short(path):
    long = [(name, n) for name, n in functions(path) if n > MAX_LINES]
    assert not long, f"{rel(path)}: {long} over {MAX_LINES} lines"


def test_the_figure_and_the_handout_are_assembled_from_small_parts():
    from mechanisms.diagram import figure
    from mechanisms.outputs import handout

    for module, name in ((figure, "build_figure"), (handout, "build_pdf")):
        sizes = dict(functions(Path(module.__file__)))
        assert sizes[name] <= 50, (name, sizes[name])


def test_the_app_path_does_not_load_the_reading_grader():
    """textstat and its dictionaries cost a server ~30 MB; only `mechanisms check` grades text."""
    import subprocess
    import sys

    code = ("import sys, mechanisms.content.load, mechanisms.diagram.figure, mechanisms.present.view; "
            "print('textstat' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert out.stdout.strip() == "False", out.stderr


def test_the_only_python_file_at_the_root_is_the_entry_point():
    """The page lives in mechanisms/webapp/; app.py only wires it (and is what `streamlit run` is given)."""
    assert sorted(p.name for p in ROOT.glob("*.py")) == ["app.py"]


def test_the_entry_point_only_wires_the_page():
    """No function, callback or cache in app.py: each job has its module in mechanisms/webapp/."""
    tree = ast.parse((ROOT / "app.py").read_text(encoding="utf-8"))
    defined = [n.name for n in ast.walk(tree) if isinstance(n, (ast.FunctionDef, ast.ClassDef))]
    assert defined == []
    assert len((ROOT / "app.py").read_text(encoding="utf-8").splitlines()) <= 60
