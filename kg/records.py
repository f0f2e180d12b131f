"""Typed, frozen records that cross every seam of effkg.

loaders -> :class:`Paper`; mapping -> :class:`Mapping` (entities, relations, results, mentions);
graph assembly -> store. All are pydantic models with ``frozen=True, extra="forbid"``.

>>> src = SourceRef(file="seeds/000.txt", line=3, format="hf-daily", loader="HfDailyLoader")
>>> p = Paper(id="paper/t-0123456789ab", title="A title", abstract="One. Two.",
...           text="A title\\n\\nOne. Two.", occurrences=(src,))
>>> Paper.from_props(p.to_props()) == p
True
>>> p.raw_span(9, 13)
('abstract', 0, 4)
"""

from __future__ import annotations

import datetime as dt
from bisect import bisect_right
from typing import Any, Literal, TypeAlias

from pydantic import BaseModel, ConfigDict, Field

from ontology.vocab import NodeLabel, RelType

Scalar: TypeAlias = str | int | float | bool
PropValue: TypeAlias = Scalar | tuple[str, ...] | tuple[int, ...] | tuple[float, ...] | tuple[bool, ...]
"""What a graph property may hold: what Neo4j can store (no nulls, no maps, homogeneous lists)."""

TITLE_SEPARATOR = "\n\n"
"""``Paper.text`` is the normalised title, this separator, then the normalised abstract."""


