"""The take-home PDF: summary, diagram, every step, the practical guide, glossary, numbered references, disclaimer.

Layout: page 1 is what a patient reads first (title, summary, the note, the link back online,
how to read the diagram and the evidence levels, the steps at a glance); then each step with its
part of the diagram and its parts; then the practical guide (is it safe, after your session,
questions) on a page of its own; then the words used and the references. A patient's handout
follows the core path (the graph without its animal-study `detail` nodes) and says so.
Each function below writes one of those blocks; `build_pdf` puts them in order.
"""

from __future__ import annotations

import hashlib
import io
import threading
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, replace
from typing import Any

from fpdf.image_parsing import get_img_info

from ..content.citations import FormattedReference, cited_ids, format_references
from ..content.clinic import Clinic
from ..content.model import Diary, Graph, Region
from ..diagram.bodymap import body_figure
from ..diagram.locator import VIEW, caption, locator_svg, step_regions
from ..diagram.style import PRINT_FONT_PX, edge_key_sentence
from ..present.audience import AUDIENCES, PATIENT, edge_word, node_label, node_text, shown_graph
from ..present.catalogue import DEFAULT_LANGUAGE, Words, or_english, words
from ..present.clinic import clinic_lines
from ..present.factbox import fact_box
from ..present.guide import GuideBlock, GuideChapter, GuideLine, guide_chapters, key_points
from ..present.links import reader_link, valid_base_url, view_url
from ..present.story import FirstUse, step_certainty, terms_used
from ..present.treatment import treatment_chapter
from ..present.view import View
from . import pdf_factbox
from .errors import ExportError
from .images import render, step_picture
from .pdf_diary import diary_grid, diary_height
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


def _key_points(pdf: HandoutPage, lines: Sequence[GuideLine], heading: str, size: float = 11) -> None:
    """The key points in a thick box, the urgent one bold behind its warning sign: first, and again at the end."""
    if lines:
        pdf.boxed_list(heading, [(line.mark or BULLET, line.text, line.kind == "warnings") for line in lines], size)


def _diary(pdf: HandoutPage, diary: Diary | None, points: Sequence[GuideLine], w: Words) -> None:
    """The diary on a page of its own, to fill in by hand, the urgent signs under it."""
    if diary is None:
        return
    pdf.add_page()
    diary_grid(pdf, diary, w)
    _key_points(pdf, [p for p in points if p.kind == "warnings"], w.diary_watch)


def _online_link(pdf: HandoutPage, link: str, w: Words, sources: bool = False) -> None:
    """A QR code and the printed address of the same view online (`sources`: saying the studies are listed there)."""
    top = pdf.get_y()
    qr = qr_png(link)
    if qr:
        pdf.image(io.BytesIO(qr), x=pdf.l_margin, y=top, w=QR_MM, h=QR_MM)
        pdf.set_left_margin(pdf.l_margin + QR_MM + 5)
        pdf.set_xy(pdf.l_margin, top + 3)
    pdf.para(f"{w.see_it_online} {w.sources_online}" if sources else w.see_it_online, 10, lead=w.see_it_online_lead)
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


def print_label_pt(width_mm: float = STEP_PICTURE_MM, width_px: int = STEP_PICTURE_PX) -> float:
    """The size a diagram label prints at, in points: its pixels scaled to the picture's width on paper."""
    return PRINT_FONT_PX * (width_mm / width_px) / MM_PER_PT


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


def _guide_line(pdf: HandoutPage, line: GuideLine, number: Mapping[str, int], w: Words, sources: bool = True) -> None:
    """One guide line: a box before an action, a warning sign before a warning; a fact's sources below it, smaller.

    DejaVu Sans (regular and bold) has both marks, U+2610 and U+26A0, so they print as in the app.
    """
    lead = line.mark or BULLET
    cited = _reference_numbers(line.refs, number, w)
    note = line.source_note + (f" ({cited})" if cited else "") if line.source_note and sources else ""
    # A fact and its sources on one page: the note is no use on the next page, away from its line.
    pdf.room_for(pdf.text_height(f"{lead} {line.text}", 10) + (pdf.text_height(note, 8.5, 4) + 3.2 if note else 0))
    pdf.para(line.text, 10, lead=lead, after=1.4)
    if note:
        pdf.aside(note, 8.5)


