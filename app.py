"""The dry-needling explainer (and any other graph in data/), as a Streamlit page.

Run: streamlit run app.py. Everything shown comes from data/ through mechanisms/; this file only
wires state (the `View` in session state, mirrored in the link) to the page.
"""

from __future__ import annotations

import gc
import os
from dataclasses import replace
from pathlib import Path

import streamlit as st

import panels
from mechanisms.content.clinic import Clinic, clinic_signature, configured_clinic
from mechanisms.content.lastgood import LastGood, author_mode
from mechanisms.content.load import data_folder
from mechanisms.content.model import Graph
from mechanisms.diagram.bodymap import WIDTH_PX as BODY_MAP_PX
from mechanisms.diagram.bodymap import body_figure
from mechanisms.diagram.figure import build_figure
from mechanisms.diagram.layout import Layout, compute_layout
from mechanisms.diagram.style import CONSULT_FONT_PX, CONSULT_VIEW_PX, LABEL_FONT_PX, PLOTLY_CONFIG, STEP_VIEW_PX
from mechanisms.outputs.qr import qr_png
from mechanisms.outputs.teachback import teach_back_html
from mechanisms.present import wording
from mechanisms.present.audience import AUDIENCE_NAMES, AUDIENCES, PATIENT, node_label, shown_graph, story_nodes
from mechanisms.present.highlight import Highlight, highlight_of, step_nodes
from mechanisms.present.links import is_local, share_base, take_home_view, to_params, view_url
from mechanisms.present.markup import md_escape
from mechanisms.present.treatment import today_sentence, treatment_chapter
from mechanisms.present.view import (
    View,
    consult_view,
    go_to_step,
    more_detail,
    parse_view,
    select,
    select_node,
    set_treatment,
    toggle_area,
)

DEFAULT_GRAPH = "dry-needling"
QR_SCREEN_PX = 300  # the QR code's width on screen: a phone camera reads it from about a metre

# A local icon file: a Material icon name as page icon makes the browser fetch it from
# fonts.gstatic.com (caught by tests/e2e/test_safety.py), and nothing may leave the machine.
st.set_page_config(
    page_title="How dry needling works", page_icon=str(Path(__file__).parent / "assets" / "icon.png"), layout="wide"
)


@st.cache_resource(show_spinner=False)
def _store(data_dir: str) -> LastGood:
    """One per process and folder: re-reads data/ when a file changes, and keeps the last good version."""
    return LastGood(Path(data_dir))


# The caches below are keyed by (folder, version): a new read that was served draws afresh.
def _shown(version: tuple, graph_id: str, core: bool) -> Graph:
    graph = CATALOG.graphs[graph_id]
    return graph.core if core else graph


@st.cache_resource(show_spinner=False)
def _layout(version: tuple, graph_id: str, core: bool) -> Layout:
    return compute_layout(_shown(version, graph_id, core))


@st.cache_resource(show_spinner=False, max_entries=512)
def _figure(version: tuple, graph_id: str, core: bool, highlight: Highlight, audience: str, consult: bool,
            frame_nodes: tuple[str, ...] | None):
    graph = _shown(version, graph_id, core)
    return build_figure(
        graph, _layout(version, graph_id, core), highlight, audience=audience,
        font_size=CONSULT_FONT_PX if consult else LABEL_FONT_PX, frame_nodes=frame_nodes,
        height=(CONSULT_VIEW_PX if consult else STEP_VIEW_PX) if frame_nodes else None,
    )


@st.cache_resource(show_spinner=False)
def _freeze_long_lived_objects() -> None:
    """Once per process: Streamlit runs a full gc.collect() after every script run (about 50 ms here,
    holding the GIL while the reply is being sent); moving the objects loaded at start-up (plotly,
    networkx, citeproc, the catalog) out of the collector's reach makes that collection cheap."""
    gc.freeze()


@st.cache_resource(show_spinner=False, max_entries=4)
def _clinic(signature: tuple) -> tuple[Clinic | None, list]:
    """The clinic's details, read again only when its settings file changes (problems logged once)."""
    return configured_clinic(signature)


DATA = str(data_folder())  # read on each run, so a test (or a clinic) can point the page at its own folder
CATALOG = _store(DATA).refresh()
CLINIC_KEY = clinic_signature()
CLINIC, CLINIC_PROBLEMS = _clinic(CLINIC_KEY)
VERSION = (DATA, CATALOG.version)
_freeze_long_lived_objects()


