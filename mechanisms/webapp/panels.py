"""Streamlit pieces of the explainer: panels, references, outline, guide. Thin: every rule lives in the layers below.

All author text goes through `md_escape` before it reaches Markdown, so a label or a link can never
become markup on the page. The only HTML written here is constant CSS and JavaScript.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from html import escape
from pathlib import Path
from typing import Any

import streamlit as st

from mechanisms.content.citations import format_references
from mechanisms.content.clinic import Clinic
from mechanisms.content.lastgood import author_mode
from mechanisms.content.model import Edge, Graph, Node
from mechanisms.diagram.locator import SCREEN_PX, Where
from mechanisms.diagram.touch import touch_script
from mechanisms.outputs.diary import diary_html
from mechanisms.outputs.factbox import fact_box_html
from mechanisms.present.audience import (
    PRACTITIONER,
    cause_sentence,
    edge_heading,
    edge_sentence,
    edge_word,
    effect_sentence,
    node_label,
    node_text,
    other_name,
    shows_findings,
)
from mechanisms.present.catalogue import Words
from mechanisms.present.clinic import clinic_lines
from mechanisms.present.factbox import fact_box as present_fact_box
from mechanisms.present.guide import GuideChapter, GuideLine, guide_chapters
from mechanisms.present.markup import md_escape, safe_url

ASSETS = Path(__file__).resolve().parent / "assets"
TODAY_MAP_PX = 320
"""Width of the body map in the patient's 'Today's treatment' box: small, beside the words that matter."""
EVIDENCE_COLOURS = {
    "human trial": "blue",
    "human observational": "blue",
    "animal study": "orange",
    "review": "violet",
    "proposed mechanism": "gray",
}
"""Streamlit badge colour of each evidence level (the words beside it say the level too)."""

OnPick = Callable[[str], None]


_PAGE_READY = st.components.v2.component(
    "explainer_page_ready", js=(ASSETS / "page_ready.js").read_text(encoding="utf-8"))


def page_ready(on_drawn: Callable[[], None]) -> None:
    """First paint's last element: calls `on_drawn` (in a new run) once the browser has drawn the diagram."""
    _PAGE_READY(key="page_ready", on_drawn_change=on_drawn)


def page_config(title: str) -> None:
    """The tab's title and icon, and a wide page."""
    # A local icon file: a Material icon name as page icon makes the browser fetch it from
    # fonts.gstatic.com (caught by tests/e2e/test_safety.py), and nothing may leave the machine.
    st.set_page_config(page_title=title, page_icon=str(ASSETS / "icon.png"), layout="wide")


def install_assets() -> None:
    """Constant CSS, the diagram's touch helper and the page's scroll helper (no data in any)."""
    st.html(ASSETS / "explainer.css")
    script = touch_script() + "\n" + (ASSETS / "explainer.js").read_text(encoding="utf-8")
    st.html(f"<script>\n{script}\n</script>", unsafe_allow_javascript=True)


_WHERE = (ASSETS / "where.html").read_text(encoding="utf-8").strip()


def where_in_body(picture: Where | None) -> str:
    """The small body picture with its caption, as one line of HTML a Markdown element keeps ('' if none)."""
    if picture is None:
        return ""
    width, height = SCREEN_PX
    return _WHERE.format(src=picture.src, alt=escape(picture.alt), width=width, height=height,
                         lead=escape(picture.lead), places=escape(picture.places))


def author_notice(problems: list, w: Words) -> None:
    """Only where authors work (MECHANISMS_AUTHOR=1): what is wrong with a file, one located line each.
    Visitors never see it; they get the last good version, and the server log has the same lines."""
    if author_mode() and problems:
        lines = "\n".join(f"- {md_escape(str(p))}" for p in problems[:20])
        st.warning(f"{w.author_notice}\n\n{lines}")


def clinic_footer(clinic: Clinic | None, w: Words) -> None:
    """The clinic's logo and details at the foot of the page, as the handout and offline page list them."""
    lines = clinic_lines(clinic, w)
    if clinic is None or not lines:
        return
    with st.container(key="clinic"):
        if clinic.logo:
            st.image(clinic.logo, width=120)
        st.markdown("  \n".join(f"**{md_escape(line.label)}:** {_linked(line.text, line.url)}" for line in lines))


def _linked(text: str, url: str | None) -> str:
    """Author text as Markdown, made a link when it has a safe address."""
    link = safe_url(url) if url else ""
    return f"[{md_escape(text)}]({link})" if link else md_escape(text)


