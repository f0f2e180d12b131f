"""The Python vocabulary (ontology/vocab.py, ontology/namespace.py) equals what schema.ttl declares."""

from __future__ import annotations

import pytest
from rdflib import OWL, RDF, RDFS, BNode, Graph, Literal, URIRef
from rdflib.collection import Collection

from ontology.loader import PACKAGE_DIR
from ontology.namespace import AUXILIARY_CLASSES, EFF, TERMS
from ontology.vocab import DOMAIN_RANGE, NAMESPACE, NodeLabel, RelType


@pytest.fixture(scope="module")
def schema() -> Graph:
    g = Graph()
    g.parse(PACKAGE_DIR / "schema.ttl", format="turtle")
    return g


def _declared(g: Graph, kind: URIRef) -> set[str]:
    return {str(s)[len(NAMESPACE) :] for s in g.subjects(RDF.type, kind) if str(s).startswith(NAMESPACE)}


def _classes(g: Graph, node: object) -> set[str]:
    """A domain/range: one class, or an owl:unionOf list of classes."""
    if isinstance(node, BNode):
        members = Collection(g, g.value(node, OWL.unionOf))
        return {str(m)[len(NAMESPACE) :] for m in members}
    return {str(node)[len(NAMESPACE) :]}


def test_classes_are_the_node_labels_plus_auxiliary_ones(schema: Graph) -> None:
    assert _declared(schema, OWL.Class) == {label.value for label in NodeLabel} | AUXILIARY_CLASSES


def test_every_relationship_type_is_an_object_property_with_its_domain_and_range(schema: Graph) -> None:
    declared = _declared(schema, OWL.ObjectProperty)
    for rel in RelType:
        assert rel.property_name in declared, rel
        prop = URIRef(rel.iri)
        assert str(schema.value(prop, EFF.relType)) == rel.value
        domain, range_ = DOMAIN_RANGE[rel]
        assert _classes(schema, schema.value(prop, RDFS.domain)) == {d.value for d in domain}, rel
        assert _classes(schema, schema.value(prop, RDFS.range)) == {r.value for r in range_}, rel


def test_other_object_properties_are_catalog_shorthands_or_export_structure(schema: Graph) -> None:
    extra = _declared(schema, OWL.ObjectProperty) - {r.property_name for r in RelType}
    assert extra == {"family", "architecture", "hardwareClass", "evidence", "inPaper", "occurrence"}
    shorthands = {"family": RelType.MEMBER_OF, "architecture": RelType.USES_ARCHITECTURE,
                  "hardwareClass": RelType.INSTANCE_OF}
    for name, rel in shorthands.items():
        assert schema.value(URIRef(NAMESPACE + name), RDFS.subPropertyOf) == URIRef(rel.iri)


def test_the_typed_namespace_matches_the_schema_exactly(schema: Graph) -> None:
    declared = set()
    for kind in (OWL.Class, OWL.ObjectProperty, OWL.DatatypeProperty, OWL.AnnotationProperty):
        declared |= _declared(schema, kind)
    assert set(TERMS) == declared
    assert EFF.Technique == URIRef(NAMESPACE + "Technique")
    with pytest.raises(AttributeError):
        EFF.Tecnique  # noqa: B018 - a typo must fail loudly


def test_every_term_has_an_english_label(schema: Graph) -> None:
    for term in TERMS:
        labels = [o for o in schema.objects(URIRef(NAMESPACE + term), RDFS.label) if isinstance(o, Literal)]
        assert labels, term


def test_other_files_use_only_schema_terms() -> None:
    used: set[str] = set()
    for path in PACKAGE_DIR.glob("*.ttl"):
        if path.name in ("schema.ttl", "shapes.ttl"):
            continue
        g = Graph()
        g.parse(path, format="turtle")
        for s, p, o in g:
            for term in (p, o):
                if isinstance(term, URIRef) and str(term).startswith(NAMESPACE):
                    used.add(str(term)[len(NAMESPACE) :])
    assert used <= set(TERMS), used - set(TERMS)
