"""The row of switches over the diagram: whole picture and more detail for a patient; behind "For clinicians"
(shown at once in a practitioner's or consult view): audience, consult mode, today's treatment on the body map,
and Take this home (a QR code of the view)."""

from __future__ import annotations

import functools
import socket
from dataclasses import replace

import streamlit as st

from mechanisms.diagram.bodymap import WIDTH_PX as BODY_MAP_PX
from mechanisms.diagram.bodymap import body_figure
from mechanisms.diagram.style import PLOTLY_CONFIG
from mechanisms.outputs.qr import qr_png
from mechanisms.present.audience import AUDIENCES, PATIENT
from mechanisms.present.catalogue import Words, words
from mechanisms.present.links import is_local, reader_link, share_base, with_host
from mechanisms.present.view import View, consult_view, set_treatment, toggle_area
from mechanisms.settings import settings

from .state import complete, current, served, set_more, set_view, whole_graph

QR_SCREEN_PX = 300  # the QR code's width on screen: a phone camera reads it from about a metre


def share_link_base() -> tuple[str | None, bool]:
    """Where a phone opens the explainer, and whether that is this computer's address on its local network:
    MECHANISMS_BASE_URL, else the address this page was opened at, which if it names this computer becomes its
    network address when the server listens there (never a code a phone cannot open)."""
    base = share_base(settings().base_url, st.context.url)
    if base and is_local(base) and listens_on_network():
        host = network_host()
        if host:
            return with_host(base, host), True
    return base, False


def listens_on_network() -> bool:
    """Whether the server accepts other machines (Streamlit's default); bound to this computer only, it does not."""
    return (st.get_option("server.address") or "") in ("", "0.0.0.0", "::")


@functools.lru_cache(maxsize=1)
def network_host() -> str | None:
    """This computer's address on its local network (the one a phone on the same Wi-Fi reaches), if it has one,
    asked once per process (every full run reads it). A UDP socket's connect sends nothing: it only asks the
    system which address it would send from."""
    try:
        with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as probe:
            probe.connect(("10.255.255.255", 1))
            host = probe.getsockname()[0]
    except OSError:
        return None
    return None if host.startswith("127.") or host == "0.0.0.0" else host


def share_dialog(view: View) -> None:
    """The current view for a phone, in a dialog titled in the reader's language."""
    st.dialog(words(view.language).take_this_home, width="medium")(share_view)(view)


def share_view(view: View) -> None:
    """A QR code large enough to scan from a metre away, and the same link to copy."""
    w = words(view.language)
    base, on_network = share_link_base()
    if base is None:  # no address at all (a test harness): nothing a phone could open
        st.warning(w.local_link, icon=":material/warning:")
        return
    link = reader_link(base, view, whole_graph(view), settings().patient_page)
    st.markdown(w.scan_to_open)
    qr = qr_png(link, box_size=10)
    if qr:
        with st.container(key="share-qr"):
            st.image(qr, width=QR_SCREEN_PX)
    st.markdown(w.copy_link)
    st.code(link, language=None, wrap_lines=True)
    if on_network:  # said plainly: it works on this Wi-Fi only
        st.warning(w.local_network_link, icon=":material/wifi:")
    elif is_local(link):
        st.warning(w.local_link, icon=":material/warning:")


def on_body_map() -> None:
    """A tap on the body map marks or unmarks that area; the map is then drawn afresh with no selection left,
    so the next tap on the same area counts again."""
    event = st.session_state.get(f"bodymap-{st.session_state.get('bodymap_round', 0)}") or {}
    points = (event.get("selection") or {}).get("points") or []
    if points:
        set_view(toggle_area(current(), whole_graph(current()), points[0].get("customdata")))
        st.session_state.bodymap_round = st.session_state.get("bodymap_round", 0) + 1


def on_area_list() -> None:
    view = current()
    set_view(set_treatment(view, whole_graph(view), st.session_state.area_choice or [], view.options))


def on_option(option_id: str) -> None:
    """The physio's switch for one of the treatment's options (the data's `treatment.options`)."""
    view = current()
    others = [o for o in view.options if o != option_id]
    chosen = [*others, option_id] if st.session_state.get(f"option-{option_id}") else others
    set_view(set_treatment(view, whole_graph(view), view.areas, chosen))


