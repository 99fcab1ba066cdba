"""The offline page's data: every label, look and link it shows comes from the shared rules."""

from __future__ import annotations

import json
import re
from urllib.parse import parse_qsl

import pytest

from bench.catalogs import shared_catalog
from mechanisms.diagram import framed, style
from mechanisms.diagram.figure import node_marker
from mechanisms.outputs.images import step_picture
from mechanisms.outputs.standalone import build_html, page_data, page_views
from mechanisms.outputs.template import TEMPLATES
from mechanisms.present.audience import AUDIENCES, PATIENT, PRACTITIONER, node_label, shown_graph, story_nodes
from mechanisms.present.catalogue import words
from mechanisms.present.guide import MARKS, guide_chapters
from mechanisms.present.highlight import highlight_of, step_highlight
from mechanisms.present.links import view_query
from mechanisms.present.view import parse_view

from .conftest import FIXTURES, ROOT

EN = words("en")
CATALOG = shared_catalog(ROOT / "data")
GRAPH = CATALOG.graphs["dry-needling"]
SHOWN = shown_graph(GRAPH, PATIENT)
"""What the offline page draws: the core path a patient follows."""
SHOWN_GRAPHS = {SHOWN.id: SHOWN}


@pytest.fixture(scope="module")
def data() -> dict:
    return page_data(SHOWN, CATALOG.references)


def own(step: int):
    """The graph a step's own figure draws (1-based step)."""
    return framed.own_graph(SHOWN, SHOWN.steps[step - 1].id)


def test_a_step_is_dimmed_exactly_as_in_the_app(data):
    step1 = next(v for v in data["views"] if v["q"] == "graph=dry-needling&step=1")
    look = data["looks"][step1["look"]]
    marker = node_marker(own(1), step_highlight(SHOWN, 1))
    assert look["opacity"] == marker["opacity"] and look["size"] == marker["size"]
    pain = next(v for v in data["views"] if v["node"] == "pain" and v["audience"] == PATIENT)
    assert style.DIM_OPACITY in data["looks"][pain["look"]]["opacity"], "the page used 0.3 of its own before"


def test_each_step_is_its_own_figure_as_the_app_draws_it_for_each_audience(data):
    for audience in AUDIENCES:
        assert len(data["figures"][audience]) == len(SHOWN.steps)
        for index, figure in enumerate(data["figures"][audience]):
            expected = step_picture(SHOWN, index + 1, audience, per_link=True)
            assert figure == json.loads(expected.to_json()), (audience, index + 1)
            chart = data["charts"][audience][index]
            names = [figure["data"][i]["name"] for i in chart["link_traces"]]
            assert names == [f"link:{e.id}" for e in own(index + 1).edges]
            assert figure["data"][chart["node_trace"]]["customdata"] == [n.id for n in own(index + 1).nodes]
    view = next(v for v in data["views"] if v["q"] == "graph=dry-needling&step=3")
    opacity = data["looks"][view["look"]]["links"]["opacity"]
    assert opacity and min(opacity) > 0.5, "a step's own links are all drawn strongly"


def test_each_view_has_its_own_highlight_and_a_link_that_reopens_it(data):
    views = page_views(SHOWN)
    assert len(data["views"]) == len(views)
    for view, entry in zip(views, data["views"], strict=True):
        assert entry["q"] == view_query(view)
        assert parse_view(dict(parse_qsl(entry["q"])), SHOWN_GRAPHS, SHOWN.id) == (view, [])
        expected = node_marker(own(view.step), highlight_of(SHOWN, view))["opacity"]
        assert data["looks"][entry["look"]]["opacity"] == expected


def test_labels_and_texts_follow_the_audience(data):
    pag = data["nodes"]["periaqueductal-gray"]
    node = SHOWN.node("periaqueductal-gray")
    assert {a: pag["label"][a] for a in AUDIENCES} == {a: node_label(node, a) for a in AUDIENCES}
    assert pag["text"][PRACTITIONER] == node.practitioner
    assert data["order"] == [n.id for n in story_nodes(SHOWN)], "the picker lists the story in order"
    step = SHOWN.step_index(node.step)
    where = [n.id for n in own(step + 1).nodes].index(node.id)
    assert data["labels"]["patient"][step]["plain"][where].startswith("Brainstem")
    assert data["labels"][PRACTITIONER][step]["plain"][where].startswith(node.label.split()[0])
    figure = data["figures"][PRACTITIONER][step]
    hover = figure["data"][data["charts"][PRACTITIONER][step]["node_trace"]]["hovertext"]
    assert hover[where] == node.label, "hover words too"
    notes = framed.notes(SHOWN, SHOWN.steps[step].id)
    first = next(n for n in own(step + 1).nodes if notes[n.id])
    assert framed.note_lines(notes[first.id])[0] in data["labels"]["patient"][step]["plain"][
        [n.id for n in own(step + 1).nodes].index(first.id)], "a part's note says where its other links go"


