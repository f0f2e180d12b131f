"""The technique ids ``docs/conventions.md`` requires, with their required parents.

The ontology may add leaves and extra parents but never renames these; the devset annotations
and the mapper's defaults use only them. ``tests/test_ontology_files.py`` checks this table
against the tree in ``docs/conventions.md`` and against ``techniques.ttl``.

>>> REQUIRED_TECHNIQUES["technique/kv-cache-quantization"]
('technique/kv-cache-compression', 'technique/quantization')
>>> REQUIRED_TOPICS[0]
'topic/agent-memory'
"""

from __future__ import annotations

ROOT = "technique/ml-efficiency"

_TREE = """
quantization: ml-efficiency
post-training-quantization: quantization
quantization-aware-training: quantization
low-bit-training: quantization
weight-only-quantization: quantization
weight-activation-quantization: quantization
kv-cache-quantization: quantization kv-cache-compression
attention-quantization: quantization efficient-attention
optimizer-state-quantization: quantization optimizer-state-compression
expert-quantization: quantization moe-compression
extreme-low-bit-quantization: quantization
mixed-precision-quantization: quantization
kv-cache-compression: ml-efficiency
kv-cache-eviction: kv-cache-compression
kv-cache-merging: kv-cache-compression
cross-layer-kv-sharing: kv-cache-compression
kv-cache-low-rank: kv-cache-compression
kv-cache-offloading: kv-cache-compression
kv-cache-paging: kv-cache-compression
mixture-of-experts: ml-efficiency
moe-architecture: mixture-of-experts
moe-routing: mixture-of-experts
moe-compression: mixture-of-experts
expert-pruning: moe-compression structured-pruning
expert-merging: moe-compression
expert-offloading: mixture-of-experts
state-space-models: ml-efficiency
structured-ssm: state-space-models
selective-ssm: state-space-models
linear-rnn: state-space-models
linear-attention: state-space-models efficient-attention
hybrid-attention-ssm: state-space-models
ssm-distillation: state-space-models knowledge-distillation
efficient-attention: ml-efficiency
io-aware-attention: efficient-attention
sparse-attention: efficient-attention
shared-kv-attention: efficient-attention
pruning: ml-efficiency
unstructured-pruning: pruning
structured-pruning: pruning
semi-structured-sparsity: pruning
token-pruning: pruning
activation-sparsity: pruning
parameter-efficient-fine-tuning: ml-efficiency
lora: parameter-efficient-fine-tuning
adapters: parameter-efficient-fine-tuning
selective-fine-tuning: parameter-efficient-fine-tuning
prompt-tuning: parameter-efficient-fine-tuning
memory-efficient-transfer-learning: parameter-efficient-fine-tuning
memory-efficient-training: ml-efficiency
optimizer-state-compression: memory-efficient-training
low-rank-gradient-projection: memory-efficient-training
activation-checkpointing: memory-efficient-training
reversible-layers: memory-efficient-training
activation-compression: memory-efficient-training
offloading-and-sharding: memory-efficient-training
hardware-co-design: ml-efficiency
processing-in-memory: hardware-co-design
fpga-acceleration: hardware-co-design
asic-acceleration: hardware-co-design
tinyml: hardware-co-design
on-device-inference: hardware-co-design
storage-offloading: hardware-co-design
neural-architecture-search: ml-efficiency
knowledge-distillation: ml-efficiency
dynamic-computation: ml-efficiency
speculative-decoding: ml-efficiency
low-rank-factorization: ml-efficiency
parameter-sharing: ml-efficiency
efficient-network-design: ml-efficiency
serving-systems: ml-efficiency
"""


def _parse(tree: str) -> dict[str, tuple[str, ...]]:
    out: dict[str, tuple[str, ...]] = {ROOT: ()}
    for line in tree.strip().splitlines():
        child, _, parents = line.partition(":")
        out[f"technique/{child.strip()}"] = tuple(sorted(f"technique/{p}" for p in parents.split()))
    return out


REQUIRED_TECHNIQUES: dict[str, tuple[str, ...]] = _parse(_TREE)
"""Required technique id -> its required parents (sorted); the root has none."""

REQUIRED_TOPICS: tuple[str, ...] = (
    "topic/agent-memory",
    "topic/memory-augmented-models",
    "topic/retrieval-efficiency",
    "topic/data-efficiency",
    "topic/code-efficiency",
    "topic/neuroscience-memory",
    "topic/other",
)
"""The adjacent / out-of-scope topics of ``docs/conventions.md``."""

REQUIRED_METRICS: dict[str, str] = {
    **{
        f"metric/{m}": "higher"
        for m in (
            "accuracy", "f1", "bleu", "score", "speed", "throughput", "compression-ratio", "win-rate",
            "context-length",
        )
    },
    **{
        f"metric/{m}": "lower"
        for m in (
            "perplexity", "memory", "latency", "energy", "flops", "parameters", "model-size", "error-rate", "cost",
            "training-time", "bits", "accuracy-loss",
        )
    },
}
"""The closed metric list of ``docs/conventions.md`` and the direction that is better."""
