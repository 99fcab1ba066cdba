"""`python -m mechanisms`: check data files, dump graphs, export handouts."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from .content.clinic import configured_clinic
from .content.load import load_catalog
from .outputs.dumps import DUMP_FORMATS, dump
from .outputs.registry import OUTPUTS, Order
from .present.audience import AUDIENCES, PATIENT
from .present.catalogue import DEFAULT_LANGUAGE, languages
from .settings import BASE_URL_VARIABLE, settings


def _check(args: argparse.Namespace) -> int:
    paths = [Path(p) for p in args.paths] or None
    data_dir = Path(args.data)
    catalog = load_catalog(data_dir, paths, reading=True)
    clinic, clinic_problems = configured_clinic()
    problems = [*catalog.problems, *clinic_problems]
    for problem in problems:
        print(problem, file=sys.stderr)
    if problems:
        print(f"{len(problems)} problem(s) found.", file=sys.stderr)
        return 1
    if not catalog.graphs:
        print(f"no graph files (*.yaml) found in {data_dir}", file=sys.stderr)
        return 1
    for graph in catalog.graphs.values():
        print(
            f"ok: {graph.id}: {len(graph.nodes)} nodes, {len(graph.edges)} edges, "
            f"{len(graph.steps)} steps, {len(graph.glossary)} glossary terms"
        )
    if clinic is not None:
        print(f"ok: clinic settings: {clinic.name}" + (" (with a logo)" if clinic.logo else ""))
    return 0


def _load_one(data: str, graph_id: str):
    catalog = load_catalog(Path(data))
    if graph_id not in catalog.graphs:
        for problem in catalog.problems:
            print(problem, file=sys.stderr)
        known = ", ".join(sorted(catalog.graphs)) or "none"
        print(f"no valid graph '{graph_id}' (valid graphs: {known})", file=sys.stderr)
        return None
    return catalog, catalog.graphs[graph_id]


def _dump(args: argparse.Namespace) -> int:
    loaded = _load_one(args.data, args.graph)
    if loaded is None:
        return 1
    catalog, graph = loaded
    sys.stdout.write(dump(graph, catalog.references, args.format))
    return 0


def _export_target(output: str, is_folder: bool = False) -> str | None:
    """Why `output` (a file, or a folder made if missing for a folder format) cannot be written, checked before
    minutes of drawing, or None."""
    import os

    path = Path(output)
    folder = path.parent if str(path.parent) else Path(".")
    if is_folder and path.exists() and not path.is_dir():
        return f"cannot write {output}: it is a file; give a folder name"
    if is_folder and path.is_dir():
        return None if os.access(path, os.W_OK) else f"cannot write {output}: permission denied"
    if path.is_dir():
        return f"cannot write {output}: it is a folder; give a file name"
    if not folder.is_dir():
        return f"cannot write {output}: the folder {folder} does not exist"
    if not os.access(folder, os.W_OK) or (path.exists() and not os.access(path, os.W_OK)):
        return f"cannot write {output}: permission denied"
    return None


def _export_files(args: argparse.Namespace, graph, references) -> dict[str, bytes]:
    """The exported file's bytes by name (several for a folder format); an ExportError says what this machine
    or these options lack."""
    output = OUTPUTS[args.format]
    clinic = configured_clinic()[0] if output.uses_clinic else None
    order = Order(graph, references, audience=args.audience, clinic=clinic, base_url=_base_url(args),
                  patient_page=settings().patient_page,
                  paper=args.paper, step=args.step, width=args.width, scale=args.scale,
                  language=args.language)
    return output.files(order)


def _base_url(args: argparse.Namespace) -> str:
    """The online address for the PDF's link: --base-url, else $MECHANISMS_BASE_URL, else ''."""
    return args.base_url if args.base_url is not None else settings().base_url


def _export_problem(args: argparse.Namespace, catalog) -> str | None:
    """Why this export cannot start, found before any drawing, or None."""
    from .present.links import valid_base_url

    output = OUTPUTS[args.format]
    if args.step is not None and not output.takes_step:
        stepped = " and ".join(o.name for o in OUTPUTS.values() if o.takes_step)
        return f"--step applies to {stepped} images only"
    if args.graph not in catalog.graphs:
        if args.graph in catalog.files or (Path(args.data) / f"{args.graph}.yaml").is_file():
            return f"graph '{args.graph}' has problems; run `python -m mechanisms --data {args.data} check`"
        known = ", ".join(sorted(catalog.graphs)) or "none"
        return f"no valid graph '{args.graph}' in {args.data} (valid graphs: {known})"
    base = _base_url(args)
    if output.uses_base_url and base.strip() and not valid_base_url(base):
        source = "--base-url" if args.base_url is not None else BASE_URL_VARIABLE
        return f"{source} must be an http:// or https:// address, e.g. https://clinic.example/explainer"
    return _export_target(args.output, output.folder)


