"""What the reader is looking at, and how it travels in a shared link.

Pure functions: a link's query parameters in, a valid view and any notices out. Anything unknown,
malformed or hostile falls back to the start of the story; nothing from a parameter is echoed back
except the parameter's name, so a link cannot put text or markup on the page.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace

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
    """Today's treatment's options the physio marked (the graph's `treatment.options`, e.g. an electric current)."""
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


def parse_view(
    params: Mapping[str, str | Iterable[str]], graphs: Mapping[str, Graph], default_graph: str
) -> tuple[View, list[str]]:
    """A valid view from query parameters; notices name each parameter that was ignored."""
    notices: list[str] = []

    def get(key: str) -> str | None:
        raw = params.get(key)
        value = _single(raw)
        if raw is not None and value is None:
            notices.append(key)
        return value

    graph_id = get("graph")
    if graph_id is not None and graph_id not in graphs:
        notices.append("graph")
        graph_id = None
    graph = graphs[graph_id or default_graph]
    view = View(graph=graph.id)

    audience = get("audience")
    if audience is not None:
        if audience in AUDIENCES:
            view = replace(view, audience=audience)
        else:
            notices.append("audience")

    mode = get("mode")
    if mode is not None:
        if mode in ("consult", "explore"):
            view = replace(view, consult=mode == "consult")
        else:
            notices.append("mode")

    detail = get("detail")
    if detail is not None:
        if detail == "more":
            view = replace(view, more=True)
        else:
            notices.append("detail")

    language = get("lang")
    if language is not None:
        if language in languages():
            view = replace(view, language=language)
        else:
            notices.append("lang")

    options = [o.id for o in graph.treatment.options] if graph.treatment else []
    view = _treatment(view, graph, get("areas"), {o: get(o) for o in options}, notices)

    step = get("step")
    if step is not None:
        if step.isascii() and step.isdigit() and 1 <= int(step) <= len(graph.steps):
            view = replace(view, step=int(step))
        else:
            notices.append("step")

    view = _selection(view, graph, get("node"), get("edge"), step is None, notices)
    return view, sorted(set(notices))


def _treatment(view: View, graph: Graph, areas: str | None, options: Mapping[str, str | None],
               notices: list[str]) -> View:
    """Today's areas and options from the link (`estim=yes`); unknown areas are dropped (and noticed), the rest
    kept."""
    if areas is not None:
        asked = [a for a in areas.split(",") if a]
        view = set_treatment(view, graph, asked, view.options)
        if len(set(asked)) > len(view.areas):
            notices.append("areas")
    marked = set(view.options)
    for option, value in options.items():
        if value in ("yes", "no"):
            marked = marked | {option} if value == "yes" else marked - {option}
        elif value is not None:
            notices.append(option)
    return set_treatment(view, graph, view.areas, marked)


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


def _selection(view: View, graph: Graph, node: str | None, edge: str | None, follow_step: bool,
               notices: list[str]) -> View:
    """The link's node or edge, if the graph has it; a patient's link to a detail part opens more detail."""
    if node is not None:
        found = graph.node(node)
        if found is not None:
            view = replace(view, node=found.id, step=graph.step_index(found.step) + 1 if follow_step else view.step,
                           more=view.more or (found.detail and view.audience == PATIENT))
        else:
            notices.append("node")
    if edge is not None:
        found_edge = graph.edge(edge)
        if found_edge is not None and view.node is None:
            hidden = shown_graph(graph, view.audience).edge(found_edge.id) is None
            view = replace(view, edge=edge, more=view.more or hidden)
        else:
            notices.append("edge")
    return view


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
