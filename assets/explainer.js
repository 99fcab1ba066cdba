<script>
// Installed once per page. Constant code: no data from the graph or the link is ever put here.
(function () {
  if (window.__explainerInstalled) return;
  window.__explainerInstalled = true;
  var lastChartTap = 0;

  // plotly.js selects the point of the last *hover* on click; a tap makes no hover, so a tap
  // selected the previously tapped node. A synthetic mousemove at the touch point, sent before
  // plotly sees the touch, makes the hover (and so the selection) the node under the finger.
  document.addEventListener("touchstart", function (ev) {
    var target = ev.target;
    if (!target || !target.closest || !target.closest(".js-plotly-plot")) return;
    var t = ev.touches && ev.touches[0];
    if (!t) return;
    lastChartTap = Date.now();
    target.dispatchEvent(new MouseEvent("mousemove", {
      bubbles: true, cancelable: true, view: window, clientX: t.clientX, clientY: t.clientY
    }));
  }, { capture: true, passive: true });

  document.addEventListener("mousedown", function (ev) {
    if (ev.target && ev.target.closest && ev.target.closest(".js-plotly-plot")) lastChartTap = Date.now();
  }, { capture: true, passive: true });

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
</script>
