"""`python -m bench` (or `python -m bench.core`): medians of the core pipeline on the real graph and synthetic ones.

Measured in one warm process (what a running app pays per graph): load+validate from the file,
the networkx structure, layout, figure build, node-link dump; then how each grows per 10x nodes.
With --app, the browser part (cold load against the floor page, click, tap, Next, nginx gzip,
a phone network, server memory) is measured by `bench/app_bench.py`.

Run from the repository root: `python -m bench [--json] [--sizes 10,100,1000,5000] [--repeat 5] [--app]`.
"""

from __future__ import annotations

import argparse
import json
import math
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from mechanisms.content.load import REFERENCES_FILE, data_folder, load_graph, load_references
from mechanisms.diagram.figure import build_figure
from mechanisms.diagram.layout import compute_layout
from mechanisms.outputs.dumps import dump
from mechanisms.present.highlight import node_highlight

from .synthetic import synthetic_yaml

SIZES = (10, 100, 1000, 5000)
STAGES = ("load", "build", "layout", "figure", "dump")


def _median_ms(fn: Callable[[], Any], repeat: int) -> tuple[float, Any]:
    result = fn()  # warm-up: imports, caches
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        result = fn()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times), result


def measure_file(path: Path, references: dict, repeat: int) -> dict[str, float]:
    """Median milliseconds of each stage for one graph file."""
    row: dict[str, float] = {}
    row["load"], graph = _median_ms(lambda: load_graph(path, references), repeat)
    # The structure is built once per loaded graph (a cached property): time a fresh build of it.
    row["build"], _ = _median_ms(lambda: type(graph).digraph.func(graph), repeat)
    row["layout"], layout = _median_ms(lambda: compute_layout(graph), repeat)
    first = graph.nodes[min(1, len(graph.nodes) - 1)].id
    row["figure"], _ = _median_ms(lambda: build_figure(graph, layout, node_highlight(graph, first)), repeat)
    row["dump"], _ = _median_ms(lambda: dump(graph, references, "node-link"), repeat)
    row["nodes"] = len(graph.nodes)
    row["edges"] = len(graph.edges)
    row["pipeline"] = row["load"] + row["layout"] + row["figure"]
    return row


def growth(rows: dict[str, dict[str, float]]) -> dict[str, float]:
    """Per stage, the exponent k of time ~ n^k fitted between the smallest and largest graph."""
    sizes = sorted(rows, key=lambda k: rows[k]["nodes"])
    lo, hi = rows[sizes[0]], rows[sizes[-1]]
    span = math.log(hi["nodes"] / lo["nodes"])
    return {s: round(math.log(max(hi[s], 1e-3) / max(lo[s], 1e-3)) / span, 2) for s in (*STAGES, "pipeline")}


