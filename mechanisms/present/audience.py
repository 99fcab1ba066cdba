"""Which label and text each audience sees: plain words for patients, precise ones for practitioners."""

from __future__ import annotations

from collections.abc import Iterable

from ..content.model import Edge, Graph, Node
from .catalogue import Words, or_english

PATIENT = "patient"
PRACTITIONER = "practitioner"
AUDIENCES: tuple[str, ...] = (PATIENT, PRACTITIONER)
"""Every audience, the default first."""


def shows_findings(audience: str) -> bool:
    """Whether a reference is listed with what the paper found (its `note`): for practitioners."""
    return audience == PRACTITIONER


def node_label(node: Node, audience: str) -> str:
    """Everyday words for a patient where the author gave them; the technical name otherwise."""
    return (node.plain_label or node.label) if audience == PATIENT else node.label


def other_name(node: Node, audience: str) -> str | None:
    """The technical name a patient may hear, when their label is a plain one ('Also called: ...')."""
    if audience == PATIENT and node.plain_label and node.plain_label != node.label:
        return node.label
    return None


def node_text(node: Node, audience: str) -> str:
    """A node's explanation for this audience."""
    return node.patient if audience == PATIENT else node.practitioner


PLAIN_KINDS: dict[str, str] = {"leads_to": "leads_to", "increases": "increases", "activates": "increases",
                               "decreases": "decreases", "inhibits": "decreases"}
"""How a patient's picture draws each kind of link: three kinds a reader tells apart in greyscale and without
colour (leads to, turns up, turns down); 'switches on' is drawn as turning up, 'blocks' as turning down.
Practitioners keep the five precise kinds. The words of a link (its hover, its panel) keep its own kind."""


def drawn_kind(kind: str, audience: str) -> str:
    """The kind a link is drawn as for this audience: one of the three plain kinds for a patient."""
    return PLAIN_KINDS.get(kind, kind) if audience == PATIENT else kind


def drawn_kinds(kinds: Iterable[str], audience: str) -> list[str]:
    """The kinds, in their given order, that this audience's picture draws (each once)."""
    return list(dict.fromkeys(drawn_kind(kind, audience) for kind in kinds))


def edge_word(kind: str, audience: str, words: Words | None = None) -> str:
    """A link's kind in the audience's words: 'turns down' for a patient, 'decreases' for a practitioner."""
    w = or_english(words)
    return (w.plain_edge_words if audience == PATIENT else w.edge_words)[kind]


def edge_sentence(graph: Graph, edge: Edge, audience: str, words: Words | None = None) -> str:
    """A link read aloud: 'Needle in the trigger point leads to Local twitch response'."""
    source, target = graph.node(edge.source), graph.node(edge.target)
    a = node_label(source, audience) if source else edge.source
    b = node_label(target, audience) if target else edge.target
    return or_english(words).edge_sentence(a, edge_word(edge.kind, audience, words), b)


def edge_text(edge: Edge, audience: str) -> str | None:
    """What a link means, as its author wrote it for this audience (the other audience's text if missing)."""
    return (edge.patient or edge.practitioner) if audience == PATIENT else (edge.practitioner or edge.patient)


def edge_words(graph: Graph, edge: Edge, audience: str, words: Words | None = None) -> str:
    """What a link says on hover and in text outputs: its own sentences, else the link read aloud."""
    return edge_text(edge, audience) or edge_sentence(graph, edge, audience, words)


def edge_heading(graph: Graph, edge: Edge, audience: str, words: Words | None = None) -> tuple[str, str]:
    """A tapped link's heading (its first sentence) and the rest of its text, so a heading stays short."""
    first, _, rest = " ".join(edge_words(graph, edge, audience, words).split()).partition(". ")
    return (first + "." if rest else first), rest


def cause_sentence(graph: Graph, edge: Edge, audience: str, words: Words | None = None) -> str:
    """A link into the node being read: 'Needle in the trigger point leads to this'."""
    source = graph.node(edge.source)
    label = node_label(source, audience) if source else edge.source
    return or_english(words).cause_sentence(label, edge_word(edge.kind, audience, words))


def effect_sentence(graph: Graph, edge: Edge, audience: str, words: Words | None = None) -> str:
    """A link out of the node being read: 'This leads to Local twitch response'."""
    target = graph.node(edge.target)
    label = node_label(target, audience) if target else edge.target
    return or_english(words).effect_sentence(edge_word(edge.kind, audience, words), label)


def shown_graph(graph: Graph, audience: str, more: bool = False) -> Graph:
    """What this audience follows: patients the core path unless they ask for more detail; practitioners all."""
    return graph if more or audience != PATIENT else graph.core


def story_nodes(graph: Graph) -> list[Node]:
    """Every node in story order (step by step, data order within a step): pickers and outlines."""
    return [n for s in graph.steps for n in graph.nodes_in_step(s.id)]
