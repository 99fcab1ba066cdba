"""The schema of a mechanism graph: what an author may write in a data file, and nothing else.

Unknown keys are rejected (`extra="forbid"`) so a misspelt field is an error an author sees, not a
value silently ignored. Texts are stripped and must not be empty.
"""

from __future__ import annotations

from functools import cached_property
from typing import Annotated, Literal, get_args

import networkx as nx
from pydantic import BaseModel, ConfigDict, Field, StringConstraints, field_validator

Id = Annotated[
    str,
    StringConstraints(strip_whitespace=True, pattern=r"^[a-z0-9]+(?:[-_][a-z0-9]+)*$", max_length=80),
]
Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=4000)]
Label = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=40)]

EvidenceLevel = Literal["human trial", "human observational", "animal study", "review", "proposed mechanism"]
EVIDENCE_LEVELS: tuple[str, ...] = get_args(EvidenceLevel)
"""Evidence levels, strongest first (what each is called and means to a reader is in `present/catalogues/`)."""

EdgeKind = Literal["leads_to", "increases", "decreases", "activates", "inhibits"]
EDGE_KINDS: tuple[str, ...] = get_args(EdgeKind)
"""Kinds of causal link (how each is read aloud is in `present/catalogues/`, how it is drawn in `diagram.style`)."""


def edge_id(source: str, target: str) -> str:
    """The one way an edge's id is written, also for an author's problem before the file is valid."""
    return f"{source}->{target}"


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


Figure = Literal["front", "back"]
FIGURES: tuple[str, ...] = get_args(Figure)


class BodyShape(_Strict):
    """An ellipse or a rectangle on one figure of the body map (a grid 100 wide, 200 tall)."""

    figure: Figure
    shape: Literal["ellipse", "rect"]
    x: float = Field(ge=0, le=100)
    y: float = Field(ge=0, le=200)
    w: float = Field(gt=0, le=100)
    h: float = Field(gt=0, le=200)


REGION_FIGURE: Figure = "back"
"""The figure a region's `body` shapes are drawn on: the small picture beside each step shows the back."""


class Region(_Strict):
    """A band of the body the story crosses (muscle, nerves, spinal cord, brain...)."""

    id: Id
    label: Label
    place: Label | None = None
    """Where in the body, as a patient says it ("the spinal cord"): the caption of a step's small body picture."""
    body: list[BodyShape] = Field(default_factory=list)
    """Where it is on the body's back figure (the body map's grid): lit in the small picture beside its steps."""


class Step(_Strict):
    """One stop of the guided narrative; its nodes are those whose `step` names it."""

    id: Id
    title: Label
    patient: Text
    unknowns: Text


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
    detail: bool = False
    """More detail (e.g. animal biochemistry): patients follow the core path and open these on request."""


class Edge(_Strict):
    """A causal link between two mechanisms."""

    source: Id
    target: Id
    kind: EdgeKind
    evidence: EvidenceLevel
    citations: list[Id] = Field(default_factory=list)
    feedback: bool = False
    patient: Text | None = None
    """What the link means, in plain words (reading grade 8 or below)."""
    practitioner: Text | None = None
    """What the link means, precisely: finding, population, strength."""

    @property
    def id(self) -> str:
        """The edge's one id, in links, clicks and dumps; never taken apart: look it up with `Graph.edge`."""
        return edge_id(self.source, self.target)


class Term(_Strict):
    """A glossary entry for a word a patient may not know."""

    id: Id
    term: Label
    definition: Text
    plain: Label | None = None
    """A few plain words the short handout says beside the term where its text first uses it ('the nerves inside
    your backbone'); leave it out where the texts define the term themselves ('... called the dorsal horn')."""


GuideKind = Literal["facts", "actions", "warnings", "questions"]
"""Facts are claims and need evidence; actions, warnings (when to get help) and questions are things a
patient can do or ask."""


class GuideItem(_Strict):
    """One plain sentence or two of practical guidance: a measured fact, an action, or a question."""

    text: Text
    evidence: EvidenceLevel | None = None
    citations: list[Id] = Field(default_factory=list)


class KeyPoint(GuideItem):
    """One of the three to five things a patient must keep, said first and again at the end of every output;
    `urgent` marks the one that sends the reader to urgent help (drawn as a warning)."""

    urgent: bool = False


class GuideSection(_Strict):
    """A short list under one heading, e.g. 'Rare but serious risks'."""

    id: Id
    title: Text
    kind: GuideKind
    items: list[GuideItem] = Field(min_length=1)
    short: bool = True
    """False leaves it out of the patient's short handout, where the fact box or the story says the same."""


