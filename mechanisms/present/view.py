"""What the reader is looking at, and how it travels in a shared link.

Pure functions: a link's query parameters in, a valid view and any notices out. Anything unknown,
malformed or hostile falls back to the start of the story; nothing from a parameter is echoed back
except the parameter's name, so a link cannot put text or markup on the page.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, fields, replace
from typing import Any

from ..content.model import Graph
from .audience import AUDIENCES, PATIENT, shown_graph
from .catalogue import DEFAULT_LANGUAGE, languages

MAX_PARAM_LENGTH = 200


@dataclass(frozen=True)
class View:
    """One shareable view: graph, step (1-based), selected node or edge, audience, consult mode, more detail,
    today's treatment, and the language of every fixed word (`catalogue.words(view.language)`)."""

    graph: str
    step: int = 1
    node: str | None = None
    edge: str | None = None
    audience: str = PATIENT
    consult: bool = False
    more: bool = False
    """A patient asked for more detail (the animal studies); practitioners always see everything."""
    areas: tuple[str, ...] = ()
    """Today's treatment: the body-map areas the physio marked, in the data's order. Lives only in the link."""
    options: tuple[str, ...] = ()
    """Today's treatment's options the physio marked (the graph's `treatment.options`, e.g. an electric current).
    Each is its own key in a link (`estim=yes`): the keys come from the data, so they are read beside the table."""
    language: str = DEFAULT_LANGUAGE
    """The language of the fixed words (`lang` in a link, only when not the default)."""


def _single(value: str | Iterable[str] | None) -> str | None:
    """The last value of a possibly repeated key, or None if absent or too long to be genuine."""
    if value is None:
        return None
    if not isinstance(value, str):
        values = list(value)
        value = values[-1] if values else None
        if value is None:
            return None
    if len(value) > MAX_PARAM_LENGTH:
        return None
    return value


class Ignored(Exception):
    """A link's value that cannot be used: the key is named in the notices. `kept`: the part of it that was used."""

    def __init__(self, kept: View | None = None):
        super().__init__()
        self.kept = kept


@dataclass(frozen=True)
class LinkContext:
    """What a key is read against: the link's graph, and the single value of every key the link gave."""

    graph: Graph
    given: Mapping[str, str]


Reader = Callable[[str, View, LinkContext], View]
"""A key's text, the view so far and the link: the view with the key applied, or Ignored."""


@dataclass(frozen=True)
class LinkKey:
    """One query parameter of a view's link: its name, the View field it carries, how it is read and written."""

    key: str
    field: str
    read: Reader | None
    """None: read by `parse_view` itself (the graph, which every other key is read against)."""
    write: Callable[[Any], str] = str
    always: bool = False
    """Written even at the field's default (the graph and the step: a link always says where it starts)."""
    late: bool = False
    """Read after every other key, because its reading depends on theirs (the selection)."""

    @property
    def default(self) -> Any:
        """The View field's default: left out of a link, so links stay short."""
        return VIEW_DEFAULTS[self.field]


VIEW_DEFAULTS: dict[str, Any] = {f.name: f.default for f in fields(View)}


def choice(key: str, field: str, values: Iterable[str]) -> LinkKey:
    """A key whose value is one of `values`, carried as is (e.g. audience=practitioner)."""
    allowed = frozenset(values)

    def read(text: str, view: View, link: LinkContext) -> View:
        if text not in allowed:
            raise Ignored
        return replace(view, **{field: text})

    return LinkKey(key, field, read)


def flag(key: str, field: str, on: str, off: str | None = None) -> LinkKey:
    """A yes/no field written as `key=on` when set (e.g. mode=consult); `off`, if given, reads as unset."""
    def read(text: str, view: View, link: LinkContext) -> View:
        if text not in (on, off):
            raise Ignored
        return replace(view, **{field: text == on})

    return LinkKey(key, field, read, write=lambda _: on)


def _read_step(text: str, view: View, link: LinkContext) -> View:
    if not (text.isascii() and text.isdigit() and 1 <= int(text) <= len(link.graph.steps)):
        raise Ignored
    return replace(view, step=int(text))


def _read_areas(text: str, view: View, link: LinkContext) -> View:
    """Today's areas; unknown ones are dropped (and noticed), the rest kept."""
    asked = [a for a in text.split(",") if a]
    kept = set_treatment(view, link.graph, asked, view.options)
    if len(set(asked)) > len(kept.areas):
        raise Ignored(kept)
    return kept


def _read_node(text: str, view: View, link: LinkContext) -> View:
    """The link's node, if the graph has it; it gives the step unless the link names one; a patient's link to
    a detail part opens more detail."""
    found = link.graph.node(text)
    if found is None:
        raise Ignored
    follow_step = link.given.get("step") is None
    return replace(view, node=found.id, step=link.graph.step_index(found.step) + 1 if follow_step else view.step,
                   more=view.more or (found.detail and view.audience == PATIENT))


def _read_edge(text: str, view: View, link: LinkContext) -> View:
    """The link's edge, unless a node is selected; one the core path lacks opens more detail."""
    found = link.graph.edge(text)
    if found is None or view.node is not None:
        raise Ignored
    hidden = shown_graph(link.graph, view.audience).edge(found.id) is None
    return replace(view, edge=text, more=view.more or hidden)


