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


_NOT_ASCII = [
    "Llama\u20112 \u00d7 7B on caf\u00e9 GPUs: Qwen2.5 \u2013 \u00c9Llama, \u00e9Mistral-7B, \u00b2Llama, 3\u00b2Phi-3, na\u00efve-BERT.",
    "\u03b1ViT-B/16 and \u0661Gemma-2B beat \u00fcberT5-small; GPT\u20114o (\u2248 8\u00d7A100), Mixtral-8x7B \u2192 LLaMA-2 7B.",
    "A \u212aLlama and an \u0130BERT with \u017fegment anything: letters that fold onto ASCII ones, Llama-3 8B.",
]


def _every_word(text: str, low: str | None, start: int, stop: int):  # type: ignore[no-untyped-def]
    from loaders.mapping import models

    return (m.start() for m in models._WORD.finditer(text, start, stop))


def test_models_of_texts_not_ascii_are_those_every_word_finds(monkeypatch: pytest.MonkeyPatch) -> None:
    """find_models reads the candidate words of a text that is not ASCII in its lowercase form (where no letter
    folds onto an ASCII one): the models found are those that trying every word finds."""
    from loaders.mapping import models

    texts = _NOT_ASCII + [p.text for p in load_seed_papers() if not p.text.isascii()]
    fast = [list(models.find_models(t)) for t in texts]
    monkeypatch.setattr(models, "_opening_words", _every_word)
    assert fast == [list(models.find_models(t)) for t in texts]
    assert any(fast[: len(_NOT_ASCII)])


def test_opening_words_of_text_not_ascii_are_among_the_word_loop_s() -> None:
    from loaders.mapping import models

    for text in _NOT_ASCII:
        low = models._words_lowered(text)
        if low is None:  # (a letter that folds onto an ASCII one: every word is tried)
            assert text is _NOT_ASCII[-1]
            continue
        for start, stop in [(k, len(text)) for k in range(len(text))] + [(0, len(text) // 2), (len(text) // 3, len(text) - 2)]:
            assert set(models._opening_words(text, low, start, stop)) <= set(models._opening_words(text, None, start, stop))
