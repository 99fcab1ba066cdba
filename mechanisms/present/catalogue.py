"""Every fixed word a reader sees, per language: `catalogues/<language>.yaml` loaded into one frozen `Words`.

An output takes its words from the view's language (`words(view.language)`) or from a `words` argument
derived from it, never from module constants, so the app, the PDF, the offline page and the pictures say
the same thing in the same language. A few entries are format strings (`step_heading`: "Step {number} of
{total}: {title}"); `Words` fills them through methods of the same name.

`words("pseudo")` is English with every string wrapped as `[!! ... !!]` (placeholders kept): a page rendered
in it shows at a glance, and `english_leaks` finds by test, any word that does not come from the catalogue
or from the graph's own data.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, fields, replace
from functools import cache
from pathlib import Path
from string import Formatter
from types import MappingProxyType
from typing import Any

from ..content.model import EDGE_KINDS, EVIDENCE_LEVELS, FIGURES, Graph
from ..content.problems import DataError, Problem
from ..content.yaml_tree import line_of, parse_yaml

CATALOGUES = Path(__file__).resolve().parent / "catalogues"
DEFAULT_LANGUAGE = "en"
PSEUDO = "pseudo"
"""The pseudo-language: English, every string wrapped, to find words that bypass the catalogue."""

FORMATS: dict[str, frozenset[str]] = {name: frozenset(keys.split()) for name, keys in {
    "node_evidence": "level", "node_evidence_cited": "level cited", "reference_one": "numbers",
    "reference_many": "numbers", "source_one": "sources", "source_many": "sources", "badge_sentence": "badge",
    "list_last": "items last", "edge_sentence": "source link target", "cause_sentence": "source link",
    "effect_sentence": "link target", "go_to": "label", "link_key_item": "drawn link",
    "link_key_gloss": "link plain", "step_heading": "number total title", "step_count": "number total",
    "outline_step_heading": "number title",
    "band_title": "number title", "show_detail_one": "count", "show_detail_many": "count", "link_notice": "names",
    "see_step": "number total title", "page_footer": "title page pages", "diagram_alt": "title",
    "evidence_says": "meaning", "diary_day": "number", "fact_count": "count per",
    "step_certainty": "levels", "from_step": "numbers", "from_steps": "numbers", "to_step": "numbers",
    "to_steps": "numbers", "step_run": "first last",
}.items()}
"""The entries that are format strings, each with the placeholders it must use (no more, no fewer)."""
MAPS: dict[str, tuple[str, ...]] = {
    "audience_heading": ("patient", "practitioner"), "audience_names": ("patient", "practitioner"),
    "evidence_badge": EVIDENCE_LEVELS, "evidence_name": EVIDENCE_LEVELS, "evidence_plain": EVIDENCE_LEVELS,
    "evidence_meaning": EVIDENCE_LEVELS,
    "edge_words": EDGE_KINDS, "plain_edge_words": EDGE_KINDS, "link_drawn": EDGE_KINDS, "body_figures": FIGURES,
    "reference_links": ("doi", "pubmed", "article"), "handout_download": ("patient", "practitioner"),
}
"""The entries that map ids to words, each with the ids it must name (the schema's, in its order)."""
UNWRAPPED = frozenset({"language_code"})
"""Entries the pseudo-language keeps as they are (not words a reader reads)."""


@dataclass(frozen=True)
class Words:
    """One language's words. Plain entries are read as attributes; format strings through the methods below."""

    language_code: str
    disclaimer: str
    core_path_note: str
    audience_heading: Mapping[str, str]
    audience_names: Mapping[str, str]
    audience_prompt: str
    evidence_badge: Mapping[str, str]
    evidence_name: Mapping[str, str]
    evidence_meaning: Mapping[str, str]
    evidence_plain: Mapping[str, str]
    evidence_lead: str
    list_separator: str
    source_separator: str
    edge_words: Mapping[str, str]
    plain_edge_words: Mapping[str, str]
    link_lead: str
    link_drawn: Mapping[str, str]
    how_to_read_lead: str
    how_to_read: str
    where_lead: str
    whole_picture: str
    step_list_label: str
    previous: str
    next: str
    not_yet_known: str
    tap_for_details: str
    explore_heading: str
    explore_hint: str
    picker_label: str
    picker_placeholder: str
    also_called: str
    causes_heading: str
    effects_heading: str
    words_used: str
    references: str
    reference_links: Mapping[str, str]
    what_it_found: str
    no_references: str
    more_detail: str
    hide_detail: str
    link_notice_plain: str
    unavailable_title: str
    unavailable: str
    author_notice: str
    diary_date: str
    diary_notes: str
    diary_better: str
    diary_same: str
    diary_worse: str
    diary_watch: str
    diary_kept: str
    diary_print: str
    diary_clear: str
    diary_clear_confirm: str
    key_points_heading: str
    key_points_again: str
    fact_none: str
    fact_details: str
    guide_heading: str
    guide_pointer: str
    today_heading: str
    today_aftercare: str
    today_cautions: str
    today_pointer: str
    body_map_help: str
    body_figures: Mapping[str, str]
    emergency_fallback: str
    check_heading: str
    check_after_story: str
    about: str
    about_label: str
    check_intro: str
    check_right: str
    check_wrong: str
    take_this_home: str
    scan_to_open: str
    copy_link: str
    local_link: str
    local_network_link: str
    patient_page_offer: str
    see_it_online_lead: str
    see_it_online: str
    sources_online: str
    address_lead: str
    note_lead: str
    reading_heading: str
    printed_diagram: str
    printed_where: str
    link_key_lead: str
    evidence_heading: str
    steps_heading: str
    step_by_step: str
    clinic_heading: str
    clinic_phone: str
    clinic_web: str
    text_version: str
    consult_mode: str
    for_clinicians: str
    handout_download: Mapping[str, str]
    offline_download: str
    take_it_home: str
    making_file: str
    body_map_alt: str
    today_map_alt: str
    formats: Mapping[str, str]
    """The format strings (`FORMATS`), filled by the methods below."""

    def _fill(self, name: str, **values: object) -> str:
        return self.formats[name].format(**values)

    def step_heading(self, number: int, total: int, title: str) -> str:
        """'Step 3 of 8: title', the heading of the step being shown."""
        return self._fill("step_heading", number=number, total=total, title=title)

    def step_count(self, number: int, total: int) -> str:
        """'Step 3 of 8', where a step's whole heading does not fit (the patient page's closed list on a phone)."""
        return self._fill("step_count", number=number, total=total)

    def outline_step_heading(self, number: int, title: str) -> str:
        """'Step 3. title', a step's heading in a list of all the steps (outline, handout)."""
        return self._fill("outline_step_heading", number=number, title=title)

    def band_title(self, number: int, title: str) -> str:
        """A step's band in the diagram: '3. title'."""
        return self._fill("band_title", number=number, title=title)

    def step_numbers(self, numbers: Iterable[int]) -> str:
        """'4 and 8', '1, 6 and 7', '2 to 8': three or more steps in a row are said as a run."""
        runs: list[list[int]] = []
        for number in sorted(set(numbers)):
            if runs and number == runs[-1][-1] + 1:
                runs[-1].append(number)
            else:
                runs.append([number])
        items = [self._fill("step_run", first=run[0], last=run[-1]) if len(run) >= 3 else str(n)
                 for run in runs for n in ([run[0]] if len(run) >= 3 else run)]
        return self.joined(items)

    def came_from(self, numbers: list[int]) -> str:
        """'from step 1', 'from steps 1, 6 and 7': under a part, the other steps whose links lead to it."""
        return self._fill("from_steps" if len(numbers) > 1 else "from_step", numbers=self.step_numbers(numbers))

    def goes_to(self, numbers: list[int]) -> str:
        """'to steps 2 to 8': under a part, the other steps its links lead to."""
        return self._fill("to_steps" if len(numbers) > 1 else "to_step", numbers=self.step_numbers(numbers))

    def diary_day(self, number: int) -> str:
        """'Day 3': a row of the diary grid."""
        return self._fill("diary_day", number=number)

    def fact_count(self, count: int, per: int) -> str:
        """'77 in 1,000': a count of the fact box, out of its denominator."""
        return self._fill("fact_count", count=f"{count:,}", per=f"{per:,}")

    def step_certainty(self, levels: str) -> str:
        """'How sure are we? seen in people; an idea that has not been tested yet.': a step in the short handout."""
        return self._fill("step_certainty", levels=levels)

    def see_step(self, number: int, total: int, title: str) -> str:
        """Under a check question's answer: the step that explains it."""
        return self._fill("see_step", number=number, total=total, title=title)

    def go_to(self, label: str) -> str:
        """A button that moves to a part of the diagram."""
        return self._fill("go_to", label=label)

    def show_detail(self, count: int) -> str:
        """The button that opens a step's more detail, saying how many parts it adds."""
        return self._fill("show_detail_one" if count == 1 else "show_detail_many", count=count)

    def link_notice(self, names: str) -> str:
        """The notice of a broken link, naming only the parameters ignored."""
        return self._fill("link_notice", names=names)

    def diagram_alt(self, title: str) -> str:
        """The app's diagram described for a screen reader."""
        return self._fill("diagram_alt", title=title)

    def evidence_says(self, level: str) -> str:
        """'Evidence: Tested in people in a controlled trial.' under a part's badge in the app."""
        return self._fill("evidence_says", meaning=self.evidence_meaning[level])

    def page_footer(self, title: str, page: object, pages: object) -> str:
        """The PDF's running foot: title and page number."""
        return self._fill("page_footer", title=title, page=page, pages=pages)

    def edge_sentence(self, source: str, link: str, target: str) -> str:
        return self._fill("edge_sentence", source=source, link=link, target=target)

    def cause_sentence(self, source: str, link: str) -> str:
        return self._fill("cause_sentence", source=source, link=link)

    def effect_sentence(self, link: str, target: str) -> str:
        return self._fill("effect_sentence", link=link, target=target)

    def link_key_item(self, drawn: str, link: str, plain: str | None = None) -> str:
        """One kind in the printed key: 'dash-dot with a square = inhibits (blocks)'."""
        if plain:
            link = self._fill("link_key_gloss", link=link, plain=plain)
        return self._fill("link_key_item", drawn=drawn, link=link)

    def node_evidence(self, level: str, cited: str = "") -> str:
        """'Evidence: human trial; references 3, 4' after a part's text in the PDF (`level` an evidence id)."""
        name = self.evidence_name[level]
        return self._fill("node_evidence_cited", level=name, cited=cited) if cited else self._fill(
            "node_evidence", level=name)

    def reference_numbers(self, numbers: Iterable[int], several: bool) -> str:
        """'references 3, 4' or 'reference 3'."""
        joined_numbers = self.list_separator.join(str(n) for n in numbers)
        return self._fill("reference_many" if several else "reference_one", numbers=joined_numbers)

    def sources(self, names: Iterable[str]) -> str:
        """'Sources: Hong 1994; Boyce 2020.' (or 'Source: ...' for one)."""
        names = list(names)
        return self._fill("source_many" if len(names) > 1 else "source_one",
                          sources=self.source_separator.join(names))

    def badge_sentence(self, level: str) -> str:
        """An evidence level's badge as the opening of a fact's source note: 'Human trial.'."""
        return self._fill("badge_sentence", badge=self.evidence_badge[level])

    def joined(self, items: list[str]) -> str:
        """'a', 'a and b', 'a, b and c'."""
        if len(items) == 1:
            return items[0]
        return self._fill("list_last", items=self.list_separator.join(items[:-1]), last=items[-1])


PLAIN = tuple(f.name for f in fields(Words) if f.name != "formats")
KEYS = frozenset(PLAIN) | frozenset(FORMATS)
"""Every key a catalogue file holds."""


def languages() -> tuple[str, ...]:
    """The languages a view may ask for: each catalogue file, and the pseudo-language."""
    return (*sorted(p.stem for p in CATALOGUES.glob("*.yaml")), PSEUDO)


def _placeholders(text: str) -> set[str]:
    return {name for _, name, _, _ in Formatter().parse(text) if name is not None}


def _problems(data: object, tree: object, name: str) -> list[Problem]:
    """What is wrong with a catalogue's keys and values, each with its line."""
    if not isinstance(data, dict):
        return [Problem(name, "catalogue", "expected a mapping of keys to words")]
    problems = [Problem(name, str(k), "unknown key", line_of(tree, (k,))) for k in data if k not in KEYS]
    problems += [Problem(name, k, "missing key", None) for k in sorted(KEYS - set(data))]
    for key in KEYS & set(data):
        value, line = data[key], line_of(tree, (key,))
        if key in MAPS:
            if not isinstance(value, dict) or not all(isinstance(v, str) for v in value.values()):
                problems.append(Problem(name, key, "expected a mapping of ids to words", line))
            elif set(value) != set(MAPS[key]):
                problems.append(Problem(name, key, f"expected the keys {', '.join(MAPS[key])}", line))
        elif not isinstance(value, str) or not value.strip():
            problems.append(Problem(name, key, "expected words (a non-empty string)", line))
        elif key in FORMATS and _placeholders(value) != FORMATS[key]:
            wanted = " ".join(f"{{{p}}}" for p in sorted(FORMATS[key]))
            problems.append(Problem(name, key, f"must use exactly the placeholders {wanted}", line))
    return problems


def parse_catalogue(text: str, name: str) -> Words:
    """A catalogue file's words; a DataError naming each missing, unknown or malformed key and its line."""
    data, tree = parse_yaml(text, name)
    problems = _problems(data, tree, name)
    if problems:
        raise DataError(problems)
    return Words(**{k: MappingProxyType(dict(data[k])) if k in MAPS else data[k] for k in PLAIN},
                 formats=MappingProxyType({k: data[k] for k in FORMATS}))


def wrap(text: str) -> str:
    """A string as the pseudo-language shows it."""
    return f"[!! {text} !!]"


def pseudo(english: Words) -> Words:
    """Every string of `english` wrapped as `[!! ... !!]`, its placeholders kept."""
    changed: dict[str, object] = {"language_code": "en-XA"}  # the pseudo-locale tag for English
    for name in PLAIN:
        value = getattr(english, name)
        if name in UNWRAPPED:
            continue
        changed[name] = (MappingProxyType({k: wrap(v) for k, v in value.items()}) if isinstance(value, Mapping)
                         else wrap(value))
    changed["formats"] = MappingProxyType({k: wrap(v) for k, v in english.formats.items()})
    changed["list_separator"], changed["source_separator"] = english.list_separator, english.source_separator
    return replace(english, **changed)


def or_english(given: Words | None) -> Words:
    """The words given, else English: for functions the app still calls without words (until it passes its own)."""
    return given if given is not None else words(DEFAULT_LANGUAGE)


def words(language: str = DEFAULT_LANGUAGE) -> Words:
    """The words of a language (loaded once per process); an unknown language is a ValueError."""
    return _load(language)


@cache
def _load(language: str) -> Words:
    if language == PSEUDO:
        return pseudo(words(DEFAULT_LANGUAGE))
    path = CATALOGUES / f"{language}.yaml"
    if language not in languages() or not path.is_file():
        raise ValueError(f"no word catalogue for language {language!r}; choose one of {', '.join(languages())}")
    return parse_catalogue(path.read_text(encoding="utf-8"), f"mechanisms/present/catalogues/{path.name}")


_WRAPPED = re.compile(r"\[!!(?:(?!\[!!|!!\]).)*!!\]", re.DOTALL)
_WORD = re.compile(r"[^\W\d_]{2,}")


_MARKUP = re.compile(r'</?(?:details|summary|strong|ul|li|p|label|input)(?: (?:class|role|type)="[a-z-]+")*>')
"""The few HTML tags the app writes in Markdown (the key points' disclosure, the checklists, the line under a
download button): markup, not words a reader reads. Only bare tags, a class, a role and an input's type: an
attribute a reader can meet (alt, title) is never removed."""


def english_leaks(text: str, allowed_words: Iterable[str]) -> list[str]:
    """The words of a pseudo-language render that come neither from the catalogue nor from the data.

    Removes every `[!! ... !!]` (innermost first: a filled format string nests others), then lists each
    remaining word of two or more letters that is not among `allowed_words` (case-blind), in order, once.
    """
    allowed = {w.lower() for w in allowed_words}
    text = _MARKUP.sub(" ", text)
    while True:
        stripped = _WRAPPED.sub(" ", text)
        if stripped == text:
            break
        text = stripped
    leaks = [w for w in _WORD.findall(text) if w.lower() not in allowed]
    return list(dict.fromkeys(leaks))


def text_words(texts: Iterable[str]) -> set[str]:
    """The words of some texts, lower case: what `english_leaks` allows when they come from the data."""
    return {w.lower() for t in texts for w in _WORD.findall(t)}


NOT_SHOWN = frozenset({"id", "evidence", "kind", "figure", "shape", "entry", "region", "step", "source", "target",
                       "citations", "terms", "cautions", "language"})
"""Keys of a graph file whose values are ids or codes, never read as words (evidence levels and link kinds are
read in the catalogue's words)."""


def _strings(value: object, skip: frozenset[str] = frozenset()) -> Iterable[str]:
    if isinstance(value, str):
        yield value
    elif isinstance(value, Mapping):
        for key, item in value.items():
            if key not in skip:
                yield from _strings(item, skip)
    elif isinstance(value, (list, tuple)):
        for item in value:
            yield from _strings(item, skip)


def data_words(graph: Graph, references: Mapping[str, Mapping[str, Any]], *texts: str) -> set[str]:
    """Every word a render of `graph` may show that is not the catalogue's: the graph's own texts and labels,
    its references as formatted (with their addresses and findings), and any `texts` (a link, a clinic's lines)."""
    from ..content.citations import cited_ids, format_references, short_citation

    found = list(_strings(graph.model_dump(), NOT_SHOWN))
    for ref in format_references(cited_ids(graph), references):
        found += [ref.text, ref.finding or "", short_citation(ref.id, references)]
        found += [url for url in (ref.doi_url, ref.pubmed_url, ref.url) if url]
    return text_words([*found, *texts])
