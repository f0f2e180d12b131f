"""The graph reads the explorer needs beyond the named queries, on either store.

The named queries (:mod:`queries`) answer questions; the canvas also needs plain graph access:
the edges around a few nodes, the edges among a set of nodes, a node's full record with every
evidence list. :class:`GraphSource` offers exactly those reads, once over the in-memory graph of
the embedded store and once as parameterised Cypher on Neo4j, with the same results.

>>> import tempfile
>>> from kg.graph import new_graph, add_node
>>> from kg.store import open_store
>>> st = open_store(tempfile.mkdtemp())
>>> g = new_graph()
>>> add_node(g, "technique/pruning", "Technique", {"name": "Pruning"})
>>> add_node(g, "method/snip", "Method", {"name": "SNIP"})
>>> _ = g.add_edge("method/snip", "technique/pruning", key="INSTANCE_OF", support=1)
>>> _ = st.write(g)
>>> src = source_for(st)
>>> [(e.source, e.type, e.target) for e in src.incident(["method/snip"]).edges]
[('method/snip', 'INSTANCE_OF', 'technique/pruning')]
"""

from __future__ import annotations

import abc
from collections import defaultdict
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, Any, NamedTuple

from ontology.vocab import NodeLabel, label_of

if TYPE_CHECKING:
    import networkx as nx

    from kg.store.base import GraphStore

LIGHT_PROPS = ("name", "stub", "year", "paper")
"""Node properties the canvas needs (the rest is fetched for the side panel only)."""
EDGE_LIGHT = ("support", "confidence", "origin")
PAPER_PROPS = ("title", "year", "arxiv_id", "source_files", "source_lines", "source_formats")
CONCEPT_LABELS = ("Technique", "HardwareClass", "Topic")
_KNOWN_LABELS = frozenset(lbl.value for lbl in NodeLabel)


class NodeInfo(NamedTuple):
    id: str
    label: str
    props: dict[str, Any]


class EdgeInfo(NamedTuple):
    source: str
    target: str
    type: str
    props: dict[str, Any]

    @property
    def key(self) -> str:
        return f"{self.source}|{self.type}|{self.target}"


class Incident(NamedTuple):
    """Edges around some anchors: the kept ones and how many each anchor has in all (after type filters)."""

    edges: list[EdgeInfo]
    totals: dict[str, int]


class Annotation(NamedTuple):
    year: int | None
    techniques: frozenset[str]
    degree: int


def _light(props: dict[str, Any], keys: Sequence[str]) -> dict[str, Any]:
    return {k: props[k] for k in keys if k in props and props[k] is not None}


def _rank(e: EdgeInfo, anchor: str) -> tuple[int, str, str]:
    """Neighbours of a hub are kept by support first, then by id, so truncation is deterministic."""
    other = e.target if e.source == anchor else e.source
    return (-int(e.props.get("support") or 0), other, e.type)


def cap_neighbours(edges: list[EdgeInfo], anchor: str, per_node: int) -> tuple[list[EdgeInfo], int]:
    """The edges to the ``per_node`` best-supported neighbours of ``anchor`` (0: all), and how many
    neighbours there are in all.

    >>> es = [EdgeInfo("a", "b", "X", {"support": 1}), EdgeInfo("a", "c", "X", {"support": 3}),
    ...       EdgeInfo("c", "a", "Y", {})]
    >>> [(e.source, e.target) for e in cap_neighbours(es, "a", 1)[0]]
    [('a', 'c'), ('c', 'a')]
    """
    best: dict[str, tuple[int, str, str]] = {}
    for e in edges:
        other = e.target if e.source == anchor else e.source
        r = _rank(e, anchor)
        if other not in best or r < best[other]:
            best[other] = r
    ranked = sorted(best, key=lambda o: best[o])
    keep = set(ranked[:per_node] if per_node else ranked)
    return [e for e in edges if (e.target if e.source == anchor else e.source) in keep], len(best)


