"""The PDF handout, checked as a file: page size, every step and reference, the picture, the link back."""

from __future__ import annotations

import io
import shutil
from functools import cache
from pathlib import Path

import pytest
import yaml
from pypdf import PdfReader

from bench.catalogs import shared_catalog
from mechanisms import cli
from mechanisms.content.citations import cited_ids, format_references
from mechanisms.content.load import load_catalog
from mechanisms.diagram import style
from mechanisms.diagram.figure import framed_figure
from mechanisms.outputs import pdf_page
from mechanisms.outputs.errors import ExportError
from mechanisms.outputs.handout import build_pdf, view_link
from mechanisms.outputs.images import start_renderer
from mechanisms.present.audience import PATIENT, PRACTITIONER, shown_graph
from mechanisms.present.catalogue import words
from mechanisms.present.guide import MARKS, guide_chapters
from mechanisms.present.highlight import highlight_of
from mechanisms.present.links import valid_base_url
from mechanisms.present.view import View

from .conftest import FIXTURES, ROOT

EN = words("en")
CATALOG = shared_catalog(FIXTURES)
GRAPH = CATALOG.graphs["mini"]
BASE = "https://clinic.example/explain"
SIZES = {"a4": (595, 842), "letter": (612, 792)}


@pytest.fixture(scope="module", autouse=True)
def renderer():
    start_renderer()  # one browser shared by every PDF's diagram in this process


@cache
def pdf_for(audience: str = "patient", paper: str = "a4", base_url: str | None = None) -> bytes:
    """Each handout built once for the module (a PDF with its diagram takes about a second)."""
    return build_pdf(GRAPH, CATALOG.references, audience, paper, base_url)


def read(data: bytes) -> tuple[PdfReader, str]:
    """The PDF and its text with whitespace collapsed (line breaks fall anywhere)."""
    assert data[:5] == b"%PDF-"
    reader = PdfReader(io.BytesIO(data))
    return reader, " ".join("\n".join(page.extract_text() for page in reader.pages).split())


def cited(graph, references) -> list[tuple[str, str]]:
    """(first author's family name, year) of every reference the graph cites."""
    out = []
    for ref in format_references(cited_ids(graph), references):
        entry = references[ref.id]
        family = (entry.get("author") or [{}])[0].get("family", "")
        year = str(entry["issued"]["date-parts"][0][0]) if entry.get("issued") else ""
        out.append((family, year))
    return out


def assert_complete(graph, references, reader: PdfReader, text: str) -> None:
    assert graph.title in text
    assert graph.summary in text
    for i, step in enumerate(graph.steps, start=1):
        assert EN.outline_step_heading(i, step.title) in text
    for family, year in cited(graph, references):
        assert family in text and year in text, (family, year)
    assert EN.disclaimer in text, "the disclaimer every output shows"
    assert any(page.images for page in reader.pages), "the diagram is embedded as a picture"


@pytest.mark.parametrize("paper", ["a4", "letter"])
def test_pdf_has_every_step_reference_picture_and_the_disclaimer(paper):
    reader, text = read(pdf_for("practitioner", paper))
    for page in reader.pages:
        assert (round(float(page.mediabox.width)), round(float(page.mediabox.height))) == SIZES[paper]
    assert_complete(GRAPH, CATALOG.references, reader, text)
    assert "Fernández-de-las-Peñas" in text, "Unicode names print"
    for node in GRAPH.nodes:
        assert node.practitioner in text
    assert "Trigger point: A small, tight and sore spot in a muscle." in text, "glossary terms used"
    fonts = {str(f.get("/BaseFont")) for page in reader.pages for f in page["/Resources"]["/Font"].values()}
    assert any("DejaVu" in f for f in fonts), fonts


