"""Where in the body a step happens: a small picture of the back, the step's regions lit, from the data's shapes.

The story runs from a muscle to its nerves, the spinal cord and the brain; a reader of one step sees its parts
as circles and words, not where they are. Every region with `body` shapes is drawn faintly, so the path is
there; the step's own regions are lit. The silhouette is the body map's back figure (`treatment.outline`).
The picture is an SVG (ElementTree, no template) shown beside the step's heading and text, not in the diagram,
whose height the step's parts need: the app and the offline page show it as an image (`where`), the handout
draws the SVG itself.
"""

from __future__ import annotations

import base64
from dataclasses import dataclass
from xml.etree import ElementTree as ET

from ..content.model import REGION_FIGURE, BodyShape, Graph, Region
from ..present.catalogue import Words, or_english
from .bodymap import OUTLINE_FILL

VIEW = (16.0, 0.0, 68.0, 94.0)
"""x, y, width, height of the grid shown: the head and the trunk with the arms, where the story happens."""
LIT = "#0B4F8A"
"""The step's own regions: the page's dark blue (dark in greyscale too)."""
UNLIT = "#A7B3BF"
"""The other regions of the story: a mid grey, lighter than LIT and darker than the body in greyscale."""
SCREEN_PX = (61, 84)
"""Width and height on a wider screen (the pages' CSS says so too): the nerve, 4 units of 94, stays 3.6 px tall."""
PHONE_PX = (48, 66)
"""On a phone, where every pixel of the step's text pushes the diagram down the first screen: the nerve 2.8 px."""


@dataclass(frozen=True)
class Where:
    """A step's picture as a page shows it: the image (a data URI) and the caption's lead and places."""

    src: str
    lead: str
    places: str

    @property
    def alt(self) -> str:
        """What a screen reader says for the picture: the caption itself."""
        return f"{self.lead} {self.places}"


def step_regions(graph: Graph, step_id: str) -> list[Region]:
    """The regions of the step's parts that have a place on the body, in the graph's order of regions."""
    used = {n.region for n in graph.nodes_in_step(step_id)}
    return [r for r in graph.regions if r.id in used and r.body]


def caption(regions: list[Region], words: Words | None = None) -> tuple[str, str]:
    """The words beside the picture, lead and places ("Where in the body:", "the muscle and the spinal cord"):
    each region's `place`, or its label where the author gave none."""
    w = or_english(words)
    return w.where_lead, w.joined([r.place or r.label.lower() for r in regions])


def _shape(shape: BodyShape, fill: str) -> ET.Element | None:
    """One shape on the grid (y down, as SVG's), a rectangle cut to the picture's view (a PDF does not clip to it);
    None if it lies wholly outside."""
    x, y, w, h = VIEW
    if shape.y - shape.h / 2 >= y + h or shape.y + shape.h / 2 <= y:
        return None
    if shape.shape == "ellipse":
        return ET.Element("ellipse", cx=f"{shape.x:g}", cy=f"{shape.y:g}", rx=f"{shape.w / 2:g}",
                          ry=f"{shape.h / 2:g}", fill=fill)
    top, bottom = max(shape.y - shape.h / 2, y), min(shape.y + shape.h / 2, y + h)
    return ET.Element("rect", x=f"{shape.x - shape.w / 2:g}", y=f"{top:g}", width=f"{shape.w:g}",
                      height=f"{bottom - top:g}", fill=fill)


def locator_svg(graph: Graph, lit: list[Region]) -> str:
    """The back's silhouette, every region with a place faint, the `lit` ones strong (drawn last, on top)."""
    x, y, w, h = VIEW
    svg = ET.Element("svg", xmlns="http://www.w3.org/2000/svg", viewBox=f"{x:g} {y:g} {w:g} {h:g}",
                     width=f"{w:g}", height=f"{h:g}")
    _draw(svg, graph.treatment.outline if graph.treatment else [], OUTLINE_FILL)
    lit_ids = {r.id for r in lit}
    # Lit ones last, on top; among the others the larger first, so none hides a smaller one.
    for region in sorted(graph.regions, key=lambda r: (r.id in lit_ids, -max((s.w * s.h for s in r.body), default=0))):
        if region.body:
            _draw(ET.SubElement(svg, "g", {"data-region": region.id}), region.body,
                  LIT if region.id in lit_ids else UNLIT)
    return ET.tostring(svg, encoding="unicode")


def _draw(parent: ET.Element, shapes: list[BodyShape], fill: str) -> None:
    """The shapes on the picture's figure (the back; a shape on another is an author's error, `check`) that reach
    into its view, in order (SVG paints in order)."""
    for shape in shapes:
        element = _shape(shape, fill) if shape.figure == REGION_FIGURE else None
        if element is not None:
            parent.append(element)


def data_uri(svg: str) -> str:
    """The picture as a data URI: an image source every output takes (plotly.js, Kaleido, a browser)."""
    return "data:image/svg+xml;base64," + base64.b64encode(svg.encode("utf-8")).decode("ascii")


def where(graph: Graph, step_id: str, words: Words | None = None) -> Where | None:
    """The step's picture and caption for a page; None where its parts have no place on the body."""
    regions = step_regions(graph, step_id)
    if not regions:
        return None
    lead, places = caption(regions, words)
    return Where(data_uri(locator_svg(graph, regions)), lead, places)
