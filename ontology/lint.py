"""Checks on the shipped Turtle files beyond what loading refuses: labels, definitions, collisions.

Loading already refuses dangling references, id/label mismatches and cycles. :func:`lint` finds
what would only make the ontology worse: a concept without exactly one English prefLabel or a
definition, a label that names two concepts without being declared (``eff:ambiguousLabel`` on
every concept that carries it), unknown ``eff:`` terms, missing required ids.

>>> from ontology import load
>>> lint(load())
()
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable

from rdflib import RDF, SKOS, Literal, URIRef

from ontology.api import Ontology
from ontology.concepts import Concept, FacetValue, normalise_label
from ontology.namespace import TERMS
from ontology.required import REQUIRED_METRICS, REQUIRED_TECHNIQUES, REQUIRED_TOPICS
from ontology.vocab import NAMESPACE, RESOURCE_NAMESPACE, NodeLabel

_PATTERN_CHARS = set("{}|")


def label_collisions(items: Iterable[Concept | FacetValue]) -> dict[str, tuple[str, ...]]:
    """Normalised labels carried by several items where not every one declares it ambiguous."""
    owners: dict[str, set[str]] = defaultdict(set)
    declared: dict[str, set[str]] = defaultdict(set)
    for item in items:
        for surface in item.labels:
            owners[normalise_label(surface)].add(item.id)
        for surface in getattr(item, "ambiguous", ()):
            declared[normalise_label(surface)].add(item.id)
    return {
        key: tuple(sorted(ids))
        for key, ids in sorted(owners.items())
        if len(ids) > 1 and not ids <= declared[key]
    }


def lint(onto: Ontology) -> tuple[str, ...]:
    """Problems of the ontology, one line each (empty when it is clean)."""
    problems: list[str] = []
    g = onto.rdf()
    items: list[Concept | FacetValue] = [*onto.concepts(), *onto.facets()]
    for item in items:
        s = URIRef(item.iri)
        prefs = [o for o in g.objects(s, SKOS.prefLabel) if isinstance(o, Literal)]
        english = [o for o in prefs if o.language == "en"]
        if len(english) != 1:
            problems.append(f"{item.id}: {len(english)} English skos:prefLabel (need exactly one, tagged @en)")
        defs = [o for o in g.objects(s, SKOS.definition) if isinstance(o, Literal) and o.language in ("en", None)]
        if len(defs) != 1 or not str(defs[0]).strip():
            problems.append(f"{item.id}: needs exactly one non-empty skos:definition (has {len(defs)})")
        for surface in item.labels:
            if _PATTERN_CHARS & set(surface) or surface != surface.strip() or not surface:
                problems.append(f"{item.id}: label {surface!r} is not a plain surface form")
    for key, ids in label_collisions(onto.concepts()).items():
        problems.append(f"label {key!r} names {', '.join(ids)} (declare eff:ambiguousLabel on each, or drop it)")
    for key, ids in label_collisions(onto.facets()).items():
        problems.append(f"facet label {key!r} names {', '.join(ids)}")
    for c in onto.concepts():
        for surface in c.ambiguous:
            if normalise_label(surface) not in {normalise_label(x) for x in c.labels}:
                problems.append(f"{c.id}: declares ambiguous label {surface!r} it does not carry")

    # every eff: term used in the files is one the schema defines
    defined = {NAMESPACE + t for t in TERMS}
    for subj, pred, obj in g:
        for term in (pred, obj) if pred == RDF.type else (pred,):
            if isinstance(term, URIRef) and str(term).startswith(NAMESPACE) and str(term) not in defined:
                problems.append(f"{subj}: unknown term eff:{str(term)[len(NAMESPACE):]}")
    # resources under the id namespace that are neither typed nor schemes (typos in ids)
    facet_ids = {f.id for f in onto.facets()}
    for subj in set(g.subjects()):
        if isinstance(subj, URIRef) and str(subj).startswith(RESOURCE_NAMESPACE):
            sid = str(subj)[len(RESOURCE_NAMESPACE) :]
            if sid not in onto and sid not in facet_ids and sid not in onto.data.schemes:
                problems.append(f"{sid}: described but not typed with an effkg class")

    for tid, parents in REQUIRED_TECHNIQUES.items():
        tech = onto.get(tid)
        if tech is None or tech.label is not NodeLabel.TECHNIQUE:
            problems.append(f"{tid}: required technique missing")
            continue
        for p in parents:
            if p not in tech.parents:
                problems.append(f"{tid}: required parent {p} missing")
    for topic in REQUIRED_TOPICS:
        if topic not in onto:
            problems.append(f"{topic}: required topic missing")
    metrics = {c.id for c in onto.concepts(NodeLabel.METRIC)}
    if metrics != set(REQUIRED_METRICS):
        problems.append(f"metrics differ from the closed list: {sorted(metrics ^ set(REQUIRED_METRICS))}")
    for mid, direction in REQUIRED_METRICS.items():
        metric = onto.get(mid)
        if metric is not None and metric.props.get("direction") != direction:
            problems.append(f"{mid}: eff:direction should be {direction!r}")
    for c in onto.concepts(NodeLabel.TECHNIQUE):
        if c.scheme != "technique":
            problems.append(f"{c.id}: not in scheme/technique")
        if c.id != "technique/ml-efficiency" and not c.parents:
            problems.append(f"{c.id}: a technique other than the root needs a parent")
    for c in onto.concepts(NodeLabel.TOPIC):
        if c.scheme != "topic":
            problems.append(f"{c.id}: not in scheme/topic")
    return tuple(problems)
