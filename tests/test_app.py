"""The app's state logic with Streamlit's AppTest: steps, audience, links, fallbacks, consult mode."""

from __future__ import annotations

import html
import os
import shutil
import time
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from bench.catalogs import shared_catalog
from mechanisms.present.catalogue import words
from mechanisms.present.markup import md_escape

from .conftest import ROOT

EN = words("en")
GRAPH = shared_catalog(ROOT / "data").graphs["dry-needling"]
APP = str(ROOT / "app.py")


def new_page() -> AppTest:
    """The whole page as a reader has it once the diagram is drawn (the browser's `page_ready` signal)."""
    at = AppTest.from_file(APP, default_timeout=60)
    at.session_state["page_complete"] = True
    return at


def start(**params: str) -> AppTest:
    at = new_page()
    for key, value in params.items():
        at.query_params[key] = value
    at.run()
    assert not at.exception, at.exception
    return at


def text(at: AppTest) -> str:
    return "\n".join(m.value for m in at.markdown) + "\n".join(i.value for i in at.info)


def params(at: AppTest) -> dict[str, str]:
    return {k: v[-1] if isinstance(v, list) else v for k, v in at.query_params.items()}


def test_start_shows_title_summary_disclaimer_and_step_one():
    at = start()
    assert at.title[0].value == GRAPH.title
    assert EN.disclaimer in [m.value for m in at.markdown], "the disclaimer every output shows"
    assert f"Step 1 of {len(GRAPH.steps)}" in text(at)
    assert "does not diagnose" in text(at)
    assert at.button(key="prev").disabled
    assert params(at) == {"graph": "dry-needling", "step": "1"}


def test_next_and_previous():
    at = start()
    at.button(key="next").click().run()
    assert "Step 2 of" in text(at)
    assert params(at)["step"] == "2"
    at.button(key="prev").click().run()
    assert "Step 1 of" in text(at)


def test_last_step_disables_next():
    at = start(step=str(len(GRAPH.steps)))
    assert at.button(key="next").disabled
    assert GRAPH.steps[-1].title in text(at)


def test_link_to_a_node_opens_its_panel_and_step():
    node = GRAPH.node("periaqueductal-gray")
    at = start(node=node.id)
    assert node.plain_label in text(at)
    assert node.patient.split(".")[0] in text(at)
    assert f"Step {GRAPH.step_index(node.step) + 1} of" in text(at)


def test_practitioner_link_shows_precise_text():
    node = GRAPH.node("acetylcholine")
    at = start(node=node.id, audience="practitioner")
    assert node.practitioner.split(",")[0] in text(at)


@pytest.mark.parametrize("bad", [{"step": "999"}, {"node": "<script>alert(1)</script>"}, {"graph": "nope"},
                                 {"audience": "root", "mode": "x"}])
def test_bad_links_fall_back_to_the_start_with_a_quiet_notice(bad):
    at = start(**bad)
    assert "Step 1 of" in text(at)
    notice = at.info[0].value
    assert "not recognised" in notice
    for value in bad.values():
        assert value not in notice


def test_consult_mode_hides_the_title_but_keeps_the_step_and_its_explanations():
    at = start(mode="consult")
    assert len(at.title) == 0
    assert f"Step 1 of {len(GRAPH.steps)}" in text(at)
    assert "Explore this step" in text(at), "a tap at the chair shows its explanation"
    assert not [s for s in at.selectbox if s.key == "picker"], "no picker on the screen turned to the patient"


def test_node_picker_selects_a_node():
    at = start()
    at.selectbox(key="picker").select("dorsal-horn").run()
    assert GRAPH.node("dorsal-horn").plain_label in text(at)
    assert params(at)["node"] == "dorsal-horn"


def test_neighbour_buttons_walk_the_cascade():
    at = start(node="substance-p")
    at.button(key="nb-substance-p-substance-p->peripheral-nociception").click().run()
    assert params(at)["node"] == "peripheral-nociception"


def test_audience_switch_updates_the_link():
    at = start()
    assert not [s for s in at.segmented_control if s.key == "audience_choice"], "behind 'For clinicians'"
    at.toggle(key="clinician_choice").set_value(True).run()
    at.segmented_control(key="audience_choice").set_value("practitioner").run()
    assert params(at).get("audience") == "practitioner"


def _page_with(author: bool = False, **settings: str) -> AppTest:
    """The page a new visitor gets with these settings in the environment (MECHANISMS_AUTHOR set or not)."""
    settings["MECHANISMS_AUTHOR"] = "1" if author else ""
    os.environ.update(settings)
    try:
        at = new_page()
        at.run()
    finally:
        for name in settings:
            os.environ.pop(name)
    assert not at.exception, at.exception
    return at


