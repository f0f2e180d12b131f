"""The linked document: what the mapper read in one paper, shared with the relation and result extractors.

:class:`LinkedDoc` is the seam between the mapper (this package) and the extractors in
``loaders/relations.py`` and ``loaders/results.py``. It carries the paper, its sentences, the
acronym table of its abstract, every mention (linked to an entity id or kept unlinked with a
reason) and the methods the paper proposes. All offsets are character offsets in ``Paper.text``.
Fields are only ever added, never renamed or removed.

>>> from kg.records import Paper, SourceRef
>>> src = SourceRef(file="x.txt", line=1, format="hf-daily", loader="test")
>>> p = Paper(id="paper/t-000000000000", title="FooQ", abstract="We propose FooQ. It runs on an A100.",
...           text="FooQ\\n\\nWe propose FooQ. It runs on an A100.", occurrences=(src,))
>>> s = (Sentence(index=0, start=0, end=4, text="FooQ"),
...      Sentence(index=1, start=6, end=22, text="We propose FooQ."),
...      Sentence(index=2, start=23, end=42, text="It runs on an A100."))
>>> m = LinkedMention(text="A100", start=37, end=41, sentence=2, label=NodeLabel.HARDWARE,
...                   entity_id="hardware/nvidia-a100")
>>> doc = LinkedDoc(paper=p, sentences=s, mentions=(m,))
>>> doc.sentence_at(38).index
2
>>> [x.entity_id for x in doc.mentions_in(2)]
['hardware/nvidia-a100']
>>> doc.evidence(2, extractor="relations", version="1.0", confidence=0.8).sentence
'It runs on an A100.'
"""

from __future__ import annotations

from bisect import bisect_right
from functools import cached_property
from typing import Any, TypeVar

from pydantic import BaseModel, Field

from kg.records import Evidence, Paper, PropValue, Record
from ontology.vocab import NodeLabel

_R = TypeVar("_R", bound=Record)
_new = object.__new__
# the setters of a record's slots, called directly (a frozen record refuses its own __setattr__; the slots'
# descriptors are what ``object.__setattr__`` would find for them, by a lookup per attribute)
_set_dict = BaseModel.__dict__["__dict__"].__set__
_set_fields_set = BaseModel.__dict__["__pydantic_fields_set__"].__set__
_set_extra = BaseModel.__dict__["__pydantic_extra__"].__set__
_set_private = BaseModel.__dict__["__pydantic_private__"].__set__


def _unvalidated(cls: type[_R], fields: dict[str, Any]) -> _R:
    """``cls(**fields)`` for values taken from records already validated, or known to be of their field's
    type and within its bounds: what ``cls.model_construct`` builds (the same frozen record, equal to the
    validated one), without its Python loop over the fields, a fourth of the cost of validating.
    ``fields`` names every field, in declaration order (tests/test_perf_*.py compare with validation)."""
    rec = _new(cls)
    _set_dict(rec, fields)
    _set_fields_set(rec, set(fields))
    _set_extra(rec, None)
    _set_private(rec, None)
    return rec


class Sentence(Record):
    """One sentence of ``Paper.text`` (the title is sentence 0)."""

    index: int = Field(ge=0)
    start: int = Field(ge=0, description="offset in Paper.text")
    end: int = Field(ge=0, description="offset in Paper.text (exclusive)")
    text: str = Field(description="Paper.text[start:end]")
    in_title: bool = False


class Acronym(Record):
    """An acronym defined in the paper as ``long form (ACR)`` (or ``ACR (long form)``)."""

    short: str = Field(description="the acronym as written, e.g. 'PEP'")
    long: str = Field(description="its long form as written, e.g. 'probabilistic expert pruning'")
    start: int = Field(description="start of the whole definition in Paper.text")
    end: int = Field(description="end of the whole definition in Paper.text")
    sentence: int = Field(description="index of the defining sentence")
    entity_id: str | None = Field(default=None, description="what the long form links to, when it links")


