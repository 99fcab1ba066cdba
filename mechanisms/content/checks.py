"""Checks a schema cannot express: ids that must match, reachability, step order, reading grade.

Each check returns problems located by a path into the YAML document (e.g. `("nodes", 3,
"citations", 0)`), which the loader turns into a line number. The integrity checks run on every
load; the reading check runs in `python -m mechanisms check` (it needs a 0.5 s dictionary load).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Iterator

import networkx as nx

from .model import REGION_FIGURE, FactBox, Graph
from .placeholders import EMERGENCY, FALLBACK, FILLED_IN, URGENT, fill, placeholders
from .yaml_tree import Loc

Finding = tuple[Loc, str, str]
"""(path in the document, where in words, what is wrong)."""


def check_graph(graph: Graph, reference_ids: Iterable[str]) -> list[Finding]:
    """Every integrity problem of a schema-valid graph; empty when it is sound."""
    refs = set(reference_ids)
    findings: list[Finding] = []
    for check in (_unique_ids, _known_ids, _regions, _citations, _steps_used, _reachable, _step_order, _core_path,
                  _key_points, _guide, _fact_box, _treatment, _teach_back, _placeholders):
        findings.extend(check(graph, refs))
    return findings


def _unique_ids(graph: Graph, _refs: set[str]) -> Iterator[Finding]:
    for section, items in (
        ("regions", graph.regions),
        ("steps", graph.steps),
        ("nodes", graph.nodes),
        ("glossary", graph.glossary),
        ("edges", graph.edges),
    ):
        seen: Counter[str] = Counter()
        for i, item in enumerate(items):
            seen[item.id] += 1
            if seen[item.id] == 2:
                what = section.rstrip("s") if section != "glossary" else "term"
                yield (section, i), f"{what} {item.id}", f"duplicate id (already used earlier in {section})"


def _known_ids(graph: Graph, _refs: set[str]) -> Iterator[Finding]:
    nodes = {n.id for n in graph.nodes}
    regions = {r.id for r in graph.regions}
    steps = {s.id for s in graph.steps}
    terms = {t.id for t in graph.glossary}
    if graph.entry not in nodes:
        yield ("entry",), "entry", f"unknown node '{graph.entry}'"
    for i, node in enumerate(graph.nodes):
        where = f"node {node.id}"
        if node.region not in regions:
            known = ", ".join(sorted(regions))
            yield ("nodes", i, "region"), where, f"unknown region '{node.region}' (regions: {known})"
        if node.step not in steps:
            yield ("nodes", i, "step"), where, f"unknown step '{node.step}'"
        for j, term in enumerate(node.terms):
            if term not in terms:
                yield ("nodes", i, "terms", j), where, f"unknown glossary term '{term}'"
    for i, edge in enumerate(graph.edges):
        for end in ("source", "target"):
            ref = getattr(edge, end)
            if ref not in nodes:
                yield ("edges", i, end), f"edge {edge.id}", f"{end} is not a node: '{ref}'"


def _regions(graph: Graph, _refs: set[str]) -> Iterator[Finding]:
    """A region's shapes are lit on the small picture of the back: a shape on another figure would never show."""
    for i, region in enumerate(graph.regions):
        for j, shape in enumerate(region.body):
            if shape.figure != REGION_FIGURE:
                yield ("regions", i, "body", j, "figure"), f"region {region.id}", (
                    f"shape on the '{shape.figure}' figure: the picture beside a step shows the '{REGION_FIGURE}'")


PROPOSED = "proposed mechanism"
"""The one evidence level a claim may carry without a citation."""


def _unknown_references(loc: tuple, where: str, citations: list[str], refs: set[str]) -> Iterator[Finding]:
    for j, ref in enumerate(citations):
        if ref not in refs:
            yield (*loc, "citations", j), where, f"unknown reference '{ref}' (not in references.csl.json)"


def _uncited(loc: tuple, where: str, citations: list[str], evidence: str | None) -> Iterator[Finding]:
    """A claim needs a citation unless its evidence is 'proposed mechanism' (nodes, edges, facts, cautions)."""
    if not citations and evidence != PROPOSED:
        yield (*loc, "evidence"), where, (
            f"evidence '{evidence}' needs a citation; cite a reference or use '{PROPOSED}'"
        )


def _citations(graph: Graph, refs: set[str]) -> Iterator[Finding]:
    for section, items in (("nodes", graph.nodes), ("edges", graph.edges)):
        for i, item in enumerate(items):
            where = f"{section.rstrip('s')} {item.id}"
            yield from _unknown_references((section, i), where, item.citations, refs)
            yield from _uncited((section, i), where, item.citations, item.evidence)


