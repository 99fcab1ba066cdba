"""One self-contained HTML file of the explainer: works offline, from a clinic's website or a USB stick.

The page is `templates/standalone.html` with its CSS and script beside it, and the diagram's touch
helper shared with the app. Plotly's JavaScript is inlined; everything the page shows travels as
JSON inside a <script type="application/json"> block with <, > and & escaped: the labels and texts
of each audience, the fixed wording, and, for every view the page can show, its link and its
highlight as drawn by `diagram.figure`. The script only looks these up, so the page cannot drift
from the app. No request leaves the page.

The page is what a patient takes home, so it shows the core path (`shown_graph` for a patient: no
animal-study `detail` nodes, said in a note) and, below the steps, the practical guide in the words
and marks of `present.guide`, as the PDF prints it.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import asdict
from functools import cache
from pathlib import Path
from typing import Any

import plotly.graph_objects as go

from ..content.citations import cited_ids, format_references
from ..content.clinic import Clinic
from ..content.model import AREAS, Edge, Graph, Node
from ..diagram import framed
from ..diagram.figure import (
    LINK_TRACE,
    NODE_TRACE,
    edge_lines,
    edge_markers,
    label_emphasis,
    label_text,
    node_marker,
)
from ..diagram.layout import Layout
from ..diagram.locator import where
from ..diagram.style import LABEL_FONT_PX, PLOTLY_CONFIG
from ..diagram.touch import touch_script
from ..present.audience import (
    AUDIENCES,
    PATIENT,
    cause_sentence,
    edge_heading,
    edge_sentence,
    effect_sentence,
    node_label,
    node_text,
    other_name,
    shown_graph,
    shows_findings,
    story_nodes,
)
from ..present.catalogue import DEFAULT_LANGUAGE, Words, or_english, words
from ..present.clinic import clinic_lines, logo_data_uri
from ..present.guide import GuideChapter, GuideLine, guide_chapters, guide_line, key_points
from ..present.highlight import Highlight, highlight_of
from ..present.links import PATIENT_PAGE_DROPS, view_query
from ..present.markup import html_escape, json_for_html
from ..present.teachback import teach_back_data
from ..present.treatment import AREAS_PER_SENTENCE
from ..present.view import AREAS_KEY, OPTION_ON, View, go_to_step, link_key, select_edge, select_node
from .diary import diary_data
from .factbox import fact_box_data
from .images import step_picture
from .template import fill, template

PAGE_IGNORES = tuple(link_key(field) for field in PATIENT_PAGE_DROPS)
"""Link keys the page reads past (a link the app wrote for the app may carry them)."""
Drawing = tuple[Graph, dict[str, list[str]], Layout]
"""A step's own graph, notes and layout (`framed.step_drawing`)."""


def _per_audience(make: Any) -> dict[str, Any]:
    return {audience: make(audience) for audience in AUDIENCES}


def _node_data(graph: Graph, node: Node, w: Words) -> dict[str, Any]:
    return {
        "evidence": node.evidence, "refs": node.citations, "terms": node.terms,
        "label": _per_audience(lambda a: node_label(node, a)),
        "text": _per_audience(lambda a: node_text(node, a)),
        "also": _per_audience(lambda a: other_name(node, a)),
        "causes": _per_audience(lambda a: [[e.source, cause_sentence(graph, e, a, w)] for e in graph.causes(node.id)]),
        "effects": _per_audience(
            lambda a: [[e.target, effect_sentence(graph, e, a, w)] for e in graph.effects(node.id)]),
    }


def _edge_data(graph: Graph, edge: Edge, w: Words) -> dict[str, Any]:
    ends = [graph.node(edge.source), graph.node(edge.target)]
    return {
        "evidence": edge.evidence, "refs": edge.citations,
        "heading": _per_audience(lambda a: edge_heading(graph, edge, a, w)[0]),
        "rest": _per_audience(lambda a: edge_heading(graph, edge, a, w)[1]),
        "link": _per_audience(lambda a: f"{w.link_lead} {edge_sentence(graph, edge, a, w)}"),
        "go": _per_audience(lambda a: [[n.id, w.go_to(node_label(n, a))] for n in ends if n]),
    }