class GraphSource(abc.ABC):
    """Plain graph reads over one store (see :func:`source_for`)."""

    @abc.abstractmethod
    def nodes(self, ids: Iterable[str], *, full: bool = False) -> dict[str, NodeInfo]:
        """The nodes among ``ids`` that exist; light properties unless ``full``."""

    @abc.abstractmethod
    def incident(
        self,
        ids: Sequence[str],
        *,
        rels: Sequence[str] | None = None,
        labels: Sequence[str] | None = None,
        per_node: int = 0,
    ) -> Incident:
        """Edges touching ``ids`` (light properties), limited to ``rels`` and to neighbours of ``labels``,
        towards at most ``per_node`` neighbours per anchor (0: all), best supported first; ``totals``
        counts each anchor's neighbours before that cap."""

    @abc.abstractmethod
    def edges_among(self, ids: Sequence[str]) -> list[EdgeInfo]:
        """Edges whose both ends are in ``ids`` (light properties)."""

    @abc.abstractmethod
    def edges_of(self, node_id: str) -> list[EdgeInfo]:
        """Every edge of one node with all its properties (evidence lists included)."""

    @abc.abstractmethod
    def annotations(self, ids: Sequence[str]) -> dict[str, Annotation]:
        """Year, directly linked technique classes and degree of each node (for filters and styling)."""

    @abc.abstractmethod
    def skeleton(self) -> tuple[list[tuple[str, str]], dict[str, Ref3]]:
        """``SUBCLASS_OF`` edges ``(child, parent)`` and the concepts' ``(label, name)``."""

    @abc.abstractmethod
    def years(self) -> dict[int, int]:
        """Papers per year."""

    @abc.abstractmethod
    def proposers(self, method_ids: Sequence[str]) -> dict[str, list[str]]:
        """The papers that propose each method."""

    def papers(self, ids: Iterable[str]) -> dict[str, dict[str, Any]]:
        """Title, year and source locations of papers."""
        return {i: n.props for i, n in self.nodes(ids, full=True).items() if n.label == "Paper"}


class Ref3(NamedTuple):
    label: str
    name: str


# -- embedded store: the in-memory graph --------------------------------------------------------


