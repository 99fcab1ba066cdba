"""A clinic's settings file: read, checked with located lines, and shown the same way by every output."""

from __future__ import annotations

import io
import subprocess
import sys
from pathlib import Path

import pytest
from PIL import Image

from mechanisms.content import clinic as clinic_module
from mechanisms.content.clinic import CLINIC_VARIABLE, MAX_LOGO_BYTES, Clinic, configured_clinic, load_clinic
from mechanisms.content.problems import DataError
from mechanisms.content.readability import hard_sentences
from mechanisms.present.catalogue import words as catalogue_words
from mechanisms.present.clinic import clinic_lines, logo_data_uri

from .conftest import ROOT

EN = catalogue_words("en")

GOOD = """\
# the clinic's own details
name: Riverside Physiotherapy
phone: +44 20 7946 0000
web: https://riverside-physio.example
logo: logo.png
"""


def png(width: int = 120, height: int = 40) -> bytes:
    buf = io.BytesIO()
    Image.new("RGB", (width, height), (20, 90, 160)).save(buf, format="PNG")
    return buf.getvalue()


@pytest.fixture
def settings(tmp_path: Path) -> Path:
    (tmp_path / "logo.png").write_bytes(png())
    path = tmp_path / "clinic.yaml"
    path.write_text(GOOD, encoding="utf-8")
    return path


def problems_of(path: Path) -> list[str]:
    with pytest.raises(DataError) as caught:
        load_clinic(path, required=True)
    return [str(p) for p in caught.value.problems]


def test_a_good_file_gives_every_detail_and_the_logo(settings):
    clinic = load_clinic(settings)
    assert clinic == Clinic("Riverside Physiotherapy", "+44 20 7946 0000", "https://riverside-physio.example",
                            png(), "png")


def test_no_file_means_nothing_shown_unless_one_was_named(tmp_path):
    assert load_clinic(tmp_path / "clinic.yaml") is None
    assert problems_of(tmp_path / "clinic.yaml") == [f"{tmp_path / 'clinic.yaml'}: file: not found (named by "
                                                     f"{CLINIC_VARIABLE})"]


@pytest.mark.parametrize(("change", "expected"), [
    (("web: https://riverside-physio.example", "web: riverside-physio"), "clinic.yaml:4: web: must be a web address"),
    (("web: https://riverside-physio.example", "web: javascript:alert(1)"), "clinic.yaml:4: web: must be a web"),
    (("phone: +44 20 7946 0000", "phone: call us <b>now</b>"), "clinic.yaml:3: phone: digits, spaces"),
    (("phone: +44 20 7946 0000", "phone: 2079460000"), "clinic.yaml:3: phone: must be text: put it in quotes"),
    (("name: Riverside Physiotherapy", "nme: Riverside"), "clinic.yaml:2: nme: unknown field (misspelt?)"),
    (("name: Riverside Physiotherapy", "name: " + "R" * 81), "clinic.yaml:2: name: must be 1 to 80 characters"),
    (("logo: logo.png", "logo: missing.png"), "clinic.yaml:5: logo: missing.png cannot be read"),
    (("phone: +44 20 7946 0000", "phone: [1"), "clinic.yaml:4: YAML: while parsing"),
    (("logo: logo.png", "logo: logo.png\nemergency: '+44 20 7946 0000'"),
     "clinic.yaml:6: emergency: must be the short number to dial for urgent help, 2 to 6 digits"),
    (("logo: logo.png", "logo: logo.png\nemergency: 999"), 'clinic.yaml:6: emergency: must be text: put it in quotes, '
                                                            'e.g. emergency: "999"'),
    (("logo: logo.png", "logo: logo.png\nemergency: '9'"), "clinic.yaml:6: emergency: must be the short number"),
])
def test_a_bad_file_gives_one_located_line_an_author_can_act_on(settings, change, expected):
    settings.write_text(GOOD.replace(*change), encoding="utf-8")
    found = problems_of(settings)
    assert any(p.replace(str(settings.parent) + "/", "").startswith(expected) for p in found), found
    assert not any("Traceback" in p or "pydantic" in p for p in found)