def test_fixed_wording_is_the_shared_wording(data):
    assert data["disclaimer"] == EN.disclaimer
    assert data["words"]["how_to_read"] == EN.how_to_read
    assert data["steps"][0]["heading"] == EN.step_heading(1, len(SHOWN.steps), SHOWN.steps[0].title)


def test_the_script_holds_no_style_numbers_of_its_own():
    script = (TEMPLATES / "standalone.js").read_text(encoding="utf-8")
    assert not re.search(r"(?<![\w.])(0\.\d+|28|38)(?![\w.])", script), "sizes and opacities come as data"
    assert "->" not in script, "edge ids are looked up, never taken apart"
    assert '"patient"' not in script and '"practitioner"' not in script, "audiences come as data"


def embedded_data(html: str) -> dict:
    """The JSON block the page's script reads."""
    return json.loads(html.split('id="graph-data">')[1].split("</script>")[0])


def test_page_is_filled_completely():
    catalog = shared_catalog(FIXTURES)
    html = build_html(catalog.graphs["mini"], catalog.references)
    assert not re.search(r"__(TITLE|STYLE|PLOT|DATA|TOUCH|TEACHBACK|SCRIPT)__", html)
    embedded = embedded_data(html)
    assert embedded["title"] == "A tiny test graph"
    assert "__diagramTouchInstalled" in html, "the diagram's touch helper, shared with the app"
    assert embedded["core_note"] == "" and embedded["guide"]["chapters"] == [], "no detail layer, no guide"


@pytest.fixture(scope="module")
def real_page() -> dict:
    return embedded_data(build_html(GRAPH, CATALOG.references))


def test_the_page_is_the_core_path_a_patient_takes_home_and_says_so(real_page):
    core = shown_graph(GRAPH, PATIENT)
    assert sorted(real_page["nodes"]) == sorted(n.id for n in core.nodes)
    assert sorted(real_page["edges"]) == sorted(e.id for e in core.edges)
    assert real_page["core_note"] == (EN.core_path_note if core is not GRAPH else "")


def test_the_page_holds_the_guide_in_the_words_and_marks_every_output_uses(real_page):
    chapters = guide_chapters(GRAPH, CATALOG.references)
    assert chapters, "the data has a practical guide"
    guide = real_page["guide"]
    assert guide["heading"] == EN.guide_heading
    assert [c["title"] for c in guide["chapters"]] == [c.title for c in chapters]
    for chapter, page_chapter in zip(chapters, guide["chapters"], strict=True):
        assert [b["title"] for b in page_chapter["blocks"]] == [b.title for b in chapter.blocks]
        for block, page_block in zip(chapter.blocks, page_chapter["blocks"], strict=True):
            for line, page_line in zip(block.lines, page_block["lines"], strict=True):
                assert page_line["text"] == line.text
                assert page_line["mark"] == MARKS.get(line.kind, "")
                assert page_line["note"] == (line.source_note if line.kind == "facts" else "")
    cited = {r for part in GRAPH.guide for s in part.sections for i in s.items for r in i.citations}
    assert cited <= set(real_page["references"]), "the guide's sources travel with the page"


def test_the_page_holds_the_fact_box_the_app_and_the_handout_read(real_page):
    """The same counts, words and colours as every output (present.factbox, diagram.style), and its script inlined."""
    from mechanisms.outputs.factbox import fact_box_html
    from mechanisms.present.factbox import ICON_COLUMNS, fact_box

    box = fact_box(GRAPH, CATALOG.references, EN)
    page = real_page["fact_box"]
    assert page["title"] == box.title and page["per"] == box.per and page["columns"] == ICON_COLUMNS
    assert page["fills"] == style.ICON_FILLS and len(set(page["fills"].values())) == 3
    for study, page_study in zip(box.studies, page["studies"], strict=True):
        assert (page_study["minor"]["count"], page_study["serious"]["count"]) == (study.minor.count,
                                                                                   study.serious.count)
        assert page_study["alt"] == study.alt and page_study["source_note"] == study.source_note
    html = build_html(GRAPH, CATALOG.references)
    assert "window.renderFactBox = function" in html and 'id="fact-box"' in html
    app = fact_box_html(GRAPH, CATALOG.references, EN)
    assert "window.renderFactBox = function" in app and json.dumps(box.title)[1:-1] in app
    assert fact_box_html(shared_catalog(FIXTURES).graphs["mini"], CATALOG.references) == ""


