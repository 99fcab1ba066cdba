"""Today's treatment in plain words: what the physio marked on the body map, read back as a guide chapter.

A chapter like the guide's, so the app, the PDF and the offline page render it with the guide's own
code: the same marks, the same sources. It is made from the view alone (the link), never stored. What
is said of the treatment ("Today your physio put needles in your {areas}.", an electric current) is the
graph's data (`treatment:`); the words around it are the view's language's.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from ..content.clinic import Clinic
from ..content.model import AREAS, Graph
from .catalogue import Words, or_english, words
from .guide import GuideBlock, GuideChapter, guide_line
from .view import View

TODAY_ID = "today"
AREAS_PER_SENTENCE = 3
"""More areas than this are said in several short sentences: one long list reads at grade 13."""


def joined(items: list[str], language_words: Words | None = None) -> str:
    """'a', 'a and b', 'a, b and c': how a sentence lists today's areas."""
    return or_english(language_words).joined(items)


def today_sentence(graph: Graph, view: View) -> str | None:
    """'Today your physio put needles in your upper back and calf.' (and each option marked); None if unmarked."""
    if graph.treatment is None or not view.areas:
        return None
    labels = [a.label for a in graph.treatment.areas if a.id in view.areas]
    if not labels:
        return None
    w = words(view.language)
    groups = [labels[i:i + AREAS_PER_SENTENCE] for i in range(0, len(labels), AREAS_PER_SENTENCE)]
    sentences = [graph.treatment.needled.replace(AREAS, w.joined(groups[0]))]
    sentences += [graph.treatment.needled_more.replace(AREAS, w.joined(group)) for group in groups[1:]]
    sentences += [o.sentence for o in graph.treatment.options if o.id in view.options]
    return " ".join(sentences)


def treatment_chapter(graph: Graph, view: View, references: Mapping[str, Mapping[str, Any]],
                      clinic: Clinic | None = None) -> GuideChapter | None:
    """Today's areas, the cautions they carry (once each, with sources, and the clinic's emergency number) and
    where the aftercare is."""
    sentence = today_sentence(graph, view)
    if sentence is None or graph.treatment is None:
        return None
    w = words(view.language)
    marked = [a for a in graph.treatment.areas if a.id in view.areas]
    wanted = {c for a in marked for c in a.cautions}
    cautions = [c for c in graph.treatment.cautions if c.id in wanted]  # in the data's order, each once
    blocks = []
    if cautions:
        lines = tuple(guide_line(c, "warnings", references, clinic, w) for c in cautions)
        blocks.append(GuideBlock(id="today-cautions", title=w.today_cautions, kind="warnings", lines=lines))
    return GuideChapter(id=TODAY_ID, title=w.today_heading, intro=f"{sentence} {w.today_aftercare}",
                        blocks=tuple(blocks))
