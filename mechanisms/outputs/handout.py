"""The take-home PDF: summary, diagram, every step, the practical guide, glossary, numbered references, disclaimer.

Layout: page 1 is what a patient reads first (title, summary, the note, the link back online,
how to read the diagram and the evidence levels, the steps at a glance); then each step with its
part of the diagram and its parts; then the practical guide (is it safe, after your session,
questions) on a page of its own; then the words used and the references. A patient's handout
follows the core path (the graph without its animal-study `detail` nodes) and says so.
Each function below writes one of those blocks; `build_pdf` puts them in order.
"""

from __future__ import annotations

import io
from collections.abc import Mapping, Sequence
from typing import Any

from fpdf.image_parsing import get_img_info

from ..content.citations import FormattedReference, cited_ids, format_references
from ..content.clinic import Clinic
from ..content.model import Diary, Graph
from ..diagram.bodymap import body_figure
from ..diagram.style import PRINT_FONT_PX, edge_key_sentence
from ..present.audience import AUDIENCES, PATIENT, edge_word, node_label, node_text, shown_graph
from ..present.catalogue import DEFAULT_LANGUAGE, Words, words
from ..present.clinic import clinic_lines
from ..present.guide import GuideBlock, GuideChapter, GuideLine, guide_chapters, key_points
from ..present.links import reader_link, valid_base_url, view_url
from ..present.treatment import treatment_chapter
from ..present.view import View
from .errors import ExportError
from .images import render, step_picture
from .pdf_page import PAPERS, HandoutPage
from .qr import qr_png

STEP_PICTURE_PX = 560
"""Width a step's picture is drawn at (its labels are PRINT_FONT_PX of these pixels)."""
STEP_PICTURE_MM = 130.0
"""Width it is printed at: 14 of 560 px on 130 mm is about 9.2 pt, over the 9 pt a reader needs."""
MM_PER_PT = 25.4 / 72
"""Render width of the printed diagram: narrow enough that labels print at about 8 pt."""
QR_MM = 30
BULLET = "•"
"""The lead of a guide line without a mark of its own (facts, questions), as the handout's other lists."""


LOGO_MM = (30, 15)
"""The largest a clinic's logo prints (width, height), in the cover's top right corner."""


def _clinic(pdf: HandoutPage, clinic: Clinic | None, w: Words) -> None:
    """The clinic's logo (top right) and its name, phone and web address, as every output lists them."""
    if clinic is None:
        return
    if clinic.logo:
        pdf.image(io.BytesIO(clinic.logo), x=pdf.w - pdf.r_margin - LOGO_MM[0], y=pdf.t_margin,
                  w=0, h=LOGO_MM[1], keep_aspect_ratio=True)
    for line in clinic_lines(clinic, w):
        pdf.set_x(pdf.l_margin)
        if line.url:
            pdf.link_line(f"{line.label}:", line.text, 9.5)
            pdf.ln(5)
        else:
            pdf.para(line.text, 9.5, lead=f"{line.label}:", after=0.5)
    pdf.ln(2)


def _cover(pdf: HandoutPage, graph: Graph, audience: str, w: Words, clinic: Clinic | None = None,
           points: Sequence[GuideLine] = ()) -> None:
    """Who it is for (and from which clinic), the title and the key points: what a patient reads first."""
    pdf.add_page()
    _clinic(pdf, clinic, w)
    pdf.set_font("DejaVu", "", 9.5)
    pdf.cell(0, 5, w.audience_heading[audience], new_x="LMARGIN", new_y="NEXT")
    pdf.heading(graph.title, 20, space_before=1)
    _key_points(pdf, points, w.key_points_heading)


def _summary(pdf: HandoutPage, graph: Graph, w: Words) -> None:
    """The key message and the disclaimer, after the key points and today's treatment."""
    pdf.para(graph.summary, 12, after=4)
    pdf.note(w.disclaimer, w.note_lead)


def _key_points(pdf: HandoutPage, lines: Sequence[GuideLine], heading: str) -> None:
    """The key points in a thick box, the urgent one bold behind its warning sign: first, and again at the end."""
    if lines:
        pdf.boxed_list(heading, [(line.mark or BULLET, line.text, line.kind == "warnings") for line in lines])


