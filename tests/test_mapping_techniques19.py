"""Technique readings of stop 19: kinds of error in the technique classes, each fixed by one rule.

Each abstract is written for its test, not copied from a seed paper.
"""

from __future__ import annotations

import ontology
from loaders.mapping import linker
from loaders.mapping.doc import LinkedDoc
from tests.graphdata import written_paper as _paper

_ON_DEVICE = "technique/on-device-inference"


def _doc(title: str, abstract: str) -> LinkedDoc:
    return linker.link(_paper(title, abstract), ontology.load()).doc


# -- on-device inference is the paper's stated subject, not where its model was measured


def test_phones_named_in_the_problem_and_where_results_are_measured_are_no_on_device_paper() -> None:
    doc = _doc(
        "Swift Segmenter",
        "Video object segmentation has grown accurate. "
        "Large video segmenters are slow, which keeps them from real use, e.g. tracking objects on mobile devices. "
        "We propose SwiftSeg, a lightweight segmentation model with a plain transformer encoder and a cheap "
        "memory module. SwiftSeg matches its teacher on five video benchmarks with 3x fewer parameters. "
        "On mobile devices such as recent phones, our SwiftSeg models run at 12 FPS with reasonable quality.",
    )
    assert _ON_DEVICE not in doc.techniques, doc.techniques
    assert "technique/efficient-network-design" in doc.techniques, doc.techniques


def test_a_small_variant_said_to_suit_devices_in_results_and_outlook_is_no_on_device_paper() -> None:
    doc = _doc(
        "Long Heartbeat Modelling with Selective State Spaces",
        "Heart monitoring needs models of long recordings, with uses from clinics to wearable devices. "
        "We present BeatMamba, a selective state space model pretrained on unlabeled recordings. "
        "It reaches 91.3% accuracy on two arrhythmia tasks, while a 5M-parameter variant shows viability for "
        "resource-constrained devices. These results make BeatMamba a candidate for wearable devices.",
    )
    assert _ON_DEVICE not in doc.techniques, doc.techniques


def test_a_comparison_stated_as_for_on_device_use_keeps_the_class() -> None:
    # the paper's own work is said to be for devices, in two sentences that measure nothing
    doc = _doc(
        "Number Formats for Small Models",
        "Low-precision formats are spreading to new accelerators. It is unclear what this means for inference on "
        "edge devices. In this report, we compare two 8-bit formats for efficient on-device inference with "
        "post-training quantization. Finally, we discuss the most efficient way to deploy quantized networks on "
        "edge devices.",
    )
    assert _ON_DEVICE in doc.techniques, doc.techniques


# -- "efficient architecture search" is a cheap search, not an efficient architecture


def test_an_efficient_architecture_search_is_neural_architecture_search_only() -> None:
    doc = _doc(
        "WakeNAS: Efficient Architecture Search for Keyword Spotting",
        "Keyword spotters must fit many devices, each with its own budget. "
        "We propose WakeNAS, an efficient architecture search framework with a supernet of convolutional blocks. "
        "The search picks a subnet for each compute budget via weight-sharing subnets.",
    )
    assert doc.techniques == ("technique/neural-architecture-search",), doc.techniques


def test_an_efficient_architecture_is_still_efficient_network_design() -> None:
    doc = _doc(
        "KwsNet: An Efficient Architecture for Keyword Spotting",
        "Keyword spotters must fit small devices. "
        "We propose KwsNet, an efficient architecture built from depthwise separable convolutions. "
        "KwsNet matches larger spotters with 5x fewer parameters.",
    )
    assert "technique/efficient-network-design" in doc.techniques, doc.techniques


# -- "lightweight" said of a step or a helper of the method is no efficient network design

_END = "technique/efficient-network-design"


