"""A small hand-written graph for trying the explorer without a build, for its tests and benchmark.

The papers, abstracts and sentences are invented for this module (no corpus text); the shape is
the real one (:func:`kg.graph.assemble` over :class:`~kg.records.Paper` and
:class:`~kg.records.Mapping` records). ``hub_papers`` adds that many papers around one method so
that the benchmark has a neighbourhood of several hundred nodes. One paper has a title made of
markup and script, to check that every view shows it as text.

>>> g = sample_graph()
>>> g.nodes["method/squeezekv"]["name"]
'SqueezeKV'
>>> sample_graph(hub_papers=100).degree("method/squeezekv") > 100
True
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from kg.graph import assemble
from kg.ids import paper_id
from kg.records import Entity, Evidence, Mapping, Paper, Relation, ResultRecord, SourceRef
from ontology.vocab import NodeLabel, RelType, label_of

if TYPE_CHECKING:
    import networkx as nx

NASTY_TITLE = '<img src=x onerror="window.__xss=1"><script>window.__xss=2</script> Quantising "everything" & more'
"""A paper title full of markup: the page must show these characters, never run them."""

# (id, name, parents): a slice of the taxonomy of docs/conventions.md.
TAXONOMY: tuple[tuple[str, str, tuple[str, ...]], ...] = (
    ("technique/ml-efficiency", "ML efficiency", ()),
    ("technique/quantization", "Quantization", ("technique/ml-efficiency",)),
    ("technique/post-training-quantization", "Post-training quantization", ("technique/quantization",)),
    ("technique/kv-cache-compression", "KV-cache compression", ("technique/ml-efficiency",)),
    ("technique/kv-cache-quantization", "KV-cache quantization",
     ("technique/quantization", "technique/kv-cache-compression")),
    ("technique/kv-cache-eviction", "KV-cache eviction", ("technique/kv-cache-compression",)),
    ("technique/memory-efficient-training", "Memory-efficient training", ("technique/ml-efficiency",)),
    ("technique/optimizer-state-compression", "Optimizer-state compression", ("technique/memory-efficient-training",)),
    ("technique/low-rank-gradient-projection", "Low-rank gradient projection", ("technique/memory-efficient-training",)),
    ("technique/pruning", "Pruning", ("technique/ml-efficiency",)),
    ("technique/structured-pruning", "Structured pruning", ("technique/pruning",)),
)
HW_CLASSES = (("hwclass/gpu", "GPU"), ("hwclass/edge-device", "Edge device"))
MEMORY = (("memory/kv-cache", "KV cache"), ("memory/optimizer-states", "Optimizer states"), ("memory/weights", "Weights"))


@dataclass
class _MiniOntology:
    """The two methods :func:`kg.graph.assemble` asks of an ontology."""

    entities: list[Entity] = field(default_factory=list)
    links: list[tuple[RelType, str, str]] = field(default_factory=list)

    def nodes(self) -> list[Entity]:
        return self.entities

    def edges(self) -> list[tuple[RelType, str, str]]:
        return self.links


def _ontology() -> _MiniOntology:
    onto = _MiniOntology()
    for tid, name, parents in TAXONOMY:
        onto.entities.append(Entity(id=tid, label=NodeLabel.TECHNIQUE, name=name))
        onto.links.extend((RelType.SUBCLASS_OF, tid, p) for p in parents)
    for hid, name in HW_CLASSES:
        onto.entities.append(Entity(id=hid, label=NodeLabel.HARDWARE_CLASS, name=name))
    for mid, name in MEMORY:
        onto.entities.append(Entity(id=mid, label=NodeLabel.MEMORY_COMPONENT, name=name))
    return onto


@dataclass
class _PaperSpec:
    """One invented paper and what it states, sentence by sentence."""

    n: int
    title: str
    sentences: tuple[str, ...]
    year: int
    facts: list[tuple[RelType, str, str, int]] = field(default_factory=list)  # (type, source, target, sentence #)
    entities: list[Entity] = field(default_factory=list)
    results: list[dict[str, Any]] = field(default_factory=list)


def _paper(spec: _PaperSpec) -> Paper:
    abstract = " ".join(spec.sentences)
    return Paper(
        id=paper_id(spec.title), title=spec.title, abstract=abstract, text=f"{spec.title}\n\n{abstract}",
        year=spec.year, authors=("A. Author", "B. Author"), author_count=2,
        occurrences=(SourceRef(file="sample.txt", line=1 + 4 * spec.n, format="hf-daily", loader="sample"),),
    )


def _evidence(p: Paper, sentence: str, confidence: float = 0.9) -> Evidence:
    start = p.text.index(sentence)
    return Evidence(paper_id=p.id, sentence=sentence, start=start, end=start + len(sentence),
                    extractor="sample", version="1", confidence=confidence)


def _mapping(spec: _PaperSpec, p: Paper) -> Mapping:
    rels = []
    for rel, src, tgt, k in spec.facts:
        sentence = spec.title if k < 0 else spec.sentences[k]
        rels.append(Relation(type=rel, source=p.id if src == "@" else src, target=tgt, evidence=_evidence(p, sentence)))
    results = tuple(
        ResultRecord(index=i + 1, evidence=_evidence(p, spec.sentences[r.pop("sentence")]), **r)
        for i, r in enumerate(dict(x) for x in spec.results)
    )
    return Mapping(paper_id=p.id, in_scope=True, entities=tuple(spec.entities), relations=tuple(rels), results=results)


def _ent(node_id: str, name: str, **props: Any) -> Entity:
    return Entity(id=node_id, label=label_of(node_id), name=name, props=props)


def _core() -> list[_PaperSpec]:
    llama = _ent("model/llama-2-7b", "Llama-2-7B", family="llama", aliases=("LLaMA-2 7B",))
    mistral = _ent("model/mistral-7b", "Mistral-7B", family="mistral")
    a100 = _ent("hardware/nvidia-a100", "NVIDIA A100", aliases=("A100",))
    rtx = _ent("hardware/nvidia-rtx-4090", "NVIDIA RTX 4090", aliases=("RTX 4090",))
    wiki = _ent("dataset/wikitext-2", "WikiText-2")
    longb = _ent("dataset/longbench", "LongBench")
    sq = _ent("method/squeezekv", "SqueezeKV", aliases=("SKV",))
    fa = _ent("method/foldadam", "FoldAdam")
    gs = _ent("method/gradslim", "GradSlim")
    tp = _ent("method/tidyprune", "TidyPrune")
    return [
        _PaperSpec(
            1, "SqueezeKV: Four-Bit Keys and Values for Long Prompts",
            ("We present SqueezeKV, which stores the attention cache of a language model in four bits.",
             "On Llama-2-7B it keeps LongBench accuracy within half a point.",
             "A single A100 then serves prompts four times longer.",
             "SqueezeKV cuts cache memory by 3.9x against FP16."),
            2024,
            facts=[(RelType.PROPOSES, "@", "method/squeezekv", 0), (RelType.STUDIES, "@", "technique/kv-cache-quantization", 0),
                   (RelType.INSTANCE_OF, "method/squeezekv", "technique/kv-cache-quantization", 0),
                   (RelType.REDUCES, "method/squeezekv", "memory/kv-cache", 0),
                   (RelType.EVALUATED_ON, "@", "model/llama-2-7b", 1), (RelType.EVALUATED_ON, "@", "dataset/longbench", 1),
                   (RelType.RUNS_ON, "@", "hardware/nvidia-a100", 2), (RelType.TARGETS, "@", "hwclass/gpu", 2)],
            entities=[sq, llama, longb, a100],
            results=[dict(sentence=3, subject="method/squeezekv", metric="metric/memory", value=3.9, unit="x",
                          kind="relative", direction="decrease", baseline="fp16", value_text="3.9x")],
        ),
        _PaperSpec(
            2, "FoldAdam: Folding Optimizer Moments into Eight Bits",
            ("FoldAdam keeps both Adam moments in eight-bit blocks.",
             "Fine-tuning Mistral-7B with FoldAdam fits on one RTX 4090.",
             "We compare FoldAdam with SqueezeKV and find the two compose well."),
            2023,
            facts=[(RelType.PROPOSES, "@", "method/foldadam", -1), (RelType.STUDIES, "@", "technique/optimizer-state-compression", 0),
                   (RelType.INSTANCE_OF, "method/foldadam", "technique/optimizer-state-compression", 0),
                   (RelType.REDUCES, "method/foldadam", "memory/optimizer-states", 0),
                   (RelType.EVALUATED_ON, "@", "model/mistral-7b", 1), (RelType.RUNS_ON, "@", "hardware/nvidia-rtx-4090", 1),
                   (RelType.COMPARED_WITH, "method/foldadam", "method/squeezekv", 2),
                   (RelType.COMPOSES_WITH, "method/foldadam", "method/squeezekv", 2)],
            entities=[fa, mistral, rtx, sq],
        ),
        _PaperSpec(
            3, "GradSlim: Training in a Low-Rank Gradient Subspace",
            ("GradSlim projects each gradient onto a slowly rotating low-rank basis.",
             "Pre-training Llama-2-7B on WikiText-2 needs 60% less optimizer memory.",
             "GradSlim extends FoldAdam with a projection step."),
            2025,
            facts=[(RelType.PROPOSES, "@", "method/gradslim", -1), (RelType.STUDIES, "@", "technique/low-rank-gradient-projection", 0),
                   (RelType.INSTANCE_OF, "method/gradslim", "technique/low-rank-gradient-projection", 0),
                   (RelType.EVALUATED_ON, "@", "model/llama-2-7b", 1), (RelType.EVALUATED_ON, "@", "dataset/wikitext-2", 1),
                   (RelType.REDUCES, "method/gradslim", "memory/optimizer-states", 1),
                   (RelType.EXTENDS, "method/gradslim", "method/foldadam", 2)],
            entities=[gs, llama, wiki, fa],
            results=[dict(sentence=1, subject="method/gradslim", metric="metric/memory", value=60.0, unit="percent",
                          kind="relative", direction="decrease", model="model/llama-2-7b", dataset="dataset/wikitext-2",
                          value_text="60%")],
        ),
        _PaperSpec(
            4, "TidyPrune: Removing Whole Heads from Small Vision Models",
            ("TidyPrune removes whole attention heads in one pass.",
             "Pruned models run on an RTX 4090 at twice the throughput."),
            2024,
            facts=[(RelType.PROPOSES, "@", "method/tidyprune", -1), (RelType.STUDIES, "@", "technique/structured-pruning", 0),
                   (RelType.INSTANCE_OF, "method/tidyprune", "technique/structured-pruning", 0),
                   (RelType.RUNS_ON, "@", "hardware/nvidia-rtx-4090", 1), (RelType.TARGETS, "@", "hwclass/edge-device", 1)],
            entities=[tp, rtx],
        ),
        _PaperSpec(
            5, NASTY_TITLE,
            ("This survey compares post-training quantization recipes for Llama-2-7B.",),
            2024,
            facts=[(RelType.STUDIES, "@", "technique/post-training-quantization", 0),
                   (RelType.EVALUATED_ON, "@", "model/llama-2-7b", 0)],
            entities=[llama],
        ),
    ]


def _hub(count: int) -> list[_PaperSpec]:
    """``count`` follow-up papers around SqueezeKV: each with its own method, model and dataset."""
    specs = []
    for i in range(count):
        m = f"method/kvvariant-{i:03d}"
        model = f"model/toy-{i % 40:02d}-7b"
        data = f"dataset/bench-{i % 25:02d}"
        specs.append(_PaperSpec(
            100 + i, f"KVVariant-{i:03d}: Another Take on Cache Squeezing",
            (f"KVVariant-{i:03d} builds on SqueezeKV with a per-layer budget.",
             f"Tested on Toy-{i % 40:02d}-7B and Bench-{i % 25:02d}."),
            2023 + i % 3,
            facts=[(RelType.PROPOSES, "@", m, -1), (RelType.EXTENDS, m, "method/squeezekv", 0),
                   (RelType.COMPARED_WITH, m, "method/squeezekv", 0),
                   (RelType.INSTANCE_OF, m, "technique/kv-cache-eviction", 0),
                   (RelType.EVALUATED_ON, "@", model, 1), (RelType.EVALUATED_ON, "@", data, 1),
                   (RelType.STUDIES, "@", "technique/kv-cache-eviction", 0)],
            entities=[_ent(m, f"KVVariant-{i:03d}"), _ent("method/squeezekv", "SqueezeKV", aliases=("SKV",)),
                      _ent(model, f"Toy-{i % 40:02d}-7B"), _ent(data, f"Bench-{i % 25:02d}")],
        ))
    return specs


def sample_graph(*, hub_papers: int = 0) -> nx.MultiDiGraph:
    """The sample graph: five core papers (one with a markup title) plus ``hub_papers`` around SqueezeKV."""
    specs = _core() + _hub(hub_papers)
    papers = [_paper(s) for s in specs]
    mappings = [_mapping(s, p) for s, p in zip(specs, papers)]
    g, _ = assemble(papers, mappings, _ontology())  # type: ignore[arg-type]
    return g