def _served_page(data: Path, author: bool = False) -> AppTest:
    """The page a new visitor gets from this data folder."""
    return _page_with(author, MECHANISMS_DATA=str(data))


def _everything(at: AppTest) -> str:
    parts = [*(m.value for m in at.markdown), *(e.value for e in at.title), *(i.value for i in at.info),
             *(w.value for w in at.warning), *(e.value for e in at.error)]
    return "\n".join(str(p) for p in parts)


def _old(path: Path) -> None:
    then = time.time() - 30
    os.utime(path, (then, then))


@pytest.fixture
def clinic(tmp_path: Path) -> Path:
    data = tmp_path / "data"
    shutil.copytree(ROOT / "tests" / "fixtures" / "data", data)
    for path in data.iterdir():
        _old(path)
    return data


def test_a_broken_edit_leaves_visitors_the_last_good_version_and_no_internals(clinic):
    assert "A tiny test graph" in _everything(_served_page(clinic))
    mini = clinic / "mini.yaml"
    mini.write_text(mini.read_text(encoding="utf-8")[:300], encoding="utf-8")
    _old(mini)
    visitor = _everything(_served_page(clinic))
    assert "A tiny test graph" in visitor and "Step 1 of 2" in visitor
    for internal in ("mini.yaml", "YAML", str(clinic), "Traceback", EN.author_notice):
        assert internal not in visitor, internal
    author = _served_page(clinic, author=True)
    assert author.warning and EN.author_notice in author.warning[0].value
    assert "mini.yaml:2: graph: nodes" in author.warning[0].value.replace("\\", ""), "the author's located line"


def test_with_no_good_version_at_all_a_short_friendly_page(clinic):
    (clinic / "mini.yaml").write_text("id: mini\nnodes: [\n", encoding="utf-8")
    _old(clinic / "mini.yaml")
    at = _served_page(clinic)
    page = _everything(at)
    assert at.title[0].value == EN.unavailable_title and EN.unavailable in page
    assert "mini.yaml" not in page and "data/" not in page and not at.warning


def _page_with_clinic(settings: Path, author: bool = False) -> AppTest:
    return _page_with(author, MECHANISMS_CLINIC=str(settings))


def test_the_clinic_shows_at_the_foot_and_bad_settings_never_reach_a_visitor(tmp_path):
    from .test_clinic import GOOD, png

    (tmp_path / "logo.png").write_bytes(png())
    settings = tmp_path / "clinic.yaml"
    settings.write_text(GOOD, encoding="utf-8")
    page = _everything(_page_with_clinic(settings)).replace("\\", "")
    assert "**From your clinic:** Riverside Physiotherapy" in page
    assert "[+44 20 7946 0000](tel:+442079460000)" in page
    assert "Step 1 of 8" in page

    settings.write_text(GOOD.replace("https://", ""), encoding="utf-8")
    visitor = _page_with_clinic(settings)
    page = _everything(visitor)
    assert "Step 1 of 8" in page and "Riverside" not in page and "clinic.yaml" not in page and not visitor.warning
    author = _page_with_clinic(settings, author=True)
    assert "clinic.yaml:4: web: must be a web address" in author.warning[0].value.replace("\\", "")


def test_the_clinics_emergency_number_is_in_todays_cautions_and_the_check_questions(tmp_path):
    from .test_clinic import GOOD

    settings = tmp_path / "clinic.yaml"
    settings.write_text(GOOD.replace("logo: logo.png\n", 'emergency: "999"\n'), encoding="utf-8")
    os.environ["MECHANISMS_CLINIC"] = str(settings)
    try:
        at = start(areas="neck-shoulders", step="8")
    finally:
        os.environ.pop("MECHANISMS_CLINIC")
    page = _everything(at).replace("\\", "")
    # The lung and the spine: first in the box at the top, then in the guide's chapter on today.
    assert page.count("Get urgent help now: call 999.") == 4
    assert "local emergency number" not in page
    assert any("Get urgent help now: call 999." in h.proto.body for h in at.get("html")), "the check questions"