class GraphMemorySource(GraphSource):
    """Reads over a ``networkx.MultiDiGraph`` (the embedded store's graph, cached by the store)."""

    def __init__(self, store: GraphStore) -> None:
        self.store = store

    @property
    def g(self) -> nx.MultiDiGraph:
        return self.store.read()

    def nodes(self, ids: Iterable[str], *, full: bool = False) -> dict[str, NodeInfo]:
        g = self.g
        out: dict[str, NodeInfo] = {}
        for i in ids:
            if i in g:
                d = g.nodes[i]
                props = {k: v for k, v in d.items() if k != "label"} if full else _light(d, LIGHT_PROPS)
                out[i] = NodeInfo(i, d["label"], props)
        return out

    def incident(
        self,
        ids: Sequence[str],
        *,
        rels: Sequence[str] | None = None,
        labels: Sequence[str] | None = None,
        per_node: int = 0,
    ) -> Incident:
        g = self.g
        rel_set = set(rels) if rels is not None else None
        label_set = set(labels) if labels is not None else None
        edges: dict[str, EdgeInfo] = {}
        totals: dict[str, int] = {}
        for a in ids:
            if a not in g:
                continue
            found: list[EdgeInfo] = []
            for v, keyed in g._succ[a].items():
                for k, d in keyed.items():
                    found.append(EdgeInfo(a, v, k, _light(d, EDGE_LIGHT)))
            for u, keyed in g._pred[a].items():
                for k, d in keyed.items():
                    if u != a:
                        found.append(EdgeInfo(u, a, k, _light(d, EDGE_LIGHT)))
            found = [
                e for e in found
                if (rel_set is None or e.type in rel_set)
                and (label_set is None or g.nodes[e.target if e.source == a else e.source]["label"] in label_set)
            ]
            kept, totals[a] = cap_neighbours(found, a, per_node)
            for e in kept:
                edges.setdefault(e.key, e)
        return Incident(sorted(edges.values(), key=lambda e: e.key), totals)

    def edges_among(self, ids: Sequence[str]) -> list[EdgeInfo]:
        g = self.g
        wanted = {i for i in ids if i in g}
        out = [
            EdgeInfo(u, v, k, _light(d, EDGE_LIGHT))
            for u in sorted(wanted)
            for v, keyed in g._succ[u].items()
            if v in wanted
            for k, d in keyed.items()
        ]
        return sorted(out, key=lambda e: e.key)

    def edges_of(self, node_id: str) -> list[EdgeInfo]:
        g = self.g
        if node_id not in g:
            return []
        out = [EdgeInfo(node_id, v, k, dict(d)) for v, keyed in g._succ[node_id].items() for k, d in keyed.items()]
        out += [
            EdgeInfo(u, node_id, k, dict(d))
            for u, keyed in g._pred[node_id].items()
            if u != node_id
            for k, d in keyed.items()
        ]
        return sorted(out, key=lambda e: e.key)

    def annotations(self, ids: Sequence[str]) -> dict[str, Annotation]:
        g = self.g
        out: dict[str, Annotation] = {}
        for i in ids:
            if i not in g:
                continue
            d = g.nodes[i]
            year = d.get("year")
            techs: set[str] = {i} if d["label"] == "Technique" else set()
            via_years: list[int] = []
            for v, keyed in g._succ[i].items():
                vl = g.nodes[v]["label"]
                if vl == "Technique" and keyed.keys() & {"INSTANCE_OF", "STUDIES", "RESULT_OF"}:
                    techs.add(v)
                elif vl == "Method" and keyed.keys() & {"PROPOSES", "RESULT_OF"}:
                    techs.update(t for t, k2 in g._succ[v].items()
                                 if "INSTANCE_OF" in k2 and g.nodes[t]["label"] == "Technique")
            if year is None:
                # A method dates from its first proposing paper, a result from its paper.
                for u, keyed in g._pred[i].items():
                    if keyed.keys() & {"PROPOSES", "REPORTS"} and g.nodes[u]["label"] == "Paper":
                        y = g.nodes[u].get("year")
                        if isinstance(y, int):
                            via_years.append(y)
                year = min(via_years) if via_years else None
            out[i] = Annotation(year if isinstance(year, int) else None, frozenset(techs), g.degree(i))
        return out

    def skeleton(self) -> tuple[list[tuple[str, str]], dict[str, Ref3]]:
        g = self.g
        names = {n: Ref3(d["label"], str(d.get("name", n))) for n, d in g.nodes(data=True) if d["label"] in CONCEPT_LABELS}
        edges = sorted((u, v) for u, v, k in g.edges(keys=True) if k == "SUBCLASS_OF")
        return edges, names

    def years(self) -> dict[int, int]:
        counts: dict[int, int] = defaultdict(int)
        for _, d in self.g.nodes(data=True):
            if d["label"] == "Paper" and isinstance(d.get("year"), int):
                counts[d["year"]] += 1
        return dict(sorted(counts.items()))

    def proposers(self, method_ids: Sequence[str]) -> dict[str, list[str]]:
        g = self.g
        return {
            m: sorted(u for u, keyed in g._pred[m].items() if "PROPOSES" in keyed)
            for m in method_ids
            if m in g
        }


# -- Neo4j: parameterised Cypher -----------------------------------------------------------------
#
# Nodes are found through the per-label ``id`` constraint index: ids are grouped by the label their
# prefix names and each group is matched under that label (a label-less ``MATCH (n) WHERE n.id = i``
# scans every node, once per id). Only vocabulary labels are interpolated; ids travel as parameters.


