"""Datasets the catalog does not know: named as the paper writes them, and not read from data words that
modify another noun (issue 4, stop 17). Each abstract is written for its test, not copied from a seed paper.
"""

from __future__ import annotations

import ontology
from kg.records import NodeLabel
from loaders.mapping.mapper import map_paper
from tests.graphdata import written_paper as _paper


def _datasets(title: str, abstract: str) -> dict[str, str]:
    m = map_paper(_paper(title, abstract), ontology.load())
    return {e.id: e.name for e in m.entities if e.label is NodeLabel.DATASET}


def test_a_coined_dataset_keeps_its_written_name() -> None:
    found = _datasets(
        "Compact Speech Recognisers for Call Centres",
        "We shrink a speech recogniser for call-centre audio with pruning and 8-bit weights. On two public "
        "datasets, namely Aishell-1 and CallHomeQX, the small model keeps its accuracy while running twice as fast.",
    )
    assert found.get("dataset/callhomeqx") == "CallHomeQX", found


def test_a_benchmark_the_paper_introduces_is_named_as_its_method_is() -> None:
    found = _datasets(
        "LatBench: A Benchmark for Serving Latency",
        "Serving systems are compared on latency in many ad hoc ways. We introduce LatBench, a benchmark of forty "
        "serving workloads with fixed arrival traces, and use it to compare quantized and pruned models on GPUs.",
    )
    assert found.get("dataset/latbench") == "LatBench", found


def test_dataset_properties_before_a_method_name_are_no_benchmark() -> None:
    found = _datasets(
        "When Is a Smaller Optimizer State Enough?",
        "Adam keeps two moments per weight, which costs memory. Our analysis shows how model width, learning rate "
        "and dataset properties shape the moments, naturally leading to LeanAdam, a memory-efficient Adam variant "
        "that keeps one moment per row where that is enough.",
    )
    assert "dataset/leanadam" not in found, found
