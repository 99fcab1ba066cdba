"""The output registry: one list of formats, read by the command and the app."""

from __future__ import annotations

from mechanisms.content.load import load_catalog
from mechanisms.outputs.registry import OUTPUTS, Order, app_outputs, reader_order
from mechanisms.present.catalogue import words
from mechanisms.present.view import View

from .conftest import FIXTURES

CATALOG = load_catalog(FIXTURES)
MINI = CATALOG.graphs["mini"]


def _choices(command: str, dest: str) -> tuple:
    from mechanisms.cli import build_parser

    sub = build_parser()._subparsers._group_actions[0].choices[command]
    return tuple(next(a for a in sub._actions if a.dest == dest).choices)


def test_the_command_offers_exactly_the_registered_formats():
    assert _choices("export", "format") == tuple(OUTPUTS) == ("pdf", "html", "site", "png", "svg")
    for name, output in OUTPUTS.items():
        assert output.name == name and output.suffix == ("" if output.folder else f".{name}") and "/" in output.mime
    assert [o.name for o in OUTPUTS.values() if o.folder] == ["site"]


def test_the_app_offers_the_handout_and_the_offline_page():
    assert [o.name for o in app_outputs()] == ["pdf", "html"]
    pdf, html = app_outputs()
    assert pdf.button_label(words(), "practitioner") == "Handout for the practitioner (PDF)"
    assert pdf.file_name("dry-needling", "practitioner") == "dry-needling-practitioner.pdf"
    assert html.file_name("dry-needling", "practitioner") == "dry-needling.html"
    assert all(o.label and o.icon for o in app_outputs())


def test_readers_share_a_file_unless_it_carries_their_view_or_todays_treatment():
    pdf, html = OUTPUTS["pdf"], OUTPUTS["html"]
    view = View("mini", step=2, audience="practitioner")
    assert pdf.shared_view(view) == view
    assert html.shared_view(view) == View("mini")
    today = View("mini", areas=("neck-shoulders",))
    assert pdf.shared_view(today) is None and html.shared_view(today) is None
    assert html.shared_view(View("mini", options=("estim",))) is None


def test_a_readers_order_is_their_view_in_the_normal_page():
    view = View("mini", step=2, audience="practitioner", consult=True)
    order = reader_order(MINI, CATALOG.references, view, None, "https://clinic.example/x")
    assert order.view == View("mini", step=2, audience="practitioner") and order.audience == "practitioner"
    assert order.base_url == "https://clinic.example/x" and order.paper == "a4"


def test_text_formats_are_written_as_utf8():
    from mechanisms.outputs import registry

    page = registry.Output("txt", ".txt", "text/plain", lambda order: f"{order.graph.title} é")
    assert page.data(Order(MINI, CATALOG.references)) == f"{MINI.title} é".encode()


def test_a_file_is_made_once_per_command():
    """`files` wrote the handout from a second build (the command took twice as long)."""
    from mechanisms.outputs import registry

    made = []
    page = registry.Output("txt", ".txt", "text/plain", lambda order: made.append(1) or "x")
    assert page.files(Order(MINI, CATALOG.references)) == {"mini.txt": b"x"} and len(made) == 1
