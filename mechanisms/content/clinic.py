"""A clinic's own details (name, phone, web address, a small logo, the emergency number) from one optional file.

The file belongs to whoever runs the explainer, not to the content: `MECHANISMS_CLINIC` names it,
else `clinic.yaml` at the top of the project is read if it exists (`clinic.example.yaml` shows the
fields). No file means nothing is shown. A bad file gives located problems and no details; the
explainer itself never depends on it.
"""

from __future__ import annotations

import logging
import struct
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pydantic import ValidationError, field_validator

from ..settings import CLINIC_VARIABLE, settings
from .load import _display, read_text
from .model import _Strict
from .problems import DataError, Problem
from .yaml_tree import line_of, parse_yaml

LOG = logging.getLogger("mechanisms.clinic")
DEFAULT_FILE = Path(__file__).resolve().parents[2] / "clinic.yaml"
MAX_LOGO_BYTES = 200_000
MAX_LOGO_PIXELS = 1200
"""A logo is printed about 2 cm wide: anything bigger than this is a photo or a mistake."""


class ClinicFields(_Strict):
    """What a clinic may write in its settings file, and nothing else."""

    name: str
    phone: str | None = None
    web: str | None = None
    logo: str | None = None
    """A PNG or JPEG file, relative to the settings file."""
    emergency: str | None = None
    """The number to dial for urgent help where the clinic is (999, 911, 112, 000, ...)."""

    @field_validator("name", "phone", "web", "logo", "emergency")
    @classmethod
    def _short(cls, value: str | None) -> str | None:
        if value is None:
            return None
        value = value.strip()
        if not 1 <= len(value) <= 80:
            raise ValueError("must be 1 to 80 characters")
        return value

    @field_validator("phone")
    @classmethod
    def _phone(cls, value: str | None) -> str | None:
        if value is not None and not all(c.isdigit() or c in " +-().ext" for c in value):
            raise ValueError(f"digits, spaces and + - ( ) only; got {value!r}")
        return value

    @field_validator("emergency")
    @classmethod
    def _emergency(cls, value: str | None) -> str | None:
        if value is not None and not (value.isdigit() and value.isascii() and 2 <= len(value) <= 6):
            raise ValueError(f"must be the short number to dial for urgent help, 2 to 6 digits such as 999, 911, "
                             f"112 or 000; got {value!r}")
        return value

    @field_validator("web")
    @classmethod
    def _web(cls, value: str | None) -> str | None:
        from urllib.parse import urlsplit

        if value is not None:
            parts = urlsplit(value)
            if parts.scheme not in ("http", "https") or not parts.netloc or any(c.isspace() for c in value):
                raise ValueError(f"must be a web address starting with https:// or http://; got {value!r}")
        return value


@dataclass(frozen=True)
class Clinic:
    """A clinic's details as every output shows them; the logo as PNG or JPEG bytes, if given."""

    name: str
    phone: str | None = None
    web: str | None = None
    logo: bytes | None = None
    logo_type: str | None = None
    """'png' or 'jpeg'."""
    emergency: str | None = None
    """The number to call for urgent help, where the clinic set it."""


def clinic_file(environ: Mapping[str, str] | None = None) -> tuple[Path, bool]:
    """The settings file to read, and whether someone named it (then a missing file is a problem)."""
    named = (settings() if environ is None else settings(environ)).clinic_file
    return (named, True) if named is not None else (DEFAULT_FILE, False)


def _image_size(data: bytes) -> tuple[str, int, int] | None:
    """The kind and pixel size of a PNG or baseline/progressive JPEG, read from its header; None otherwise."""
    if data[:8] == b"\x89PNG\r\n\x1a\n" and data[12:16] == b"IHDR":
        width, height = struct.unpack(">II", data[16:24])
        return "png", width, height
    if data[:2] == b"\xff\xd8":
        i = 2
        while i + 9 < len(data):
            if data[i] != 0xFF:
                return None
            marker = data[i + 1]
            length = struct.unpack(">H", data[i + 2:i + 4])[0]
            if marker in (0xC0, 0xC1, 0xC2):
                height, width = struct.unpack(">HH", data[i + 5:i + 9])
                return "jpeg", width, height
            i += 2 + length
    return None


def _logo(path: Path, name: str, line: int | None) -> tuple[bytes, str]:
    """The logo's bytes and kind, or a DataError saying what is wrong with it (at the logo's line)."""
    def fail(message: str) -> DataError:
        return DataError([Problem(name, "logo", f"{path.name} {message}", line)])

    try:
        data = path.read_bytes()
    except OSError as exc:
        raise fail(f"cannot be read: {exc.strerror or exc}") from None
    if len(data) > MAX_LOGO_BYTES:
        raise fail(f"is {len(data):,} bytes; at most {MAX_LOGO_BYTES:,}")
    size = _image_size(data)
    if size is None:
        raise fail("is not a PNG or JPEG image")
    kind, width, height = size
    if max(width, height) > MAX_LOGO_PIXELS:
        raise fail(f"is {width}x{height} px; at most {MAX_LOGO_PIXELS} px on each side")
    return data, kind


def _settings_problem(err: Any, tree: Any, name: str) -> Problem:
    """One located line for one wrong field: 'clinic.yaml:3: web: must be a web address ...'."""
    loc = tuple(err["loc"])
    field = ".".join(str(k) for k in loc) or "settings"
    example = '"999"' if field == "emergency" else '"0123 456 789"'
    message = {"missing": "missing (the clinic's name is needed)",
               "string_type": f"must be text: put it in quotes, e.g. {field}: {example}", "extra_forbidden":
               f"unknown field (misspelt?); use {', '.join(ClinicFields.model_fields)}"}.get(err["type"])
    if message is None:
        message = str(err["msg"]).removeprefix("Value error, ")
    return Problem(name, field, message, line_of(tree, loc) if loc else None)


def load_clinic(path: Path, required: bool = False) -> Clinic | None:
    """The clinic's details, None if there is no file (and none was asked for), or a DataError with located lines."""
    name = _display(path)
    if not path.exists():
        if required:
            raise DataError([Problem(name, "file", f"not found (named by {CLINIC_VARIABLE})")])
        return None
    data, tree = parse_yaml(read_text(path), name)
    if not isinstance(data, dict):
        raise DataError([Problem(name, "file", "must be a YAML mapping with name, phone, web, logo, emergency", 1)])
    try:
        fields = ClinicFields.model_validate(data)
    except ValidationError as exc:
        raise DataError([_settings_problem(err, tree, name) for err in exc.errors()]) from None
    logo, kind = _logo(path.parent / fields.logo, name, line_of(tree, ("logo",))) if fields.logo else (None, None)
    return Clinic(name=fields.name, phone=fields.phone, web=fields.web, logo=logo, logo_type=kind,
                  emergency=fields.emergency)


def clinic_signature(environ: Mapping[str, str] | None = None) -> tuple[str, bool, int, int]:
    """Which settings file, and its change time and size (-1 when absent): a server reads it again when this changes."""
    path, named = clinic_file(environ)
    try:
        stat = path.stat()
        return str(path), named, stat.st_mtime_ns, stat.st_size
    except OSError:
        return str(path), named, -1, -1


def configured_clinic(signature: tuple[str, bool, int, int] | None = None) -> tuple[Clinic | None, list[Problem]]:
    """The clinic of this server's settings, and its problems, each logged once: the explainer works either way."""
    path, named, *_ = signature or clinic_signature()
    try:
        return load_clinic(Path(path), required=named), []
    except DataError as exc:
        for problem in exc.problems:
            LOG.warning("%s", problem)
        return None, exc.problems
