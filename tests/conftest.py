"""Shared fixtures: the tiny fixture graph, and a way to write it back with one thing broken."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import yaml

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "tests" / "fixtures" / "data"


def mini_document() -> dict[str, Any]:
    return yaml.safe_load((FIXTURES / "mini.yaml").read_text(encoding="utf-8"))


@pytest.fixture
def mini_dir(tmp_path: Path) -> Path:
    """A copy of the fixture folder that a test may break."""
    target = tmp_path / "data"
    shutil.copytree(FIXTURES, target)
    return target


@pytest.fixture
def write_graph(mini_dir: Path) -> Callable[..., Path]:
    """Write a (mutated) graph document or raw text as data/<name>.yaml; return its path."""

    def write(doc: dict[str, Any] | str | bytes, name: str = "mini") -> Path:
        path = mini_dir / f"{name}.yaml"
        if isinstance(doc, bytes):
            path.write_bytes(doc)
        elif isinstance(doc, str):
            path.write_text(doc, encoding="utf-8")
        else:
            path.write_text(yaml.safe_dump(doc, sort_keys=False, allow_unicode=True), encoding="utf-8")
        return path

    return write


def problems_after_edit(tmp_path: Path, old: str, new: str, last: bool = False) -> list[str]:
    """The problems of the real data with one edit made (the first `old`, or the `last` one): what an author sees."""
    from mechanisms.content.load import load_catalog

    data = tmp_path / "data"
    shutil.copytree(ROOT / "data", data)
    path = data / "dry-needling.yaml"
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    head, _, tail = text.rpartition(old) if last else text.partition(old)
    path.write_text(head + new + tail, encoding="utf-8")
    return [str(p) for p in load_catalog(data).problems]
