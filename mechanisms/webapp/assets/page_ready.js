// First paint: a new page is sent with the diagram, the step's text and Previous/Next only. Once the
// diagram's circles are drawn, this asks the server for the rest of the page (the controls, the
// lists, the guide). Constant code: no data from the graph or the link is ever put here.
export default function ({ setTriggerValue }) {
  var sent = false;
  function send() {
    if (sent) return;
    sent = true;
    setTriggerValue("drawn", true);
  }
  function drawn() {
    var chart = document.querySelector(".js-plotly-plot");
    return !!chart && !!chart.querySelector(".scatterlayer .point");
  }
  function check() {
    if (drawn()) send();
    else if (!sent) requestAnimationFrame(check);
  }
  requestAnimationFrame(check);
  // A diagram that cannot be drawn (or a tab opened in the background) still gets the whole page.
  setTimeout(send, 5000);
}