def test_first_paint_sends_the_diagram_and_the_step_then_the_whole_page_once_drawn():
    """A new session's first run: the diagram, the step's text and Previous/Next, without the widgets whose
    code the browser would compile before drawing the diagram; the browser's signal brings the rest."""
    at = AppTest.from_file(APP, default_timeout=60)
    at.query_params["step"] = "3"
    at.run()
    assert not at.exception, at.exception
    first = text(at)
    assert at.title[0].value == GRAPH.title and EN.disclaimer in first
    assert "Step 3 of" in first and not at.button(key="next").disabled and not at.button(key="prev").disabled
    assert not at.selectbox and not at.toggle and not at.segmented_control, "controls and lists wait"
    assert [c.key for c in at.get("bidi_component")] == ["page_ready"], "the browser's signal that it drew the diagram"
    assert params(at) == {"graph": "dry-needling", "step": "3"}

    at.session_state["page_complete"] = True  # what panels.page_ready's callback sets
    at.run()
    assert "Step 3 of" in text(at)
    assert {s.key for s in at.selectbox} >= {"picker", "step_choice"}
    assert at.toggle(key="clinician_choice").value is False, "a patient's view: the clinician's controls folded"
    assert at.header and at.header[0].value == EN.guide_heading
    assert not at.get("bidi_component"), "asked once per session"


def test_a_bad_link_notice_stays_from_the_first_paint_into_the_whole_page():
    at = AppTest.from_file(APP, default_timeout=60)
    at.query_params["step"] = "999"
    at.run()
    assert "not recognised" in at.info[0].value
    at.session_state["page_complete"] = True
    at.run()
    assert at.info and "not recognised" in at.info[0].value, "the reader still sees why they are at the start"
    at.button(key="next").click().run()
    assert not at.info, "and it goes once they move on"


def test_marking_todays_areas_shows_at_once_on_the_consult_screen():
    from mechanisms.present.markup import md_escape
    from mechanisms.present.treatment import today_sentence
    from mechanisms.present.view import View

    at = start(mode="consult", areas="neck-shoulders,calf")
    sentence = md_escape(today_sentence(GRAPH, View("dry-needling", areas=("neck-shoulders", "calf"))))
    assert any(sentence in m.value for m in at.markdown), "today's sentence on the screen turned to the patient"
    plain = start(mode="consult")
    assert not any(sentence in m.value for m in plain.markdown)


def test_the_network_address_offered_to_a_phone_is_never_this_computers_own_name():
    import ipaddress

    from mechanisms.webapp.controls import network_host

    host = network_host()
    assert host is None or not ipaddress.ip_address(host).is_loopback, host


def test_todays_treatment_and_its_urgent_signs_come_before_the_story():
    at = start(areas="neck-shoulders", step="1")
    shown = [m.value.replace("\\", "") for m in at.markdown]
    first_caution = next(i for i, m in enumerate(shown) if "Get urgent help now" in m)
    story = next(i for i, m in enumerate(shown) if m.startswith("## Step 1 of"))
    assert first_caution < story, "the urgent signs of today's areas before the step's text"
    assert EN.today_pointer in "".join(shown[:story]), "and the way to the whole of today's chapter"


def test_the_check_questions_wait_for_the_end_of_the_story():
    before = start(step="3")
    assert not before.get("html") or not any("fieldset" in h.proto.body for h in before.get("html"))
    assert EN.check_after_story in [m.value for m in before.markdown]
    after = start(step=str(len(GRAPH.steps)))
    assert any("fieldset" in h.proto.body for h in after.get("html")), "the questions at the last step"
    assert EN.check_after_story not in [m.value for m in after.markdown]


def test_a_phone_is_offered_the_patient_page_when_it_is_served():
    served = _page_with(MECHANISMS_BASE_URL="https://clinic.example/app/", MECHANISMS_PATIENT_PAGE="/patient/")
    offers = [m.value for m in served.markdown if EN.patient_page_offer in m.value]
    assert offers == [f"[{EN.patient_page_offer}](https://clinic.example/patient/#graph=dry-needling&step=1)"]
    assert not [m for m in _page_with().markdown if EN.patient_page_offer in m.value], "not served: no offer"


def test_the_key_points_come_first_folded_and_again_open_after_the_guide():
    """One tap opens them under the title (the story keeps its place on a first screen); the page ends with them."""
    from mechanisms.present.guide import key_points

    at = start()
    points = [md_escape(p.text) for p in key_points(GRAPH, None, EN)]
    assert 3 <= len(points) <= 5
    values = [m.value for m in at.markdown]
    first = next(i for i, v in enumerate(values) if v.startswith("<details><summary>"))
    assert f"<strong>{EN.key_points_heading}</strong>" in values[first] and "<details open" not in values[first]
    assert all(html.escape(p.text) in values[first] for p in key_points(GRAPH, None, EN)), "folded at the start"
    again = next(i for i, v in enumerate(values) if EN.key_points_again in v)
    summary = values.index(md_escape(GRAPH.summary))
    check = values.index(EN.check_after_story)
    take_home = values.index(f"### {EN.take_it_home}")
    assert first < summary < check < again < take_home, "first, then the story, the questions and the guide, then again"
    assert all(p in values[again] for p in points)
    assert "\u26a0 **Get urgent help now, call your local emergency number" in values[again]