def _author_notice() -> None:
    """Only where authors work (MECHANISMS_AUTHOR=1): what is wrong with a file, one located line each.
    Visitors never see it; they get the last good version, and the server log has the same lines."""
    problems = [*CATALOG.problems, *CLINIC_PROBLEMS]
    if author_mode() and problems:
        lines = "\n".join(f"- {md_escape(str(p))}" for p in problems[:20])
        st.warning(f"{wording.AUTHOR_NOTICE}\n\n{lines}")


if not CATALOG.graphs:
    st.title(wording.UNAVAILABLE_TITLE)
    st.info(wording.UNAVAILABLE)
    _author_notice()
    st.stop()

default_graph = DEFAULT_GRAPH if DEFAULT_GRAPH in CATALOG.graphs else sorted(CATALOG.graphs)[0]

def _address() -> dict[str, str]:
    """The address bar's query, one value per key (the last, as `parse_view` reads it)."""
    return {k: st.query_params.get_all(k)[-1] for k in st.query_params if st.query_params.get_all(k)}


# A new visit opens the view its link holds. So does browser Back or Forward: Streamlit reruns the
# page with the address it went back to, which then differs from the one this page last wrote.
if "view" not in st.session_state or _address() != st.session_state.get("written"):
    params = {k: st.query_params.get_all(k) for k in st.query_params}
    view, ignored = parse_view(params, CATALOG.graphs, default_graph)
    st.session_state.view = view
    st.session_state.ignored = ignored
    st.session_state.written = _address()


def complete() -> bool:
    """False in a session's first run: the first paint sends the diagram, the step's text and
    Previous/Next only, so the browser draws the diagram without compiling every widget first; the
    rest of the page follows once the diagram is drawn (panels.page_ready)."""
    return st.session_state.get("page_complete", False)


def on_drawn() -> None:
    st.session_state.page_complete = True


def current() -> View:
    return st.session_state.view


def graph_of(view: View) -> Graph:
    """The graph this reader follows: a patient's core path unless they asked for more detail."""
    return shown_graph(CATALOG.graphs[view.graph], view.audience, view.more)


def set_view(view: View) -> None:
    st.session_state.view = view


def pick_node(node_id: str) -> None:
    set_view(select_node(current(), graph_of(current()), node_id))


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


def step_to(step: int) -> None:
    set_view(go_to_step(current(), graph_of(current()), step))


def sync_link() -> None:
    """Keep the address bar equal to the view, so a copied link reopens exactly this."""
    wanted = to_params(current())
    if _address() != wanted:
        st.query_params.from_dict(wanted)
    st.session_state.written = wanted


def step_text(graph: Graph, view: View) -> None:
    """The current step's heading and story, beside the diagram (in a sheet over its foot on a phone)."""
    step = graph.steps[view.step - 1]
    with st.container(key="step-text"):
        st.markdown(f"## {md_escape(wording.step_heading(view.step, len(graph.steps), step.title))}")
        st.markdown(md_escape(step.patient))
        st.markdown(f"**{wording.NOT_YET_KNOWN}** {md_escape(step.unknowns)}")
        if view.step == len(graph.steps) and graph.teach_back:
            st.markdown(f"[{wording.CHECK_HEADING}](#check)")  # where the story ends: check, then what to do next
        if view.step == len(graph.steps) and graph.guide:
            st.markdown(f"[{wording.GUIDE_POINTER}](#guide)")
    detail_button(view, step.id)


def step_bar(graph: Graph, view: View) -> None:
    """Previous, the list of steps and Next, fixed at the foot of the screen: the same spot for every press."""
    titles = [wording.step_heading(i + 1, len(graph.steps), s.title) for i, s in enumerate(graph.steps)]
    with st.container(key="stepbar", horizontal=True, vertical_alignment="center"):
        st.button(
            wording.PREVIOUS, key="prev", icon=":material/arrow_back:", disabled=view.step <= 1,
            on_click=step_to, args=(view.step - 1,),
        )
        st.session_state.step_choice = view.step
        if not complete():
            st.empty()  # the list's place, so Previous and Next keep theirs when it arrives
        else:
            st.selectbox(
                wording.STEP_LIST_LABEL, range(1, len(graph.steps) + 1), key="step_choice",
                label_visibility="collapsed", format_func=lambda i: titles[i - 1],
                on_change=lambda: step_to(st.session_state.step_choice),
            )
        st.button(
            wording.NEXT, key="next", icon=":material/arrow_forward:", icon_position="right", type="primary",
            disabled=view.step >= len(graph.steps), on_click=step_to, args=(view.step + 1,),
        )


