// Risks and benefits out of 1,000 treatments, in the app, the patient page and the offline page.
// Everything shown comes from the JSON the host page holds (mechanisms/outputs/factbox.py), in the order
// present/factbox.py gives: each study's squares fill row by row, the serious ones first, then the small
// side effects, then the rest. Words are written with textContent; the squares are one SVG per study.
window.renderFactBox = function (box, data) {
  var SVG = "http://www.w3.org/2000/svg";
  function el(tag, text, cls) {
    var e = document.createElement(tag);
    if (text != null) e.textContent = text;
    if (cls) e.className = cls;
    return e;
  }
  function squares(study) {
    var rows = Math.ceil(data.per / data.columns), pitch = 10, side = 8.4;
    var svg = document.createElementNS(SVG, "svg");
    svg.setAttribute("viewBox", "0 0 " + (data.columns * pitch) + " " + (rows * pitch));
    svg.setAttribute("role", "img");
    svg.setAttribute("aria-label", study.name + ". " + study.alt);
    var kinds = [["serious", study.serious.count], ["minor", study.minor.count], ["none", study.none.count]];
    var i = 0;
    kinds.forEach(function (kind) {
      for (var n = 0; n < kind[1]; n++, i++) {
        var r = document.createElementNS(SVG, "rect");
        r.setAttribute("x", (i % data.columns) * pitch); r.setAttribute("y", Math.floor(i / data.columns) * pitch);
        r.setAttribute("width", side); r.setAttribute("height", side);
        r.setAttribute("fill", data.fills[kind[0]]); r.setAttribute("stroke", data.edge); r.setAttribute("stroke-width", 0.6);
        r.setAttribute("data-kind", kind[0]);
        svg.appendChild(r);
      }
    });
    return svg;
  }
  function keyLine(line, kind) {
    var li = el("li"), swatch = el("span", null, "fb-swatch"), words = el("strong", line.label + ": " + line.text);
    swatch.style.background = data.fills[kind];
    li.setAttribute("data-kind", kind);
    li.appendChild(swatch);
    if (line.note) words.appendChild(el("span", line.note, "fb-note"));
    li.appendChild(words);
    return li;
  }
  box.textContent = "";
  box.appendChild(el("h2", data.title));
  box.appendChild(el("p", data.intro));
  var studies = el("div", null, "fb-studies");
  data.studies.forEach(function (study) {
    var part = el("section", null, "fb-study");
    part.appendChild(el("h3", study.name));
    part.appendChild(squares(study));
    var key = el("ul", null, "fb-key");
    key.appendChild(keyLine(study.serious, "serious"));
    key.appendChild(keyLine(study.minor, "minor"));
    key.appendChild(keyLine(study.none, "none"));
    part.appendChild(key);
    if (study.details.length) {
      part.appendChild(el("p", data.details_heading + ":"));
      var details = el("ul", null, "fb-details");
      study.details.forEach(function (d) { details.appendChild(el("li", "\u2022 " + d.label + ": " + d.text)); });
      part.appendChild(details);
    }
    part.appendChild(el("p", study.source_note, "fb-source"));
    studies.appendChild(part);
  });
  box.appendChild(studies);
  box.appendChild(el("h3", data.benefit_title));
  var benefit = el("ul", null, "fb-benefit");
  data.benefit.forEach(function (line) {
    var li = el("li", line.text);
    if (line.source_note) li.appendChild(el("p", line.source_note, "fb-source"));
    benefit.appendChild(li);
  });
  box.appendChild(benefit);
  box.hidden = false;
};