def test_lightweight_training_and_a_lightweight_student_are_no_network_design() -> None:
    doc = _doc(
        "Short Context Is Enough: Teaching Long Inputs with Local Windows",
        "Long inputs are costly for language models. "
        "We propose WinLong, which turns a pretrained model into a sliding-window sparse attention model. "
        "Lightweight training on 2B tokens suffices to extend the context to 64K. "
        "A lightweight student model then learns from the teacher through knowledge distillation.",
    )
    assert _END not in doc.techniques, doc.techniques
    assert "technique/sparse-attention" in doc.techniques, doc.techniques


def test_a_lightweight_network_is_still_network_design() -> None:
    doc = _doc(
        "Tiny Detectors for Crop Rows",
        "Field robots carry small processors. "
        "We propose RowNet, a lightweight convolutional network for crop-row detection. "
        "RowNet is a lightweight model with 0.4M parameters that matches larger detectors.",
    )
    assert _END in doc.techniques, doc.techniques


# -- a sentence that goes on about the earlier work the sentence before named is background too


def test_drawbacks_of_earlier_work_listed_after_a_background_sentence_are_background() -> None:
    doc = _doc(
        "Sparse Recommenders from Scratch",
        "Recommendation models keep growing. "
        "Despite advances in model compression, prevalent approaches face notable constraints. "
        "These include the cost of knowledge distillation from a large teacher and of retraining. "
        "This paper introduces SparseRec, which trains a sparse recommender from scratch with magnitude pruning "
        "applied during training.",
    )
    assert "technique/knowledge-distillation" not in doc.techniques, doc.techniques
    assert "technique/unstructured-pruning" in doc.techniques, doc.techniques


def test_a_sentence_opening_with_these_after_the_papers_own_work_keeps_its_weight() -> None:
    doc = _doc(
        "Sparse Image Classifiers from Scratch",
        "Image classifiers keep growing. "
        "This paper introduces SparseCls, which trains a sparse classifier from scratch with magnitude pruning. "
        "These sparse classifiers are then refined by knowledge distillation from a dense teacher. "
        "SparseCls reduces memory usage by 5x at equal accuracy.",
    )
    assert "technique/knowledge-distillation" in doc.techniques, doc.techniques


# -- one model built from state-space layers and attention is a hybrid, however the abstract words it

_HYBRID = "technique/hybrid-attention-ssm"


def test_mamba_layers_interleaved_with_sparse_attention_make_a_hybrid() -> None:
    doc = _doc(
        "Strata: A State-Space Language Model with Sparse Attention",
        "Long inputs strain language models. "
        "We present Strata, which interleaves Mamba layers with occasional sparse global attention layers. "
        "The Mamba layers carry the long context while sparse attention recovers exact recall. "
        "Strata cuts memory by 3x at 64K tokens.",
    )
    assert _HYBRID in doc.techniques, doc.techniques
    assert "technique/selective-ssm" not in doc.techniques, doc.techniques  # (the hybrid says it)


def test_a_mamba_backbone_replacing_self_attention_is_no_hybrid() -> None:
    doc = _doc(
        "VisScan: Selective Scans for Image Backbones",
        "Vision transformers pay a quadratic cost in the number of patches. "
        "We propose VisScan, a Mamba backbone that replaces self-attention with bidirectional selective scans. "
        "VisScan matches DeiT on ImageNet with 40% less memory.",
    )
    assert _HYBRID not in doc.techniques, doc.techniques
    assert "technique/selective-ssm" in doc.techniques, doc.techniques


def test_linear_attention_beside_softmax_attention_is_no_hybrid() -> None:
    # the "ssm" cue's linear attention is no state-space layer: interpolating two attentions builds no hybrid
    doc = _doc(
        "Blended Attention: Interpolating Linear and Softmax Attention",
        "Softmax attention is costly on long inputs. "
        "We propose BlendAttn, a linear attention mechanism that interpolates between linear attention and "
        "softmax attention per head. BlendAttn keeps linear complexity and cuts memory by 4x.",
    )
    assert _HYBRID not in doc.techniques, doc.techniques
