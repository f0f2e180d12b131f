"""Models the catalog does not know get the architecture their names say (issue 4, stop 17).

Each abstract is written for its test, not copied from a seed paper.
"""

from __future__ import annotations

import ontology
from kg.records import NodeLabel
from loaders.mapping.mapper import map_paper
from tests.graphdata import written_paper as _paper


def _models(title: str, abstract: str) -> dict[str, object]:
    m = map_paper(_paper(title, abstract), ontology.load())
    return {e.id: e.props.get("architecture") for e in m.entities if e.label is NodeLabel.MODEL}


def test_a_coined_mamba_name_is_a_state_space_model() -> None:
    found = _models(
        "Distilling Transformers into Recurrent State Space Models",
        "We distill a pretrained transformer into Vamba-1B and Vamba-3B, two selective state space models, with a "
        "three-stage recipe. Vamba-3B keeps most of the teacher's accuracy and decodes with constant memory.",
    )
    assert found.get("model/vamba-1b") == "ssm" and found.get("model/vamba-3b") == "ssm", found


def test_a_coined_name_with_no_architecture_word_stays_a_transformer() -> None:
    found = _models(
        "Compact Chat Models for Phones",
        "We train Pocketa-2B, a chat model small enough for phones, with distillation and 4-bit weights. Pocketa-2B "
        "answers as well as models twice its size.",
    )
    assert found.get("model/pocketa-2b") == "transformer", found


def _names(title: str, abstract: str) -> dict[str, str]:
    m = map_paper(_paper(title, abstract), ontology.load())
    return {e.id: e.name for e in m.entities if e.label is NodeLabel.MODEL}


def test_a_coined_sized_name_is_named_as_written_not_with_its_size_twice() -> None:
    found = _names(
        "Distilling Transformers into Recurrent State Space Models",
        "We distill a pretrained transformer into Vamba-1B and Vamba-3B, two selective state space models. "
        "Vamba-3B keeps most of the teacher's accuracy and decodes with constant memory.",
    )
    assert found.get("model/vamba-1b") == "Vamba-1B" and found.get("model/vamba-3b") == "Vamba-3B", found


def test_a_catalog_model_keeps_its_canonical_name() -> None:
    # (catalog models are nodes of the ontology's catalog, not entities of a mapping: the name comes from the grammar)
    from loaders.mapping.models import parse_model_name

    assert parse_model_name("Llama-2-7B").name == "Llama 2 7B"
    assert parse_model_name("Mamba-2.8B").name == "Mamba 2.8B"
