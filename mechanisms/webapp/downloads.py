"""The reader's files to take home (the PDF handout, the offline page), made only when clicked."""

from __future__ import annotations

import streamlit as st

from mechanisms.content.model import Graph
from mechanisms.present.catalogue import words
from mechanisms.present.links import take_home_view
from mechanisms.present.view import View

from .controls import share_link_base
from .resources import Served
from .state import served


def _build_handout(page: Served, view: View, base_url: str | None) -> bytes:
    """The reader's handout: its link and QR code reopen the reader's own view (and today's treatment)."""
    from mechanisms.outputs.handout import build_pdf

    return build_pdf(page.catalog.graphs[view.graph], page.catalog.references, view.audience, "a4", base_url,
                     clinic=page.clinic, view=take_home_view(view))


def _build_page(page: Served, view: View) -> str:
    from mechanisms.outputs.standalone import build_html

    return build_html(page.catalog.graphs[view.graph], page.catalog.references, page.clinic, take_home_view(view))


@st.cache_data(show_spinner=False, max_entries=8)
def _handout(version: tuple, clinic_key: tuple, view: View, base_url: str | None, _page: Served) -> bytes:
    return _build_handout(_page, view, base_url)


@st.cache_data(show_spinner=False, max_entries=4)
def _standalone(version: tuple, clinic_key: tuple, view: View, _page: Served) -> str:
    return _build_page(_page, view)


def personal(view: View) -> bool:
    """Whether a view holds today's treatment: its files are made for this reader only and never cached."""
    return bool(view.areas or view.options)


def handout_bytes(page: Served, view: View, base_url: str | None) -> bytes:
    if personal(view):
        return _build_handout(page, view, base_url)
    return _handout(page.version, page.clinic_key, view, base_url, page)


def page_text(page: Served, view: View) -> str:
    # Without a treatment the page is the same for every reader of a graph: one cache entry per graph.
    if personal(view):
        return _build_page(page, view)
    return _standalone(page.version, page.clinic_key, View(view.graph), page)


def take_home(graph: Graph, view: View) -> None:
    """Downloads made only when clicked (a PDF needs a few seconds to draw the diagram)."""
    base_url = share_link_base()
    page = served()
    w = words(view.language)
    st.markdown(f"### {w.take_it_home}")
    left, right = st.columns(2)
    left.download_button(
        w.handout_download[view.audience],
        data=lambda: handout_bytes(page, view, base_url),
        file_name=f"{graph.id}-{view.audience}.pdf", mime="application/pdf", icon=":material/picture_as_pdf:",
        on_click="ignore", key="dl-pdf",
    )
    right.download_button(
        w.offline_download, data=lambda: page_text(page, view),
        file_name=f"{graph.id}.html", mime="text/html", icon=":material/download:", on_click="ignore", key="dl-html",
    )
