"""Read graph files and references from `data/`, turning every failure into located problems.

Nothing here raises anything but `DataError`: a broken file must give an author one line per
problem, never a traceback, and must never take down the other graphs.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from pydantic import ValidationError

from ..settings import settings
from .checks import check_graph, check_reading
from .model import Graph, edge_id
from .problems import DataError, Problem
from .yaml_tree import Loc, line_of, parse_yaml


def data_folder() -> Path:
    """Where graphs live (`settings().data_dir`): MECHANISMS_DATA points the app and the CLI at another folder."""
    return settings().data_dir


REFERENCES_FILE = "references.csl.json"
MAX_FILE_BYTES = 20_000_000
"""A graph file is hand-written text; anything larger is a mistake, not content."""


@dataclass
class Catalog:
    """Every graph in a folder that loaded, and the problems of those that did not."""

    graphs: dict[str, Graph] = field(default_factory=dict)
    references: dict[str, dict[str, Any]] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)
    files: dict[str, Path] = field(default_factory=dict)
    version: int = 0
    """Counts the reads a server has served from this folder (see `lastgood`): a key for what is drawn."""


def _display(path: Path) -> str:
    try:
        return str(path.resolve().relative_to(Path.cwd()))
    except ValueError:
        return str(path)


def read_text(path: Path) -> str:
    """The file's text, or a DataError saying why it cannot be read as UTF-8 text."""
    name = _display(path)
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            raise DataError([Problem(name, "file", f"too large ({size} bytes; at most {MAX_FILE_BYTES})")])
        raw = path.read_bytes()
    except OSError as exc:
        raise DataError([Problem(name, "file", f"cannot be read: {exc.strerror or exc}")]) from None
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise DataError(
            [Problem(name, "file", f"not UTF-8 text (byte 0x{raw[exc.start]:02x} at offset {exc.start})", line)]
        ) from None
    if not text.strip():
        raise DataError([Problem(name, "file", "is empty")])
    return text.removeprefix("\ufeff")


def _where(data: Any, loc: Loc) -> str:
    """Name the item a path points into by its id, e.g. 'node substance-p', for authors."""
    sections = ("nodes", "steps", "regions", "glossary", "edges", "guide")
    if len(loc) >= 2 and loc[0] in sections and isinstance(loc[1], int):
        section, index = loc[0], loc[1]
        try:
            item = data[section][index]
        except (KeyError, IndexError, TypeError):
            item = None
        kind = {"nodes": "node", "steps": "step", "regions": "region", "glossary": "term", "edges": "edge",
                "guide": "guide part"}[section]
        if isinstance(item, dict):
            if section == "edges":
                label = edge_id(str(item.get("source", "?")), str(item.get("target", "?")))
            else:
                label = str(item.get("id", f"#{index + 1}"))
        else:
            label = f"#{index + 1}"
        rest = ".".join(str(k) for k in loc[2:])
        return f"{kind} {label}" + (f" ({rest})" if rest else "")
    return ".".join(str(k) for k in loc) or "graph"


_PYDANTIC_WORDS = {
    "missing": "missing field",
    "extra_forbidden": "unknown field (misspelt?)",
    "string_too_short": "is empty",
}


def _schema_problems(exc: ValidationError, data: Any, tree: yaml.Node, name: str) -> list[Problem]:
    problems = []
    for err in exc.errors():
        loc: Loc = tuple(err["loc"])
        message = _PYDANTIC_WORDS.get(err["type"], err["msg"])
        if err["type"] == "literal_error":
            message = f"{err['msg'].lower()}; got {err.get('input')!r}"
        elif err["type"] == "string_pattern_mismatch":
            message = f"ids use lower-case letters, digits and hyphens; got {err.get('input')!r}"
        field_name = str(loc[-1]) if loc and not isinstance(loc[-1], int) else ""
        if field_name:
            message = f"{field_name}: {message}"
        problems.append(Problem(name, _where(data, loc[:-1] if field_name else loc), message, line_of(tree, loc)))
    return problems


def load_references(path: Path) -> dict[str, dict[str, Any]]:
    """CSL-JSON references by id; a DataError if the file is not a list of entries with ids."""
    name = _display(path)
    text = read_text(path)
    try:
        entries = json.loads(text)
    except json.JSONDecodeError as exc:
        raise DataError([Problem(name, "JSON", exc.msg, exc.lineno)]) from None
    if not isinstance(entries, list):
        raise DataError([Problem(name, "file", "must be a JSON list of CSL-JSON entries")])
    refs: dict[str, dict[str, Any]] = {}
    problems = []
    for i, entry in enumerate(entries):
        if not isinstance(entry, dict) or not isinstance(entry.get("id"), str):
            problems.append(Problem(name, f"entry #{i + 1}", "needs a string 'id'"))
        elif entry["id"] in refs:
            problems.append(Problem(name, f"reference {entry['id']}", "duplicate id"))
        elif not entry.get("title"):
            problems.append(Problem(name, f"reference {entry['id']}", "missing title"))
        else:
            refs[entry["id"]] = entry
    if problems:
        raise DataError(problems)
    return refs


def load_graph(path: Path, references: dict[str, dict[str, Any]], reading: bool = False) -> Graph:
    """A valid graph from one YAML file, or a DataError listing every problem with its line.

    `reading` adds the reading-grade check of patient text (what `python -m mechanisms check` runs).
    """
    name = _display(path)
    data, tree = parse_yaml(read_text(path), name)
    if not isinstance(data, dict):
        raise DataError([Problem(name, "file", "must be a YAML mapping with id, title, nodes, edges...", 1)])
    try:
        graph = Graph.model_validate(data)
    except ValidationError as exc:
        raise DataError(_schema_problems(exc, data, tree, name)) from None
    findings = check_graph(graph, references)
    if reading:
        findings += check_reading(graph)
    if graph.id != path.stem:
        findings.append((("id",), "id", f"'{graph.id}' does not match the file name '{path.stem}'"))
    if findings:
        raise DataError([Problem(name, where, what, line_of(tree, loc)) for loc, where, what in findings])
    return graph


def graph_files(data_dir: Path | None = None) -> list[Path]:
    """The graph files of a folder (default: the data folder), in name order: every `*.yaml` is one graph."""
    data_dir = data_folder() if data_dir is None else data_dir
    return sorted(p for p in data_dir.glob("*.yaml") if p.is_file())


def load_catalog(data_dir: Path | None = None, paths: list[Path] | None = None, reading: bool = False) -> Catalog:
    """Load every graph it can (default: from the data folder); a broken file adds problems, the others stay usable."""
    data_dir = data_folder() if data_dir is None else data_dir
    catalog = Catalog()
    ref_path = data_dir / REFERENCES_FILE
    try:
        catalog.references = load_references(ref_path)
    except DataError as exc:
        catalog.problems.extend(exc.problems)
    for path in paths if paths is not None else graph_files(data_dir):
        try:
            graph = load_graph(path, catalog.references, reading)
        except DataError as exc:
            catalog.problems.extend(exc.problems)
            continue
        if graph.id in catalog.graphs:
            catalog.problems.append(
                Problem(_display(path), "id",
                        f"graph id '{graph.id}' is already used by {catalog.files[graph.id].name}")
            )
            continue
        catalog.graphs[graph.id] = graph
        catalog.files[graph.id] = path
    return catalog
