"""What the patient's short handout says beside the story: how sure each step is, and which words it explains.

Evidence levels and reference numbers stay out of the reading text there: one plain line per step says how
sure we are, and the glossary lists only the words the handout's own text uses.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from ..content.model import EVIDENCE_LEVELS, Graph, Term
from .catalogue import Words


def step_certainty(graph: Graph, step_id: str, words: Words) -> str:
    """'How sure are we? Seen in people; an idea that has not been tested yet.': the kinds of evidence behind the
    step's parts, strongest first, each once."""
    found = {node.evidence for node in graph.nodes_in_step(step_id)}
    levels = words.source_separator.join(words.evidence_plain[level] for level in EVIDENCE_LEVELS if level in found)
    return words.step_certainty(levels[:1].upper() + levels[1:])


def terms_used(graph: Graph, texts: Iterable[str]) -> list[Term]:
    """The glossary's terms that appear in `texts` (whole words, any case), in glossary order."""
    joined = "\n".join(texts)
    return [t for t in graph.glossary
            if re.search(r"(?<!\w)" + re.escape(t.term) + r"(?:s|es)?(?!\w)", joined, flags=re.IGNORECASE)]
