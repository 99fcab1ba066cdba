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


class FirstUse:
    """Says each term's plain meaning in brackets after its first use, fed the texts in the order they are read
    (the short handout has no 'Words used' box beside each part, so its text carries the meaning)."""

    def __init__(self, terms: Iterable[Term]):
        self.pending = {t.term: t.plain for t in terms if t.plain}

    def __call__(self, text: str) -> str:
        for term, plain in list(self.pending.items()):
            found = re.search(_whole_word(term), text, flags=re.IGNORECASE)
            if found:
                text = f"{text[:found.end()]} ({plain}){text[found.end():]}"
                del self.pending[term]
        return text


def _whole_word(term: str) -> str:
    """A term as a whole word, any case, plural too."""
    return r"(?<!\w)" + re.escape(term) + r"(?:s|es)?(?!\w)"


def terms_used(graph: Graph, texts: Iterable[str]) -> list[Term]:
    """The glossary's terms that appear in `texts` (whole words, any case), in glossary order."""
    joined = "\n".join(texts)
    return [t for t in graph.glossary
            if re.search(_whole_word(t.term), joined, flags=re.IGNORECASE)]
