"""Hardware classes read from what the paper runs on or targets (issue q, stop 18).

Each abstract is written for its test, not copied from a seed paper.
"""

from __future__ import annotations

import ontology
from kg.records import Mapping
from loaders.mapping import map_paper
from ontology.vocab import RelType
from tests.graphdata import written_paper as _paper

GPU = "hwclass/gpu"


def _map(title: str, abstract: str, onto: ontology.Ontology) -> Mapping:
    return map_paper(_paper(title, abstract), onto)


def _targets(m: Mapping) -> set[str]:
    return {r.target for r in m.relations if r.type is RelType.TARGETS and r.source == m.paper_id}


def _studies(m: Mapping) -> set[str]:
    return {r.target for r in m.relations if r.type is RelType.STUDIES and r.source == m.paper_id}


def test_an_io_aware_attention_kernel_runs_on_the_gpu_it_names_in_passing(onto: ontology.Ontology) -> None:
    m = _map(
        "TileSoft: Tiled Exact Attention for Protein Models",
        "Attention over long protein chains is slow. We introduce TileSoft, an IO-aware exact attention algorithm "
        "that borrows the tiling of GPU-friendly FlashAttention to keep attention blocks in fast on-chip memory. "
        "TileSoft trains protein models on chains of thousands of residues.",
        onto,
    )
    assert "technique/io-aware-attention" in _studies(m)
    assert GPU in _targets(m)


def test_a_gpu_named_in_passing_is_no_target_of_other_work(onto: ontology.Ontology) -> None:
    m = _map(
        "PruneText: Pruning Sentence Encoders",
        "Sentence encoders are large. We present PruneText, which removes 40% of the attention heads of a sentence "
        "encoder by structured pruning; the pruned encoder stays GPU-friendly. PruneText keeps 99% of the accuracy "
        "on retrieval benchmarks.",
        onto,
    )
    assert GPU not in _targets(m)


def test_edge_devices_named_only_as_the_problem_and_the_hope_are_not_targeted(onto: ontology.Ontology) -> None:
    problem = ("Mixture-of-experts vision-language models are accurate, but their many experts pose serious "
               "challenges for deployment on edge devices. ")
    work = ("We present TriExpert, which trains the experts of such a model with ternary weights from a dense "
            "checkpoint. TriExpert matches the full-precision model at a fifth of its expert memory")
    hope = ", showing its potential for memory-constrained devices."
    assert "hwclass/edge-device" not in _targets(_map("TriExpert: Ternary Experts", problem + work + hope, onto))
    # the same class named as what the method is built for stays
    built_for = work.replace("dense checkpoint.", "dense checkpoint, for inference on edge devices.")
    assert "hwclass/edge-device" in _targets(_map("TriExpert: Ternary Experts", problem + built_for + hope, onto))


def test_devices_named_only_where_models_face_challenges_are_not_targeted(onto: ontology.Ontology) -> None:
    m = _map(
        "ShiftNet: Multiplication-Free Language Models",
        "Language models face challenges when deployed on resource-constrained devices because of their size and "
        "their dense multiplications. We replace each multiplication of a pretrained model by shifts and additions "
        "after training, and call the result ShiftNet. ShiftNet cuts latency by 40% at a small loss in perplexity.",
        onto,
    )
    assert "hwclass/edge-device" not in _targets(m)


def test_a_comparison_made_on_a_device_names_where_the_paper_runs(onto: ontology.Ontology) -> None:
    on_cpu = _map(
        "StreamLoad: Loading Language Model Weights on Demand",
        "We present StreamLoad, which keeps a language model's weights on disk and loads only the rows each token "
        "needs. StreamLoad decodes 3x faster than loading the whole model in CPU memory, and 5x faster compared to "
        "plain on-demand loading on CPU.",
        onto,
    )
    assert "hwclass/cpu" in _targets(on_cpu)
    against_cpu = _map(
        "StreamLoad: Loading Language Model Weights on Demand",
        "We present StreamLoad, which keeps a language model's weights on disk and loads only the rows each token "
        "needs. On a GPU StreamLoad decodes 5x faster than a server CPU.",
        onto,
    )
    assert "hwclass/cpu" not in _targets(against_cpu)


