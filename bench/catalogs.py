"""Data catalogs loaded once per process, for the tests and benchmarks that read them and never change them."""

from __future__ import annotations

from functools import cache
from pathlib import Path

from mechanisms.content.load import Catalog, data_folder, load_catalog


@cache
def _load(folder: Path) -> Catalog:
    return load_catalog(folder)


def shared_catalog(folder: Path | None = None) -> Catalog:
    """The folder's catalog (the data folder by default), read from disk once per run: every reader gets the same
    (unchanged) one."""
    return _load(Path(folder or data_folder()).resolve())
