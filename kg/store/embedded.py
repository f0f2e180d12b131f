"""The embedded store: one canonical JSON file under a data directory (default ``./.kg``).

Writes go to a temporary file that is fsynced and renamed over the old one, so a crash or
Ctrl-C mid-write leaves the previous graph intact; a file that cannot be decoded raises
:class:`~kg.errors.CorruptStore` instead of looking like an empty graph.

>>> import tempfile, pathlib
>>> from kg.graph import new_graph, add_node
>>> store = EmbeddedStore(pathlib.Path(tempfile.mkdtemp()) / "kgdata")
>>> g = new_graph(); add_node(g, "technique/pruning", "Technique", {"name": "Pruning"})
>>> store.write(g).nodes_written
1
>>> store.write(g).changed
False
>>> store.stats().nodes
{'Technique': 1}
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from pathlib import Path

import networkx as nx

from kg.errors import CorruptStore, StoreError, StoreUnavailable
from kg.graph import diff, dumps, from_json, new_graph
from kg.store.base import GraphStore, Progress, WriteSummary, summarise

GRAPH_FILE = "graph.json"


class EmbeddedStore(GraphStore):
    """A networkx graph persisted as canonical node-link JSON in ``<directory>/graph.json``."""

    kind = "embedded"

    def __init__(self, directory: str | os.PathLike[str]) -> None:
        self.directory = Path(directory)
        super().__init__(str(self.directory))
        self._cache: tuple[tuple[int, int], nx.MultiDiGraph] | None = None

    @property
    def path(self) -> Path:
        return self.directory / GRAPH_FILE

    def exists(self) -> bool:
        return self.path.is_file()

    def read(self) -> nx.MultiDiGraph:
        if not self.path.exists():
            if self.directory.exists() and not self.directory.is_dir():
                raise StoreUnavailable(f"store path {self.directory} is not a directory", uri=self.uri)
            return new_graph()
        try:
            st = self.path.stat()
            stamp = (st.st_mtime_ns, st.st_size)
            # Queries read the graph often; reuse it until the file changes.
            if self._cache is not None and self._cache[0] == stamp:
                return self._cache[1]
            raw = self.path.read_bytes()
        except OSError as exc:
            raise StoreError(f"cannot read graph at {self.path}: {exc}", uri=self.uri) from exc
        try:
            text = raw.decode("utf-8")
        except UnicodeDecodeError as exc:
            raise CorruptStore(f"{self.path}: graph data is corrupt: not UTF-8 text (move the file aside to start over)", uri=self.uri) from exc
        try:
            g = from_json(text)
        except StoreError as exc:
            raise type(exc)(f"{self.path}: {exc}", uri=self.uri) from exc
        self._cache = (stamp, g)
        return g

    def write(self, g: nx.MultiDiGraph, *, progress: Progress | None = None) -> WriteSummary:
        plan = diff(self.read(), g)
        if plan.empty:
            return WriteSummary()
        text = dumps(g)
        try:
            self.directory.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(prefix=".graph-", suffix=".tmp", dir=self.directory)
        except OSError as exc:
            raise StoreUnavailable(f"cannot write to {self.directory}: {exc}", uri=self.uri) from exc
        try:
            with os.fdopen(fd, "w", encoding="utf-8") as fh:
                fh.write(text)
                fh.flush()
                os.fsync(fh.fileno())
            os.replace(tmp, self.path)
            # fsync the directory so the rename itself survives a power cut.
            dir_fd = os.open(self.directory, os.O_RDONLY)
            try:
                os.fsync(dir_fd)
            finally:
                os.close(dir_fd)
        except BaseException:
            # Ctrl-C included: drop the partial temporary file, keep the old graph.
            with contextlib.suppress(OSError):
                os.unlink(tmp)
            raise
        self._cache = None
        self._remove_stale_temporaries()
        total = len(plan.upsert_nodes) + len(plan.upsert_edges)
        if progress:
            progress(total, total)
        return summarise(plan)

    def _remove_stale_temporaries(self) -> None:
        # A write killed by SIGKILL cannot clean up after itself; the next good write does.
        for stale in self.directory.glob(".graph-*.tmp"):
            with contextlib.suppress(OSError):
                stale.unlink()
