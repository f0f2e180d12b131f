"""A small hand-written graph for query tests (invented papers, written for these tests).

``fixture_graph()`` builds it through the real assembly (``kg.graph.assemble``) with a tiny ontology
object, so it has the shape a build produces: taxonomy edges with ``origin=ontology``, evidence
lists on extracted edges, Result nodes with their links. The tests in this module check the
fixture itself; the query tests import it.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import networkx as nx

from kg.graph import add_node, assemble
from kg.ids import paper_id
from kg.records import Entity, Evidence, Mapping, Paper, Relation, ResultRecord, SourceRef
from ontology.vocab import NodeLabel, RelType

L = NodeLabel
R = RelType

NASTY = "Q'uote\\Net `x` \") MATCH (n) DETACH DELETE n //"
"""A method name full of quotes, a backslash, backticks and a Cypher fragment."""


@dataclass(frozen=True)
class _Concept:
    id: str
    label: NodeLabel
    name: str
    props: dict = field(default_factory=dict)


class TinyOntology:
    """Just enough of an ontology for ``assemble``: concept nodes and their structural edges."""

    def __init__(self) -> None:
        t = L.TECHNIQUE
        self._nodes = [
            _Concept("technique/ml-efficiency", t, "ML efficiency"),
            _Concept("technique/quantization", t, "Quantization", {"aliases": ("quantisation",)}),
            _Concept("technique/post-training-quantization", t, "Post-training quantization", {"aliases": ("PTQ",)}),
            _Concept("technique/weight-only-quantization", t, "Weight-only quantization"),
            _Concept("technique/kv-cache-compression", t, "KV-cache compression"),
            _Concept("technique/kv-cache-quantization", t, "KV-cache quantization"),
            _Concept("technique/kv-cache-eviction", t, "KV-cache eviction"),
            _Concept("technique/parameter-efficient-fine-tuning", t, "Parameter-efficient fine-tuning",
                     {"aliases": ("PEFT",)}),
            _Concept("technique/lora", t, "LoRA", {"aliases": ("low-rank adaptation",)}),
            _Concept("technique/memory-efficient-training", t, "Memory-efficient training"),
            _Concept("technique/low-rank-gradient-projection", t, "Low-rank gradient projection"),
            _Concept("technique/hardware-co-design", t, "Hardware co-design"),
            _Concept("technique/tinyml", t, "TinyML"),
            _Concept("technique/state-space-models", t, "State-space models", {"aliases": ("SSM",)}),
            _Concept("hwclass/gpu", L.HARDWARE_CLASS, "GPU"),
            _Concept("hwclass/edge-device", L.HARDWARE_CLASS, "Edge device"),
            _Concept("hwclass/mcu", L.HARDWARE_CLASS, "Microcontroller", {"acronym": "MCU", "aliases": ("micro-controller",)}),
            _Concept("memory/kv-cache", L.MEMORY_COMPONENT, "KV cache"),
            _Concept("memory/optimizer-states", L.MEMORY_COMPONENT, "Optimizer states"),
            _Concept("metric/memory", L.METRIC, "Memory", {"direction": "lower"}),
            _Concept("metric/accuracy", L.METRIC, "Accuracy", {"direction": "higher"}),
            _Concept("metric/latency", L.METRIC, "Latency"),
            _Concept("arch/transformer", L.ARCHITECTURE, "Transformer"),
            _Concept("arch/ssm", L.ARCHITECTURE, "State-space model"),
            _Concept("family/llama", L.MODEL_FAMILY, "LLaMA"),
            _Concept("family/mistral", L.MODEL_FAMILY, "Mistral"),
            _Concept("family/mamba", L.MODEL_FAMILY, "Mamba"),
            _Concept("topic/agent-memory", L.TOPIC, "Agent memory"),
        ]
        sub = [
            ("quantization", "ml-efficiency"), ("kv-cache-compression", "ml-efficiency"),
            ("parameter-efficient-fine-tuning", "ml-efficiency"), ("memory-efficient-training", "ml-efficiency"),
            ("hardware-co-design", "ml-efficiency"), ("state-space-models", "ml-efficiency"),
            ("post-training-quantization", "quantization"), ("weight-only-quantization", "quantization"),
            ("kv-cache-quantization", "quantization"), ("kv-cache-quantization", "kv-cache-compression"),
            ("kv-cache-eviction", "kv-cache-compression"), ("lora", "parameter-efficient-fine-tuning"),
            ("low-rank-gradient-projection", "memory-efficient-training"), ("tinyml", "hardware-co-design"),
        ]
        self._edges = [(R.SUBCLASS_OF, f"technique/{a}", f"technique/{b}") for a, b in sub]
        self._edges += [
            (R.SUBCLASS_OF, "hwclass/mcu", "hwclass/edge-device"),
            (R.USES_ARCHITECTURE, "family/llama", "arch/transformer"),
            (R.USES_ARCHITECTURE, "family/mistral", "arch/transformer"),
            (R.USES_ARCHITECTURE, "family/mamba", "arch/ssm"),
        ]

    def nodes(self) -> list[Entity]:
        return [Entity(id=c.id, label=c.label, name=c.name, props=c.props) for c in self._nodes]

    def edges(self) -> list[tuple[RelType, str, str]]:
        return list(self._edges)


def _paper(n: int, title: str, sentences: tuple[str, ...], year: int) -> Paper:
    abstract = " ".join(sentences)
    SENTENCES[paper_id(title, arxiv_id=f"2{year % 10}0{n}.0000{n}")] = list(sentences)
    return Paper(
        id=paper_id(title, arxiv_id=f"2{year % 10}0{n}.0000{n}"),
        title=title,
        abstract=abstract,
        text=f"{title}\n\n{abstract}",
        year=year,
        arxiv_id=f"2{year % 10}0{n}.0000{n}",
        occurrences=(SourceRef(file="queries-fixture.txt", line=n, format="hf-daily", loader="HfDailyLoader"),),
    )


def _ev(p: Paper, sentence: str, conf: float = 0.9) -> Evidence:
    start = p.text.index(sentence)
    return Evidence(paper_id=p.id, sentence=sentence, start=start, end=start + len(sentence),
                    extractor="fixture", version="1", confidence=conf)


SENTENCES: dict[str, list[str]] = {}
PAPERS = {
    "tinykv": _paper(1, "TinyKV: two-bit keys and values for long prompts", (
        "TinyKV stores the key-value cache in two bits per entry.",
        "We try it on Llama-2-7B and Mistral-7B.",
        "Serving on a single A100 needs 5.3x less cache memory on Llama-2-7B.",
    ), 2024),
    "dropheavy": _paper(2, "DropHeavy: evicting cold tokens from the cache", (
        "DropHeavy removes rarely attended tokens from the KV cache.",
        "It is orthogonal to TinyKV and we compare against it on Llama-2-13B.",
        "On MMLU, Llama-2-13B with DropHeavy keeps 61.2% accuracy.",
    ), 2023),
    "gradfold": _paper(3, "GradFold: folding gradients into low rank", (
        "GradFold projects gradients onto a low-rank subspace to save optimizer memory.",
        "We pre-train Llama-2-7B on one A100.",
        "Optimizer state memory drops by 65.5%.",
    ), 2024),
    "qlite": _paper(4, "QLite: adapters on quantized weights", (
        "QLite trains low-rank adapters on top of 4-bit weights and extends LoRA.",
        "We fine-tune Llama-2-7B and report MMLU.",
        "QLite reaches 58.0% accuracy on MMLU.",
    ), 2023),
    "microlm": _paper(5, "MicroLM: a language model on a microcontroller", (
        "We quantize a small language model after training and deploy it to microcontrollers.",
        "It runs on an STM32F746 board.",
        "Each token takes 120 ms.",
    ), 2022),
    "nasty": _paper(6, "Adapters with a strange name", (
        "We present an adapter method with an odd name for LoRA users.",
        "It is tested on Mistral-7B.",
    ), 2024),
    "agents": _paper(7, "Remembering conversations in agents", (
        "We give chat agents a long-term memory of past sessions.",
    ), 2024),
}


def _m(key: str, *, entities: tuple = (), relations: list, results: tuple = (), in_scope: bool = True,
       topic: str | None = None) -> Mapping:
    return Mapping(paper_id=PAPERS[key].id, in_scope=in_scope, topic=topic, entities=entities,
                   relations=tuple(relations), results=results)


def _rel(rel: RelType, src: str, tgt: str, key: str, sentence: str, qualifier: str = "") -> Relation:
    return Relation(type=rel, source=src, target=tgt, evidence=_ev(PAPERS[key], sentence), qualifier=qualifier)


def _pid(key: str) -> str:
    return PAPERS[key].id


MODELS = (
    Entity(id="model/llama-2-7b", label=L.MODEL, name="Llama-2-7B", props={"version": "2", "size": "7B"}),
    Entity(id="model/llama-2-13b", label=L.MODEL, name="Llama-2-13B", props={"version": "2", "size": "13B"}),
    Entity(id="model/mistral-7b", label=L.MODEL, name="Mistral-7B"),
    Entity(id="model/mamba-1.4b", label=L.MODEL, name="Mamba-1.4B"),
    Entity(id="hardware/nvidia-a100", label=L.HARDWARE, name="NVIDIA A100", props={"aliases": ("A100",)}),
    Entity(id="hardware/st-stm32f746", label=L.HARDWARE, name="STM32F746"),
    Entity(id="dataset/mmlu", label=L.DATASET, name="MMLU"),
)
NASTY_ID = "method/q-uote-net-x-match-n-detach-delete-n"


def mappings() -> list[Mapping]:
    s = {k: SENTENCES[p.id] for k, p in PAPERS.items()}
    tk, dh, gf, ql, ml, na = (s[k] for k in ("tinykv", "dropheavy", "gradfold", "qlite", "microlm", "nasty"))
    out = [
        _m("tinykv", entities=(Entity(id="method/tinykv", label=L.METHOD, name="TinyKV"), *MODELS), relations=[
            _rel(R.PROPOSES, _pid("tinykv"), "method/tinykv", "tinykv", tk[0]),
            _rel(R.STUDIES, _pid("tinykv"), "technique/kv-cache-quantization", "tinykv", tk[0]),
            _rel(R.INSTANCE_OF, "method/tinykv", "technique/kv-cache-quantization", "tinykv", tk[0]),
            _rel(R.REDUCES, "method/tinykv", "memory/kv-cache", "tinykv", tk[0]),
            _rel(R.EVALUATED_ON, _pid("tinykv"), "model/llama-2-7b", "tinykv", tk[1]),
            _rel(R.EVALUATED_ON, _pid("tinykv"), "model/mistral-7b", "tinykv", tk[1]),
            _rel(R.RUNS_ON, _pid("tinykv"), "hardware/nvidia-a100", "tinykv", tk[2], "1"),
        ], results=(
            ResultRecord(index=1, evidence=_ev(PAPERS["tinykv"], tk[2]), subject="method/tinykv",
                         metric="metric/memory", value=5.3, unit="x", kind="relative", direction="decrease",
                         model="model/llama-2-7b", hardware="hardware/nvidia-a100", value_text="5.3x"),
        )),
        _m("dropheavy", entities=(Entity(id="method/dropheavy", label=L.METHOD, name="DropHeavy"), *MODELS),
           relations=[
            _rel(R.PROPOSES, _pid("dropheavy"), "method/dropheavy", "dropheavy", dh[0]),
            _rel(R.STUDIES, _pid("dropheavy"), "technique/kv-cache-eviction", "dropheavy", dh[0]),
            _rel(R.INSTANCE_OF, "method/dropheavy", "technique/kv-cache-eviction", "dropheavy", dh[0]),
            _rel(R.COMPOSES_WITH, "method/dropheavy", "method/tinykv", "dropheavy", dh[1], "orthogonal"),
            _rel(R.COMPARED_WITH, "method/dropheavy", "method/tinykv", "dropheavy", dh[1]),
            _rel(R.EVALUATED_ON, _pid("dropheavy"), "model/llama-2-13b", "dropheavy", dh[1]),
            _rel(R.EVALUATED_ON, _pid("dropheavy"), "dataset/mmlu", "dropheavy", dh[2]),
        ], results=(
            ResultRecord(index=1, evidence=_ev(PAPERS["dropheavy"], dh[2]), subject="method/dropheavy",
                         metric="metric/accuracy", value=61.2, unit="percent", kind="absolute",
                         model="model/llama-2-13b", dataset="dataset/mmlu", value_text="61.2%"),
        )),
        _m("gradfold", entities=(Entity(id="method/gradfold", label=L.METHOD, name="GradFold"), *MODELS), relations=[
            _rel(R.PROPOSES, _pid("gradfold"), "method/gradfold", "gradfold", gf[0]),
            _rel(R.STUDIES, _pid("gradfold"), "technique/low-rank-gradient-projection", "gradfold", gf[0]),
            _rel(R.INSTANCE_OF, "method/gradfold", "technique/low-rank-gradient-projection", "gradfold", gf[0]),
            _rel(R.REDUCES, "method/gradfold", "memory/optimizer-states", "gradfold", gf[0]),
            _rel(R.EVALUATED_ON, _pid("gradfold"), "model/llama-2-7b", "gradfold", gf[1]),
            _rel(R.RUNS_ON, _pid("gradfold"), "hardware/nvidia-a100", "gradfold", gf[1], "1"),
        ], results=(
            ResultRecord(index=1, evidence=_ev(PAPERS["gradfold"], gf[2]), subject="method/gradfold",
                         metric="metric/memory", value=65.5, unit="percent", kind="relative", direction="decrease",
                         value_text="65.5%"),
        )),
        _m("qlite", entities=(Entity(id="method/qlite", label=L.METHOD, name="QLite"), *MODELS), relations=[
            _rel(R.PROPOSES, _pid("qlite"), "method/qlite", "qlite", ql[0]),
            _rel(R.STUDIES, _pid("qlite"), "technique/weight-only-quantization", "qlite", ql[0]),
            _rel(R.STUDIES, _pid("qlite"), "technique/lora", "qlite", ql[0]),
            _rel(R.INSTANCE_OF, "method/qlite", "technique/lora", "qlite", ql[0]),
            _rel(R.EXTENDS, "method/qlite", "technique/lora", "qlite", ql[0]),
            _rel(R.EVALUATED_ON, _pid("qlite"), "model/llama-2-7b", "qlite", ql[1]),
            _rel(R.EVALUATED_ON, _pid("qlite"), "dataset/mmlu", "qlite", ql[1]),
        ], results=(
            ResultRecord(index=1, evidence=_ev(PAPERS["qlite"], ql[2]), subject="method/qlite",
                         metric="metric/accuracy", value=58.0, unit="percent", kind="absolute",
                         model="model/llama-2-7b", dataset="dataset/mmlu", value_text="58.0%"),
        )),
        _m("microlm", entities=MODELS, relations=[
            _rel(R.STUDIES, _pid("microlm"), "technique/tinyml", "microlm", ml[0]),
            _rel(R.STUDIES, _pid("microlm"), "technique/post-training-quantization", "microlm", ml[0]),
            _rel(R.TARGETS, _pid("microlm"), "hwclass/mcu", "microlm", ml[0]),
            _rel(R.RUNS_ON, _pid("microlm"), "hardware/st-stm32f746", "microlm", ml[1]),
        ], results=(
            ResultRecord(index=1, evidence=_ev(PAPERS["microlm"], ml[2]), metric="metric/latency", value=120.0,
                         unit="ms", kind="absolute", hardware="hardware/st-stm32f746", value_text="120 ms"),
        )),
        _m("nasty", entities=(Entity(id=NASTY_ID, label=L.METHOD, name=NASTY), *MODELS), relations=[
            _rel(R.PROPOSES, _pid("nasty"), NASTY_ID, "nasty", na[0]),
            _rel(R.STUDIES, _pid("nasty"), "technique/lora", "nasty", na[0]),
            _rel(R.INSTANCE_OF, NASTY_ID, "technique/lora", "nasty", na[0]),
            _rel(R.EVALUATED_ON, _pid("nasty"), "model/mistral-7b", "nasty", na[1]),
        ]),
        _m("agents", in_scope=False, topic="topic/agent-memory", relations=[
            _rel(R.STUDIES, _pid("agents"), "topic/agent-memory", "agents", s["agents"][0]),
        ]),
    ]
    return out


STRUCTURE = [
    (R.MEMBER_OF, "model/llama-2", "family/llama"),
    (R.MEMBER_OF, "model/llama-2-7b", "family/llama"),
    (R.MEMBER_OF, "model/llama-2-13b", "family/llama"),
    (R.MEMBER_OF, "model/mistral-7b", "family/mistral"),
    (R.MEMBER_OF, "model/mamba-1.4b", "family/mamba"),
    (R.INSTANCE_OF, "hardware/nvidia-a100", "hwclass/gpu"),
    (R.INSTANCE_OF, "hardware/st-stm32f746", "hwclass/mcu"),
]


def fixture_graph() -> nx.MultiDiGraph:
    """The fixture graph: the assembled papers plus model / hardware structure edges."""
    onto = TinyOntology()
    g, report = assemble(list(PAPERS.values()), mappings(), onto)
    assert not report.rejected, report.rejected
    # A version-level catalog model (no size), as the model catalog has them.
    add_node(g, "model/llama-2", "Model", {"name": "Llama 2", "version": "2"})
    for rel, src, tgt in STRUCTURE:
        if src in g:
            g.add_edge(src, tgt, key=rel.value, origin="ontology")
    return g


def test_fixture_has_the_expected_shape() -> None:
    g = fixture_graph()
    assert g.nodes["method/tinykv"]["label"] == "Method"
    assert g.nodes[NASTY_ID]["name"] == NASTY
    e = g.edges[_pid("dropheavy"), "model/llama-2-13b", "EVALUATED_ON"]
    assert e["papers"] == [_pid("dropheavy")] and e["sentences"][0].startswith("It is orthogonal")
    assert g.has_edge("technique/kv-cache-quantization", "technique/quantization", key="SUBCLASS_OF")
    assert sum(1 for _, d in g.nodes(data=True) if d["label"] == "Result") == 5
