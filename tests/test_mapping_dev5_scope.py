"""Scope, topic and technique readings found through the fifth blind set's errors (issue 4, stop 16).

Each abstract is written for its test, in the shape the dev5 papers showed, not copied from them.
"""

from __future__ import annotations

from typing import Any

import ontology
from kg.records import Paper
from loaders.mapping import linker
from tests.graphdata import written_paper as _paper


def link(p: Paper) -> linker.Linked:
    """The paper linked with the shipped ontology (its labels and hierarchy, as ``kg build`` links)."""
    return linker.link(p, ontology.load())


def _doc(p: Paper) -> Any:
    return link(p).doc


def test_an_agent_paper_that_never_speaks_of_memory_is_filed_under_other() -> None:
    p = _paper(
        "ShopPilot: Tool-Using LLM Agents for Online Shopping",
        "LLM agents that browse shops on their own are slow to decide and often buy the wrong item. We present "
        "ShopPilot, an agentic framework in which web agents plan with tool use and ask the user when unsure. "
        "On a new set of shopping tasks ShopPilot completes more orders than earlier web agents.",
    )
    doc = _doc(p)
    assert not doc.in_scope and doc.topic == "topic/other", (doc.in_scope, doc.topic)


def test_an_agent_paper_about_its_memory_keeps_the_agent_memory_topic() -> None:
    p = _paper(
        "RecallPilot: Long-Term Memory for LLM Agents",
        "LLM agents forget what users told them in earlier sessions. We present RecallPilot, a memory system "
        "that stores and retrieves memories of past conversations for agents. RecallPilot answers questions "
        "about earlier sessions better than agents without long-term memory.",
    )
    doc = _doc(p)
    assert not doc.in_scope and doc.topic == "topic/agent-memory", (doc.in_scope, doc.topic)


def test_a_device_class_named_only_as_a_hindered_or_hoped_for_target_is_not_targeted() -> None:
    hindered = _paper(
        "SparseSearch: Finding Sparse Networks by Gradient Descent",
        "Running deep networks on edge devices is hindered by their size. We present SparseSearch, which "
        "searches for sparse architectures with a differentiable relaxation. SparseSearch finds networks that "
        "are 90% sparse and lose under one point of accuracy on ImageNet.",
    )
    hoped = _paper(
        "TinyEcho: Small Models for Heart Sound Analysis",
        "We train TinyEcho, a family of small convolutional models for heart sound classification. TinyEcho "
        "matches larger models with ten times fewer parameters, which makes it a promising candidate for "
        "wearable monitors.",
    )
    assert "hwclass/edge-device" not in link(hindered).hwclasses
    assert "hwclass/edge-device" not in link(hoped).hwclasses


def test_a_device_class_the_paper_runs_on_is_kept() -> None:
    p = _paper(
        "TinyEcho-2: Heart Sound Analysis on Wearables",
        "We deploy TinyEcho-2, a small convolutional model for heart sound classification, on wearable "
        "devices. On a smart watch it classifies a recording in 40 ms.",
    )
    assert "hwclass/edge-device" in link(p).hwclasses


def test_ternary_experts_are_extreme_low_bit_as_well_as_quantized_experts() -> None:
    p = _paper(
        "MoBE: Mixture of Binary Experts for Small Multimodal Models",
        "Mixture-of-experts models need much memory for their many experts. We propose MoBE, which trains "
        "binary experts next to the full-precision shared expert during up-cycling. With the same memory, MoBE "
        "beats a full-precision mixture-of-experts model on image question answering.",
    )
    techniques = set(link(p).doc.techniques)
    assert {"technique/expert-quantization", "technique/extreme-low-bit-quantization"} <= techniques, techniques


def test_outliers_kept_in_higher_precision_beside_low_bit_values_are_mixed_precision() -> None:
    p = _paper(
        "QuadServe: 4-Bit Weights and Activations for Chat Models",
        "We run most layers of chat models with 4-bit weights and activations. QuadServe quantizes all values "
        "to 4 bits while keeping a small set of outlier channels in higher precision, and ships fused kernels "
        "that are twice as fast as 16-bit inference.",
    )
    assert "technique/mixed-precision-quantization" in link(p).doc.techniques, link(p).doc.techniques


