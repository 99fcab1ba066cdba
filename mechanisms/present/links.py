"""The link of a view: one builder for the app's address bar, the PDF's QR code and the offline page."""

from __future__ import annotations

from dataclasses import replace
from urllib.parse import urlencode, urlsplit

from .view import LINK_KEYS, View, option_params


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


def take_home_view(view: View) -> View:
    """The view a phone opens: the same step, part, audience and detail, in the normal page (not consult mode,
    which frames the screen at the chair; at home the reader needs the whole page)."""
    return replace(view, consult=False)
