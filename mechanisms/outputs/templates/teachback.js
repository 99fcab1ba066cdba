// Check what you understood: the teach-back questions, in the app and in the offline page.
// Everything shown comes from the JSON the host page holds (mechanisms/present/teachback.py) and is
// written with textContent. Answers stay in this browser: nothing is sent or kept.
// renderTeachBack(box, data, goToStep): goToStep(n) is the host's own way to show step n.
window.renderTeachBack = function (box, data, goToStep) {
  function el(tag, text, cls) {
    var e = document.createElement(tag);
    if (text != null) e.textContent = text;
    if (cls) e.className = cls;
    return e;
  }
  box.textContent = "";
  box.appendChild(el("h2", data.heading));
  box.appendChild(el("p", data.intro));
  data.questions.forEach(function (q, qi) {
    var set = el("fieldset", null, "tb-question");
    set.setAttribute("data-question", q.id);
    set.appendChild(el("legend", (qi + 1) + ". " + q.question));
    var feedback = el("div", null, "tb-feedback");
    feedback.setAttribute("aria-live", "polite");
    q.choices.forEach(function (c, ci) {
      var label = el("label", null, "tb-choice"), input = el("input");
      input.type = "radio"; input.name = "tb-" + q.id; input.value = String(ci);
      input.addEventListener("change", function () {
        feedback.textContent = "";
        feedback.className = "tb-feedback " + (c.correct ? "tb-right" : "tb-wrong");
        var verdict = el("p");
        verdict.appendChild(el("strong", (c.correct ? "\u2713 " + data.right : "\u2717 " + data.wrong) + ". "));
        verdict.appendChild(document.createTextNode(c.why));
        feedback.appendChild(verdict);
        var link = el("button", q.step_link, "tb-step"); link.type = "button";
        link.addEventListener("click", function () { goToStep(q.step); });
        feedback.appendChild(link);
        // Keep the answer in sight: above the fixed step bar (the app's or the offline page's), if there is one.
        var bar = document.querySelector(".st-key-stepbar, #stepbar");
        var limit = bar ? bar.getBoundingClientRect().top : window.innerHeight;
        var below = feedback.getBoundingClientRect().bottom - limit + 12;
        if (below > 0) window.scrollBy(0, below);
      });
      label.appendChild(input);
      label.appendChild(el("span", c.text));
      set.appendChild(label);
    });
    set.appendChild(feedback);
    box.appendChild(set);
  });
};
