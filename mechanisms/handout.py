"""The take-home PDF: summary, diagram, every step, glossary, numbered references, disclaimer.

fpdf2 with a Unicode TrueType font (DejaVu Sans, Debian's fonts-dejavu-core), so names such as
Fernández-de-las-Peñas and words such as β-endorphin print. Text is black on white, emphasis is
bold and boxes are outlined, so it reads the same printed in black and white. Author text is
written as plain text (fpdf2's `write`/`multi_cell` without markdown): it is never parsed as markup.

Layout: page 1 is what a patient reads first (title, summary, the note, the link back online,
how to read the diagram and the evidence levels, the steps at a glance); page 2 is the diagram as
large as the page allows; then each step with its parts, the words used and the references.
"""

from __future__ import annotations

import io
import secrets
from collections.abc import Mapping
from pathlib import Path
from typing import Any
from urllib.parse import urlencode, urlsplit

from fpdf import FPDF
from fpdf.image_parsing import get_img_info

from .citations import format_references
from .graph import cited_ids
from .images import ExportError, diagram, render
from .model import EDGE_KINDS, EVIDENCE_LEVELS, Graph

DISCLAIMER = (
    "This explainer is for education only. It does not diagnose, and it is not medical advice. "
    "Talk with your own health professional about your care."
)
"""A copy of ui.DISCLAIMER (ui imports Streamlit, which an export must not need)."""
FONT_DIRS = (Path("/usr/share/fonts/truetype/dejavu"), Path("/usr/share/fonts/dejavu"))
FONT_FILES = {"": "DejaVuSans.ttf", "B": "DejaVuSans-Bold.ttf"}
PAPERS = {"a4": "A4", "letter": "Letter"}
AUDIENCES = ("patient", "practitioner")
DIAGRAM_WIDTH_PX = 760
"""Render width of the printed diagram: narrow enough that labels print at about 8 pt."""
DIAGRAM_FONT_PX = 14
QR_MM = 30


def font_dir() -> Path:
    """The folder holding DejaVu Sans, or an ExportError naming the package to install."""
    for folder in FONT_DIRS:
        if all((folder / name).exists() for name in FONT_FILES.values()):
            return folder
    raise ExportError("the PDF needs the DejaVu Sans font (Debian: apt-get install fonts-dejavu-core)")


def valid_base_url(base_url: str | None) -> str | None:
    """The base address without surrounding spaces if it is an http(s) address, else None."""
    base = (base_url or "").strip()
    parts = urlsplit(base)
    if parts.scheme in ("http", "https") and parts.netloc and not any(c.isspace() for c in base):
        return base
    return None


def view_link(base_url: str, graph: Graph, audience: str) -> str:
    """The online address of the same view: base + '?graph=ID&step=1' (+ '&audience=practitioner')."""
    params = {"graph": graph.id, "step": "1"}
    if audience != "patient":
        params["audience"] = audience
    base = base_url.strip()
    joiner = "&" if "?" in base else "?"
    return f"{base}{joiner}{urlencode(params)}"