LINK_KEYS: tuple[LinkKey, ...] = (
    LinkKey("graph", "graph", None, always=True),
    LinkKey("step", "step", _read_step, always=True),
    LinkKey("node", "node", _read_node, late=True),
    LinkKey("edge", "edge", _read_edge, late=True),
    choice("audience", "audience", AUDIENCES),
    flag("mode", "consult", on="consult", off="explore"),
    flag("detail", "more", on="more"),
    LinkKey("areas", "areas", _read_areas, write=",".join),
    choice("lang", "language", languages()),
)
"""Every key of a view's link, in the order a link writes them: adding a key to the link is one line here."""


def link_key(field: str) -> str:
    """The link's key for a field of the view (`areas` for `areas`, `mode` for `consult`)."""
    return next(k.key for k in LINK_KEYS if k.field == field)


AREAS_KEY = link_key("areas")


def _given(params: Mapping[str, str | Iterable[str]], notices: list[str]) -> dict[str, str]:
    """The single value of each known key; a key whose value is unusable (empty list, too long) is noticed."""
    given: dict[str, str] = {}
    for link_key in LINK_KEYS:
        raw = params.get(link_key.key)
        value = _single(raw)
        if value is not None:
            given[link_key.key] = value
        elif raw is not None:
            notices.append(link_key.key)
    return given


def parse_view(
    params: Mapping[str, str | Iterable[str]], graphs: Mapping[str, Graph], default_graph: str
) -> tuple[View, list[str]]:
    """A valid view from query parameters; notices name each parameter that was ignored."""
    notices: list[str] = []
    given = _given(params, notices)
    graph_id = given.get("graph")
    if graph_id is not None and graph_id not in graphs:
        notices.append("graph")
        graph_id = None
    graph = graphs[graph_id or default_graph]
    link = LinkContext(graph, given)
    view = View(graph=graph.id)
    for link_key in sorted(LINK_KEYS, key=lambda k: k.late):
        text = given.get(link_key.key)
        if link_key.read is None or text is None:
            continue
        try:
            view = link_key.read(text, view, link)
        except Ignored as ignored:
            notices.append(link_key.key)
            view = ignored.kept or view
    return _read_options(params, graph, view, notices), sorted(set(notices))


OPTION_ON, OPTION_OFF = "yes", "no"


def _read_options(params: Mapping[str, str | Iterable[str]], graph: Graph, view: View, notices: list[str]) -> View:
    """Today's treatment's options, each its own key named by the data (`estim=yes`); any other value is noticed."""
    marked = set(view.options)
    for option in graph.treatment.options if graph.treatment else []:
        raw = params.get(option.id)
        value = _single(raw)
        if value in (OPTION_ON, OPTION_OFF):
            marked = marked | {option.id} if value == OPTION_ON else marked - {option.id}
        elif raw is not None:
            notices.append(option.id)
    return set_treatment(view, graph, view.areas, marked)


def option_params(view: View) -> dict[str, str]:
    """The link's keys of today's options (`estim=yes`): what `_read_options` reads back."""
    return dict.fromkeys(view.options, OPTION_ON)


def set_treatment(view: View, graph: Graph, areas: Iterable[str], options: Iterable[str] = ()) -> View:
    """Today's treatment as the physio marked it: known areas and options only, in the data's order."""
    known_options = [o.id for o in graph.treatment.options] if graph.treatment else []
    chosen_options = set(options)
    chosen = set(areas)
    known = [a.id for a in graph.treatment.areas] if graph.treatment else []
    return replace(view, areas=tuple(a for a in known if a in chosen),
                   options=tuple(o for o in known_options if o in chosen_options))


def toggle_area(view: View, graph: Graph, area_id: object) -> View:
    """A tap on the body map: the area is marked if it was not, unmarked if it was."""
    if not isinstance(area_id, str):
        return view
    areas = set(view.areas) ^ {area_id}
    return set_treatment(view, graph, areas, view.options)


def go_to_step(view: View, graph: Graph, step: int) -> View:
    """Move to a step (clamped to the story), clearing a selection that belongs elsewhere."""
    step = max(1, min(len(graph.steps), step))
    return replace(view, step=step, node=None, edge=None)


def select_node(view: View, graph: Graph, node_id: str) -> View:
    """Select a node and follow it to its step, so the narrative always matches the panel."""
    node = graph.node(node_id)
    if node is None:
        return view
    return replace(view, node=node.id, edge=None, step=graph.step_index(node.step) + 1)


def select_edge(view: View, graph: Graph, edge_id: str) -> View:
    """Select a link (its step stays: a link may join two steps)."""
    if graph.edge(edge_id) is None:
        return view
    return replace(view, edge=edge_id, node=None)


def select(view: View, graph: Graph, item_id: object) -> View:
    """Select whatever a click or a list names, node or link, found by its id; anything else keeps the view."""
    if not isinstance(item_id, str):
        return view
    if graph.node(item_id) is not None:
        return select_node(view, graph, item_id)
    return select_edge(view, graph, item_id)


def more_detail(view: View, graph: Graph, on: bool) -> View:
    """More detail on or off; turning it off lets go of a selection the core path does not hold."""
    if on:
        return replace(view, more=True)
    core = shown_graph(graph, view.audience)
    node_gone = view.node is not None and core.node(view.node) is None
    edge_gone = view.edge is not None and core.edge(view.edge) is None
    return replace(view, more=False, node=None if node_gone else view.node, edge=None if edge_gone else view.edge)


def consult_view(view: View, on: bool) -> View:
    """Consult mode on or off. Turning it on shows patient words: the screen is turned toward the patient
    (the physio may still switch to practitioner words afterwards)."""
    return replace(view, consult=on, audience=PATIENT if on else view.audience)
