// The app's own page behaviour (taps on the diagram are handled by mechanisms/diagram/touch.js).
// Constant code: no data from the graph or the link is ever put here. Installed once per page.
(function () {
  if (window.__explainerInstalled) return;
  window.__explainerInstalled = true;
  var lastChartTap = 0;

  function onChart(ev) {
    if (ev.target && ev.target.closest && ev.target.closest(".js-plotly-plot")) lastChartTap = Date.now();
  }
  document.addEventListener("touchstart", onChart, { capture: true, passive: true });
  document.addEventListener("mousedown", onChart, { capture: true, passive: true });

  // When the explanation changes (a tap, the picker, a shared link), its heading is brought into
  // the side panel's view: the panel scrolls on its own, and "nearest" leaves the page, and so the
  // diagram, where it is. After a tap on the diagram the same holds for an unchanged heading.
  var lastHeading = null;
  var observer = new MutationObserver(function () {
    var heading = document.querySelector(".st-key-detail h3");
    if (!heading) return;
    var text = heading.innerText;
    if (text === lastHeading && Date.now() - lastChartTap > 4000) return;
    lastHeading = text;
    lastChartTap = 0;
    if (document.querySelector(".st-key-explore")) return; // no part chosen: the step's own text stays in view
    heading.scrollIntoView({ behavior: "instant", block: "nearest" });
  });
  observer.observe(document.body, { childList: true, subtree: true, characterData: true });
})();
