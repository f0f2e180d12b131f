"""The property graph as RDF, and its validation against the SHACL shapes of ``ontology/shapes.ttl``.

Mapping (:func:`graph_to_rdf`):

- a node ``id`` is the IRI ``https://effkg.dev/id/<id>`` with ``rdf:type eff:<label>`` and
  ``eff:id "<id>"``; every property ``snake_case`` is ``eff:lowerCamel`` (``arxiv_id`` ->
  ``eff:arxivId``) with a typed literal. A list property is an ordered ``rdf:List`` of literals.
  A property whose name would read as an object property of the schema (``family`` on a model)
  gets the suffix ``Value`` (``eff:familyValue``) so literals never pose as relations.
- a Paper's aligned ``source_files/lines/formats/loaders`` lists become ``eff:occurrence`` nodes
  (``<paper IRI>#occurrence-<n>``, class ``eff:Occurrence``: ``eff:file``, ``eff:line``,
  ``eff:format``, ``eff:loader``).
- an edge ``u -[TYPE]-> v`` is the triple ``<u> eff:<type> <v>`` plus a reified
  ``rdf:Statement`` (IRI ``https://effkg.dev/id/statement/<sha1 of u, type, v>``) that carries the
  edge's scalar properties (``eff:support``, ``eff:confidence``, ``eff:origin``) and one
  ``eff:Evidence`` node per supporting paper (``<statement IRI>#evidence-<n>``, n from 1, in list
  order) with ``eff:inPaper``, ``eff:sentence``, ``eff:start``, ``eff:end``, ``eff:extractor``,
  ``eff:confidence``, ``eff:qualifier``. Evidence lists of unequal length give evidence nodes with
  missing fields, which the shapes report.

>>> import networkx as nx
>>> g = nx.MultiDiGraph()
>>> g.add_node("technique/lora", label="Technique", name="LoRA")
>>> g.add_node("technique/parameter-efficient-fine-tuning", label="Technique", name="PEFT")
>>> _ = g.add_edge("technique/lora", "technique/parameter-efficient-fine-tuning", key="SUBCLASS_OF", origin="ontology")
>>> r = graph_to_rdf(g)
>>> (ID["technique/lora"], EFF.subclassOf, ID["technique/parameter-efficient-fine-tuning"]) in r
True
"""

from __future__ import annotations

import hashlib
import logging
import re
import time
from collections.abc import Sequence
from itertools import zip_longest
from pathlib import Path
from typing import TYPE_CHECKING, Any

from pydantic import Field
from rdflib import RDF, SKOS, XSD, BNode, Graph, Literal, URIRef
from rdflib.collection import Collection

from kg.records import Record
from ontology.namespace import EFF, ID
from ontology.vocab import NAMESPACE, RESOURCE_NAMESPACE, RelType

if TYPE_CHECKING:
    import networkx as nx

log = logging.getLogger(__name__)

SHAPES_PATH = Path(__file__).resolve().parents[1] / "ontology" / "shapes.ttl"
STATEMENT_PREFIX = RESOURCE_NAMESPACE + "statement/"
_GRAPH_FOCUS = "https://effkg.dev/shapes#graph"

_EVIDENCE_FIELDS: tuple[tuple[str, URIRef], ...] = (
    ("papers", EFF.inPaper),
    ("sentences", EFF.sentence),
    ("starts", EFF.start),
    ("ends", EFF.end),
    ("extractors", EFF.extractor),
    ("confidences", EFF.confidence),
    ("qualifiers", EFF.qualifier),
)
_OCCURRENCE_FIELDS: tuple[tuple[str, URIRef], ...] = (
    ("source_files", EFF.file),
    ("source_lines", EFF.line),
    ("source_formats", EFF.format),
    ("source_loaders", EFF.loader),
)
_OBJECT_PROPERTIES = frozenset(
    {r.property_name for r in RelType} | {"family", "architecture", "hardwareClass", "evidence", "inPaper", "occurrence"}
)


def _camel(key: str) -> str:
    head, *tail = key.split("_")
    return head + "".join(t[:1].upper() + t[1:] for t in tail)


def prop_iri(key: str) -> URIRef:
    """The predicate of a node or edge property.

    >>> str(prop_iri("arxiv_id")), str(prop_iri("family"))
    ('https://effkg.dev/ontology#arxivId', 'https://effkg.dev/ontology#familyValue')
    """
    name = _camel(key)
    if name in _OBJECT_PROPERTIES:
        name += "Value"
    return URIRef(NAMESPACE + name)


def rel_iri(rel_type: str) -> URIRef:
    """The object property of a relationship type (also for a type the vocabulary lacks, so SHACL can report it)."""
    try:
        return URIRef(RelType(rel_type).iri)
    except ValueError:
        return URIRef(NAMESPACE + _camel(rel_type.lower()))


def statement_iri(source: str, rel_type: str, target: str) -> URIRef:
    """Deterministic IRI of the reified statement of one edge."""
    digest = hashlib.sha1(f"{source}\0{rel_type}\0{target}".encode()).hexdigest()[:20]
    return URIRef(STATEMENT_PREFIX + digest)