def evidence_lines(level: str, w: Words) -> list[str]:
    """The evidence badge (as `st.badge` writes it) and what the level means, as Markdown paragraphs."""
    colour = EVIDENCE_COLOURS.get(level, "gray")
    return [f":{colour}-badge[:material/science: {md_escape(w.evidence_badge[level])}]",
            md_escape(w.evidence_says(level))]


def references_list(ids: list[str], references: Mapping[str, Mapping[str, Any]], audience: str, w: Words) -> None:
    refs = format_references(ids, references)
    if not refs:
        st.markdown(w.no_references)
        return
    lines = []
    for ref in refs:
        links = [f"[{name}]({safe_url(url)})" for name, url in ref.links(w.reference_links) if safe_url(url)]
        line = f"{ref.number}\\. {md_escape(ref.text)} {' · '.join(links)}"
        if shows_findings(audience) and ref.finding:
            line += f"  \n   *{w.what_it_found}* {md_escape(ref.finding)}"
        lines.append(line)
    st.markdown("\n\n".join(lines))


def glossary_lines(graph: Graph, term_ids: list[str], w: Words) -> list[str]:
    """'Words used here' and a list of the terms with their meanings, as Markdown paragraphs (none without terms)."""
    terms = [t for t in (graph.term(i) for i in term_ids) if t is not None]
    if not terms:
        return []
    return [f"**{w.words_used}**", "\n".join(f"- **{md_escape(t.term)}**: {md_escape(t.definition)}" for t in terms)]


def neighbour_buttons(graph: Graph, node: Node, audience: str, on_pick: OnPick, key_prefix: str, w: Words) -> None:
    """'What causes this' and 'What this leads to' buttons: walk the cascade without the diagram."""
    for title, edges, end, say, icon in (
        (w.causes_heading, graph.causes(node.id), "source", cause_sentence, ":material/arrow_upward:"),
        (w.effects_heading, graph.effects(node.id), "target", effect_sentence, ":material/arrow_downward:"),
    ):
        if not edges:
            continue
        st.markdown(f"**{title}**")
        for edge in edges:
            st.button(md_escape(say(graph, edge, audience, w)), key=f"{key_prefix}-{edge.id}", on_click=on_pick,
                      args=(getattr(edge, end),), icon=icon)


def node_panel(graph: Graph, node: Node, audience: str, references: Mapping[str, Mapping[str, Any]],
               on_pick: OnPick, w: Words) -> None:
    """A part: its name, what it is, how sure we are, its words, the buttons to its causes and effects, its
    references. The texts are one Markdown element: a click redraws the panel, and each element costs time."""
    also = other_name(node, audience)
    st.markdown("\n\n".join([
        f"### {md_escape(node_label(node, audience))}",
        *([f"{w.also_called} {md_escape(also)}"] if also else []),
        md_escape(node_text(node, audience)),
        *evidence_lines(node.evidence, w),
        *glossary_lines(graph, node.terms, w),
    ]))
    neighbour_buttons(graph, node, audience, on_pick, f"nb-{node.id}", w)
    with st.expander(w.references, expanded=audience == PRACTITIONER):
        references_list(node.citations, references, audience, w)


def edge_panel(graph: Graph, edge: Edge, audience: str, references: Mapping[str, Mapping[str, Any]],
               on_pick: OnPick, w: Words) -> None:
    source, target = graph.node(edge.source), graph.node(edge.target)
    if source is None or target is None:
        return
    heading, rest = edge_heading(graph, edge, audience, w)
    st.markdown("\n\n".join([
        f"### {md_escape(heading)}",
        *([md_escape(rest)] if rest else []),
        f"**{w.link_lead}** {md_escape(edge_sentence(graph, edge, audience, w))}",
        *evidence_lines(edge.evidence, w),
    ]))
    left, right = st.columns(2)
    for column, end, key in ((left, source, "edge-src"), (right, target, "edge-dst")):
        column.button(md_escape(w.go_to(node_label(end, audience))), key=f"{key}-{edge.id}", on_click=on_pick,
                      args=(end.id,))
    with st.expander(w.references, expanded=True):
        references_list(edge.citations, references, audience, w)


def outline(graph: Graph, audience: str, w: Words) -> None:
    """The whole flow as text: for screen readers, for readers, and for printing."""
    lines: list[str] = []
    for i, step in enumerate(graph.steps, start=1):
        lines.append(f"#### {md_escape(w.outline_step_heading(i, step.title))}")
        lines.append(md_escape(step.patient))
        lines.append(f"*{w.not_yet_known}* {md_escape(step.unknowns)}")
        for node in graph.nodes_in_step(step.id):
            level = w.evidence_badge[node.evidence]
            lines.append(f"- **{md_escape(node_label(node, audience))}** ({md_escape(level)}): "
                         f"{md_escape(node_text(node, audience))}")
            for edge in graph.effects(node.id):
                target = graph.node(edge.target)
                lines.append(f"    - {edge_word(edge.kind, audience, w)}: {md_escape(node_label(target, audience))}")
    st.markdown("\n\n".join(lines))


