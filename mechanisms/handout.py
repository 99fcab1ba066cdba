"""The take-home PDF: summary, diagram, every step, glossary, numbered references, disclaimer.

fpdf2 with a Unicode TrueType font (DejaVu, Debian's fonts-dejavu-core), so names such as
Fernández-de-las-Peñas print correctly. Text is black on white: it prints in black and white.
Author text is written as plain text cells, never parsed as markup.
"""

from __future__ import annotations

import io
from collections.abc import Mapping
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

from fpdf import FPDF

from .citations import format_references
from .graph import cited_ids
from .images import ExportError, diagram, render
from .model import EDGE_KINDS, EVIDENCE_LEVELS, Graph

DISCLAIMER = (
    "This explainer is for education only. It does not diagnose, and it is not medical advice. "
    "Talk with your own health professional about your care."
)
FONT_DIRS = (Path("/usr/share/fonts/truetype/dejavu"), Path("/usr/share/fonts/dejavu"))
PAPERS = {"a4": "A4", "letter": "Letter"}


def _font_dir() -> Path:
    for folder in FONT_DIRS:
        if (folder / "DejaVuSans.ttf").exists() and (folder / "DejaVuSans-Bold.ttf").exists():
            return folder
    raise ExportError("the PDF needs the DejaVu fonts (Debian: apt-get install fonts-dejavu-core)")


def view_link(base_url: str, graph: Graph, audience: str) -> str:
    """The online address of the same view, for the printed link and the QR code."""
    params = {"graph": graph.id, "step": "1"}
    if audience != "patient":
        params["audience"] = audience
    return f"{base_url.rstrip('/')}/?{urlencode(params)}"


class _Handout(FPDF):
    def __init__(self, paper: str, title: str):
        super().__init__(orientation="portrait", unit="mm", format=PAPERS[paper])
        self.set_margins(18, 16, 18)
        self.set_auto_page_break(True, margin=18)
        self.doc_title = title
        fonts = _font_dir()
        self.add_font("DejaVu", "", str(fonts / "DejaVuSans.ttf"))
        self.add_font("DejaVu", "B", str(fonts / "DejaVuSans-Bold.ttf"))
        self.set_title(title)
        self.set_creator("mechanisms explainer")

    def footer(self) -> None:
        self.set_y(-12)
        self.set_font("DejaVu", "", 8)
        self.cell(0, 6, f"{self.doc_title} · page {self.page_no()}/{{nb}}", align="C")

    def heading(self, text: str, size: float = 14) -> None:
        self.set_font("DejaVu", "B", size)
        self.multi_cell(0, size * 0.5, text, new_x="LMARGIN", new_y="NEXT")
        self.ln(1.5)

    def para(self, text: str, size: float = 10.5, bold_lead: str | None = None) -> None:
        if bold_lead:
            self.set_font("DejaVu", "B", size)
            self.write(size * 0.5, bold_lead + " ")
        self.set_font("DejaVu", "", size)
        self.write(size * 0.5, text)
        self.ln(size * 0.5 + 2)


def build_pdf(
    graph: Graph,
    references: Mapping[str, Mapping[str, Any]],
    audience: str = "patient",
    paper: str = "a4",
    base_url: str | None = None,
    image: bytes | None = None,
) -> bytes:
    """The handout as PDF bytes; `image` (a PNG of the diagram) is drawn with kaleido if not given."""
    if paper not in PAPERS:
        raise ExportError(f"unknown paper size {paper!r}; choose a4 or letter")
    patient = audience == "patient"
    labels = {n.id: (n.plain_label or n.label) if patient else n.label for n in graph.nodes}
    png = image if image is not None else render(diagram(graph, labels=labels), "png", width=900, scale=2)
    refs = format_references(cited_ids(graph), references)
    number = {r.id: r.number for r in refs}

    pdf = _Handout(paper, graph.title)
    pdf.alias_nb_pages()
    pdf.add_page()
    pdf.heading(graph.title, 20)
    pdf.para(graph.summary, 11.5)
    pdf.set_draw_color(0)
    pdf.set_line_width(0.4)
    y = pdf.get_y()
    pdf.para(DISCLAIMER, 9.5, bold_lead="Please note:")
    pdf.rect(pdf.l_margin - 2, y - 2, pdf.epw + 4, pdf.get_y() - y + 1)
    pdf.ln(2)
    if base_url:
        link = view_link(base_url, graph, audience)
        try:
            import qrcode

            qr = qrcode.make(link, box_size=6, border=2)
            buf = io.BytesIO()
            qr.save(buf, format="PNG")
            pdf.image(buf, x=pdf.w - pdf.r_margin - 28, y=pdf.get_y(), w=28)
        except ImportError:
            pass
        pdf.para(link, 9.5, bold_lead="Explore it online:")
        pdf.ln(24)
    pdf.para("How to read the diagram: read from top to bottom. Each circle is a part of the story. "
             "Solid lines with an arrow lead to or increase the next part; dashed lines decrease or "
             "block it. The shape in the middle of a line tells the kind: circle leads to, triangle up "
             "increases, diamond activates, triangle down decreases, square inhibits.", 9.5)

    # The diagram on its own page, as large as the page allows.
    pdf.add_page()
    pdf.heading("The whole picture", 14)
    from fpdf.image_parsing import get_img_info

    info = get_img_info("diagram", io.BytesIO(png))
    ratio = info["h"] / info["w"]
    width = min(pdf.epw, (pdf.eph - 14) / ratio)
    pdf.image(io.BytesIO(png), x=pdf.l_margin + (pdf.epw - width) / 2, w=width)

    pdf.add_page()
    pdf.heading("Step by step", 16)
    for i, step in enumerate(graph.steps, start=1):
        pdf.heading(f"Step {i}. {step.title}", 13)
        pdf.para(step.patient if patient or not step.practitioner else step.practitioner)
        pdf.para(step.unknowns, bold_lead="Not yet known:")
        for node in graph.nodes_in_step(step.id):
            cites = ", ".join(str(number[c]) for c in node.citations if c in number)
            text = node.patient if patient else node.practitioner
            level = f"Evidence: {node.evidence}" + (f" [{cites}]" if cites else "")
            pdf.para(f"{text} ({level})", 9.5, bold_lead=f"• {labels[node.id]}:")
            if not patient:
                for edge in (e for e in graph.edges if e.source == node.id):
                    target = graph.node(edge.target)
                    if target is not None:
                        pdf.para(f"{EDGE_KINDS[edge.kind]} {labels[target.id]} ({edge.evidence})", 8.5,
                                 bold_lead="    →")
        pdf.ln(1)

    used_terms = [t for t in graph.glossary if any(t.id in n.terms for n in graph.nodes)]
    if used_terms:
        pdf.heading("Words used", 14)
        for term in used_terms:
            pdf.para(term.definition, 9.5, bold_lead=f"{term.term}:")

    pdf.heading("What the evidence levels mean", 12)
    for level, meaning in EVIDENCE_LEVELS.items():
        pdf.para(meaning, 9, bold_lead=f"{level.capitalize()}:")

    pdf.heading("References", 14)
    for ref in refs:
        links = " ".join(u for u in (ref.doi_url, ref.pubmed_url) if u)
        pdf.para(f"{ref.text} {links}".strip(), 8.5, bold_lead=f"{ref.number}.")
    pdf.ln(2)
    pdf.para(DISCLAIMER, 9, bold_lead="Please note:")
    return bytes(pdf.output())