def _literal(value: Any) -> Literal:
    # bool first: it is an int subclass and must stay xsd:boolean
    if isinstance(value, bool):
        return Literal(value, datatype=XSD.boolean)
    if isinstance(value, int):
        return Literal(value, datatype=XSD.integer)
    if isinstance(value, float):
        return Literal(value, datatype=XSD.double)
    return Literal(str(value))


def _add_value(out: Graph, s: URIRef, key: str, value: Any, only: frozenset[URIRef] | None) -> None:
    p = prop_iri(key)
    if only is not None and p not in only:
        return
    if isinstance(value, (list, tuple)):
        head = BNode()
        Collection(out, head, [_literal(v) for v in value])
        out.add((s, p, head))
    else:
        out.add((s, p, _literal(value)))


def graph_to_rdf(g: nx.MultiDiGraph, *, only: frozenset[URIRef] | None = None) -> Graph:
    """The property graph ``g`` (nodes keyed by id with ``label`` + properties, edges keyed by type) as RDF.

    ``only`` restricts node and edge *properties* to those predicates (types, ids, edges,
    statements and evidence are always written): validation uses it to skip what no shape reads.
    """
    out = Graph()
    out.bind("eff", NAMESPACE)
    out.bind("id", RESOURCE_NAMESPACE)
    out.bind("skos", SKOS)
    for node_id, data in g.nodes(data=True):
        s = ID[node_id]
        label = str(data.get("label", ""))
        if label:
            out.add((s, RDF.type, URIRef(NAMESPACE + label)))
        out.add((s, EFF.id, Literal(node_id)))
        occurrence_keys = {k for k, _ in _OCCURRENCE_FIELDS} if label == "Paper" else set()
        for key, value in data.items():
            if key == "label" or key in occurrence_keys:
                continue
            _add_value(out, s, key, value, only)
        if occurrence_keys and (only is None or EFF.occurrence in only):
            columns = [list(data.get(k, ())) for k, _ in _OCCURRENCE_FIELDS]
            for i, row in enumerate(zip_longest(*columns, fillvalue=None), 1):
                occ = URIRef(f"{s}#occurrence-{i}")
                out.add((s, EFF.occurrence, occ))
                out.add((occ, RDF.type, EFF.Occurrence))
                for (_, p), v in zip(_OCCURRENCE_FIELDS, row):
                    if v is not None:
                        out.add((occ, p, _literal(v)))

    for u, v, key, data in g.edges(keys=True, data=True):
        su, sv, p = ID[u], ID[v], rel_iri(str(key))
        out.add((su, p, sv))
        st = statement_iri(u, str(key), v)
        out.add((st, RDF.type, RDF.Statement))
        out.add((st, RDF.subject, su))
        out.add((st, RDF.predicate, p))
        out.add((st, RDF.object, sv))
        evidence_keys = {k for k, _ in _EVIDENCE_FIELDS}
        for attr, value in data.items():
            if attr not in evidence_keys:
                _add_value(out, st, attr, value, only)
        columns = [list(data.get(k, ())) for k, _ in _EVIDENCE_FIELDS]
        for i, row in enumerate(zip_longest(*columns, fillvalue=None), 1):
            ev = URIRef(f"{st}#evidence-{i}")
            out.add((st, EFF.evidence, ev))
            out.add((ev, RDF.type, EFF.Evidence))
            out.add((ev, EFF.index, _literal(i)))
            for (name, pred), item in zip(_EVIDENCE_FIELDS, row):
                if item is None:
                    continue
                out.add((ev, pred, ID[str(item)] if name == "papers" else _literal(item)))
    return out


# -- validation -------------------------------------------------------------------------------


class Violation(Record):
    """One way the graph breaks a shape."""

    focus: str = Field(description="node id, or 'source -[TYPE]-> target' for an edge, or an evidence entry")
    path: str | None = Field(default=None, description="the property (eff: local name) the shape constrains")
    value: str | None = None
    message: str
    shape: str | None = None
    severity: str = "Violation"


class ValidationReport(Record):
    """The outcome of checking a graph against ``ontology/shapes.ttl``."""

    conforms: bool
    violations: tuple[Violation, ...] = ()
    nodes: int = 0
    edges: int = 0
    triples: int = 0
    seconds: float = 0.0


def load_shapes(path: str | Path | None = None) -> Graph:
    """The SHACL shapes graph (default: ``ontology/shapes.ttl``)."""
    shapes = Graph()
    shapes.parse(Path(path) if path is not None else SHAPES_PATH, format="turtle")
    return shapes


