"""ontology/shapes.ttl stays in step with ontology/vocab.py (domains, ranges, id prefixes, terms)."""

from __future__ import annotations

import pytest
from rdflib import RDF, Graph, Namespace, URIRef
from rdflib.collection import Collection

from kg.rdf import SHAPES_PATH, load_shapes
from ontology.namespace import TERMS
from ontology.vocab import DOMAIN_RANGE, ID_PREFIX, NAMESPACE, NodeLabel, RelType

SH = Namespace("http://www.w3.org/ns/shacl#")


@pytest.fixture(scope="module")
def shapes() -> Graph:
    return load_shapes()


def _type_in(g: Graph, shape: URIRef) -> set[str]:
    """The labels a shape allows through `sh:path rdf:type ; sh:in (...)`."""
    prop = g.value(shape, SH.property)
    assert g.value(prop, SH.path) == RDF.type
    return {str(t)[len(NAMESPACE) :] for t in Collection(g, g.value(prop, getattr(SH, "in")))}


def test_domain_and_range_shapes_mirror_the_vocabulary(shapes: Graph) -> None:
    seen = set()
    for rel in RelType:
        prop = URIRef(rel.iri)
        domain_shape = shapes.value(predicate=SH.targetSubjectsOf, object=prop)
        range_shape = shapes.value(predicate=SH.targetObjectsOf, object=prop)
        assert domain_shape is not None and range_shape is not None, rel
        domain, range_ = DOMAIN_RANGE[rel]
        assert _type_in(shapes, domain_shape) == {d.value for d in domain}, rel
        assert _type_in(shapes, range_shape) == {r.value for r in range_}, rel
        seen.add(rel)
    assert seen == set(RelType)


def test_id_prefix_shapes_mirror_the_vocabulary(shapes: Graph) -> None:
    for label in NodeLabel:
        shape = URIRef(f"https://effkg.dev/shapes#{label.value}Id")
        assert shapes.value(shape, SH.targetClass) == URIRef(label.iri)
        prop = shapes.value(shape, SH.property)
        assert str(shapes.value(prop, SH.pattern)) == f"^{ID_PREFIX[label]}/."


def test_shapes_use_only_schema_terms(shapes: Graph) -> None:
    used = {str(t)[len(NAMESPACE) :] for t in shapes.all_nodes() if isinstance(t, URIRef) and str(t).startswith(NAMESPACE)}
    # node properties of the export that the schema does not declare one by one
    exported = {"title", "text", "metric", "partial", "definition"}
    assert used - exported <= set(TERMS), used - exported - set(TERMS)


def test_the_known_label_list_is_complete(shapes: Graph) -> None:
    node = URIRef("https://effkg.dev/shapes#Node")
    labels = None
    for prop in shapes.objects(node, SH.property):
        if shapes.value(prop, SH.path) == RDF.type:
            labels = {str(t)[len(NAMESPACE) :] for t in Collection(shapes, shapes.value(prop, getattr(SH, "in")))}
    assert labels == {label.value for label in NodeLabel}
    assert SHAPES_PATH.name == "shapes.ttl"
