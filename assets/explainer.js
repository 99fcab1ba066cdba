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

  // After a tap on the diagram, the explanation's heading is brought into its side panel's view
  // (the panel scrolls on its own; "nearest" leaves the page, and so the diagram, where it is).
  var observer = new MutationObserver(function () {
    if (Date.now() - lastChartTap > 4000) return;
    var panel = document.querySelector(".st-key-detail");
    if (!panel) return;
    lastChartTap = 0;
    panel.scrollIntoView({ behavior: "instant", block: "nearest" });
  });
  observer.observe(document.body, { childList: true, subtree: true, characterData: true });
})();
