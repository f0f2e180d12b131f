"""Technique readings of stop 19 (third round): each rule's made-up abstracts, not copied from a seed paper."""

from __future__ import annotations

import ontology
from loaders.mapping import linker
from loaders.mapping.doc import LinkedDoc
from tests.graphdata import written_paper as _paper

_EQ = "technique/expert-quantization"


def _doc(title: str, abstract: str) -> LinkedDoc:
    return linker.link(_paper(title, abstract), ontology.load()).doc


# -- expert quantization needs its expert and quantization words close together


def test_a_list_of_separate_techniques_does_not_quantize_experts() -> None:
    doc = _doc("BenchEff: Measuring the Cost of Language Model Techniques",
               "We introduce BenchEff, a benchmark of efficiency techniques for language models. "
               "Our study covers three axes: (1) architecture choices such as grouped attention variants and sparse "
               "mixture-of-experts layers, (2) fine-tuning with low-rank adapters, and (3) inference with "
               "4-bit quantization and pruning. "
               "In our results, the sparse mixture-of-experts layers lower FLOPs but raise memory, while 4-bit "
               "quantization cuts memory at a small cost in accuracy.")
    assert _EQ not in doc.techniques, doc.techniques


def test_quantized_experts_are_still_expert_quantization() -> None:
    doc = _doc("TinyMoE: Compressing Sparse Expert Models",
               "Sparse expert models hold many parameters that sit idle on every token. "
               "We propose TinyMoE, which stores the experts in 2-bit precision and keeps the router in full precision. "
               "TinyMoE fits a large sparse model into a single consumer GPU with a small loss in accuracy.")
    assert _EQ in doc.techniques, doc.techniques


def test_the_pair_gap_holds_for_close_cues_only() -> None:
    assert linker._near(frozenset({"expert", "quant"}), {"expert": [10], "quant": [30]}, _EQ)
    assert not linker._near(frozenset({"expert", "quant"}), {"expert": [10], "quant": [200]}, _EQ)
    # (other pairs keep reading the whole sentence)
    assert linker._near(frozenset({"kv", "evict"}), {"kv": [10], "evict": [400]}, "technique/kv-cache-eviction")


# -- the fallback class of an in-scope paper is one its own sentences name, not one only the background names


def test_the_fallback_skips_a_class_only_the_background_names() -> None:
    background, own = linker._Score(), linker._Score()
    background.add(0.6, 2, 0, 10, raw=1.0, factor=linker.BACKGROUND_FACTOR)
    background.add(0.3, 3, 20, 30, raw=0.5, factor=linker.BACKGROUND_FACTOR)
    own.add(0.8, 5, 40, 50, raw=0.8, factor=1.0)
    tech = {"technique/neural-architecture-search": background, "technique/unstructured-pruning": own}
    assert linker._fallback_class("Sparse Recommenders", tech, False) == "technique/unstructured-pruning"
    # (a class of the paper's own sentences is still the fallback)
    del tech["technique/unstructured-pruning"]
    assert linker._fallback_class("Sparse Recommenders", tech, False) == linker.ROOT


# -- "key and value projections" are the attention's own matrices, not a low-rank projection of the cache

_LOW_RANK_KV = "technique/kv-cache-low-rank"


def test_key_and_value_projections_are_no_low_rank_cache() -> None:
    doc = _doc("Chunker: Attention over Summarised Tokens",
               "Attention over every past token costs memory that grows with the context. "
               "We introduce Chunker, which replaces the key and value projections of a transformer with small "
               "recurrent summaries of token chunks, so that the KV cache holds one entry per chunk. "
               "Chunker keeps perplexity within 1% of the full model with a 4 times smaller KV cache.")
    assert _LOW_RANK_KV not in doc.techniques, doc.techniques


def test_a_low_rank_projection_of_the_cache_is_still_low_rank() -> None:
    doc = _doc("ThinKV: Low-Rank Keys for Long Contexts",
               "The KV cache of long contexts outgrows GPU memory. "
               "We propose ThinKV, which stores a low-rank projection of the KV cache learned from a few samples. "
               "ThinKV shrinks the KV cache 5 times with a small loss in accuracy.")
    assert _LOW_RANK_KV in doc.techniques, doc.techniques


# -- "arbitrary precision" kernels run any bit-width: quantization, not several precisions in one model

_MPQ = "technique/mixed-precision-quantization"


def test_arbitrary_precision_kernels_are_quantization_not_mixed_precision() -> None:
    doc = _doc("AnyBit: Arbitrary Precision Matrix Kernels for Language Models on GPUs",
               "Quantized language models need kernels for bit-widths that GPUs do not support natively. "
               "We propose AnyBit, a kernel library that runs quantized matrix products at arbitrary precision "
               "by splitting weights into bit planes. "
               "AnyBit is 2.1 times faster than existing kernels for 3-bit weights.")
    assert _MPQ not in doc.techniques, doc.techniques
    assert any(t.endswith("quantization") for t in doc.techniques), doc.techniques


def test_mixed_precision_is_still_named_by_its_own_words() -> None:
    doc = _doc("LayerBits: Mixed-Precision Quantization for Vision Transformers",
               "Vision transformers are costly on small chips. "
               "We propose LayerBits, a mixed-precision quantization method that allocates bit-widths per layer "
               "from a sensitivity score. LayerBits keeps accuracy within 0.5 points at 4 bits on average.")
    assert _MPQ in doc.techniques, doc.techniques
