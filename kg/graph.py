"""The property graph: assembly from mappings, canonical JSON, stats and diffs.

Both stores hold exactly this graph. In memory it is a ``networkx.MultiDiGraph`` whose nodes are
keyed by id with attributes ``label`` (a :class:`~ontology.vocab.NodeLabel` value) plus
properties, and whose edges are keyed by their relationship type, so ``(source, target, type)``
is unique. Property values are what Neo4j can store: scalars or homogeneous lists, never
``None``, never an empty list.

>>> g = new_graph()
>>> add_node(g, "technique/quantization", "Technique", {"name": "Quantization"})
>>> add_node(g, "technique/kv-cache-quantization", "Technique", {"name": "KV-cache quantization"})
>>> g.add_edge("technique/kv-cache-quantization", "technique/quantization", key="SUBCLASS_OF", origin="ontology")
'SUBCLASS_OF'
>>> graph_stats(g).edges
{'SUBCLASS_OF': 1}
>>> from_json(dumps(g)).nodes["technique/quantization"]["name"]
'Quantization'
"""

from __future__ import annotations

import json
import logging
import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator, Mapping as MappingABC
from typing import TYPE_CHECKING, Any

import networkx as nx
from pydantic import Field

from kg.errors import CorruptStore
from kg.ids import slug
from kg.records import Evidence, Mapping, Paper, Record, ResultRecord
from ontology.vocab import NodeLabel, RelType, check_edge, label_of

if TYPE_CHECKING:
    from ontology import Ontology

log = logging.getLogger(__name__)

FORMAT_VERSION = 1
"""Version of the canonical JSON layout (bumped when the graph shape changes incompatibly)."""

EVIDENCE_LISTS = ("papers", "sentences", "starts", "ends", "extractors", "confidences", "qualifiers")
"""Aligned per-paper evidence lists carried by every extracted edge (docs/conventions.md)."""

Props = dict[str, Any]


def new_graph() -> nx.MultiDiGraph:
    """An empty effkg graph."""
    return nx.MultiDiGraph()


def clean_props(props: MappingABC[str, Any]) -> Props:
    """Drop ``None`` and empty lists, turn tuples into lists, reject what Neo4j cannot store.

    >>> clean_props({"a": None, "b": (), "c": (1, 2), "d": "x"})
    {'c': [1, 2], 'd': 'x'}
    """
    out: Props = {}
    for key, value in props.items():
        if value is None:
            continue
        if isinstance(value, (list, tuple)):
            if not value:
                continue
            kinds = {type(v) for v in value}
            # Neo4j arrays are homogeneous; bool is a subclass of int, so check exact types.
            if len(kinds) != 1 or next(iter(kinds)) not in (str, int, float, bool):
                raise ValueError(f"property {key!r} is not a homogeneous list of scalars: {value!r}")
            out[key] = list(value)
        elif isinstance(value, (str, int, float, bool)):
            out[key] = value
        else:
            raise ValueError(f"property {key!r} has unstorable type {type(value).__name__}")
    return out


def add_node(g: nx.MultiDiGraph, node_id: str, label: str, props: MappingABC[str, Any]) -> None:
    """Add or replace a node; ``id`` is the node key, never a stored attribute."""
    attrs = clean_props({k: v for k, v in props.items() if k != "id"})
    g.add_node(node_id, label=str(label), **attrs)


# -- assembly -------------------------------------------------------------------------------


class AssemblyReport(Record):
    """What graph assembly did beyond the mapping's own report."""

    nodes: int = 0
    edges: int = 0
    stub_nodes: tuple[str, ...] = Field(
        default=(), description="ids referenced by a relation but described by no entity (created minimal)"
    )
    rejected: tuple[str, ...] = Field(default=(), description="relations dropped for breaking the schema, with why")


def _edge_key(rel: RelType, source: str, target: str) -> tuple[str, str, str]:
    return (source, target, rel.value)


