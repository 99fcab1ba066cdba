"""Every fixed word comes from the catalogue: rendered in the pseudo-language, the PDF and the offline page show
no English word outside `[!! ... !!]` except the graph's own data (labels, texts, guide, glossary, references).

The words allowed are built from the loaded graph and references (`catalogue.data_words`), never listed by hand;
`catalogue.english_leaks` is the check, ready for the app's pages too.
"""

from __future__ import annotations

import html
import io
import json
import re
from functools import cache

import pytest
from pypdf import PdfReader

from mechanisms.content.citations import cited_ids, format_references
from mechanisms.content.clinic import load_clinic
from mechanisms.content.load import data_folder, load_catalog
from mechanisms.outputs.handout import build_pdf
from mechanisms.outputs.images import start_renderer
from mechanisms.outputs.standalone import build_html
from mechanisms.present.audience import AUDIENCES, PATIENT
from mechanisms.present.catalogue import PSEUDO, data_words, english_leaks, words
from mechanisms.present.links import view_url
from mechanisms.present.view import View

from .conftest import ROOT

CATALOG = load_catalog(data_folder())
GRAPH = CATALOG.graphs["dry-needling"]
BASE = "https://clinic.example/explain"
CLINIC = load_clinic(ROOT / "clinic.example.yaml")
"""A clinic's settings are the clinic's words: its name, phone, web address and emergency number print as set."""
TODAY = {"areas": ("chest", "upper-back", "calf", "forearm"), "options": ("estim",)}
"""Today's treatment in every render: two sentences of areas, an option, and both cautions."""
NOT_SHOWN = {"q", "views", "looks", "charts", "logo", "evidence", "refs", "terms", "nodes", "order",
             "findings_for", "kind", "mark", "id", "step", "url", "figures", "figure_config", "areas_key",
             "option_on", "ignored_keys", "placeholder", "marked", "src"}
"""Keys of the offline page's data that its script never shows (links, looks, ids, indexes; the step figures are
read as drawn, by `figure_strings`; `src` is the body picture's image)."""
_TAG = re.compile(r"<[^>]+>")


def view(audience: str, language: str) -> View:
    return View(GRAPH.id, audience=audience, language=language, **TODAY)


def links() -> list[str]:
    return [view_url(BASE, view(a, PSEUDO)) for a in AUDIENCES]


def allowed() -> set[str]:
    """The data's words, and the addresses a render prints (its own link)."""
    settings = [CLINIC.name, CLINIC.phone or "", CLINIC.web or "", CLINIC.emergency or ""]
    return data_words(GRAPH, CATALOG.references, *links(), *settings) | {GRAPH.id}


def addresses() -> list[str]:
    """Every address and DOI the handout prints: a line may break inside one, cutting its words in two."""
    refs = format_references(cited_ids(GRAPH), CATALOG.references)
    urls = [u for r in refs for u in (r.doi_url, r.pubmed_url, r.url) if u]
    dois = ["doi:" + u.removeprefix("https://doi.org/") for u in urls if "doi.org/" in u]
    return [*links(), CLINIC.web or "", *urls, *dois]


def without_addresses(text: str) -> str:
    """The text with each printed address taken out, wherever its lines break."""
    for address in sorted(addresses(), key=len, reverse=True):
        text = re.sub(r"\s*".join(re.escape(c) for c in address), " ", text)
    return text


@pytest.fixture(scope="module", autouse=True)
def renderer():
    start_renderer()  # the body map of today's treatment is drawn by kaleido


@cache
def pdf_text(audience: str, language: str) -> str:
    data = build_pdf(GRAPH, CATALOG.references, audience, "a4", BASE, pictures=[], clinic=CLINIC,
                     view=view(audience, language))
    return without_addresses("\n".join(page.extract_text() for page in PdfReader(io.BytesIO(data)).pages))


PAGE_CODES = frozenset({"fills", "edge"})
"""Keys of the page's data whose values are colours, never written as words (the fact box's squares)."""


def shown_strings(value: object, key: str = "") -> list[str]:
    """The strings of the page's data that its script writes on the page (ids, colours and addresses left out)."""
    if key in NOT_SHOWN or key in PAGE_CODES:
        return []
    if isinstance(value, dict):
        return [s for k, v in value.items() for s in shown_strings(v, k)]
    if isinstance(value, list):
        # Pairs of [id, words] (buttons, audiences, links) show only their words.
        return [s for v in value for s in shown_strings(v, key)
                if not (isinstance(v, str) and (GRAPH.node(v) or GRAPH.edge(v) or v in AUDIENCES or "://" in v))]
    return [value] if isinstance(value, str) else []


def figure_strings(fig) -> list[str]:
    """What the drawn diagram (a figure, or its JSON) shows: band titles and labels, the legend, hover boxes."""
    data = fig if isinstance(fig, dict) else fig.to_plotly_json()
    texts = [a.get("text", "") for a in data["layout"].get("annotations", [])]
    for trace in data["data"]:
        if trace.get("showlegend"):
            texts.append(trace.get("name", ""))
        texts.append(trace.get("hovertemplate", "").replace("%{hovertext}", ""))
        hover = trace.get("hovertext")
        texts += [h for h in (hover if isinstance(hover, list | tuple) else [hover]) if isinstance(h, str)]
    return texts