class _Handout(FPDF):
    def __init__(self, paper: str, title: str):
        super().__init__(orientation="portrait", unit="mm", format=PAPERS[paper])
        self.set_margins(18, 16, 18)
        self.set_auto_page_break(True, margin=18)
        self.running_title = title if len(title) <= 70 else title[:69] + "…"
        # A random page-count alias: author text can never contain it by chance and be rewritten.
        self.pages_alias = "{nb-" + secrets.token_hex(6) + "}"
        self.alias_nb_pages(self.pages_alias)
        fonts = font_dir()
        for style, name in FONT_FILES.items():
            self.add_font("DejaVu", style, str(fonts / name))
        self.set_title(title)
        self.set_lang("en")
        self.set_creator("mechanisms explainer")
        self.set_text_color(0)
        self.set_draw_color(0)

    def footer(self) -> None:
        self.set_y(-12)
        self.set_font("DejaVu", "", 8)
        # Left-aligned: the alias is wider than the number that replaces it, so centring would drift.
        self.cell(0, 6, f"{self.running_title} · page {self.page_no()} of {self.pages_alias}", align="L")

    def room_for(self, height: float) -> None:
        """Start a new page unless `height` mm fit: a heading never sits alone at a page's foot."""
        if self.get_y() + height > self.page_break_trigger:
            self.add_page()

    def heading(self, text: str, size: float = 14, space_before: float = 2) -> None:
        self.room_for(space_before + size * 0.5 + 14)
        self.ln(space_before)
        self.set_font("DejaVu", "B", size)
        self.multi_cell(0, size * 0.48, text, align="L", new_x="LMARGIN", new_y="NEXT")
        self.ln(1.5)

    def para(self, text: str, size: float = 10.5, lead: str | None = None, after: float = 2.2) -> None:
        """A paragraph; `lead` is a bold opening ('Not yet known:'). Both are plain text."""
        height = size * 0.5
        self.set_x(self.l_margin)
        if lead:
            self.set_font("DejaVu", "B", size)
            self.write(height, lead + " ")
        self.set_font("DejaVu", "", size)
        self.write(height, text)
        self.ln(height + after)

    def note(self, text: str, lead: str) -> None:
        """A paragraph in an outlined box (an outline, not a fill: it prints in black and white)."""
        self.room_for(20)
        y = self.get_y()
        self.set_left_margin(self.l_margin + 3)
        self.set_right_margin(self.r_margin + 3)
        self.ln(2.5)
        self.para(text, 10, lead=lead, after=1.5)
        self.set_left_margin(self.l_margin - 3)
        self.set_right_margin(self.r_margin - 3)
        self.set_line_width(0.4)
        self.rect(self.l_margin, y, self.epw, self.get_y() - y + 1)
        self.set_y(self.get_y() + 4)

    def link_line(self, label: str, url: str, size: float = 9) -> None:
        """A printed address that is also clickable on screen."""
        self.set_font("DejaVu", "B", size)
        self.write(size * 0.5, label + " ")
        self.set_font("DejaVu", "", size)
        self.write(size * 0.5, url, link=url)


def _qr_png(link: str) -> bytes | None:
    try:
        import qrcode
    except ImportError:  # the printed link still works
        return None
    qr = qrcode.QRCode(error_correction=qrcode.constants.ERROR_CORRECT_M, box_size=8, border=2)
    qr.add_data(link)
    qr.make(fit=True)
    buf = io.BytesIO()
    qr.make_image(fill_color="black", back_color="white").save(buf, format="PNG")
    return buf.getvalue()