DIARY_ROW_MM = 13.0
"""Height of a diary row: room to circle a number and write a short note by hand."""
DIARY_MM = (20.0, 6.2, 12.0)
"""Widths of the diary's day column, of each number of the 0 to 10 scale, and of each usual-pain box column."""


def _diary_columns(pdf: HandoutPage) -> tuple[float, float, float, float]:
    """Where the diary's four column groups start: day, the 0 to 10 scale, the usual pain, the notes."""
    day, cell, tick = DIARY_MM
    start = pdf.l_margin
    return start, start + day, start + day + 11 * cell, start + day + 11 * cell + 3 * tick


def _diary_header(pdf: HandoutPage, diary: Diary, w: Words, y: float) -> float:
    """The diary's two header rows (what to rate, the usual pain and its three choices, notes); returns their foot."""
    day_x, scale_x, usual_x, notes_x = _diary_columns(pdf)
    widths = (scale_x - day_x, usual_x - scale_x, notes_x - usual_x, pdf.l_margin + pdf.epw - notes_x)
    pdf.set_font("DejaVu", "B", 8.5)
    for x, width, text in zip((day_x, scale_x, usual_x, notes_x), widths, ("", diary.rate, diary.usual,
                                                                             w.diary_notes), strict=True):
        pdf.rect(x, y, width, 9)
        pdf.rect(x, y + 9, width, 5)
        pdf.set_xy(x + 1, y + 1)
        pdf.multi_cell(width - 2, 3.6, text, align="C", new_x="RIGHT", new_y="TOP")
    pdf.set_font("DejaVu", "", 8)
    tick = DIARY_MM[2]
    for i, label in enumerate((w.diary_better, w.diary_same, w.diary_worse)):
        pdf.rect(usual_x + i * tick, y + 9, tick, 5)
        pdf.set_xy(usual_x + i * tick, y + 9.5)
        pdf.cell(tick, 4, label, align="C")
    return y + 14


def _diary_row(pdf: HandoutPage, number: int, w: Words, y: float) -> None:
    """One day: its name and a line for the date, 0 to 10 to circle, three boxes to tick, room for a note."""
    day_x, scale_x, usual_x, notes_x = _diary_columns(pdf)
    day, cell, tick = DIARY_MM
    middle = y + DIARY_ROW_MM / 2 - 2
    pdf.rect(day_x, y, day, DIARY_ROW_MM)
    pdf.set_font("DejaVu", "B", 9.5)
    pdf.set_xy(day_x + 1, y + 1.5)
    pdf.cell(day - 2, 4, w.diary_day(number))
    pdf.set_font("DejaVu", "", 7.5)
    pdf.set_xy(day_x + 1, y + 7)
    pdf.cell(day - 2, 4, f"{w.diary_date}: ____")
    pdf.set_font("DejaVu", "", 10)
    for n in range(11):
        pdf.rect(scale_x + n * cell, y, cell, DIARY_ROW_MM)
        pdf.set_xy(scale_x + n * cell, middle)
        pdf.cell(cell, 4, str(n), align="C")
    for i in range(3):
        pdf.rect(usual_x + i * tick, y, tick, DIARY_ROW_MM)
        pdf.rect(usual_x + i * tick + tick / 2 - 2, middle, 4, 4)  # a box to tick, by hand
    pdf.rect(notes_x, y, pdf.l_margin + pdf.epw - notes_x, DIARY_ROW_MM)


def _diary(pdf: HandoutPage, diary: Diary | None, points: Sequence[GuideLine], w: Words) -> None:
    """The diary on a page of its own, to fill in by hand: a row a day with 0 to 10 to circle, three boxes to tick
    for the usual pain and room for a note, the urgent signs under it."""
    if diary is None:
        return
    pdf.add_page()
    pdf.heading(diary.title, 16, space_before=0)
    pdf.para(diary.intro, 10.5)
    pdf.para(f"0 = {diary.low}. 10 = {diary.high}.", 10.5, lead=diary.rate)
    pdf.set_line_width(0.3)
    y = _diary_header(pdf, diary, w, pdf.get_y() + 2)
    for number in range(1, diary.days + 1):
        _diary_row(pdf, number, w, y + (number - 1) * DIARY_ROW_MM)
    pdf.set_y(y + diary.days * DIARY_ROW_MM + 5)
    _key_points(pdf, [p for p in points if p.kind == "warnings"], w.diary_watch)


