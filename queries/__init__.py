"""Named relationship queries, answered identically by the embedded store and Neo4j.

The documented Python API that the CLI and the web explorer call::

    from kg.store import open_store
    import queries

    store = open_store(".kg")                      # or "bolt://localhost:7687"
    result = queries.run(store, "techniques-for-model", {"model": "llama-2-7b"})
    for row in result.rows:
        print(row["name"], row["papers"], row["evidence"][0]["sentence"])

    queries.techniques_for_model(store, "llama")  # the same through a convenience function
    queries.resolve(store, "A100").entity          # entity resolution with candidates
    [q.name for q in queries.list_queries()]       # every named query, with typed parameters

Every query returns a :class:`QueryResult` (frozen: ``columns``, ``rows`` in canonical order,
``notes`` for people). Bad input raises :class:`kg.errors.KGError` subclasses:
:class:`~kg.errors.UnknownNameError` / :class:`AmbiguousNameError` with candidates,
:class:`~kg.errors.ParameterError` saying what a parameter expects.

>>> import tempfile
>>> from kg.store import open_store
>>> from kg.graph import new_graph, add_node
>>> st = open_store(tempfile.mkdtemp())
>>> g = new_graph(); add_node(g, "technique/lora", "Technique", {"name": "LoRA"}); _ = st.write(g)
>>> search(st, "lora").rows[0]["id"]
'technique/lora'
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from queries.model import AmbiguousNameError, Candidate, ParamSpec, QueryResult, QuerySpec, Resolution
from queries.registry import get, list_queries, run
from queries.resolution import resolve

if TYPE_CHECKING:
    from kg.store.base import GraphStore


def _params(**kw: Any) -> dict[str, Any]:
    return {k: v for k, v in kw.items() if v is not None}


def techniques_for_model(store: GraphStore, model: str) -> QueryResult:
    """Techniques applied to a model or a model family (query ``techniques-for-model``)."""
    return run(store, "techniques-for-model", {"model": model})


def technique_evaluations(store: GraphStore, technique: str, kind: str = "all") -> QueryResult:
    """Models, datasets and hardware a technique (class) or method was evaluated on."""
    return run(store, "technique-evaluations", {"technique": technique, "kind": kind})


def papers_combining(store: GraphStore, a: str, b: str) -> QueryResult:
    """Papers that combine two techniques or methods."""
    return run(store, "papers-combining", {"a": a, "b": b})


def taxonomy(store: GraphStore, concept: str | None = None, depth: int = 0, instances: bool = False) -> QueryResult:
    """The taxonomy under a concept with paper counts."""
    return run(store, "taxonomy", _params(concept=concept, depth=depth, instances=instances))


def path(store: GraphStore, a: str, b: str, max_hops: int = 4, limit: int = 5) -> QueryResult:
    """Shortest typed paths between two entities, each hop with its evidence."""
    return run(store, "path", {"a": a, "b": b, "max_hops": max_hops, "limit": limit})


def techniques_for_target(store: GraphStore, target: str, measured: bool = True) -> QueryResult:
    """Techniques that target a hardware class or device, or reduce a memory component or bottleneck."""
    return run(store, "techniques-for-target", {"target": target, "measured": measured})


def best_results(
    store: GraphStore, metric: str | None = None, on: str | None = None, technique: str | None = None, limit: int = 10
) -> QueryResult:
    """Best reported results for a metric, on a model / benchmark, of a technique."""
    return run(store, "best-results", _params(metric=metric, on=on, technique=technique, limit=limit))


def neighbourhood(store: GraphStore, entity: str, limit: int = 25) -> QueryResult:
    """What an entity extends, is extended by, was compared with, composes with, ..."""
    return run(store, "neighbourhood", {"entity": entity, "limit": limit})


def similar_papers(store: GraphStore, paper: str, limit: int = 10) -> QueryResult:
    """Papers similar to a paper, ranked, with the shared features as reasons."""
    return run(store, "similar-papers", {"paper": paper, "limit": limit})


def gaps(
    store: GraphStore,
    axis: str = "family",
    technique: str | None = None,
    against: str | None = None,
    depth: int = 1,
    min_papers: int = 2,
    include_covered: bool = False,
) -> QueryResult:
    """Technique class x family / hardware class / architecture combinations no paper covers."""
    return run(store, "gaps", _params(axis=axis, technique=technique, against=against, depth=depth,
                                      min_papers=min_papers, include_covered=include_covered))


def timeline(store: GraphStore, technique: str | None = None, depth: int = 1) -> QueryResult:
    """Papers per technique class per year."""
    return run(store, "timeline", _params(technique=technique, depth=depth))


def search(store: GraphStore, text: str, label: str | None = None, limit: int = 10) -> QueryResult:
    """Entities matching a name, alias, acronym or id, best first."""
    return run(store, "search", _params(text=text, label=label, limit=limit))


def entity(store: GraphStore, name: str) -> QueryResult:
    """One entity's id, label and properties."""
    return run(store, "entity", {"entity": name})


__all__ = [
    "AmbiguousNameError",
    "Candidate",
    "ParamSpec",
    "QueryResult",
    "QuerySpec",
    "Resolution",
    "best_results",
    "entity",
    "gaps",
    "get",
    "list_queries",
    "neighbourhood",
    "papers_combining",
    "path",
    "resolve",
    "run",
    "search",
    "similar_papers",
    "taxonomy",
    "technique_evaluations",
    "techniques_for_model",
    "techniques_for_target",
    "timeline",
]
