// The offline page's behaviour. Every word, label, highlight and link it shows comes from the
// JSON block written by mechanisms/outputs/standalone.py; this script only looks them up and
// writes them with textContent (never innerHTML), so author text can never become markup.
(function () {
  var D = JSON.parse(document.getElementById("graph-data").textContent);
  var W = D.words;
  var gd = document.getElementById("diagram");
  var picker = document.getElementById("picker");
  var steps = document.getElementById("steps");
  var START = { step: 0, node: null, edge: null, audience: D.audiences[0][0] };
  var state = Object.assign({}, START);
  var shownAudience = D.chart.drawn_for;

  function el(tag, text, cls) {
    var e = document.createElement(tag);
    if (text != null) e.textContent = text;
    if (cls) e.className = cls;
    return e;
  }
  function setText(id, text) { document.getElementById(id).textContent = text; }
  // Every move lands on one of the views the page was written with (made by the app's own rules).
  function findView(test) {
    for (var i = 0; i < D.views.length; i++) if (test(D.views[i])) return D.views[i];
    return null;
  }
  function currentView() {
    return findView(function (v) { return v.step === state.step && v.node === state.node && v.edge === state.edge &&
      v.audience === state.audience; }) || D.views[0];
  }
  function adopt(v) { state = { step: v.step, node: v.node, edge: v.edge, audience: v.audience }; }
  function goTo(v) { if (v) { adopt(v); render(); } }

  function button(text, onClick) {
    var b = el("button", text); b.type = "button"; b.addEventListener("click", onClick); return b;
  }
  function pickButtons(box, heading, items) {
    if (!items.length) return;
    if (heading) box.appendChild(el("p")).appendChild(el("strong", heading));
    items.forEach(function (item) {
      box.appendChild(button(item[1], function () { select(item[0]); }));
    });
  }
  function evidence(level) {
    var p = el("p"); p.appendChild(el("span", D.evidence[level].badge, "badge"));
    p.appendChild(document.createTextNode(" " + D.evidence[level].meaning)); return p;
  }
  function glossary(box, ids) {
    var terms = ids.map(function (id) { return D.glossary[id]; }).filter(Boolean);
    if (!terms.length) return;
    box.appendChild(el("p")).appendChild(el("strong", W.words_used));
    var ul = el("ul");
    terms.forEach(function (t) { var li = el("li"); li.appendChild(el("strong", t.term + ": "));
      li.appendChild(document.createTextNode(t.definition)); ul.appendChild(li); });
    box.appendChild(ul);
  }
  function references(box, ids) {
    var refs = ids.map(function (id) { return D.references[id]; }).filter(Boolean);
    if (!refs.length) { box.appendChild(el("p", W.no_references)); return; }
    box.appendChild(el("strong", W.references));
    var ol = el("ol"); ol.id = "refs";
    refs.forEach(function (r) {
      var li = el("li", r.text + " ");
      r.links.forEach(function (link) {
        if (!/^https?:\/\//.test(link[1])) return;
        var a = el("a", link[0]); a.href = link[1]; a.rel = "noopener";
        li.appendChild(a); li.appendChild(document.createTextNode(" "));
      });
      if (D.findings_for.indexOf(state.audience) >= 0 && r.finding) {
        var f = el("p"); f.appendChild(el("em", W.what_it_found + " ")); f.appendChild(document.createTextNode(r.finding));
        li.appendChild(f);
      }
      ol.appendChild(li);
    });
    box.appendChild(ol);
  }

  function nodePanel(body, n) {
    var a = state.audience;
    if (n.also[a]) body.appendChild(el("p", W.also_called + " " + n.also[a]));
    body.appendChild(el("p", n.text[a]));
    body.appendChild(evidence(n.evidence));
    glossary(body, n.terms);
    pickButtons(body, W.causes, n.causes[a]);
    pickButtons(body, W.effects, n.effects[a]);
    references(body, n.refs);
  }
  function edgePanel(body, e) {
    if (e.rest[state.audience]) body.appendChild(el("p", e.rest[state.audience]));
    body.appendChild(el("p", e.link[state.audience]));
    body.appendChild(evidence(e.evidence));
    pickButtons(body, null, e.go[state.audience]);
    references(body, e.refs);
  }
  function renderPanel() {
    var body = document.getElementById("panel-body");
    body.replaceChildren();
    var n = state.node && D.nodes[state.node], e = state.edge && D.edges[state.edge];
    if (n) { setText("panel-title", n.label[state.audience]); nodePanel(body, n); }
    else if (e) { setText("panel-title", e.heading[state.audience]); edgePanel(body, e); }
    else {
      setText("panel-title", W.explore_heading);
      body.appendChild(el("p", W.explore_hint));
      pickButtons(body, null, D.steps[state.step].nodes.map(function (id) { return [id, D.nodes[id].label[state.audience]]; }));
    }
  }
  function renderStep() {
    var s = D.steps[state.step];
    setText("step-title", s.heading);
    setText("step-text", s.text);
    setText("step-unknowns", s.unknowns);
    document.getElementById("steps").value = String(state.step);
    document.getElementById("prev").disabled = state.step === 0;
    document.getElementById("next").disabled = state.step === D.steps.length - 1;
  }
  function renderPicker() {
    picker.querySelectorAll("option[value]:not([value=''])").forEach(function (o) { o.remove(); });
    D.order.forEach(function (id) { var o = el("option", D.nodes[id].label[state.audience]); o.value = id; picker.appendChild(o); });
    picker.value = state.node || "";
  }
  function renderDiagram(view) {
    var look = D.looks[view.look], labels = D.labels[state.audience], update = {};
    Plotly.restyle(gd, { "marker.size": [look.size], "marker.opacity": [look.opacity],
      "marker.line.color": [look.line_color], "marker.line.width": [look.line_width] }, [D.chart.node_trace]);
    D.chart.label_annotations.forEach(function (index, i) {
      update["annotations[" + index + "].text"] = look.bold[i] ? labels.bold[i] : labels.plain[i];
      update["annotations[" + index + "].font.color"] = look.ink[i];
    });
    var frame = D.frames[state.step];
    update["xaxis.range"] = [frame[0], frame[1]];
    update["yaxis.range"] = [frame[3], frame[2]];
    D.bands.fills.forEach(function (fill, i) {
      update["shapes[" + i + "].fillcolor"] = i === state.step ? D.bands.current : fill;
    });
    Plotly.relayout(gd, update);
    Plotly.restyle(gd, { opacity: look.links.opacity, "line.width": look.links.width }, D.chart.link_traces);
    Plotly.restyle(gd, { "marker.size": look.markers.size, "marker.opacity": look.markers.opacity,
      "marker.line.width": look.markers.line_width }, D.chart.marker_traces);
    if (shownAudience !== state.audience) {
      Plotly.restyle(gd, { hovertext: D.hover[state.audience] }, D.chart.hover_traces);
      shownAudience = state.audience;
    }
  }
  function render() {
    var view = currentView();
    renderStep(); renderPanel(); renderPicker(); renderDiagram(view);
    document.querySelectorAll("[data-audience]").forEach(function (x) {
      x.setAttribute("aria-pressed", String(x.getAttribute("data-audience") === state.audience)); });
    try { history.replaceState(null, "", "#" + view.q); } catch (err) { /* a page in a sandbox keeps its address */ }
  }

  // The practical guide: chapters, their sections and lines, each line with its mark and a fact's sources.
  function guideLine(line) {
    var li = el("li"), words = el("span", line.text, "guide-text");
    if (line.mark) { var mark = el("span", line.mark, "mark"); mark.setAttribute("aria-hidden", "true");
      li.appendChild(mark); li.className = "marked"; }
    if (line.note) words.appendChild(el("span", line.note, "source"));
    li.appendChild(words);
    return li;
  }
  function guideBlock(block) {
    var box = el("div", null, "guide-block " + block.kind), ul = el("ul");
    box.setAttribute("data-guide-block", block.id);
    box.appendChild(el("h4", block.title));
    block.lines.forEach(function (line) { ul.appendChild(guideLine(line)); });
    box.appendChild(ul);
    return box;
  }
  function renderGuide() {
    if (!D.guide.chapters.length) return;
    setText("guide-heading", D.guide.heading);
    var body = document.getElementById("guide-body");
    D.guide.chapters.forEach(function (chapter) {
      var part = el("section", null, "guide-chapter");
      part.setAttribute("data-guide-chapter", chapter.id);
      part.appendChild(el("h3", chapter.title));
      if (chapter.intro) part.appendChild(el("p", chapter.intro));
      chapter.blocks.forEach(function (block) { part.appendChild(guideBlock(block)); });
      body.appendChild(part);
    });
    document.getElementById("guide").hidden = false;
  }

  // The clinic's details (name, phone, web address, logo), when the page was made with them.
  function renderClinic() {
    if (!D.clinic.lines.length) return;
    var box = document.getElementById("clinic");
    if (D.clinic.logo) { var img = el("img"); img.src = D.clinic.logo; img.alt = D.clinic.lines[0].text; box.appendChild(img); }
    D.clinic.lines.forEach(function (line) {
      var p = el("p"); p.appendChild(el("strong", line.label + ": "));
      if (line.url) { var a = el("a", line.text); a.href = line.url; p.appendChild(a); }
      else p.appendChild(document.createTextNode(line.text));
      box.appendChild(p);
    });
    box.hidden = false;
  }

  function select(id) {
    goTo(findView(function (v) { return v.audience === state.audience && (v.node === id ||
      (v.edge === id && v.step === state.step)); }));
  }
  function goToStep(step) {
    goTo(findView(function (v) { return v.audience === state.audience && v.step === step && !v.node && !v.edge; }));
  }
  function openLink(hash) {
    if (!hash) return true;
    var v = findView(function (x) { return x.q === hash; });
    if (v) adopt(v); else state = Object.assign({}, START);
    return !!v;
  }

  setText("title", D.title);
  setText("summary", D.summary);
  setText("disclaimer", D.disclaimer);
  setText("how-to-read-lead", W.how_to_read_lead);
  setText("how-to-read", W.how_to_read);
  setText("audience-prompt", W.audience_prompt + ":");
  document.getElementById("audiences").setAttribute("aria-label", W.audience_prompt);
  setText("prev", "\u2190 " + W.previous);
  setText("next", W.next + " \u2192");
  setText("step-unknowns-lead", W.not_yet_known);
  setText("picker-label", W.picker_label);
  setText("picker-placeholder", W.picker_placeholder);
  if (D.core_note) { setText("core-note", D.core_note); document.getElementById("core-note").hidden = false; }
  renderGuide();
  renderClinic();
  if (D.teach_back.questions.length) {
    var check = document.getElementById("check");
    window.renderTeachBack(check, D.teach_back, function (n) { goToStep(n - 1); window.scrollTo(0, 0); });
    check.hidden = false;
  }
  if (D.today) {
    setText("today-lead", W.today_heading + ":"); setText("today-text", D.today); setText("today-link", W.today_pointer);
    document.getElementById("today").hidden = false;
  }
  if (!openLink(location.hash.slice(1))) {
    var notice = document.getElementById("link-notice");
    notice.textContent = W.link_notice; notice.hidden = false;
  }
  gd.on("plotly_click", function (ev) { var p = ev.points && ev.points[0]; if (p && typeof p.customdata === "string") select(p.customdata); });
  picker.addEventListener("change", function () { select(picker.value); });
  D.steps.forEach(function (s, i) { var o = el("option", s.heading); o.value = String(i); steps.appendChild(o); });
  steps.setAttribute("aria-label", W.step_list);
  steps.addEventListener("change", function () { goToStep(Number(steps.value)); });
  document.getElementById("prev").addEventListener("click", function () { goToStep(state.step - 1); });
  document.getElementById("next").addEventListener("click", function () { goToStep(state.step + 1); });
  D.audiences.forEach(function (a) {
    var b = button(a[1], function () { state.audience = a[0]; render(); });
    b.setAttribute("data-audience", a[0]);
    document.getElementById("audiences").appendChild(b);
  });
  window.addEventListener("hashchange", function () { if (openLink(location.hash.slice(1))) render(); });
  render();
})();