def _steps_used(graph: Graph, _refs: set[str]) -> Iterator[Finding]:
    used = {n.step for n in graph.nodes}
    for i, step in enumerate(graph.steps):
        if step.id not in used:
            yield ("steps", i), f"step {step.id}", "no node belongs to this step"


def _reachable(graph: Graph, _refs: set[str]) -> Iterator[Finding]:
    nodes = {n.id for n in graph.nodes}
    if graph.entry not in nodes:
        return
    reached = nx.descendants(graph.digraph, graph.entry) | {graph.entry}
    for i, node in enumerate(graph.nodes):
        if node.id not in reached:
            yield ("nodes", i), f"node {node.id}", f"not reachable from the entry node '{graph.entry}'"


def _step_order(graph: Graph, _refs: set[str]) -> Iterator[Finding]:
    order = {s.id: i for i, s in enumerate(graph.steps)}
    step_of = {n.id: order.get(n.step) for n in graph.nodes}
    for i, edge in enumerate(graph.edges):
        a, b = step_of.get(edge.source), step_of.get(edge.target)
        if a is not None and b is not None and b < a and not edge.feedback:
            yield ("edges", i), f"edge {edge.id}", (
                "goes back from a later step to an earlier one; mark it 'feedback: true' if that is intended"
            )


def _core_path(graph: Graph, _refs: set[str]) -> Iterator[Finding]:
    """Patients follow the core path first: it must reach every step and every core node by itself."""
    if not graph.has_detail or graph.entry not in {n.id for n in graph.nodes}:
        return
    core = graph.core
    index = {n.id: i for i, n in enumerate(graph.nodes)}
    if graph.node(graph.entry).detail:
        yield ("entry",), "entry", "the entry node cannot be 'detail: true': the core path starts there"
        return
    for i, step in enumerate(graph.steps):
        if not core.nodes_in_step(step.id) and graph.nodes_in_step(step.id):
            yield ("steps", i), f"step {step.id}", (
                "every node of this step is 'detail: true'; keep one on the core path"
            )
    reached = nx.descendants(core.digraph, graph.entry) | {graph.entry}
    for node in core.nodes:
        if node.id not in reached:
            yield ("nodes", index[node.id]), f"node {node.id}", (
                "on the core path but reached only through 'detail: true' nodes; "
                "link it from a core node or mark it detail"
            )


def _key_points(graph: Graph, refs: set[str]) -> Iterator[Finding]:
    """A key point with an evidence level is a claim, so it is cited; an urgent one or an action claims nothing."""
    for i, point in enumerate(graph.key_points):
        loc, where = ("key_points", i), f"key point {i + 1}"
        yield from _unknown_references(loc, where, point.citations, refs)
        if point.evidence is not None:
            yield from _uncited(loc, where, point.citations, point.evidence)


def _guide(graph: Graph, refs: set[str]) -> Iterator[Finding]:
    """A fact in the guide is a claim: cited, or marked proposed; an action or a question claims nothing."""
    seen: Counter[str] = Counter()
    for p, part in enumerate(graph.guide):
        seen[part.id] += 1
        if seen[part.id] == 2:
            yield ("guide", p), f"guide part {part.id}", "duplicate id"
        for s, section in enumerate(part.sections):
            for i, item in enumerate(section.items):
                loc = ("guide", p, "sections", s, "items", i)
                where = f"guide {part.id} / {section.id} item {i + 1}"
                yield from _unknown_references(loc, where, item.citations, refs)
                if section.kind == "facts" and item.evidence is None:
                    yield loc, where, "a fact needs 'evidence' (and a citation, or 'proposed mechanism')"
                elif section.kind == "facts":
                    yield from _uncited(loc, where, item.citations, item.evidence)
                elif section.kind != "facts" and item.evidence is not None:
                    yield (*loc, "evidence"), where, (
                        f"{section.kind} make no claim; move the claim to a 'facts' section"
                    )


