"""The one place that names things: node labels and relationship types.

Ontology classes, Python enums, Neo4j labels, relationship types and RDF IRIs all come from
here. Only members of these enums are ever interpolated into Cypher; everything else travels
as a parameter. ``tests/test_ontology.py`` checks that the Turtle files declare exactly these
classes and properties, with the domains and ranges given in :data:`DOMAIN_RANGE`.

>>> NodeLabel("Technique").iri
'https://effkg.dev/ontology#Technique'
>>> RelType.EVALUATED_ON.iri
'https://effkg.dev/ontology#evaluatedOn'
>>> NodeLabel.MODEL in DOMAIN_RANGE[RelType.EVALUATED_ON][1]
True
"""

from __future__ import annotations

from enum import StrEnum

NAMESPACE = "https://effkg.dev/ontology#"
"""IRI namespace of effkg's classes and properties (prefix ``eff:``)."""

RESOURCE_NAMESPACE = "https://effkg.dev/id/"
"""IRI namespace of graph nodes: ``RESOURCE_NAMESPACE + node id``."""


class NodeLabel(StrEnum):
    """Node labels (PascalCase); each is an OWL class ``eff:<Label>``."""

    PAPER = "Paper"
    TECHNIQUE = "Technique"
    TOPIC = "Topic"
    METHOD = "Method"
    MODEL = "Model"
    MODEL_FAMILY = "ModelFamily"
    ARCHITECTURE = "Architecture"
    HARDWARE = "Hardware"
    HARDWARE_CLASS = "HardwareClass"
    DATASET = "Dataset"
    METRIC = "Metric"
    MEMORY_COMPONENT = "MemoryComponent"
    BOTTLENECK = "Bottleneck"
    RESULT = "Result"

    @property
    def iri(self) -> str:
        return NAMESPACE + self.value

    @property
    def id_prefix(self) -> str:
        """The prefix of this label's node ids (``docs/conventions.md``)."""
        return ID_PREFIX[self]


ID_PREFIX: dict[NodeLabel, str] = {
    NodeLabel.PAPER: "paper",
    NodeLabel.TECHNIQUE: "technique",
    NodeLabel.TOPIC: "topic",
    NodeLabel.METHOD: "method",
    NodeLabel.MODEL: "model",
    NodeLabel.MODEL_FAMILY: "family",
    NodeLabel.ARCHITECTURE: "arch",
    NodeLabel.HARDWARE: "hardware",
    NodeLabel.HARDWARE_CLASS: "hwclass",
    NodeLabel.DATASET: "dataset",
    NodeLabel.METRIC: "metric",
    NodeLabel.MEMORY_COMPONENT: "memory",
    NodeLabel.BOTTLENECK: "bottleneck",
    NodeLabel.RESULT: "result",
}
PREFIX_LABEL: dict[str, NodeLabel] = {v: k for k, v in ID_PREFIX.items()}


def label_of(node_id: str) -> NodeLabel:
    """The label implied by an id's prefix.

    >>> label_of("model/llama-2-7b")
    <NodeLabel.MODEL: 'Model'>
    """
    prefix, _, rest = node_id.partition("/")
    if not rest or prefix not in PREFIX_LABEL:
        raise ValueError(f"not an effkg node id: {node_id!r}")
    return PREFIX_LABEL[prefix]


def _camel(upper_snake: str) -> str:
    head, *tail = upper_snake.lower().split("_")
    return head + "".join(t.capitalize() for t in tail)


class RelType(StrEnum):
    """Relationship types (UPPER_SNAKE verbs); each is an OWL object property ``eff:<lowerCamel>``."""

    # paper-level facts
    STUDIES = "STUDIES"
    PROPOSES = "PROPOSES"
    EVALUATED_ON = "EVALUATED_ON"
    RUNS_ON = "RUNS_ON"
    TARGETS = "TARGETS"
    INTRODUCES = "INTRODUCES"
    REPORTS = "REPORTS"
    # method-level facts
    INSTANCE_OF = "INSTANCE_OF"
    HAS_COMPONENT = "HAS_COMPONENT"
    EXTENDS = "EXTENDS"
    COMPARED_WITH = "COMPARED_WITH"
    COMPOSES_WITH = "COMPOSES_WITH"
    PORTS_TO = "PORTS_TO"
    ADDRESSES = "ADDRESSES"
    REDUCES = "REDUCES"
    # model facts
    MEMBER_OF = "MEMBER_OF"
    USES_ARCHITECTURE = "USES_ARCHITECTURE"
    DERIVED_FROM = "DERIVED_FROM"
    TRAINED_ON = "TRAINED_ON"
    # ontology structure
    SUBCLASS_OF = "SUBCLASS_OF"
    # result facts
    RESULT_OF = "RESULT_OF"
    ON_MODEL = "ON_MODEL"
    ON_DATASET = "ON_DATASET"
    ON_HARDWARE = "ON_HARDWARE"
    MEASURES = "MEASURES"
    VERSUS = "VERSUS"

    @property
    def iri(self) -> str:
        return NAMESPACE + _camel(self.value)

    @property
    def property_name(self) -> str:
        """The lowerCamelCase name of the OWL property (``evaluatedOn``)."""
        return _camel(self.value)


