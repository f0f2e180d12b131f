"""Technique readings of stop 19 (recall round): classes the abstract names that were missed, each added by one rule.

Each abstract is written for its test, not copied from a seed paper.
"""

from __future__ import annotations

import ontology
from loaders.mapping import linker
from loaders.mapping.doc import LinkedDoc
from tests.graphdata import written_paper as _paper

_WA = "technique/weight-activation-quantization"
_QAT = "technique/quantization-aware-training"


def _doc(title: str, abstract: str) -> LinkedDoc:
    return linker.link(_paper(title, abstract), ontology.load()).doc


# -- a second leaf of a kept family, named in full outside the background, is kept whatever its share


_QAT_TEXT = (
    "Speech recognisers are slow on small chips. "
    "We propose TinyEar, a quantization-aware training recipe for low-bit speech recognisers. "
    "TinyEar trains with quantization-aware fine-tuning of a frozen encoder and learned step sizes. "
    "The quantization-aware training schedule needs only one epoch. "
)


def test_a_sibling_named_in_full_beside_a_dominant_leaf_is_kept() -> None:
    doc = _doc("TinyEar: Quantization-Aware Training for Small Speech Models",
               _QAT_TEXT + "With weight-activation quantization to 4 bits, TinyEar loses 0.3 points of accuracy.")
    assert _QAT in doc.techniques, doc.techniques
    assert _WA in doc.techniques, doc.techniques


def test_a_sibling_only_suggested_beside_a_dominant_leaf_stays_out() -> None:
    # "activation quantization" (0.6) only suggests the leaf: a small share of the family still needs its weight
    doc = _doc("TinyEar: Quantization-Aware Training for Small Speech Models",
               _QAT_TEXT + "We also study activation quantization of the first layer.")
    assert _QAT in doc.techniques, doc.techniques
    assert _WA not in doc.techniques, doc.techniques


def test_a_sibling_named_only_in_the_background_stays_out() -> None:
    doc = _doc("TinyEar: Quantization-Aware Training for Small Speech Models",
               "Existing methods typically rely on weight-activation quantization after training. " + _QAT_TEXT)
    assert _QAT in doc.techniques, doc.techniques
    assert _WA not in doc.techniques, doc.techniques


# -- "compact architecture design": the name surveys give efficient network design beside the other families

_END = "technique/efficient-network-design"


def test_a_survey_that_lists_compact_architecture_design_covers_efficient_network_design() -> None:
    doc = _doc(
        "Making Vision Models Cheap: A Survey",
        "Vision models are costly to run. "
        "In this paper, we review methods that make vision models cheaper to run. "
        "We group them into quantization, pruning, knowledge distillation and compact architecture design. "
        "We close with open problems in quantization and pruning.",
    )
    assert _END in doc.techniques, doc.techniques


def test_compact_network_design_names_the_class_in_a_paper() -> None:
    doc = _doc(
        "TinySeg: Compact Network Design for Road Segmentation",
        "Road segmentation must run in real time on cars. "
        "We propose TinySeg, a compact network design for road scenes that cuts FLOPs by 4x.",
    )
    assert _END in doc.techniques, doc.techniques


# -- a sentence opening with We/Our is the paper's own work, though it names earlier methods in passing

_NAS = "technique/neural-architecture-search"
_NAS_TEXT = ("Deep networks are costly on small devices. Designing networks by hand for each device is slow. "
             "This thesis studies cheaper deep networks for driving scenes. ")


def test_our_search_compared_with_previous_methods_is_the_papers_own_work() -> None:
    doc = _doc("Cheap Deep Networks",
               _NAS_TEXT + "Our neural architecture search found accurate models at 400x lower cost than previous search methods.")
    assert _NAS in doc.techniques, doc.techniques


def test_previous_methods_in_a_sentence_not_opened_by_the_paper_stay_background() -> None:
    doc = _doc("Cheap Deep Networks",
               _NAS_TEXT + "Previous methods used neural architecture search at a high cost.")
    assert _NAS not in doc.techniques, doc.techniques


# -- "on-device latency" is a cost measured somewhere, not a device the paper sets out to run on

_ON_DEVICE = "technique/on-device-inference"


def test_on_device_latency_as_an_objective_is_no_on_device_paper() -> None:
    doc = _doc(
        "Budgeted Compression of Networks",
        "Choosing how much to compress each layer is slow. "
        "We present a method that sets per-layer pruning ratios to meet a target FLOPs or on-device latency. "
        "On a vision backbone, we cut FLOPs by 20% and on-device latency by 10% without loss of accuracy.",
    )
    assert _ON_DEVICE not in doc.techniques, doc.techniques
    assert "technique/pruning" in doc.techniques or "technique/structured-pruning" in doc.techniques, doc.techniques


def test_on_device_inference_as_the_papers_subject_keeps_the_class() -> None:
    doc = _doc(
        "PocketASR: On-Device Speech Recognition",
        "Speech recognisers are large. "
        "We present PocketASR, a speech recogniser built to run on-device on phones.",
    )
    assert _ON_DEVICE in doc.techniques, doc.techniques


# -- a model or GAN built for devices, with no other class named, is an efficient design


def test_an_on_device_model_with_no_other_class_is_an_efficient_design() -> None:
    doc = _doc(
        "TinyVoice: An On-Device Voice Cloning Model",
        "Voice cloning models are too large for phones. "
        "We present TinyVoice, a voice cloning model that runs on-device on mid-range phones. "
        "TinyVoice runs on-device in real time with 8M parameters and reaches the quality of models 10x its size.",
    )
    assert _ON_DEVICE in doc.techniques, doc.techniques
    assert _END in doc.techniques, doc.techniques


def test_an_on_device_language_model_study_is_no_design() -> None:
    doc = _doc(
        "Are Small On-Device Language Models Ready?",
        "Language models are moving to phones. "
        "We study how small language models behave when they run on-device on phones. "
        "We compare on-device runs of six models on four phones.",
    )
    assert _END not in doc.techniques, doc.techniques


# -- what "other architectures" or "other methods" do is background, not the paper's own class

_SPARSE = "technique/sparse-attention"


def test_a_class_said_of_other_architectures_is_background() -> None:
    doc = _doc(
        "Chunky: Attention over Summarised Chunks",
        "Transformers attend over all past tokens at quadratic cost. "
        "Recurrent models keep a fixed state, while other architectures cut the cost with sparse attention patterns. "
        "We introduce Chunky, which summarises chunks of tokens with a recurrent layer and attends over the summaries. "
        "Chunky uses 4x less KV cache memory at equal quality.",
    )
    assert _SPARSE not in doc.techniques, doc.techniques


def test_sparse_attention_of_the_paper_itself_is_kept() -> None:
    doc = _doc(
        "Chunky: Sparse Attention over Summarised Chunks",
        "Transformers attend over all past tokens at quadratic cost. "
        "We introduce Chunky, a sparse attention method that attends only over chunk summaries and recent tokens. "
        "Chunky uses 4x less KV cache memory at equal quality.",
    )
    assert _SPARSE in doc.techniques, doc.techniques
