"""Take-home exports: the PDF handout and the PNG/SVG images, checked as files."""

from __future__ import annotations

import io
import struct
import subprocess
import sys
import xml.etree.ElementTree as ET

import pytest
from pypdf import PdfReader

from mechanisms.citations import format_references
from mechanisms.graph import cited_ids
from mechanisms.handout import build_pdf
from mechanisms.images import diagram, render
from mechanisms.load import load_catalog

from .conftest import ROOT

CATALOG = load_catalog(ROOT / "data")
GRAPH = CATALOG.graphs["dry-needling"]


@pytest.fixture(scope="module")
def png() -> bytes:
    labels = {n.id: n.plain_label or n.label for n in GRAPH.nodes}
    return render(diagram(GRAPH, labels=labels), "png", width=900)


def pdf_text(data: bytes) -> tuple[PdfReader, str]:
    reader = PdfReader(io.BytesIO(data))
    return reader, "\n".join(page.extract_text() for page in reader.pages)


@pytest.mark.parametrize(("paper", "size"), [("a4", (595, 842)), ("letter", (612, 792))])
def test_pdf_has_every_step_reference_and_the_disclaimer(png, paper, size):
    reader, text = pdf_text(build_pdf(GRAPH, CATALOG.references, "patient", paper, image=png))
    box = reader.pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == size
    flat = " ".join(text.split())
    assert GRAPH.title in flat
    for i, step in enumerate(GRAPH.steps, start=1):
        assert f"Step {i}. {step.title}" in flat
    for ref in format_references(cited_ids(GRAPH), CATALOG.references):
        family = CATALOG.references[ref.id]["author"][0]["family"]
        year = str(CATALOG.references[ref.id]["issued"]["date-parts"][0][0])
        assert family in flat and year in flat, ref.id
    assert "does not diagnose" in flat
    assert "Fernández-de-las-Peñas" in flat, "Unicode names print"
    assert any(page.images for page in reader.pages), "the diagram is embedded as a picture"


def test_pdf_links_back_when_a_base_address_is_set(png):
    _, text = pdf_text(build_pdf(GRAPH, CATALOG.references, "practitioner", "a4",
                                 base_url="https://clinic.example/explain", image=png))
    flat = "".join(text.split())
    assert "https://clinic.example/explain/?graph=dry-needling&step=1&audience=practitioner" in flat
    _, patient_text = pdf_text(build_pdf(GRAPH, CATALOG.references, "patient", "a4", image=png))
    assert "clinic.example" not in patient_text


def test_practitioner_pdf_uses_precise_text(png):
    _, text = pdf_text(build_pdf(GRAPH, CATALOG.references, "practitioner", "a4", image=png))
    assert "acetylcholinesterase" in " ".join(text.split())


def test_png_is_a_valid_image_of_the_requested_width(png):
    assert png[:8] == b"\x89PNG\r\n\x1a\n"
    width, height = struct.unpack(">II", png[16:24])
    assert width == 900
    assert height == int(diagram(GRAPH).layout.height)


def test_svg_is_valid_with_the_requested_size():
    svg = render(diagram(GRAPH, step=3), "svg", width=800)
    root = ET.fromstring(svg)
    assert root.tag.endswith("svg")
    assert float(root.get("width")) == 800
    assert float(root.get("height")) == int(diagram(GRAPH).layout.height)


def test_cli_export_errors_are_one_line(tmp_path):
    def run(*args):
        return subprocess.run([sys.executable, "-m", "mechanisms", "export", *args], cwd=ROOT,
                              capture_output=True, text=True, timeout=120)

    bad_step = run("dry-needling", "--format", "png", "--step", "99", "-o", str(tmp_path / "x.png"))
    assert bad_step.returncode == 1 and "step 99 does not exist" in bad_step.stderr
    assert "Traceback" not in bad_step.stderr
    unknown = run("nope", "--format", "pdf", "-o", str(tmp_path / "x.pdf"))
    assert unknown.returncode == 1 and "no valid graph 'nope'" in unknown.stderr
    ok = run("dry-needling", "--format", "html", "-o", str(tmp_path / "page.html"))
    assert ok.returncode == 0, ok.stderr
    assert (tmp_path / "page.html").stat().st_size > 1_000_000