def chart(graph: Graph, view: View) -> None:
    """The diagram framed on the current step, or the whole picture when asked for."""
    whole = st.session_state.get("whole_picture", False)
    frame_nodes = None if whole else tuple(step_nodes(graph, view))
    core = graph is not CATALOG.graphs[view.graph]
    fig = _figure(VERSION, graph.id, core, highlight_of(graph, view), view.audience, view.consult, frame_nodes)
    with st.container(key="diagram"):
        st.plotly_chart(
            fig, key="chart", on_select=on_chart_select, selection_mode="points", width="stretch",
            config=PLOTLY_CONFIG,
            alt=f"Flow diagram: {graph.title}. The same content is in the text version below the diagram.",
        )


def picker(graph: Graph, view: View) -> None:
    """Keyboard and screen-reader route to every node, kept in sync with the chart."""
    ids = [n.id for n in story_nodes(graph)]
    st.session_state.picker = view.node
    st.selectbox(
        wording.PICKER_LABEL, ids, index=None, key="picker", on_change=on_picker,
        placeholder=wording.PICKER_PLACEHOLDER, format_func=lambda i: node_label(graph.node(i), view.audience),
    )


def panel(graph: Graph, view: View) -> None:
    with st.container(key="detail", border=True):
        node = graph.node(view.node) if view.node else None
        edge = graph.edge(view.edge) if view.edge else None
        if node is not None:
            panels.node_panel(graph, node, view.audience, CATALOG.references, pick_node)
        elif edge is not None:
            panels.edge_panel(graph, edge, view.audience, CATALOG.references, pick_node)
        else:
            with st.container(key="explore"):
                st.markdown(f"### {wording.EXPLORE_HEADING}")
                st.markdown(wording.EXPLORE_HINT)
                step = graph.steps[view.step - 1]
                for n in graph.nodes_in_step(step.id):
                    st.button(md_escape(node_label(n, view.audience)), key=f"stepnode-{n.id}", on_click=pick_node,
                              args=(n.id,))


def set_more(on: bool) -> None:
    set_view(more_detail(current(), CATALOG.graphs[current().graph], on))


def detail_button(view: View, step_id: str) -> None:
    """Where a step has more detail, the way to it sits beside the step's parts (on a phone: in the sheet)."""
    whole = CATALOG.graphs[view.graph]
    extra = len(whole.nodes_in_step(step_id)) - len(whole.core.nodes_in_step(step_id))
    if view.audience != PATIENT or not extra:
        return
    if view.more:
        st.button(wording.HIDE_DETAIL, key="hide-detail", icon=":material/unfold_less:", on_click=set_more,
                  args=(False,))
    else:
        st.button(wording.show_detail(extra), key="show-detail", icon=":material/unfold_more:", on_click=set_more,
                  args=(True,))


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
    with left:
        chart(graph, view)
        if not view.consult:
            st.markdown(f"**{wording.HOW_TO_READ_LEAD}** {wording.HOW_TO_READ}")
    step_bar(graph, view)
    sync_link()


def _build_handout(view: View, base_url: str | None) -> bytes:
    """The reader's handout: its link and QR code reopen the reader's own view (and today's treatment)."""
    from mechanisms.outputs.handout import build_pdf

    return build_pdf(CATALOG.graphs[view.graph], CATALOG.references, view.audience, "a4", base_url,
                     clinic=CLINIC, view=take_home_view(view))


def _build_page(view: View) -> str:
    from mechanisms.outputs.standalone import build_html

    return build_html(CATALOG.graphs[view.graph], CATALOG.references, CLINIC, take_home_view(view))


@st.cache_data(show_spinner=False, max_entries=8)
def _handout(version: tuple, clinic_key: tuple, view: View, base_url: str | None) -> bytes:
    return _build_handout(view, base_url)


@st.cache_data(show_spinner=False, max_entries=4)
def _standalone(version: tuple, clinic_key: tuple, view: View) -> str:
    return _build_page(view)


def personal(view: View) -> bool:
    """Whether a view holds today's treatment: its files are made for this reader only and never cached."""
    return bool(view.areas or view.estim)