def _guide_block(pdf: HandoutPage, block: GuideBlock, number: Mapping[str, int], w: Words,
                 sources: bool = True) -> None:
    """A section of the guide: its sub-heading and its lines (`sources`: each fact's, under it)."""
    pdf.heading(block.title, 11.5, space_before=2)
    for line in block.lines:
        _guide_line(pdf, line, number, w, sources)


def _guide_chapter(pdf: HandoutPage, chapter: GuideChapter, number: Mapping[str, int], w: Words,
                   sources: bool = True) -> None:
    """A part of the guide: its heading, its introduction, its sections."""
    pdf.heading(chapter.title, 14, space_before=5)
    if chapter.intro:
        pdf.para(chapter.intro, 10.5)
    for block in chapter.blocks:
        _guide_block(pdf, block, number, w, sources)


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


def _today_map(pdf: HandoutPage, graph: Graph, view: View, x: float | None = None, y: float | None = None) -> float:
    """The body map with today's areas shaded, the picture the physio tapped, small: under the words, or at (x, y)
    beside them; returns its foot."""
    figure = body_figure(graph.treatment, view.areas, targets=False, height=300, words=words(view.language))
    png = render(figure, "png", width=440, scale=2)
    height = TODAY_MAP_MM * 300 / 440
    if y is None:
        pdf.room_for(height + 4)
        y = pdf.get_y() + 1
    pdf.image(io.BytesIO(png), x=pdf.l_margin if x is None else x, y=y, w=TODAY_MAP_MM, h=height)
    return y + height + 3


def _today(pdf: HandoutPage, job: Job, sources: bool = True, beside: bool = False,
           gloss: Callable[[str], str] = str) -> None:
    """Today's treatment, its cautions and the body map the physio tapped, when the view names areas: the map under
    the words, or `beside` them on the right (the short handout), unless the words ran onto the next page."""
    today = treatment_chapter(job.whole, job.view, job.references, job.clinic)
    if today is None or job.whole.treatment is None:
        return
    today = _glossed(today, gloss)
    if not beside:
        _guide_chapter(pdf, today, job.number, job.w, sources)
        pdf.set_y(_today_map(pdf, job.whole, job.view))
        return
    page, top = pdf.page_no(), pdf.get_y()
    pdf.set_right_margin(pdf.r_margin + TODAY_MAP_MM + 4)
    _guide_chapter(pdf, today, job.number, job.w, sources)
    pdf.set_right_margin(pdf.r_margin - TODAY_MAP_MM - 4)
    if pdf.page_no() != page:
        pdf.set_y(_today_map(pdf, job.whole, job.view))
        return
    foot = _today_map(pdf, job.whole, job.view, x=pdf.w - pdf.r_margin - TODAY_MAP_MM, y=top + 8)
    pdf.set_y(max(pdf.get_y(), foot))


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


@dataclass(frozen=True)
class Job:
    """What one handout is made from: the whole graph and the part shown, the reader's view and words, the
    references and their numbers, the clinic, the key points, the link back online and the step pictures."""

    whole: Graph
    graph: Graph
    view: View
    w: Words
    references: Mapping[str, Mapping[str, Any]]
    refs: list[FormattedReference]
    number: Mapping[str, int]
    clinic: Clinic | None
    points: tuple[GuideLine, ...]
    link: str | None
    pictures: list[bytes]


STORY_PICTURE_MM = 70.0
"""Width a step's picture prints at in the short handout, beside its text."""
STORY_PICTURE_PX = int(STORY_PICTURE_MM / (9 * MM_PER_PT) * PRINT_FONT_PX)
"""Width it is drawn at, so its labels print at 9 pt as in the practitioner's handout."""
DIARY_SHORT_ROW_MM = 10.0
"""A diary row in the short handout: still room to circle a number and write a word or two."""


_STORY_PICTURES: dict[tuple[str, str], tuple[bytes, ...]] = {}
_STORY_LOCK = threading.Lock()
STORY_KEPT = 8
"""How many graphs' (and languages') story pictures a process keeps: they never depend on a reader's view."""


def story_pictures(graph: Graph, w: Words | None = None) -> list[bytes]:
    """Each step framed as in the app, on its own band and without its key (the story says it once in words):
    drawn once per process for a graph's content and language, so the app's later handouts only lay out pages."""
    w = or_english(w)
    key = (hashlib.sha256(graph.model_dump_json().encode("utf-8")).hexdigest(), w.language_code)
    with _STORY_LOCK:  # a second handout asked for meanwhile waits for these, instead of drawing them again
        if key not in _STORY_PICTURES:
            if len(_STORY_PICTURES) >= STORY_KEPT:
                _STORY_PICTURES.pop(next(iter(_STORY_PICTURES)))
            _STORY_PICTURES[key] = tuple(
                render(step_picture(graph, i, PATIENT, PRINT_FONT_PX, words=w, short=True), "png",
                       width=STORY_PICTURE_PX, scale=2.5) for i in range(1, len(graph.steps) + 1))
        return list(_STORY_PICTURES[key])


