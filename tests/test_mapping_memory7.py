"""Memory components read from what the paper's own method saves (issue q, stop 18).

Each abstract is written for its test, not copied from a seed paper.
"""

from __future__ import annotations

import ontology
from kg.records import Mapping
from loaders.mapping import map_paper
from loaders.mapping.evaluation import PAPER_LEVEL_EXTRACTOR
from ontology.vocab import RelType
from tests.graphdata import written_paper as _paper

KV = "memory/kv-cache"


def _map(title: str, abstract: str, onto: ontology.Ontology) -> Mapping:
    return map_paper(_paper(title, abstract), onto)


def _reduces(m: Mapping) -> set[str]:
    """What the paper's own method reduces (the paper-level claim, not the sentence-level evidence)."""
    return {r.target for r in m.relations
            if r.type is RelType.REDUCES and r.evidence.paper_id == m.paper_id
            and r.evidence.extractor == PAPER_LEVEL_EXTRACTOR}


def _studies(m: Mapping) -> set[str]:
    return {r.target for r in m.relations if r.type is RelType.STUDIES and r.source == m.paper_id}


def test_a_recurrent_model_with_a_constant_amount_of_memory_saves_the_kv_cache(onto: ontology.Ontology) -> None:
    m = _map(
        "TideNet: A Gated Linear RNN for Long Documents",
        "We present TideNet, a linear RNN language model with gated recurrences. Unlike attention models, TideNet "
        "needs a constant amount of memory while it generates, whatever the length of the document. On long "
        "document question answering TideNet matches a Transformer of the same size.",
        onto,
    )
    assert "technique/linear-rnn" in _studies(m)
    assert KV in _reduces(m)


def test_a_fixed_size_state_named_only_as_a_limit_of_earlier_methods_saves_nothing(onto: ontology.Ontology) -> None:
    m = _map(
        "ManyStates: Linear Attention with Several Recurrent States",
        "Linear attention replaces softmax attention with a recurrence. However, these methods squeeze the whole "
        "sequence into one fixed-size state, which hurts recall. We propose ManyStates, a linear attention model "
        "that routes each token to one of several states and so raises recall on retrieval-heavy tasks.",
        onto,
    )
    assert "technique/linear-attention" in _studies(m)
    assert KV not in _reduces(m)


def test_a_processor_cache_is_no_kv_cache(onto: ontology.Ontology) -> None:
    m = _map(
        "RapidRNN: Fast Kernels for Linear RNNs",
        "We write fused GPU kernels for linear RNN layers. Our kernels pick tile sizes from the hardware-internal "
        "cache sizes of each GPU and keep the recurrent state in registers, which makes linear RNN training three "
        "times faster than a plain implementation.",
        onto,
    )
    assert "technique/linear-rnn" in _studies(m)
    assert KV not in _reduces(m)


def test_an_io_aware_kernel_saves_activation_memory_only_where_memory_is_saved(onto: ontology.Ontology) -> None:
    speed = _map(
        "FlashScan: An IO-Aware Kernel for Long Convolutions",
        "We present FlashScan, an IO-aware algorithm that fuses the steps of a long convolution into one GPU kernel, "
        "tiling the work so that fewer reads go to slow memory. FlashScan runs long convolutions 2.5 times faster "
        "than the unfused implementation.",
        onto,
    )
    assert "technique/io-aware-attention" in _studies(speed)
    assert "memory/activations" not in _reduces(speed)
    saving = _map(
        "FlashScan: An IO-Aware Kernel for Long Convolutions",
        "We present FlashScan, an IO-aware algorithm that fuses the steps of a long convolution into one GPU kernel, "
        "tiling the work so that fewer reads go to slow memory. FlashScan runs long convolutions 2.5 times faster "
        "than the unfused implementation and brings a memory saving that grows with sequence length.",
        onto,
    )
    assert "memory/activations" in _reduces(saving)


def test_memory_traffic_is_not_memory_held(onto: ontology.Ontology) -> None:
    m = _map(
        "GridConv: Reordered Long Convolutions",
        "We propose GridConv, a long convolution layer for sequence models whose computation is reordered to reduce "
        "GPU memory traffic. A GridConv language model matches a Transformer with 25% fewer parameters.",
        onto,
    )
    assert "memory/weights" not in _reduces(m)