def _fact_box(graph: Graph, refs: set[str]) -> Iterator[Finding]:
    """Each study and each benefit is a claim, so it is cited; no count is more than the box's denominator, and no
    kind of small side effect more common than all of them together."""
    box = graph.fact_box
    if box is None:
        return
    for s, study in enumerate(box.studies):
        loc, where = ("fact_box", "studies", s), f"fact box study {s + 1} ({study.name})"
        yield from _unknown_references(loc, where, study.citations, refs)
        yield from _uncited(loc, where, study.citations, study.evidence)
        if study.minor.count + study.serious.count > box.per:
            yield loc, where, f"small and serious counts add up to more than {box.per}"
        for d, detail in enumerate(study.details):
            if detail.count > study.minor.count:
                yield (*loc, "details", d, "count"), where, (
                    f"'{detail.label}' ({detail.count}) is more than all small side effects ({study.minor.count})")
    for i, item in enumerate(box.benefit):
        loc, where = ("fact_box", "benefit", i), f"fact box benefit {i + 1}"
        yield from _unknown_references(loc, where, item.citations, refs)
        if item.evidence is None:
            yield loc, where, "a benefit is a claim: it needs 'evidence' (and a citation, or 'proposed mechanism')"
        else:
            yield from _uncited(loc, where, item.citations, item.evidence)


def _treatment(graph: Graph, refs: set[str]) -> Iterator[Finding]:
    """Body-map areas have unique ids and name known cautions; a caution is a claim, so it is cited."""
    if graph.treatment is None:
        return
    seen: Counter[str] = Counter()
    cautions = {c.id for c in graph.treatment.cautions}
    for a, area in enumerate(graph.treatment.areas):
        seen[area.id] += 1
        if seen[area.id] == 2:
            yield ("treatment", "areas", a, "id"), f"body area {area.id}", "duplicate id"
        for c, caution in enumerate(area.cautions):
            if caution not in cautions:
                yield ("treatment", "areas", a, "cautions", c), f"body area {area.id}", (
                    f"unknown caution '{caution}' (known: {', '.join(sorted(cautions)) or 'none'})")
    for c, caution in enumerate(graph.treatment.cautions):
        where = f"caution {caution.id}"
        yield from _unknown_references(("treatment", "cautions", c), where, caution.citations, refs)
        yield from _uncited(("treatment", "cautions", c), where, caution.citations, caution.evidence)


def _teach_back(graph: Graph, _refs: set[str]) -> Iterator[Finding]:
    """Each question has one right answer and points at a step that exists; ids are unique."""
    steps = {s.id for s in graph.steps}
    seen: Counter[str] = Counter()
    for q, question in enumerate(graph.teach_back):
        where = f"question {question.id}"
        seen[question.id] += 1
        if seen[question.id] == 2:
            yield ("teach_back", q, "id"), where, "duplicate id"
        if question.step not in steps:
            yield ("teach_back", q, "step"), where, f"unknown step '{question.step}'"
        right = sum(c.correct for c in question.choices)
        if right != 1:
            yield ("teach_back", q, "choices"), where, f"needs exactly one choice with 'correct: true' (has {right})"


def _placeholders(graph: Graph, _refs: set[str]) -> Iterator[Finding]:
    """Where texts are filled in, a placeholder is a known one; elsewhere braces are text, so `{emergency}` there is a
    mistake; and a text that sends a reader to urgent help names the number to call."""
    mark = "{" + EMERGENCY + "}"
    for loc, where, text in patient_prose(graph):
        filled_here = loc[0] in FILLED_IN
        known = {*FALLBACK, "areas"} if loc[:2] in (("treatment", "needled"), ("treatment", "needled_more")) \
            else set(FALLBACK)
        unknown = [name for name in placeholders(text) if name not in known] if filled_here else []
        for name in unknown:  # a misspelt {emergency} is said once, as itself
            yield loc, where, f"unknown placeholder {{{name}}}; the only one is {mark}, the number to call"
        if not filled_here and mark in text:
            yield loc, where, (f"{mark} is filled in only in the key points, the guide, the body map's cautions "
                               "and the check questions; tell urgent help there")
        elif not unknown and URGENT.search(text) and mark not in text:
            yield loc, where, (f"sends the reader to urgent help without the number to call: add 'call {mark}'"
                               if filled_here else
                               f"tell urgent help in a key point, the guide, a caution or a check question, "
                               f"where {mark} gives the number to call")


