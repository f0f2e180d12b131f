"""Small hand-written papers and mappings for store and graph tests (not from the corpus)."""

from __future__ import annotations

from collections.abc import Sequence

from pydantic import BaseModel

from kg.records import Entity, Evidence, Mapping, Mention, Paper, Relation, ResultRecord, SourceRef
from ontology.vocab import NodeLabel, RelType

NASTY_TITLE = "Robert'); MATCH (n) DETACH DELETE n; // `x` {y: $z} <script>alert(1)</script> \"q\" \\ end"


def written_paper(title: str, abstract: str) -> Paper:
    """A listing written for a test, as the loaders would hand it to the mapper (title, then abstract)."""
    from kg.ids import paper_id
    from kg.records import TITLE_SEPARATOR

    return Paper(
        id=paper_id(title), title=title, abstract=abstract, text=title + TITLE_SEPARATOR + abstract,
        occurrences=(SourceRef(file="test", line=1, format="hf-daily", loader="test"),),
    )


def assert_built_as_validated(records: Sequence[BaseModel], cls: type[BaseModel]) -> None:
    """Records built without validation (for speed) equal what validating their values gives, field for
    field and in declaration order, and stay frozen."""
    import pydantic
    import pytest

    assert records
    for m in records:
        twin = cls(**m.model_dump())
        assert m == twin
        assert m.model_dump_json() == twin.model_dump_json()
        assert m.model_fields_set == twin.model_fields_set
        assert list(m.__dict__) == list(cls.model_fields)  # (declaration order, as validation gives)
        with pytest.raises(pydantic.ValidationError):
            m.text = "changed"  # type: ignore[attr-defined]  # (still a frozen record)


def paper(n: int, title: str, abstract: str) -> Paper:
    from kg.ids import paper_id

    return Paper(
        id=paper_id(title),
        title=title,
        abstract=abstract,
        text=f"{title}\n\n{abstract}",
        year=2024,
        upvotes=n,
        authors=("A. Writer", "B. Writer"),
        author_count=2,
        code_urls=(f"https://example.org/code{n}",),
        occurrences=(SourceRef(file="fixture.txt", line=2 * n + 1, format="hf-daily", loader="HfDailyLoader"),),
    )


def ev(p: Paper, sentence: str, conf: float = 0.9, extractor: str = "test") -> Evidence:
    start = p.text.index(sentence)
    return Evidence(
        paper_id=p.id, sentence=sentence, start=start, end=start + len(sentence),
        extractor=extractor, version="1.0", confidence=conf,
    )


P1 = paper(1, "SqueezeKV: shrinking the cache", "We shrink the key-value cache of Llama-2-7B by 4x. It runs on one A100.")
P2 = paper(2, "FoldAdam: a lean optimizer", "FoldAdam keeps optimizer states in 8 bits. We compare it with SqueezeKV on Llama-2-7B.")
P3 = paper(3, NASTY_TITLE, "A title full of quotes, braces and Cypher must be stored as plain text.")


def mapping1(p: Paper = P1, *, with_gpu: bool = True) -> Mapping:
    s1 = "We shrink the key-value cache of Llama-2-7B by 4x."
    s2 = "It runs on one A100."
    rels = [
        Relation(type=RelType.STUDIES, source=p.id, target="technique/kv-cache-compression", evidence=ev(p, s1)),
        Relation(type=RelType.PROPOSES, source=p.id, target="method/squeezekv", evidence=ev(p, p.title)),
        Relation(type=RelType.EVALUATED_ON, source=p.id, target="model/llama-2-7b", evidence=ev(p, s1, 0.8)),
    ]
    if with_gpu:
        rels.append(Relation(type=RelType.RUNS_ON, source=p.id, target="hardware/nvidia-a100", evidence=ev(p, s2), qualifier="1"))
    return Mapping(
        paper_id=p.id,
        in_scope=True,
        entities=(
            Entity(id="method/squeezekv", label=NodeLabel.METHOD, name="SqueezeKV"),
            Entity(id="model/llama-2-7b", label=NodeLabel.MODEL, name="Llama-2-7B",
                   props={"family": "llama", "size": "7b", "total_params": 7.0e9}),
            Entity(id="hardware/nvidia-a100", label=NodeLabel.HARDWARE, name="NVIDIA A100", props={"memory_gb": (40, 80)}),
        ),
        relations=tuple(rels),
        results=(
            ResultRecord(index=1, evidence=ev(p, s1), subject="method/squeezekv", metric="metric/memory", value=4.0,
                         unit="x", kind="relative", direction="decrease", model="model/llama-2-7b", value_text="4x"),
        ),
        mentions=(
            Mention(text="Llama-2-7B", start=p.text.index("Llama"), end=p.text.index("Llama") + 10,
                    sentence_start=0, sentence_end=10, label=NodeLabel.MODEL, entity_id="model/llama-2-7b"),
            Mention(text="key-value", start=0, end=9, sentence_start=0, sentence_end=10, label=NodeLabel.TECHNIQUE,
                    reason="no class for the bare phrase"),
        ),
    )


def mapping2(p: Paper = P2) -> Mapping:
    s2 = "We compare it with SqueezeKV on Llama-2-7B."
    return Mapping(
        paper_id=p.id,
        in_scope=True,
        entities=(
            Entity(id="method/foldadam", label=NodeLabel.METHOD, name="FoldAdam"),
            Entity(id="method/squeezekv", label=NodeLabel.METHOD, name="SqueezeKV"),
            Entity(id="model/llama-2-7b", label=NodeLabel.MODEL, name="Llama-2-7B",
                   props={"family": "llama", "size": "7b", "total_params": 7.0e9}),
        ),
        relations=(
            Relation(type=RelType.PROPOSES, source=p.id, target="method/foldadam", evidence=ev(p, p.title)),
            Relation(type=RelType.COMPARED_WITH, source="method/foldadam", target="method/squeezekv", evidence=ev(p, s2)),
            Relation(type=RelType.EVALUATED_ON, source=p.id, target="model/llama-2-7b", evidence=ev(p, s2, 0.7)),
            Relation(type=RelType.REDUCES, source="method/foldadam", target="memory/optimizer-states",
                     evidence=ev(p, "FoldAdam keeps optimizer states in 8 bits.")),
        ),
    )


def mapping3(p: Paper = P3) -> Mapping:
    return Mapping(paper_id=p.id, in_scope=False, topic="topic/other")
