"""Streamlit pieces of the explainer: panels, step header, outline. Thin: logic lives in mechanisms/.

All author text goes through `md_escape` before it reaches Markdown, so a label or a link can never
become markup on the page. The only HTML written here is constant CSS and JavaScript.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any

import streamlit as st

from mechanisms.citations import format_references
from mechanisms.model import EDGE_KINDS, EVIDENCE_LEVELS, Edge, Graph, Node
from mechanisms.markup import md_escape, safe_url

ASSETS = Path(__file__).resolve().parent / "assets"
EVIDENCE_COLOURS = {
    "human trial": "blue",
    "human observational": "blue",
    "animal study": "orange",
    "review": "violet",
    "proposed mechanism": "gray",
}
DISCLAIMER = (
    "This explainer is for education only. It does not diagnose, and it is not medical advice. "
    "Talk with your own health professional about your care."
)


def install_assets() -> None:
    """Constant CSS and the touch/scroll helper script (no data in either)."""
    st.html(ASSETS / "explainer.css")
    st.html((ASSETS / "explainer.js").read_text(encoding="utf-8"), unsafe_allow_javascript=True)


def node_label(node: Node, audience: str) -> str:
    return (node.plain_label or node.label) if audience == "patient" else node.label


def evidence_badge(level: str) -> None:
    st.badge(md_escape(level.capitalize()), color=EVIDENCE_COLOURS.get(level, "gray"), icon=":material/science:")
    st.markdown(f"Evidence: {md_escape(EVIDENCE_LEVELS[level])}")


def references_list(ids: list[str], references: Mapping[str, Mapping[str, Any]], audience: str) -> None:
    refs = format_references(ids, references)
    if not refs:
        st.markdown("No published study supports this link yet: it is a proposed explanation.")
        return
    lines = []
    for ref in refs:
        links = []
        for name, url in (("DOI", ref.doi_url), ("PubMed", ref.pubmed_url), ("Article", ref.url)):
            if url and safe_url(url):
                links.append(f"[{name}]({safe_url(url)})")
        line = f"{ref.number}\\. {md_escape(ref.text)} {' · '.join(links)}"
        if audience == "practitioner" and ref.finding:
            line += f"  \n   *What it found:* {md_escape(ref.finding)}"
        lines.append(line)
    st.markdown("\n\n".join(lines))


def glossary_terms(graph: Graph, term_ids: list[str]) -> None:
    terms = [t for t in (graph.term(i) for i in term_ids) if t is not None]
    if terms:
        st.markdown("**Words used here**")
        st.markdown("\n".join(f"- **{md_escape(t.term)}**: {md_escape(t.definition)}" for t in terms))


def neighbour_buttons(
    graph: Graph, node: Node, audience: str, on_pick: Callable[[str], None], key_prefix: str
) -> None:
    """'Caused by' and 'Leads to' buttons: walk the cascade without the diagram."""
    causes = [e for e in graph.edges if e.target == node.id]
    effects = [e for e in graph.edges if e.source == node.id]
    for title, edges, other in (("What causes this", causes, "source"), ("What this leads to", effects, "target")):
        if not edges:
            continue
        st.markdown(f"**{title}**")
        for edge in edges:
            other_node = graph.node(getattr(edge, other))
            if other_node is None:
                continue
            words = EDGE_KINDS[edge.kind]
            text = (
                f"{node_label(other_node, audience)} {words} this"
                if other == "source"
                else f"This {words} {node_label(other_node, audience)}"
            )
            st.button(
                text, key=f"{key_prefix}-{edge.id}", on_click=on_pick, args=(other_node.id,),
                icon=":material/arrow_upward:" if other == "source" else ":material/arrow_downward:",
            )


def node_panel(
    graph: Graph, node: Node, audience: str, references: Mapping[str, Mapping[str, Any]],
    on_pick: Callable[[str], None],
) -> None:
    st.markdown(f"### {md_escape(node_label(node, audience))}")
    if audience == "patient" and node.plain_label and node.plain_label != node.label:
        st.markdown(f"Also called: {md_escape(node.label)}")
    st.markdown(md_escape(node.patient if audience == "patient" else node.practitioner))
    evidence_badge(node.evidence)
    glossary_terms(graph, node.terms)
    neighbour_buttons(graph, node, audience, on_pick, key_prefix=f"nb-{node.id}")
    with st.expander("References", expanded=audience == "practitioner"):
        references_list(node.citations, references, audience)


def edge_panel(
    graph: Graph, edge: Edge, audience: str, references: Mapping[str, Mapping[str, Any]],
    on_pick: Callable[[str], None],
) -> None:
    source, target = graph.node(edge.source), graph.node(edge.target)
    if source is None or target is None:
        return
    a, b = node_label(source, audience), node_label(target, audience)
    st.markdown(f"### {md_escape(a)} {EDGE_KINDS[edge.kind]} {md_escape(b)}")
    if edge.note:
        st.markdown(md_escape(edge.note))
    evidence_badge(edge.evidence)
    left, right = st.columns(2)
    left.button(f"Go to {a}", key=f"edge-src-{edge.id}", on_click=on_pick, args=(source.id,))
    right.button(f"Go to {b}", key=f"edge-dst-{edge.id}", on_click=on_pick, args=(target.id,))
    with st.expander("References", expanded=True):
        references_list(edge.citations, references, audience)


def outline(graph: Graph, audience: str) -> None:
    """The whole flow as text: for screen readers, for readers, and for printing."""
    lines: list[str] = []
    for i, step in enumerate(graph.steps, start=1):
        lines.append(f"#### Step {i}. {md_escape(step.title)}")
        lines.append(md_escape(step.patient if audience == "patient" or not step.practitioner else step.practitioner))
        lines.append(f"*Not yet known:* {md_escape(step.unknowns)}")
        for node in graph.nodes_in_step(step.id):
            text = node.patient if audience == "patient" else node.practitioner
            lines.append(
                f"- **{md_escape(node_label(node, audience))}** ({md_escape(node.evidence)}): {md_escape(text)}"
            )
            for edge in (e for e in graph.edges if e.source == node.id):
                target = graph.node(edge.target)
                if target is not None:
                    lines.append(f"    - {EDGE_KINDS[edge.kind]}: {md_escape(node_label(target, audience))}")
    st.markdown("\n\n".join(lines))
