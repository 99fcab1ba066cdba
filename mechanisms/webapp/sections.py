"""The page around the explorer, in reading order: the introduction, the check questions, the guide,
the text version and the downloads, the clinic's footer."""

from __future__ import annotations

import streamlit as st

from mechanisms.content.model import Graph
from mechanisms.diagram.bodymap import body_figure
from mechanisms.outputs.teachback import teach_back_html
from mechanisms.present.catalogue import words
from mechanisms.present.guide import key_points
from mechanisms.present.links import patient_page_base, reader_link
from mechanisms.present.markup import md_escape
from mechanisms.present.treatment import today_sentence, treatment_chapter
from mechanisms.present.view import View
from mechanisms.settings import settings

from . import panels
from .controls import share_link_base
from .downloads import take_home
from .resources import Served
from .state import complete


def unavailable(page: Served) -> None:
    """No version of any graph has loaded yet: a short notice for visitors (and the problems for authors)."""
    w = words()
    st.title(w.unavailable_title)
    st.info(w.unavailable)
    panels.author_notice(page.problems, w)


def link_notice(view: View) -> None:
    """A shared link with parts this page could not read: say which, once."""
    if st.session_state.get("ignored"):
        names = ", ".join(st.session_state.ignored)
        st.info(words(view.language).link_notice(md_escape(names)))
        if complete():  # shown in the first paint and in the whole page, then gone
            st.session_state.ignored = []


def intro(page: Served, graph: Graph, view: View) -> None:
    """Title, summary, today's treatment in a sentence, the disclaimer; at the chair (consult mode) only today's
    treatment, so the physio sees what they marked at once."""
    w = words(view.language)
    if view.consult:
        today = today_sentence(page.catalog.graphs[view.graph], view)
        if today:
            st.markdown(f"**{w.today_heading}:** {md_escape(today)}")
        return
    st.title(md_escape(graph.title))
    patient_page_offer(page, view)
    today_first(page, view)
    panels.key_points(key_points(graph, page.clinic, w), w.key_points_heading, "key-points", folded=True)
    # On a phone the introduction moves below the diagram (explainer.css): the diagram leads.
    with st.container(key="intro"):
        st.markdown(md_escape(graph.summary))
        if graph.guide:
            st.markdown(f"[{w.guide_pointer}](#guide)")
        st.markdown(w.disclaimer)
    panels.author_notice(page.problems, w)


def today_first(page: Served, view: View) -> None:
    """Today's treatment and the urgent signs its areas carry, before the story on every screen (as the patient
    page and the handout put them first): what a patient opening the physio's link must not miss."""
    chapter = treatment_chapter(page.catalog.graphs[view.graph], view, page.catalog.references, page.clinic)
    if chapter is None:
        return
    w = words(view.language)
    with st.container(key="today-first", border=True):
        st.markdown(f"**{md_escape(chapter.title)}**")
        panels.chapter_body(chapter)
        st.markdown(f"[{w.today_pointer}](#today)")


def patient_page_offer(page: Served, view: View) -> None:
    """On a phone, where this page is slow to open, the patient page (when it is served) with the same view."""
    base, _ = share_link_base()
    patient_page = settings().patient_page
    if not base or not patient_page_base(base, patient_page):
        return
    link = reader_link(base, view, page.catalog.graphs[view.graph], patient_page)
    with st.container(key="phone-page"):  # shown on narrow screens only (explainer.css)
        st.markdown(f"[{words(view.language).patient_page_offer}]({link})")


def check(page: Served, view: View) -> None:
    """The check questions, once the story has been told (at its last step; before it, a line saying so). They
    run in the reader's browser only: answers are never sent to this server."""
    with st.container(key="check"):
        if view.step < len(page.catalog.graphs[view.graph].steps):
            if page.catalog.graphs[view.graph].teach_back:
                st.markdown(words(view.language).check_after_story)
            return
        html = teach_back_html(page.catalog.graphs[view.graph], page.clinic, words(view.language))
        if html:
            st.html(html, unsafe_allow_javascript=True)


def guide(page: Served, graph: Graph, view: View) -> None:
    """Before and after your session, with today's treatment (and its body map) first when there is one."""
    with st.container(key="guide"):
        whole = page.catalog.graphs[view.graph]
        today = treatment_chapter(whole, view, page.catalog.references, page.clinic)
        w = words(view.language)
        today_map = body_figure(whole.treatment, view.areas, targets=False, height=300, words=w) if today else None
        panels.guide(graph, page.catalog.references, page.clinic, w, today, today_map)


def key_points_again(page: Served, graph: Graph, view: View) -> None:
    """The key points again at the end of the page, after the guide: what a patient must keep, last."""
    w = words(view.language)
    panels.key_points(key_points(graph, page.clinic, w), w.key_points_again, "key-points-again")


def more(graph: Graph, view: View) -> None:
    """The text version (written only while open) and the files to take home."""
    w = words(view.language)
    with st.container(key="more"):
        # Written only while open: the whole flow as Markdown costs a cold load about 80 ms of the
        # browser's main thread, and a closed expander hides it from screen readers and print anyway.
        text_version = st.expander(
            w.text_version, key="outline_open",
            on_change="rerun",
        )
        if text_version.open:
            with text_version:
                panels.outline(graph, view.audience, w)
        take_home(graph, view)
