"""The link of a view: one builder for the app's address bar, the PDF's QR code and the offline page."""

from __future__ import annotations

from dataclasses import replace
from urllib.parse import urlencode, urljoin, urlsplit

from ..content.model import Graph
from .audience import PATIENT, shown_graph
from .view import LINK_KEYS, View, option_params

PATIENT_PAGE_DROPS = ("consult", "more", "language")
"""What the patient page has not: consult mode, more detail (it draws the core path), other languages (it is
exported in one). Its links leave them out, and it reads past them in a link."""


def to_params(view: View) -> dict[str, str]:
    """The query parameters that reopen exactly this view (defaults left out to keep links short), in
    the order of `LINK_KEYS`, which also says how each is read."""
    params = {}
    for link_key in LINK_KEYS:
        value = getattr(view, link_key.field)
        if link_key.always or value != link_key.default:
            params[link_key.key] = link_key.write(value)
    params |= option_params(view)
    return params


def view_query(view: View) -> str:
    """The view as a URL query string (without '?'), e.g. 'graph=dry-needling&step=3'."""
    return urlencode(to_params(view))


def valid_base_url(base_url: str | None) -> str | None:
    """The base address without surrounding spaces if it is an http(s) address, else None."""
    base = (base_url or "").strip()
    parts = urlsplit(base)
    if parts.scheme in ("http", "https") and parts.netloc and not any(c.isspace() for c in base):
        return base
    return None


def view_url(base_url: str, view: View) -> str:
    """The online address of a view: the base address plus its query."""
    base = base_url.strip()
    return f"{base}{'&' if '?' in base else '?'}{view_query(view)}"


def share_base(configured: str | None, page_url: str | None) -> str | None:
    """The address a phone opens: the configured base address (MECHANISMS_BASE_URL), else the page's own."""
    base = valid_base_url(configured) or valid_base_url(page_url)
    if base and not urlsplit(base).path and "?" not in base:
        base += "/"  # http://host:8501 -> http://host:8501/, as a browser writes it
    return base


def is_local(url: str) -> bool:
    """Whether an address only works on the machine it was made on (a phone scanning it gets nothing)."""
    host = (urlsplit(url).hostname or "").lower()
    return host in ("localhost", "::1", "0.0.0.0") or host.startswith("127.") or host.endswith(".localhost")


def with_host(url: str, host: str) -> str:
    """The same address on another host, its port kept: http://localhost:8501/ -> http://192.168.1.20:8501/."""
    parts = urlsplit(url)
    port = f":{parts.port}" if parts.port else ""
    return parts._replace(netloc=f"{host}{port}").geturl()


def take_home_view(view: View) -> View:
    """The view a phone opens: the same step, part, audience and detail, in the normal page (not consult mode,
    which frames the screen at the chair; at home the reader needs the whole page)."""
    return replace(view, consult=False)


def patient_page_view(view: View, graph: Graph) -> View:
    """The view as the patient page shows it: the same step, audience and today's treatment, and the part or
    link picked if the core path has it."""
    core = shown_graph(graph, PATIENT)
    kept = replace(view, **{field: getattr(View(view.graph), field) for field in PATIENT_PAGE_DROPS})
    return replace(kept, node=view.node if view.node and core.node(view.node) else None,
                   edge=view.edge if view.edge and core.edge(view.edge) else None)


def patient_page_base(base_url: str, patient_page: str | None) -> str | None:
    """The patient page's address: an http(s) address as given, or a path ("/patient/") on `base_url`'s host."""
    page = (patient_page or "").strip()
    if valid_base_url(page):
        return page
    if page.startswith("/") and not page.startswith("//") and valid_base_url(base_url):
        return urljoin(base_url, page)
    return None


def reader_link(base_url: str, view: View, graph: Graph, patient_page: str | None = None) -> str:
    """What a reader's QR code, copied link and handout open: the patient page when it is served (the view in the
    address's fragment, never sent to a server), else this view in the app."""
    page = patient_page_base(base_url, patient_page)
    if page:
        return f"{page}#{view_query(patient_page_view(view, graph))}"
    return view_url(base_url, take_home_view(view))
