"""What a server process keeps between runs: the catalog, layouts, figures, the clinic, made files."""

from __future__ import annotations

import contextlib
import gc
import os
import threading
import time
from dataclasses import dataclass
from pathlib import Path

import plotly.graph_objects as go
import streamlit as st

from mechanisms.content.clinic import Clinic, clinic_signature, configured_clinic
from mechanisms.content.lastgood import LastGood
from mechanisms.content.load import Catalog
from mechanisms.content.model import Graph
from mechanisms.diagram.figure import step_figure
from mechanisms.diagram.layout import Layout, compute_layout
from mechanisms.present.catalogue import words
from mechanisms.present.highlight import Highlight
from mechanisms.settings import settings


@dataclass(frozen=True)
class Served:
    """What this run serves: the last good catalog of the data folder and the clinic's details."""

    catalog: Catalog
    clinic: Clinic | None
    clinic_problems: list
    clinic_key: tuple
    version: tuple
    """(folder, catalog version): the key of every cache below, so a new read that was served draws afresh."""

    @property
    def problems(self) -> list:
        """What is wrong with the data files and the clinic's settings, for the author notice."""
        return [*self.catalog.problems, *self.clinic_problems]


@st.cache_resource(show_spinner=False)
def _store(data_dir: str) -> LastGood:
    """One per process and folder: re-reads data/ when a file changes, and keeps the last good version."""
    return LastGood(Path(data_dir))


@st.cache_resource(show_spinner=False, max_entries=4)
def _clinic(signature: tuple) -> tuple[Clinic | None, list]:
    """The clinic's details, read again only when its settings file changes (problems logged once)."""
    return configured_clinic(signature)


@st.cache_resource(show_spinner=False)
def _freeze_long_lived_objects() -> None:
    """Once per process: Streamlit runs a full gc.collect() after every script run (about 50 ms here,
    holding the GIL while the reply is being sent); moving the objects loaded at start-up (plotly,
    networkx, citeproc, the catalog) out of the collector's reach makes that collection cheap."""
    gc.freeze()


def served() -> Served:
    """Read on each full run, so a test (or a clinic) can point the page at its own folder."""
    data = str(settings().data_dir)
    catalog = _store(data).refresh()
    key = clinic_signature()
    clinic, problems = _clinic(key)
    _freeze_long_lived_objects()
    return Served(catalog, clinic, problems, key, (data, catalog.version))


def _shown(served: Served, graph_id: str, core: bool) -> Graph:
    graph = served.catalog.graphs[graph_id]
    return graph.core if core else graph


@st.cache_resource(show_spinner=False)
def _layout(version: tuple, graph_id: str, core: bool, _served: Served) -> Layout:
    return compute_layout(_shown(_served, graph_id, core))


@st.cache_resource(show_spinner=False, max_entries=512)
def _figure(version: tuple, graph_id: str, core: bool, highlight: Highlight, audience: str, consult: bool,
            whole: bool, language: str, _served: Served) -> go.Figure:
    graph = _shown(_served, graph_id, core)
    return step_figure(graph, _layout(version, graph_id, core, _served), highlight, audience, consult, whole,
                       words=words(language))


def figure(served: Served, graph: Graph, highlight: Highlight, audience: str, consult: bool,
           whole: bool, language: str) -> go.Figure:
    """The diagram of a shown graph (a patient's core path or the whole graph), framed on the highlight's step
    unless `whole`, drawn once per process."""
    core = graph is not served.catalog.graphs[graph.id]
    return _figure(served.version, graph.id, core, highlight, audience, consult, whole, language, served)


HANDOUT_WARM_DELAY_S = 3.0
"""How long after the first paint the handout's pictures start to draw: clear of the reader's first clicks."""


@st.cache_resource(show_spinner=False, max_entries=8)
def warm_handout(version: tuple, graph_id: str, language: str, _served: Served) -> threading.Thread:
    """Once per process, graph and language: the patient handout's pictures drawn in the background after the
    first paint, so a tap on its button only lays out the pages (about 1.6 s became about 0.7 s)."""
    from mechanisms.outputs.handout import story_pictures
    from mechanisms.present.audience import PATIENT, shown_graph

    graph = shown_graph(_served.catalog.graphs[graph_id], PATIENT)

    def draw() -> None:
        time.sleep(HANDOUT_WARM_DELAY_S)
        with contextlib.suppress(OSError):  # behind readers' requests: this thread and the browser it starts yield
            os.nice(10)
        try:
            story_pictures(graph, words(language))
        except Exception:  # noqa: BLE001 - no browser: the button says so when pressed
            return

    thread = threading.Thread(target=draw, name="warm-handout", daemon=True)
    thread.start()
    return thread
