"""Method and part names at the edges of the grammar (issue 4, stop 18).

- an acronym whose digit stands for a word ("Sparse to Dense (S2D)") is defined like any other;
- "called <long form> (ACR)" names the method by its acronym, whatever small words the long form holds;
- "our proposed estimators" is the paper's own plain noun, not a named part;
- a challenge or competition the method won is no part of it.

Each abstract is written for its test, not copied from a seed paper.
"""

from __future__ import annotations

import ontology
from kg.records import Mapping, RelType
from loaders.mapping.mapper import map_paper
from loaders.mapping.text import find_acronyms, split_sentences
from tests.graphdata import written_paper


def _map(title: str, abstract: str) -> Mapping:
    return map_paper(written_paper(title, abstract), ontology.load())


def _proposed(m: Mapping) -> set[str]:
    return {r.target for r in m.relations if r.type is RelType.PROPOSES}


def _parts(m: Mapping) -> set[str]:
    return {r.target for r in m.relations if r.type is RelType.HAS_COMPONENT}


def test_a_digit_standing_for_to_or_for_still_defines_the_acronym() -> None:
    t = "We map Sparse to Dense (S2D) features, and tune Ready for Edge (R4E) models."
    got = {(a.short, a.long) for a in find_acronyms(t, split_sentences(t, title_end=0))}
    assert got == {("S2D", "Sparse to Dense"), ("R4E", "Ready for Edge")}


def test_a_digit_without_its_word_defines_nothing() -> None:
    t = "We map Sparse Dense Data (S2D) features."
    assert find_acronyms(t, split_sentences(t, title_end=0)) == ()


def test_a_method_called_by_a_long_form_with_small_words_is_named_by_its_acronym() -> None:
    m = _map("Cheap Tuning of Vision Backbones",
             "Fine-tuning a large backbone keeps many activations in memory. To this end, we propose a tuning "
             "framework, called Sparse to Dense (S2D), that stores sparse activations during fine-tuning. S2D "
             "needs four times less memory than full tuning.")
    assert "method/s2d" in _proposed(m)
    assert "method/sparse" not in _proposed(m)


def test_our_proposed_plain_noun_is_no_named_part() -> None:
    m = _map("PAT: Cheap Tuning of Vision Backbones",
             "We present PAT, a tuning framework for vision backbones. Our proposed estimators lower the variance "
             "of the sampled gradients. Our proposed merging keeps the adapters small. PAT saves memory on ViT-B.")
    assert "method/pat" in _proposed(m)
    assert not {p for p in _parts(m) if "proposed" in p}


def test_a_won_challenge_is_no_part_of_the_method() -> None:
    m = _map("OFA-Lite: One Network for Many Phones",
             "We train one network that holds many sub-networks for phones. OFA-Lite is the winning entry of the "
             "Low Power Image Recognition Challenge (LPIRC) and of its next edition. It cuts search cost tenfold.")
    assert "method/ofa-lite" in _proposed(m)
    assert "method/lpirc" not in _parts(m)
