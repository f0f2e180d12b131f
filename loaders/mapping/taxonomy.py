"""The technique hierarchy the mapper reasons with: parents, ancestors, leaves.

Built from the ontology's ``SUBCLASS_OF`` edges when an ontology is given, on top of the required
classes of ``docs/conventions.md`` (which the ontology may extend but never renames).

>>> tax = Taxonomy.default()
>>> sorted(tax.parents["technique/kv-cache-quantization"])
['technique/kv-cache-compression', 'technique/quantization']
>>> "technique/ml-efficiency" in tax.ancestors("technique/lora")
True
>>> tax.is_leaf("technique/lora"), tax.is_leaf("technique/quantization")
(True, False)
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from typing import Any

from ontology.vocab import RelType

ROOT = "technique/ml-efficiency"

# child: parents (docs/conventions.md); a class without an entry hangs under the root.
_REQUIRED = """
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


def _required() -> dict[str, set[str]]:
    out: dict[str, set[str]] = {}
    for line in _REQUIRED.strip().splitlines():
        child, parents = line.split(":")
        out[f"technique/{child.strip()}"] = {f"technique/{p}" for p in parents.split()}
    out[ROOT] = set()
    return out


@dataclass(frozen=True)
class Taxonomy:
    """Technique classes and their ``SUBCLASS_OF`` parents."""

    parents: dict[str, frozenset[str]] = field(default_factory=dict)

    @staticmethod
    def default() -> Taxonomy:
        return _default()

    @staticmethod
    def from_edges(edges: Iterable[tuple[str, str]]) -> Taxonomy:
        """The required hierarchy plus ``(child, parent)`` technique edges."""
        parents = _required()
        for child, parent in edges:
            if child.startswith("technique/") and parent.startswith("technique/"):
                parents.setdefault(child, set()).add(parent)
                parents.setdefault(parent, set())
        return Taxonomy({k: frozenset(v) for k, v in parents.items()})

    @staticmethod
    def from_ontology(onto: Any) -> Taxonomy:
        """From an :class:`ontology.Ontology` (its ``edges()`` of ``(rel, source, target)``)."""
        if onto is None or not hasattr(onto, "edges"):
            return _default()
        return Taxonomy.from_edges((s, t) for rel, s, t in onto.edges() if rel == RelType.SUBCLASS_OF)

    @property
    def classes(self) -> frozenset[str]:
        return frozenset(self.parents)

    def ancestors(self, tid: str) -> frozenset[str]:
        seen: set[str] = set()
        stack = list(self.parents.get(tid, ()))
        while stack:
            p = stack.pop()
            if p not in seen:
                seen.add(p)
                stack.extend(self.parents.get(p, ()))
        return frozenset(seen)

    @cached_property
    def _with_children(self) -> frozenset[str]:
        """Classes that are some class's parent (``parents`` is filled before a taxonomy is made)."""
        return frozenset(p for ps in self.parents.values() for p in ps)

    def is_leaf(self, tid: str) -> bool:
        return tid not in self._with_children

    def depth(self, tid: str) -> int:
        ps = self.parents.get(tid)
        if not ps:
            return 0
        return 1 + min(self.depth(p) for p in ps)


@lru_cache(maxsize=1)
def _default() -> Taxonomy:
    return Taxonomy({k: frozenset(v) for k, v in _required().items()})
