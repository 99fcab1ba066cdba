"""The reader's files to take home (the registry's `in_app` outputs: the PDF handout, the offline page), each
made only when its button is pressed."""

from __future__ import annotations

from html import escape

import streamlit as st

from mechanisms.content.model import Graph
from mechanisms.outputs.registry import OUTPUTS, Output, app_outputs, reader_order
from mechanisms.present.catalogue import words
from mechanisms.present.view import View
from mechanisms.settings import settings

from .controls import share_link_base
from .resources import Served
from .state import served


def _make(page: Served, name: str, view: View, base_url: str | None) -> bytes:
    order = reader_order(page.catalog.graphs[view.graph], page.catalog.references, view, page.clinic, base_url,
                         settings().patient_page)
    return OUTPUTS[name].data(order)


@st.cache_data(show_spinner=False, max_entries=8)
def _made(version: tuple, clinic_key: tuple, name: str, view: View, base_url: str | None, patient_page: str,
          _page: Served) -> bytes:
    return _make(_page, name, view, base_url)


def download_data(page: Served, output: Output, view: View, base_url: str | None) -> bytes:
    """The file for this reader: made afresh when it holds today's treatment (never kept), else shared."""
    shared = output.shared_view(view)
    if shared is None:
        return _make(page, output.name, view, base_url)
    return _made(page.version, page.clinic_key, output.name, shared, base_url if output.uses_base_url else None,
                 settings().patient_page, page)


def take_home(graph: Graph, view: View) -> None:
    """Downloads made only when clicked (a PDF needs a few seconds to draw the diagram)."""
    base_url, _ = share_link_base()  # the same address as the QR dialog
    page = served()
    w = words(view.language)
    st.markdown(f"### {w.take_it_home}")
    outputs = app_outputs()
    for column, output in zip(st.columns(len(outputs)), outputs, strict=True):
        column.download_button(
            output.button_label(w, view.audience), data=lambda o=output: download_data(page, o, view, base_url),
            file_name=output.file_name(graph.id, view.audience), mime=output.mime, icon=output.icon,
            on_click="ignore", key=f"dl-{output.name}",
        )
        # Shown while the button waits for its file (assets/explainer.js): what is happening, in words.
        column.markdown(f'<p class="dl-making" role="status">{escape(w.making_file)}</p>', unsafe_allow_html=True)
