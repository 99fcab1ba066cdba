"""The patient page as a folder (`export --format site`) and as one file: what each loads, caches and names."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

from bench.catalogs import shared_catalog
from mechanisms.content.clinic import Clinic
from mechanisms.outputs.site import ICONS, build_site, manifest
from mechanisms.outputs.standalone import PLOTLY_JS, build_html, plotly_js

ROOT = Path(__file__).resolve().parents[1]
CATALOG = shared_catalog()
GRAPH = CATALOG.graphs["dry-needling"]


@pytest.fixture(scope="module")
def site() -> dict[str, bytes]:
    return build_site(GRAPH, CATALOG.references)


def loaded(html: str) -> list[str]:
    """Every address the page's markup asks the browser to load (scripts, styles, icons, manifest)."""
    return re.findall(r'<(?:script|link|img)\b[^>]*\b(?:src|href)="([^"]+)"', html.split('id="graph-data"')[0]
                      + html.split("</script>", 1)[-1])


def test_the_folder_holds_the_page_plotly_the_manifest_icons_and_the_service_worker(site):
    assert set(site) == {"index.html", PLOTLY_JS, "manifest.webmanifest", "sw.js", *ICONS}
    assert site[PLOTLY_JS].decode("utf-8") == plotly_js()
    assert plotly_js().startswith("/**\n* plotly.js (basic - minified) v4.1.1"), "the partial bundle, its version"
    for name in ICONS:
        assert site[name][:8] == b"\x89PNG\r\n\x1a\n"


def test_the_page_loads_only_its_own_files(site):
    html = site["index.html"].decode("utf-8")
    assert sorted(loaded(html)) == sorted([PLOTLY_JS, "manifest.webmanifest", "icon-192.png", "icon-192.png"])
    policy = re.search(r'http-equiv="Content-Security-Policy" content="([^"]+)"', html)[1]
    assert "default-src 'none'" in policy and "script-src 'self'" in policy
    assert "http" not in policy, "nothing from another host"


def test_the_one_file_page_is_the_same_page_with_plotly_inside_and_loads_nothing():
    html = build_html(GRAPH, CATALOG.references)
    assert loaded(html) == [] and plotly_js()[:200] in html
    assert "serviceWorker" not in html and "manifest" not in html.split("<body>")[0]
    assert len(html.encode("utf-8")) < 2_500_000, "the basic bundle, not the full 4.8 MB one"


def test_the_service_worker_keeps_exactly_the_folders_files_under_a_name_that_changes_with_them(site):
    worker = site["sw.js"].decode("utf-8")
    files = json.loads(re.search(r"var FILES = (\[.*?\]);", worker)[1])
    assert sorted(files) == sorted(["./", *(name for name in site if name != "sw.js")])
    cache = re.search(r'var CACHE = "([^"]+)";', worker)[1]
    other = build_site(GRAPH, CATALOG.references, Clinic("Riverside", emergency="999"))["sw.js"].decode("utf-8")
    assert cache.startswith("dry-needling-") and cache not in other, "a new export, a new cache"
    assert build_site(GRAPH, CATALOG.references)["sw.js"].decode("utf-8") == worker, "the same export, the same one"


def test_the_manifest_names_the_page_and_its_icons():
    made = manifest(GRAPH)
    assert made["name"] == GRAPH.title and made["start_url"] == "./" and made["display"] == "standalone"
    assert [(i["src"], i["sizes"]) for i in made["icons"]] == list(ICONS.items())


def test_the_command_writes_the_folder_and_refuses_a_file_in_its_place(tmp_path):
    target = tmp_path / "patient"
    done = subprocess.run([sys.executable, "-m", "mechanisms", "export", "dry-needling", "--format", "site", "-o",
                           str(target)], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert sorted(p.name for p in target.iterdir()) == sorted(build_site(GRAPH, CATALOG.references))
    assert done.stdout.startswith(f"wrote {target}/ (6 files,")
    blocker = tmp_path / "a-file"
    blocker.write_text("x")
    refused = subprocess.run([sys.executable, "-m", "mechanisms", "export", "dry-needling", "--format", "site", "-o",
                              str(blocker)], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert refused.returncode == 1 and refused.stderr.strip() == f"export: cannot write {blocker}: it is a file; " \
                                                                 "give a folder name"