def handout_bytes(view: View, base_url: str | None) -> bytes:
    return _build_handout(view, base_url) if personal(view) else _handout(VERSION, CLINIC_KEY, view, base_url)


def page_text(view: View) -> str:
    # Without a treatment the page is the same for every reader of a graph: one cache entry per graph.
    return _build_page(view) if personal(view) else _standalone(VERSION, CLINIC_KEY, View(view.graph))


def take_home(graph: Graph, view: View) -> None:
    """Downloads made only when clicked (a PDF needs a few seconds to draw the diagram)."""
    base_url = _share_base()
    st.markdown("### Take it home")
    left, right = st.columns(2)
    left.download_button(
        f"Handout for the {view.audience} (PDF)",
        data=lambda: handout_bytes(view, base_url),
        file_name=f"{graph.id}-{view.audience}.pdf", mime="application/pdf", icon=":material/picture_as_pdf:",
        on_click="ignore", key="dl-pdf",
    )
    right.download_button(
        "Interactive page for offline use (HTML)", data=lambda: page_text(view),
        file_name=f"{graph.id}.html", mime="text/html", icon=":material/download:", on_click="ignore", key="dl-html",
    )


def _share_base() -> str | None:
    """Where a phone opens the explainer: MECHANISMS_BASE_URL, else the address this page was opened at."""
    return share_base(os.environ.get("MECHANISMS_BASE_URL"), st.context.url)


@st.dialog(wording.TAKE_THIS_HOME, width="medium")
def take_this_home(view: View) -> None:
    """The current view for a phone: a QR code large enough to scan from a metre away, and the same link to copy."""
    base = _share_base()
    if base is None:  # no address at all (a test harness): nothing a phone could open
        st.markdown(wording.LOCAL_LINK)
        return
    link = view_url(base, take_home_view(view))
    st.markdown(wording.SCAN_TO_OPEN)
    qr = qr_png(link, box_size=10)
    if qr:
        with st.container(key="share-qr"):
            st.image(qr, width=QR_SCREEN_PX)
    st.markdown(wording.COPY_LINK)
    st.code(link, language=None, wrap_lines=True)
    if is_local(link):
        st.markdown(wording.LOCAL_LINK)


def on_body_map() -> None:
    """A tap on the body map marks or unmarks that area; the map is then drawn afresh with no selection left,
    so the next tap on the same area counts again."""
    event = st.session_state.get(f"bodymap-{st.session_state.get('bodymap_round', 0)}") or {}
    points = (event.get("selection") or {}).get("points") or []
    if points:
        set_view(toggle_area(current(), CATALOG.graphs[current().graph], points[0].get("customdata")))
        st.session_state.bodymap_round = st.session_state.get("bodymap_round", 0) + 1


def on_area_list() -> None:
    view = current()
    set_view(set_treatment(view, CATALOG.graphs[view.graph], st.session_state.area_choice or [], view.estim))


def on_estim() -> None:
    view = current()
    set_view(set_treatment(view, CATALOG.graphs[view.graph], view.areas, bool(st.session_state.estim_choice)))


def treatment_map(view: View) -> None:
    """For the physio at the chair: today's areas on the body map (or the list below it) and the current.
    Drawn only while open; the choice lives in the link alone."""
    treatment = CATALOG.graphs[view.graph].treatment
    if treatment is None:
        return
    box = st.popover(wording.TODAY_HEADING, icon=":material/accessibility_new:", key="today_open", on_change="rerun")
    if not box.open:
        return
    with box:
        st.markdown(wording.BODY_MAP_HELP)
        st.plotly_chart(body_figure(treatment, view.areas), key=f"bodymap-{st.session_state.get('bodymap_round', 0)}",
                        on_select=on_body_map, selection_mode="points", config=PLOTLY_CONFIG, width=BODY_MAP_PX,
                        alt="Body map, front and back. The same areas are in the list below it.")
        st.session_state.area_choice = list(view.areas)
        labels = {a.id: a.label for a in treatment.areas}
        st.pills(wording.TODAY_HEADING, [a.id for a in treatment.areas], selection_mode="multi", key="area_choice",
                 format_func=lambda a: labels[a].capitalize(), on_change=on_area_list, label_visibility="collapsed")
        st.session_state.estim_choice = view.estim
        st.toggle(wording.ESTIM_CHOICE, key="estim_choice", on_change=on_estim)


