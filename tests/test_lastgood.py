"""A broken edit never takes the explainer away: visitors keep the last good version, authors get the line."""

from __future__ import annotations

import logging
import os
import shutil
import time
from pathlib import Path

import pytest

from mechanisms.content import lastgood
from mechanisms.content.lastgood import LastGood, author_mode, data_signature, settled

from .conftest import FIXTURES

MINI = "mini.yaml"
REFS = "references.csl.json"


def _age(path: Path, seconds: float = 10.0) -> None:
    """Make a file look saved `seconds` ago (a finished save), and unlike any earlier version of it."""
    then = time.time() - seconds
    os.utime(path, (then, then))


def _write(folder: Path, name: str, text: str) -> None:
    (folder / name).write_text(text, encoding="utf-8")
    _age(folder / name, 5.0 + len(text) % 7)


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    data = tmp_path / "data"
    shutil.copytree(FIXTURES, data)
    for path in data.iterdir():
        _age(path, 60.0)
    return data


def _cut(text: str) -> str:
    return text[: len(text) // 2]


BREAKS = {
    "cut-off YAML": (MINI, lambda t: _cut(t)),
    "empty file": (MINI, lambda t: ""),
    "wrong types": (MINI, lambda t: t.replace("id: mini", "id: [mini]", 1)),
    "broken references file": (REFS, lambda t: _cut(t)),
    "references file not a list": (REFS, lambda t: '{"id": "x"}'),
}


@pytest.mark.parametrize("case", list(BREAKS))
def test_a_broken_file_keeps_the_last_good_graph_and_tells_authors_where(folder, case, caplog):
    store = LastGood(folder)
    good = store.refresh().graphs["mini"]
    name, breaking = BREAKS[case]
    original = (folder / name).read_text(encoding="utf-8")
    _write(folder, name, breaking(original))
    with caplog.at_level(logging.WARNING, logger="mechanisms.data"):
        served = store.refresh()
    assert served.graphs["mini"] is good, "visitors keep the last version that loaded and passed"
    assert served.problems and all(name in str(p) for p in served.problems)
    assert [r.getMessage() for r in caplog.records] == [str(p) for p in served.problems], "one log line each"
    if case not in ("empty file", "references file not a list"):
        assert any(p.line for p in served.problems), "a located line"
    assert served.references, "the graph kept from before still finds its references"
    _write(folder, name, original + "\n")
    fixed = store.refresh()
    assert fixed.problems == [] and fixed.graphs["mini"] is not good, "a fixed file shows again, no restart"


def test_a_file_being_saved_is_not_read_until_it_is_quiet(folder):
    store = LastGood(folder)
    first = store.refresh()
    (folder / MINI).write_text(_cut((folder / MINI).read_text(encoding="utf-8")), encoding="utf-8")  # mtime: now
    assert not settled(data_signature(folder))
    assert store.refresh() is first, "half a file is never read, let alone shown"
    _age(folder / MINI)
    assert store.refresh() is not first and store.served.problems, "read once the save is over"


def test_a_file_changed_while_it_was_read_is_read_again_later(folder):
    store = LastGood(folder)
    first = store.refresh()
    _write(folder, MINI, (folder / MINI).read_text(encoding="utf-8") + "\n")
    calls = iter(range(100))

    def moving(data: Path) -> tuple:
        return (*data_signature(data), ("writer", 0.0, next(calls)))

    assert store.refresh(moving) is first
    assert store.refresh() is not first


def test_the_first_read_waits_for_a_save_to_finish(folder, monkeypatch):
    monkeypatch.setattr(lastgood, "QUIET_S", 0.3)
    (folder / MINI).write_text((folder / MINI).read_text(encoding="utf-8"), encoding="utf-8")
    started = time.monotonic()
    served = LastGood(folder).refresh()
    assert "mini" in served.graphs and time.monotonic() - started >= 0.2


def test_a_removed_graph_file_is_no_longer_served(folder):
    store = LastGood(folder)
    assert "mini" in store.refresh().graphs
    (folder / MINI).unlink()
    _age(folder / REFS, 3.0)
    assert "mini" not in store.refresh().graphs


def test_nothing_loaded_yet_means_nothing_served(folder):
    _write(folder, MINI, "id: mini\nnodes: [\n")
    served = LastGood(folder).refresh()
    assert served.graphs == {} and served.problems


@pytest.mark.parametrize(("value", "on"), [("", False), ("0", False), ("no", False), ("1", True), ("true", True),
                                           (" ON ", True), ("yes", True)])
def test_author_mode_is_off_unless_asked_for(value, on):
    assert author_mode({"MECHANISMS_AUTHOR": value}) is on
    assert author_mode({}) is False
