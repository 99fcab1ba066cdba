// Taps on a Plotly diagram, for every page that shows one (the app and the offline page).
// Constant code: no data from the graph or the link is ever put here. Installed once per page.
(function () {
  if (window.__diagramTouchInstalled) return;
  window.__diagramTouchInstalled = true;
  var tapStart = [-1e6, -1e6];

  // plotly.js selects the point of the last *hover* on click; a tap makes no hover, so a tap
  // selected the previously tapped node. A synthetic mousemove at the touch point, sent before
  // plotly sees the touch, makes the hover (and so the selection) the node under the finger.
  // Streamlit replaces a figure's `dragmode: false` with "pan" when selection is on, and with
  // any dragmode plotly.js cancels touchmove on the chart: the page cannot be scrolled through it.
  // plotly reads the dragmode again at each press, so setting it back to false here keeps clicks
  // and taps selecting points while the page scrolls normally.
  function noDrag(target) {
    var gd = target.closest(".js-plotly-plot");
    if (gd && gd._fullLayout) gd._fullLayout.dragmode = false;
    return gd;
  }

  document.addEventListener("touchstart", function (ev) {
    var target = ev.target;
    if (!target || !target.closest || !noDrag(target)) return;
    var t = ev.touches && ev.touches[0];
    if (!t) return;
    tapStart = [t.clientX, t.clientY];
    target.dispatchEvent(new MouseEvent("mousemove", {
      bubbles: true, cancelable: true, view: window, clientX: t.clientX, clientY: t.clientY
    }));
  }, { capture: true, passive: true });

  // With dragmode false plotly.js takes the tap itself (on touchend); the browser would then send
  // the compatibility mouse events too, a second click within the double-click window that
  // clears the selection. Cancelling a tap's touchend suppresses those events only.
  // A swipe that starts on a circle scrolls the page and selects nothing: plotly.js would take the end of any
  // touch on the chart as a click on what lies under the finger, so the end of a swipe never reaches it.
  document.addEventListener("touchend", function (ev) {
    var target = ev.target;
    if (!target || !target.closest || !target.closest(".js-plotly-plot")) return;
    var t = ev.changedTouches && ev.changedTouches[0];
    if (!t) return;
    if (Math.abs(t.clientX - tapStart[0]) < 10 && Math.abs(t.clientY - tapStart[1]) < 10) ev.preventDefault();
    else ev.stopImmediatePropagation();
  }, { capture: true, passive: false });

  document.addEventListener("mousedown", function (ev) {
    if (ev.target && ev.target.closest) noDrag(ev.target);
  }, { capture: true, passive: true });
})();
