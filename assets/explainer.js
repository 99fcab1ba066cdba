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

  // On a narrow screen the panel sits under a tall diagram: bring it into view after a tap.
  var observer = new MutationObserver(function () {
    if (Date.now() - lastChartTap > 4000 || window.innerWidth > 760) return;
    var panel = document.querySelector(".st-key-detail");
    if (!panel) return;
    lastChartTap = 0;
    panel.scrollIntoView({ behavior: "smooth", block: "start" });
  });
  observer.observe(document.body, { childList: true, subtree: true, characterData: true });
})();
