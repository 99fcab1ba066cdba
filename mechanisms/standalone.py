"""One self-contained HTML file of the explainer: works offline, from a clinic's website or a USB stick.

Plotly's JavaScript is inlined; the graph travels as JSON inside a <script type="application/json">
block with <, > and & escaped, and the page's script writes every piece of it with textContent,
never innerHTML, so author text can never become markup. No request leaves the page.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from typing import Any

from .citations import format_references
from .graph import cited_ids
from .handout import DISCLAIMER
from .images import diagram
from .model import EDGE_KINDS, EVIDENCE_LEVELS, Graph

_PAGE = """<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; script-src 'unsafe-inline' 'unsafe-eval'; style-src 'unsafe-inline'; img-src data:; font-src data:">
<title>__TITLE__</title>
<style>
  body { font-family: system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: #1F2933; margin: 0;
         line-height: 1.5; background: #fff; }
  main { max-width: 1200px; margin: 0 auto; padding: 1rem; }
  h1 { font-size: 1.9rem; margin: 0.2rem 0 0.5rem; }
  .note { background: #EAF2FB; border-radius: 8px; padding: 0.6rem 0.9rem; color: #0B3C66; }
  .controls { display: flex; gap: 0.5rem; flex-wrap: wrap; align-items: center; margin: 0.8rem 0; }
  button { font: inherit; min-height: 44px; padding: 0.4rem 1rem; border-radius: 8px; border: 1px solid #9AA5B1;
           background: #fff; color: #1F2933; cursor: pointer; }
  button.primary { background: #0B4F8A; color: #fff; border-color: #0B4F8A; }
  button[aria-pressed="true"] { background: #DCE9F7; border-color: #0B4F8A; }
  button:disabled { opacity: 0.5; cursor: default; }
  :focus-visible { outline: 3px solid #0B4F8A; outline-offset: 2px; }
  #step { border-left: 4px solid #0B4F8A; padding-left: 0.8rem; margin: 0.8rem 0; }
  #step h2 { margin: 0.2rem 0; font-size: 1.4rem; }
  .layout { display: grid; grid-template-columns: 3fr 2fr; gap: 1rem; align-items: start; }
  #panel { border: 1px solid #CBD2D9; border-radius: 10px; padding: 0.8rem 1rem; position: sticky; top: 0.5rem; }
  #panel h3 { margin: 0.2rem 0 0.5rem; font-size: 1.3rem; }
  .badge { display: inline-block; padding: 0.1rem 0.5rem; border-radius: 6px; background: #F1F5F9;
           border: 1px solid #9AA5B1; font-size: 0.9rem; }
  #refs li { margin-bottom: 0.4rem; font-size: 0.92rem; }
  select { font: inherit; min-height: 44px; max-width: 100%; }
  @media (max-width: 760px) { .layout { grid-template-columns: 1fr; } #panel { position: static; } }
</style>
</head>
<body>
<main>
  <h1 id="title"></h1>
  <p id="summary"></p>
  <p class="note" id="disclaimer"></p>
  <div class="controls" role="group" aria-label="Explain it for">
    <span>Explain it for:</span>
    <button type="button" data-audience="patient" aria-pressed="true">Patient</button>
    <button type="button" data-audience="practitioner" aria-pressed="false">Practitioner</button>
  </div>
  <section id="step" aria-live="polite">
    <h2 id="step-title"></h2>
    <p id="step-text"></p>
    <p><strong>Not yet known:</strong> <span id="step-unknowns"></span></p>
  </section>
  <div class="controls">
    <button type="button" id="prev">&larr; Previous</button>
    <button type="button" id="next" class="primary">Next &rarr;</button>
    <label>Jump to: <select id="picker"><option value="">Choose a part of the diagram</option></select></label>
  </div>
  <p><strong>How to read this diagram:</strong> read from top to bottom. Each circle is a step in the body;
     the small shapes on the lines show how one leads to the next. Tap any of them.</p>
  <div class="layout">
    <div>__PLOT__</div>
    <aside id="panel" aria-live="polite"><h3 id="panel-title">Explore this step</h3>
      <div id="panel-body"><p>Tap a circle in the diagram, or choose from the list, to read what it does.</p></div>
    </aside>
  </div>
</main>
<script type="application/json" id="graph-data">__DATA__</script>
<script>
(function () {
  var D = JSON.parse(document.getElementById("graph-data").textContent);
  var gd = document.getElementById("diagram");
  var state = { step: 0, node: null, edge: null, audience: "patient" };
  function el(tag, text, cls) { var e = document.createElement(tag); if (text != null) e.textContent = text;
    if (cls) e.className = cls; return e; }
  function label(n) { return state.audience === "patient" ? (n.plain_label || n.label) : n.label; }
  function byId(list, id) { for (var i = 0; i < list.length; i++) if (list[i].id === id) return list[i]; return null; }
  document.getElementById("title").textContent = D.title;
  document.getElementById("summary").textContent = D.summary;
  document.getElementById("disclaimer").textContent = D.disclaimer;
  var picker = document.getElementById("picker");
  D.nodes.forEach(function (n) { var o = el("option", n.label); o.value = n.id; picker.appendChild(o); });

  function refsList(ids) {
    var box = document.createDocumentFragment();
    var refs = ids.map(function (id) { return D.references[id]; }).filter(Boolean);
    if (!refs.length) { box.appendChild(el("p", "No published study supports this yet: it is a proposed explanation.")); return box; }
    box.appendChild(el("strong", "References"));
    var ol = el("ol"); ol.id = "refs";
    refs.forEach(function (r) {
      var li = el("li", r.text + " ");
      [["DOI", r.doi_url], ["PubMed", r.pubmed_url]].forEach(function (p) {
        if (p[1] && /^https:\\/\\//.test(p[1])) { var a = el("a", p[0]); a.href = p[1]; a.rel = "noopener"; li.appendChild(a); li.appendChild(document.createTextNode(" ")); }
      });
      ol.appendChild(li);
    });
    box.appendChild(ol);
    return box;
  }
  function evidence(level) {
    var p = el("p"); p.appendChild(el("span", level, "badge"));
    p.appendChild(document.createTextNode(" " + D.evidence[level])); return p;
  }
  function renderPanel() {
    var title = document.getElementById("panel-title"), body = document.getElementById("panel-body");
    body.replaceChildren();
    var n = state.node && byId(D.nodes, state.node), e = state.edge && byId(D.edges, state.edge);
    if (n) {
      title.textContent = label(n);
      body.appendChild(el("p", state.audience === "patient" ? n.patient : n.practitioner));
      body.appendChild(evidence(n.evidence));
      n.terms.forEach(function (t) { var term = D.glossary[t]; if (term) { var p = el("p");
        p.appendChild(el("strong", term.term + ": ")); p.appendChild(document.createTextNode(term.definition)); body.appendChild(p); } });
      D.edges.forEach(function (x) {
        if (x.source === n.id || x.target === n.id) {
          var other = byId(D.nodes, x.source === n.id ? x.target : x.source);
          var b = el("button", x.source === n.id ? "This " + D.kinds[x.kind] + " " + label(other) : label(other) + " " + D.kinds[x.kind] + " this");
          b.type = "button"; b.addEventListener("click", function () { select(other.id); }); body.appendChild(b);
          body.appendChild(document.createTextNode(" "));
        }
      });
      body.appendChild(refsList(n.citations));
    } else if (e) {
      var s = byId(D.nodes, e.source), t = byId(D.nodes, e.target);
      title.textContent = label(s) + " " + D.kinds[e.kind] + " " + label(t);
      if (e.note) body.appendChild(el("p", e.note));
      body.appendChild(evidence(e.evidence));
      body.appendChild(refsList(e.citations));
    } else {
      title.textContent = "Explore this step";
      body.appendChild(el("p", "Tap a circle in the diagram, or choose from the list, to read what it does."));
    }
  }
  function renderStep() {
    var s = D.steps[state.step];
    document.getElementById("step-title").textContent = "Step " + (state.step + 1) + " of " + D.steps.length + ": " + s.title;
    document.getElementById("step-text").textContent = state.audience === "practitioner" && s.practitioner ? s.practitioner : s.patient;
    document.getElementById("step-unknowns").textContent = s.unknowns;
    document.getElementById("prev").disabled = state.step === 0;
    document.getElementById("next").disabled = state.step === D.steps.length - 1;
    var t = gd.data.findIndex(function (tr) { return tr.name === "mechanism"; });
    var focus = state.node ? [state.node] : s.nodes;
    var opacity = gd.data[t].customdata.map(function (id) { return focus.indexOf(id) >= 0 ? 1 : 0.3; });
    var size = gd.data[t].customdata.map(function (id) { return id === state.node ? 38 : 28; });
    Plotly.restyle(gd, { "marker.opacity": [opacity], "marker.size": [size] }, [t]);
  }
  function select(id) {
    if (!id) return;
    if (id.indexOf("->") >= 0) { state.edge = id; state.node = null; }
    else { var n = byId(D.nodes, id); if (!n) return; state.node = id; state.edge = null;
      state.step = D.steps.findIndex(function (s) { return s.id === n.step; }); }
    picker.value = state.node || "";
    renderStep(); renderPanel();
  }
  gd.on("plotly_click", function (ev) { var p = ev.points && ev.points[0]; if (p && typeof p.customdata === "string") select(p.customdata); });
  // A tap makes no hover, and plotly.js clicks the last hovered point: hover where the finger is first.
  gd.addEventListener("touchstart", function (ev) { var t = ev.touches && ev.touches[0]; if (!t) return;
    ev.target.dispatchEvent(new MouseEvent("mousemove", { bubbles: true, cancelable: true, clientX: t.clientX, clientY: t.clientY })); },
    { capture: true, passive: true });
  picker.addEventListener("change", function () { select(picker.value); });
  document.getElementById("prev").addEventListener("click", function () { state.step = Math.max(0, state.step - 1); state.node = state.edge = null; renderStep(); renderPanel(); });
  document.getElementById("next").addEventListener("click", function () { state.step = Math.min(D.steps.length - 1, state.step + 1); state.node = state.edge = null; renderStep(); renderPanel(); });
  document.querySelectorAll("[data-audience]").forEach(function (b) { b.addEventListener("click", function () {
    state.audience = b.getAttribute("data-audience");
    document.querySelectorAll("[data-audience]").forEach(function (x) { x.setAttribute("aria-pressed", String(x === b)); });
    renderStep(); renderPanel(); }); });
  renderStep(); renderPanel();
})();
</script>
</body>
</html>
"""


def _json_for_html(data: Any) -> str:
    """JSON that cannot close its <script> element or start markup."""
    return (json.dumps(data, ensure_ascii=False).replace("&", "\\u0026").replace("<", "\\u003c")
            .replace(">", "\\u003e").replace("\u2028", "\\u2028").replace("\u2029", "\\u2029"))


def _escape_html(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;")


def page_data(graph: Graph, references: Mapping[str, Mapping[str, Any]]) -> dict[str, Any]:
    """Everything the page's script needs, as plain JSON-able data."""
    refs = {r.id: {"text": r.text, "doi_url": r.doi_url, "pubmed_url": r.pubmed_url}
            for r in format_references(cited_ids(graph), references)}
    return {
        "title": graph.title,
        "summary": graph.summary,
        "disclaimer": DISCLAIMER,
        "steps": [{"id": s.id, "title": s.title, "patient": s.patient, "practitioner": s.practitioner,
                   "unknowns": s.unknowns,
                   "nodes": [n.id for n in graph.nodes_in_step(s.id)]} for s in graph.steps],
        "nodes": [n.model_dump() for n in graph.nodes],
        "edges": [{**e.model_dump(), "id": e.id} for e in graph.edges],
        "glossary": {t.id: {"term": t.term, "definition": t.definition} for t in graph.glossary},
        "references": refs,
        "evidence": EVIDENCE_LEVELS,
        "kinds": EDGE_KINDS,
    }


def build_html(graph: Graph, references: Mapping[str, Mapping[str, Any]]) -> str:
    """The standalone page as one HTML string (Plotly inlined, about 5 MB; 1.5 MB gzipped)."""
    labels = {n.id: n.plain_label or n.label for n in graph.nodes}
    fig = diagram(graph, labels=labels)
    plot = fig.to_html(
        include_plotlyjs=True, full_html=False, div_id="diagram",
        config={"displayModeBar": False, "doubleClickDelay": 100, "scrollZoom": False, "responsive": True},
    )
    values = {"TITLE": _escape_html(graph.title), "DATA": _json_for_html(page_data(graph, references)), "PLOT": plot}
    # One pass over the template, so nothing inserted (plotly.js, author text) is searched again.
    return re.sub(r"__(TITLE|DATA|PLOT)__", lambda m: values[m.group(1)], _PAGE)