def _merge_evidence(items: list[tuple[Evidence, str]]) -> Props:
    """One entry per supporting paper (its most confident sentence), sorted by paper id."""
    best: dict[str, tuple[Evidence, str]] = {}
    for ev, qualifier in items:
        cur = best.get(ev.paper_id)
        # Highest confidence wins; ties go to the earliest sentence so the choice is deterministic.
        if cur is None or (-ev.confidence, ev.start, qualifier) < (-cur[0].confidence, cur[0].start, cur[1]):
            best[ev.paper_id] = (ev, qualifier)
    chosen = [best[p] for p in sorted(best)]
    return {
        "papers": [e.paper_id for e, _ in chosen],
        "sentences": [e.sentence for e, _ in chosen],
        "starts": [e.start for e, _ in chosen],
        "ends": [e.end for e, _ in chosen],
        "extractors": [f"{e.extractor}/{e.version}" for e, _ in chosen],
        "confidences": [round(e.confidence, 4) for e, _ in chosen],
        "qualifiers": [q for _, q in chosen],
        "support": len(chosen),
        "confidence": round(max(e.confidence for e, _ in chosen), 4),
    }


def _result_props(paper: Paper, r: ResultRecord, node_id: str) -> Props:
    ev = r.evidence
    summary = " ".join(
        x
        for x in (
            (r.metric or "result").split("/")[-1],
            r.direction or "",
            r.value_text or (f"{r.value:g}" if r.value is not None else ""),
        )
        if x
    )
    baseline_text = r.baseline if r.baseline and "/" not in r.baseline else None
    return {
        "id": node_id,
        "name": summary,
        "paper": paper.id,
        "index": r.index,
        "metric": r.metric,
        "value": r.value,
        "value_max": r.value_max,
        "unit": r.unit,
        "unit_raw": r.unit_raw,
        "kind": r.kind,
        "direction": r.direction,
        "qualifier": r.qualifier,
        "baseline": r.baseline,
        "baseline_precision": baseline_text,
        "conditions": [f"{k}={v}" for k, v in sorted(r.conditions.items())],
        "partial": r.partial,
        "value_text": r.value_text,
        "sentence": ev.sentence,
        "start": ev.start,
        "end": ev.end,
        "extractor": f"{ev.extractor}/{ev.version}",
        "confidence": round(ev.confidence, 4),
    }


def result_id(paper_id: str, index: int) -> str:
    """``result/<paper slug>/<n>``.

    >>> result_id("paper/t-3f1c0a9b2d4e", 2)
    'result/t-3f1c0a9b2d4e/2'
    """
    return f"result/{paper_id.split('/', 1)[1]}/{index}"


_RESULT_LINKS: tuple[tuple[str, RelType], ...] = (
    ("subject", RelType.RESULT_OF),
    ("model", RelType.ON_MODEL),
    ("dataset", RelType.ON_DATASET),
    ("hardware", RelType.ON_HARDWARE),
    ("metric", RelType.MEASURES),
    ("baseline", RelType.VERSUS),
)


_WORD = re.compile(r"[^\s,;:()\[\]\"“”]+")


def stub_name(node_id: str, sentences: Iterable[str], max_words: int = 6) -> str:
    """The name of ``node_id`` as written in one of ``sentences``: the first run of words whose slug is
    the id's tail, trimmed of sentence punctuation; the tail itself when no sentence spells it.

    >>> stub_name("method/adamw", ["We fine-tune with AdamW and a cosine schedule."])
    'AdamW'
    >>> stub_name("metric/tokens-per-joule", ["It reports tokens per joule."])
    'tokens per joule'
    >>> stub_name("method/unknown", ["Nothing here."])
    'unknown'
    """
    tail = node_id.split("/", 1)[1]
    for sentence in sentences:
        words = list(_WORD.finditer(sentence))
        for i in range(len(words)):
            for j in range(i, min(i + max_words, len(words))):
                text = sentence[words[i].start() : words[j].end()].rstrip(".'’")
                found = slug(text)
                if found == tail:
                    return text
                if not tail.startswith(found):
                    break  # a longer run cannot match either
    return tail


