"""What visitors are served while an author's file is broken: the last version that loaded and passed.

A graph that stops loading keeps its last good version; a references file that stops loading keeps
its last good entries. The problems are kept too, for authors (the check, the server log, author
mode), and never replace what a visitor sees. A file still being written is not read at all: it must
have been quiet for `QUIET_S` seconds, and unchanged from before the read to after it.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable, Mapping
from pathlib import Path

from ..settings import settings
from .load import REFERENCES_FILE, Catalog, graph_files, load_catalog

LOG = logging.getLogger("mechanisms.data")
QUIET_S = 1.0
"""How long a data file must be unchanged before it is read: an editor's save is over well within it."""

Signature = tuple[tuple[str, float, int], ...]
"""(name, modified time, size) of every data file: changes whenever any file changes."""


def data_signature(data_dir: Path) -> Signature:
    """The folder's files as they are now, so an edited graph shows without a restart."""
    files = [*graph_files(data_dir), data_dir / REFERENCES_FILE]
    found = []
    for path in files:
        try:
            stat = path.stat()
        except OSError:
            continue
        found.append((path.name, stat.st_mtime, stat.st_size))
    return tuple(found)


def author_mode(environ: Mapping[str, str] | None = None) -> bool:
    """Whether this server shows authors' problems on the page (MECHANISMS_AUTHOR; off by default)."""
    return (settings() if environ is None else settings(environ)).author_mode


def settled(signature: Signature, now: float | None = None) -> bool:
    """Whether no file changed in the last QUIET_S seconds (one being saved is read later, whole)."""
    now = time.time() if now is None else now
    return all(now - modified >= QUIET_S for _, modified, _ in signature)


def _wait(signature: Signature) -> float:
    """Seconds until the newest file has been quiet long enough."""
    newest = max((modified for _, modified, _ in signature), default=0.0)
    return max(0.0, min(QUIET_S, newest + QUIET_S - time.time()))


class LastGood:
    """Per data folder, the newest version of each graph (and reference) that loaded and passed the checks."""

    def __init__(self, data_dir: Path):
        self.data_dir = data_dir
        self._lock = threading.Lock()
        self._served = Catalog()
        self._signature: Signature | None = None

    @property
    def served(self) -> Catalog:
        """What visitors get now: the last good graphs, and the problems of the latest read for authors."""
        return self._served

    def refresh(self, signature_of: Callable[[Path], Signature] = data_signature) -> Catalog:
        """Read the folder again if it changed and has settled; else serve what was served."""
        before = signature_of(self.data_dir)
        if before == self._signature:
            return self._served
        if not settled(before):
            if self._signature is not None:
                return self._served  # visitors keep the last good version; the next run reads it
            time.sleep(_wait(before))  # nothing served yet: wait for the save to finish, once
            before = signature_of(self.data_dir)
        with self._lock:
            if before == self._signature:
                return self._served
            fresh = load_catalog(self.data_dir)
            if signature_of(self.data_dir) != before:  # written to while being read: try again later
                return self._served
            self._served = merge(self._served, fresh)
            self._signature = before
            for problem in fresh.problems:  # one located line each, where a server's operator looks
                LOG.warning("%s", problem)
            return self._served


def merge(last: Catalog, fresh: Catalog) -> Catalog:
    """The fresh graphs where they loaded, the last good ones where they did not; fresh problems for authors.

    A graph whose file is gone is dropped (an author removed it); references are the union, so a
    graph kept from before still finds every reference it cites.
    """
    graphs = {gid: g for gid, g in last.graphs.items() if gid not in fresh.graphs and last.files[gid].exists()}
    files = {gid: last.files[gid] for gid in graphs}
    graphs.update(fresh.graphs)
    files.update(fresh.files)
    return Catalog(graphs=graphs, references={**last.references, **fresh.references}, problems=list(fresh.problems),
                   files=files, version=last.version + 1)