def treatment_map(view: View) -> None:
    """For the physio at the chair: today's areas on the body map (or the list below it) and the current.
    Drawn only while open; the choice lives in the link alone."""
    treatment = whole_graph(view).treatment
    if treatment is None:
        return
    w = words(view.language)
    # The label stays the same: a popover's label is part of its identity, so a count in it would close it at each tap.
    box = st.popover(w.today_heading, icon=":material/accessibility_new:", key="today_open", on_change="rerun")
    if not box.open:
        return
    with box:
        st.markdown(w.body_map_help)
        st.plotly_chart(body_figure(treatment, view.areas, words=w),
                        key=f"bodymap-{st.session_state.get('bodymap_round', 0)}", on_select=on_body_map,
                        selection_mode="points", config=PLOTLY_CONFIG, width=BODY_MAP_PX, alt=w.body_map_alt)
        st.session_state.area_choice = list(view.areas)
        labels = {a.id: a.label for a in treatment.areas}
        st.pills(w.today_heading, [a.id for a in treatment.areas], selection_mode="multi", key="area_choice",
                 format_func=lambda a: labels[a].capitalize(), on_change=on_area_list, label_visibility="collapsed")
        for option in treatment.options:
            st.session_state[f"option-{option.id}"] = option.id in view.options
            st.toggle(option.choice, key=f"option-{option.id}", on_change=on_option, args=(option.id,))


def clinician_controls_shown(view: View) -> bool:
    """A patient's view keeps the clinician's controls (audience, consult mode, today's treatment, the QR code)
    behind one switch; a practitioner's or a consult view shows them."""
    return view.audience != PATIENT or view.consult or bool(st.session_state.get("clinician_choice"))


def controls(view: View) -> None:
    """The switches, or in the first paint only a placeholder that keeps the row's height."""
    # The row's height to keep (explainer.css): a patient's row with "More detail" and the clinician's controls
    # wraps below 1100 px. A marker, not the row's own children, says so: it sits in the same place in the first
    # paint and the whole page, so the height holds in the frames where the placeholder has gone and the switches
    # have not come.
    wraps = view.audience == PATIENT and whole_graph(view).has_detail and clinician_controls_shown(view)
    with st.container(key=f"controls-height-{'wraps' if wraps else 'one-line'}"):
        st.space("xxsmall")  # an empty container is not drawn at all
    with st.container(key="controls", horizontal=True, vertical_alignment="bottom"):
        if not complete():  # the first paint keeps the row's height (explainer.css); its switches follow
            with st.container(key="controls-wait"):
                st.space("xxsmall")
            return
        switches(view)


def switches(view: View) -> None:
    """A patient's own switches (whole picture, more detail), then the clinician's, or the one switch that shows
    them."""
    graphs = served().catalog.graphs
    w = words(view.language)
    if len(graphs) > 1:
        st.selectbox(
            "Topic", sorted(graphs), index=sorted(graphs).index(view.graph), key="graph_choice",
            format_func=lambda g: graphs[g].title, on_change=lambda: set_view(
                View(graph=st.session_state.graph_choice, audience=current().audience)),
        )
    st.toggle(w.whole_picture, key="whole_picture")
    if view.audience == PATIENT and graphs[view.graph].has_detail:
        st.session_state.more_choice = view.more
        st.toggle(w.more_detail, key="more_choice", on_change=lambda: set_more(st.session_state.more_choice))
    if view.audience == PATIENT and not view.consult:
        st.toggle(w.for_clinicians, key="clinician_choice")
    if clinician_controls_shown(view):
        clinician_switches(view, w)


def clinician_switches(view: View, w: Words) -> None:
    """Who it is written for, consult mode, today's treatment on the body map, and the QR code to take home."""
    st.session_state.audience_choice = view.audience
    st.segmented_control(
        w.audience_prompt, AUDIENCES, key="audience_choice", required=True, format_func=w.audience_names.get,
        on_change=lambda: set_view(replace(current(), audience=st.session_state.audience_choice)),
    )
    st.session_state.consult_choice = view.consult
    st.toggle(
        w.consult_mode, key="consult_choice",
        on_change=lambda: set_view(consult_view(current(), st.session_state.consult_choice)),
    )
    treatment_map(view)
    if st.button(w.take_this_home, key="share", icon=":material/qr_code_2:"):
        share_dialog(view)