def guide(graph: Graph, references: Mapping[str, Mapping[str, Any]], clinic: Clinic | None, w: Words,
          today: GuideChapter | None = None, today_map: Any = None) -> None:
    """Today's treatment (open), then is it safe, after your session, questions to ask: one open-able part
    each, the same lines as the PDF."""
    chapters = guide_chapters(graph, references, clinic, w)
    if not chapters and today is None:
        return
    st.header(w.guide_heading, anchor="guide")
    if today is not None:
        with st.container(key="today", border=True):
            st.subheader(md_escape(today.title), anchor="today")
            if today_map is not None:  # where the needles went, in the same picture the physio tapped
                st.plotly_chart(today_map, key="today-map", config={"staticPlot": True}, width=TODAY_MAP_PX,
                                alt=w.today_map_alt)
            chapter_body(today)
    for number, chapter in enumerate(chapters):
        # Written only while open, as the text version is: closed parts cost a cold load nothing.
        part = st.expander(md_escape(chapter.title), key=f"guide-{chapter.id}", on_change="rerun")
        if part.open:
            with part:
                chapter_body(chapter)
        if number == 0:  # after "Is it safe?": the risks and benefits out of 1,000, in its own part
            fact_box(graph, references, w)
    diary(graph, clinic, w)


def diary(graph: Graph, clinic: Clinic | None, w: Words) -> None:
    """The soreness diary as the patient page shows it (kept in this browser only), written only while open."""
    if graph.diary is None:
        return
    part = st.expander(md_escape(graph.diary.title), key="guide-diary", on_change="rerun")
    if part.open:
        with part:
            st.html(diary_html(graph, clinic, w), unsafe_allow_javascript=True)


def fact_box(graph: Graph, references: Mapping[str, Mapping[str, Any]], w: Words) -> None:
    """The fact box as the patient page draws it (same script, style and data), written only while open."""
    box = present_fact_box(graph, references, w)
    if box is None:
        return
    part = st.expander(md_escape(box.title), key="guide-fact-box", on_change="rerun")
    if part.open:
        with part:
            st.html(fact_box_html(graph, references, w), unsafe_allow_javascript=True)


def chapter_body(chapter: GuideChapter) -> None:
    """A guide chapter's introduction and blocks, as the guide and today's box at the top show them."""
    if chapter.intro:
        st.markdown(md_escape(chapter.intro))
    for block in chapter.blocks:
        st.markdown(f"#### {md_escape(block.title)}")
        if block.kind == "actions":  # a checklist a patient can tick, in the browser only (nothing is sent or kept)
            rows = "".join(f'<li><label><input type="checkbox"> {escape(line.text)}</label></li>'
                           for line in block.lines)
            st.markdown(f'<ul class="ticks">{rows}</ul>', unsafe_allow_html=True)
            continue
        st.markdown("\n".join(_guide_item(line) for line in block.lines))


def key_points(lines: Sequence[GuideLine], heading: str, key: str, folded: bool = False) -> None:
    """The key points, the urgent one bold behind its warning sign: at the start `folded` (one tap opens them, so
    the story keeps its place on the first screen), at the end open in a box of their own."""
    if not lines:
        return
    if folded:  # HTML's own disclosure in a Markdown element: no widget code to fetch before the first diagram
        rows = "".join(_key_point_item(line) for line in lines)
        with st.container(key=key):
            st.markdown(f"<details><summary><strong>{escape(heading)}</strong></summary><ul>{rows}</ul></details>",
                        unsafe_allow_html=True)
        return
    with st.container(key=key, border=True):
        st.markdown(f"**{md_escape(heading)}**\n\n" + "\n".join(_guide_item(line) for line in lines))


def _key_point_item(line: GuideLine) -> str:
    """One key point as an HTML list item (the urgent one marked, for its colour and weight)."""
    urgent = ' class="urgent"' if line.kind == "warnings" else ""
    return f"<li{urgent}>{escape(line.mark + ' ' if line.mark else '')}{escape(line.text)}</li>"


def _guide_item(line: GuideLine) -> str:
    """One line as a Markdown list item: a box before an action, bold after a warning sign, sources below a fact."""
    text = md_escape(line.text)
    if line.kind == "warnings":
        text = f"**{text}**"
    item = f"- {line.mark + ' ' if line.mark else ''}{text}"
    if line.source_note:
        item += f"  \n  *{md_escape(line.source_note)}*"
    return item
