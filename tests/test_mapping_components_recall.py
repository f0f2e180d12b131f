"""Components on papers the rules were not written for (issue: recall of parts on dev2/dev3).

Each test is a small abstract written for it: one way abstracts name (or seem to name) the parts of
the method they propose.
"""

from __future__ import annotations

import ontology
from kg.ids import slug
from kg.records import Paper
from loaders.mapping import map_paper
from loaders.mapping.linker import link
from ontology.vocab import RelType
from tests.graphdata import written_paper as _paper


def _parts(p: Paper) -> set[str]:
    """The parts the linker reads, as method ids (the relation extractor adds parts of its own downstream)."""
    return {"method/" + slug(name) for name, _, _ in link(p).components}


# -- what is not a part


def test_a_word_of_the_methods_own_long_form_is_not_a_part() -> None:
    p = _paper(
        "KITE: Keeping Idle Tensors Evicted",
        "Serving engines hold many tensors they no longer need. We propose a new algorithm called KEeping Idle "
        "Tensors Evicted (KITE) that frees them early. KITE halves peak memory on two GPUs.",
    )
    parts = _parts(p)
    assert not any("keeping" in t for t in parts), parts


def test_an_evaluation_named_by_an_acronym_is_not_a_part() -> None:
    p = _paper(
        "TinyTutor Technical Report",
        "We present TinyTutor, a small tutoring model for phones. TinyTutor beats its base model on the Korean "
        "school evaluation (KSEval) and on a dialogue politeness evaluation (PoliteEval).",
    )
    parts = _parts(p)
    assert not parts & {"method/kseval", "method/politeeval"}, parts


def test_the_singular_of_a_plural_method_name_is_the_method() -> None:
    p = _paper(
        "FLNets: Folded Linear Networks for Small Devices",
        "We introduce the family of folded linear networks (FLNet) that reuse one weight block across layers. "
        "FLNets match larger models with a tenth of the parameters.",
    )
    parts = _parts(p)
    assert "method/flnet" not in parts, parts


def test_an_idea_the_method_makes_use_of_is_not_a_part() -> None:
    p = _paper(
        "Weaver: Associative Recall with Few Neurons",
        "We describe Weaver, an associative memory model that differs from deep networks in its use of "
        "binary hashed codes (BHCs) for every item. Weaver learns in a single pass.",
    )
    parts = _parts(p)
    assert "method/bhc" not in parts, parts


# -- what is a part


def test_a_strategy_proposed_after_the_method_is_a_part() -> None:
    p = _paper(
        "PondNet: Pooled Adapters for Small Vision Models",
        "We propose PondNet, an adapter method that pools several small adapters into one. PondNet trains a "
        "tenth of the weights of a full model. In addition, we propose a staggered warmup strategy to keep the "
        "pooled adapters stable early in training.",
    )
    assert "method/staggered-warmup-strategy" in _parts(p)


def test_a_strategy_proposed_as_the_method_itself_is_not_a_part() -> None:
    p = _paper(
        "PondNet: Pooled Adapters for Small Vision Models",
        "We propose a staggered warmup strategy to keep adapters stable. PondNet trains a tenth of the weights.",
    )
    assert "method/staggered-warmup-strategy" not in _parts(p)


def test_a_name_given_to_a_part_is_a_part_not_a_second_method(onto: ontology.Ontology) -> None:
    p = _paper(
        "LoomViT: Woven Attention for Long Videos",
        "We present LoomViT, a video transformer for long clips. It gets its speed from a new routing "
        "algorithm named Sparse Thread Routing (STR) that sends each patch to a few heads. A handful of "
        "frames, which we call anchor frames, are kept whole, and a few summary tokens (we call them "
        "nothing special) are added; LoomViT also keeps some special tokens (we call GistTokens) across clips.",
    )
    m = map_paper(p, onto)
    assert {"method/str", "method/gisttokens"} <= _parts(p)
    assert {r.target for r in m.relations if r.type is RelType.PROPOSES} == {"method/loomvit"}


def test_the_parts_the_methods_own_sentence_lists_are_parts() -> None:
    p = _paper(
        "HeronQA: Few-Shot Tuning with Shared Hypernetworks",
        "We propose HeronQA, a tuning framework that integrates a shared key mechanism together with "
        "task-aware and layer-aware attention. It introduces a cluster-guided retriever and a lightweight "
        "prompt generator to pick examples.",
    )
    parts = _parts(p)
    assert {"method/shared-key", "method/task-aware-and-layer-aware-attention",
            "method/cluster-guided-retriever"} <= parts, parts


def test_the_parts_of_one_part_are_not_listed_as_the_methods() -> None:
    p = _paper(
        "ReedQ: Quantized State Space Models on FPGAs",
        "We propose ReedQ for FPGAs. We first design a quantization algorithm that features rotation-guided "
        "quantization and shift-only rounding of the states.",
    )
    assert "method/rotation-guided-quantization" not in _parts(p)


