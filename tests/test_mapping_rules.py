"""Small texts, written for these tests, that pin single mapping rules (issue 4: mapping quality)."""

from __future__ import annotations

import ontology
from kg.records import Mapping
from loaders.mapping import map_paper
from ontology.vocab import RelType
from tests.graphdata import written_paper as _paper


def _studies(m: Mapping) -> set[str]:
    return {r.target for r in m.relations if r.type is RelType.STUDIES and r.source == m.paper_id}


def test_a_merging_method_that_picks_entries_by_importance_does_not_evict(onto: ontology.Ontology) -> None:
    p = _paper(
        "FuseCache: Merging Similar Entries of the KV Cache",
        "Eviction of KV cache entries loses information that later tokens need. We propose FuseCache, which "
        "selects the important entries under a memory budget and merges the remaining KV states into them. "
        "FuseCache halves the KV cache on long documents.",
    )
    studies = _studies(map_paper(p, onto))
    assert "technique/kv-cache-merging" in studies
    assert "technique/kv-cache-eviction" not in studies


def test_elementwise_sparsity_of_the_kv_cache_is_compression(onto: ontology.Ontology) -> None:
    p = _paper(
        "SparseKV: Unstructured Sparsity for KV Cache Pruning",
        "We show that unstructured sparsity of the keys and values shrinks the KV cache by 60% at equal accuracy. "
        "Per-token magnitude pruning zeroes small elements, and a sparse kernel computes attention on the pruned cache.",
    )
    studies = _studies(map_paper(p, onto))
    assert {"technique/kv-cache-compression", "technique/unstructured-pruning"} <= studies
    assert "technique/kv-cache-eviction" not in studies


def test_mixed_precision_said_apart_from_quantization(onto: ontology.Ontology) -> None:
    p = _paper(
        "Quill: Fast Low-bit Serving of Language Models",
        "We introduce Quill, a low-bit quantization method for serving. Quill keeps accuracy with a mixed-precision "
        "and group-wise quantization scheme, and runs 4-bit weights and activations on tensor cores.",
    )
    assert "technique/mixed-precision-quantization" in _studies(map_paper(p, onto))


def test_mixed_precision_training_with_quantized_parts_is_not_mixed_precision_quantization(
        onto: ontology.Ontology) -> None:
    p = _paper(
        "Brisk: Faster Pretraining in FP8",
        "We present Brisk, an FP8 training recipe for large models. Brisk replaces mixed precision training in "
        "BF16 with 8-bit quantization of the matrix products and matches the loss curve of the baseline.",
    )
    assert "technique/mixed-precision-quantization" not in _studies(map_paper(p, onto))


def test_parameters_offloaded_to_host_ram(onto: ontology.Ontology) -> None:
    p = _paper(
        "Spool: Draft Trees for Large Models on a Desktop",
        "A desktop GPU cannot hold a 70B model, so its layers must be offloaded to CPU RAM. We propose Spool, "
        "which drafts many tokens per step while the offloaded parameters stream in, and runs with RAM offloading "
        "at several tokens per second.",
    )
    assert "technique/offloading-and-sharding" in _studies(map_paper(p, onto))


def test_a_study_keeps_the_class_of_a_method_it_also_contributes(onto: ontology.Ontology) -> None:
    p = _paper(
        "Integers or Floats: A Comprehensive Study of Block Formats",
        "We compare integer and floating-point block formats for quantization of language models at several "
        "granularities. We also introduce a rounding fix that makes FP8 training of these models stable.",
    )
    studies = _studies(map_paper(p, onto))
    assert "technique/quantization" in studies
    assert "technique/low-bit-training" in studies


def test_a_term_never_spans_a_sentence_boundary(onto: ontology.Ontology) -> None:
    from loaders.mapping.lexicons import build_lexicon

    lex = build_lexicon(onto)
    joined = [h for h in lex.scan("We shrink the KV cache eviction budget.") if h.kind == "technique"]
    split = [h for h in lex.scan("We shrink the KV cache. Eviction is not used.") if h.kind == "technique"]
    assert any(h.text == "KV cache eviction" and h.weight == 1.0 for h in joined)
    assert not any("." in h.text for h in split)


def test_a_general_statement_about_the_field_is_background(onto: ontology.Ontology) -> None:
    p = _paper(
        "Knit: Adapting Language Models with Compact Sketches",
        "Adapting large language models is costly. Adapters are added to frozen weights, and model weights can be "
        "compressed through quantization to save memory. We introduce Knit, a parameter-efficient fine-tuning "
        "method that learns small sketches of each weight matrix instead of low-rank adapters.",
    )
    studies = _studies(map_paper(p, onto))
    assert studies & {"technique/parameter-efficient-fine-tuning", "technique/adapters"}
    assert "technique/quantization" not in studies


def test_ultra_low_power_alone_is_not_tinyml(onto: ontology.Ontology) -> None:
    p = _paper(
        "Switching Detectors for Gesture Recognition on Ultra-low-power Wristbands",
        "We present an adaptive scheme that runs a small network by default and a larger one only when the small "
        "one is unsure, cutting latency on the wristband by 30% at equal accuracy.",
    )
    assert "technique/tinyml" not in _studies(map_paper(p, onto))


def _parts(m: Mapping) -> set[str]:
    return {r.target for r in m.relations if r.type is RelType.HAS_COMPONENT}


def test_parts_read_from_using_phrases_titles_and_quotes(onto: ontology.Ontology) -> None:
    p = _paper(
        "TinySearch: Lean Supernets for Architecture Search",
        "We present TinySearch, which samples a few channels of the supernet at each step. Sampling makes the "
        "choice of edges unstable. We reduce it using edge rescaling normalization, which adds one weight per edge. "
        "TinySearch also finds a \"near-optimal\" search schedule in two of three settings.",
    )
    parts = _parts(map_paper(p, onto))
    assert "method/edge-rescaling-normalization" in parts
    assert "method/near-optimal" not in parts


def test_an_adjective_the_title_gives_the_part_stays_in_its_name(onto: ontology.Ontology) -> None:
    p = _paper(
        "SegLite: Lightweight Global Attention for Phone Segmentation",
        "This work presents SegLite, a family of segmentation networks for phones. Unlike heavy self-attention, "
        "our lightweight global attention mixes features with linear cost. It runs 5x faster on a phone.",
    )
    parts = _parts(map_paper(p, onto))
    assert "method/lightweight-global-attention" in parts
    assert "method/global-attention" not in parts


def test_a_reused_class_is_not_a_part_of_a_hybrid(onto: ontology.Ontology) -> None:
    p = _paper(
        "Weave: A Hybrid Linear Attention Model",
        "We introduce Weave, a hybrid linear attention architecture. At its core lies Braided Delta Attention (BDA), "
        "a gated linear attention module. Weave is a layerwise hybrid of BDA and Multi-Head Latent Attention (MLA).",
    )
    parts = _parts(map_paper(p, onto))
    assert "method/mla" not in parts


def test_a_title_phrase_the_abstract_abbreviates_is_the_method(onto: ontology.Ontology) -> None:
    p = _paper(
        "Banded Linear Attention: Locality for Recurrent Models",
        "In this work we bridge expressiveness and cost by proposing Banded Linear Attention (BLA), an attention "
        "mechanism that mixes a local window with a linear recurrence. BLA matches softmax attention on recall tasks.",
    )
    m = map_paper(p, onto)
    assert "method/bla" in {r.target for r in m.relations if r.type is RelType.PROPOSES}
