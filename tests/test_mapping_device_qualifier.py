"""A RUNS_ON edge says how many devices a paper used and how much memory each had (issue 4, stop 17).

Each abstract is written for its test, not copied from a seed paper.
"""

from __future__ import annotations

import ontology
from kg.records import RelType
from loaders.mapping.mapper import map_paper
from tests.graphdata import written_paper as _paper


def _runs_on(abstract: str) -> dict[str, str]:
    m = map_paper(_paper("FastTune: Fine-Tuning Large Models Quickly", abstract), ontology.load())
    return {r.target: r.qualifier for r in m.relations if r.type is RelType.RUNS_ON}


def test_count_and_memory_of_each_device_are_both_kept() -> None:
    found = _runs_on("We fine-tune a 70B model with LoRA on 8 A100-80GB GPUs in one day, and a 7B model on a single "
                     "RTX 3090.")
    assert found == {"hardware/nvidia-a100": "8x80GB", "hardware/nvidia-rtx-3090": "1"}, found


def test_a_device_with_neither_count_nor_memory_has_no_qualifier() -> None:
    found = _runs_on("We fine-tune a 7B model with LoRA and measure its speed on an NVIDIA H100.")
    assert found == {"hardware/nvidia-h100": ""}, found