def _words(w: Words) -> dict[str, str]:
    """The page's fixed wording, from the language's catalogue (the script shows only these)."""
    return {
        "how_to_read_lead": w.how_to_read_lead, "how_to_read": w.how_to_read, "audience_prompt": w.audience_prompt,
        "previous": w.previous, "next": w.next, "not_yet_known": w.not_yet_known, "explore_heading": w.explore_heading,
        "explore_hint": w.explore_hint, "no_references": w.no_references, "also_called": w.also_called,
        "causes": w.causes_heading, "effects": w.effects_heading, "words_used": w.words_used,
        "references": w.references, "what_it_found": w.what_it_found, "picker_label": w.picker_label,
        "picker_placeholder": w.picker_placeholder, "link_notice": w.link_notice_plain, "step_list": w.step_list_label,
        "today_heading": w.today_heading, "today_pointer": w.today_pointer, "about": w.about,
        "about_label": w.about_label, "check_heading": w.check_heading, "check_after_story": w.check_after_story,
    }


def _guide_line(line: GuideLine) -> dict[str, str]:
    """A line as the page writes it: its mark (a box, a warning sign), its text, a fact's sources."""
    return {"mark": line.mark, "text": line.text, "note": line.source_note}


def _guide_data(chapters: list[GuideChapter], w: Words) -> dict[str, Any]:
    """The practical guide under its heading: chapters, their sections and lines (empty when the graph has none)."""
    return {"heading": w.guide_heading, "chapters": [
        {"id": c.id, "title": c.title, "intro": c.intro or "", "blocks": [
            {"id": b.id, "title": b.title, "kind": b.kind, "lines": [_guide_line(line) for line in b.lines]}
            for b in c.blocks]}
        for c in chapters]}


def _treatment_data(graph: Graph, references: Mapping[str, Mapping[str, Any]], clinic: Clinic | None,
                    today_view: View | None, w: Words) -> dict[str, Any]:
    """What the page needs to say today's treatment for any areas a link names, in the graph's own sentences
    and the guide's own caution lines (`present.treatment` says the same for one view; a browser test checks
    they agree), and the areas of the reader's view this file was made for, if any."""
    treatment = graph.treatment
    marked = {"areas": list(today_view.areas) if today_view else [],
              "options": list(today_view.options) if today_view else []}
    base = {"areas_key": AREAS_KEY, "option_on": OPTION_ON, "ignored_keys": list(PAGE_IGNORES), "marked": marked,
            "placeholder": AREAS, "per_sentence": AREAS_PER_SENTENCE, "list_last": w.formats["list_last"],
            "list_separator": w.list_separator, "cautions_title": w.today_cautions, "aftercare": w.today_aftercare}
    if treatment is None:
        return {**base, "needled": "", "needled_more": "", "areas": [], "options": [], "cautions": []}
    return {**base, "needled": treatment.needled, "needled_more": treatment.needled_more,
            "areas": [[a.id, a.label, list(a.cautions)] for a in treatment.areas],
            "options": [[o.id, o.sentence] for o in treatment.options],
            "cautions": [[c.id, _guide_line(guide_line(c, "warnings", references, clinic, w))]
                         for c in treatment.cautions]}


def page_views(graph: Graph) -> list[View]:
    """Every view the page can show, made by the app's own moves: each step, each node, each link from each step."""
    views = []
    for audience in AUDIENCES:
        start = View(graph.id, audience=audience)
        for step in range(1, len(graph.steps) + 1):
            at_step = go_to_step(start, graph, step)
            views += [at_step, *(select_edge(at_step, graph, e.id) for e in graph.edges)]
        views += [select_node(start, graph, n.id) for n in graph.nodes]
    return views


def _look(drawing: Drawing, highlight: Highlight, audience: str) -> dict[str, Any]:
    """How a step's nodes, labels, links and link markers are drawn for one highlight (the figure's own functions)."""
    graph, _, layout = drawing
    marker = node_marker(graph, highlight)
    emphasis = label_emphasis(graph, highlight)
    links = edge_lines(graph, layout, highlight, per_link=True, audience=audience)
    markers = edge_markers(graph, layout, highlight, audience)
    return {"size": marker["size"], "opacity": marker["opacity"], "line_color": marker["line"]["color"],
            "line_width": marker["line"]["width"], "bold": [b for b, _ in emphasis], "ink": [i for _, i in emphasis],
            "links": {"opacity": [t["opacity"] for t in links], "width": [t["line"]["width"] for t in links]},
            "markers": {"size": [t["marker"]["size"] for t in markers],
                        "opacity": [t["marker"]["opacity"] for t in markers],
                        "line_width": [t["marker"]["line"]["width"] for t in markers]}}


def views_and_looks(graph: Graph, drawings: Mapping[tuple[str, int], Drawing]
                    ) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """Each view's link and the index of its look (how its step's own figure is drawn for it); each look once."""
    looks: dict[tuple[str, int, Highlight], int] = {}
    views = []
    for view in page_views(graph):
        key = (view.audience, view.step - 1, highlight_of(graph, view))
        index = looks.setdefault(key, len(looks))
        views.append({"q": view_query(view), "step": view.step - 1, "node": view.node, "edge": view.edge,
                      "audience": view.audience, "look": index})
    return views, [_look(drawings[audience, step], h, audience) for audience, step, h in looks]