def _class_named_as_method(g: nx.MultiDiGraph, node_id: str) -> str:
    """``technique/<tail>`` for a ``method/<tail>`` absent from ``g`` whose technique class is present."""
    prefix, _, tail = node_id.partition("/")
    if prefix == "method" and node_id not in g and f"technique/{tail}" in g:
        return f"technique/{tail}"
    return node_id


def assemble(
    papers: Iterable[Paper], mappings: Iterable[Mapping], onto: Ontology | None = None
) -> tuple[nx.MultiDiGraph, AssemblyReport]:
    """Build the whole graph: ontology concepts, papers, mapped entities, merged relations, results.

    Equal facts ``(type, source, target)`` stated by several papers become one edge whose evidence
    lists hold one entry per paper. Everything is sorted, so the same input gives the same graph.
    """
    g = new_graph()
    if onto is not None:
        for ent in sorted(onto.nodes(), key=lambda e: e.id):
            add_node(g, ent.id, ent.label.value, {"name": ent.name, **ent.props})
        for rel, src, tgt in sorted(onto.edges(), key=lambda e: (e[1], e[2], e[0].value)):
            g.add_edge(src, tgt, key=rel.value, origin="ontology")

    by_id = {p.id: p for p in papers}
    mapping_list = sorted(mappings, key=lambda m: m.paper_id)
    for pid in sorted(by_id):
        add_node(g, pid, NodeLabel.PAPER.value, by_id[pid].to_props())

    contributions: dict[tuple[str, str, str], list[tuple[Evidence, str]]] = defaultdict(list)
    entity_props: dict[str, tuple[str, Props]] = {}
    rejected: list[str] = []

    def contribute(rel: RelType, source: str, target: str, ev: Evidence, qualifier: str = "") -> None:
        try:
            check_edge(rel, source, target)
        except ValueError as exc:
            rejected.append(f"{ev.paper_id}: {exc} ({source} -> {target})")
            return
        contributions[_edge_key(rel, source, target)].append((ev, qualifier))

    for m in mapping_list:
        paper = by_id.get(m.paper_id)
        if paper is None:
            raise ValueError(f"mapping for unknown paper {m.paper_id}")
        g.nodes[m.paper_id]["in_scope"] = m.in_scope
        if m.topic:
            g.nodes[m.paper_id]["topic"] = m.topic
        for ent in m.entities:
            # Entity properties are a function of the id (normalised names), so the first wins.
            if ent.id not in entity_props and ent.id not in g:
                entity_props[ent.id] = (ent.label.value, {"name": ent.name, **ent.props})
        for fact in m.relations:
            contribute(fact.type, fact.source, fact.target, fact.evidence, fact.qualifier)
        for r in m.results:
            rid = result_id(paper.id, r.index)
            entity_props[rid] = (NodeLabel.RESULT.value, _result_props(paper, r, rid))
            contribute(RelType.REPORTS, paper.id, rid, r.evidence)
            for attr, rel_type in _RESULT_LINKS:
                target = getattr(r, attr)
                if target and "/" in target:
                    contribute(rel_type, rid, target, r.evidence)

    for node_id in sorted(entity_props):
        label, props = entity_props[node_id]
        add_node(g, node_id, label, props)

    # A relation naming a class as if it were a method ("compared with LoRA" -> method/lora) means the
    # ontology's class when the mapping described no such method: no stub shadows the concept.
    for (src, tgt, rel_name) in sorted(contributions):
        as_class = tuple(_class_named_as_method(g, end) for end in (src, tgt))
        if as_class == (src, tgt):
            continue
        try:
            check_edge(RelType(rel_name), *as_class)
        except ValueError:
            continue
        contributions[_edge_key(RelType(rel_name), *as_class)].extend(contributions.pop((src, tgt, rel_name)))

    stubs: list[str] = []
    for (src, tgt, rel_name), items in sorted(contributions.items()):
        for end in (src, tgt):
            if end not in g:
                # A relation may name an entity no mapping described (e.g. a catalog-less model);
                # keep the fact, naming the node as its evidence spells it rather than dropping it.
                stub: Props = {"name": stub_name(end, [ev.sentence for ev, _ in items]), "stub": True}
                if rel_name == RelType.INTRODUCES.value and end == tgt and label_of(end) is NodeLabel.METRIC:
                    stub["coined"] = True  # a metric the paper itself defines, not one of the ontology's
                add_node(g, end, label_of(end).value, stub)
                stubs.append(end)
        g.add_edge(src, tgt, key=rel_name, **_merge_evidence(items))

    # An entity no fact refers to says nothing; dropping it keeps re-builds free of stale nodes.
    orphans = [n for n in entity_props if g.degree(n) == 0]
    g.remove_nodes_from(orphans)

    report = AssemblyReport(
        nodes=g.number_of_nodes(),
        edges=g.number_of_edges(),
        stub_nodes=tuple(sorted(set(stubs))),
        rejected=tuple(rejected),
    )
    if rejected:
        log.warning("%d relations broke the schema and were dropped", len(rejected))
    return g, report