def test_an_emergency_number_is_read_and_left_out_when_not_given(settings):
    assert load_clinic(settings).emergency is None
    settings.write_text(GOOD + 'emergency: "000"\n', encoding="utf-8")
    assert load_clinic(settings).emergency == "000", "kept as written: Australia's number starts with a zero"


def test_a_missing_name_is_named(settings):
    settings.write_text("phone: '0123 456 789'\n", encoding="utf-8")
    assert any("name: missing" in p for p in problems_of(settings))


@pytest.mark.parametrize(("logo", "expected"), [
    (png(2000, 300), "is 2000x300 px; at most 1200 px on each side"),
    (b"GIF89a" + b"\0" * 100, "is not a PNG or JPEG image"),
    (b"\x89PNG\r\n\x1a\n" + b"\0" * (MAX_LOGO_BYTES + 1), f"bytes; at most {MAX_LOGO_BYTES:,}"),
])
def test_a_logo_that_is_not_a_small_image_is_refused_at_its_line(settings, logo, expected):
    (settings.parent / "logo.png").write_bytes(logo)
    found = problems_of(settings)
    assert len(found) == 1 and ":5: logo: logo.png " in found[0] and found[0].endswith(expected), found


def test_a_jpeg_logo_is_measured_too(settings):
    buf = io.BytesIO()
    Image.new("RGB", (300, 100), (200, 30, 30)).save(buf, format="JPEG")
    (settings.parent / "logo.jpg").write_bytes(buf.getvalue())
    settings.write_text(GOOD.replace("logo.png", "logo.jpg"), encoding="utf-8")
    assert load_clinic(settings).logo_type == "jpeg"


def test_the_server_gets_problems_and_no_clinic_and_logs_each_once(settings, monkeypatch, caplog):
    settings.write_text(GOOD.replace("https://", ""), encoding="utf-8")
    monkeypatch.setenv(CLINIC_VARIABLE, str(settings))
    with caplog.at_level("WARNING", logger="mechanisms.clinic"):
        clinic, problems = configured_clinic()
    assert clinic is None and len(problems) == 1
    assert [r.getMessage() for r in caplog.records] == [str(problems[0])]


def test_without_settings_the_default_file_is_optional(monkeypatch, tmp_path):
    monkeypatch.delenv(CLINIC_VARIABLE, raising=False)
    monkeypatch.setattr(clinic_module, "DEFAULT_FILE", tmp_path / "clinic.yaml")
    assert configured_clinic() == (None, [])


def test_lines_every_output_shows(settings):
    lines = clinic_lines(load_clinic(settings))
    assert [(line.label, line.text, line.url) for line in lines] == [
        (EN.clinic_heading, "Riverside Physiotherapy", None),
        (EN.clinic_phone, "+44 20 7946 0000", "tel:+442079460000"),
        (EN.clinic_web, "https://riverside-physio.example", "https://riverside-physio.example"),
    ]
    assert clinic_lines(None) == [] and logo_data_uri(None) is None
    assert logo_data_uri(load_clinic(settings)).startswith("data:image/png;base64,iVBOR")


def test_the_fixed_words_are_plain():
    for words in (EN.clinic_heading, EN.clinic_phone, EN.clinic_web):
        assert list(hard_sentences(words)) == [], words


def test_check_reports_a_bad_settings_file_and_passes_a_good_one(settings):
    def check(path: Path) -> subprocess.CompletedProcess:
        return subprocess.run([sys.executable, "-m", "mechanisms", "check"], cwd=ROOT, capture_output=True,
                              text=True, timeout=60, env={**__import__("os").environ, CLINIC_VARIABLE: str(path)})

    good = check(settings)
    assert good.returncode == 0 and "ok: clinic settings: Riverside Physiotherapy (with a logo)" in good.stdout
    settings.write_text(GOOD.replace("web: https://", "web: "), encoding="utf-8")
    bad = check(settings)
    assert bad.returncode == 1 and "clinic.yaml:4: web: must be a web address" in bad.stderr
    assert "Traceback" not in bad.stderr
