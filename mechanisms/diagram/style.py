"""How the diagram looks, in one place: colours, sizes, opacity, edge shapes, fonts and the Plotly config.

The app, the images, the PDF and the offline page all draw with these values (the offline page's
script receives them as data), so a change here changes every output alike.
"""

from __future__ import annotations

import textwrap

from ..present.audience import PATIENT, drawn_kinds, edge_word
from ..present.catalogue import Words, or_english

# Okabe-Ito derived, colour-blind safe; text colours meet 4.5:1 on white.
REGION_MARKERS = ["#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#F0E442"]
INK = "#1F2933"
MUTED = "#52606D"
"""Ink of a dimmed label: lighter, never transparent, so it keeps 4.5:1 contrast."""
LABEL_BACKGROUND = "rgba(255,255,255,0.92)"
DIM_OPACITY = 0.28
EDGE_DIM_OPACITY = 0.13
FONT_FAMILY = "system-ui, -apple-system, Segoe UI, Roboto, sans-serif"

NODE_SIZE = 28
NODE_SIZE_CURRENT = 38
NODE_LINE = {"current": (INK, 4.0), "neighbour": (INK, 2.5), "other": ("white", 1.5)}
"""Outline (colour, width) of a node marker: the selected node, its neighbours, the rest."""
EDGE_MARKER_SIZE = 16
STUB_SIZE = 18
"""Length of the stroke that starts each long link of a hub (the needle) just above its target."""
BAND_FILLS = ["#F6F8FA", "#EDF1F5"]
"""Steps' bands, alternating, so each step reads as one block."""
BAND_CURRENT = "#DCEBF7"
"""Fill of the current step's band: the eye finds where the story is."""
ICON_FILLS = {"serious": "#8A1C13", "minor": "#E69F00", "none": "#FFFFFF"}
"""The fact box's squares: dark red, orange and white differ in greyscale and to colour-blind readers too."""
ICON_EDGE = "#8C96A0"
"""The outline every square has, so a blank one still shows as a square."""

ARROW_SIZE = {True: 12, False: 9}
"""Arrowhead size of a strong and of a dimmed link."""

LABEL_FONT_PX = 13
CONSULT_FONT_PX = 18
"""Consult mode: the screen is turned toward a patient a metre away."""
PRINT_FONT_PX = 14
LABEL_WRAP = 16
"""Characters per label line, so three nodes fit side by side on a phone."""
HOVER_WRAP = 44
"""Characters per line of a hover box (a link's sentence)."""
LABEL_LINE_PX = 1.3 * LABEL_FONT_PX
"""Height of one label line."""

EDGE_STYLE: dict[str, dict[str, str]] = {
    # kind: line dash, midpoint symbol, end marker symbol, colour (the same in words for print: the catalogue's
    # `link_drawn`).
    "leads_to": {"dash": "solid", "symbol": "circle", "head": "arrow", "color": "#52606D"},
    "increases": {"dash": "solid", "symbol": "triangle-up", "head": "arrow", "color": "#0072B2"},
    "activates": {"dash": "dot", "symbol": "diamond", "head": "arrow", "color": "#0072B2"},
    "decreases": {"dash": "dash", "symbol": "triangle-down", "head": "arrow", "color": "#B35A00"},
    # A bar across the line's end (⊣), the usual sign for inhibition.
    "inhibits": {"dash": "dashdot", "symbol": "square", "head": "line-ew", "color": "#B35A00"},
}
"""Edge kinds differ by dash, midpoint symbol and end, never by colour alone."""
EDGE_GLOSS = ("inhibits",)
"""Kinds whose patient word is printed beside the technical name in a practitioner's key ('inhibits (blocks)')."""

PLOTLY_CONFIG = {"displayModeBar": False, "doubleClickDelay": 100, "scrollZoom": False, "responsive": True}
"""Every interactive copy of the diagram: no toolbar, no zoom, and two clicks 100 ms apart are still two."""


def label_wrap(font_px: float = LABEL_FONT_PX) -> int:
    """Characters per label line at a font size: larger type wraps shorter, so labels keep their width."""
    return max(8, round(LABEL_WRAP * LABEL_FONT_PX / font_px))


def label_lines(label: str, font_px: float = LABEL_FONT_PX) -> list[str]:
    """A label broken into short lines so three nodes fit side by side on a phone."""
    return textwrap.wrap(label, width=label_wrap(font_px), break_long_words=False) or [label]


def label_depth(lines: int, font_px: float = LABEL_FONT_PX) -> float:
    """How far below a node's centre its label of this many lines ends: links leave from there."""
    return NODE_SIZE / 2 + 2 + lines * LABEL_LINE_PX * font_px / LABEL_FONT_PX + 4


def region_colour(index: int) -> str:
    return REGION_MARKERS[index % len(REGION_MARKERS)]


def edge_key_sentence(audience: str = PATIENT, words: Words | None = None) -> str:
    """The printed key of the link shapes the audience's picture draws: 'solid with a circle = leads to; ...'."""
    w = or_english(words)
    parts = []
    for kind in drawn_kinds(EDGE_STYLE, audience):
        gloss = w.plain_edge_words[kind] if kind in EDGE_GLOSS and audience != PATIENT else None
        parts.append(w.link_key_item(w.link_drawn[kind], edge_word(kind, audience, w), gloss))
    return w.source_separator.join(parts)
