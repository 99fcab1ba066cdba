"""Data catalogs loaded once per process, for the tests and benchmarks that read them and never change them."""

from __future__ import annotations

from functools import cache
from pathlib import Path

from mechanisms.content.load import DATA_DIR, Catalog, load_catalog


@cache
def _load(folder: Path) -> Catalog:
    return load_catalog(folder)


def shared_catalog(folder: Path = DATA_DIR) -> Catalog:
    """The folder's catalog, read from disk once per run: every reader gets the same (unchanged) one."""
    return _load(Path(folder).resolve())
