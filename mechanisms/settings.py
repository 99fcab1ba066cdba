"""Every environment variable the product reads, read in this one place into a frozen `Settings`.

The bottom layer: it imports nothing from `mechanisms`, and nothing else in the package reads the
environment. Call `settings()` where a setting is needed (not at import), so the app, the command
and the tests all follow one rule: the environment as it is when asked. The same environment gives
the same `Settings` object (cached on the variables' values); a test passes its own mapping.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

DATA_VARIABLE = "MECHANISMS_DATA"
"""A folder of graph files to serve instead of the repository's `data/` (tests, clinics)."""
BASE_URL_VARIABLE = "MECHANISMS_BASE_URL"
"""The online app's address, for the links and QR codes a phone opens."""
PATIENT_PAGE_VARIABLE = "MECHANISMS_PATIENT_PAGE"
"""Where the patient page (`export --format site`) is served: an address, or a path on the app's own host
("/patient/", as deploy/ serves it). Set, the QR code, the copied link and the handout open it."""
CLINIC_VARIABLE = "MECHANISMS_CLINIC"
"""The clinic's settings file (default: clinic.yaml beside data/, optional)."""
AUTHOR_MODE_VARIABLE = "MECHANISMS_AUTHOR"
"""Set to 1 (or true, yes, on) where authors work: the page then also shows what is wrong with a file."""
VARIABLES = (DATA_VARIABLE, BASE_URL_VARIABLE, CLINIC_VARIABLE, AUTHOR_MODE_VARIABLE, PATIENT_PAGE_VARIABLE)

DEFAULT_DATA_DIR = Path(__file__).resolve().parents[1] / "data"


@dataclass(frozen=True)
class Settings:
    """What this process was told by its environment."""

    data_dir: Path = DEFAULT_DATA_DIR
    """Where graphs and references live."""
    base_url: str = ""
    """The configured online address as given (checked where it is used), '' when unset."""
    clinic_file: Path | None = None
    """The clinic's settings file someone named (a missing one is then a problem); None: the default, optional."""
    author_mode: bool = False
    """Whether the page shows authors what is wrong with a file (visitors never see it)."""
    patient_page: str = ""
    """The patient page's address or path as given (checked where it is used), '' when not served."""


def _is_on(value: str) -> bool:
    return value.strip().lower() in ("1", "true", "yes", "on")


@lru_cache(maxsize=16)
def _from_values(values: tuple[str, ...]) -> Settings:
    data, base_url, clinic, author, patient_page = values
    return Settings(
        data_dir=Path(data) if data else DEFAULT_DATA_DIR,
        base_url=base_url,
        clinic_file=Path(clinic.strip()) if clinic.strip() else None,
        author_mode=_is_on(author),
        patient_page=patient_page.strip(),
    )


def settings(environ: Mapping[str, str] = os.environ) -> Settings:
    """The settings of this environment (the process's by default), one frozen object per set of values."""
    return _from_values(tuple(environ.get(name, "") for name in VARIABLES))