def _online_link(pdf: HandoutPage, link: str, w: Words) -> None:
    """A QR code and the printed address of the same view online."""
    top = pdf.get_y()
    qr = qr_png(link)
    if qr:
        pdf.image(io.BytesIO(qr), x=pdf.l_margin, y=top, w=QR_MM, h=QR_MM)
        pdf.set_left_margin(pdf.l_margin + QR_MM + 5)
        pdf.set_xy(pdf.l_margin, top + 3)
    pdf.para(w.see_it_online, 10, lead=w.see_it_online_lead)
    pdf.link_line(w.address_lead, link, 9)
    if qr:
        pdf.set_left_margin(pdf.l_margin - QR_MM - 5)
        pdf.set_y(max(pdf.get_y() + 5, top + QR_MM + 3))
    else:
        pdf.ln(8)


def _reading_guide(pdf: HandoutPage, graph: Graph, audience: str, w: Words) -> None:
    """How to read the diagram, what the evidence levels mean, and the steps at a glance."""
    pdf.heading(w.reading_heading, 13, space_before=3)
    pdf.para(f"{w.printed_diagram} {w.link_key_lead} {edge_key_sentence(audience, w)}.", 10)
    pdf.heading(w.evidence_heading, 13)
    pdf.para(w.evidence_lead, 10, after=1.5)
    for level, meaning in w.evidence_meaning.items():
        pdf.para(meaning, 9.5, lead=f"• {w.evidence_badge[level]}:", after=1)
    pdf.heading(w.steps_heading, 13, space_before=4)
    for i, step in enumerate(graph.steps, start=1):
        pdf.para(step.title, 10, lead=f"{i}.", after=0.8)


def print_label_pt() -> float:
    """The size a diagram label prints at, in points: its pixels scaled to the picture's width on paper."""
    return PRINT_FONT_PX * (STEP_PICTURE_MM / STEP_PICTURE_PX) / MM_PER_PT


def step_pictures(graph: Graph, audience: str, w: Words | None = None) -> list[bytes]:
    """Each step framed as in the app, as PNG, for the handout (one kaleido render each), in `w` (English if None)."""
    return [render(step_picture(graph, i, audience, PRINT_FONT_PX, words=w), "png", width=STEP_PICTURE_PX, scale=2.5)
            for i in range(1, len(graph.steps) + 1)]


def _step_picture(pdf: HandoutPage, png: bytes) -> None:
    """A step's part of the diagram, centred, STEP_PICTURE_MM wide (a new page first if it does not fit)."""
    info = get_img_info("step", io.BytesIO(png))
    height = STEP_PICTURE_MM * info["h"] / info["w"]
    if pdf.page_break_trigger - pdf.get_y() < height + 2:
        pdf.add_page()
    pdf.image(io.BytesIO(png), x=pdf.l_margin + (pdf.epw - STEP_PICTURE_MM) / 2, w=STEP_PICTURE_MM, h=height)
    pdf.ln(2)


def _steps(pdf: HandoutPage, graph: Graph, audience: str, number: Mapping[str, int], pictures: list[bytes],
           w: Words, core_note: bool = False) -> None:
    """Every step in order: its text, its part of the diagram, its parts for this audience (practitioners: links).

    `core_note` says, once under the heading, that the steps show the core path (animal tests left out).
    """
    pdf.add_page()
    pdf.heading(w.step_by_step, 16, space_before=0)
    if core_note:
        pdf.para(w.core_path_note, 10, after=1)
    for i, step in enumerate(graph.steps, start=1):
        pdf.heading(w.outline_step_heading(i, step.title), 13, space_before=3)
        pdf.para(step.patient, 10.5)
        pdf.para(step.unknowns, 10, lead=w.not_yet_known)
        if i <= len(pictures):
            _step_picture(pdf, pictures[i - 1])
        for node in graph.nodes_in_step(step.id):
            level = w.node_evidence(node.evidence, _reference_numbers(node.citations, number, w))
            pdf.para(f"{node_text(node, audience)} ({level})", 9.5, lead=f"• {node_label(node, audience)}:",
                     after=1.6)
            if audience != PATIENT:
                _links_out(pdf, graph, node.id, audience, w)