@pytest.mark.parametrize("paper", ["a4", "letter"])
def test_the_patient_handout_tells_each_step_in_plain_words_without_evidence_codes(paper):
    """The short handout: each step's plain text and picture and one line on how sure we are; no reference list, no
    '(Evidence: ...; references 1, 2)' after a line; the disclaimer."""
    from mechanisms.present.story import step_certainty

    reader, text = read(pdf_for("patient", paper))
    assert GRAPH.title in text and GRAPH.summary in text and EN.disclaimer in text
    for i, step in enumerate(GRAPH.steps, start=1):
        assert EN.outline_step_heading(i, step.title) in text and step.patient in text
        assert step_certainty(GRAPH, step.id, EN) in text
    assert sum(len(page.images) for page in reader.pages) == len(GRAPH.steps), "one picture per step"
    assert EN.references not in text and "(Evidence:" not in text and "Fernández-de-las-Peñas" not in text


def test_practitioner_pdf_uses_the_precise_texts():
    _, text = read(pdf_for("practitioner", "a4"))
    assert "A solid filiform needle is inserted into the myofascial trigger point." in text
    assert "A thin needle goes into the trigger point." not in text
    assert "Information for practitioners" in text


def test_link_and_qr_code_back_online_only_when_a_base_address_is_set():
    assert view_link(BASE, GRAPH, "patient") == f"{BASE}?graph=mini&step=1"
    assert view_link(BASE, GRAPH, "practitioner") == f"{BASE}?graph=mini&step=1&audience=practitioner"
    reader, _ = read(pdf_for("practitioner", "a4", BASE))
    first = reader.pages[0]
    assert f"{BASE}?graph=mini&step=1&audience=practitioner" in "".join(first.extract_text().split())
    assert len(first.images) == 1, "the QR code"
    links = [a.get_object()["/A"]["/URI"] for a in first.get("/Annots", [])]
    assert f"{BASE}?graph=mini&step=1&audience=practitioner" in links, "the printed address is clickable"

    reader, text = read(pdf_for("patient", "letter"))
    assert "clinic.example" not in text and "See it online" not in text
    assert sum(len(page.images) for page in reader.pages) == len(GRAPH.steps), "the steps' pictures, no QR code"
    reader, text = read(pdf_for("patient", "letter", BASE))
    last_step = EN.outline_step_heading(len(GRAPH.steps), GRAPH.steps[-1].title)
    end = "".join(text[text.index(last_step):].split())
    assert f"{BASE}?graph=mini&step=1" in end and "".join(EN.sources_online.split()) in end, "at the end, with why"
    assert sum(len(page.images) for page in reader.pages) == len(GRAPH.steps) + 1, "the QR code"
    for bad in ("javascript:alert(1)", "ftp://clinic.example", "https://", "https://a b.example", " "):
        assert valid_base_url(bad) is None, "only http(s) addresses are printed"
    assert valid_base_url(" https://clinic.example/x/ ") == "https://clinic.example/x/"


def test_author_text_is_never_markup(tmp_path):
    """Markdown, HTML, fpdf2's page-number alias and Greek letters all print exactly as written."""
    data = tmp_path / "data"
    shutil.copytree(FIXTURES, data)
    doc = yaml.safe_load((data / "mini.yaml").read_text(encoding="utf-8"))
    doc["title"] = "**Not bold** <b>not a tag</b>"
    doc["nodes"][1]["practitioner"] = "Your body makes β-endorphin, page {nb} of __this__ <i>text</i>."
    doc["steps"][0]["patient"] = "A *step* with {nb} and <b>β</b>."
    (data / "mini.yaml").write_text(yaml.safe_dump(doc, allow_unicode=True, sort_keys=False), encoding="utf-8")
    catalog = load_catalog(data)
    _, text = read(build_pdf(catalog.graphs["mini"], catalog.references, "practitioner", "a4"))
    assert "**Not bold** <b>not a tag</b>" in text
    assert "Your body makes β-endorphin, page {nb} of __this__ <i>text</i>." in text
    _, text = read(build_pdf(catalog.graphs["mini"], catalog.references, "patient", "a4"))
    assert "**Not bold** <b>not a tag</b>" in text and "A *step* with {nb} and <b>β</b>." in text


def test_real_graph_handout_when_it_is_valid():
    catalog = shared_catalog(ROOT / "data")
    graph = next(iter(catalog.graphs.values()), None)
    if graph is None:
        pytest.skip("no valid graph in data/ yet")
    reader, text = read(build_pdf(graph, catalog.references, "practitioner", "letter", base_url=BASE))
    assert_complete(shown_graph(graph, PRACTITIONER), catalog.references, reader, text)


