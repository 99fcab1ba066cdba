"""Take this home: the QR code on screen and on the reader's handout opens exactly the reader's view on a phone."""

from __future__ import annotations

import io

import pytest

from bench.browser import open_app, settle, show_clinician_controls, wait_complete
from bench.catalogs import shared_catalog
from bench.timing import contention, scaled
from mechanisms.content.load import data_folder
from mechanisms.present.audience import node_label
from mechanisms.present.catalogue import words
from mechanisms.present.links import take_home_view, view_url
from mechanisms.present.treatment import today_sentence
from mechanisms.present.view import View

zxingcpp = pytest.importorskip("zxingcpp", reason="the QR decoder (requirements-dev.txt)")
from PIL import Image  # noqa: E402

GRAPH = shared_catalog(data_folder()).graphs["dry-needling"]
EN = words("en")
VIEWPORTS = {"desktop": dict(viewport={"width": 1280, "height": 800}),
             "phone": dict(viewport={"width": 390, "height": 844}, device_scale_factor=2, is_mobile=True,
                           has_touch=True)}
VIEWS = {"a part at step 3, today's treatment": View("dry-needling", step=3, node="substance-p", more=True,
                                                    areas=("neck-shoulders", "calf"), options=("estim",)),
         "consult mode, practitioner": View("dry-needling", step=5, audience="practitioner", consult=True,
                                            areas=("chest",))}


def decode(png: bytes) -> list[str]:
    return [r.text for r in zxingcpp.read_barcodes(Image.open(io.BytesIO(png)))]


def shown(page) -> dict:
    return page.evaluate("""() => ({
        step: document.querySelector('.st-key-step-text h2')?.innerText,
        part: document.querySelector('.st-key-detail h3')?.innerText?.trim() || null,
        today: [...document.querySelectorAll('.st-key-today [data-testid="stMarkdownContainer"]')]
                 .map(e => e.innerText).join(' ') || null,
        audience: new URLSearchParams(location.search).get('audience') || 'patient'})""")


@pytest.mark.parametrize("size", list(VIEWPORTS))
@pytest.mark.parametrize("name", list(VIEWS))
def test_the_qr_code_on_screen_is_large_in_sight_and_opens_the_same_view(new_page, app_url, size, name):
    from mechanisms.present.links import to_params

    view = VIEWS[name]
    page = new_page(**VIEWPORTS[size])
    open_app(page, app_url, "?" + "&".join(f"{k}={v}" for k, v in to_params(view).items()))
    before = shown(page)
    show_clinician_controls(page)
    button = page.locator(".st-key-share button")
    button.tap() if size == "phone" else button.click()
    qr = page.locator(".st-key-share-qr img")
    qr.wait_for(timeout=15_000)
    settle(page)  # the code's image decoded and the dialog's opening animation over
    box = qr.bounding_box()
    width, height = VIEWPORTS[size]["viewport"].values()
    assert box["width"] >= 240 and box["height"] >= 240, box
    assert box["x"] >= 0 and box["x"] + box["width"] <= width, box
    assert box["y"] >= 0 and box["y"] + box["height"] <= height, "the whole code in sight"
    expected = view_url(app_url + "/", take_home_view(view))
    assert decode(qr.screenshot()) == [expected]
    dialog = page.locator('[data-testid="stDialog"]').inner_text().replace("\n", "")
    assert expected in dialog, "the same link, to copy"
    warning = page.locator('[data-testid="stDialog"] [data-testid="stAlert"] [data-testid="stMarkdownContainer"]')
    said = " ".join(warning.inner_text().split())
    assert said == " ".join(EN.local_link.split()), "this app listens on 127.0.0.1 only: a plain warning, not silence"

    phone = new_page(**VIEWPORTS["phone"])
    phone.goto(expected)
    wait_complete(phone)
    after = shown(phone)
    assert after == before and after["audience"] == view.audience, (before, after)
    if view.node:
        assert after["part"] == node_label(GRAPH.node(view.node), view.audience)
    if view.areas:
        assert today_sentence(GRAPH, view) in after["today"], "today's treatment travels with the code"
    consult = phone.locator(".st-key-consult_choice input")
    assert consult.count() == 0 or not consult.is_checked(), "the normal page at home, not consult mode"


def test_while_the_handout_is_made_the_line_under_its_button_says_so_then_goes(page, app_url):
    """The tap disables the button (Streamlit) and the line under it says, in words, that the file is being made;
    once the file has come the line is gone. How long it takes is bench/handout_bench.py's figure."""
    open_app(page, app_url, "?step=1")
    button = page.locator(".st-key-dl-pdf button")
    button.scroll_into_view_if_needed()
    note = page.locator(".st-key-dl-pdf").locator("xpath=ancestor::*[@data-testid='stColumn'][1]").locator(
        ".dl-making")
    assert note.is_hidden(), "nothing said before the tap"
    with page.expect_download(timeout=scaled(120_000, contention())):
        button.click()
        page.wait_for_function("() => { const n = document.querySelector('.st-key-dl-pdf')"
                               ".closest('[data-testid=stColumn]').querySelector('.dl-making');"
                               " return n && getComputedStyle(n).display !== 'none'; }", timeout=2_000, polling=20)
        assert note.inner_text() == EN.making_file
        box, bar = note.bounding_box(), page.locator(".st-key-stepbar").bounding_box()
        assert box["y"] + box["height"] <= bar["y"], "the words are in sight, above the step bar"
    page.wait_for_function("() => getComputedStyle(document.querySelector('.st-key-dl-pdf')"
                           ".closest('[data-testid=stColumn]').querySelector('.dl-making')).display === 'none'",
                           timeout=10_000)


def test_the_readers_handout_carries_a_qr_code_of_their_view(page, app_url):
    from pypdf import PdfReader

    from mechanisms.present.links import to_params

    view = VIEWS["a part at step 3, today's treatment"]
    open_app(page, app_url, "?" + "&".join(f"{k}={v}" for k, v in to_params(view).items()))
    # The server draws the PDF's pictures: on a busy machine it takes as many times longer as the CPUs are busier.
    with page.expect_download(timeout=scaled(120_000, contention())) as download:
        page.click(".st-key-dl-pdf button")
    reader = PdfReader(download.value.path())
    # Page 1: the key points, today's treatment and its body map (no clinic settings here, so no logo); the QR code
    # comes at the end, after the story and the words used, where a patient looks for more.
    assert len(reader.pages[0].images) == 1 and len(reader.pages) <= 6
    found = [(number, code) for number, p in enumerate(reader.pages) for image in p.images
             for code in decode(image.data)]
    assert [code for _, code in found] == [view_url(app_url + "/", take_home_view(view))]
    assert found[0][0] >= len(reader.pages) - 2, "on the last pages"
    first = " ".join(reader.pages[0].extract_text().split())
    assert today_sentence(GRAPH, view) in first, "the handout says today's treatment too"
