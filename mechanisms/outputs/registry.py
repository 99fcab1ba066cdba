"""Every file the explainer can make, in one place: the command's `export --format` offers exactly these, and
the app offers those marked `in_app` as downloads.

Adding a format is one module that makes it and one `Output` line in `OUTPUTS`. The makers import their
module only when called: the PDF's fonts and kaleido's browser cost nothing until someone asks.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from ..content.clinic import Clinic
from ..content.model import Graph
from ..present.audience import PATIENT
from ..present.catalogue import DEFAULT_LANGUAGE, Words, words
from ..present.links import take_home_view
from ..present.view import View


@dataclass(frozen=True)
class Order:
    """What one file is made from: the graph, and the options its format reads (the others are ignored)."""

    graph: Graph
    references: Mapping[str, Mapping[str, Any]]
    audience: str = PATIENT
    view: View | None = None
    """The reader's view (from the app): the PDF's link and QR code reopen it, and its treatment is printed.
    None: the start of the story for `audience` (the command line)."""
    clinic: Clinic | None = None
    base_url: str | None = None
    """The online app's address, for the PDF's link and QR code."""
    patient_page: str | None = None
    """Where the patient page is served (an address, or a path on `base_url`'s host): the PDF's link opens it."""
    paper: str = "a4"
    step: int | None = None
    """Images: the step (1-based) drawn strongly."""
    width: int = 1200
    scale: float = 1.0
    language: str = DEFAULT_LANGUAGE
    """The fixed words' language when there is no view (the command's `--language`); else the view's."""

    @property
    def words(self) -> Words:
        return words(self.view.language if self.view else self.language)


@dataclass(frozen=True)
class Output:
    """One format: its name (`export --format`), file suffix and type, how the app offers it, and its maker."""

    name: str
    suffix: str
    mime: str
    make: Callable[[Order], bytes | str | Mapping[str, bytes]]
    """The file's bytes or text; for a `folder` format, every file of the folder by name."""
    label: Callable[[Words, str], str] | None = None
    """The app's download button in a language's words, for a reader's audience."""
    in_app: bool = False
    icon: str = ""
    """The download button's Material icon."""
    stem: str = "{graph}"
    """The downloaded file's name before the suffix: `{graph}` and `{audience}` are filled."""
    uses_view: bool = False
    """Whether the reader's view (beyond today's treatment) changes the file: else readers of a graph share one."""
    uses_clinic: bool = False
    """Whether the file shows the clinic's details (so the command reads the clinic's settings for it)."""
    uses_base_url: bool = False
    """Whether the file links to the online app (so a bad base address is refused before drawing)."""
    takes_step: bool = False
    """Whether `--step` applies."""
    folder: bool = False
    """Whether it is a folder of files (`-o` names the folder) rather than one file."""

    def data(self, order: Order) -> bytes:
        """The file's bytes (text as UTF-8)."""
        made = self.make(order)
        if isinstance(made, Mapping):
            raise TypeError(f"{self.name} is a folder of files: use files()")
        return _as_bytes(made)

    def files(self, order: Order) -> dict[str, bytes]:
        """Every file it makes by name (one, named by `file_name`, unless it is a folder), each made once."""
        made = self.make(order)
        if isinstance(made, Mapping):
            return dict(made)
        return {self.file_name(order.graph.id, order.audience): _as_bytes(made)}

    def file_name(self, graph_id: str, audience: str = PATIENT) -> str:
        return self.stem.format(graph=graph_id, audience=audience) + self.suffix

    def button_label(self, words: Words, audience: str = PATIENT) -> str:
        return self.label(words, audience) if self.label else self.name

    def shared_view(self, view: View) -> View | None:
        """The view this file is the same for (a cache key for the app), or None when it is this reader's alone
        (today's treatment is in it: made for this reader, never kept)."""
        if view.areas or view.options:
            return None
        return view if self.uses_view else View(view.graph, language=view.language)


def _as_bytes(made: str | bytes) -> bytes:
    return made.encode("utf-8") if isinstance(made, str) else made


def _pdf(order: Order) -> bytes:
    from .handout import build_pdf  # its page checks the fonts before any picture is drawn

    return build_pdf(order.graph, order.references, order.audience, order.paper, order.base_url or None,
                     clinic=order.clinic, view=order.view, language=order.language, patient_page=order.patient_page)


def _html(order: Order) -> str:
    from .standalone import build_html

    return build_html(order.graph, order.references, order.clinic, order.view, language=order.language)


def _site(order: Order) -> dict[str, bytes]:
    from .site import build_site

    return build_site(order.graph, order.references, order.clinic, language=order.language)


def _image(fmt: str) -> Callable[[Order], bytes]:
    def make(order: Order) -> bytes:
        from .images import diagram, render  # render refuses a bad size before a browser starts

        fig = diagram(order.graph, step=order.step, audience=order.audience, words=order.words)
        return render(fig, fmt, width=order.width, scale=order.scale)

    return make


OUTPUTS: dict[str, Output] = {o.name: o for o in (
    Output("pdf", ".pdf", "application/pdf", _pdf, label=lambda w, audience: w.handout_download[audience], in_app=True,
           icon=":material/picture_as_pdf:", stem="{graph}-{audience}", uses_view=True, uses_clinic=True,
           uses_base_url=True),
    Output("html", ".html", "text/html", _html, label=lambda w, audience: w.offline_download, in_app=True,
           icon=":material/download:", uses_clinic=True),
    Output("site", "", "text/html", _site, uses_clinic=True, folder=True),
    Output("png", ".png", "image/png", _image("png"), takes_step=True),
    Output("svg", ".svg", "image/svg+xml", _image("svg"), takes_step=True),
)}
"""Every format, in the order the command lists them and the app shows its downloads."""


def app_outputs() -> list[Output]:
    """The downloads the app offers, in order."""
    return [o for o in OUTPUTS.values() if o.in_app]


def reader_order(graph: Graph, references: Mapping[str, Mapping[str, Any]], view: View, clinic: Clinic | None,
                 base_url: str | None, patient_page: str | None = None) -> Order:
    """What a reader's download is made from: their own view (in the normal page, not consult mode), their
    audience, the clinic's details, and the address a phone opens."""
    home = take_home_view(view)
    return Order(graph, references, audience=home.audience, view=home, clinic=clinic, base_url=base_url,
                 patient_page=patient_page)
