"""The records the explorer's JSON API returns (and its OpenAPI schema describes).

Every view of the page is one of these, built by :mod:`kg.web.explorer` from a store; the HTTP
layer only serialises them. All are frozen pydantic records.

>>> Ref(id="method/galore", label="Method", name="GaLore").name
'GaLore'
>>> GraphEdge(id="a|X|b", source="a", target="b", type="X", support=1).ontology
False
"""

from __future__ import annotations

from typing import Any

from pydantic import Field

from kg.records import Record


class Ref(Record):
    """A node named in a view: its id, label and display name."""

    id: str
    label: str
    name: str


class ErrorBody(Record):
    """What every 4xx / 5xx answer carries."""

    error: str = Field(description="the kind of problem, e.g. 'unknown-name', 'bad-parameter'")
    message: str = Field(description="one line for people")
    candidates: tuple[str, ...] = Field(default=(), description="close names, when a name was not found")


# -- graph canvas -------------------------------------------------------------------------------


class GraphNode(Record):
    """A node as drawn on the canvas."""

    id: str
    label: str
    name: str
    year: int | None = Field(default=None, description="paper year; a method's first proposing paper; a result's paper")
    families: tuple[str, ...] = Field(default=(), description="top-level technique classes the node belongs to")
    stub: bool = Field(default=False, description="named by a relation but described by no mapping")
    degree: int = Field(default=0, description="edges of the node in the whole graph")


class GraphEdge(Record):
    """An edge as drawn on the canvas; ``id`` is ``source|TYPE|target``."""

    id: str
    source: str
    target: str
    type: str
    support: int = Field(default=0, description="papers supporting the fact (0 for ontology edges)")
    confidence: float | None = None
    ontology: bool = False


class Subgraph(Record):
    """Nodes and edges to draw."""

    nodes: tuple[GraphNode, ...] = ()
    edges: tuple[GraphEdge, ...] = ()
    truncated: bool = Field(default=False, description="some neighbours were left out (see notes)")
    notes: tuple[str, ...] = ()


class GraphView(Subgraph):
    """The canvas for a focus entity plus expanded ones, after filters."""

    focus: tuple[str, ...] = Field(default=(), description="the anchor ids, resolved")
    hidden: int = Field(default=0, description="neighbours hidden by the filters")


# -- entity panel -------------------------------------------------------------------------------


class SourceLocation(Record):
    """Where a paper was read: file and line of the listing."""

    paper: str
    title: str
    file: str
    line: int
    format: str = ""


class EvidenceItem(Record):
    """One paper's support of a relation: the sentence, linked to its paper."""

    paper: str
    paper_title: str
    year: int | None = None
    sentence: str
    confidence: float | None = None
    extractor: str = ""
    qualifier: str = ""
    source: SourceLocation | None = None


class RelationView(Record):
    """One edge of an entity, seen from the entity, with all its evidence."""

    type: str
    direction: str = Field(description="'out' (entity is the source) or 'in'")
    words: str = Field(description="the relation in words, from the entity's side")
    other: Ref
    support: int = 0
    confidence: float | None = None
    ontology: bool = False
    evidence: tuple[EvidenceItem, ...] = ()


class Evaluation(Record):
    """What a technique or method was evaluated on (from the query layer)."""

    kind: str
    id: str
    name: str
    papers: int
    evidence: tuple[dict[str, Any], ...] = ()


class EntityView(Record):
    """Everything the side panel shows about one entity."""

    id: str
    label: str
    name: str
    properties: dict[str, Any] = Field(default_factory=dict)
    parents: tuple[tuple[Ref, ...], ...] = Field(
        default=(), description="lines of ancestry in the taxonomy, each from the top concept down to a direct parent"
    )
    provenance: tuple[SourceLocation, ...] = ()
    relations: tuple[RelationView, ...] = ()
    relation_counts: dict[str, int] = Field(default_factory=dict, description="edges per 'words' group before limits")
    evaluations: tuple[Evaluation, ...] = ()
    notes: tuple[str, ...] = ()


# -- search, taxonomy, path, queries, meta -------------------------------------------------------


class SearchHit(Record):
    id: str
    label: str
    name: str
    match: str
    matched: str
    score: int


class SearchView(Record):
    text: str
    hits: tuple[SearchHit, ...] = ()
    notes: tuple[str, ...] = ()


class TaxonomyRow(Record):
    id: str
    name: str
    label: str
    depth: int
    papers: int
    total: int
    parents: tuple[str, ...] = ()


class TaxonomyView(Record):
    concept: str
    rows: tuple[TaxonomyRow, ...] = ()
    notes: tuple[str, ...] = ()


class PathHop(Record):
    source: str = Field(description="start node of the edge as stored")
    target: str
    type: str
    forward: bool = Field(description="the edge points along the path")
    paper: str | None = None
    paper_title: str | None = None
    sentence: str | None = None


class PathOne(Record):
    nodes: tuple[Ref, ...]
    hops: tuple[PathHop, ...]


class PathView(Record):
    a: Ref
    b: Ref
    paths: tuple[PathOne, ...] = ()
    subgraph: Subgraph = Field(default_factory=Subgraph)
    notes: tuple[str, ...] = ()


class ParamInfo(Record):
    name: str
    type: str
    help: str
    required: bool = False
    default: str | int | float | bool | None = None
    labels: tuple[str, ...] = ()
    choices: tuple[str, ...] = ()
    minimum: int | float | None = None
    maximum: int | float | None = None
    example: str = ""


class QueryInfo(Record):
    name: str
    title: str
    description: str
    params: tuple[ParamInfo, ...] = ()
    columns: tuple[str, ...] = ()
    examples: tuple[dict[str, str], ...] = Field(default=(), description="example parameter sets")


class QueryAnswer(Record):
    query: str
    params: dict[str, Any] = Field(default_factory=dict)
    columns: tuple[str, ...] = ()
    rows: tuple[dict[str, Any], ...] = ()
    notes: tuple[str, ...] = ()
    store: str = ""
    subgraph: Subgraph = Field(default_factory=Subgraph)


class Family(Record):
    id: str
    name: str


class Meta(Record):
    """What the page needs to draw its controls."""

    version: str
    store: str = Field(description="'embedded' or 'neo4j'")
    nodes: dict[str, int] = Field(default_factory=dict, description="nodes per label")
    edges: dict[str, int] = Field(default_factory=dict, description="edges per relationship type")
    labels: tuple[str, ...] = Field(default=(), description="every node label of the vocabulary")
    relationships: tuple[str, ...] = Field(default=(), description="every relationship type of the vocabulary")
    families: tuple[Family, ...] = ()
    years: dict[str, int] = Field(default_factory=dict, description="papers per year")
    start: Ref | None = Field(default=None, description="a suggested first entity to show")


class ViewBundle(Record):
    """Everything one shared link of the page shows: the JSON twin of the page."""

    graph: GraphView = Field(default_factory=GraphView)
    selected: EntityView | None = None
    path: PathView | None = None
    notes: tuple[str, ...] = ()
