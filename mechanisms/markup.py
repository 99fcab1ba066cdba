"""Make data text safe to place in Markdown: shown as the characters written, never as markup."""

from __future__ import annotations

import re
from urllib.parse import quote

_MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|<>~$&:=^\"'])")


def md_escape(text: str) -> str:
    """Backslash-escape every Markdown (and Streamlit directive) character in author text."""
    return _MARKDOWN_SPECIAL.sub(r"\\\1", text).replace("\n", " ")


def safe_url(url: str) -> str:
    """An http(s) URL with the characters that would end a Markdown link encoded; else ''."""
    if not url.startswith(("https://", "http://")):
        return ""
    return quote(url, safe=":/?=&%#.-_~+")