@cache
def page(language: str) -> tuple[str, list[str]]:
    """The offline page's visible HTML text and the strings its script shows, for today's reader."""
    page_html = build_html(GRAPH, CATALOG.references, CLINIC, view=view(PATIENT, language))
    data = json.loads(re.search(r'<script type="application/json" id="graph-data">(.*?)</script>', page_html,
                                re.DOTALL).group(1))
    visible = re.sub(r"<(script|style)\b.*?</\1>", " ", page_html, flags=re.DOTALL)
    shown = shown_strings(data)
    shown += [s for figures in data["figures"].values() for figure in figures for s in figure_strings(figure)]
    return visible, [html.unescape(_TAG.sub(" ", s)) for s in shown]


@pytest.mark.parametrize("audience", AUDIENCES)
def test_the_pdf_says_nothing_in_english_outside_the_catalogue(audience):
    text = pdf_text(audience, PSEUDO)
    assert "[!!" in text and english_leaks(text, allowed()) == []


def test_the_offline_page_says_nothing_in_english_outside_the_catalogue():
    visible, shown = page(PSEUDO)
    assert english_leaks(html.unescape(_TAG.sub(" ", visible)), allowed()) == []
    assert 'lang="en-XA"' in visible
    leaks = {s: english_leaks(s, allowed()) for s in shown}
    assert {s: found for s, found in leaks.items() if found} == {}


def test_the_pseudo_language_keeps_every_placeholder_working():
    pseudo = words(PSEUDO)
    assert pseudo.step_heading(3, 8, "Title") == "[!! Step 3 of 8: Title !!]"
    assert pseudo.show_detail(2) == "[!! Show more detail (2 more parts) !!]"
    assert pseudo.evidence_badge["human trial"] == "[!! Human trial !!]"


@pytest.mark.parametrize("audience", AUDIENCES)
def test_english_shows_no_pseudo_marks(audience):
    assert "[!!" not in pdf_text(audience, "en")
    visible, shown = page("en")
    assert "[!!" not in visible and not any("[!!" in s for s in shown)


def test_a_leak_is_found_and_data_words_are_not():
    text = "[!! Step 1 of 8: [!! Needle !!] !!] Needle stray words"
    assert english_leaks(text, {"needle"}) == ["stray", "words"]


APP_MARKUP = re.compile(r"\]\([^)]*\)|:[a-z]+-badge\[|:material/[a-z_]+:|[*#_]|<[^>]+>")
"""Markdown's own marks in the app's texts: link targets, badges, icons, emphasis, HTML tags (the body picture's; its
alt text is its caption, read where it shows) (escapes are undone first)."""
ESCAPED = re.compile(r"\\(.)")
APP_TEXT_FIELDS = ("label", "body", "placeholder", "alt", "content")


def app_strings(node) -> list[str]:
    """Every text a reader can see in an AppTest page: labels, bodies, placeholders, alt texts, the options of
    lists and switches (the page's constant CSS and script, and the diagram's spec, left out)."""
    from google.protobuf.message import Message

    found: list[str] = []
    proto = getattr(node, "proto", None)
    if isinstance(proto, Message) and type(node).__name__ != "Html":
        found += _proto_strings(proto)
    found += [str(o) for o in getattr(node, "options", None) or [] if type(node).__name__ == "Selectbox"]
    for child in getattr(node, "children", {}).values():
        found += app_strings(child)
    return found


def _proto_strings(message) -> list[str]:
    from google.protobuf.message import Message

    found = []
    for field, value in message.ListFields():
        values = value if not isinstance(value, str | bytes | Message) and hasattr(value, "__iter__") else [value]
        for item in values:
            if isinstance(item, Message) and field.name not in ("spec", "config", "theme"):
                found += _proto_strings(item)
            elif isinstance(item, str) and field.name in APP_TEXT_FIELDS:
                found.append(APP_MARKUP.sub(" ", ESCAPED.sub(r"\1", item)))
    return found


def app_page(**params: str) -> list[str]:
    """The app's whole page (after the first paint) for a link, with its text version open."""
    from streamlit.testing.v1 import AppTest

    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60)
    at.session_state["page_complete"] = True
    at.session_state["outline_open"] = True
    for key, value in params.items():
        at.query_params[key] = value
    at.run()
    assert not at.exception, at.exception
    return app_strings(at._tree)


APP_LINKS = [
    {"lang": PSEUDO, "areas": ",".join(TODAY["areas"]), "estim": "yes", "step": "8"},
    {"lang": PSEUDO, "node": GRAPH.nodes[0].id},
    {"lang": PSEUDO, "audience": "practitioner", "edge": GRAPH.edges[0].id, "step": "2"},
    {"lang": PSEUDO, "consult": "1", "more": "1", "step": "4"},
]


@pytest.mark.parametrize("params", APP_LINKS, ids=lambda p: "-".join(k for k in p if k != "lang"))
def test_the_app_says_nothing_in_english_outside_the_catalogue(params):
    texts = app_page(**params)
    assert any("[!!" in t for t in texts), "the page is in the pseudo-language"
    allowed_here = allowed() | data_words(GRAPH, CATALOG.references, *(str(v) for v in params.values()))
    leaks = {t: english_leaks(t, allowed_here) for t in texts}
    assert {t: found for t, found in leaks.items() if found} == {}


def test_the_app_in_english_shows_no_pseudo_marks():
    assert not any("[!!" in t for t in app_page(node=GRAPH.nodes[0].id))
