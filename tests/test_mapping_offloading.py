"""Offloading read from what is moved to the CPU: activations, or a model's own layers and weights (issue 4, stop 17).

Each abstract is written for its test, not copied from a seed paper.
"""

from __future__ import annotations

import ontology
from kg.records import Paper
from loaders.mapping import linker
from tests.graphdata import written_paper as _paper

OFFLOAD = "technique/offloading-and-sharding"


def _techniques(p: Paper) -> tuple[str, ...]:
    return tuple(linker.link(p, ontology.load()).doc.techniques)


def test_activations_offloaded_to_cpu_memory_name_offloading() -> None:
    p = _paper(
        "LongFit: Training Long-Context Models on Few GPUs",
        "Long sequences make activation memory the bottleneck of training. We present LongFit, a training "
        "framework in which we offload the stored activations to CPU memory after the forward pass of each layer "
        "and bring them back for the backward pass. LongFit trains with sequences four times longer on the same GPUs.",
    )
    assert OFFLOAD in _techniques(p)


def test_layers_moved_between_gpu_and_cpu_name_offloading() -> None:
    p = _paper(
        "LayerShuttle: Running Large Models on Small GPUs",
        "Large models often do not fit the memory of a single consumer GPU. We introduce LayerShuttle, which splits "
        "a model into its layers and moves these layers between GPU and CPU memory while the model runs. "
        "LayerShuttle cuts peak GPU memory by half with unchanged outputs.",
    )
    assert OFFLOAD in _techniques(p)


def test_kv_entries_moved_to_the_cpu_are_not_offloading_of_the_model() -> None:
    p = _paper(
        "KVShuttle: Host Memory for Long-Context Decoding",
        "The KV cache of long prompts outgrows GPU memory. We present KVShuttle, which offloads the KV cache of "
        "earlier layers to CPU memory and fetches the entries each step needs. KVShuttle serves prompts of a "
        "million tokens on one GPU.",
    )
    techniques = _techniques(p)
    assert OFFLOAD not in techniques and "technique/kv-cache-offloading" in techniques, techniques


def test_swapping_attention_layers_for_other_layers_is_not_offloading() -> None:
    p = _paper(
        "HybridSwap: Recurrent Layers in Place of Attention",
        "We swap half of the attention layers of a pretrained transformer for recurrent layers and train the "
        "result briefly. The hybrid keeps the accuracy of the original model and decodes faster.",
    )
    assert OFFLOAD not in _techniques(p)
