"""The linker's shortcuts for speed give what the plain forms give (made-up text)."""

from __future__ import annotations

import pytest

from kg.records import Paper
from loaders.mapping import linker, methods
from loaders.mapping.doc import LinkedMention
from loaders.mapping.linker import link
from loaders.mapping.text import Gated
from tests.graphdata import assert_built_as_validated, written_paper

_TITLE = "QuuxKV: Smaller Key-Value Caches for Long Prompts on Edge GPUs"
_ABSTRACT = ("We propose QuuxKV, a method that quantizes the KV cache to 2 bits and prunes stale tokens. "
             "On Llama-2-7B it keeps LongBench scores on one A100 GPU and cuts memory by 4x compared to H2O.")


def test_linked_mentions_equal_their_validated_form() -> None:
    mentions = link(written_paper(_TITLE, _ABSTRACT), None).doc.mentions
    assert len(mentions) > 5
    assert_built_as_validated(mentions, LinkedMention)


# a second made-up paper: a comparison, a negation, a further contribution and a list of parts, so that some
# sentence patterns are asked of its sentences and others skipped for the whole paper
_TITLE2 = "ZapNet: Faster Sparse Attention for Long Documents"
_ABSTRACT2 = ("Existing sparse attention methods are often costly to tune. We propose ZapNet, which introduces a "
              "novel Bucket Router and a Stripe Cache. Unlike block-sparse attention, ZapNet works without "
              "quantization and is orthogonal to pruning. We also release a benchmark, namely ZapBench. "
              "Experiments show that ZapNet is 3x faster than FlashAttention on A100 GPUs and reduces memory.")


def _papers() -> list[Paper]:
    return [written_paper(_TITLE, _ABSTRACT), written_paper(_TITLE2, _ABSTRACT2)]


@pytest.mark.parametrize("paper", _papers(), ids=["kv", "attention"])
def test_patterns_skipped_per_paper_change_nothing(paper: Paper, monkeypatch: pytest.MonkeyPatch) -> None:
    # (the linker and the method finder ask a word-gated pattern of no sentence of a paper that lacks its
    # words: with every gate open the linked document is the same)
    fast = link(paper, None)
    monkeypatch.setattr(Gated, "may_match", lambda self, text: True)
    slow = link(paper, None)
    assert fast.doc == slow.doc
    assert fast.technique_scores == slow.technique_scores and fast.topic_scores == slow.topic_scores
    assert fast.components == slow.components


def test_patterns_skipped_per_paper_are_gated_by_words() -> None:
    # (a test of its own may ask where a text starts, which says nothing of the sentences)
    gates = [linker._GENERAL, linker._PROBLEM, linker._RESULT, linker._NEGATED, linker._AGAINST, linker._COMPOSES,
             linker._FURTHER_CONTRIBUTION, linker._QUADRATIC_ATTENTION, methods._NEW_METRICS, *methods._PAPER_GATED]
    assert all(g._words for g in gates)
