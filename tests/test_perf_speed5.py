"""Records the mapper builds without validating them (for speed) equal their validated forms on every seed
paper; the evidence of a fact is validated as before where its values are not the plain ones."""

from __future__ import annotations

import pydantic
import pytest

import ontology
from kg.records import Evidence, Relation
from loaders.mapping.corpus import load_seed_papers
from loaders.mapping.mapper import link_paper, map_paper
from tests.graphdata import assert_built_as_validated, written_paper


@pytest.fixture(scope="module")
def seed_mappings() -> list:  # type: ignore[type-arg]
    onto = ontology.load()
    return [map_paper(p, onto) for p in load_seed_papers()]


def test_relations_and_evidence_of_the_seed_papers_equal_their_validated_form(seed_mappings: list) -> None:  # type: ignore[type-arg]
    relations = [r for m in seed_mappings for r in m.relations]
    assert_built_as_validated(relations, Relation)
    evidence = [r.evidence for r in relations] + [r.evidence for m in seed_mappings for r in m.results]
    assert_built_as_validated(evidence, Evidence)


def test_evidence_with_other_values_is_validated() -> None:
    doc = link_paper(written_paper("FooKV: Smaller Caches", "We propose FooKV. It halves the KV cache."), None)
    whole = doc.evidence(1, extractor="x", version="1", confidence=1)  # an int: validated into a float
    assert type(whole.confidence) is float and whole == Evidence(**whole.model_dump())
    with pytest.raises(pydantic.ValidationError):
        doc.evidence(1, extractor="x", version="1", confidence=1.5)
    with pytest.raises(pydantic.ValidationError):
        doc.evidence(1, extractor="x", version="1", confidence=float("nan"))