def _picture_height(png: bytes, width_mm: float) -> float:
    info = get_img_info("step", io.BytesIO(png))
    return width_mm * info["h"] / info["w"]


WHERE_MM = 12.0
"""The small body picture's height in the short handout (its width follows its shape: 9 mm)."""


def _where(pdf: HandoutPage, job: Job, regions: list[Region], x: float, y: float, width: float) -> None:
    """Where in the body the step happens (`locator`, as beside the app's step text): the small picture with the
    step's `regions` lit, its caption beside it, at (x, y) in a column `width` mm wide."""
    picture_w = WHERE_MM * VIEW[2] / VIEW[3]
    pdf.image(io.BytesIO(locator_svg(job.graph, regions).encode("utf-8")), x=x, y=y, w=picture_w, h=WHERE_MM)
    lead, places = caption(regions, job.w)
    pdf.set_xy(x + picture_w + 2, y + 2.5)
    for style, line in (("B", lead), ("", places)):
        pdf.set_font("DejaVu", style, 8.5)
        pdf.multi_cell(width - picture_w - 2, 4.2, line, align="L", new_x="LEFT", new_y="NEXT")


def _story_step(pdf: HandoutPage, job: Job, number: int, picture: bytes | None, text: str) -> None:
    """One step: its picture on the left, its heading, plain text and how sure we are on the right; where in the body
    it happens under the shorter of the two, so it adds to the page only what that column lacks."""
    step = job.graph.steps[number - 1]
    gap = 5.0
    left = pdf.l_margin
    text_x = left + (STORY_PICTURE_MM + gap if picture else 0)
    sure = step_certainty(job.graph, step.id, job.w)
    pdf.set_left_margin(text_x)
    height = pdf.text_height(text, 10) + pdf.text_height(sure, 8.5) + 12
    picture_mm = _picture_height(picture, STORY_PICTURE_MM) if picture else 0.0
    pdf.set_left_margin(left)
    regions = step_regions(job.graph, step.id)
    where_mm = WHERE_MM + 2 if regions else 0.0
    # Under the picture only where that makes the step shorter than under the text.
    under_picture = bool(picture) and max(height, picture_mm + where_mm) < max(height + where_mm, picture_mm)
    picture_column = picture_mm + (where_mm if under_picture else 0.0)
    pdf.room_for(max(height + (0.0 if under_picture else where_mm), picture_column) + 2)
    top = pdf.get_y()
    if picture:
        pdf.image(io.BytesIO(picture), x=left, y=top, w=STORY_PICTURE_MM, h=picture_mm)
    pdf.set_left_margin(text_x)
    pdf.set_xy(text_x, top)
    pdf.set_font("DejaVu", "B", 11.5)
    pdf.multi_cell(0, 5.5, job.w.outline_step_heading(number, step.title), align="L", new_x="LMARGIN", new_y="NEXT")
    pdf.ln(1)
    pdf.para(text, 10, after=1.2)
    pdf.para(sure, 8.5, after=0)
    text_end = pdf.get_y()
    pdf.set_left_margin(left)
    if where_mm and under_picture:
        _where(pdf, job, regions, left, top + picture_mm + 2, STORY_PICTURE_MM)
    elif where_mm:
        _where(pdf, job, regions, text_x, text_end + 2, pdf.w - pdf.r_margin - text_x)
    text_column = text_end - top + (0.0 if under_picture else where_mm)
    pdf.set_y(top + max(picture_column, text_column) + 4)


def _story(pdf: HandoutPage, job: Job, gloss: Callable[[str], str] = str) -> None:
    """The story for a patient: what it is, how to read the pictures, then each step beside its picture."""
    pdf.heading(job.w.step_by_step, 15, space_before=4)
    pdf.para(job.graph.summary, 10.5)
    w = job.w
    pdf.para(f"{w.printed_diagram} {w.link_key_lead} {edge_key_sentence(PATIENT, w)}. {w.printed_where}", 9.5,
             after=3)
    for number in range(1, len(job.graph.steps) + 1):
        _story_step(pdf, job, number, job.pictures[number - 1] if number <= len(job.pictures) else None,
                    gloss(job.graph.steps[number - 1].patient))


