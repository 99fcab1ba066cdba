"""The schema of a mechanism graph: what an author may write in a data file, and nothing else.

Unknown keys are rejected (`extra="forbid"`) so a misspelt field is an error an author sees, not a
value silently ignored. Texts are stripped and must not be empty.
"""

from __future__ import annotations

from functools import cached_property
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, StringConstraints

Id = Annotated[
    str,
    StringConstraints(strip_whitespace=True, pattern=r"^[a-z0-9]+(?:[-_][a-z0-9]+)*$", max_length=80),
]
Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=4000)]
Label = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=40)]

EVIDENCE_LEVELS: dict[str, str] = {
    "human trial": "Tested in people in a controlled trial.",
    "human observational": "Seen in people, without a controlled comparison.",
    "animal study": "Seen in animals; not yet shown in people.",
    "review": "Summarised from earlier studies by a review.",
    "proposed mechanism": "An explanation experts propose; not directly tested.",
}
"""Evidence levels, strongest first, each with the one-line meaning shown beside its badge."""

EvidenceLevel = Literal["human trial", "human observational", "animal study", "review", "proposed mechanism"]

EDGE_KINDS: dict[str, str] = {
    "leads_to": "leads to",
    "increases": "increases",
    "decreases": "decreases",
    "activates": "activates",
    "inhibits": "inhibits",
}
"""Kinds of causal link, with the words used to read an edge aloud."""

EdgeKind = Literal["leads_to", "increases", "decreases", "activates", "inhibits"]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Region(_Strict):
    """A band of the body the story crosses (muscle, nerves, spinal cord, brain...)."""

    id: Id
    label: Label


class Step(_Strict):
    """One stop of the guided narrative; its nodes are those whose `step` names it."""

    id: Id
    title: Label
    patient: Text
    unknowns: Text
    practitioner: Text | None = None


class Node(_Strict):
    """One mechanism, with both audiences' texts and the evidence behind it."""

    id: Id
    label: Label
    plain_label: Label | None = None
    """Everyday words for patients where `label` is a technical term (e.g. 'Pain chemicals')."""
    region: Id
    step: Id
    evidence: EvidenceLevel
    patient: Text
    practitioner: Text
    citations: list[Id] = Field(default_factory=list)
    terms: list[Id] = Field(default_factory=list)


class Edge(_Strict):
    """A causal link between two mechanisms."""

    source: Id
    target: Id
    kind: EdgeKind
    evidence: EvidenceLevel
    citations: list[Id] = Field(default_factory=list)
    feedback: bool = False
    note: Text | None = None

    @property
    def id(self) -> str:
        return f"{self.source}->{self.target}"


class Term(_Strict):
    """A glossary entry for a word a patient may not know."""

    id: Id
    term: Label
    definition: Text


class Graph(_Strict):
    """A whole mechanism graph as written in `data/<id>.yaml`."""

    id: Id
    title: Text
    summary: Text
    entry: Id
    regions: list[Region] = Field(min_length=1)
    steps: list[Step] = Field(min_length=1)
    nodes: list[Node] = Field(min_length=1)
    edges: list[Edge] = Field(default_factory=list)
    glossary: list[Term] = Field(default_factory=list)

    # Indexes built once per (immutable) graph: lookups by id come from every click and link.
    @cached_property
    def _node_index(self) -> dict[str, Node]:
        return {n.id: n for n in self.nodes}

    @cached_property
    def _edge_index(self) -> dict[str, Edge]:
        return {e.id: e for e in self.edges}

    @cached_property
    def _step_positions(self) -> dict[str, int]:
        return {s.id: i for i, s in enumerate(self.steps)}

    @cached_property
    def _step_members(self) -> dict[str, list[Node]]:
        members: dict[str, list[Node]] = {s.id: [] for s in self.steps}
        for node in self.nodes:
            members.setdefault(node.step, []).append(node)
        return members

    def node(self, node_id: str) -> Node | None:
        """The node with this id, or None: lookups by id from links and clicks."""
        return self._node_index.get(node_id)

    def edge(self, edge_id: str) -> Edge | None:
        return self._edge_index.get(edge_id)

    def step_index(self, step_id: str) -> int:
        """Position of a step in the narrative (0-based)."""
        return self._step_positions[step_id]

    def nodes_in_step(self, step_id: str) -> list[Node]:
        return list(self._step_members.get(step_id, []))

    def term(self, term_id: str) -> Term | None:
        return {t.id: t for t in self.glossary}.get(term_id)
