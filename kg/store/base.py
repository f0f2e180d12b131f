"""The store interface both backends implement."""

from __future__ import annotations

import abc
from collections.abc import Callable
from types import TracebackType
from typing import Any

import networkx as nx

from kg.errors import UnsupportedOperation
from kg.graph import GraphDiff, GraphStats, diff, graph_stats
from kg.records import Record

Progress = Callable[[int, int], None]
"""Called as ``progress(done, total)`` while a write advances (units: rows written)."""


class WriteSummary(Record):
    """What a write changed."""

    nodes_written: int = 0
    nodes_deleted: int = 0
    edges_written: int = 0
    edges_deleted: int = 0

    @property
    def changed(self) -> bool:
        return any((self.nodes_written, self.nodes_deleted, self.edges_written, self.edges_deleted))


def summarise(d: GraphDiff) -> WriteSummary:
    return WriteSummary(
        nodes_written=len(d.upsert_nodes),
        nodes_deleted=len(d.delete_nodes),
        edges_written=len(d.upsert_edges),
        edges_deleted=len(d.delete_edges),
    )


class GraphStore(abc.ABC):
    """A place that holds one effkg graph.

    ``write(g)`` makes the stored graph equal to ``g`` atomically: a reader sees the old graph or
    the new one, never a mix, and an interrupted write leaves the old graph intact.
    """

    kind: str = "store"

    def __init__(self, uri: str) -> None:
        self.uri = uri

    @abc.abstractmethod
    def read(self) -> nx.MultiDiGraph:
        """The whole stored graph (empty when nothing was built)."""

    @abc.abstractmethod
    def write(self, g: nx.MultiDiGraph, *, progress: Progress | None = None) -> WriteSummary:
        """Replace the stored graph by ``g``, changing only what differs."""

    def stats(self) -> GraphStats:
        """Counts per label and relationship type."""
        return graph_stats(self.read())

    def plan(self, g: nx.MultiDiGraph) -> GraphDiff:
        """The changes :meth:`write` would make (a dry run)."""
        return diff(self.read(), g)

    def cypher(
        self, query: str, params: dict[str, Any] | None = None, *, write: bool = False, plain: bool = False
    ) -> list[dict[str, Any]]:
        """Run Cypher (Neo4j only). ``plain``: the query returns only plain values (no nodes, paths or
        temporal values), so rows are taken as decoded, without the driver's per-value conversion."""
        raise UnsupportedOperation(
            f"Cypher needs a Neo4j store; {self.uri} is the embedded store (use --store bolt://... or neo4j://...)"
        )

    def cypher_cached(self, query: str, params: dict[str, Any] | None = None) -> list[dict[str, Any]]:
        """A read-only :meth:`cypher` of plain values that a store may answer from a copy it knows to
        be current (Neo4j does; see ``Neo4jStore.cypher_cached``)."""
        return self.cypher(query, params, plain=True)

    def close(self) -> None:
        """Release connections (no-op for the embedded store)."""

    def __enter__(self) -> GraphStore:
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.close()

    def __repr__(self) -> str:
        return f"{type(self).__name__}({self.uri!r})"