def patient_prose(graph: Graph) -> Iterator[tuple[Loc, str, str]]:
    """(path, where, text) of every paragraph a patient reads, as written; headings and labels are names, not prose."""
    yield ("summary",), "summary", graph.summary
    for i, point in enumerate(graph.key_points):
        yield ("key_points", i, "text"), f"key point {i + 1}", point.text
    for i, step in enumerate(graph.steps):
        yield ("steps", i, "patient"), f"step {step.id} (patient)", step.patient
        yield ("steps", i, "unknowns"), f"step {step.id} (unknowns)", step.unknowns
    for i, node in enumerate(graph.nodes):
        yield ("nodes", i, "patient"), f"node {node.id} (patient)", node.patient
    for i, edge in enumerate(graph.edges):
        if edge.patient:
            yield ("edges", i, "patient"), f"edge {edge.id} (patient)", edge.patient
    for i, term in enumerate(graph.glossary):
        yield ("glossary", i, "definition"), f"term {term.id} (definition)", term.definition
        if term.plain:
            yield ("glossary", i, "plain"), f"term {term.id} (plain)", term.plain
    for p, part in enumerate(graph.guide):
        yield ("guide", p, "title"), f"guide {part.id} (title)", part.title
        if part.intro:
            yield ("guide", p, "intro"), f"guide {part.id} (intro)", part.intro
        for s, section in enumerate(part.sections):
            yield ("guide", p, "sections", s, "title"), f"guide {part.id} / {section.id} (title)", section.title
            for i, item in enumerate(section.items):
                where = f"guide {part.id} / {section.id} item {i + 1}"
                yield ("guide", p, "sections", s, "items", i, "text"), where, item.text
    if graph.diary is not None:
        for field in ("intro", "rate", "low", "high", "usual"):
            yield ("diary", field), f"diary ({field})", getattr(graph.diary, field)
    if graph.fact_box is not None:
        yield from _fact_box_prose(graph.fact_box)
    for q, question in enumerate(graph.teach_back):
        yield ("teach_back", q, "question"), f"question {question.id}", question.question
        for c, choice in enumerate(question.choices):
            yield ("teach_back", q, "choices", c, "text"), f"question {question.id} choice {c + 1}", choice.text
            yield ("teach_back", q, "choices", c, "why"), f"question {question.id} choice {c + 1} (why)", choice.why
    if graph.treatment is not None:
        for c, caution in enumerate(graph.treatment.cautions):
            yield ("treatment", "cautions", c, "text"), f"caution {caution.id}", caution.text
        yield ("treatment", "needled"), "treatment (needled)", graph.treatment.needled
        yield ("treatment", "needled_more"), "treatment (needled_more)", graph.treatment.needled_more
        for o, option in enumerate(graph.treatment.options):
            yield ("treatment", "options", o, "sentence"), f"treatment option {option.id}", option.sentence


def _fact_box_prose(box: FactBox) -> Iterator[tuple[Loc, str, str]]:
    """The fact box's sentences and its lines' notes (the counts' labels are names, like headings)."""
    yield ("fact_box", "intro"), "fact box (intro)", box.intro
    for s, study in enumerate(box.studies):
        for field in ("minor", "serious"):
            note = getattr(study, field).note
            if note:
                yield ("fact_box", "studies", s, field, "note"), f"fact box study {s + 1} ({field} note)", note
        for d, detail in enumerate(study.details):
            if detail.note:
                yield ("fact_box", "studies", s, "details", d, "note"), f"fact box study {s + 1} detail {d + 1}", \
                    detail.note
    for i, item in enumerate(box.benefit):
        yield ("fact_box", "benefit", i, "text"), f"fact box benefit {i + 1}", item.text


def readable_prose(graph: Graph) -> Iterator[tuple[Loc, str, str]]:
    """Every paragraph a patient reads, as read: each placeholder at its longest reading (the fallback; today's
    areas as the longest area's name)."""
    areas = {"areas": max((a.label for a in graph.treatment.areas), key=len)} if graph.treatment else {}
    for loc, where, text in patient_prose(graph):
        yield loc, where, fill(text, areas)


def check_reading(graph: Graph) -> list[Finding]:
    """Every patient sentence above the grade limit, with its grade and its opening words."""
    # Imported here: textstat and its dictionaries add ~30 MB to a process, and the app never grades.
    from .readability import GRADERS, grader, hard_sentences, term_pattern

    if graph.language not in GRADERS:
        return [(("language",), "language", f"no reading-grade measure for '{graph.language}' "
                 f"(known: {', '.join(sorted(GRADERS))}); add one to readability.GRADERS")]
    limit = grader(graph.language).limit
    terms = term_pattern(t.term for t in graph.glossary)
    findings: list[Finding] = []
    for loc, where, text in readable_prose(graph):
        for score, sentence in hard_sentences(text, terms, graph.language):
            opening = sentence if len(sentence) <= 60 else sentence[:57] + "..."
            findings.append((loc, where, f"reading grade {score:.1f} (at most {limit:g}): \"{opening}\""))
    return findings