class Record(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class SourceRef(Record):
    """Where a paper was read: one occurrence in one input file."""

    file: str
    line: int = Field(ge=1, description="1-based line of the paper's title (or record start)")
    format: str = Field(description="loader format name, e.g. 'hf-daily', 'arxiv-atom'")
    loader: str = Field(description="loader class that read it")


class Paper(Record):
    """One canonical paper, merged over all its occurrences."""

    id: str
    title: str = Field(description="title as given (from the richest occurrence, see loaders.merge)")
    abstract: str = Field(description="abstract as given")
    text: str = Field(description="normalised title + TITLE_SEPARATOR + normalised abstract, for extraction")
    offset_map: tuple[int, ...] = Field(
        default=(),
        description="flat (text_pos, raw_pos) anchor pairs mapping `text` back to title+SEP+abstract",
    )
    arxiv_id: str | None = None
    date: dt.date | None = None
    date_text: str | None = Field(default=None, description="the date as written in the source")
    year: int | None = None
    year_inferred: bool = False
    upvotes: int | None = None
    authors: tuple[str, ...] = ()
    author_count: int | None = None
    organisation: str | None = None
    code_urls: tuple[str, ...] = ()
    categories: tuple[str, ...] = ()
    occurrences: tuple[SourceRef, ...] = Field(min_length=1)
    disagreements: tuple[str, ...] = Field(
        default=(), description="fields whose values differed between occurrences, as 'field: a | b'"
    )

    @property
    def title_text(self) -> str:
        """The normalised title (the first part of ``text``)."""
        return self.text.split(TITLE_SEPARATOR, 1)[0]

    @property
    def abstract_offset(self) -> int:
        """Offset in ``text`` where the normalised abstract starts."""
        return len(self.title_text) + len(TITLE_SEPARATOR)

    def raw_span(self, start: int, end: int) -> tuple[Literal["title", "abstract"], int, int]:
        """Map a ``text`` span back to ``('title'|'abstract', start, end)`` in the text as given."""
        raw_start, raw_end = self._to_raw(start), self._to_raw(end)
        title_end = len(self.title) + len(TITLE_SEPARATOR)
        if raw_start < title_end:
            return "title", raw_start, min(raw_end, len(self.title))
        return "abstract", raw_start - title_end, raw_end - title_end

    def _to_raw(self, pos: int) -> int:
        anchors = self.offset_map
        if not anchors:
            return pos
        text_positions = anchors[0::2]
        i = bisect_right(text_positions, pos) - 1
        if i < 0:
            return pos
        return anchors[2 * i + 1] + (pos - anchors[2 * i])

    # -- graph round trip: a Paper node's properties hold the whole record ----------------

    def to_props(self) -> dict[str, PropValue]:
        """Flat, Neo4j-storable properties (no nulls, no empty lists) that round-trip."""
        props: dict[str, Any] = {
            "id": self.id,
            "name": self.title,
            "title": self.title,
            "abstract": self.abstract,
            "text": self.text,
            "offset_map": self.offset_map,
            "arxiv_id": self.arxiv_id,
            "date": self.date.isoformat() if self.date else None,
            "date_text": self.date_text,
            "year": self.year,
            "year_inferred": self.year_inferred,
            "upvotes": self.upvotes,
            "authors": self.authors,
            "author_count": self.author_count,
            "organisation": self.organisation,
            "code_urls": self.code_urls,
            "categories": self.categories,
            "source_files": tuple(o.file for o in self.occurrences),
            "source_lines": tuple(o.line for o in self.occurrences),
            "source_formats": tuple(o.format for o in self.occurrences),
            "source_loaders": tuple(o.loader for o in self.occurrences),
            "disagreements": self.disagreements,
        }
        return {k: v for k, v in props.items() if v is not None and v != ()}

    @classmethod
    def from_props(cls, props: dict[str, Any]) -> Paper:
        """Rebuild the record from a Paper node's properties (inverse of :meth:`to_props`)."""
        occ = tuple(
            SourceRef(file=f, line=ln, format=fm, loader=ld)
            for f, ln, fm, ld in zip(
                props["source_files"], props["source_lines"], props["source_formats"], props["source_loaders"]
            )
        )
        date = props.get("date")
        return cls(
            id=props["id"],
            title=props["title"],
            abstract=props["abstract"],
            text=props["text"],
            offset_map=tuple(props.get("offset_map", ())),
            arxiv_id=props.get("arxiv_id"),
            date=dt.date.fromisoformat(date) if date else None,
            date_text=props.get("date_text"),
            year=props.get("year"),
            year_inferred=props.get("year_inferred", False),
            upvotes=props.get("upvotes"),
            authors=tuple(props.get("authors", ())),
            author_count=props.get("author_count"),
            organisation=props.get("organisation"),
            code_urls=tuple(props.get("code_urls", ())),
            categories=tuple(props.get("categories", ())),
            occurrences=occ,
            disagreements=tuple(props.get("disagreements", ())),
        )


class SkippedLine(Record):
    """An input line that was not used, and why (nothing is dropped silently)."""

    file: str
    line: int
    reason: str
    text: str = Field(default="", description="the line, shortened for the report")


class LoadReport(Record):
    """What a loader read from one file: records in file order, plus every line it did not use."""

    file: str
    format: str
    papers: tuple[Paper, ...] = ()
    skipped: tuple[SkippedLine, ...] = ()
    consumed_lines: int = Field(default=0, description="non-blank lines used as header, title, abstract or metadata")
    errors: tuple[str, ...] = Field(default=(), description="one-line problems that stopped part of the file")
    warnings: tuple[str, ...] = Field(
        default=(), description="one-line problems that stopped nothing (e.g. control characters removed)"
    )
    layout: str | None = Field(default=None, description="page layout detected, e.g. 'compact' or 'spaced'")


# -- mapping output --------------------------------------------------------------------------


class Evidence(Record):
    """The support of one extracted fact in one paper."""

    paper_id: str
    sentence: str
    start: int = Field(ge=0, description="sentence start offset in Paper.text")
    end: int = Field(ge=0, description="sentence end offset in Paper.text")
    extractor: str = Field(description="extractor name, e.g. 'linker'")
    version: str = Field(description="extractor version, e.g. '1.0'")
    confidence: float = Field(ge=0.0, le=1.0)


class Mention(Record):
    """A surface form found in a paper, linked to an entity or kept unlinked with a reason."""

    text: str
    start: int
    end: int
    sentence_start: int
    sentence_end: int
    label: NodeLabel = Field(description="the entity type the mention was read as")
    entity_id: str | None = None
    reason: str | None = Field(default=None, description="why it is unlinked (None when linked)")


class Entity(Record):
    """A node the mapping wants in the graph (ontology concepts are added by graph assembly)."""

    id: str
    label: NodeLabel
    name: str
    props: dict[str, PropValue] = Field(default_factory=dict)


class Relation(Record):
    """One extracted fact from one paper; assembly merges equal facts across papers."""

    type: RelType
    source: str
    target: str
    evidence: Evidence
    qualifier: str = Field(default="", description="e.g. 'orthogonal', 'distilled', '8 GPUs'")


ClaimKind: TypeAlias = Literal["absolute", "relative"]
Direction: TypeAlias = Literal["increase", "decrease"]
Qualifier: TypeAlias = Literal["up_to", "on_average", "at_least", "about", "less_than", "more_than"]


class ResultRecord(Record):
    """One measured result stated in an abstract (an n-ary fact), see docs/conventions.md."""

    index: int = Field(ge=1, description="order of the result in the paper")
    evidence: Evidence
    subject: str | None = Field(default=None, description="Method or Technique id the result is about")
    metric: str | None = Field(default=None, description="metric id, e.g. 'metric/memory'")
    value: float | None = None
    value_max: float | None = Field(default=None, description="upper end when a range is stated")
    unit: str | None = None
    unit_raw: str | None = None
    kind: ClaimKind | None = None
    direction: Direction | None = None
    qualifier: Qualifier | None = None
    baseline: str | None = Field(default=None, description="Method/Technique id, or a precision like 'fp16'")
    model: str | None = None
    dataset: str | None = None
    hardware: str | None = None
    conditions: dict[str, str] = Field(default_factory=dict)
    partial: bool = Field(default=False, description="True when some stated field could not be resolved")
    value_text: str = Field(default="", description="the number as written, e.g. '5.2x'")


class Mapping(Record):
    """Everything the mapping made of one paper."""

    paper_id: str
    in_scope: bool
    topic: str | None = Field(default=None, description="Topic id when the paper is out of scope")
    entities: tuple[Entity, ...] = ()
    relations: tuple[Relation, ...] = ()
    results: tuple[ResultRecord, ...] = ()
    mentions: tuple[Mention, ...] = ()

    @property
    def unlinked(self) -> tuple[Mention, ...]:
        return tuple(m for m in self.mentions if m.entity_id is None)


