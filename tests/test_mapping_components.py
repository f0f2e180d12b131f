"""Components are names of a proposed method's parts (issue 4): small texts written for these tests.

A part is named by a coined token, Title-Case words or the title's wording; a plain description of what
the method does ("an X scheme", a long run of plain words, a heading in a list of gains) is not a part.
"""

from __future__ import annotations

import ontology
from kg.records import Mapping
from loaders.mapping import map_paper
from ontology.vocab import RelType
from tests.graphdata import written_paper as _paper


def _parts(m: Mapping) -> set[str]:
    return {r.target for r in m.relations if r.type is RelType.HAS_COMPONENT}


def _methods(m: Mapping) -> set[str]:
    return {r.target for r in m.relations if r.type is RelType.PROPOSES}


def test_an_indefinite_plain_scheme_is_a_description_not_a_part(onto: ontology.Ontology) -> None:
    p = _paper(
        "RiverLM: Serving Language Models from a Small Board",
        "We present RiverLM, a serving engine for small boards. We propose a lazy weight paging scheme to hide "
        "storage latency. Then we introduce the Tide Buffer technique that keeps hot rows resident. We also "
        "propose a token bucket balancing variant that evens out bursts.",
    )
    parts = _parts(map_paper(p, onto))
    assert "method/tide-buffer" in parts
    assert not any("paging" in t or "balancing" in t for t in parts), parts


def test_a_coined_token_or_the_title_wording_keeps_a_part(onto: ontology.Ontology) -> None:
    p = _paper(
        "GridViT: Vision Transformers with Striped Window Attention",
        "We introduce GridViT, a vision backbone for phones. We present a striped window attention module that "
        "splits heads over bands of the image. We further develop a fused Q8Mix kernel for the matrix products.",
    )
    parts = _parts(map_paper(p, onto))
    assert "method/striped-window-attention" in parts


def test_a_phrase_running_on_to_a_generic_head_is_not_cut_at_a_part_noun(onto: ontology.Ontology) -> None:
    p = _paper(
        "MeldKV: Merging Cache Entries for Long Inputs",
        "We propose MeldKV, a KV cache merging approach for long inputs. Next, we propose a Laplace kernel "
        "scored merging algorithm to fold similar states together. MeldKV halves the cache.",
    )
    parts = _parts(map_paper(p, onto))
    assert not any("laplace" in t for t in parts), parts


def test_a_long_run_of_plain_words_is_a_description(onto: ontology.Ontology) -> None:
    p = _paper(
        "ReedNet: Compact Vision State Space Models",
        "We introduce ReedNet, a compact vision backbone. Additionally, we propose cross-level hidden token "
        "blending to strengthen the states. We also propose staged quantization that first reads high bits.",
    )
    parts = _parts(map_paper(p, onto))
    assert "method/staged-quantization" in parts
    assert not any("blending" in t for t in parts), parts


def test_headings_of_a_list_of_gains_are_not_parts(onto: ontology.Ontology) -> None:
    p = _paper(
        "PebbleOpt: Light Optimizer States for Pre-training",
        "We propose PebbleOpt, an optimizer with a tiny state. The savings bring three benefits: "
        "(1) Larger Batches: twice the batch on one node. (2) Better Model Reach: a 13B model on plain data "
        "parallelism. (3) Cheap Card Training: a 7B model on one small GPU.",
    )
    parts = _parts(map_paper(p, onto))
    assert not any(t in ("method/better-model-reach", "method/cheap-card-training") for t in parts), parts


def test_an_existing_method_put_into_an_integration_is_not_a_part(onto: ontology.Ontology) -> None:
    p = _paper(
        "NanoSearch: Latency-Aware Search for Wearables",
        "We introduce NanoSearch, a search system integration of DARTS, Energy Cost Tables and a new search space "
        "for wearable sensors.",
    )
    parts = _parts(map_paper(p, onto))
    assert "method/energy-cost-tables" in parts
    assert "method/darts" not in parts


def test_two_coordinated_coinages_are_both_proposed_and_neither_is_a_part(onto: ontology.Ontology) -> None:
    p = _paper(
        "Tiny-Batch Training with Group Scaling and Kernel Centering",
        "Batch Normalization (BN) fails with tiny batches. We propose Kernel Centering (KC) and Group Channel "
        "Scaling (GCS) to restore two benefits of BN. KC centres the kernels; GCS rescales channels.",
    )
    m = map_paper(p, onto)
    assert {"method/kc", "method/gcs"} <= _methods(m)
    assert "method/gcs" not in _parts(m)


def test_the_methods_own_algorithm_named_after_it_is_a_part(onto: ontology.Ontology) -> None:
    p = _paper(
        "Ridge Attention: Regression Views of Attention",
        "In this work we propose Ridge Attention (RA), an attention mechanism derived from ridge regression. "
        "We then introduce TurboRA, a blockwise, hardware-aware algorithm that computes it in parallel. "
        "RA beats linear attention on recall.",
    )
    m = map_paper(p, onto)
    assert "method/turbora" in _parts(m)
    assert "method/turbora" not in _methods(m)


def test_a_named_suffix_variant_stays_a_method(onto: ontology.Ontology) -> None:
    p = _paper(
        "SPARROW: Small-State Optimizers",
        "We propose SPARROW, an optimizer with a compressed state. Its rank-1 variant, SPARROW-Lite, "
        "needs even less memory.",
    )
    m = map_paper(p, onto)
    assert "method/sparrow-lite" in _methods(m)


def test_an_extension_named_by_its_word_is_a_part(onto: ontology.Ontology) -> None:
    p = _paper(
        "TileAttn: IO-Aware Exact Attention",
        "We propose TileAttn, an exact attention algorithm that tiles work between memory levels. We also extend "
        "TileAttn to banded-sparse attention. TileAttn and banded-sparse TileAttn train models faster.",
    )
    assert "method/banded-sparse-tileattn" in _parts(map_paper(p, onto))


def test_a_part_whose_words_name_a_topic_is_still_a_part_of_the_proposal(onto: ontology.Ontology) -> None:
    p = _paper(
        "Step Keeper (SK): Structured Task State for LLM Agents",
        "LLM agents lose track of long tasks. In this work, we propose the Step Keeper (SK), a small structured "
        "module that follows task progress using a hierarchical Task Memory Tree (TMT). Each node stores one step. "
        "Code is at https://github.com/example/SK-Agent.",
    )
    m = map_paper(p, onto)
    assert "method/tmt" in _parts(m)
    assert "method/sk-agent" not in _methods(m)  # a repository's name in a code link is no variant


def test_a_coined_basic_unit_is_a_part(onto: ontology.Ontology) -> None:
    p = _paper(
        "LoreOS: A Memory System for Assistants",
        "Assistants forget what users told them. We propose LoreOS, a memory system that treats memory as a "
        "resource. As the basic unit, a LoreBox wraps content with its metadata. LoreBoxes can be merged over time.",
    )
    assert "method/lorebox" in _parts(map_paper(p, onto))
