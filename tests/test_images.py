"""PNG and SVG pictures of the diagram (kaleido + the system's Chromium), and their command line."""

from __future__ import annotations

import os
import struct
import subprocess
import sys
import xml.etree.ElementTree as ET

import pytest

from bench.catalogs import shared_catalog
from mechanisms import cli
from mechanisms.outputs.errors import ExportError
from mechanisms.outputs.images import diagram, render, start_renderer
from mechanisms.present.highlight import step_highlight

from .conftest import FIXTURES, ROOT

GRAPH = shared_catalog(FIXTURES).graphs["mini"]
HEIGHT = int(diagram(GRAPH).layout.height)


@pytest.fixture(scope="module", autouse=True)
def renderer():
    start_renderer()  # one browser for every picture in this process (~0.5 s each instead of ~4 s)


def png_size(data: bytes) -> tuple[int, int]:
    assert data[:8] == b"\x89PNG\r\n\x1a\n", "PNG signature"
    assert data[12:16] == b"IHDR"
    return struct.unpack(">II", data[16:24])


def svg_size(data: bytes) -> tuple[float, float]:
    root = ET.fromstring(data)
    assert root.tag == "{http://www.w3.org/2000/svg}svg"
    return float(root.get("width")), float(root.get("height"))


def export(capsys, *args: str) -> tuple[int, str, str]:
    code = cli.main(["--data", str(FIXTURES), "export", "mini", *args])
    out, err = capsys.readouterr()
    return code, out, err


def test_png_default_width_and_the_figure_height():
    assert png_size(render(diagram(GRAPH), "png")) == (1200, HEIGHT)


def test_png_scale_multiplies_pixels():
    assert png_size(render(diagram(GRAPH, step=2), "png", width=600, scale=2)) == (1200, 2 * HEIGHT)


def test_svg_is_valid_xml_with_the_requested_size():
    assert svg_size(render(diagram(GRAPH, step=1), "svg", width=800)) == (800, HEIGHT)


def test_step_highlights_that_steps_nodes():
    assert step_highlight(GRAPH, 2).focus == {"pain", "calm"}
    assert list(diagram(GRAPH).data[-1].marker.opacity) == [1.0] * len(GRAPH.nodes), "no step: everything strong"
    with pytest.raises(ExportError, match="step 3 does not exist"):
        diagram(GRAPH, step=3)
    nodes = next(t for t in diagram(GRAPH, step=2).data if t.name == "mechanism")
    opacity = dict(zip(nodes.customdata, nodes.marker.opacity, strict=False))
    assert opacity["pain"] == opacity["calm"] == 1 > opacity["needle"] == opacity["twitch"]


def test_cli_writes_png_and_svg(tmp_path, capsys):
    code, out, err = export(capsys, "--format", "png", "--step", "1", "--width", "640", "-o", str(tmp_path / "a.png"))
    assert code == 0, err
    assert png_size((tmp_path / "a.png").read_bytes()) == (640, HEIGHT)
    assert "wrote" in out
    code, _, err = export(capsys, "--format", "svg", "-o", str(tmp_path / "a.svg"))
    assert code == 0, err
    assert svg_size((tmp_path / "a.svg").read_bytes()) == (1200, HEIGHT)


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--format", "png", "--step", "9"], "step 9 does not exist"),
        (["--format", "png", "--step", "0"], "step 0 does not exist"),
        (["--format", "png", "--width", "10"], "too small"),
        (["--format", "svg", "--scale", "0"], "out of range"),
        (["--format", "png", "--width", "20000"], "too large"),
    ],
)
def test_cli_bad_image_options_are_one_line(tmp_path, capsys, args, message):
    code, _, err = export(capsys, *args, "-o", str(tmp_path / "x.png"))
    assert code == 1
    assert message in err and len(err.strip().splitlines()) == 1
    assert not (tmp_path / "x.png").exists()


def test_cli_unwritable_output_fails_before_drawing(tmp_path, capsys):
    (tmp_path / "file").write_text("x")
    for target, message in ((tmp_path / "missing" / "x.png", "does not exist"),
                            (tmp_path / "file" / "x.png", "does not exist"),
                            (tmp_path, "it is a folder")):
        code, _, err = export(capsys, "--format", "png", "-o", str(target))
        assert code == 1 and message in err and len(err.strip().splitlines()) == 1, err


def test_cli_without_a_browser_says_what_the_machine_needs(tmp_path):
    """A real run with kaleido pointed at a browser that does not exist: one line, exit 1."""
    env = dict(os.environ, BROWSER_PATH=str(tmp_path / "no-chromium"))
    run = subprocess.run(
        [sys.executable, "-m", "mechanisms", "--data", str(FIXTURES), "export", "mini", "--format", "png",
         "-o", str(tmp_path / "x.png")],
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=120,
    )
    assert run.returncode == 1
    assert "Traceback" not in run.stderr
    assert len(run.stderr.strip().splitlines()) == 1, run.stderr
    assert "Chromium" in run.stderr and "apt-get install chromium" in run.stderr