def build_pdf(
    graph: Graph,
    references: Mapping[str, Mapping[str, Any]],
    audience: str = "patient",
    paper: str = "a4",
    base_url: str | None = None,
    image: bytes | None = None,
) -> bytes:
    """The handout as PDF bytes.

    `image` is a PNG of the diagram; when not given it is drawn with kaleido. `base_url` (an http or
    https address) adds a printed link and a QR code to the same view online; anything else is left out.
    """
    if paper not in PAPERS:
        raise ExportError(f"unknown paper size {paper!r}; choose a4 or letter")
    if audience not in AUDIENCES:
        raise ExportError(f"unknown audience {audience!r}; choose patient or practitioner")
    patient = audience == "patient"
    labels = {n.id: (n.plain_label or n.label) if patient else n.label for n in graph.nodes}
    pdf = _Handout(paper, graph.title)  # fonts first: a missing font fails before a browser starts
    png = image if image is not None else render(
        diagram(graph, labels=labels, font_size=DIAGRAM_FONT_PX), "png", width=DIAGRAM_WIDTH_PX, scale=2.5)
    refs = format_references(cited_ids(graph), references)
    number = {r.id: r.number for r in refs}

    # Page 1: what to read first.
    pdf.add_page()
    pdf.set_font("DejaVu", "", 9.5)
    pdf.cell(0, 5, "Information for patients" if patient else "Information for practitioners",
             new_x="LMARGIN", new_y="NEXT")
    pdf.heading(graph.title, 20, space_before=1)
    pdf.para(graph.summary, 12, after=4)

    pdf.note(DISCLAIMER, "Please note:")

    base = valid_base_url(base_url)
    if base:
        link = view_link(base, graph, audience)
        top = pdf.get_y()
        qr = _qr_png(link)
        if qr:
            pdf.image(io.BytesIO(qr), x=pdf.l_margin, y=top, w=QR_MM, h=QR_MM)
            pdf.set_left_margin(pdf.l_margin + QR_MM + 5)
            pdf.set_xy(pdf.l_margin, top + 3)
        pdf.para("Scan the code with a phone camera, or type the address below, to open this "
                 "explanation and step through it at your own pace.", 10, lead="See it online.")
        pdf.link_line("Address:", link, 9)
        if qr:
            pdf.set_left_margin(pdf.l_margin - QR_MM - 5)
            pdf.set_y(max(pdf.get_y() + 5, top + QR_MM + 3))
        else:
            pdf.ln(8)

    pdf.heading("How to read the diagram", 13, space_before=3)
    pdf.para("The diagram reads from top to bottom, in the order of the steps. "
             "Each circle is one part of the story; the shaded bands are parts of the body. "
             "The line and the shape in its middle tell the kind of link: solid with a circle = leads to; "
             "solid with a triangle pointing up = increases; dotted with a diamond = activates; dashed with a "
             "triangle pointing down = decreases; dash-dot with a square = inhibits (blocks).", 10)

    pdf.heading("How sure are we?", 13)
    pdf.para("Each part below says what kind of study it comes from, strongest first:", 10, after=1.5)
    for level, meaning in EVIDENCE_LEVELS.items():
        pdf.para(meaning, 9.5, lead=f"• {level.capitalize()}:", after=1)

    pdf.heading("The steps", 13, space_before=4)
    for i, step in enumerate(graph.steps, start=1):
        pdf.para(step.title, 10, lead=f"{i}.", after=0.8)

    # Page 2: the diagram, as large as the page allows.
    pdf.add_page()
    pdf.heading("The whole picture", 14, space_before=0)
    info = get_img_info("diagram", io.BytesIO(png))
    ratio = info["h"] / info["w"]
    room = pdf.page_break_trigger - pdf.get_y() - 2
    width = min(pdf.epw, room / ratio)
    pdf.image(io.BytesIO(png), x=pdf.l_margin + (pdf.epw - width) / 2, w=width, h=width * ratio)

    # Then every step, in order, with its parts for this audience (under a short diagram if it leaves room).
    if pdf.page_break_trigger - pdf.get_y() < 80:
        pdf.add_page()
        pdf.heading("Step by step", 16, space_before=0)
    else:
        pdf.heading("Step by step", 16, space_before=8)
    for i, step in enumerate(graph.steps, start=1):
        pdf.heading(f"Step {i}. {step.title}", 13, space_before=3)
        pdf.para(step.patient if patient or not step.practitioner else step.practitioner, 10.5)
        pdf.para(step.unknowns, 10, lead="Not yet known:")
        for node in graph.nodes_in_step(step.id):
            cites = ", ".join(str(number[c]) for c in node.citations if c in number)
            text = node.patient if patient else node.practitioner
            many = "references" if len(node.citations) > 1 else "reference"
            level = f"Evidence: {node.evidence}" + (f"; {many} {cites}" if cites else "")
            pdf.para(f"{text} ({level})", 9.5, lead=f"• {labels[node.id]}:", after=1.6)
            if not patient:
                for edge in (e for e in graph.edges if e.source == node.id):
                    target = graph.node(edge.target)
                    if target is not None:
                        pdf.para(f"{EDGE_KINDS[edge.kind]} {labels[target.id]} ({edge.evidence})", 8.5,
                                 lead="    →", after=1)

    used = {t for n in graph.nodes for t in n.terms}
    used_terms = [t for t in graph.glossary if t.id in used]
    if used_terms:
        pdf.heading("Words used", 14, space_before=5)
        for term in used_terms:
            pdf.para(term.definition, 9.5, lead=f"{term.term}:", after=1.4)

    if refs:
        pdf.heading("References", 14, space_before=5)
        for ref in refs:
            pdf.room_for(12)
            pdf.set_font("DejaVu", "B", 8.5)
            pdf.write(4.25, f"{ref.number}. ")
            pdf.set_font("DejaVu", "", 8.5)
            text, links = ref.text, [ref.doi_url, ref.pubmed_url, ref.url]
            doi = "doi:" + ref.doi_url.removeprefix("https://doi.org/") if ref.doi_url else None
            if doi and doi in text:  # the AMA text prints the DOI: make that clickable, not print it twice
                before, after = text.split(doi, 1)
                pdf.write(4.25, before)
                pdf.write(4.25, doi, link=ref.doi_url)
                pdf.write(4.25, after)
                links[0] = None
            else:
                pdf.write(4.25, text)
            for url in links:
                if url and url not in text:
                    pdf.write(4.25, " ")
                    pdf.write(4.25, url, link=url)
            pdf.ln(4.25 + 1.6)

    pdf.ln(3)
    pdf.note(DISCLAIMER, "Please note:")
    return bytes(pdf.output())
