// The soreness diary on screen, in the app, the patient page and the offline page: a row a day, filled in and
// kept only in this browser (localStorage, under a key of this graph); nothing is sent. Print shows the diary
// alone. Everything shown comes from the JSON the host page holds (mechanisms/outputs/diary.py), written with
// textContent.
window.renderDiary = function (box, data) {
  var key = "mechanisms-diary:" + data.graph, kept = {};
  try { kept = JSON.parse(window.localStorage.getItem(key) || "{}") || {}; } catch (e) { kept = {}; }
  function save() { try { window.localStorage.setItem(key, JSON.stringify(kept)); } catch (e) { /* private mode */ } }
  function el(tag, text, cls) {
    var e = document.createElement(tag);
    if (text != null) e.textContent = text;
    if (cls) e.className = cls;
    return e;
  }
  function choices(day, field, values, labels, cls, legend) {
    var row = el("div", null, cls);
    row.setAttribute("role", "radiogroup");
    row.setAttribute("aria-label", legend);
    values.forEach(function (value, i) {
      var label = el("label"), input = el("input");
      input.type = "radio"; input.name = "dy-" + field + "-" + day; input.value = value;
      input.checked = (kept[day] || {})[field] === value;
      input.addEventListener("change", function () { (kept[day] = kept[day] || {})[field] = value; save(); });
      label.appendChild(input); label.appendChild(el("span", labels[i]));
      row.appendChild(label);
    });
    return row;
  }
  box.textContent = "";
  box.appendChild(el("h2", data.title));
  box.appendChild(el("p", data.intro));
  var watch = el("div", null, "dy-watch");
  watch.appendChild(el("p", data.watch_heading)).style.fontWeight = "600";
  data.watch.forEach(function (line) { watch.appendChild(el("p", line, "urgent")); });
  box.appendChild(watch);
  box.appendChild(el("p", data.kept, "dy-kept"));
  box.appendChild(el("p", data.rate + " " + data.scale, "dy-scale-key"));
  var scale = [];
  for (var n = 0; n <= 10; n++) scale.push(String(n));
  for (var day = 1; day <= data.days; day++) {
    var set = el("fieldset"), note = el("input"), date = el("input"), when = el("label", data.date, "dy-label");
    set.setAttribute("data-day", day);
    set.appendChild(el("legend", data.day_names[day - 1]));
    date.type = "date"; date.value = (kept[day] || {}).date || "";
    date.addEventListener("change", (function (d, input) { return function () {
      (kept[d] = kept[d] || {}).date = input.value; save(); }; })(day, date));
    when.appendChild(document.createTextNode(" ")); when.appendChild(date);
    set.appendChild(when);
    set.appendChild(el("span", data.rate, "dy-label"));
    set.appendChild(choices(day, "sore", scale, scale, "dy-scale", data.rate));
    set.appendChild(el("span", data.usual, "dy-label"));
    set.appendChild(choices(day, "usual", ["better", "same", "worse"], data.usual_choices, "dy-usual", data.usual));
    var noteLabel = el("label", data.notes, "dy-label");
    note.type = "text"; note.value = (kept[day] || {}).note || "";
    note.addEventListener("input", (function (d, input) { return function () {
      (kept[d] = kept[d] || {}).note = input.value; save(); }; })(day, note));
    noteLabel.appendChild(note);
    set.appendChild(noteLabel);
    box.appendChild(set);
  }
  var actions = el("div", null, "dy-actions"), print = el("button", data.print), clear = el("button", data.clear);
  print.type = "button"; clear.type = "button";
  print.addEventListener("click", function () {
    document.body.classList.add("dy-printing");
    window.print();
    document.body.classList.remove("dy-printing");
  });
  clear.addEventListener("click", function () {
    if (!window.confirm(data.clear_confirm)) return;
    kept = {}; save(); window.renderDiary(box, data);
  });
  actions.appendChild(print); actions.appendChild(clear);
  box.appendChild(actions);
  box.hidden = false;
};