def chart_indexes(fig: go.Figure, own: Graph) -> dict[str, Any]:
    """Where the page finds, in a step's figure, the node markers, each part's label, each link's line and the
    link markers (`own`: the step's own graph, whose parts and links it draws)."""
    names = [a.name for a in fig.layout.annotations]
    traces = {t.name: i for i, t in enumerate(fig.data)}
    return {"node_trace": traces[NODE_TRACE],
            "label_annotations": [names.index(n.id) for n in own.nodes],
            "link_traces": [traces[LINK_TRACE + e.id] for e in own.edges],
            "marker_traces": [i for i, t in enumerate(fig.data) if t.hovertext is not None and t.name != NODE_TRACE]}


def page_data(
    graph: Graph, references: Mapping[str, Mapping[str, Any]], core_note: bool = False,
    clinic: Clinic | None = None, today_view: View | None = None, words: Words | None = None,
) -> dict[str, Any]:
    """Everything the page's script needs, as plain JSON-able data, in `words` (English if not given).

    `core_note` adds the sentence saying that `graph` is the core path, the animal tests left out;
    `clinic` adds the clinic's details and logo (inlined: the page fetches nothing); `today_view`, a reader's
    view with today's treatment, opens the page with it when its link names none (a page made for one reader,
    written into that reader's file only). A link's own areas always win: the patient page has none built in.
    """
    w = or_english(words)
    refs = {r.id: {"text": r.text, "links": r.links(w.reference_links), "finding": r.finding}
            for r in format_references(cited_ids(graph), references)}
    drawings = {(a, i): framed.step_drawing(graph, s.id, a, LABEL_FONT_PX, w)
                for a in AUDIENCES for i, s in enumerate(graph.steps)}
    figures = step_figures(graph, w)
    views, looks = views_and_looks(graph, drawings)
    total = len(graph.steps)
    return {
        "title": graph.title, "summary": graph.summary, "disclaimer": w.disclaimer, "words": _words(w),
        "core_note": w.core_path_note if core_note else "",
        "guide": _guide_data(guide_chapters(graph, references, clinic, w), w),
        "key_points": {"heading": w.key_points_heading, "again": w.key_points_again,
                       "lines": [_guide_line(line) for line in key_points(graph, clinic, w)]},
        "treatment": _treatment_data(graph, references, clinic, today_view, w),
        "teach_back": teach_back_data(graph, clinic, w),
        "fact_box": fact_box_data(graph, references, w),
        "diary": diary_data(graph, clinic, w),
        "clinic": {"lines": [asdict(line) for line in clinic_lines(clinic, w)], "logo": logo_data_uri(clinic)},
        "steps": [{"heading": w.step_heading(i, total, s.title), "count": w.step_count(i, total),
                   "text": s.patient, "unknowns": s.unknowns,
                   "where": _where_data(graph, s.id, w), "nodes": [n.id for n in graph.nodes_in_step(s.id)]}
                  for i, s in enumerate(graph.steps, start=1)],
        "order": [n.id for n in story_nodes(graph)],
        "nodes": {n.id: _node_data(graph, n, w) for n in graph.nodes},
        "edges": {e.id: _edge_data(graph, e, w) for e in graph.edges},
        "evidence": {level: {"badge": w.evidence_badge[level], "meaning": meaning}
                     for level, meaning in w.evidence_meaning.items()},
        "glossary": {t.id: {"term": t.term, "definition": t.definition} for t in graph.glossary},
        "references": refs, "views": views, "looks": looks,
        "labels": _per_audience(lambda a: [step_labels(drawings[a, i], a) for i in range(total)]),
        "charts": _per_audience(lambda a: [chart_indexes(fig, drawings[a, i][0]) for i, fig in enumerate(figures[a])]),
        "figures": _per_audience(lambda a: [json.loads(fig.to_json()) for fig in figures[a]]),
        "audiences": [[a, w.audience_names[a]] for a in AUDIENCES],
        "findings_for": [a for a in AUDIENCES if shows_findings(a)],
        "figure_config": PLOTLY_CONFIG, "figure_alt": w.diagram_alt(graph.title),
    }