def test_codebook_quantization_of_weights_is_weight_only_quantization() -> None:
    p = _paper(
        "BookLM: Learnable Codebooks for Compressing Language Models",
        "Language models are too large for many devices. We propose BookLM, which groups similar weights and "
        "replaces each group by an index into learnable codebooks trained jointly with the index maps. A 7B "
        "model shrinks to 2 GB with little loss in perplexity.",
    )
    assert "technique/weight-only-quantization" in link(p).doc.techniques, link(p).doc.techniques


def test_a_released_family_of_networks_studies_network_design_beside_the_search_that_found_it() -> None:
    family = _paper(
        "QuickNet: Searching Faster Convolutional Networks",
        "We present QuickNet, a new family of convolutional networks found by neural architecture search with "
        "a latency-aware objective. QuickNet models are 3x faster than earlier searched models at the same "
        "ImageNet accuracy.",
    )
    search_only = _paper(
        "QuickSearch: Cheaper Differentiable Architecture Search",
        "Differentiable neural architecture search needs much GPU memory. We present QuickSearch, which samples "
        "a fraction of the channels of the supernet at each step, and finds cells of the same accuracy on "
        "CIFAR-10 in a tenth of the search time.",
    )
    assert {"technique/neural-architecture-search", "technique/efficient-network-design"} <= set(
        _doc(family).techniques), _doc(family).techniques
    assert "technique/efficient-network-design" not in _doc(search_only).techniques, _doc(search_only).techniques


def test_long_term_memory_for_a_language_model_without_agents_or_users_is_a_memory_augmented_model() -> None:
    p = _paper(
        "RecallLM: Giving Language Models a Long-Term Memory",
        "Language models forget text beyond their context window. We present RecallLM, which stores past "
        "hidden states in a long-term memory and reads them back through a small retrieval network. "
        "RecallLM answers questions about whole books better than models without long-term memory.",
    )
    doc = _doc(p)
    assert not doc.in_scope and doc.topic == "topic/memory-augmented-models", (doc.in_scope, doc.topic)


def test_a_code_model_release_that_says_nothing_of_the_speed_of_its_code_is_not_about_code_efficiency() -> None:
    release = _paper(
        "CodeOwl: Open Code LLMs for Many Languages",
        "We release CodeOwl, a set of open code LLMs from 1B to 20B parameters trained on 90 programming "
        "languages. CodeOwl models lead open models on code generation, code repair and code explanation.",
    )
    speed = _paper(
        "FastCoder: Teaching Code LLMs to Write Faster Programs",
        "Code LLMs write correct programs that run slowly. We train FastCoder on pairs of slow and fast "
        "solutions, and its generated code has half the execution time of the code of earlier code LLMs.",
    )
    assert (_doc(release).in_scope, _doc(release).topic) == (False, "topic/other")
    assert (_doc(speed).in_scope, _doc(speed).topic) == (False, "topic/code-efficiency")


def test_a_generic_dataset_gives_way_to_its_split_but_not_to_a_dataset_of_its_own() -> None:
    split = _paper(
        "VidLite: Cheaper Video Recognition",
        "We present VidLite, a video recognition network. On Kinetics, VidLite reaches 80% top-1 accuracy on "
        "Kinetics-600 with a third of the FLOPs of earlier networks.",
    )
    superset = _paper(
        "WideLite: Cheaper Image Classifiers",
        "We present WideLite, an image classification network. Pre-trained on ImageNet-21k and fine-tuned on "
        "ImageNet, WideLite matches larger networks on ImageNet with half their FLOPs.",
    )
    harder = _paper(
        "SmallTalk: A 1B Language Model That Reasons",
        "We train SmallTalk, a 1B language model. SmallTalk scores 55% on MMLU and 30% on MMLU-Pro, close to "
        "models three times its size.",
    )
    assert {"dataset/kinetics-600"} == set(link(split).datasets), link(split).datasets
    assert {"dataset/imagenet", "dataset/imagenet-21k"} <= set(link(superset).datasets), link(superset).datasets
    assert {"dataset/mmlu", "dataset/mmlu-pro"} <= set(link(harder).datasets), link(harder).datasets
