"""The one error an export raises: what cannot be made here, and what would make it work."""

from __future__ import annotations


class ExportError(Exception):
    """An export that cannot be made on this machine or with these options, with what would make it work."""