def _short_words(pdf: HandoutPage, job: Job, texts: list[str]) -> None:
    """The glossary's words that the short handout's own text uses, and only those."""
    used = terms_used(job.graph, texts)
    if used:
        pdf.heading(job.w.words_used, 13, space_before=3)
        for term in used:
            pdf.para(term.definition, 9, lead=f"{term.term}:", after=1)


def _glossed(chapter: GuideChapter, gloss: Callable[[str], str]) -> GuideChapter:
    """The chapter with its lines' text passed through `gloss` in reading order."""
    blocks = tuple(replace(b, lines=tuple(replace(line, text=gloss(line.text)) for line in b.lines))
                   for b in chapter.blocks)
    return replace(chapter, blocks=blocks)


def _short(pdf: HandoutPage, job: Job) -> None:
    """The patient's short handout: key points and urgent signs, what to do, the diary, the fact box, the story,
    the words used, the link back online (where the sources are) and the key points again."""
    gloss = FirstUse(job.graph.glossary)  # each term's plain meaning beside its first use, in reading order
    _cover(pdf, job.graph, PATIENT, job.w, job.clinic, [replace(p, text=gloss(p.text)) for p in job.points])
    _today(pdf, job, sources=False, beside=True, gloss=gloss)
    chapters = [_glossed(c, gloss) for c in guide_chapters(job.graph, job.references, job.clinic, job.w, short=True)]
    for chapter in chapters:
        _guide_chapter(pdf, chapter, job.number, job.w, sources=False)
    if job.whole.diary is not None:
        pdf.room_for(diary_height(pdf, job.whole.diary, DIARY_SHORT_ROW_MM))
        pdf.ln(4)
        diary_grid(pdf, job.whole.diary, job.w, DIARY_SHORT_ROW_MM)
    box = fact_box(job.whole, job.references, job.w)
    if box is not None:
        pdf.add_page()
        pdf_factbox.fact_box(pdf, box, sources=True)
    _story(pdf, job, gloss)
    texts = [p.text for p in job.points] + [s.patient for s in job.graph.steps] + [job.graph.summary]
    texts += [line.text for c in chapters for b in c.blocks for line in b.lines]
    _short_words(pdf, job, texts)
    if job.link:
        pdf.room_for(QR_MM + 8)
        pdf.ln(3)
        _online_link(pdf, job.link, job.w, sources=True)
    _key_points(pdf, job.points, job.w.key_points_again, size=10)
    pdf.note(job.w.disclaimer, job.w.note_lead)


def _full(pdf: HandoutPage, job: Job) -> None:
    """The practitioner's handout, which keeps everything: key points, today, summary, how to read, every step with
    its parts and sources, the whole guide, the diary, the fact box, the key points again, glossary, references."""
    _cover(pdf, job.graph, job.view.audience, job.w, job.clinic, job.points)
    _today(pdf, job)
    _summary(pdf, job.graph, job.w)
    if job.link:
        _online_link(pdf, job.link, job.w)
    _reading_guide(pdf, job.graph, job.view.audience, job.w)
    _steps(pdf, job.graph, job.view.audience, job.number, job.pictures, job.w,
           core_note=job.graph is not job.whole)
    _guide(pdf, guide_chapters(job.graph, job.references, job.clinic, job.w), job.number, job.w)
    _diary(pdf, job.whole.diary, job.points, job.w)
    pdf.add_page()
    pdf_factbox.fact_box(pdf, fact_box(job.whole, job.references, job.w))
    _key_points(pdf, job.points, job.w.key_points_again)
    _back_matter(pdf, job.graph, job.refs, job.w)


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
    short = audience == PATIENT
    if pictures is None:
        pictures = story_pictures(graph, w) if short else step_pictures(graph, audience, w)
    refs = format_references(cited_ids(graph), references)
    base = valid_base_url(base_url)
    job = Job(whole=original_graph, graph=graph, view=view, w=w, references=references, refs=refs,
              number={r.id: r.number for r in refs}, clinic=clinic, points=key_points(original_graph, clinic, w),
              link=reader_link(base, view, original_graph, patient_page) if base else None, pictures=pictures)
    (_short if short else _full)(pdf, job)
    return bytes(pdf.output())