def _links_out(pdf: HandoutPage, graph: Graph, node_id: str, audience: str, w: Words) -> None:
    """A practitioner's links out of a part: '→ leads to Local twitch response (review)'."""
    for edge in graph.effects(node_id):
        target = graph.node(edge.target)
        text = f"{edge_word(edge.kind, audience, w)} {node_label(target, audience)} ({w.evidence_name[edge.evidence]})"
        pdf.para(text, 8.5, lead="    →", after=1)


def _reference_numbers(refs: Sequence[str], number: Mapping[str, int], w: Words) -> str:
    """'references 3, 4': where a part's or a guide line's sources sit in the numbered list."""
    cites = [number[r] for r in refs if r in number]
    return w.reference_numbers(cites, several=len(refs) > 1) if cites else ""


def _guide_line(pdf: HandoutPage, line: GuideLine, number: Mapping[str, int], w: Words) -> None:
    """One guide line: a box before an action, a warning sign before a warning; a fact's sources below it, smaller.

    DejaVu Sans (regular and bold) has both marks, U+2610 and U+26A0, so they print as in the app.
    """
    lead = line.mark or BULLET
    cited = _reference_numbers(line.refs, number, w)
    note = line.source_note + (f" ({cited})" if cited else "") if line.source_note else ""
    # A fact and its sources on one page: the note is no use on the next page, away from its line.
    pdf.room_for(pdf.text_height(f"{lead} {line.text}", 10) + (pdf.text_height(note, 8.5, 4) + 3.2 if note else 0))
    pdf.para(line.text, 10, lead=lead, after=1.4)
    if note:
        pdf.aside(note, 8.5)


def _guide_block(pdf: HandoutPage, block: GuideBlock, number: Mapping[str, int], w: Words) -> None:
    """A section of the guide: its sub-heading and its lines."""
    pdf.heading(block.title, 11.5, space_before=2)
    for line in block.lines:
        _guide_line(pdf, line, number, w)


def _guide_chapter(pdf: HandoutPage, chapter: GuideChapter, number: Mapping[str, int], w: Words) -> None:
    """A part of the guide: its heading, its introduction, its sections."""
    pdf.heading(chapter.title, 14, space_before=5)
    if chapter.intro:
        pdf.para(chapter.intro, 10.5)
    for block in chapter.blocks:
        _guide_block(pdf, block, number, w)


def _guide(pdf: HandoutPage, chapters: list[GuideChapter], number: Mapping[str, int], w: Words) -> None:
    """The practical guide on a page of its own (a patient can keep it apart): safety, aftercare, questions."""
    if not chapters:
        return
    pdf.add_page()
    pdf.heading(w.guide_heading, 16, space_before=0)
    for chapter in chapters:
        _guide_chapter(pdf, chapter, number, w)


def _glossary(pdf: HandoutPage, graph: Graph, w: Words) -> None:
    """The words the texts use, in glossary order."""
    used = {t for n in graph.nodes for t in n.terms}
    used_terms = [t for t in graph.glossary if t.id in used]
    if used_terms:
        pdf.heading(w.words_used, 14, space_before=5)
        for term in used_terms:
            pdf.para(term.definition, 9.5, lead=f"{term.term}:", after=1.4)


def _reference(pdf: HandoutPage, ref: FormattedReference) -> None:
    """One numbered reference, its DOI, PubMed and article links clickable and printed once each."""
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


TODAY_MAP_MM = 60


