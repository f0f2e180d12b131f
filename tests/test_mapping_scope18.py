"""Scope readings of stop 18: papers that are about a model's cost although their words look like another subject.

Each abstract is written for its test, not copied from a seed paper.
"""

from __future__ import annotations

import ontology
from loaders.mapping import linker
from loaders.mapping.doc import LinkedDoc
from tests.graphdata import written_paper as _paper


def _doc(title: str, abstract: str) -> LinkedDoc:
    return linker.link(_paper(title, abstract), ontology.load()).doc


# -- a network design that states by how much it cuts a model's cost


def test_a_network_for_a_field_task_that_states_its_saving_is_in_scope() -> None:
    # the title's field word (optical flow) is topic/other; the stated saving makes it an efficient design
    doc = _doc(
        "Symmetric Graph Networks for Optical Flow on Meshes",
        "We study flow estimation on irregular meshes. Accuracy and symmetry pull in different directions. "
        "We propose MeshFlowNet, a graph network that respects rotations of the mesh. "
        "On three benchmarks MeshFlowNet matches the best published accuracy while using 45% less memory.",
    )
    assert doc.in_scope and doc.techniques == ("technique/efficient-network-design",), doc


def test_a_plainly_titled_architecture_with_fewer_parameters_is_in_scope() -> None:
    # "architectures" (plural) names a design too
    doc = _doc(
        "Plain Architectures Rival Deep Ones",
        "Large image classifiers keep growing. We propose PlainNet, a twelve-layer convolutional design built from "
        "a few rules. PlainNet matches much deeper classifiers on four image benchmarks with 3 to 20 times fewer "
        "parameters.",
    )
    assert doc.in_scope and doc.techniques == ("technique/efficient-network-design",), doc


def test_the_same_design_without_a_stated_saving_stays_out_of_scope() -> None:
    doc = _doc(
        "Plain Architectures Rival Deep Ones",
        "Large image classifiers keep growing. We propose PlainNet, a twelve-layer convolutional design built from "
        "a few rules. PlainNet matches much deeper classifiers on four image benchmarks.",
    )
    assert not doc.in_scope, doc


def test_a_saving_said_of_earlier_work_only_does_not_count() -> None:
    doc = _doc(
        "Plain Architectures Rival Deep Ones",
        "Existing methods reduce the memory footprint by 40% at a loss of accuracy. We propose PlainNet, a "
        "twelve-layer convolutional design built from a few rules. PlainNet matches much deeper classifiers on "
        "four image benchmarks.",
    )
    assert not doc.in_scope, doc


def test_a_stated_speedup_does_not_outweigh_an_adjacent_topic() -> None:
    # an index for nearest neighbor search is retrieval, however much faster it is
    doc = _doc(
        "Layered Graph Architectures for Approximate Nearest Neighbor Search",
        "Approximate nearest neighbor search over billions of vectors needs large indexes. We propose LayerIndex, "
        "a graph index for vector search that keeps hot nodes in memory. LayerIndex answers queries with "
        "3x lower latency than earlier indexes at equal recall.",
    )
    assert not doc.in_scope and doc.topic == "topic/retrieval-efficiency", doc


def test_a_title_naming_a_network_unit_presents_a_design() -> None:
    # a gated unit is a kind of layer: a design, like a block or a layer
    doc = _doc(
        "Folded Gated Unit",
        "Gated units in the feed-forward part of language models read two weight matrices. We introduce FoldGU, "
        "which draws gate and value from one matrix through learned masks. With a fused kernel FoldGU runs "
        "with 30% less memory than the usual gated unit at equal accuracy.",
    )
    assert doc.in_scope and "technique/efficient-network-design" in doc.techniques, doc


def test_a_processing_unit_is_hardware_not_a_network_design() -> None:
    assert not linker._DESIGN_TITLE.search("A Neural Processing Unit for Sparse Workloads")
    assert linker._DESIGN_TITLE.search("Folded Gated Unit")


def test_a_design_said_to_have_fewer_parameters_than_its_rivals_is_in_scope() -> None:
    # a saving stated without a number, as a comparison of the design's own cost with other designs
    doc = _doc(
        "A Convolutional Encoder-Decoder Architecture for Scene Segmentation",
        "We present DepthSeg, a fully convolutional architecture for pixel-wise scene segmentation. Its decoder "
        "reuses the encoder's pooling positions to upsample. DepthSeg was built to be efficient in terms of memory "
        "at inference, and it has far fewer trainable parameters than competing architectures.",
    )
    assert doc.in_scope and doc.techniques == ("technique/efficient-network-design",), doc


def test_comparisons_that_are_not_a_models_cost_are_no_saving() -> None:
    assert not linker._STATED_SAVING.found("It is efficient in terms of annotation effort and needs fewer labels than before.")
    assert linker._STATED_SAVING.found("It has fewer parameters than the baseline.")