def _where_data(graph: Graph, step_id: str, w: Words) -> dict[str, str] | None:
    """Where in the body the step happens (`locator.where`): the picture's data URI, its caption and its alt text."""
    picture = where(graph, step_id, w)
    return None if picture is None else {"src": picture.src, "lead": picture.lead, "places": picture.places,
                                         "alt": picture.alt}


def step_figures(graph: Graph, words: Words | None = None) -> dict[str, list[go.Figure]]:
    """Per audience, each step drawn on its own as the app draws it, one trace per link so a view can restyle each;
    the page swaps them as the reader moves from step to step."""
    return _per_audience(lambda a: [page_figure(graph, a, i, words) for i in range(1, len(graph.steps) + 1)])


def page_figure(graph: Graph, audience: str = PATIENT, step: int = 1, words: Words | None = None) -> go.Figure:
    """One of the page's diagrams: a step (1-based) drawn on its own, one trace per link."""
    return step_picture(graph, step, audience, per_link=True, words=words)


def step_labels(drawing: Drawing, audience: str) -> dict[str, list[str]]:
    """A step's labels in its parts' order, plain and bold (the selected part and its neighbours), with their notes."""
    own, notes, _ = drawing
    return {kind: [label_text(node_label(n, audience), kind == "bold", LABEL_FONT_PX, notes.get(n.id, ()))
                   for n in own.nodes] for kind in ("plain", "bold")}


PLOTLY_JS = "plotly-basic-4.1.1.min.js"
"""The partial plotly.js bundle's name in a site folder (the version in it, so a cache never mixes two)."""
VENDOR = Path(__file__).resolve().parent / "vendor"


@cache
def plotly_js() -> str:
    """plotly.js's basic bundle (scatter, shapes, annotations: all the diagram uses), from the package."""
    return (VENDOR / "plotly-basic.min.js").read_text(encoding="utf-8")


PAGE_STYLES = ("standalone.css", "teachback.css", "factbox.css", "diary.css")
"""The page's own style, then the pieces it shares with the app (check questions, fact box, diary)."""
ONE_FILE_CSP = ("default-src 'none'; script-src 'unsafe-inline' 'unsafe-eval'; style-src 'unsafe-inline'; "
                "img-src data:; font-src data:")
SITE_CSP = ("default-src 'none'; script-src 'self' 'unsafe-inline' 'unsafe-eval'; style-src 'unsafe-inline'; "
            "img-src 'self' data:; font-src data:; manifest-src 'self'; connect-src 'self'; worker-src 'self'")
"""What each page may load: the one file nothing at all, the site only its own files (nothing from another
host, so nothing about the reader can leave through a request)."""


def page_html(graph: Graph, references: Mapping[str, Mapping[str, Any]], clinic: Clinic | None = None,
              view: View | None = None, language: str = DEFAULT_LANGUAGE, site: bool = False) -> str:
    """The patient page in the view's language (or `language` without a view): with plotly.js and no other
    file when `site` is False, else the `index.html` of a site folder (plotly.js, manifest, icons and
    service worker beside it; see `site.py`).

    It draws the core path a patient follows, with the clinic's details if given, and today's treatment
    from the link (or from `view`, the reader's, for a file made for one reader).
    """
    w = words(view.language if view else language)
    shown = shown_graph(graph, PATIENT)
    data = page_data(shown, references, core_note=shown is not graph, clinic=clinic, today_view=view, words=w)
    height = int(data["figures"][PATIENT][0]["layout"]["height"])
    values = {
        "LANG": html_escape(w.language_code), "CSP": SITE_CSP if site else ONE_FILE_CSP,
        "DESCRIPTION": html_escape(shown.summary), "HEAD": template("site-head.html") if site else "",
        "TITLE": html_escape(shown.title), "STYLE": "\n".join(template(name) for name in PAGE_STYLES),
        "PLOT": f'<div id="diagram" style="height:{height}px"></div>', "DATA": json_for_html(data),
        "PLOTLY": f'<script src="{PLOTLY_JS}" defer></script>' if site else f"<script>\n{plotly_js()}\n</script>",
        "TOUCH": touch_script(), "TEACHBACK": template("teachback.js"), "FACTBOX": template("factbox.js"),
        "DIARY": template("diary.js"), "SCRIPT": template("standalone.js"),
        "REGISTER": template("site-register.html") if site else "",
    }
    return fill("standalone.html", values)


def build_html(graph: Graph, references: Mapping[str, Mapping[str, Any]], clinic: Clinic | None = None,
               view: View | None = None, language: str = DEFAULT_LANGUAGE) -> str:
    """The offline page: the patient page as one HTML file that loads nothing (about 1.5 MB; 0.5 MB gzipped)."""
    return page_html(graph, references, clinic, view, language)