class GuidePart(_Strict):
    """A part of the practical guide a patient takes home: safety, aftercare, questions."""

    id: Id
    title: Text
    intro: Text | None = None
    sections: list[GuideSection] = Field(min_length=1)


class BodyArea(_Strict):
    """A part of the body a physio can mark as needled today; `label` completes "put needles in your ..."."""

    id: Id
    label: Label
    shapes: list[BodyShape] = Field(min_length=1)
    cautions: list[Id] = Field(default_factory=list)
    """What needling here can, rarely, harm (a lung, the spine), each said once after today's treatment."""


class Caution(_Strict):
    """What a patient needs to know after needling in certain areas (e.g. near the lung), with its source."""

    id: Id
    text: Text
    evidence: EvidenceLevel
    citations: list[Id] = Field(default_factory=list)


LINK_KEYS: tuple[str, ...] = ("graph", "step", "node", "edge", "audience", "mode", "detail", "areas", "lang")
"""The keys a view's link already uses (`present.links`): a treatment option's id may not be one of them."""
AREAS = "{areas}"
"""Where today's areas go in a treatment's `needled` sentences."""


class TreatmentOption(_Strict):
    """Something more a physio can say was done today (an electric current), and what the patient then reads."""

    id: Id
    """Also the option's key in a link: `estim=yes`."""
    choice: Text
    """The physio's switch: 'An electric current was used'."""
    sentence: Text
    """What the patient reads after today's areas: 'They also passed an electric current through the needles.'"""

    @field_validator("id")
    @classmethod
    def _not_a_link_key(cls, value: str) -> str:
        if value in LINK_KEYS:
            raise ValueError(f"'{value}' is already a key of the link; choose another id")
        return value


class Treatment(_Strict):
    """The body map of today's treatment: an outline, the areas to mark, the cautions they carry, and how a
    patient is told what was done ("Today your physio put needles in your {areas}.")."""

    needled: Text
    """The first sentence of today's treatment; `{areas}` is the first few areas marked."""
    needled_more: Text
    """A further sentence for more areas than one sentence lists."""
    outline: list[BodyShape] = Field(default_factory=list)
    areas: list[BodyArea] = Field(min_length=1)
    cautions: list[Caution] = Field(default_factory=list)
    options: list[TreatmentOption] = Field(default_factory=list)
    """What else a physio can mark (an electric current), each a switch and a sentence."""

    @field_validator("needled", "needled_more")
    @classmethod
    def _names_the_areas(cls, value: str) -> str:
        if AREAS not in value:
            raise ValueError(f"must say where the areas go with {AREAS}")
        return value

    def area(self, area_id: str) -> BodyArea | None:
        return next((a for a in self.areas if a.id == area_id), None)


class Diary(_Strict):
    """A diary the patient fills in after a session: each day, how sore on a 0 to 10 scale, whether their usual pain
    is better, the same or worse, and a note. The handout prints it as a grid. What to rate belongs to the treatment,
    so it is here; the grid's own words (Day, Date, Notes, Better, Same, Worse) are the word catalogue's."""

    title: Text
    """Its heading: 'Your soreness diary'."""
    days: int = Field(default=7, ge=1, le=14)
    intro: Text
    """How to fill it in, and what to do with it (bring it to the next visit)."""
    rate: Text
    """What to rate from 0 to 10: 'How sore is the needled spot?'."""
    low: Text
    """What 0 means: 'not sore'."""
    high: Text
    """What 10 means: 'as sore as it could be'."""
    usual: Text
    """The question beside the scale: 'Your usual pain:'."""


class FactCount(_Strict):
    """One line of the fact box: what happened, after how many treatments out of the box's `per`."""

    label: Text
    count: int = Field(ge=0)
    note: Text | None = None
    """What a reader must know beside the number: 'The study did not say which ones happened.'."""


class FactStudy(_Strict):
    """One study's counts per `FactBox.per` treatments: any small side effect and any serious one (drawn as an icon
    array), and which small ones (a treatment can have several, so these do not add up to `minor`)."""

    name: Text
    """How a patient tells the studies apart: 'A study of 20,464 treatments'."""
    evidence: EvidenceLevel
    citations: list[Id] = Field(default_factory=list)
    minor: FactCount
    serious: FactCount
    details: list[FactCount] = Field(default_factory=list)


