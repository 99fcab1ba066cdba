"""The reader's view in session state, mirrored in the address bar, and the callbacks that change it."""

from __future__ import annotations

import streamlit as st

from mechanisms.content.model import Graph
from mechanisms.present.audience import shown_graph
from mechanisms.present.links import to_params
from mechanisms.present.view import View, go_to_step, more_detail, parse_view, select, select_node

from .resources import Served

DEFAULT_GRAPH = "dry-needling"


def serve(page: Served) -> None:
    """Keep this run's catalog and clinic for the callbacks and fragment reruns that follow it."""
    st.session_state.served = page


def served() -> Served:
    return st.session_state.served


def address() -> dict[str, str]:
    """The address bar's query, one value per key (the last, as `parse_view` reads it)."""
    return {k: st.query_params.get_all(k)[-1] for k in st.query_params if st.query_params.get_all(k)}


def open_link(page: Served) -> None:
    """A new visit opens the view its link holds. So does browser Back or Forward: Streamlit reruns the
    page with the address it went back to, which then differs from the one this page last wrote."""
    if "view" in st.session_state and address() == st.session_state.get("written"):
        return
    graphs = page.catalog.graphs
    default = DEFAULT_GRAPH if DEFAULT_GRAPH in graphs else sorted(graphs)[0]
    params = {k: st.query_params.get_all(k) for k in st.query_params}
    view, ignored = parse_view(params, graphs, default)
    st.session_state.view = view
    st.session_state.ignored = ignored
    st.session_state.written = address()


def sync_link() -> None:
    """Keep the address bar equal to the view, so a copied link reopens exactly this."""
    wanted = to_params(current())
    if address() != wanted:
        st.query_params.from_dict(wanted)
    st.session_state.written = wanted


def complete() -> bool:
    """False in a session's first run: the first paint sends the diagram, the step's text and
    Previous/Next only, so the browser draws the diagram without compiling every widget first; the
    rest of the page follows once the diagram is drawn (panels.page_ready)."""
    return st.session_state.get("page_complete", False)


def on_drawn() -> None:
    st.session_state.page_complete = True


def current() -> View:
    return st.session_state.view


def set_view(view: View) -> None:
    st.session_state.view = view


def whole_graph(view: View) -> Graph:
    """The view's whole graph (every node, the treatment, the guide)."""
    return served().catalog.graphs[view.graph]


def graph_of(view: View) -> Graph:
    """The graph this reader follows: a patient's core path unless they asked for more detail."""
    return shown_graph(whole_graph(view), view.audience, view.more)


def pick_node(node_id: str) -> None:
    set_view(select_node(current(), graph_of(current()), node_id))


def step_to(step: int) -> None:
    set_view(go_to_step(current(), graph_of(current()), step))


def set_more(on: bool) -> None:
    set_view(more_detail(current(), whole_graph(current()), on))


def on_chart_select() -> None:
    """A click or tap on the chart; empty selections (re-click, double-click) keep the view."""
    event = st.session_state.get("chart") or {}
    points = (event.get("selection") or {}).get("points") or []
    if not points:
        return
    picked = points[0].get("customdata")
    if isinstance(picked, list):
        picked = picked[0] if picked else None
    set_view(select(current(), graph_of(current()), picked))


def on_picker() -> None:
    node_id = st.session_state.get("picker")
    if node_id:
        pick_node(node_id)