REAL = shared_catalog(ROOT / "data")
REAL_GRAPH = REAL.graphs.get("dry-needling")


@cache
def real_text(audience: str) -> str:
    """The real graph's handout text for one audience, built once for the module."""
    return read(build_pdf(REAL_GRAPH, REAL.references, audience, "a4"))[1]


def first_words(text: str, count: int = 6) -> str:
    return " ".join(text.split()[:count])


def needs_real_guide() -> None:
    if REAL_GRAPH is None or not REAL_GRAPH.guide:
        pytest.skip("no valid dry-needling graph with a guide in data/ yet")


def test_the_guide_is_printed_whole_between_the_steps_and_the_glossary():
    """The practitioner's handout keeps everything: the whole guide, each fact's sources, the reference list."""
    needs_real_guide()
    audience = PRACTITIONER
    text = real_text(audience)
    last_step = EN.outline_step_heading(len(REAL_GRAPH.steps), REAL_GRAPH.steps[-1].title)
    start = text.index(EN.guide_heading)
    assert text.rindex(last_step) < start < text.index("Words used"), "after the steps, before the glossary"
    guide = text[start:text.index("Words used")]
    for chapter in guide_chapters(REAL_GRAPH, REAL.references):
        assert chapter.title in guide and (chapter.intro or "") in guide
        for block in chapter.blocks:
            assert block.title in guide, block.title
            for line in block.lines:
                words = first_words(line.text)
                assert f"{MARKS[line.kind]} {words}" in guide if line.kind in MARKS else words in guide, words
                if line.kind == "facts":
                    assert line.source_note in guide, "a fact's evidence and sources under it"
    guide_refs = {r for part in REAL_GRAPH.guide for s in part.sections for i in s.items for r in i.citations}
    listed = text[text.index("References", start):]
    for family, year in cited(shown_graph(REAL_GRAPH, audience), REAL.references):
        assert family in listed and year in listed, (family, year)
    assert guide_refs <= set(cited_ids(shown_graph(REAL_GRAPH, audience))), "the guide's sources are numbered"


def test_the_patient_handout_prints_the_short_guide_without_sources_what_to_do_first():
    """Only the sections marked short; the part with the urgent signs before the rest; no source line under a fact."""
    needs_real_guide()
    text = real_text(PATIENT)
    short = guide_chapters(REAL_GRAPH, REAL.references, short=True)
    assert any(b.kind == "warnings" for b in short[0].blocks), "the urgent signs lead"
    kept = {b.id for c in short for b in c.blocks}
    for chapter in guide_chapters(REAL_GRAPH, REAL.references):
        for block in chapter.blocks:
            assert (block.title in text) == (block.id in kept) or block.title in EN.key_points_heading, block.id
            for line in block.lines:
                if block.id in kept:
                    assert first_words(line.text) in text
                if line.source_note:  # (the fact box, later, names its own two studies)
                    guide = text[:text.index(REAL_GRAPH.fact_box.title)]
                    assert line.source_note not in guide, "evidence and sources are not in the reading text"
    assert EN.guide_heading not in text and "(Evidence:" not in text and EN.references not in text


def test_the_patient_handout_follows_the_core_path():
    needs_real_guide()
    patient, practitioner = real_text(PATIENT), real_text(PRACTITIONER)
    if not REAL_GRAPH.has_detail:
        pytest.skip("the graph has no detail layer")
    parts = "(Evidence: "  # the practitioner's handout lists each part with its evidence
    assert patient.count(parts) == 0 < practitioner.count(parts) == len(REAL_GRAPH.nodes)


def test_a_graph_without_a_guide_or_a_detail_layer_prints_neither():
    _, text = read(pdf_for("patient"))
    assert not GRAPH.guide and not GRAPH.has_detail
    assert EN.guide_heading not in text and EN.core_path_note not in text


def run_cli(capsys, *args: str) -> tuple[int, str]:
    code = cli.main(["--data", str(FIXTURES), "export", *args])
    err = capsys.readouterr().err
    assert "Traceback" not in err
    return code, err


