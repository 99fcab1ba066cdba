"""Every framed step as the app draws it, read off the page at 1280x800 and on a 390x844 touch phone.

Per reader (patient, patient with more detail, practitioner), size and step: the chart's height in screen
pixels and the faults `bench.marks.faults` finds (labels on labels or circles, lines through either, kinds the
legend does not name, marks outside the chart). Run: PYTHONPATH=. python -m bench.framed_steps
"""

from __future__ import annotations

import json
import sys

from playwright.sync_api import sync_playwright

from bench.browser import CHROMIUM, CHROMIUM_ARGS, open_app, start_app, stop_app
from bench.marks import MARKS, faults
from mechanisms.content.load import data_folder, load_catalog

SIZES = {"1280x800": dict(viewport={"width": 1280, "height": 800}),
         "390x844 touch": dict(viewport={"width": 390, "height": 844}, device_scale_factor=2, is_mobile=True,
                               has_touch=True)}
READERS = {"patient": "", "more detail": "&detail=more", "practitioner": "&audience=practitioner"}


def run() -> dict[str, dict[str, list[dict]]]:
    graph = load_catalog(data_folder()).graphs["dry-needling"]
    proc, url = start_app()
    results: dict[str, dict[str, list[dict]]] = {}
    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            for size, options in SIZES.items():
                page = browser.new_context(**options).new_page()
                for reader, query in READERS.items():
                    rows = []
                    for step in range(1, len(graph.steps) + 1):
                        open_app(page, url, f"?graph={graph.id}&step={step}{query}")
                        marks = page.evaluate(MARKS)
                        rows.append({"step": step, "height": round(marks["chart"]["bottom"] - marks["chart"]["top"]),
                                     "parts": len(marks["circles"]), "faults": faults(marks)})
                    results.setdefault(reader, {})[size] = rows
                page.context.close()
            browser.close()
    finally:
        stop_app(proc)
    return results


def table(results: dict[str, dict[str, list[dict]]]) -> str:
    lines = ["framed steps as drawn: faults per step 1..8 (chart height px)"]
    for reader, sizes in results.items():
        for size, rows in sizes.items():
            lines.append(f"  {reader:<13}{size:<15}" + "  ".join(f"{len(r['faults'])} ({r['height']})" for r in rows))
    return "\n".join(lines)


if __name__ == "__main__":
    found = run()
    print(json.dumps(found, indent=1) if "--json" in sys.argv else table(found))