class FactBox(_Strict):
    """Risks and benefits with one denominator, as a fact box: out of `per` treatments, how many had each effect;
    the benefit in the plainest terms the evidence allows (facts, each cited like the guide's)."""

    title: Text
    intro: Text
    per: int = Field(default=1000, ge=10)
    studies: list[FactStudy] = Field(min_length=1, max_length=3)
    benefit_title: Text
    benefit: list[GuideItem] = Field(min_length=1)


class TeachBackChoice(_Strict):
    """One answer to a check question, and why it is right or not, in plain words."""

    text: Text
    correct: bool = False
    why: Text


class TeachBackQuestion(_Strict):
    """A multiple-choice question a patient answers to check what they understood; `step` explains the answer."""

    id: Id
    question: Text
    step: Id
    choices: list[TeachBackChoice] = Field(min_length=2, max_length=4)


class Graph(_Strict):
    """A whole mechanism graph as written in `data/<id>.yaml`."""

    id: Id
    language: Id = "en"
    """The language of the file's texts: it chooses how their reading grade is measured."""
    title: Text
    summary: Text
    key_points: list[KeyPoint] = Field(default_factory=list, max_length=5)
    """What a patient must keep (what it is, what is normal, the urgent signs, what to do): first and last."""
    entry: Id
    regions: list[Region] = Field(min_length=1)
    steps: list[Step] = Field(min_length=1)
    nodes: list[Node] = Field(min_length=1)
    edges: list[Edge] = Field(default_factory=list)
    glossary: list[Term] = Field(default_factory=list)
    guide: list[GuidePart] = Field(default_factory=list)
    treatment: Treatment | None = None
    diary: Diary | None = None
    fact_box: FactBox | None = None
    teach_back: list[TeachBackQuestion] = Field(default_factory=list)

    def model_copy(self, *, update: dict | None = None, deep: bool = False) -> Graph:
        """A copy whose indexes and structure are built afresh (pydantic would copy the cached ones)."""
        copy = super().model_copy(update=update, deep=deep)
        for name, attr in vars(Graph).items():
            if isinstance(attr, cached_property):
                copy.__dict__.pop(name, None)
        return copy

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
    def _term_index(self) -> dict[str, Term]:
        return {t.id: t for t in self.glossary}

    @cached_property
    def digraph(self) -> nx.DiGraph:
        """The causal structure, built once per loaded graph: checks, layout, highlight and dumps share it.

        Nodes and edges carry every field of the file; an edge to an unknown id is left out (the
        checks report it), so the structure only ever holds nodes the file defines.
        """
        g = nx.DiGraph()
        for node in self.nodes:
            g.add_node(node.id, **node.model_dump(exclude={"id"}))
        for edge in self.edges:
            if edge.source in g and edge.target in g:
                g.add_edge(edge.source, edge.target, id=edge.id, **edge.model_dump(exclude={"source", "target"}))
        return g

    @cached_property
    def core(self) -> Graph:
        """The core path: the graph without its `detail` nodes and their links (what patients follow first)."""
        if not any(n.detail for n in self.nodes):
            return self
        kept = {n.id for n in self.nodes if not n.detail}
        return self.model_copy(update={
            "nodes": [n for n in self.nodes if n.id in kept],
            "edges": [e for e in self.edges if e.source in kept and e.target in kept],
        })

    @property
    def has_detail(self) -> bool:
        """Whether the graph has a 'more detail' layer beyond its core path."""
        return any(n.detail for n in self.nodes)

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
        """The edge with this id, or None."""
        return self._edge_index.get(edge_id)

    def step_index(self, step_id: str) -> int:
        """Position of a step in the narrative (0-based)."""
        return self._step_positions[step_id]

    def nodes_in_step(self, step_id: str) -> list[Node]:
        """A step's nodes, in data order."""
        return list(self._step_members.get(step_id, []))

    def causes(self, node_id: str) -> list[Edge]:
        """The links into a node, in data order: what causes it."""
        g = self.digraph
        return [self._edge_index[g.edges[a, b]["id"]] for a, b in g.in_edges(node_id)] if node_id in g else []

    def effects(self, node_id: str) -> list[Edge]:
        """The links out of a node, in data order: what it leads to."""
        g = self.digraph
        return [self._edge_index[g.edges[a, b]["id"]] for a, b in g.out_edges(node_id)] if node_id in g else []

    def term(self, term_id: str) -> Term | None:
        return self._term_index.get(term_id)