L = NodeLabel
_TECH = frozenset({L.METHOD, L.TECHNIQUE})

DOMAIN_RANGE: dict[RelType, tuple[frozenset[NodeLabel], frozenset[NodeLabel]]] = {
    RelType.STUDIES: (frozenset({L.PAPER}), frozenset({L.TECHNIQUE, L.TOPIC})),
    RelType.PROPOSES: (frozenset({L.PAPER}), frozenset({L.METHOD})),
    RelType.EVALUATED_ON: (frozenset({L.PAPER, L.METHOD}), frozenset({L.MODEL, L.DATASET})),
    RelType.RUNS_ON: (frozenset({L.PAPER, L.METHOD}), frozenset({L.HARDWARE})),
    RelType.TARGETS: (frozenset({L.PAPER, L.METHOD}), frozenset({L.HARDWARE_CLASS})),
    RelType.INTRODUCES: (frozenset({L.PAPER}), frozenset({L.DATASET, L.METRIC, L.METHOD})),
    RelType.REPORTS: (frozenset({L.PAPER}), frozenset({L.RESULT})),
    RelType.INSTANCE_OF: (frozenset({L.METHOD, L.HARDWARE}), frozenset({L.TECHNIQUE, L.HARDWARE_CLASS})),
    RelType.HAS_COMPONENT: (_TECH, _TECH),
    RelType.EXTENDS: (_TECH, _TECH),
    RelType.COMPARED_WITH: (_TECH, _TECH),
    RelType.COMPOSES_WITH: (_TECH, _TECH),
    RelType.PORTS_TO: (_TECH, frozenset({L.HARDWARE_CLASS, L.HARDWARE})),
    RelType.ADDRESSES: (_TECH, frozenset({L.BOTTLENECK, L.MEMORY_COMPONENT})),
    RelType.REDUCES: (_TECH, frozenset({L.MEMORY_COMPONENT})),
    RelType.MEMBER_OF: (frozenset({L.MODEL}), frozenset({L.MODEL_FAMILY})),
    RelType.USES_ARCHITECTURE: (
        frozenset({L.MODEL, L.MODEL_FAMILY, L.METHOD}),
        frozenset({L.ARCHITECTURE}),
    ),
    RelType.DERIVED_FROM: (frozenset({L.MODEL}), frozenset({L.MODEL})),
    RelType.TRAINED_ON: (frozenset({L.MODEL}), frozenset({L.HARDWARE, L.HARDWARE_CLASS})),
    RelType.SUBCLASS_OF: (
        frozenset({L.TECHNIQUE, L.HARDWARE_CLASS, L.TOPIC}),
        frozenset({L.TECHNIQUE, L.HARDWARE_CLASS, L.TOPIC}),
    ),
    RelType.RESULT_OF: (frozenset({L.RESULT}), _TECH),
    RelType.ON_MODEL: (frozenset({L.RESULT}), frozenset({L.MODEL})),
    RelType.ON_DATASET: (frozenset({L.RESULT}), frozenset({L.DATASET})),
    RelType.ON_HARDWARE: (frozenset({L.RESULT}), frozenset({L.HARDWARE, L.HARDWARE_CLASS})),
    RelType.MEASURES: (frozenset({L.RESULT}), frozenset({L.METRIC})),
    RelType.VERSUS: (frozenset({L.RESULT}), _TECH),
}
"""Allowed (source labels, target labels) of every relationship type."""

ONTOLOGY_RELS: frozenset[RelType] = frozenset(
    {RelType.SUBCLASS_OF, RelType.MEMBER_OF, RelType.USES_ARCHITECTURE, RelType.INSTANCE_OF}
)
"""Types that the ontology files themselves may state (edges with ``origin = "ontology"``)."""


def check_edge(rel: RelType, source: str, target: str) -> None:
    """Raise ``ValueError`` when an edge breaks :data:`DOMAIN_RANGE`.

    >>> check_edge(RelType.PROPOSES, "paper/t-0", "method/galore")
    >>> check_edge(RelType.PROPOSES, "paper/t-0", "model/gpt-4")
    Traceback (most recent call last):
    ...
    ValueError: PROPOSES cannot go from Paper to Model
    """
    src, tgt = label_of(source), label_of(target)
    domain, range_ = DOMAIN_RANGE[rel]
    if src not in domain or tgt not in range_:
        raise ValueError(f"{rel.value} cannot go from {src.value} to {tgt.value}")