def shape_predicates(shapes: Graph) -> frozenset[URIRef]:
    """Every ``eff:`` term the shapes mention (paths, classes, SPARQL text): what validation must see."""
    terms: set[URIRef] = {o for o in shapes.objects() if isinstance(o, URIRef) and str(o).startswith(NAMESPACE)}
    terms |= {p for p in shapes.predicates() if isinstance(p, URIRef) and str(p).startswith(NAMESPACE)}
    for text in shapes.objects(predicate=URIRef("http://www.w3.org/ns/shacl#select")):
        terms |= {URIRef(NAMESPACE + m) for m in re.findall(r"eff:(\w+)", str(text))}
    return frozenset(terms)


def _short(term: Any) -> str:
    s = str(term)
    if s.startswith(RESOURCE_NAMESPACE):
        return s[len(RESOURCE_NAMESPACE) :]
    if s.startswith(NAMESPACE):
        return "eff:" + s[len(NAMESPACE) :]
    return s


def _describe(data: Graph, node: Any) -> str:
    """A readable name for a focus node: statements and evidence read as their edge."""
    s = str(node)
    base, _, frag = s.partition("#")
    if base.startswith(STATEMENT_PREFIX):
        st = URIRef(base)
        subj, pred, obj = data.value(st, RDF.subject), data.value(st, RDF.predicate), data.value(st, RDF.object)
        pred_name = str(pred)[len(NAMESPACE) :] if pred is not None else "?"
        edge = f"{_short(subj)} -[{pred_name}]-> {_short(obj)}"
        return f"{edge} {frag}" if frag else edge
    return _short(node) + (f" {frag}" if frag else "")


def validate(g: nx.MultiDiGraph, *, shapes: str | Path | Graph | None = None) -> ValidationReport:
    """Check ``g`` against the SHACL shapes (pyshacl, no inference).

    >>> import networkx as nx
    >>> g = nx.MultiDiGraph()
    >>> g.add_node("technique/lora", label="Technique", name="LoRA", definition="Low-rank adapters.", in_scope=True)
    >>> validate(g).conforms
    True
    >>> g.add_node("paper/t-000000000000", label="Paper")
    >>> [v.path for v in validate(g).violations]
    ['eff:name', 'eff:occurrence', 'eff:text', 'eff:title']
    """
    import pyshacl
    from pyshacl.errors import ReportableRuntimeError

    started = time.perf_counter()
    shapes_graph = shapes if isinstance(shapes, Graph) else load_shapes(shapes)
    # Only what the shapes read: long texts and offset lists would only slow pyshacl down.
    data = graph_to_rdf(g, only=shape_predicates(shapes_graph))
    try:
        conforms, results, _ = pyshacl.validate(
            data,
            shacl_graph=shapes_graph,
            inference="none",
            advanced=True,
            allow_warnings=True,
            inplace=True,  # the data graph is ours and thrown away: skip pyshacl's copy
        )
    except ReportableRuntimeError as exc:  # a broken shapes file, not a broken graph
        raise RuntimeError(f"SHACL validation could not run: {exc}") from exc
    if not isinstance(results, Graph):  # pyshacl reports a shapes problem as a ValidationFailure
        raise RuntimeError(f"SHACL validation could not run: {results}")
    SH = "http://www.w3.org/ns/shacl#"
    violations = []
    for r in results.subjects(RDF.type, URIRef(SH + "ValidationResult")):
        focus = results.value(r, URIRef(SH + "focusNode"))
        path = results.value(r, URIRef(SH + "resultPath"))
        value = results.value(r, URIRef(SH + "value"))
        if str(focus) == _GRAPH_FOCUS and value is not None:  # graph-wide checks report the culprit as value
            focus, value = value, None
        message = results.value(r, URIRef(SH + "resultMessage"))
        shape = results.value(r, URIRef(SH + "sourceShape"))
        if isinstance(shape, BNode):  # a property shape: name the node shape that holds it
            shape = shapes_graph.value(predicate=URIRef(SH + "property"), object=shape) or shape
        severity = results.value(r, URIRef(SH + "resultSeverity"))
        violations.append(
            Violation(
                focus=_describe(data, focus),
                path=_short(path) if isinstance(path, URIRef) else None,
                value=_describe(data, value) if value is not None and not isinstance(value, BNode) else None,
                message=str(message) if message is not None else "breaks a shape",
                shape=_short(shape) if isinstance(shape, URIRef) else None,
                severity=str(severity).rsplit("#", 1)[-1] if severity is not None else "Violation",
            )
        )
    violations.sort(key=lambda v: (v.focus, v.path or "", v.message, v.value or ""))
    return ValidationReport(
        conforms=bool(conforms) and not any(v.severity == "Violation" for v in violations),
        violations=tuple(violations),
        nodes=g.number_of_nodes(),
        edges=g.number_of_edges(),
        triples=len(data),
        seconds=round(time.perf_counter() - started, 3),
    )


def count_by_message(violations: Sequence[Violation]) -> dict[str, int]:
    """How many violations each message has (for summaries)."""
    out: dict[str, int] = {}
    for v in violations:
        out[v.message] = out.get(v.message, 0) + 1
    return dict(sorted(out.items(), key=lambda kv: (-kv[1], kv[0])))
