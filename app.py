"""The dry-needling explainer (and any other graph in data/), as a Streamlit page: `streamlit run app.py`.

This file only wires the page, in reading order; every part lives in `mechanisms/webapp/` and every rule
in the layers below it.
"""

from __future__ import annotations

import streamlit as st

from mechanisms.present.catalogue import words
from mechanisms.webapp import panels, sections, state
from mechanisms.webapp.controls import controls
from mechanisms.webapp.explorer import explorer
from mechanisms.webapp.resources import served, warm_handout

page = served()
if not page.catalog.graphs:
    panels.page_config(words().unavailable_title)
    sections.unavailable(page)
    st.stop()
state.serve(page)
state.open_link(page)

view = state.current()
graph = state.graph_of(view)
panels.page_config(graph.title)
panels.install_assets()
sections.link_notice(view)
sections.intro(page, graph, view)
controls(view)
explorer()
if not state.complete():  # the first paint ends here; the browser's signal brings the rest
    panels.page_ready(state.on_drawn)
else:
    warm_handout(page.version, view.graph, view.language, page)  # once per process, in the background
    sections.check(page, view)
    sections.guide(page, graph, view)
    sections.key_points_again(page, graph, view)
    if not view.consult:
        sections.more(graph, view)
    panels.clinic_footer(page.clinic, words(view.language))