def controls(view: View) -> None:
    # The row's height to keep (explainer.css): a patient's row with "More detail" wraps below 1100 px. A
    # marker, not the row's own children, says so: it sits in the same place in the first paint and the whole
    # page, so the height holds in the frames where the placeholder has gone and the switches have not come.
    wraps = view.audience == PATIENT and CATALOG.graphs[view.graph].has_detail
    with st.container(key=f"controls-height-{'wraps' if wraps else 'one-line'}"):
        st.space("xxsmall")  # an empty container is not drawn at all
    with st.container(key="controls", horizontal=True, vertical_alignment="bottom"):
        if not complete():  # the first paint keeps the row's height (explainer.css); its switches follow
            with st.container(key="controls-wait"):
                st.space("xxsmall")
            return
        if len(CATALOG.graphs) > 1:
            st.selectbox(
                "Topic", sorted(CATALOG.graphs), index=sorted(CATALOG.graphs).index(view.graph), key="graph_choice",
                format_func=lambda g: CATALOG.graphs[g].title, on_change=lambda: set_view(
                    View(graph=st.session_state.graph_choice, audience=current().audience)),
            )
        st.session_state.audience_choice = view.audience
        st.segmented_control(
            wording.AUDIENCE_PROMPT, AUDIENCES, key="audience_choice", required=True, format_func=AUDIENCE_NAMES.get,
            on_change=lambda: set_view(replace(current(), audience=st.session_state.audience_choice)),
        )
        st.session_state.consult_choice = view.consult
        st.toggle(wording.WHOLE_PICTURE, key="whole_picture")
        if view.audience == PATIENT and CATALOG.graphs[view.graph].has_detail:
            st.session_state.more_choice = view.more
            st.toggle(wording.MORE_DETAIL, key="more_choice", on_change=lambda: set_more(st.session_state.more_choice))
        st.toggle(
            "Consult mode", key="consult_choice",
            on_change=lambda: set_view(consult_view(current(), st.session_state.consult_choice)),
        )
        treatment_map(view)
        if st.button(wording.TAKE_THIS_HOME, key="share", icon=":material/qr_code_2:"):
            take_this_home(view)


def main() -> None:
    panels.install_assets()
    view = current()
    graph = graph_of(view)
    if st.session_state.get("ignored"):
        names = ", ".join(st.session_state.ignored)
        st.info(wording.LINK_NOTICE.format(names=md_escape(names)))
        if complete():  # shown in the first paint and in the whole page, then gone
            st.session_state.ignored = []
    if not view.consult:
        st.title(md_escape(graph.title))
        # On a phone the introduction moves below the diagram (explainer.css): the diagram leads.
        with st.container(key="intro"):
            st.markdown(md_escape(graph.summary))
            if graph.guide:
                st.markdown(f"[{wording.GUIDE_POINTER}](#guide)")
            today = today_sentence(CATALOG.graphs[view.graph], view)
            if today:
                st.markdown(f"**{wording.TODAY_HEADING}:** {md_escape(today)} [{wording.TODAY_POINTER}](#today)")
            st.markdown(wording.DISCLAIMER)
        _author_notice()
    controls(view)
    explorer()
    if not complete():
        panels.page_ready(on_drawn)
        return
    with st.container(key="check"):
        # Runs in the reader's browser only: answers are never sent to this server.
        check = teach_back_html(CATALOG.graphs[view.graph], CLINIC)
        if check:
            st.html(check, unsafe_allow_javascript=True)
    with st.container(key="guide"):
        whole = CATALOG.graphs[view.graph]
        today = treatment_chapter(whole, view, CATALOG.references, CLINIC)
        today_map = body_figure(whole.treatment, view.areas, targets=False, height=300) if today else None
        panels.guide(graph, CATALOG.references, CLINIC, today, today_map)
    if view.consult:
        panels.clinic_footer(CLINIC)
        return
    with st.container(key="more"):
        # Written only while open: the whole flow as Markdown costs a cold load about 80 ms of the
        # browser's main thread, and a closed expander hides it from screen readers and print anyway.
        text_version = st.expander(
            "Text version of the whole diagram (for screen readers and printing)", key="outline_open",
            on_change="rerun",
        )
        if text_version.open:
            with text_version:
                panels.outline(graph, view.audience)
        take_home(graph, view)
    panels.clinic_footer(CLINIC)


main()