class LinkedMention(Record):
    """A surface form in the paper: linked to ``entity_id`` or unlinked with a ``reason``."""

    text: str
    start: int = Field(description="offset in Paper.text")
    end: int = Field(description="offset in Paper.text (exclusive)")
    sentence: int = Field(description="index into LinkedDoc.sentences")
    label: NodeLabel = Field(description="the entity type the mention was read as")
    entity_id: str | None = None
    reason: str | None = Field(default=None, description="why it is unlinked (None when linked)")
    confidence: float = Field(default=1.0, ge=0.0, le=1.0)
    via: str = Field(default="", description="how it was found: 'lexicon', 'grammar', 'acronym', 'method', ...")
    props: dict[str, PropValue] = Field(
        default_factory=dict,
        description="what the surface form says beyond the id, e.g. {'count': 8, 'memory_gb': 80} for hardware",
    )


class ProposedMethod(Record):
    """A named contribution of the paper (a ``Method`` node)."""

    id: str = Field(description="method/<slug>")
    name: str = Field(description="the name as written")
    start: int = Field(description="offset of the naming mention in Paper.text")
    end: int
    sentence: int
    techniques: tuple[str, ...] = Field(default=(), description="Technique ids it is an instance of")
    components: tuple[str, ...] = Field(default=(), description="Method ids of its named components")
    confidence: float = Field(default=1.0, ge=0.0, le=1.0)


class LinkedDoc(Record):
    """Everything the mapper knows about one paper before relations and results are extracted."""

    paper: Paper
    sentences: tuple[Sentence, ...]
    acronyms: tuple[Acronym, ...] = ()
    mentions: tuple[LinkedMention, ...] = Field(default=(), description="sorted by start offset")
    methods: tuple[ProposedMethod, ...] = Field(default=(), description="methods the paper proposes")
    techniques: tuple[str, ...] = Field(default=(), description="Technique ids the paper studies")
    in_scope: bool = True
    topic: str | None = Field(default=None, description="Topic id when the paper is out of scope")

    @cached_property
    def _starts(self) -> list[int]:
        return [s.start for s in self.sentences]

    def sentence_at(self, pos: int) -> Sentence:
        """The sentence containing offset ``pos`` (the nearest one before it between sentences)."""
        i = max(bisect_right(self._starts, pos) - 1, 0)
        return self.sentences[i]

    @cached_property
    def _mention_index(self) -> tuple[tuple[LinkedMention, ...], dict[int, tuple[LinkedMention, ...]]]:
        # the mentions of each sentence, in text order (the extractors ask for every sentence's, often
        # several times); with the mentions it was built from, as model_copy keeps it in a copy
        by: dict[int, list[LinkedMention]] = {}
        for m in self.mentions:
            by.setdefault(m.sentence, []).append(m)
        return self.mentions, {k: tuple(v) for k, v in by.items()}

    def mentions_in(self, sentence: int, label: NodeLabel | None = None) -> tuple[LinkedMention, ...]:
        """Mentions inside one sentence, optionally of one label, in text order."""
        built_from, by = self._mention_index
        if built_from is not self.mentions:  # a copy with other mentions
            return tuple(m for m in self.mentions if m.sentence == sentence and (label is None or m.label == label))
        found = by.get(sentence, ())
        return found if label is None else tuple(m for m in found if m.label == label)

    def linked(self, label: NodeLabel | None = None) -> tuple[LinkedMention, ...]:
        """All linked mentions, optionally of one label."""
        return tuple(m for m in self.mentions if m.entity_id and (label is None or m.label == label))

    def acronym(self, short: str) -> Acronym | None:
        """The definition of ``short`` in this paper, if any (case-sensitive)."""
        return next((a for a in self.acronyms if a.short == short), None)

    def evidence(self, sentence: int, *, extractor: str, version: str, confidence: float) -> Evidence:
        """Evidence for a fact stated in sentence ``sentence`` of this paper."""
        s = self.sentences[sentence]
        fields: dict[str, Any] = {"paper_id": self.paper.id, "sentence": s.text, "start": s.start, "end": s.end,
                                  "extractor": extractor, "version": version, "confidence": confidence}
        # (the paper and the sentence are validated records: with names that are strings and a float confidence
        # within bounds, as the extractors give, nothing is left to check; ~9k a pass over the seeds)
        if type(confidence) is float and 0.0 <= confidence <= 1.0 and type(extractor) is str and type(version) is str:
            return _unvalidated(Evidence, fields)
        return Evidence(**fields)
