// The offline page's behaviour. Every word, label, highlight and link it shows comes from the
// JSON block written by mechanisms/outputs/standalone.py; this script only looks them up and
// writes them with textContent (never innerHTML), so author text can never become markup.
(function () {
  var D = JSON.parse(document.getElementById("graph-data").textContent);
  var W = D.words;
  var gd = document.getElementById("diagram");
  var picker = document.getElementById("picker");
  var steps = document.getElementById("steps");
  var T = D.treatment;
  var START = { step: 0, node: null, edge: null, audience: D.audiences[0][0] };
  var state = Object.assign({}, START);
  var today = { areas: T.marked.areas.slice(), options: T.marked.options.slice() };
  var reachedEnd = false;
  var drawnAt = null;  // the audience and step whose own figure is drawn
  var narrow = window.matchMedia("(max-width: 899px)");

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
    var where = document.getElementById("where"), picture = document.getElementById("where-picture");
    where.hidden = !s.where;
    if (s.where) {  // where in the body: the small picture of the back, the step's regions lit, and its caption
      picture.src = s.where.src;
      picture.alt = s.where.alt;
      setText("where-lead", s.where.lead);
      setText("where-places", s.where.places);
    }
    setText("step-text", s.text);
    setText("step-unknowns", s.unknowns);
    document.getElementById("steps").value = String(state.step);
    setText("step-face", s.count);  // the closed list shows "Step 3 of 8" whole on a phone (the heading is above)
    setText("step-face-long", s.heading);  // and the whole heading where it fits
    document.getElementById("prev").disabled = state.step === 0;
    document.getElementById("next").disabled = state.step === D.steps.length - 1;
  }
  function renderPicker() {
    picker.querySelectorAll("option[value]:not([value=''])").forEach(function (o) { o.remove(); });
    D.order.forEach(function (id) { var o = el("option", D.nodes[id].label[state.audience]); o.value = id; picker.appendChild(o); });
    picker.value = state.node || "";
  }
  var drawn = false;
  // What a view changes in its step's figure: restyles (an update and its traces) and one relayout, in Plotly's
  // terms. Each step has its own figure per audience (D.figures), with its own indexes (D.charts) and labels.
  function lookOf(view) {
    var look = D.looks[view.look], chart = D.charts[view.audience][view.step];
    var labels = D.labels[view.audience][view.step], layout = {};
    var restyles = [
      [{ "marker.size": [look.size], "marker.opacity": [look.opacity], "marker.line.color": [look.line_color],
         "marker.line.width": [look.line_width] }, [chart.node_trace]],
      [{ opacity: look.links.opacity, "line.width": look.links.width }, chart.link_traces],
      [{ "marker.size": look.markers.size, "marker.opacity": look.markers.opacity,
         "marker.line.width": look.markers.line_width }, chart.marker_traces]];
    chart.label_annotations.forEach(function (index, i) {
      layout["annotations[" + index + "].text"] = look.bold[i] ? labels.bold[i] : labels.plain[i];
      layout["annotations[" + index + "].font.color"] = look.ink[i];
    });
    // A step without links has no link traces: a restyle given no trace would restyle them all.
    return { restyles: restyles.filter(function (r) { return r[1].length; }), layout: layout };
  }
  // Sets "a.b[2].c" in a plain object, as Plotly.relayout and restyle read such a path.
  function setPath(target, path, value) {
    var keys = path.replace(/\[(\d+)\]/g, ".$1").split(".");
    keys.slice(0, -1).forEach(function (k) {
      if (target[k] === undefined || target[k] === null) target[k] = {};
      target = target[k];
    });
    target[keys[keys.length - 1]] = value;
  }
  // The first draw: the view's look written into the figure itself, so plotly.js draws once (not once and
  // then again for each restyle), the longest task of a phone's first visit.
  function withLook(figure, view) {
    var look = lookOf(view);
    look.restyles.forEach(function (r) {
      Object.keys(r[0]).forEach(function (attr) {
        r[1].forEach(function (trace, i) { setPath(figure.data[trace], attr, r[0][attr][i]); });
      });
    });
    Object.keys(look.layout).forEach(function (path) { setPath(figure.layout, path, look.layout[path]); });
    return figure;
  }
  // A step's own figure, as drawn for this view (a copy: the data keeps the figure as first written).
  function figureOf(view) {
    var figure = JSON.parse(JSON.stringify(D.figures[view.audience][view.step]));
    gd.style.height = figure.layout.height + "px";
    return withLook(figure, view);
  }
  function renderDiagram(view) {
    if (!drawn) return;
    if (drawnAt !== view.audience + "/" + view.step) {
      var figure = figureOf(view);
      drawnAt = view.audience + "/" + view.step;
      Plotly.react(gd, figure.data, figure.layout, D.figure_config);
      return;
    }
    var look = lookOf(view);
    look.restyles.forEach(function (r) { Plotly.restyle(gd, r[0], r[1]); });
    Plotly.relayout(gd, look.layout);
  }
  function render() {
    var view = currentView();
    renderStep(); renderPanel(); renderPicker(); renderDiagram(view); renderCheck();
    document.querySelectorAll("[data-audience]").forEach(function (x) {
      x.setAttribute("aria-pressed", String(x.getAttribute("data-audience") === state.audience)); });
    try { history.replaceState(null, "", "#" + linkOf(view)); } catch (err) { /* a sandboxed page keeps its address */ }
  }

  // The address's fragment: the view's own link (written by the app's rules) and today's treatment, which
  // stays on this phone: a fragment is never sent to a server.
  function linkOf(view) {
    var params = new URLSearchParams(view.q);
    if (today.areas.length) params.set(T.areas_key, today.areas.join(","));
    today.options.forEach(function (id) { params.set(id, T.option_on); });
    return params.toString();
  }
  function sameParams(a, b) {
    var keys = [];
    a.forEach(function (value, key) { keys.push(key); });
    var count = 0;
    b.forEach(function () { count++; });
    return keys.length === count && keys.every(function (key) { return a.getAll(key).join() === b.getAll(key).join(); });
  }
  // Read a fragment: today's treatment (known areas and options only) and the view; false if the view is not
  // one this page has (it then starts at the beginning, keeping today's treatment).
  function openLink(hash) {
    if (!hash) return true;
    var params = new URLSearchParams(hash), known = T.areas.map(function (a) { return a[0]; });
    if (params.has(T.areas_key)) {
      today.areas = params.get(T.areas_key).split(",").filter(function (id) { return known.indexOf(id) >= 0; });
      today.areas = known.filter(function (id) { return today.areas.indexOf(id) >= 0; });
      today.options = T.options.filter(function (o) { return params.get(o[0]) === T.option_on; })
        .map(function (o) { return o[0]; });
    }
    params.delete(T.areas_key);
    T.options.forEach(function (o) { params.delete(o[0]); });
    T.ignored_keys.forEach(function (key) { params.delete(key); });
    var v = findView(function (x) { return sameParams(new URLSearchParams(x.q), params); });
    if (v) adopt(v); else state = Object.assign({}, START);
    renderToday();
    return !!v;
  }

  // Today's treatment, built from the graph's own sentences: the areas (a few to a sentence), the options,
  // then each caution the areas carry, once, in the data's order. tests/e2e checks it says what the app says.
  function joined(items) {
    if (items.length === 1) return items[0];
    return T.list_last.split("{items}").join(items.slice(0, -1).join(T.list_separator)).split("{last}")
      .join(items[items.length - 1]);
  }
  function todaySentence() {
    var labels = T.areas.filter(function (a) { return today.areas.indexOf(a[0]) >= 0; })
      .map(function (a) { return a[1]; });
    if (!labels.length) return "";
    var sentences = [];
    for (var i = 0; i < labels.length; i += T.per_sentence) {
      var template = i === 0 ? T.needled : T.needled_more;
      sentences.push(template.split(T.placeholder).join(joined(labels.slice(i, i + T.per_sentence))));
    }
    T.options.forEach(function (o) { if (today.options.indexOf(o[0]) >= 0) sentences.push(o[1]); });
    return sentences.join(" ");
  }
  function renderToday() {
    var sentence = todaySentence(), box = document.getElementById("today");
    box.hidden = !sentence;
    if (!sentence) return;
    setText("today-text", sentence);
    setText("today-after", T.aftercare);
    var wanted = {};
    T.areas.forEach(function (a) { if (today.areas.indexOf(a[0]) >= 0) a[2].forEach(function (c) { wanted[c] = true; }); });
    var lines = T.cautions.filter(function (c) { return wanted[c[0]]; }).map(function (c) { return c[1]; });
    var cautions = document.getElementById("today-cautions");
    cautions.replaceChildren();
    if (lines.length) cautions.appendChild(guideBlock({ id: "today-cautions", title: T.cautions_title,
      kind: "warnings", lines: lines }, "h3"));
  }

  // The check questions come after the story: once the reader has reached its last step they stay.
  function renderCheck() {
    var last = state.step === D.steps.length - 1;
    reachedEnd = reachedEnd || last;
    document.getElementById("step-end").hidden = !last || !D.teach_back.questions.length;
    if (!D.teach_back.questions.length) return;
    document.getElementById("check").hidden = !reachedEnd;
    document.getElementById("check-later").hidden = reachedEnd;
  }

  // After a tap on a part or a link, its explanation comes into sight with the diagram still in sight: the
  // page scrolls (never a box inside it) only when the explanation's heading is out of sight.
  function showPanel() {
    var title = document.getElementById("panel-title").getBoundingClientRect();
    var bar = document.getElementById("stepbar").getBoundingClientRect().top;
    if (title.top >= 0 && title.bottom <= bar) return;
    var top = narrow.matches ? gd.getBoundingClientRect().top : document.getElementById("story").getBoundingClientRect().top;
    window.scrollBy({ top: top - 8, behavior: "instant" });
  }

  // The practical guide: chapters, their sections and lines, each line with its mark and a fact's sources.
  function guideLine(line, kind) {
    var li = el("li"), words = el("span", line.text, "guide-text");
    if (kind === "actions") {  // a checklist a patient can tick here (not kept: nothing is stored or sent)
      var label = el("label", null, "tick"), box = el("input");
      box.type = "checkbox";
      label.appendChild(box); label.appendChild(words); li.appendChild(label); li.className = "ticked";
      return li;
    }
    if (line.mark) { var mark = el("span", line.mark, "mark"); mark.setAttribute("aria-hidden", "true");
      li.appendChild(mark); li.className = "marked"; }
    if (line.note) words.appendChild(el("span", line.note, "source"));
    li.appendChild(words);
    return li;
  }
  function guideBlock(block, heading) {
    var box = el("div", null, "guide-block " + block.kind), ul = el("ul");
    box.setAttribute("data-guide-block", block.id);
    box.appendChild(el(heading || "h4", block.title));
    block.lines.forEach(function (line) { ul.appendChild(guideLine(line, block.kind)); });
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

  // The key points: first under the title, and again at the end of the page, the urgent one as a warning.
  function renderKeyPoints() {
    if (!D.key_points.lines.length) return;
    [["key-points", D.key_points.heading], ["key-points-again", D.key_points.again]].forEach(function (box) {
      setText(box[0] + "-heading", box[1]);
      var ul = document.getElementById(box[0] + "-list");
      D.key_points.lines.forEach(function (line) {
        var li = guideLine(line);
        if (line.mark) li.className += " urgent";
        ul.appendChild(li);
      });
      document.getElementById(box[0]).hidden = false;
    });
    document.getElementById("key-points").open = !narrow.matches;
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
    showPanel();
  }
  function goToStep(step) {
    goTo(findView(function (v) { return v.audience === state.audience && v.step === step && !v.node && !v.edge; }));
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
  setText("about", W.about);
  document.getElementById("about").setAttribute("aria-label", W.about_label);
  document.getElementById("stepbar").setAttribute("aria-label", W.step_list);
  setText("step-unknowns-lead", W.not_yet_known);
  setText("picker-label", W.picker_label);
  setText("picker-placeholder", W.picker_placeholder);
  setText("today-heading", W.today_heading);
  setText("today-link", W.today_pointer);
  if (D.core_note) { setText("core-note", D.core_note); document.getElementById("core-note").hidden = false; }
  renderGuide();
  if (D.fact_box) window.renderFactBox(document.getElementById("fact-box"), D.fact_box);
  if (D.diary) window.renderDiary(document.getElementById("diary"), D.diary);
  renderKeyPoints();
  renderClinic();
  if (D.teach_back.questions.length) {
    setText("check-link", W.check_heading);
    setText("check-later", W.check_after_story);
    window.renderTeachBack(document.getElementById("check"), D.teach_back, function (n) {
      moveTo(n - 1); });
  }
  function noticeIf(ok) {
    var notice = document.getElementById("link-notice");
    notice.textContent = W.link_notice; notice.hidden = ok;
  }
  noticeIf(openLink(location.hash.slice(1)));
  picker.addEventListener("change", function () { select(picker.value); });
  D.steps.forEach(function (s, i) { var o = el("option", s.heading); o.value = String(i); steps.appendChild(o); });
  steps.setAttribute("aria-label", W.step_list);
  steps.addEventListener("change", function () { moveTo(Number(steps.value)); });
  // Previous, Next and the list bring the new step's heading into sight (the reader may have scrolled past it).
  function moveTo(step) {
    goToStep(step);
    var title = document.getElementById("step-title").getBoundingClientRect();
    if (title.top < 0 || title.bottom > document.getElementById("stepbar").getBoundingClientRect().top) {
      document.getElementById("step").scrollIntoView({ behavior: "instant" });
    }
  }
  document.getElementById("prev").addEventListener("click", function () { moveTo(state.step - 1); });
  document.getElementById("next").addEventListener("click", function () { moveTo(state.step + 1); });
  D.audiences.forEach(function (a) {
    var b = button(a[1], function () { state.audience = a[0]; render(); });
    b.setAttribute("data-audience", a[0]);
    document.getElementById("audiences").appendChild(b);
  });
  window.addEventListener("hashchange", function () {
    var hash = location.hash.slice(1);
    // A jump within the page (About, the questions, the guide) names an element, not a view: the browser has
    // scrolled to it, and the story stays where it was, its own link back in the address.
    if (hash && document.getElementById(hash)) {
      try { history.replaceState(null, "", "#" + linkOf(currentView())); } catch (err) { /* sandboxed */ }
      return;
    }
    noticeIf(openLink(hash)); render();
  });
  render();  // the words first: they are read while plotly.js (loaded after this script) arrives
  document.documentElement.classList.add("ready");
  gd.setAttribute("aria-label", D.figure_alt);
  gd.setAttribute("role", "img");
  function draw() {
    var view = currentView();
    var figure = figureOf(view);
    drawnAt = view.audience + "/" + view.step;
    Plotly.newPlot(gd, figure.data, figure.layout, D.figure_config).then(function () {
      drawn = true;
      gd.on("plotly_click", function (ev) {
        var p = ev.points && ev.points[0];
        if (p && typeof p.customdata === "string") select(p.customdata);
      });
    });
  }
  // plotly.js comes after this script (inline, or deferred in a site folder): both have run by DOMContentLoaded.
  if (window.Plotly) draw(); else document.addEventListener("DOMContentLoaded", draw);
})();