def test_the_page_holds_the_diary_with_its_urgent_signs_and_the_app_the_same(real_page):
    from mechanisms.content.clinic import Clinic
    from mechanisms.outputs.diary import diary_data, diary_html

    diary = real_page["diary"]
    assert diary["title"] == GRAPH.diary.title and diary["days"] == GRAPH.diary.days == len(diary["day_names"])
    assert diary["usual_choices"] == [EN.diary_better, EN.diary_same, EN.diary_worse]
    assert diary["watch"] and all("local emergency number" in line for line in diary["watch"])
    assert "call 999" in diary_data(GRAPH, Clinic("Riverside", emergency="999"), EN)["watch"][0]
    html = build_html(GRAPH, CATALOG.references)
    assert "window.renderDiary = function" in html and 'id="diary"' in html and "localStorage" in html
    assert "fetch(" not in diary_html(GRAPH) and "XMLHttpRequest" not in diary_html(GRAPH), "nothing is sent"
    assert diary_html(shared_catalog(FIXTURES).graphs["mini"]) == ""


def test_the_clinic_shows_in_the_page_footer_with_its_logo_inlined():
    from mechanisms.content.clinic import Clinic
    from mechanisms.present.clinic import clinic_lines, logo_data_uri

    from .test_clinic import png

    clinic = Clinic("Riverside Physiotherapy", "+44 20 7946 0000", "https://riverside-physio.example", png(), "png")
    catalog = shared_catalog(FIXTURES)
    embedded = embedded_data(build_html(catalog.graphs["mini"], catalog.references, clinic))
    assert embedded["clinic"]["lines"] == [vars(line) for line in clinic_lines(clinic)]
    assert embedded["clinic"]["logo"] == logo_data_uri(clinic), "a data: address: the page fetches nothing"
    plain = embedded_data(build_html(catalog.graphs["mini"], catalog.references))
    assert plain["clinic"] == {"lines": [], "logo": None}, "no settings, nothing shown"


def test_a_readers_page_opens_with_todays_treatment_and_a_plain_page_has_none(real_page):
    from mechanisms.present.view import View

    view = View(GRAPH.id, areas=("chest",), options=("estim",))
    page = embedded_data(build_html(GRAPH, CATALOG.references, view=view))
    assert page["treatment"]["marked"] == {"areas": ["chest"], "options": ["estim"]}
    assert real_page["treatment"]["marked"] == {"areas": [], "options": []}
    assert all(c["id"] != "today" for c in real_page["guide"]["chapters"]), "today's treatment opens the page instead"
    # What the page's script needs to say today's treatment for any link: the graph's own sentences, in order.
    treatment = page["treatment"]
    assert treatment["needled"] == GRAPH.treatment.needled and treatment["per_sentence"] == 3
    assert [a[0] for a in treatment["areas"]] == [a.id for a in GRAPH.treatment.areas]
    lung = dict(treatment["cautions"])["lung"]
    assert lung["mark"] and lung["note"].endswith("Sources: Patel 2019; Weagle 2021; Mintken 2025.")


def test_the_page_names_the_clinics_emergency_number_wherever_urgent_help_is_named():
    from mechanisms.content.clinic import Clinic
    from mechanisms.present.view import View

    page = embedded_data(build_html(GRAPH, CATALOG.references, Clinic("Riverside", emergency="999"),
                                    view=View(GRAPH.id, areas=("upper-back",))))
    lines = [line["text"] for c in page["guide"]["chapters"] for b in c["blocks"] for line in b["lines"]]
    lines += [line["text"] for _, line in page["treatment"]["cautions"]]
    answers = [t for q in page["teach_back"]["questions"] for c in q["choices"] for t in (c["text"], c["why"])]
    urgent = [t for t in lines + answers if "urgent help" in t]
    assert len(urgent) >= 6 and all("call 999." in t for t in urgent), urgent
    assert not any("{" in t or "local emergency number" in t for t in lines + answers)


def test_a_template_is_filled_in_one_pass():
    from mechanisms.outputs.template import fill, template

    assert template("teachback.html").count("__DATA__") == 1
    filled = fill("teachback.html", {"STYLE": "__DATA__", "DATA": "[1]", "SCRIPT": "__STYLE__"})
    assert "[1]" in filled and "__DATA__" in filled and "__STYLE__" in filled, "inserted text is not searched again"