def test_cli_writes_the_pdf_with_the_link_from_the_environment(tmp_path, capsys, monkeypatch):
    monkeypatch.setenv("MECHANISMS_BASE_URL", BASE)
    out = tmp_path / "handout.pdf"
    code, err = run_cli(capsys, "mini", "--format", "pdf", "--paper", "letter", "-o", str(out))
    assert code == 0, err
    reader, text = read(out.read_bytes())
    assert round(float(reader.pages[0].mediabox.width)) == 612
    assert f"{BASE}?graph=mini&step=1" in "".join(text.split())


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["nope", "--format", "pdf"], "no valid graph 'nope'"),
        (["mini", "--format", "pdf", "--base-url", "ftp://clinic.example"], "--base-url must be an http"),
        (["mini", "--format", "pdf", "--step", "1"], "--step applies to png and svg"),
    ],
)
def test_cli_errors_are_one_line(tmp_path, capsys, args, message):
    code, err = run_cli(capsys, *args, "-o", str(tmp_path / "x.pdf"))
    assert code == 1 and message in err and len(err.strip().splitlines()) == 1, err
    assert not (tmp_path / "x.pdf").exists()


def test_cli_unwritable_output_and_missing_fonts(tmp_path, capsys, monkeypatch):
    code, err = run_cli(capsys, "mini", "--format", "pdf", "-o", str(tmp_path / "no" / "x.pdf"))
    assert code == 1 and "cannot write" in err and len(err.strip().splitlines()) == 1
    monkeypatch.setattr(pdf_page, "FONT_DIRS", (Path(tmp_path),))
    code, err = run_cli(capsys, "mini", "--format", "pdf", "-o", str(tmp_path / "x.pdf"))
    assert code == 1 and "apt-get install fonts-dejavu-core" in err and len(err.strip().splitlines()) == 1
    with pytest.raises(ExportError, match="fonts-dejavu-core"):
        build_pdf(GRAPH, CATALOG.references, pictures=[])


def test_cli_says_what_the_machine_needs_when_kaleido_fails(tmp_path, capsys, monkeypatch):
    import plotly.graph_objects as go

    from mechanisms.outputs import handout

    monkeypatch.setattr(handout, "_STORY_PICTURES", {})  # none kept from an earlier test of this process

    def broken(*_args, **_kwargs):
        raise RuntimeError("\n\nKaleido requires Google Chrome to be installed.\n")

    monkeypatch.setattr(go.Figure, "to_image", broken)
    code, err = run_cli(capsys, "mini", "--format", "pdf", "-o", str(tmp_path / "x.pdf"))
    assert code == 1 and len(err.strip().splitlines()) == 1
    assert "apt-get install chromium" in err and "Kaleido requires Google Chrome" in err


def test_each_step_prints_its_part_of_the_diagram_with_labels_of_9_pt_or_more():
    from mechanisms.outputs.handout import STEP_PICTURE_MM, print_label_pt

    reader, _ = read(pdf_for("patient"))
    assert sum(len(page.images) for page in reader.pages) == len(GRAPH.steps), "one framed picture per step"
    assert print_label_pt() >= 9, f"labels print at {print_label_pt():.1f} pt"
    from mechanisms.outputs.handout import STORY_PICTURE_MM, STORY_PICTURE_PX

    short = print_label_pt(STORY_PICTURE_MM, STORY_PICTURE_PX)
    assert 9 <= short < 9.5, f"the short handout's labels print at {short:.1f} pt"
    width_mm = float(reader.pages[0].mediabox.width) * 25.4 / 72
    assert width_mm - 30 >= STEP_PICTURE_MM, "the picture fits between the margins at its printed size"