def run(sizes: tuple[int, ...] = SIZES, repeat: int = 5, data_dir: Path | None = None) -> dict[str, Any]:
    data_dir = data_folder() if data_dir is None else data_dir
    references = load_references(data_dir / REFERENCES_FILE)
    results: dict[str, Any] = {"unit": "ms (median)", "repeat": repeat, "graphs": {}}
    real = data_dir / "dry-needling.yaml"
    if real.exists():
        results["graphs"]["dry-needling"] = measure_file(real, references, repeat)
        results["readability"] = readability(real, references)
        results["framed_readability"] = framed_readability(real, references)
    synthetic: dict[str, dict[str, float]] = {}
    with tempfile.TemporaryDirectory() as tmp:
        for n in sizes:
            path = Path(tmp) / f"synthetic-{n}.yaml"
            path.write_text(synthetic_yaml(n), encoding="utf-8")
            reps = repeat if n <= 1000 else max(1, repeat // 2)
            synthetic[f"synthetic-{n}"] = measure_file(path, references, reps)
    results["graphs"].update(synthetic)
    if len(synthetic) >= 2:
        results["growth_exponent"] = growth(synthetic)
    return results


def readability(path: Path, references: dict) -> dict[str, dict[str, float]]:
    """The whole picture's tangle figures per audience (crossings, overlaps, pass-throughs, ...)."""
    from mechanisms.diagram.quality import measure
    from mechanisms.present.audience import AUDIENCES

    graph = load_graph(path, references)
    layout = compute_layout(graph)
    return {audience: measure(graph, layout, audience).as_dict() for audience in AUDIENCES}


FRAMED_VIEWS = {"patient": ("patient", True), "more detail": ("patient", False),
                "practitioner": ("practitioner", False)}
"""A framed step's readers: (audience, core path only)."""


def framed_readability(path: Path, references: dict) -> dict[str, list[dict[str, float]]]:
    """Each step drawn on its own, per reader and font (13 px on a screen, 18 px in consult mode): tangle figures."""
    from mechanisms.diagram import framed
    from mechanisms.diagram.quality import measure
    from mechanisms.diagram.style import CONSULT_FONT_PX, LABEL_FONT_PX

    whole = load_graph(path, references)
    figures: dict[str, list[dict[str, float]]] = {}
    for name, (audience, core) in FRAMED_VIEWS.items():
        graph = whole.core if core else whole
        for font in (LABEL_FONT_PX, CONSULT_FONT_PX):
            rows = []
            for step in graph.steps:
                own, notes = framed.own_graph(graph, step.id), framed.notes(graph, step.id)
                layout = framed.step_layout(own, framed.label_depths(own, audience, notes, font))
                rows.append(measure(own, layout, audience, font, notes).as_dict())
            figures[f"{name}, {font} px"] = rows
    return figures


def framed_table(figures: dict[str, list[dict[str, float]]]) -> str:
    """Per reader and font: the steps' summed tangle figures and each step's height (layout px)."""
    names = ("crossings", "overlapping_links", "pass_throughs", "label_overlaps", "close_markers")
    lines = ["each step on its own (dry-needling), summed over the steps: " + ", ".join(n.replace("_", " ")
                                                                                      for n in names)
             + "; then each step's height"]
    for view, rows in figures.items():
        lines.append(f"  {view:<22}" + "".join(f"{sum(r[n] for r in rows):>5.0f}" for n in names)
                     + "   " + " ".join(f"{r['height']:.0f}" for r in rows))
    return "\n".join(lines)


def readability_table(figures: dict[str, dict[str, float]]) -> str:
    """One line per audience: what a reader would call a tangle, measured on the drawn picture."""
    names = ("crossings", "overlapping_links", "pass_throughs", "label_overlaps", "close_markers", "width", "height")
    lines = ["whole picture (dry-needling): " + ", ".join(n.replace("_", " ") for n in names)]
    for audience, row in figures.items():
        lines.append(f"  {audience:<13}" + "".join(f"{row[n]:>7.0f}" for n in names))
    return "\n".join(lines)


def table(results: dict[str, Any]) -> str:
    head = f"{'graph':<18}{'nodes':>7}{'edges':>7}" + "".join(f"{s:>9}" for s in (*STAGES, "pipeline"))
    lines = [head, "-" * len(head)]
    for name, row in results["graphs"].items():
        lines.append(
            f"{name:<18}{int(row['nodes']):>7}{int(row['edges']):>7}"
            + "".join(f"{row[s]:>9.1f}" for s in (*STAGES, "pipeline"))
        )
    if "growth_exponent" in results:
        g = results["growth_exponent"]
        lines.append(f"{'growth n^k':<32}" + "".join(f"{g[s]:>9.2f}" for s in (*STAGES, "pipeline")))
    lines.append("times: median ms in a warm process; pipeline = load+validate + layout + figure")
    if "readability" in results:
        lines += ["", readability_table(results["readability"])]
    if "framed_readability" in results:
        lines += ["", framed_table(results["framed_readability"])]
    return "\n".join(lines)


def main(as_json: bool = False, sizes: tuple[int, ...] = SIZES, repeat: int = 5, app: bool = False) -> int:
    results = {"core": run(sizes, repeat)}
    text = table(results["core"])
    if app:
        try:
            from . import app_bench
        except ImportError as exc:
            print(f"bench --app needs the test requirements (requirements-dev.txt): {exc}",
                  file=sys.stderr)
            return 1
        results["app"] = app_bench.run(repeat=repeat)
        text += "\n\n" + app_bench.table(results["app"])
    print(json.dumps(results, indent=2) if as_json else text)
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m bench", description="time the core pipeline on the real and "
                                     "synthetic graphs")
    parser.add_argument("--json", action="store_true", help="one JSON object instead of a table")
    parser.add_argument("--sizes", default="", help="synthetic sizes, e.g. 10,100,1000,5000")
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--app", action="store_true",
                        help="also measure the app in headless Chromium (needs requirements-dev.txt, chromium, nginx)")
    return parser


def cli(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    sizes = tuple(int(x) for x in args.sizes.split(",")) if args.sizes else SIZES
    return main(as_json=args.json, sizes=sizes, repeat=args.repeat, app=args.app)


if __name__ == "__main__":
    raise SystemExit(cli())