def test_shared_key_value_heads_shrink_the_kv_cache(onto: ontology.Ontology) -> None:
    m = _map(
        "FewHeads: Uptraining Language Models to Grouped-Query Attention",
        "We convert the multi-head attention of a pretrained language model into grouped-query attention, in which "
        "several query heads share one key head and one value head, and uptrain the result for a short while. "
        "The converted model keeps its quality and decodes twice as fast.",
        onto,
    )
    assert "technique/shared-kv-attention" in _studies(m)
    assert KV in _reduces(m)


def test_the_method_saving_memory_by_shrinking_activations_reduces_activations(onto: ontology.Ontology) -> None:
    m = _map(
        "DriftFix: Continual Test-Time Adaptation with Little Memory",
        "Models drift when the input domain shifts, and continual test-time adaptation corrects them on the fly. "
        "We present DriftFix, which adds light meta layers between the blocks of a pretrained network and distills "
        "the original outputs into them. This new design lowers memory use by shrinking the intermediate "
        "activations kept for backpropagation. DriftFix needs 80% less memory than the strongest earlier method "
        "at equal accuracy.",
        onto,
    )
    assert "memory/activations" in _reduces(m)


def test_memory_saved_by_smaller_feature_maps_is_activation_memory(onto: ontology.Ontology) -> None:
    m = _map(
        "SpectraNet: A Light Network for Image Analysis",
        "We propose SpectraNet, a neural architecture for image classification and segmentation. SpectraNet needs "
        "fewer parameters than earlier networks at the same accuracy. Its blocks apply a wavelet transform that "
        "reduces the spatial size of the feature maps, which lowers the memory needed for training and inference.",
        onto,
    )
    assert "memory/activations" in _reduces(m)
    assert "memory/weights" not in _reduces(m)


def test_a_method_that_reduces_model_size_shrinks_the_weights(onto: ontology.Ontology) -> None:
    m = _map(
        "SplitFFN: Splitting the Feed-Forward Network for Efficient Language Model Inference",
        "Large language models are costly to run on commodity hardware. We observe that a few feed-forward neurons "
        "of a language model carry most of its output. We keep these neurons in a full-width branch and squeeze the "
        "rest into a narrow one, a lighter architecture for efficient inference. In practice our method can reduce "
        "model size by 40% and speeds up inference by 1.3 times with a negligible accuracy drop.",
        onto,
    )
    assert "memory/weights" in _reduces(m)


def test_the_field_reducing_model_size_says_nothing_of_the_paper(onto: ontology.Ontology) -> None:
    m = _map(
        "ReuseSim: Modelling Data Reuse in Neural Network Accelerators",
        "In recent years, researchers have focused on reducing the model size and the number of operations of "
        "neural networks. We present ReuseSim, an analytical model of how often an accelerator reuses each data "
        "type, and use it to design a dataflow that cuts the energy of convolution layers by 30%.",
        onto,
    )
    assert "memory/weights" not in _reduces(m)


def test_a_gradient_driven_baseline_is_no_gradient_memory(onto: ontology.Ontology) -> None:
    m = _map(
        "DimSearch: Neural Architecture Search by Intrinsic Dimension",
        "One-shot neural architecture search suffers from interference among subnets of the supernet. We propose "
        "DimSearch, which compares subnets by the intrinsic dimension of their layer features. Compared with the "
        "gradient-driven method, DimSearch saves up to 80% of GPU memory when searching on NAS-Bench-201.",
        onto,
    )
    assert "technique/neural-architecture-search" in _studies(m)
    assert "memory/gradients" not in _reduces(m)


def test_a_paper_its_subtitle_calls_an_analysis_reduces_nothing_itself(onto: ontology.Ontology) -> None:
    m = _map(
        "Serving Long Contexts: A Theoretical Cost Analysis",
        "Serving language models with long contexts is costly because the KV cache grows with every token. We "
        "model the cost of serving on one GPU and show which of prefilling, decoding and KV cache loading bounds "
        "throughput. Our analysis shows that compressing the KV cache is the most effective lever.",
        onto,
    )
    assert KV not in _reduces(m)


def test_a_small_helper_model_says_no_cache_is_reduced(onto: ontology.Ontology) -> None:
    m = _map(
        "PromptAhead: Faster First Tokens for Language Model Serving",
        "Processing a long prompt delays the first token of a language model's answer. We introduce PromptAhead, "
        "a serving method for faster first tokens. In PromptAhead, a small auxiliary model reads the prompt and "
        "produces an estimate of the KV cache used by the base model, which then generates the answer. "
        "PromptAhead halves the time to first token at equal accuracy.",
        onto,
    )
    assert KV not in _reduces(m)