def test_the_clinic_prints_on_the_cover_with_its_logo_and_nothing_without_one():
    """The clinic's details as every output lists them (`clinic_lines`), its logo top right; none without settings."""
    from mechanisms.content.clinic import Clinic
    from mechanisms.present.clinic import clinic_lines

    from .test_clinic import png

    clinic = Clinic("Riverside Physiotherapy", "+44 20 7946 0000", "https://riverside-physio.example", png(), "png")
    reader, _ = read(build_pdf(GRAPH, CATALOG.references, clinic=clinic, pictures=[]))
    cover = " ".join(reader.pages[0].extract_text().split())
    for line in clinic_lines(clinic):
        assert f"{line.label}: {line.text}" in cover, line
    assert len(reader.pages[0].images) == 1, "the logo"
    links = [a.get_object()["/A"]["/URI"] for a in reader.pages[0].get("/Annots", [])]
    assert "https://riverside-physio.example" in links
    _, plain = read(pdf_for("patient"))
    assert "From your clinic" not in plain


def test_todays_treatment_prints_on_the_first_page_with_its_caution():
    """The reader's view carries today's areas: the handout says them, with the lung and spine cautions and the
    clinic's emergency number, on page 1 beside the body map; the guide's urgent signs name the same number. The
    practitioner's handout prints the cautions' sources too."""
    from mechanisms.content.clinic import Clinic
    from mechanisms.present.treatment import today_sentence
    from mechanisms.present.view import View

    real = shared_catalog(ROOT / "data")
    graph = real.graphs["dry-needling"]
    view = View(graph.id, step=2, areas=("upper-back", "calf"), options=("estim",))
    clinic = Clinic("Riverside Physiotherapy", emergency="999")
    reader, whole = read(build_pdf(graph, real.references, "patient", "a4", BASE,
                                   pictures=[_blank_png()] * len(graph.core.steps), view=view, clinic=clinic))
    first = " ".join(reader.pages[0].extract_text().split())
    assert today_sentence(graph, view) in first
    assert EN.today_cautions in first and "collapse" in first and "spinal cord" in first
    assert "Patel 2019" not in whole, "sources are one QR code away, not in the reading text"
    urgent_points = sum(point.urgent for point in graph.key_points)  # the key points say it too, first
    assert urgent_points == 1 and first.count("call 999") >= 2 + urgent_points
    assert "{emergency}" not in whole and "local emergency number" not in whole
    assert "Get urgent help now: call 999" in whole
    assert first.index(EN.key_points_heading) < first.index(EN.today_heading), "the key points come first"
    assert len(reader.pages[0].images) == 1, "the body map with today's areas shaded, beside today's words"
    assert f"{BASE}?graph=dry-needling" in "".join(whole[whole.index(EN.words_used):].split()), "the QR code at the end"
    assert len(reader.pages) <= 6, "today's treatment still fits the short handout"
    _, full = read(build_pdf(graph, real.references, "practitioner", "a4", BASE,
                             pictures=[_blank_png()] * len(graph.steps), view=view, clinic=clinic))
    assert "Patel 2019" in full and "Berrigan 2018" in full
    _, plain = read(build_pdf(graph, real.references, "patient", "a4", BASE,
                              pictures=[_blank_png()] * len(graph.core.steps), view=View(graph.id)))
    assert EN.today_heading not in plain


def _blank_png() -> bytes:
    from .test_clinic import png

    return png(600, 300)


@pytest.mark.parametrize("audience", ["patient", "practitioner"])
def test_the_key_points_open_the_handout_and_close_it(audience):
    """In a box under the title, the urgent one among them, and again at the end: after the guide (practitioner) or
    after the story and the words used (the patient's short handout)."""
    from mechanisms.present.guide import key_points

    real = shared_catalog(ROOT / "data")
    graph = real.graphs["dry-needling"]
    shown = graph.core if audience == "patient" else graph
    reader, whole = read(build_pdf(graph, real.references, audience, "a4",
                                   pictures=[_blank_png()] * len(shown.steps)))
    first = " ".join(reader.pages[0].extract_text().split())
    points = [p.text for p in key_points(graph, None, EN)]
    assert first.index(EN.key_points_heading) < first.index(points[0])
    assert "Get urgent help now, call your local emergency number" in first
    again = whole.index(EN.key_points_again)
    before = EN.guide_heading if audience == "practitioner" else EN.outline_step_heading(len(shown.steps),
                                                                                        shown.steps[-1].title)
    assert whole.index(before) < again
    assert (again < whole.index(EN.words_used)) == (audience == "practitioner")
    assert all(p in whole[again:] for p in points)