def _groups(ids: Iterable[str]) -> dict[str, list[str]]:
    out: dict[str, list[str]] = defaultdict(list)
    for i in sorted(set(ids)):
        try:
            out[label_of(i).value].append(i)
        except ValueError:
            continue  # not an effkg id: no node can have it
    return dict(out)


def _match(groups: dict[str, list[str]], var: str = "n") -> tuple[str, dict[str, Any]]:
    """A ``CALL`` subquery yielding ``var`` for every id of ``groups``, and its parameters.

    >>> _match({"Method": ["method/a"]})[0]
    'CALL { UNWIND $ids0 AS i MATCH (n:`Method` {id: i}) RETURN n AS n }'
    """
    parts, params = [], {}
    for k, (label, ids) in enumerate(sorted(groups.items())):
        parts.append(f"UNWIND $ids{k} AS i MATCH ({var}:`{NodeLabel(label).value}` {{id: i}}) RETURN {var} AS {var}")
        params[f"ids{k}"] = ids
    return "CALL { " + " UNION ALL ".join(parts) + " }", params


_NODES = """
RETURN n.id AS id, [l IN labels(n) WHERE l IN $known][0] AS label,
       CASE WHEN $full THEN properties(n) ELSE {name: n.name, stub: n.stub, year: n.year, paper: n.paper} END AS props
"""

_INCIDENT = """
WITH n AS a MATCH (a)-[r]-(o) WHERE o.id IS NOT NULL AND o <> a
  AND ($rels IS NULL OR type(r) IN $rels)
  AND ($labels IS NULL OR any(l IN labels(o) WHERE l IN $labels))
RETURN a.id AS id, collect({s: startNode(r).id, t: type(r), e: endNode(r).id,
                            support: r.support, confidence: r.confidence, origin: r.origin}) AS edges
"""

_AMONG = """
WITH collect(n) AS ns UNWIND ns AS a
MATCH (a)-[r]->(b) WHERE b IN ns
RETURN a.id AS s, type(r) AS t, b.id AS e, r.support AS support, r.confidence AS confidence, r.origin AS origin
"""

_EDGES_OF = """
MATCH (n)-[r]-(o) WHERE o.id IS NOT NULL AND o <> n
RETURN startNode(r).id AS s, type(r) AS t, endNode(r).id AS e, properties(r) AS props
"""

_ANNOTATE = """
OPTIONAL MATCH (n)-[:INSTANCE_OF|STUDIES|RESULT_OF]->(t:Technique)
WITH n, collect(DISTINCT t.id) AS direct
OPTIONAL MATCH (n)-[:PROPOSES|RESULT_OF]->(:Method)-[:INSTANCE_OF]->(t2:Technique)
WITH n, direct, collect(DISTINCT t2.id) AS via
OPTIONAL MATCH (p:Paper)-[:PROPOSES|REPORTS]->(n)
RETURN n.id AS id, n:Technique AS technique, n.year AS year, min(p.year) AS paper_year,
       direct + via AS techniques, COUNT { (n)--() } AS degree
"""

_SKELETON_EDGES = (
    "MATCH (c)-[:SUBCLASS_OF]->(p) WHERE c.id IS NOT NULL AND p.id IS NOT NULL RETURN c.id AS c, p.id AS p"
)
_CONCEPTS = """
MATCH (n) WHERE (n:Technique OR n:HardwareClass OR n:Topic) AND n.id IS NOT NULL
RETURN n.id AS id, [l IN labels(n) WHERE l IN $labels][0] AS label, coalesce(n.name, n.id) AS name
"""
_YEARS = "MATCH (p:Paper) WHERE p.year IS NOT NULL RETURN p.year AS year, count(*) AS n"
_PROPOSERS = """
MATCH (p:Paper)-[:PROPOSES]->(n) RETURN n.id AS id, collect(p.id) AS papers
"""


