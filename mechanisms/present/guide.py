"""The practical guide (is it safe, after your session, questions) as every output shows it.

The app, the PDF and the offline page all render these lines, so a rate or a source can never
read differently in one of them.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from ..content.citations import short_citation
from ..content.clinic import Clinic
from ..content.model import Caution, Graph, GuideItem
from .catalogue import Words, or_english
from .clinic import with_clinic

MARKS = {"actions": "\u2610", "warnings": "\u26a0"}
"""A box to tick before each action (a checklist a patient can use) and a warning sign before each
'get help' line; facts and questions have none."""


@dataclass(frozen=True)
class GuideLine:
    """One item as read: its text, and for a fact, its evidence badge and sources ('Boyce 2020'), with the
    source note in the reader's words (`source_note`)."""

    text: str
    kind: str
    badge: str | None = None
    sources: tuple[str, ...] = ()
    refs: tuple[str, ...] = ()
    source_note: str = ""
    """'Human trial. Sources: Hong 1994; Martín-Pintado-Zugasti 2016.' for a fact, or any line that carries
    its evidence (today's cautions); empty for the rest."""

    @property
    def mark(self) -> str:
        """The sign before the line: a box for an action, a warning sign for a warning, none otherwise."""
        return MARKS.get(self.kind, "")


@dataclass(frozen=True)
class GuideBlock:
    """A section as read: its heading, its kind and its lines."""

    id: str
    title: str
    kind: str
    lines: tuple[GuideLine, ...]


@dataclass(frozen=True)
class GuideChapter:
    """A part of the guide as read: heading, optional introduction, sections."""

    id: str
    title: str
    intro: str | None
    blocks: tuple[GuideBlock, ...]


def source_note(kind: str, evidence: str | None, sources: tuple[str, ...], words: Words) -> str:
    """A fact's (or a caution's) evidence and sources, the evidence in the plain words a patient meets it in:
    'Tested in people in trials. Sources: Hong 1994; Boyce 2020.'."""
    if kind != "facts" and evidence is None:
        return ""
    parts = [plain_evidence(evidence, words) + "." if evidence else "", words.sources(sources) if sources else ""]
    return " ".join(p for p in parts if p)


def plain_evidence(evidence: str, words: Words) -> str:
    """'Seen in people': how sure, said where a patient meets it (no 'human observational' to look up)."""
    plain = words.evidence_plain[evidence]
    return plain[:1].upper() + plain[1:]


def guide_line(item: GuideItem | Caution, kind: str, references: Mapping[str, Mapping[str, Any]],
               clinic: Clinic | None = None, words: Words | None = None) -> GuideLine:
    """One item (or a body-map caution) with its evidence badge and short sources, in the words every output uses
    (the number to call for urgent help filled in from the clinic's settings)."""
    w = or_english(words)
    sources = tuple(short_citation(r, references) for r in item.citations)
    return GuideLine(
        text=" ".join(with_clinic(item.text, clinic, w).split()), kind=kind,
        badge=w.evidence_badge[item.evidence] if item.evidence else None,
        sources=sources, refs=tuple(item.citations), source_note=source_note(kind, item.evidence, sources, w),
    )


def key_points(graph: Graph, clinic: Clinic | None = None, words: Words | None = None) -> tuple[GuideLine, ...]:
    """The key points as read, the number to call filled in: every output shows them first and again at the end
    (an urgent one with the warning sign; their sources stay in the guide, where the same facts are cited)."""
    w = or_english(words)
    return tuple(GuideLine(text=" ".join(with_clinic(p.text, clinic, w).split()),
                           kind="warnings" if p.urgent else "points", refs=tuple(p.citations))
                 for p in graph.key_points)


def guide_chapters(graph: Graph, references: Mapping[str, Mapping[str, Any]],
                   clinic: Clinic | None = None, words: Words | None = None, short: bool = False) -> list[GuideChapter]:
    """The whole guide, ready to render, with this clinic's emergency number where urgent help is named.

    `short` (the patient's short handout) keeps only the sections marked `short` and puts the part with the urgent
    signs first: what to do after the session comes before what to tell the physio next time.
    """
    w = or_english(words)
    chapters = [
        GuideChapter(
            id=part.id, title=with_clinic(part.title, clinic, w),
            intro=" ".join(with_clinic(part.intro, clinic, w).split()) if part.intro else None,
            blocks=tuple(
                GuideBlock(id=s.id, title=with_clinic(s.title, clinic, w), kind=s.kind,
                           lines=tuple(guide_line(i, s.kind, references, clinic, w) for i in s.items))
                for s in part.sections if s.short or not short
            ),
        )
        for part in graph.guide
    ]
    if not short:
        return chapters
    kept = [c for c in chapters if c.blocks]
    return sorted(kept, key=lambda c: not any(b.kind == "warnings" for b in c.blocks))
