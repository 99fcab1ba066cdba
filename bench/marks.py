"""What a reader sees in a drawn chart, in screen pixels, and what is wrong with it: for browser tests and benchmarks.

`MARKS` reads the drawn diagram (labels' text boxes, circles, line pieces, the legend's kinds) from the page;
`faults` lists, in words, every label on a label or on another part's circle, every line through a label or a
circle, every drawn kind of line the legend does not name, and every label or circle outside the chart.
"""

from __future__ import annotations

import math

MARKS = """() => {
  const gd = document.querySelector('.st-key-diagram .js-plotly-plot') || document.querySelector('.js-plotly-plot');
  const r = gd.getBoundingClientRect(); const xa = gd._fullLayout.xaxis, ya = gd._fullLayout.yaxis;
  const px = (x, y) => [r.left + xa._offset + xa.l2p(x), r.top + ya._offset + ya.l2p(y)];
  const labels = [...gd.querySelectorAll('.annotation')].map(a => a.querySelector('.annotation-text'))
    .filter(t => t && getComputedStyle(t).visibility !== 'hidden')
    .map(t => { const b = t.getBoundingClientRect();
      return {text: t.textContent, left: b.left, right: b.right, top: b.top, bottom: b.bottom}; });
  const nodes = gd._fullData.find(t => t.name === 'mechanism');
  const size = (i) => Array.isArray(nodes.marker.size) ? nodes.marker.size[i] : nodes.marker.size;
  const circles = nodes.x.map((x, i) => { const [cx, cy] = px(x, nodes.y[i]);
    return {id: nodes.customdata[i], x: cx, y: cy, r: size(i) / 2}; });
  const lines = [];
  for (const t of gd._fullData) {
    if (t.mode !== 'lines+markers' || t.showlegend || t.customdata) continue;  // a link's drawn line
    let prev = null;
    for (let i = 0; i < t.x.length; i++) {
      if (t.x[i] === null || t.x[i] === undefined) { prev = null; continue; }
      const p = px(t.x[i], t.y[i]);
      if (prev) lines.push({a: prev, b: p, dash: t.line.dash, color: t.line.color});
      prev = p;
    }
  }
  const legend = gd._fullData.filter(t => t.showlegend)
    .map(t => ({dash: t.line.dash, color: t.line.color, name: t.name}));
  return {labels, circles, lines, legend, chart: {left: r.left, right: r.right, top: r.top, bottom: r.bottom}};
}"""
"""The drawn diagram's marks in viewport pixels; labels and circles in the figure's node order (one label per part)."""

Box = dict


def _meet(a: Box, b: Box, slack: float = 1.0) -> bool:
    return (a["left"] + slack < b["right"] and b["left"] + slack < a["right"]
            and a["top"] + slack < b["bottom"] and b["top"] + slack < a["bottom"])


def _on_circle(box: Box, c: Box) -> bool:
    """A label's box reaches into a circle (its nearest point is inside the circle)."""
    nx = min(max(c["x"], box["left"]), box["right"])
    ny = min(max(c["y"], box["top"]), box["bottom"])
    return math.hypot(nx - c["x"], ny - c["y"]) < c["r"] - 1


def _inside(x: float, y: float, box: Box, slack: float = 1.0) -> bool:
    return box["left"] + slack < x < box["right"] - slack and box["top"] + slack < y < box["bottom"] - slack


def _samples(line: Box, skip: float = 8.0) -> list[tuple[float, float]]:
    """Points every 2 px along a line piece, leaving out `skip` px at each end (where it meets its own parts)."""
    (ax, ay), (bx, by) = line["a"], line["b"]
    length = math.hypot(bx - ax, by - ay)
    steps = int(length // 2)
    return [(ax + (bx - ax) * i / steps, ay + (by - ay) * i / steps) for i in range(1, steps)
            if skip <= length * i / steps <= length - skip] if steps > 1 else []


def faults(marks: dict) -> list[str]:
    """Every fault a reader would see, in words; an empty list for a clean picture."""
    labels, circles, lines = marks["labels"], marks["circles"], marks["lines"]
    found = []
    for i, a in enumerate(labels):
        for b in labels[i + 1:]:
            if _meet(a, b):
                found.append(f"label {a['text']!r} on label {b['text']!r}")
        for j, c in enumerate(circles):
            if j != i and _on_circle(a, c):
                found.append(f"label {a['text']!r} on the circle of {c['id']}")
    for line in lines:
        points = _samples(line)
        for box in labels:
            if any(_inside(x, y, box) for x, y in points):
                found.append(f"a line through label {box['text']!r}")
        for c in circles:
            if any(math.hypot(end[0] - c["x"], end[1] - c["y"]) <= c["r"] + 3 for end in (line["a"], line["b"])):
                continue  # the piece starts or ends at this part
            if any(math.hypot(x - c["x"], y - c["y"]) < c["r"] - 1 for x, y in points):
                found.append(f"a line through the circle of {c['id']}")
    named = {(k["dash"], k["color"]) for k in marks["legend"]}
    for kind in sorted({(line["dash"], line["color"]) for line in lines} - named):
        found.append(f"a {kind[0]} {kind[1]} line the legend does not name")
    chart = marks["chart"]
    for box in labels:
        if box["left"] < chart["left"] - 1 or box["right"] > chart["right"] + 1:
            found.append(f"label {box['text']!r} outside the chart")
    for c in circles:
        if not (chart["left"] < c["x"] < chart["right"] and chart["top"] < c["y"] < chart["bottom"]):
            found.append(f"the circle of {c['id']} outside the chart")
    return found