def _edge_row(r: dict[str, Any]) -> EdgeInfo:
    props = {k: r[k] for k in EDGE_LIGHT if r.get(k) is not None}
    return EdgeInfo(r["s"], r["e"], r["t"], props)


class CypherSource(GraphSource):
    """The same reads as :class:`GraphMemorySource`, as parameterised Cypher on Neo4j."""

    def __init__(self, store: GraphStore) -> None:
        self.store = store

    def _on(self, ids: Iterable[str], tail: str, **params: Any) -> list[dict[str, Any]]:
        """Run ``tail`` after matching the nodes of ``ids`` as ``n`` (nothing when none can exist)."""
        groups = _groups(ids)
        if not groups:
            return []
        head, id_params = _match(groups)
        return self.store.cypher(head + "\n" + tail, {**id_params, **params})

    def nodes(self, ids: Iterable[str], *, full: bool = False) -> dict[str, NodeInfo]:
        out: dict[str, NodeInfo] = {}
        for r in self._on(ids, _NODES, known=sorted(_KNOWN_LABELS), full=full):
            if r["label"] is None:
                continue
            props = {k: v for k, v in (r["props"] or {}).items() if v is not None and k != "id"}
            out[r["id"]] = NodeInfo(r["id"], r["label"], props)
        return out

    def incident(
        self,
        ids: Sequence[str],
        *,
        rels: Sequence[str] | None = None,
        labels: Sequence[str] | None = None,
        per_node: int = 0,
    ) -> Incident:
        rows = self._on(
            ids, _INCIDENT,
            rels=list(rels) if rels is not None else None,
            labels=list(labels) if labels is not None else None,
        )
        edges: dict[str, EdgeInfo] = {}
        totals: dict[str, int] = {}
        for r in rows:
            kept, totals[r["id"]] = cap_neighbours([_edge_row(e) for e in r["edges"]], r["id"], per_node)
            for info in kept:
                edges.setdefault(info.key, info)
        return Incident(sorted(edges.values(), key=lambda e: e.key), totals)

    def edges_among(self, ids: Sequence[str]) -> list[EdgeInfo]:
        return sorted((_edge_row(r) for r in self._on(ids, _AMONG)), key=lambda e: e.key)

    def edges_of(self, node_id: str) -> list[EdgeInfo]:
        rows = self._on([node_id], _EDGES_OF)
        return sorted((EdgeInfo(r["s"], r["e"], r["t"], dict(r["props"])) for r in rows), key=lambda e: e.key)

    def annotations(self, ids: Sequence[str]) -> dict[str, Annotation]:
        out: dict[str, Annotation] = {}
        for r in self._on(ids, _ANNOTATE):
            techs = set(r["techniques"] or [])
            if r["technique"]:
                techs.add(r["id"])
            year = r["year"] if r["year"] is not None else r["paper_year"]
            out[r["id"]] = Annotation(year if isinstance(year, int) else None, frozenset(techs), int(r["degree"]))
        return out

    def skeleton(self) -> tuple[list[tuple[str, str]], dict[str, Ref3]]:
        edges = sorted((r["c"], r["p"]) for r in self.store.cypher(_SKELETON_EDGES))
        rows = self.store.cypher(_CONCEPTS, {"labels": list(CONCEPT_LABELS)})
        names = {r["id"]: Ref3(r["label"], str(r["name"])) for r in rows}
        return edges, names

    def years(self) -> dict[int, int]:
        rows = self.store.cypher(_YEARS)
        return dict(sorted((int(r["year"]), int(r["n"])) for r in rows if isinstance(r["year"], int)))

    def proposers(self, method_ids: Sequence[str]) -> dict[str, list[str]]:
        return {r["id"]: sorted(r["papers"]) for r in self._on(method_ids, _PROPOSERS)}


def source_for(store: GraphStore) -> GraphSource:
    """The reads for a store: Cypher on Neo4j, the in-memory graph otherwise."""
    if store.kind == "neo4j":
        return CypherSource(store)
    return GraphMemorySource(store)
