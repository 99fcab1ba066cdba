"""Make data text safe wherever it is placed: Markdown, HTML (Plotly text too), a script's JSON, a link."""

from __future__ import annotations

import json
import re
from typing import Any
from urllib.parse import quote

_MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|<>~$&:=^\"'])")


def md_escape(text: str) -> str:
    """Backslash-escape every Markdown (and Streamlit directive) character in author text."""
    return _MARKDOWN_SPECIAL.sub(r"\\\1", text).replace("\n", " ")


def html_escape(text: str) -> str:
    """Text shown as its characters in an HTML element or a Plotly label (Plotly renders a subset of HTML).

    Quotes are left as they are: Plotly does not decode '&quot;', and no author text goes in an attribute.
    """
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def json_for_html(data: Any) -> str:
    """JSON that cannot close its <script> element or start markup."""
    return (json.dumps(data, ensure_ascii=False).replace("&", "\\u0026").replace("<", "\\u003c")
            .replace(">", "\\u003e").replace("\u2028", "\\u2028").replace("\u2029", "\\u2029"))


_TEL = re.compile(r"^tel:\+?[0-9]{3,20}$")


def safe_url(url: str) -> str:
    """An http(s) URL with the characters that would end a Markdown link encoded, or a tel: number; else ''."""
    if _TEL.match(url):
        return url
    if not url.startswith(("https://", "http://")):
        return ""
    return quote(url, safe=":/?=&%#.-_~+")
