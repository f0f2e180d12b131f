"""Method names the abstract gives to other people's work (stop 19).

- "a recent variant of X called Foo showed ..." / "it was recently reported that a design called Foo ...": a
  name given in a sentence reporting earlier work, with no word of the authors' own, is not a proposed method;
- the same phrasing in the authors' own sentence still names their method.

Each abstract is written for its test, not copied from a seed paper.
"""

from __future__ import annotations

import ontology
from kg.records import Mapping, RelType
from loaders.mapping.mapper import map_paper
from tests.graphdata import written_paper


def _map(title: str, abstract: str) -> Mapping:
    return map_paper(written_paper(title, abstract), ontology.load())


def _proposed(m: Mapping) -> set[str]:
    return {r.target for r in m.relations if r.type is RelType.PROPOSES}


def test_a_recent_variant_called_by_name_is_earlier_work() -> None:
    m = _map("Leaner Recurrent Kernels for Sequence Models",
             "Recurrent kernels are slow on long inputs. A recent variant of the gated kernel called QuillNet showed "
             "that a banded state keeps accuracy. We propose RibbonKernel, a banded recurrent kernel that halves memory.")
    got = _proposed(m)
    assert "method/ribbonkernel" in got
    assert "method/quillnet" not in got


def test_a_design_reported_earlier_is_not_proposed() -> None:
    m = _map("Compact Audio Separation Networks",
             "It was previously reported that a dense architecture named TarnNet was successfully used for audio "
             "separation. To shrink it, we introduce FernSep, a small recurrent separator.")
    got = _proposed(m)
    assert "method/fernsep" in got
    assert "method/tarnnet" not in got


def test_the_authors_own_called_name_still_counts() -> None:
    m = _map("Recent Ideas for Sparse Attention",
             "Recent work prunes attention heads. We present a recent-memory method called GlintAttn that keeps "
             "only the newest keys.")
    assert "method/glintattn" in _proposed(m)


def test_a_called_name_in_a_plain_sentence_still_counts() -> None:
    m = _map("Frugal Training for Small Devices",
             "A training scheme called PebbleTrain cuts activation memory by a third on phones.")
    assert "method/pebbletrain" in _proposed(m)


def test_a_quoted_capitalised_word_after_introduce_is_a_coined_name() -> None:
    m = _map("PlainAdapter: Cheap Adapters for Small Encoders",
             "We study PlainAdapter, a pruned adapter. Based on this, we introduce a simple yet useful setting "
             "``Wide-Thin'' that widens adapters under the same budget, and a variant \u201cNarrowKeep\u201d for tiny encoders.")
    got = _proposed(m)
    assert "method/wide-thin" in got


def test_a_quoted_lowercase_term_is_not_a_name() -> None:
    m = _map("Shared Steps for Fast Sampling",
             "We introduce a change called \"step sharing\" that reuses noise across steps, and we present the "
             "\"Slow Path Memory\" idea for long videos.")
    got = _proposed(m)
    assert "method/step-sharing" not in got
    assert "method/slow-path-memory" not in got


def test_a_whole_title_spelled_out_by_a_lowercase_acronym_names_the_method() -> None:
    m = _map("Towards Braided Expert Lattices",
             "We introduce and train braided expert lattices (BEL) in speech and text. BELs route each token "
             "through a few of many small modules, and BEL halves the compute of a dense model.")
    assert "method/bel" in _proposed(m)


def test_a_field_acronym_the_title_spells_out_is_not_a_method() -> None:
    m = _map("Towards Large Language Models",
             "We survey large language models (LLMs) and how they are served on small devices.")
    assert not _proposed(m)


def test_a_commercial_device_the_title_names_is_hardware_not_a_method() -> None:
    m = _map("Cerebras WSE-3: Serving Trillion-Parameter Models from One Wafer",
             "We present how the Cerebras WSE-3 wafer-scale chip serves large language models with all weights held "
             "in on-chip SRAM, and we introduce StreamShard, a weight-streaming scheme that cuts decode latency 4x.")
    got = _proposed(m)
    assert "method/streamshard" in got, got
    assert not {p for p in got if "wse" in p}, got
    assert "hardware/cerebras-wse-3" in {r.target for r in m.relations}