@pytest.mark.parametrize("audience", ["patient", "practitioner"])
def test_the_diary_is_a_grid_to_fill_in_by_hand(audience):
    """Seven rows, 0 to 10 to circle, better / same / worse to tick, a note: after the guide with the urgent signs
    under it (practitioner), after what to do and before the fact box and the story (patient)."""
    from mechanisms.present.guide import key_points

    real = shared_catalog(ROOT / "data")
    graph = real.graphs["dry-needling"]
    shown = graph.core if audience == "patient" else graph
    reader, whole = read(build_pdf(graph, real.references, audience, "a4",
                                   pictures=[_blank_png()] * len(shown.steps)))
    diary = graph.diary
    pages = [" ".join(p.extract_text().split()) for p in reader.pages]
    page = next(p for p in pages if diary.title in p)
    assert diary.rate in page and diary.usual in page and EN.diary_notes in page
    assert all(EN.diary_day(n) in page for n in range(1, diary.days + 1)) and EN.diary_day(diary.days + 1) not in page
    assert page.count("0 1 2 3 4 5 6 7 8 9 10") == diary.days
    if audience == "practitioner":
        urgent = next(p.text for p in key_points(graph, None, EN) if p.kind == "warnings")
        assert EN.diary_watch in page and urgent in page
        assert pages.index(page) > next(i for i, p in enumerate(pages) if EN.guide_heading in p), "after the guide"
    else:
        what_to_do = next(b.title for c in guide_chapters(graph, real.references, short=True) for b in c.blocks
                          if b.kind == "actions")
        assert whole.index(what_to_do) < whole.index(diary.title) < whole.index(graph.fact_box.title) \
            < whole.index(EN.step_by_step)
    assert diary.title not in read(pdf_for())[1], "a graph without a diary prints none"


def test_the_patient_handout_from_the_command_line_is_six_pages_at_most_in_the_order_a_patient_needs(tmp_path, capsys):
    """Key points and urgent signs, what to do, the diary, the fact box, the story, the words used, the QR code and
    the key points again: at most six A4 pages, as the issue asked, with the QR code (`--base-url`)."""
    from mechanisms.diagram.locator import caption, step_regions
    from mechanisms.present.factbox import fact_box

    out = tmp_path / "patient.pdf"
    code = cli.main(["--data", str(ROOT / "data"), "export", "dry-needling", "--format", "pdf", "--audience",
                     "patient", "--base-url", BASE, "-o", str(out)])
    assert code == 0, capsys.readouterr().err
    reader, text = read(out.read_bytes())
    assert len(reader.pages) <= 6, f"{len(reader.pages)} pages"
    graph = REAL_GRAPH.core
    urgent = next(b for c in guide_chapters(graph, REAL.references, short=True) for b in c.blocks
                  if b.kind == "warnings")
    order = [EN.key_points_heading, urgent.title, REAL_GRAPH.diary.title, REAL_GRAPH.fact_box.title,
             EN.outline_step_heading(1, graph.steps[0].title), EN.outline_step_heading(len(graph.steps),
                                                                                      graph.steps[-1].title),
             EN.words_used, EN.see_it_online_lead, EN.key_points_again]
    places = [text.index(heading) for heading in order]
    assert places == sorted(places), order
    assert "References" not in text and "(Evidence:" not in text
    box = fact_box(REAL_GRAPH, REAL.references, EN)
    for study in box.studies:
        assert study.name in text and f"{study.minor.label}: {study.minor.text}" in text
        assert f"{study.serious.label}: {study.serious.text}" in text
    page = next(p for p in reader.pages if box.title in p.extract_text())
    squares = page.get_contents().get_data().count(b" re")
    assert squares >= box.per * len(box.studies), f"{squares} squares drawn, one per treatment"
    # Where in the body, beside each step: the caption's words in the story, in the story's order.
    story = text[text.index(order[4]):text.index(EN.words_used)]
    assert story.count(EN.where_lead) == len(graph.steps)
    flat = " ".join(story.split())
    at = 0
    for step in graph.steps:
        _, places = caption(step_regions(graph, step.id), EN)
        at = flat.index(places, at)


