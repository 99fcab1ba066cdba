// The app's own page behaviour (taps on the diagram are handled by mechanisms/diagram/touch.js).
// Constant code: no data from the graph or the link is ever put here. Installed once per page.
(function () {
  if (window.__explainerInstalled) return;
  window.__explainerInstalled = true;
  var lastChartTap = 0;

  // A download button whose file is made when pressed (the handout: a second or two) is disabled until the
  // file comes; meanwhile the line under it says so in words.
  document.addEventListener("click", function (ev) {
    var button = ev.target && ev.target.closest && ev.target.closest('[class*="st-key-dl-"] button');
    var column = button && button.closest('[data-testid="stColumn"]');
    var note = column && column.querySelector(".dl-making");
    if (!note) return;
    note.classList.add("on");
    var started = Date.now();
    var timer = setInterval(function () {
      var now = column.querySelector('[class*="st-key-dl-"] button');
      if ((now && !now.disabled && Date.now() - started > 400) || Date.now() - started > 120000) {
        note.classList.remove("on");
        clearInterval(timer);
      }
    }, 100);
  }, true);

  function onChart(ev) {
    if (ev.target && ev.target.closest && ev.target.closest(".js-plotly-plot")) lastChartTap = Date.now();
  }
  document.addEventListener("touchstart", onChart, { capture: true, passive: true });
  document.addEventListener("mousedown", onChart, { capture: true, passive: true });

  // When the explanation changes (a tap, the picker, a shared link), its heading is brought into sight.
  // Beside the diagram (a wide screen) the side column scrolls on its own, so the diagram stays where it is.
  // On a phone the explanation follows the diagram: the page scrolls the diagram's top to the top of the
  // screen, so the part tapped and what it does are both in sight (as on the patient page); only if the
  // heading is still hidden (behind the step bar, or below the screen) is it centred.
  var narrow = window.matchMedia("(max-width: 640px)");
  function inSight(heading) {
    var bar = document.querySelector(".st-key-stepbar");
    var limit = bar ? bar.getBoundingClientRect().top : window.innerHeight;
    var box = heading.getBoundingClientRect();
    return box.top >= 0 && box.bottom <= limit;
  }
  function reveal(heading) {
    var column = heading.closest('[data-testid="stColumn"]');
    if (!narrow.matches && column && column.scrollHeight > column.clientHeight) {
      column.scrollTop += heading.getBoundingClientRect().top - column.getBoundingClientRect().top - 8;
    }
    var diagram = document.querySelector(".st-key-diagram");
    if (!inSight(heading) && narrow.matches && diagram) diagram.scrollIntoView({ behavior: "instant", block: "start" });
    if (!inSight(heading)) heading.scrollIntoView({ behavior: "instant", block: "center" });
  }
  // What arrives after the heading (the diagram's drawing, the guide below) can push it out of sight again,
  // most of all on a slow phone opening a shared link. So for a few seconds after it was brought into sight
  // it is kept there, until the reader scrolls, taps or types: then the page is theirs.
  var keptUntil = 0;
  function keepInSight() {
    if (Date.now() > keptUntil || document.querySelector(".st-key-explore")) return;
    var heading = document.querySelector(".st-key-detail h3");
    if (heading && !inSight(heading)) reveal(heading);
  }
  ["wheel", "touchstart", "mousedown", "keydown"].forEach(function (name) {
    document.addEventListener(name, function () { keptUntil = 0; }, { capture: true, passive: true });
  });
  if (window.ResizeObserver) new ResizeObserver(keepInSight).observe(document.body);
  var lastHeading = null;
  var lastStep = null;
  var observer = new MutationObserver(function () {
    // A new step (Next, Previous, the list): its title comes into sight if the reader had scrolled past it.
    var step = document.querySelector(".st-key-step-text h2");
    if (step && step.innerText !== lastStep) {
      if (lastStep !== null && !inSight(step)) step.scrollIntoView({ behavior: "instant", block: "start" });
      lastStep = step.innerText;
    }
    var heading = document.querySelector(".st-key-detail h3");
    if (!heading) return;
    var text = heading.innerText;
    if (text === lastHeading && Date.now() - lastChartTap > 4000) return keepInSight();
    lastHeading = text;
    lastChartTap = 0;
    if (document.querySelector(".st-key-explore")) return; // no part chosen: the step's own text stays in view
    reveal(heading);
    keptUntil = Date.now() + 8000;
  });
  observer.observe(document.body, { childList: true, subtree: true, characterData: true });

  // A link to a step from outside the diagram (the teach-back answers): the address changes and
  // Streamlit reruns the page for it, as on browser Back; the reader is taken up to the diagram.
  window.explainerGoToStep = function (n) {
    var params = new URLSearchParams(location.search);
    params.set("step", String(n)); params.delete("node"); params.delete("edge");
    history.pushState(null, "", "?" + params.toString());
    window.dispatchEvent(new PopStateEvent("popstate"));
    window.scrollTo(0, 0);
  };

  // When the server a reader is on goes away (a replica stopped or restarted), Streamlit reconnects
  // to the next one, which does not know the reader's session: the page would stay on screen but no
  // longer answer. So when the page's socket to the server opens again, the page reloads itself; its
  // address holds the view, so the reader lands where they were. The first socket was opened before
  // this script ran, so only a reconnection is seen here.
  var NativeSocket = window.WebSocket;
  function ExplainerSocket(url, protocols) {
    var socket = protocols === undefined ? new NativeSocket(url) : new NativeSocket(url, protocols);
    if (String(url).indexOf("/_stcore/stream") !== -1) {
      socket.addEventListener("open", function () { window.location.reload(); });
    }
    return socket;
  }
  ExplainerSocket.prototype = NativeSocket.prototype;
  ["CONNECTING", "OPEN", "CLOSING", "CLOSED"].forEach(function (name) { ExplainerSocket[name] = NativeSocket[name]; });
  window.WebSocket = ExplainerSocket;
})();