# -- canonical JSON (networkx node-link) ----------------------------------------------------


def to_node_link(g: nx.MultiDiGraph) -> dict[str, Any]:
    """networkx node-link data with nodes sorted by id and edges by (source, target, key)."""
    nodes = [{"id": n, **{k: g.nodes[n][k] for k in sorted(g.nodes[n])}} for n in sorted(g.nodes)]
    links = [
        {"source": u, "target": v, "key": k, **{a: d[a] for a in sorted(d)}}
        for u, v, k, d in sorted(g.edges(keys=True, data=True), key=lambda e: (e[0], e[1], e[2]))
    ]
    return {
        "directed": True,
        "multigraph": True,
        "graph": {"effkg_format": FORMAT_VERSION},
        "nodes": nodes,
        "links": links,
    }


def dumps(g: nx.MultiDiGraph, *, indent: int | None = None) -> str:
    """Canonical JSON text: the same graph always gives the same bytes, whichever store held it."""
    return json.dumps(to_node_link(g), sort_keys=False, ensure_ascii=False, indent=indent, allow_nan=False)


def from_node_link(data: dict[str, Any]) -> nx.MultiDiGraph:
    """Inverse of :func:`to_node_link`; raises ``ValueError`` on a malformed document."""
    if not isinstance(data, dict) or "nodes" not in data or "links" not in data:
        raise ValueError("not an effkg node-link document (missing 'nodes' or 'links')")
    version = data.get("graph", {}).get("effkg_format")
    if version != FORMAT_VERSION:
        raise ValueError(f"unsupported effkg_format {version!r} (this version reads {FORMAT_VERSION})")
    g = new_graph()
    for node in data["nodes"]:
        attrs = dict(node)
        node_id = attrs.pop("id")
        if "label" not in attrs:
            raise ValueError(f"node {node_id!r} has no label")
        g.add_node(node_id, **attrs)
    for link in data["links"]:
        attrs = dict(link)
        u, v, k = attrs.pop("source"), attrs.pop("target"), attrs.pop("key")
        if u not in g or v not in g:
            raise ValueError(f"edge {u!r} -[{k}]-> {v!r} points outside the graph")
        g.add_edge(u, v, key=k, **attrs)
    return g


def from_json(text: str) -> nx.MultiDiGraph:
    """Parse canonical JSON text; raises :class:`~kg.errors.CorruptStore` when it cannot."""
    try:
        return from_node_link(json.loads(text))
    except (ValueError, KeyError, TypeError) as exc:
        raise CorruptStore(f"graph data is corrupt ({exc}); move the file aside to start over") from exc


