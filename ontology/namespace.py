"""Typed rdflib namespaces: ``EFF`` for effkg's classes and properties, ``ID`` for node IRIs.

``EFF`` refuses terms the schema does not define (``_fail = True``), so a typo is an error at the
point of use rather than a silently new IRI. ``tests/test_ontology_schema.py`` checks that its
terms are exactly the ``eff:`` terms declared in ``schema.ttl``.

>>> str(EFF.Technique)
'https://effkg.dev/ontology#Technique'
>>> str(ID["technique/lora"])
'https://effkg.dev/id/technique/lora'
>>> EFF.Tecnique
Traceback (most recent call last):
...
AttributeError: term 'Tecnique' not in namespace 'https://effkg.dev/ontology#'
"""

from __future__ import annotations

from rdflib import Namespace, URIRef
from rdflib.namespace import DefinedNamespace

from ontology.vocab import NAMESPACE, RESOURCE_NAMESPACE

ID = Namespace(RESOURCE_NAMESPACE)
"""Graph-node IRIs: ``ID[node_id]``."""


class EFF(DefinedNamespace):
    """Classes and properties of ``schema.ttl`` (prefix ``eff:``)."""

    _NS = Namespace(NAMESPACE)
    _fail = True

    # classes: one per NodeLabel
    Paper: URIRef
    Technique: URIRef
    Topic: URIRef
    Method: URIRef
    Model: URIRef
    ModelFamily: URIRef
    Architecture: URIRef
    Hardware: URIRef
    HardwareClass: URIRef
    Dataset: URIRef
    Metric: URIRef
    MemoryComponent: URIRef
    Bottleneck: URIRef
    Result: URIRef
    # auxiliary classes (not node labels)
    FacetValue: URIRef
    Evidence: URIRef
    Occurrence: URIRef

    # object properties: one per RelType
    studies: URIRef
    proposes: URIRef
    evaluatedOn: URIRef
    runsOn: URIRef
    targets: URIRef
    introduces: URIRef
    reports: URIRef
    instanceOf: URIRef
    hasComponent: URIRef
    extends: URIRef
    comparedWith: URIRef
    composesWith: URIRef
    portsTo: URIRef
    addresses: URIRef
    reduces: URIRef
    memberOf: URIRef
    usesArchitecture: URIRef
    derivedFrom: URIRef
    trainedOn: URIRef
    subclassOf: URIRef
    resultOf: URIRef
    onModel: URIRef
    onDataset: URIRef
    onHardware: URIRef
    measures: URIRef
    versus: URIRef
    # catalog shorthands (sub-properties of relation properties) and RDF-export structure
    family: URIRef
    architecture: URIRef
    hardwareClass: URIRef
    evidence: URIRef
    inPaper: URIRef
    occurrence: URIRef

    # annotation properties
    relType: URIRef
    ambiguousLabel: URIRef
    caseSensitive: URIRef
    nodeLabel: URIRef
    facetName: URIRef

    # datatype properties
    inScope: URIRef
    trainingFree: URIRef
    direction: URIRef
    coined: URIRef
    defaultUnit: URIRef
    vendor: URIRef
    version: URIRef
    size: URIRef
    totalParams: URIRef
    activeParams: URIRef
    variant: URIRef
    modality: URIRef
    generation: URIRef
    memoryGB: URIRef
    precisionFeature: URIRef
    task: URIRef
    year: URIRef
    bits: URIRef
    weightBits: URIRef
    activationBits: URIRef
    kvBits: URIRef
    id: URIRef
    name: URIRef
    origin: URIRef
    support: URIRef
    confidence: URIRef
    index: URIRef
    sentence: URIRef
    start: URIRef
    end: URIRef
    extractor: URIRef
    qualifier: URIRef
    file: URIRef
    line: URIRef
    format: URIRef
    loader: URIRef


AUXILIARY_CLASSES: frozenset[str] = frozenset({"FacetValue", "Evidence", "Occurrence"})
"""Classes of ``schema.ttl`` that are not node labels of the property graph."""

TERMS: frozenset[str] = frozenset(name for name in EFF.__annotations__ if not name.startswith("_"))
"""Local names of every ``eff:`` term (``EFF`` itself is not iterable)."""
