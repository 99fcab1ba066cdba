"""How a clinic's details read, in the app's footer, on the handout and in the offline page: one list of lines."""

from __future__ import annotations

import base64
from dataclasses import dataclass

from ..content.clinic import Clinic
from ..content.placeholders import EMERGENCY, fill
from .catalogue import Words, or_english
from .links import valid_base_url


@dataclass(frozen=True)
class ClinicLine:
    """One line of a clinic's details: what it says and, for the phone and web address, where it goes."""

    label: str
    text: str
    url: str | None = None


def clinic_lines(clinic: Clinic | None, words: Words | None = None) -> list[ClinicLine]:
    """The clinic's name, phone and web address as every output shows them; nothing without a clinic."""
    if clinic is None:
        return []
    w = or_english(words)
    lines = [ClinicLine(w.clinic_heading, clinic.name)]
    if clinic.phone:
        dial = "".join(c for c in clinic.phone if c.isdigit() or c == "+")
        lines.append(ClinicLine(w.clinic_phone, clinic.phone, f"tel:{dial}"))
    if clinic.web and valid_base_url(clinic.web):
        lines.append(ClinicLine(w.clinic_web, clinic.web, clinic.web))
    return lines


def logo_data_uri(clinic: Clinic | None) -> str | None:
    """The logo as a data: address, for pages that must not fetch anything (the offline page)."""
    if clinic is None or clinic.logo is None:
        return None
    return f"data:image/{clinic.logo_type};base64,{base64.b64encode(clinic.logo).decode('ascii')}"


def with_clinic(text: str, clinic: Clinic | None, words: Words | None = None) -> str:
    """A data text as this clinic's readers see it: '{emergency}' is its emergency number, else the catalogue's
    words for it ('your local emergency number')."""
    number = clinic.emergency if clinic is not None and clinic.emergency else or_english(words).emergency_fallback
    return fill(text, {EMERGENCY: number})
