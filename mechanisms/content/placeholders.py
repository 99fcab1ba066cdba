"""Words a data text leaves to whoever runs the explainer: `{emergency}`, the number to call for urgent help.

An author writes "Get urgent help now: call {emergency}." once; a clinic that sets its emergency
number (999, 911, 112, ...) in its settings file gets that number, any other reader "your local emergency
number". Only texts that every output fills from the clinic's settings may hold one (`FILLED_IN`); anywhere
else braces are plain text.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

EMERGENCY = "emergency"
FALLBACK: dict[str, str] = {EMERGENCY: "your local emergency number"}
"""What each placeholder reads without a clinic's setting: also its longest reading, the one a reading grade
measures."""
FILLED_IN = ("key_points", "guide", "treatment", "teach_back")
"""The parts of a graph file whose texts are filled in (the key points, the practical guide, the body map's cautions,
the check questions); a placeholder anywhere else would show as written."""
URGENT = re.compile(r"\burgent\b", re.IGNORECASE)
"""A text that sends a reader to urgent help must say the number to call."""
_PLACEHOLDER = re.compile(r"\{([^{}]*)\}")


def placeholders(text: str) -> list[str]:
    """The names of the placeholders a text holds, in order ('emergency' for '{emergency}')."""
    return _PLACEHOLDER.findall(text)


def fill(text: str, values: Mapping[str, str] | None = None) -> str:
    """The text as a reader sees it: each known placeholder replaced by its value, else its fallback."""
    chosen = {**FALLBACK, **(values or {})}
    return _PLACEHOLDER.sub(lambda m: chosen.get(m.group(1), m.group(0)), text)
