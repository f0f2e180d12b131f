"""Small traversal helpers over the in-memory graph, shared by the embedded implementations.

The graph is a ``networkx.MultiDiGraph`` keyed by relationship type (see :mod:`kg.graph`), so an
edge of a given type between two nodes is found by a dict lookup, never a scan.

>>> from kg.graph import new_graph, add_node
>>> g = new_graph()
>>> for n in ("technique/a", "technique/b", "technique/c"):
...     add_node(g, n, "Technique", {"name": n})
>>> _ = g.add_edge("technique/b", "technique/a", key="SUBCLASS_OF")
>>> _ = g.add_edge("technique/c", "technique/b", key="SUBCLASS_OF")
>>> sorted(closure(g, "technique/a"))
['technique/a', 'technique/b', 'technique/c']
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

import networkx as nx

SUBCLASS_OF = "SUBCLASS_OF"


def label(g: nx.MultiDiGraph, n: str) -> str:
    # g._node is networkx's node-attribute dict; the g.nodes view costs a wrapper per lookup.
    return g._node[n]["label"]  # type: ignore[no-any-return]


def name(g: nx.MultiDiGraph, n: str) -> str:
    return str(g._node[n].get("name", n))


def out(g: nx.MultiDiGraph, n: str, *rels: str) -> Iterator[tuple[str, str, dict[str, Any]]]:
    """``(target, type, data)`` of ``n``'s outgoing edges of the given types (all types if none)."""
    for v, keyed in g._succ[n].items():
        for k, d in keyed.items():
            if not rels or k in rels:
                yield v, k, d


def inc(g: nx.MultiDiGraph, n: str, *rels: str) -> Iterator[tuple[str, str, dict[str, Any]]]:
    """``(source, type, data)`` of ``n``'s incoming edges of the given types (all types if none)."""
    for u, keyed in g._pred[n].items():
        for k, d in keyed.items():
            if not rels or k in rels:
                yield u, k, d


def closure(g: nx.MultiDiGraph, root: str, rel: str = SUBCLASS_OF) -> set[str]:
    """``root`` and everything below it along incoming ``rel`` edges (Cypher ``(x)-[:REL*0..]->(root)``)."""
    if root not in g:
        return set()
    seen = {root}
    stack = [root]
    while stack:
        n = stack.pop()
        for u, keyed in g._pred[n].items():
            if rel in keyed and u not in seen:
                seen.add(u)
                stack.append(u)
    return seen


def ancestors(g: nx.MultiDiGraph, n: str, rel: str = SUBCLASS_OF) -> set[str]:
    """``n`` and everything above it along outgoing ``rel`` edges."""
    seen = {n}
    stack = [n]
    while stack:
        x = stack.pop()
        for v, keyed in g._succ[x].items():
            if rel in keyed and v not in seen:
                seen.add(v)
                stack.append(v)
    return seen


def of_label(g: nx.MultiDiGraph, nodes: Iterable[str], *labels: str) -> list[str]:
    return [n for n in nodes if g.nodes[n]["label"] in labels]


def evidence_lists(d: dict[str, Any]) -> tuple[list[str] | None, list[str] | None]:
    """An edge's ``(papers, sentences)`` lists, ``None`` for an ontology edge: as Cypher returns them.
    The lists are the graph's own (not copies): callers only read them."""
    return d.get("papers"), d.get("sentences")


def nodes_with_label(g: nx.MultiDiGraph, *labels: str) -> list[str]:
    return [n for n, d in g.nodes(data=True) if d["label"] in labels]


def paper_technique_facts(g: nx.MultiDiGraph, p: str) -> Iterator[dict[str, Any]]:
    """How paper ``p`` reaches techniques: ``STUDIES`` a Technique, or ``PROPOSES`` a Method that is an
    ``INSTANCE_OF`` one. One fact per (technique, route), the same rows the Cypher side returns."""
    for t, _, d in out(g, p, "STUDIES"):
        if label(g, t) == "Technique":
            ps, ss = evidence_lists(d)
            yield {"technique": t, "technique_name": name(g, t), "method": None, "method_name": None,
                   "via": "STUDIES", "ev_papers": ps, "ev_sentences": ss}
    for m, _, d in out(g, p, "PROPOSES"):
        ps, ss = evidence_lists(d)
        for t, _, _ in out(g, m, "INSTANCE_OF"):
            if label(g, t) == "Technique":
                yield {"technique": t, "technique_name": name(g, t), "method": m, "method_name": name(g, m),
                       "via": "PROPOSES", "ev_papers": ps, "ev_sentences": ss}