def test_a_list_of_parts_after_a_semicolon_with_items_joined_by_and() -> None:
    p = _paper(
        "GlassVP: Visual Prompts for Closed Models",
        "We propose GlassVP, which tunes prompts for a model behind an API. GlassVP has two components; "
        "1) Painter and 2) a zeroth-order gradient estimate. The Painter draws prompts for each image.",
    )
    assert "method/painter" in _parts(p)


def test_a_listed_item_ending_in_a_process_word_before_its_verb() -> None:
    p = _paper(
        "Osprey: Fast Forecasting of Long Series",
        "We design Osprey, a forecasting model with three distinctive characteristics: (i) a sparse lookup "
        "attention, which scales as n log n. (ii) the layer halving highlights the strongest signals. "
        "(iii) a one-shot decoder, which emits the whole horizon.",
    )
    assert "method/layer-halving" in _parts(p)


def test_parts_a_proposing_sentence_lists_after_including() -> None:
    p = _paper(
        "DeltaMem: Updating Language Models without Retraining",
        "This paper proposes DeltaMem, a memory framework for language models. To make the memory sharper, we "
        "further propose three new techniques, including slot-aware loss, cross-checking and top-pooling. "
        "Baselines use related techniques, including hashing and sorting.",
    )
    parts = _parts(p)
    assert {"method/slot-aware-loss", "method/cross-checking", "method/top-pooling"} <= parts, parts
    assert not parts & {"method/hashing", "method/sorting"}, parts


def test_a_part_as_the_subject_of_a_later_sentence() -> None:
    p = _paper(
        "KiteFT: Picking Weights and Patches for Cheap Tuning",
        "We propose KiteFT, a tuning framework for vision models. Specifically, we introduce Fisher Weight "
        "Picking, which tunes only the most useful weights. Meanwhile, Saliency Patch Picking dynamically drops "
        "the patches that matter least. A variance-based selector quietly chooses the budget per layer.",
    )
    parts = _parts(p)
    assert {"method/saliency-patch-picking", "method/variance-based-selector"} <= parts, parts


def test_a_capitalised_sentence_opening_or_the_whole_model_is_not_a_part() -> None:
    p = _paper(
        "Wren: Selective State Spaces for Shopping Sessions",
        "We propose Wren, a sequence recommender built on a Sparse Hopfield Retrieval Model (termed Wren). "
        "Although Transformer-based methods dominate, they are slow on long sessions. Empirically, the Sparse "
        "Hopfield Retrieval Model keeps the accuracy of attention.",
    )
    parts = _parts(p)
    assert not any("although" in t or "hopfield" in t for t in parts), parts


def test_a_part_noun_phrase_proposed_later_as_an_approach_is_a_part() -> None:
    p = _paper(
        "Guild of Models: Routing Queries across Small Experts",
        "This paper introduces the Guild of Models (GoM), a system of small expert models. We describe the "
        "costs of training a GoM. We propose a label-first routing approach to send each query to one expert.",
    )
    assert "method/label-first-routing" in _parts(p)


def test_a_coined_word_goes_on_to_the_part_noun_after_an_evaluative_adjective() -> None:
    p = _paper(
        "QuickServe: Serving Inference for Big Text Models",
        "We introduce QuickServe, an inference library for large text models. First, we write fused kernels for "
        "long inputs. Second, we propose a flexible NVMe block allocator to cut the memory footprint.",
    )
    parts = _parts(p)
    assert "method/nvme-block-allocator" in parts, parts
    assert not any(t.startswith("method/flexible") for t in parts), parts


def test_parts_built_in_the_sentence_before_the_method_is_named() -> None:
    p = _paper(
        "On the Speed of Small Vision Networks",
        "Small networks are often slower than their operation counts suggest. We devised stage fusion kernels "
        "to run a whole stage in one launch. Our StageNet model with these kernels runs twice as fast as "
        "a ResNet baseline.",
    )
    assert "method/stage-fusion" in _parts(p)


def test_an_acronym_after_an_opening_clause_on_what_inspired_the_work() -> None:
    p = _paper(
        "Glial Advances in Spiking Networks for Text",
        "Spiking networks model neurons but leave out glial cells. Inspired by these cells, we have developed "
        "a Glia-Gated Spiking Cell (GGSC) that adds slow modulation. Our Glia-Gated Spiking Network (GliaSNN) "
        "keeps long dependencies. GliaSNN also runs with little memory.",
    )
    assert "method/ggsc" in _parts(p)


def test_what_a_hybrid_combines_is_not_listed_as_its_parts() -> None:
    p = _paper(
        "Kestrel-H: Hybrid Language Models for Long Inputs",
        "We release Kestrel-H, a family of hybrid language models. Kestrel-H adopts a parallel hybrid "
        "architecture that combines Transformer-style attention with state space layers.",
    )
    assert not any("attention" in t for t in _parts(p))


def test_a_count_of_new_things_is_not_a_part() -> None:
    p = _paper(
        "Lighter Heads",
        "We introduce three new attention mechanisms that beat standard attention in speed. Our first contribution "
        "is Lean Attention, which drops the value projection. Next, we introduce Shared Lattice, which ties keys.",
    )
    assert not any(t.startswith("method/three") for t in _parts(p)), _parts(p)
