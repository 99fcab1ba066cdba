"""The link of a view: the app's address, the PDF's QR code and the offline page's address agree."""

from __future__ import annotations

from dataclasses import replace
from urllib.parse import parse_qsl

from bench.catalogs import shared_catalog
from mechanisms.present.links import to_params, valid_base_url, view_query, view_url
from mechanisms.present.view import View, parse_view

from .conftest import FIXTURES, ROOT

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


def test_every_view_field_has_one_key_in_the_link_table():
    from dataclasses import fields

    from mechanisms.present.view import LINK_KEYS

    # Today's options are the one field whose keys the data names (`estim=yes`): read and written beside the table.
    assert sorted(k.field for k in LINK_KEYS) == sorted(f.name for f in fields(View) if f.name != "options")
    assert len({k.key for k in LINK_KEYS}) == len(LINK_KEYS)


def test_the_data_refuses_option_ids_the_link_table_already_uses():
    """The content layer cannot import the table, so it keeps the keys' names; they must be the table's."""
    from mechanisms.content import model
    from mechanisms.present.view import LINK_KEYS

    assert tuple(k.key for k in LINK_KEYS) == model.LINK_KEYS


def test_the_link_table_round_trips_every_key_and_writes_in_its_order():
    from mechanisms.present.view import LINK_KEYS

    views = {
        "graph": View("mini"), "step": View("mini", step=2), "node": View("mini", step=2, node="pain"),
        "edge": View("mini", edge="needle->twitch"), "audience": View("mini", audience="practitioner"),
        "mode": View("mini", consult=True), "detail": View("mini", more=True),
        "areas": None,  # the small graph has no treatment: see the real graph's test below
        "lang": View("mini", language="pseudo"),
    }
    assert set(views) == {k.key for k in LINK_KEYS}, "a new key needs a view here"
    for key, view in views.items():
        if view is None:
            continue
        params = to_params(view)
        assert key in params, key
        assert list(params) == [k.key for k in LINK_KEYS if k.key in params], "the table's order"
        assert parse_view(params, GRAPHS, "mini") == (view, []), key


def test_a_treatment_link_round_trips_on_the_real_graph():
    from mechanisms.content.load import data_folder

    graphs = shared_catalog(data_folder()).graphs
    graph = graphs["dry-needling"]
    areas = tuple(a.id for a in graph.treatment.areas[:2])
    view = View("dry-needling", step=3, areas=areas, options=("estim",))
    assert to_params(view)["areas"] == ",".join(areas) and to_params(view)["estim"] == "yes"
    assert parse_view(to_params(view), graphs, "dry-needling") == (view, [])
    assert parse_view({**to_params(view), "areas": f"{areas[0]},nowhere"}, graphs, "dry-needling") == (
        View("dry-needling", step=3, areas=areas[:1], options=("estim",)), ["areas"])


def test_the_patient_page_is_an_address_or_a_path_on_the_apps_host():
    from mechanisms.present.links import patient_page_base

    assert patient_page_base("https://clinic.example/app/", "/patient/") == "https://clinic.example/patient/"
    assert patient_page_base("https://clinic.example/app/", "https://cdn.example/p/") == "https://cdn.example/p/"
    for not_served in ("", None, "patient/", "//evil.example/", "javascript:alert(1)"):
        assert patient_page_base("https://clinic.example/app/", not_served) is None, not_served
    assert patient_page_base("", "/patient/") is None, "a path needs the app's address"


def test_a_readers_link_opens_the_patient_page_with_the_view_in_its_fragment_when_served():
    from mechanisms.present.links import reader_link, take_home_view

    graph = shared_catalog(ROOT / "data").graphs["dry-needling"]
    detail = next(n for n in graph.nodes if n.detail)
    kept = next(n for n in graph.nodes if not n.detail)
    view = View("dry-needling", step=3, node=kept.id, audience="practitioner", consult=True, more=True,
                areas=("calf",), language="pseudo")
    link = reader_link("https://clinic.example/app/", view, graph, "/patient/")
    page, fragment = link.split("#")
    assert page == "https://clinic.example/patient/" and "?" not in link, "nothing about the patient in the query"
    opened = parse_view(dict(parse_qsl(fragment)), shared_catalog(ROOT / "data").graphs, "dry-needling")[0]
    assert opened == View("dry-needling", step=3, node=kept.id, audience="practitioner", areas=("calf",))
    hidden = reader_link("https://clinic.example/app/", replace(view, node=detail.id), graph, "/patient/")
    assert "node=" not in hidden, "a part the page does not draw is left out, not a broken link"
    assert reader_link("https://clinic.example/app/", view, graph) == view_url("https://clinic.example/app/",
                                                                              take_home_view(view))


def test_a_local_address_moves_to_another_host_with_its_port_and_path():
    from mechanisms.present.links import with_host

    assert with_host("http://localhost:8501/?graph=x", "192.168.1.20") == "http://192.168.1.20:8501/?graph=x"
    assert with_host("http://127.0.0.1/app/", "10.0.0.7") == "http://10.0.0.7/app/"
