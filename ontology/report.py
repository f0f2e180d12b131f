"""What ``kg ontology`` shows: the taxonomy tree with paper counts, and one concept in full.

Counts come from a built graph: a concept counts the distinct papers that ``STUDIES`` it or any
of its descendants (hardware classes: papers that ``TARGETS`` them). Without a graph every count
is zero.

>>> from ontology import load
>>> rows = tree_rows(load(), {}, root="technique/kv-cache-compression", max_depth=1)
>>> [(r["depth"], r["id"], r["papers"]) for r in rows][:2]
[(0, 'technique/kv-cache-compression', 0), (1, 'technique/cross-layer-kv-sharing', 0)]
"""

from __future__ import annotations

from collections import defaultdict
from typing import TYPE_CHECKING, Any

from ontology.api import Ontology, iter_tree
from ontology.concepts import Concept
from ontology.vocab import NodeLabel, RelType

if TYPE_CHECKING:
    import networkx as nx

COUNTED_BY: dict[NodeLabel, RelType] = {
    NodeLabel.TECHNIQUE: RelType.STUDIES,
    NodeLabel.TOPIC: RelType.STUDIES,
    NodeLabel.HARDWARE_CLASS: RelType.TARGETS,
}
"""Which paper relation counts for a concept of each hierarchical label."""


class Counts:
    """Distinct papers per concept: direct, and including descendants."""

    def __init__(self, direct: dict[str, frozenset[str]], total: dict[str, frozenset[str]]) -> None:
        self.direct = direct
        self.total = total

    def __call__(self, node_id: str) -> int:
        return len(self.total.get(node_id, ()))

    def direct_count(self, node_id: str) -> int:
        return len(self.direct.get(node_id, ()))


def paper_counts(onto: Ontology, g: nx.MultiDiGraph | None) -> Counts:
    """Papers per concept from the graph's STUDIES / TARGETS edges, rolled up the hierarchy (one pass over edges)."""
    direct: dict[str, set[str]] = defaultdict(set)
    total: dict[str, set[str]] = defaultdict(set)
    if g is not None:
        wanted = {r.value for r in COUNTED_BY.values()}
        for paper, target, key in g.edges(keys=True):
            if key not in wanted or not str(paper).startswith("paper/"):
                continue
            direct[target].add(paper)
            total[target].add(paper)
            if target in onto:
                for up in onto.ancestors(target):
                    total[up].add(paper)
    return Counts({k: frozenset(v) for k, v in direct.items()}, {k: frozenset(v) for k, v in total.items()})


def tree_roots(onto: Ontology, label: NodeLabel) -> tuple[str, ...]:
    return onto.roots(label)


def tree_rows(
    onto: Ontology,
    counts: Counts | dict[str, int],
    *,
    root: str | None = None,
    label: NodeLabel = NodeLabel.TECHNIQUE,
    max_depth: int | None = None,
    min_papers: int = 0,
) -> list[dict[str, Any]]:
    """Pre-order rows ``{id, name, depth, papers, direct, also_under}`` of one hierarchy.

    A concept with several parents appears under each; ``also_under`` names its other parents.
    """
    count = counts if isinstance(counts, Counts) else (lambda i: counts.get(i, 0))  # type: ignore[union-attr]
    direct = counts.direct_count if isinstance(counts, Counts) else (lambda i: 0)
    roots = (root,) if root else tree_roots(onto, label)
    rows: list[dict[str, Any]] = []
    for r in roots:
        path_parent: dict[int, str] = {}
        for depth, node in iter_tree(onto, r, max_depth):
            path_parent[depth] = node
            n = count(node)
            if n < min_papers:
                continue
            c = onto.concept(node)
            parent = path_parent.get(depth - 1) if depth else None
            rows.append(
                {
                    "id": node,
                    "name": c.pref_label,
                    "depth": depth,
                    "papers": n,
                    "direct": direct(node),
                    "also_under": [p for p in c.parents if p != parent] if depth else [],
                }
            )
    return rows


def concept_view(onto: Ontology, c: Concept, counts: Counts | None = None) -> dict[str, Any]:
    """Everything about one concept, as one JSON-able object."""
    view: dict[str, Any] = {
        "id": c.id,
        "label": c.label.value,
        "name": c.pref_label,
        "aliases": list(c.alt_labels),
        "definition": c.definition,
        "scheme": c.scheme,
        "iri": c.iri,
        "parents": [{"id": p, "name": onto.concept(p).pref_label} for p in c.parents],
        "children": [{"id": k, "name": onto.concept(k).pref_label} for k in onto.children(c.id)],
        "ancestors": sorted(onto.ancestors(c.id)),
        "properties": {k: list(v) if isinstance(v, tuple) else v for k, v in c.props.items()},
    }
    if c.label is NodeLabel.TECHNIQUE:
        view["known_methods"] = sorted(
            m.id for m in onto.concepts(NodeLabel.METHOD) if c.id in _as_tuple(m.props.get("instance_of"))
        )
        view["required"] = bool(onto.rollup(c.id) == (c.id,))
    if counts is not None and c.label in COUNTED_BY:
        view["papers"] = counts(c.id)
        view["papers_direct"] = counts.direct_count(c.id)
    if c.ambiguous:
        view["ambiguous_labels"] = list(c.ambiguous)
    return view


def _as_tuple(value: Any) -> tuple[Any, ...]:
    if value is None:
        return ()
    return value if isinstance(value, tuple) else (value,)