# -- stats and diffs --------------------------------------------------------------------------


class GraphStats(Record):
    """Counts per node label and per relationship type (sorted by name)."""

    nodes: dict[str, int]
    edges: dict[str, int]

    @property
    def total_nodes(self) -> int:
        return sum(self.nodes.values())

    @property
    def total_edges(self) -> int:
        return sum(self.edges.values())


def graph_stats(g: nx.MultiDiGraph) -> GraphStats:
    """Count nodes per label and edges per type."""
    nodes = Counter(d["label"] for _, d in g.nodes(data=True))
    edges = Counter(k for _, _, k in g.edges(keys=True))
    return GraphStats(nodes=dict(sorted(nodes.items())), edges=dict(sorted(edges.items())))


class GraphDiff(Record):
    """What must change to turn one graph into another (the unit of an atomic store write)."""

    upsert_nodes: tuple[tuple[str, str, dict[str, Any]], ...] = ()
    delete_nodes: tuple[tuple[str, str], ...] = ()
    upsert_edges: tuple[tuple[str, str, str, str, str, dict[str, Any]], ...] = ()
    delete_edges: tuple[tuple[str, str, str, str, str], ...] = ()

    @property
    def empty(self) -> bool:
        return not (self.upsert_nodes or self.delete_nodes or self.upsert_edges or self.delete_edges)


def diff(old: nx.MultiDiGraph, new: nx.MultiDiGraph) -> GraphDiff:
    """Nodes ``(id, label, props)`` and edges ``(source, source label, type, target, target label,
    props)`` to write, and those to delete, so that ``old`` becomes ``new``.

    A node whose label changed is deleted and re-created (its edges are re-written with it).
    """
    upsert_nodes, delete_nodes = [], []
    relabelled: set[str] = set()
    for n, d in new.nodes(data=True):
        props = {k: v for k, v in d.items() if k != "label"}
        if n not in old:
            upsert_nodes.append((n, d["label"], props))
            continue
        od = old.nodes[n]
        if od["label"] != d["label"]:
            delete_nodes.append((n, od["label"]))
            relabelled.add(n)
            upsert_nodes.append((n, d["label"], props))
        elif {k: v for k, v in od.items() if k != "label"} != props:
            upsert_nodes.append((n, d["label"], props))
    for n, d in old.nodes(data=True):
        if n not in new:
            delete_nodes.append((n, d["label"]))

    upsert_edges, delete_edges = [], []
    for u, v, k, d in new.edges(keys=True, data=True):
        lu, lv = new.nodes[u]["label"], new.nodes[v]["label"]
        fresh = u in relabelled or v in relabelled or not old.has_edge(u, v, key=k)
        if fresh or old.edges[u, v, k] != d:
            upsert_edges.append((u, lu, k, v, lv, dict(d)))
    for u, v, k in old.edges(keys=True):
        gone_endpoint = u not in new or v not in new or u in relabelled or v in relabelled
        if not gone_endpoint and not new.has_edge(u, v, key=k):
            # Edges of deleted nodes go with their node (DETACH DELETE); only list the others.
            delete_edges.append((u, old.nodes[u]["label"], k, v, old.nodes[v]["label"]))
    return GraphDiff(
        upsert_nodes=tuple(sorted(upsert_nodes, key=lambda x: x[0])),
        delete_nodes=tuple(sorted(delete_nodes)),
        upsert_edges=tuple(sorted(upsert_edges, key=lambda x: (x[0], x[3], x[2]))),
        delete_edges=tuple(sorted(delete_edges)),
    )


def papers_in(g: nx.MultiDiGraph) -> Iterator[Paper]:
    """The Paper records stored in a graph (Paper nodes hold the whole record)."""
    for n, d in sorted(g.nodes(data=True)):
        if d["label"] == NodeLabel.PAPER.value:
            yield Paper.from_props({"id": n, **d})