def _today_map(pdf: HandoutPage, graph: Graph, view: View) -> None:
    """The body map with today's areas shaded, the picture the physio tapped, small under the words."""
    if graph.treatment is None:
        return
    figure = body_figure(graph.treatment, view.areas, targets=False, height=300, words=words(view.language))
    png = render(figure, "png", width=440, scale=2)
    height = TODAY_MAP_MM * 300 / 440
    pdf.room_for(height + 4)
    pdf.image(io.BytesIO(png), x=pdf.l_margin, y=pdf.get_y() + 1, w=TODAY_MAP_MM, h=height)
    pdf.set_y(pdf.get_y() + height + 3)


def _today_summary_link(pdf: HandoutPage, whole: Graph, graph: Graph, view: View,
                        references: Mapping[str, Mapping[str, Any]], clinic: Clinic | None, number: Mapping[str, int],
                        base_url: str | None, patient_page: str | None) -> None:
    """Under the key points: today's treatment and its cautions (first page), the summary, the link back online."""
    w = words(view.language)
    today = treatment_chapter(whole, view, references, clinic)
    if today is not None:
        _guide_chapter(pdf, today, number, w)
        _today_map(pdf, whole, view)
    _summary(pdf, graph, w)
    base = valid_base_url(base_url)
    if base:
        _online_link(pdf, reader_link(base, view, whole, patient_page), w)


def view_link(base_url: str, graph: Graph, audience: str, language: str = DEFAULT_LANGUAGE) -> str:
    """The online address the handout prints: the start of the story, for this audience, in this language."""
    return view_url(base_url, View(graph=graph.id, audience=audience, language=language))


def _back_matter(pdf: HandoutPage, graph: Graph, refs: list[FormattedReference], w: Words) -> None:
    """The words used, the numbered references and the disclaimer again."""
    _glossary(pdf, graph, w)
    if refs:
        pdf.heading(w.references, 14, space_before=5)
        for ref in refs:
            _reference(pdf, ref)
    pdf.ln(3)
    pdf.note(w.disclaimer, w.note_lead)


def build_pdf(
    graph: Graph,
    references: Mapping[str, Mapping[str, Any]],
    audience: str = PATIENT,
    paper: str = "a4",
    base_url: str | None = None,
    pictures: list[bytes] | None = None,
    clinic: Clinic | None = None,
    view: View | None = None,
    language: str = DEFAULT_LANGUAGE,
    patient_page: str | None = None,
) -> bytes:
    """The handout as PDF bytes, in the view's language (or `language` without a view).

    `pictures` are PNGs of each step's part of the diagram; when not given they are drawn with kaleido.
    `base_url` (an http or https address) adds a printed link and a QR code to the same view online;
    anything else is left out. A patient's handout draws and lists the core path (`shown_graph`).
    `clinic` prints the clinic's logo and details on the cover. `view` is the view the link and QR code
    reopen (the app passes the reader's own; by default the start of the story for this audience); its
    body-map areas, if any, print as today's treatment on the first page. `patient_page` (MECHANISMS_PATIENT_PAGE),
    when served, is what the link and QR code open instead of the app.
    """
    if paper not in PAPERS:
        raise ExportError(f"unknown paper size {paper!r}; choose a4 or letter")
    if audience not in AUDIENCES:
        raise ExportError(f"unknown audience {audience!r}; choose {' or '.join(AUDIENCES)}")
    view = view or View(graph.id, audience=audience, language=language)
    w = words(view.language)
    original_graph = graph
    graph = shown_graph(graph, audience)
    pdf = HandoutPage(paper, graph.title, w)  # fonts first: a missing font fails before a browser starts
    pictures = pictures if pictures is not None else step_pictures(graph, audience, w)
    refs = format_references(cited_ids(graph), references)
    number = {r.id: r.number for r in refs}
    points = key_points(original_graph, clinic, w)
    _cover(pdf, graph, audience, w, clinic, points)
    _today_summary_link(pdf, original_graph, graph, view, references, clinic, number, base_url, patient_page)
    _reading_guide(pdf, graph, audience, w)
    _steps(pdf, graph, audience, number, pictures, w, core_note=graph is not original_graph)
    _guide(pdf, guide_chapters(graph, references, clinic, w), number, w)
    _diary(pdf, original_graph.diary, points, w)
    _key_points(pdf, points, w.key_points_again)
    _back_matter(pdf, graph, refs, w)
    return bytes(pdf.output())