def test_a_gpu_as_the_unit_of_a_saving_is_not_targeted(onto: ontology.Ontology) -> None:
    m = _map(
        "ShortSeq: Subsampled Token Sequences for Language Models",
        "We present ShortSeq, a language model architecture that drops and later restores tokens in its middle "
        "layers. ShortSeq trains 20% faster than a dense model and saves 8GB of memory per GPU, and it decodes "
        "30% faster while saving 1GB per GPU.",
        onto,
    )
    assert GPU not in _targets(m)


def test_chip_area_and_synthesis_results_name_an_asic_design(onto: ontology.Ontology) -> None:
    m = _map(
        "Cheaper Adders for Matrix Units",
        "Matrix units for neural network training spend much of their energy in floating-point adders. We propose "
        "an adder that skips a rounding step which rarely changes the result. Logic synthesis results show that "
        "the new adder lowers area and power by 15% and 11%, with no loss in the accuracy of trained models.",
        onto,
    )
    assert "hwclass/asic" in _targets(m)


def test_area_of_an_fpga_design_is_no_asic(onto: ontology.Ontology) -> None:
    m = _map(
        "TinyConv: A Convolution Engine on FPGA",
        "We present TinyConv, an FPGA accelerator for depthwise convolutions. Implemented on a Xilinx ZCU102 "
        "board, TinyConv reaches 2x the throughput of earlier FPGA designs at lower area overhead.",
        onto,
    )
    assert "hwclass/fpga" in _targets(m)
    assert "hwclass/asic" not in _targets(m)


def test_cpu_minutes_are_a_cost_unit(onto: ontology.Ontology) -> None:
    m = _map(
        "RecipeNAS: Searching Architectures and Training Recipes Together",
        "We train an accuracy predictor for pairs of network architectures and training recipes. With the "
        "predictor, an evolutionary search finishes in a few CPU minutes and yields a family of efficient networks "
        "for mobile budgets that beat earlier searched networks on ImageNet.",
        onto,
    )
    assert "hwclass/cpu" not in _targets(m)


def test_the_device_class_the_contribution_is_built_for_is_targeted(onto: ontology.Ontology) -> None:
    built_for = _map(
        "FedSlim: Pruning in Federated Learning",
        "Pruning makes networks small, but pruning itself is costly. We propose FedSlim, a federated pruning "
        "framework that grows small sparse models for memory- and energy-constrained devices. FedSlim improves "
        "accuracy by 2% over earlier federated pruning at a tenth of the cost.",
        onto,
    )
    assert "hwclass/edge-device" in _targets(built_for)
    said_elsewhere = _map(
        "FedSlim: Pruning in Federated Learning",
        "Pruning makes networks small, but pruning itself is costly for memory- and energy-constrained devices. "
        "We propose FedSlim, a federated pruning framework that grows small sparse models. FedSlim improves "
        "accuracy by 2% over earlier federated pruning at a tenth of the cost.",
        onto,
    )
    assert "hwclass/edge-device" not in _targets(said_elsewhere)


def test_edge_devices_named_where_a_step_is_said_to_be_expensive_are_not_targeted(onto: ontology.Ontology) -> None:
    m = _map(
        "DraftKV: Predicting the Cache to Cut Time to First Token",
        "Before a language model writes its first token it must process the whole prompt. This step can be very "
        "expensive, taking many seconds for large models on edge devices when prompts grow long. We introduce "
        "DraftKV, in which a small auxiliary model reads the prompt and predicts the key-value cache of the base "
        "model. DraftKV cuts time to first token by half on an Apple M2 Pro CPU.",
        onto,
    )
    assert "hwclass/cpu" in _targets(m)
    assert "hwclass/edge-device" not in _targets(m)