def _export(args: argparse.Namespace) -> int:
    """One file, or one line on stderr and exit 1: never a traceback."""
    from .outputs.errors import ExportError

    def fail(message: str) -> int:
        print(f"export: {message}", file=sys.stderr)
        return 1

    if not Path(args.data).is_dir():
        return fail(f"the data folder {args.data} does not exist (set --data or MECHANISMS_DATA)")
    catalog = load_catalog(Path(args.data))
    problem = _export_problem(args, catalog)
    if problem:
        return fail(problem)
    try:
        files = _export_files(args, catalog.graphs[args.graph], catalog.references)
    except ExportError as exc:
        return fail(str(exc))
    except Exception as exc:  # noqa: BLE001 - the command line shows one line, never a traceback
        return fail(f"could not make the {args.format.upper()}: {type(exc).__name__}: {str(exc)[:200]}")
    folder = OUTPUTS[args.format].folder
    try:
        if folder:
            Path(args.output).mkdir(exist_ok=True)
        for name, data in files.items():
            (Path(args.output) / name if folder else Path(args.output)).write_bytes(data)
    except OSError as exc:
        return fail(f"cannot write {args.output}: {exc.strerror or exc}")
    size = sum(len(data) for data in files.values())
    print(f"wrote {args.output}{f'/ ({len(files)} files,' if folder else ' ('} {size:,} bytes)")
    return 0


def _bench(args: argparse.Namespace) -> int:
    """The benchmarks are not part of the installed package: say where they live."""
    print("the benchmarks moved out of the package: from the repository root, run "
          "`python -m bench [--json] [--sizes ...] [--repeat N] [--app]`", file=sys.stderr)
    return 2


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m mechanisms", description=__doc__)
    parser.add_argument("--data", default=str(settings().data_dir), help="folder of graph files (default: %(default)s)")
    sub = parser.add_subparsers(dest="command", required=True)
    check = sub.add_parser("check", help="validate graph files; one line per problem")
    check.add_argument("paths", nargs="*", help="graph files (default: every *.yaml in the data folder)")
    check.set_defaults(run=_check)
    dumper = sub.add_parser("dump", help="write a whole graph to stdout")
    dumper.add_argument("graph", help="graph id, e.g. dry-needling")
    dumper.add_argument("--format", choices=DUMP_FORMATS, default="node-link")
    dumper.set_defaults(run=_dump)
    exporter = sub.add_parser("export", help="PDF handout, standalone HTML page, or PNG/SVG image of a graph")
    exporter.add_argument("graph", help="graph id, e.g. dry-needling")
    exporter.add_argument("--format", choices=tuple(OUTPUTS), required=True)
    exporter.add_argument("-o", "--output", required=True, help="file to write (a folder for --format site)")
    exporter.add_argument("--audience", choices=AUDIENCES, default=PATIENT, help="whose words (PDF, images)")
    exporter.add_argument("--paper", choices=("a4", "letter"), default="a4")
    exporter.add_argument("--language", choices=languages(), default=DEFAULT_LANGUAGE,
                          help="the fixed words' language (pseudo: English in [!! !!], to find untranslated words)")
    exporter.add_argument("--base-url", default=None, help="address of the online app, for the PDF's link and QR code "
                          "(default: $MECHANISMS_BASE_URL)")
    exporter.add_argument("--step", type=int, default=None, help="images: highlight this step (1-based)")
    exporter.add_argument("--width", type=int, default=1200, help="images: width in pixels")
    exporter.add_argument("--scale", type=float, default=1.0, help="images: pixel scale")
    exporter.set_defaults(run=_export)
    bencher = sub.add_parser("bench", help="moved: run `python -m bench` from the repository root")
    for flag in ("--json", "--app"):  # the old options, so an old command line is answered, not refused
        bencher.add_argument(flag, action="store_true", help=argparse.SUPPRESS)
    for option in ("--sizes", "--repeat"):
        bencher.add_argument(option, help=argparse.SUPPRESS)
    bencher.set_defaults(run=_bench)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        return args.run(args)
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return 0
