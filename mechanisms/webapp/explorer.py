"""The explorer: the diagram framed on a step, the step's text, the panel of what was picked, Previous/Next.

One fragment: a click or a step reruns only this part of the page.
"""

from __future__ import annotations

import streamlit as st

from mechanisms.content.model import Graph
from mechanisms.diagram.locator import where
from mechanisms.diagram.style import PLOTLY_CONFIG
from mechanisms.present.audience import PATIENT, node_label, story_nodes
from mechanisms.present.catalogue import words
from mechanisms.present.highlight import highlight_of
from mechanisms.present.markup import md_escape
from mechanisms.present.view import View

from . import panels, resources
from .state import (
    complete,
    current,
    graph_of,
    on_chart_select,
    on_picker,
    pick_node,
    served,
    set_more,
    step_to,
    sync_link,
    whole_graph,
)


def step_text(graph: Graph, view: View) -> None:
    """The current step's heading, where in the body it happens, and its story, beside the diagram (above it on a
    phone)."""
    step = graph.steps[view.step - 1]
    w = words(view.language)
    lines = [f"## {md_escape(w.step_heading(view.step, len(graph.steps), step.title))}",
             panels.where_in_body(where(graph, step.id, w)), md_escape(step.patient),
             f"**{w.not_yet_known}** {md_escape(step.unknowns)}"]
    if view.step == len(graph.steps) and graph.teach_back:
        lines.append(f"[{w.check_heading}](#check)")  # where the story ends: check, then what to do next
    if view.step == len(graph.steps) and graph.guide:
        lines.append(f"[{w.guide_pointer}](#guide)")
    with st.container(key="step-text"):
        # One element: a step or a click redraws it, and each element costs time. Its HTML is only the picture's
        # (every author text in it is Markdown-escaped, so shows as text).
        st.markdown("\n\n".join(line for line in lines if line), unsafe_allow_html=True)
    detail_button(view, step.id)


def detail_button(view: View, step_id: str) -> None:
    """Where a step has more detail, the way to it sits beside the step's parts (on a phone: in the sheet)."""
    whole = whole_graph(view)
    extra = len(whole.nodes_in_step(step_id)) - len(whole.core.nodes_in_step(step_id))
    if view.audience != PATIENT or not extra:
        return
    w = words(view.language)
    if view.more:
        st.button(w.hide_detail, key="hide-detail", icon=":material/unfold_less:", on_click=set_more,
                  args=(False,))
    else:
        st.button(w.show_detail(extra), key="show-detail", icon=":material/unfold_more:", on_click=set_more,
                  args=(True,))


def step_bar(graph: Graph, view: View) -> None:
    """Previous, the list of steps and Next, fixed at the foot of the screen: the same spot for every press."""
    w = words(view.language)
    titles = [w.step_heading(i + 1, len(graph.steps), s.title) for i, s in enumerate(graph.steps)]
    with st.container(key="stepbar", horizontal=True, vertical_alignment="center"):
        st.button(
            w.previous, key="prev", icon=":material/arrow_back:", disabled=view.step <= 1,
            on_click=step_to, args=(view.step - 1,),
        )
        st.session_state.step_choice = view.step
        if not complete():
            st.empty()  # the list's place, so Previous and Next keep theirs when it arrives
        else:
            st.selectbox(
                w.step_list_label, range(1, len(graph.steps) + 1), key="step_choice",
                label_visibility="collapsed", format_func=lambda i: titles[i - 1],
                on_change=lambda: step_to(st.session_state.step_choice),
            )
        st.button(
            w.next, key="next", icon=":material/arrow_forward:", icon_position="right", type="primary",
            disabled=view.step >= len(graph.steps), on_click=step_to, args=(view.step + 1,),
        )


def chart(graph: Graph, view: View) -> None:
    """The diagram framed on the current step, or the whole picture when asked for."""
    whole = st.session_state.get("whole_picture", False)
    w = words(view.language)
    fig = resources.figure(served(), graph, highlight_of(graph, view), view.audience, view.consult, whole,
                           view.language)
    with st.container(key="diagram"):
        st.plotly_chart(
            fig, key="chart", on_select=on_chart_select, selection_mode="points", width="stretch",
            config=PLOTLY_CONFIG,
            alt=w.diagram_alt(graph.title),
        )


def picker(graph: Graph, view: View) -> None:
    """Keyboard and screen-reader route to every node, kept in sync with the chart."""
    ids = [n.id for n in story_nodes(graph)]
    w = words(view.language)
    st.session_state.picker = view.node
    st.selectbox(
        w.picker_label, ids, index=None, key="picker", on_change=on_picker,
        placeholder=w.picker_placeholder, format_func=lambda i: node_label(graph.node(i), view.audience),
    )


def panel(graph: Graph, view: View) -> None:
    """What was picked (a part or a link), or the parts of this step to pick from."""
    references = served().catalog.references
    w = words(view.language)
    with st.container(key="detail", border=True):
        node = graph.node(view.node) if view.node else None
        edge = graph.edge(view.edge) if view.edge else None
        if node is not None:
            panels.node_panel(graph, node, view.audience, references, pick_node, w)
        elif edge is not None:
            panels.edge_panel(graph, edge, view.audience, references, pick_node, w)
        else:
            with st.container(key="explore"):
                st.markdown(f"### {w.explore_heading}")
                st.markdown(w.explore_hint)
                step = graph.steps[view.step - 1]
                for n in graph.nodes_in_step(step.id):
                    st.button(md_escape(node_label(n, view.audience)), key=f"stepnode-{n.id}", on_click=pick_node,
                              args=(n.id,))


@st.fragment
def explorer() -> None:
    """Diagram, step text, panel and the step bar: a click or a step reruns only this part of the page."""
    view = current()
    graph = graph_of(view)
    # At the chair the diagram gets more room: its labels are larger (18 px) and the picker is not shown.
    left, right = st.columns([2, 1] if view.consult else [3, 2], gap="medium")
    # The side is written first: Streamlit sends elements in script order, so the explanation a
    # reader is waiting for arrives before the chart is redrawn (it still shows on the right).
    with right, st.container(key="side" if not view.consult else "side-consult"):
        step_text(graph, view)
        panel(graph, view)
        if not view.consult and complete():
            picker(graph, view)
    # The step bar is sent before the chart (it still sits after the columns, fixed at the foot): on a busy
    # machine the diagram was drawn a frame before Previous and Next arrived, which then appeared under it.
    step_bar(graph, view)
    with left:
        chart(graph, view)
        if not view.consult:
            w = words(view.language)
            with st.container(key="how-to-read"):
                st.markdown(f"**{w.how_to_read_lead}** {w.how_to_read}")
    sync_link()
