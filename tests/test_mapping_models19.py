"""Models a paper evaluates, stop 19: where the field's history is recalled, no model is evaluated."""

from __future__ import annotations

import ontology
from loaders.mapping.mapper import map_paper
from tests.graphdata import written_paper


def _models(title: str, abstract: str) -> set[str]:
    m = map_paper(written_paper(title, abstract), ontology.load())
    # (a catalog model is an ontology node already: the paper links it by an EVALUATED_ON edge)
    return {r.target for r in m.relations if r.type == "EVALUATED_ON" and r.target.startswith("model/")}


def test_a_model_named_only_in_the_fields_history_is_not_evaluated() -> None:
    found = _models("Pruned Kernels for Small Vision Networks",
                    "Ever since VGG-16 changed image recognition in 2014, networks have grown deeper. We prune "
                    "the kernels of ResNet-50 and keep its accuracy with half the multiply-adds.")
    assert "model/resnet-50" in found
    assert not {m for m in found if m.startswith("model/vgg")}, found


def test_a_model_of_the_fields_history_that_the_paper_also_runs_stays() -> None:
    found = _models("Pruned Kernels for Small Vision Networks",
                    "Ever since VGG-16 changed image recognition in 2014, networks have grown deeper. We prune "
                    "the kernels of VGG-16 and keep its accuracy with half the multiply-adds.")
    assert "model/vgg-16" in found


def test_a_year_in_a_sentence_of_the_papers_own_work_keeps_its_models() -> None:
    found = _models("Pruned Kernels for Small Vision Networks",
                    "We prune 60% of the convolution kernels of ResNet-50, the winner of a 2015 contest, "
                    "with structured pruning, cutting its FLOPs by half at under 1% accuracy loss.")
    assert "model/resnet-50" in found
