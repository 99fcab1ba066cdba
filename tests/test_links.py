"""The link of a view: the app's address, the PDF's QR code and the offline page's address agree."""

from __future__ import annotations

from urllib.parse import parse_qsl

from bench.catalogs import shared_catalog
from mechanisms.present.links import to_params, valid_base_url, view_query, view_url
from mechanisms.present.view import View, parse_view

from .conftest import FIXTURES

GRAPHS = shared_catalog(FIXTURES).graphs


def test_every_link_reopens_its_view():
    for view in (View("mini"), View("mini", step=2, node="pain", audience="practitioner", consult=True),
                 View("mini", step=1, edge="needle->twitch")):
        assert parse_view(dict(parse_qsl(view_query(view))), GRAPHS, "mini") == (view, [])


def test_defaults_are_left_out():
    assert to_params(View("mini")) == {"graph": "mini", "step": "1"}


def test_an_address_joins_its_query_once():
    view = View("mini", step=2)
    assert view_url("https://clinic.example/x", view) == "https://clinic.example/x?graph=mini&step=2"
    assert view_url(" https://clinic.example/x?lang=en ", view) == "https://clinic.example/x?lang=en&graph=mini&step=2"


def test_only_web_addresses_are_bases():
    assert valid_base_url("https://clinic.example") == "https://clinic.example"
    for bad in ("", "ftp://clinic.example", "javascript:alert(1)", "https://", "https://a b"):
        assert valid_base_url(bad) is None


def test_a_phone_gets_the_configured_address_else_the_pages_own():
    from mechanisms.present.links import is_local, share_base

    assert share_base("https://clinic.example/explain", "http://10.0.0.5:8501") == "https://clinic.example/explain"
    assert share_base(None, "http://10.0.0.5:8501") == "http://10.0.0.5:8501/", "a browser's own form of the address"
    assert share_base("javascript:alert(1)", "https://clinic.example/x") == "https://clinic.example/x"
    assert share_base("", None) is None
    for local in ("http://127.0.0.1:8501/", "http://localhost/", "http://app.localhost/"):
        assert is_local(local), local
    for reachable in ("http://10.0.0.5:8501/", "https://clinic.example/"):
        assert not is_local(reachable), reachable


def test_the_take_home_view_is_the_same_view_in_the_normal_page():
    from mechanisms.present.links import take_home_view

    view = View("mini", step=2, node="pain", audience="practitioner", consult=True, more=True)
    home = take_home_view(view)
    assert home == View("mini", step=2, node="pain", audience="practitioner", consult=False, more=True)
    assert "mode" not in to_params(home)