def test_the_words_used_are_only_those_the_short_handout_uses():
    from mechanisms.present.story import terms_used

    text = real_text(PATIENT)
    listed = text[text.index(EN.words_used):text.index(EN.key_points_again)]
    for term in REAL_GRAPH.glossary:
        assert (f"{term.term}:" in listed) == (term in terms_used(REAL_GRAPH, [text[:text.index(EN.words_used)]]))
    assert 0 < sum(f"{t.term}:" in listed for t in REAL_GRAPH.glossary) < len(REAL_GRAPH.glossary)


def test_the_story_pictures_are_drawn_once_per_process_for_a_graph_and_language(monkeypatch):
    """The app's later handouts only lay out pages: no picture depends on a reader's view."""
    from mechanisms.outputs import handout

    drawn = []
    monkeypatch.setattr(handout, "_STORY_PICTURES", {})
    monkeypatch.setattr(handout, "render", lambda *args, **kwargs: drawn.append(1) or b"png")
    first = handout.story_pictures(GRAPH, EN)
    again = handout.story_pictures(GRAPH, EN)
    assert first == again == [b"png"] * len(GRAPH.steps) and len(drawn) == len(GRAPH.steps)
    handout.story_pictures(GRAPH, words("pseudo"))
    assert len(drawn) == 2 * len(GRAPH.steps), "another language, other pictures"


def test_every_technical_term_says_what_it_means_where_the_short_handout_first_uses_it():
    """No 'Words used' box beside each part: the term's first sentence defines it ('A trigger point is ...',
    '... called the dorsal horn'), or its plain words follow it in brackets."""
    import re

    from mechanisms.present.story import terms_used

    text = real_text(PATIENT)
    body = text[text.index(EN.key_points_heading) + len(EN.key_points_heading):text.index(EN.words_used)]
    for i, step in enumerate(REAL_GRAPH.core.steps, start=1):  # headings are names; the text beside them says it
        body = body.replace(EN.outline_step_heading(i, step.title), " ")
    body = body.replace(REAL_GRAPH.title, " ")  # the running foot
    sentences = re.split(r"(?<=[.?!])\s+", body)
    used = terms_used(REAL_GRAPH, [body])
    assert {"Spinal cord", "Brainstem", "Trigger point"} <= {t.term for t in used}
    for term in used:
        first = next(s for s in sentences if re.search(rf"(?<!\w){re.escape(term.term)}", s, re.IGNORECASE))
        if term.plain:
            assert re.search(rf"{re.escape(term.term)}s? \({re.escape(term.plain)}\)", first, re.IGNORECASE), first
            assert body.count(f"({term.plain})") == 1, "once, at the first use"
        else:
            opening = re.sub(r"^\s*(•|⚠|☐)?\s*(A |The )?", "", first).lower()
            assert opening.startswith(term.term.lower()) or "called" in first.lower(), (term.term, first)


def test_both_handouts_say_how_to_read_the_pictures_they_print_before_the_first_step():
    """The reading help once told of a shaded band around each step, which the pictures no longer draw: it now
    tells what they do draw (a step on its own, grey words naming the other steps), and the patient's what the
    small picture of the back shows."""
    graph = REAL_GRAPH.core
    first = graph.steps[0]
    picture = framed_figure(graph, first.id, highlight_of(graph, View(REAL_GRAPH.id, step=1)), snug=True)
    assert not picture.layout.shapes, "no band is drawn around the step"
    notes = [a.text for a in picture.layout.annotations if "<i>" in a.text]
    assert notes and all(style.MUTED in a for a in notes), "the other steps are named in grey under a part"
    for audience, extra in (("patient", [EN.printed_where]), ("practitioner", [])):
        flat = " ".join(real_text(audience).split())
        start = flat.index(EN.outline_step_heading(1, first.title))
        for sentence in [EN.printed_diagram, *extra]:
            assert flat.index(" ".join(sentence.split())) < start, (audience, sentence)
