"""Methods and components in shapes the fifth development set showed the mapper missing or misreading.

Each test is a small abstract written for it, in its own words: one way abstracts name (or seem to
name) the methods they propose and their parts.
"""

from __future__ import annotations

from kg.ids import slug
from kg.records import Paper
from loaders.mapping.linker import link
from tests.graphdata import written_paper as _paper


def _methods(p: Paper) -> list[str]:
    return [m.name for m in link(p).doc.methods]


def _parts(p: Paper) -> set[str]:
    """The parts the linker reads, as method ids."""
    return {"method/" + slug(name) for name, _, _ in link(p).components}


# -- methods: names cut short, glued or doubled


def test_a_decimal_size_of_the_method_is_no_variant() -> None:
    p = _paper(
        "Kestrel-L2: A Family of Compact Language Models",
        "We introduce Kestrel-L2, a series of small language models. The small Kestrel-L2-0.5B keeps up with "
        "3B models and Kestrel-L2-1.5B with 7B ones.",
    )
    assert _methods(p) == ["Kestrel-L2"], _methods(p)


def test_the_method_glued_to_a_base_model_is_no_variant() -> None:
    p = _paper(
        "PackTune: Cheaper Fine-Tuning of Code Models",
        "We propose PackTune, a tuning recipe for code models. PackTune-Gemma-Coder-2B, trained on a fifth "
        "of the data, beats the fully tuned model.",
    )
    assert _methods(p) == ["PackTune"], _methods(p)


def test_a_number_format_and_what_is_done_with_it_is_no_method() -> None:
    p = _paper(
        "FP6 Training: How Far Can Floats Go",
        "We study training with six-bit floating point numbers. We show which exponent widths work for which "
        "layers and give a recipe for the FP6 format.",
    )
    assert _methods(p) == [], _methods(p)


def test_the_plural_of_a_proposed_name_gives_way_to_its_singular() -> None:
    p = _paper(
        "Small Trackers for Phones",
        "We propose QuickTRKs, light tracking models for video. Our proposed QuickTRK runs three times faster "
        "than its teacher.",
    )
    assert _methods(p) == ["QuickTRK"], _methods(p)


def test_a_short_name_given_with_or_after_a_family_name() -> None:
    p = _paper(
        "Designing Networks for Accelerators",
        "We derive rules for networks that run well on accelerators. We design a family of NPU-Friendly "
        "Networks, or NFNets for short. NFNet is four times faster than its rivals.",
    )
    assert _methods(p) == ["NFNet"], _methods(p)


# -- methods: names the proposing phrases missed


def test_a_name_we_refer_to_with_its_acronym() -> None:
    p = _paper(
        "Training at Test Time, Fast",
        "Test Time Training (TTT) layers run slowly. Instead we update them on very long spans, which we refer to "
        "as Wide Span Test Training (WiST). It uses the hardware far better.",
    )
    assert _methods(p) == ["WiST"], _methods(p)


def test_title_case_words_after_called_are_one_name() -> None:
    p = _paper(
        "Faster First Tokens",
        "Prompt processing is slow on phones. We introduce a new method called Cache Forecasting. A small "
        "model drafts the cache that the large model then uses.",
    )
    assert _methods(p) == ["Cache Forecasting"], _methods(p)


def test_a_family_title_keeps_its_name_without_the_word_models() -> None:
    p = _paper(
        "Basalt Code Models: Open Models for Programming",
        "We introduce the Basalt series of code models. The Basalt Code models range from 2 to 20 billion "
        "parameters.",
    )
    assert _methods(p) == ["Basalt Code"], _methods(p)


def test_the_engine_the_work_is_integrated_into_is_the_method() -> None:
    p = _paper(
        "Fast Low-Bit Serving with RapidServe",
        "We describe low-bit serving techniques for large models. The techniques speed up decoding by half. "
        "This work is integrated into RapidServe, an open inference engine.",
    )
    assert _methods(p) == ["RapidServe"], _methods(p)


def test_names_listed_after_how_many_models_there_are() -> None:
    p = _paper(
        "A Unified View of Recurrent Memories",
        "We present Loomis, a framework for recurrent layers. We present three novel recurrent models-Alder, "
        "Birch, and Cedar-that beat linear RNNs.",
    )
    assert _methods(p) == ["Loomis", "Alder", "Birch", "Cedar"], _methods(p)


def test_the_proposed_plain_words_with_their_acronym_then_method() -> None:
    p = _paper(
        "Compressing Networks with Shared Codebooks",
        "Codebook quantization saves memory. We group similar neurons first. The proposed grouped shared "
        "codebooks (GSC) method fits a 7B model on an old phone.",
    )
    assert _methods(p) == ["GSC"], _methods(p)


def test_a_plain_word_coinage_named_by_its_acronym_later() -> None:
    p = _paper(
        "Gated Mixing for Small Vision Networks",
        "In this work, we present gated mixing, a novel design for small vision networks. We refine it into the "
        "gated mixing (GateMix) block. GateMix beats larger models on three tasks.",
    )
    assert _methods(p) == ["GateMix"], _methods(p)


def test_the_name_the_analysis_leads_to() -> None:
    p = _paper(
        "When Is Half an Optimizer Enough?",
        "We measure how much of the second moment matters. The measurements lead to LeanProp, a memory-light "
        "variant of the optimizer. LeanProp saves most of its state.",
    )
    assert _methods(p) == ["LeanProp"], _methods(p)


def test_numbered_names_after_propose_and_a_colon() -> None:
    p = _paper(
        "Reading Twice Helps Recurrent Models",
        "Recurrent models forget. We propose: (1) RT-Ask, which repeats the context in the prompt. We then "
        "propose (2) RT-Net, which reads the prompt without causality.",
    )
    assert _methods(p) == ["RT-Ask", "RT-Net"], _methods(p)


def test_our_largest_model_set_out_by_its_name() -> None:
    p = _paper(
        "Sharing Memory Across Decoder Layers",
        "We introduce LoopDec, a decoder that shares its state across layers. Our largest model trained with "
        "this design, Orca3-mini-Think, beats its base model on math tasks.",
    )
    assert _methods(p) == ["LoopDec", "Orca3-mini-Think"], _methods(p)


def test_us_to_develop_then_the_name_after_a_colon() -> None:
    p = _paper(
        "Scaling Atomistic Models",
        "Machine Learned Force Fields (MLFFs) are slow to scale. These results motivate us to develop an MLFF "
        "architecture built for scale: the Scaled Attention Force Field (SAFF). SAFF is ten times faster.",
    )
    assert _methods(p) == ["SAFF"], _methods(p)


# -- methods: what is no method of the paper


def test_a_kind_named_before_the_proposal_is_no_method() -> None:
    p = _paper(
        "HASH: Hashing Sparse Products",
        "SpMV kernels are common in graph analytics. In this thesis, we introduce a novel SpMV kernel built on "
        "row-wise products. Our SpMV kernel is nine times faster.",
    )
    assert _methods(p) == ["HASH"], _methods(p)


def test_a_system_developed_by_another_party_is_no_method() -> None:
    p = _paper(
        "HASH: Hashing Sparse Products",
        "We map our kernel to a research chip named GRAPHX, being developed by Acme. The kernel is nine times "
        "faster there.",
    )
    assert "GRAPHX" not in _methods(p), _methods(p)


def test_a_proposal_inside_a_numbered_design_is_a_part() -> None:
    p = _paper(
        "LUMA: Fast Image Synthesis",
        "We introduce LUMA, an image generator. Core designs include: (1) Deep autoencoder: we compress images "
        "harder. (2) Fast sampling: we propose Flow-ODE-Solver to cut sampling steps.",
    )
    assert _methods(p) == ["LUMA"], _methods(p)
    assert "method/flow-ode-solver" in _parts(p), _parts(p)


def test_a_mechanism_used_to_create_the_method_is_its_part() -> None:
    p = _paper(
        "Sharing States Across Layers",
        "In this paper, we introduce the Shared Readout Unit (SRU), a simple mechanism for sharing memory "
        "across layers. We apply it to create LoopDec, a decoder that incorporates SRUs in its upper half.",
    )
    assert _methods(p) == ["LoopDec"], _methods(p)
    assert "method/sru" in _parts(p) and "method/srus" not in _parts(p), _parts(p)


def test_a_mechanism_the_title_names_stays_a_method() -> None:
    p = _paper(
        "Random Access for RNNs via Chunked Sparse Attention",
        "We propose Chunked Sparse Attention (CSA), a novel attention mechanism for RNNs. By combining CSA with "
        "Mamba, we introduce ChunkMamba, which recalls far contexts.",
    )
    assert _methods(p) == ["CSA", "ChunkMamba"], _methods(p)


# -- components: the parts a method's sentence lists


def test_one_word_items_share_the_part_noun_of_the_last() -> None:
    p = _paper(
        "SHRINK: Shorter Sequences Inside the Decoder",
        "We propose SHRINK, a decoder that shortens its sequence by incorporating pooling, unpooling, and skip "
        "modules. The pooling modules halve the tokens.",
    )
    assert {"method/pooling-modules", "method/unpooling-modules", "method/skip-modules"} <= _parts(p), _parts(p)


def test_parts_listed_after_consisting_of() -> None:
    p = _paper(
        "FastSpk: Searching Speaker Networks",
        "We propose FastSpk, a search framework consisting of a TDNN-based supernet and a TDNN-NAS algorithm. "
        "It finds small networks.",
    )
    assert {"method/tdnn-based-supernet", "method/tdnn-nas"} <= _parts(p), _parts(p)


def test_parts_the_method_utilizes_and_what_it_brings() -> None:
    p = _paper(
        "LongChat: Endless Dialogue",
        "We propose LongChat, which keeps what matters in long dialogues. LongChat utilizes the Token Surprise "
        "metric and a memory decay mechanism to pick phrases.",
    )
    assert {"method/token-surprise-metric", "method/memory-decay-mechanism"} <= _parts(p), _parts(p)
    q = _paper(
        "PEA: Parallel Encoding Done Right",
        "We propose Parallel Encoding Alignment (PEA), which brings shared prefix, attention temperature, and "
        "scaling factor to align the distributions.",
    )
    assert {"method/shared-prefix", "method/attention-temperature", "method/scaling-factor"} <= _parts(q), _parts(q)


def test_two_key_techniques_after_and_incorporates() -> None:
    p = _paper(
        "Faster Search Agents",
        "We present AgentX, a serving framework for search agents. AgentX uses approximate retrieval and "
        "incorporates two key techniques: priority-aware batching and non-blocking retrieval.",
    )
    assert {"method/priority-aware-batching", "method/non-blocking-retrieval"} <= _parts(p), _parts(p)


def test_a_list_of_outcomes_is_no_list_of_parts() -> None:
    p = _paper(
        "QuickNet: Small and Fast",
        "We propose QuickNet, a small vision network. QuickNet combines high accuracy and low latency on phones.",
    )
    assert _parts(p) == set(), _parts(p)


def test_numbered_headings_after_a_colon_are_parts() -> None:
    p = _paper(
        "LUMA: Fast Image Synthesis",
        "We introduce LUMA, an image generator. Two core designs make LUMA fast: (1) Deep latent encoder: it "
        "compresses images harder. (2) Linear DiT: all attention is linear.",
    )
    assert {"method/deep-latent-encoder", "method/linear-dit"} <= _parts(p), _parts(p)


def test_numbered_names_with_a_clause_after_a_colon_are_parts() -> None:
    p = _paper(
        "Reflective Memory for Dialogue Agents",
        "We propose Reflective Memory (RM), a mechanism for dialogue agents that reflects in two directions: "
        "(1) Forward Reflection, which summarizes each session, and (2) Backward Reflection, which refines "
        "retrieval.",
    )
    assert {"method/forward-reflection", "method/backward-reflection"} <= _parts(p), _parts(p)


def test_numbered_items_that_go_on_with_a_verb_or_name_data_are_no_parts() -> None:
    p = _paper(
        "MemAgent: Agents That Remember",
        "We propose MemAgent, an agent system. MemAgent introduces three memory stores for its users: (1) User "
        "Memory keeps preferences; (2) Task Memory keeps plans. We build three datasets to test MemAgent: "
        "(1) ChatLog, which has dialogues; (2) ShopList, which has orders.",
    )
    assert not _parts(p) & {"method/user-memory", "method/task-memory", "method/chatlog", "method/shoplist"}, _parts(p)


def test_parts_set_out_one_a_sentence_after_first_and_second() -> None:
    p = _paper(
        "FedSmall: Pruning Across Clients",
        "We propose FedSmall, a federated pruning method. First, an adaptive statistics selection module is "
        "designed to reduce the bias of local data. Second, a lightweight progressive pruning module aims to prune "
        "the model further.",
    )
    assert {"method/adaptive-statistics-selection", "method/progressive-pruning"} <= _parts(p), _parts(p)


def test_coined_operations_proposed_together_are_parts() -> None:
    p = _paper(
        "SNAS: Searching Sparse Networks",
        "We search sparse networks directly. We propose two novel parametric SparseAttn and SparseMLP operations "
        "to widen the search space.",
    )
    assert {"method/sparseattn", "method/sparsemlp"} <= _parts(p), _parts(p)


def test_no_part_is_a_model_size_the_release_or_the_methods_long_name() -> None:
    p = _paper(
        "QRA: Quick Re-Activation for Adapters",
        "We propose the novel Quick Re-Activation (QRA) method for cheap adaptation. We study sub-3B parameter "
        "models, and our 3B-parameter SLM beats larger ones. Our open-source kernels are released.",
    )
    assert not _parts(p) & {"method/quick-re-activation", "method/3b-parameter-slm", "method/open-source-kernels"}, _parts(p)


def test_numbered_parts_right_after_includes() -> None:
    p = _paper(
        "Mixed-Precision Serving with FastLane",
        "KV caches grow long. We present FastLane, a serving engine for low-bit models. Its implementation includes (i) layout-aware "
        "weight packing for fast loads, (ii) thread-level parallelism for the cores, and (iii) KV page "
        "prefetching pipeline for long contexts.",
    )
    assert {"method/layout-aware-weight-packing", "method/kv-page-prefetching-pipeline"} <= _parts(p), _parts(p)


def test_counted_parts_after_a_colon_each_with_its_clause() -> None:
    p = _paper(
        "Faster Low-Bit Serving",
        "We present SwiftLB, a low-bit serving system. Our approach features two novel pipelines built for the "
        "GPU: a Matrix Vector Product (MVP) pipeline that packs weights offline, and an attention pipeline that "
        "mixes precisions.",
    )
    assert {"method/mvp-pipeline", "method/attention-pipeline"} <= _parts(p), _parts(p)
    q = _paper(
        "SwiftLB: Faster Low-Bit Serving",
        "We present SwiftLB, a low-bit serving system. It was tested on three datasets of chat logs: a Reddit "
        "corpus that is noisy, and a forum dump that is clean.",
    )
    assert not _parts(q), _parts(q)


def test_a_framework_listed_as_a_part_is_named_without_the_word() -> None:
    p = _paper(
        "TinyCast: Forecasting with Small Language Models",
        "We present TinyCast, a forecaster built on small language models. Our approach rests on two key ideas: "
        "a statistics-aware prompting mechanism that describes the series, and a sparse mixture-of-experts "
        "framework enabled by small models.",
    )
    assert {"method/statistics-aware-prompting", "method/sparse-mixture-of-experts"} <= _parts(p), _parts(p)


def test_a_plain_proposal_under_a_numbered_heading_is_no_further_part() -> None:
    import ontology
    from loaders.mapping import map_paper
    from ontology.vocab import RelType

    p = _paper(
        "VIDA: Long Video Generation",
        "We introduce VIDA, a video generator. Two core designs make VIDA fast: (1) Linear DiT: all attention "
        "is linear. (2) Fixed-Size State Cache for Block Attention: we design block-wise rolling approach for "
        "long videos with a fixed-size state.",
    )
    parts = {r.target for r in map_paper(p, ontology.load()).relations if r.type is RelType.HAS_COMPONENT}
    assert "method/linear-dit" in parts and not any("block-wise" in t for t in parts), parts


def test_a_catalog_model_called_our_largest_model_is_proposed() -> None:
    p = _paper(
        "Sharing Memory Across Decoder Layers",
        "We introduce LoopDec, a decoder that shares its state across layers. Our largest model enhanced with "
        "this design, Phi4-mini-Flash-Reasoning, beats its base model on math tasks.",
    )
    assert _methods(p) == ["LoopDec", "Phi4-mini-Flash-Reasoning"], _methods(p)


def test_our_largest_model_that_is_a_size_of_the_method_is_no_second_method() -> None:
    p = _paper(
        "EfficientFormer: Transformers at Phone Speed",
        "We propose EfficientFormer, a family of fast vision transformers. Our largest model, EfficientFormer-L7, "
        "reaches 83% accuracy in 7 ms.",
    )
    assert _methods(p) == ["EfficientFormer"], _methods(p)


def test_a_two_word_name_may_open_with_a_field_word() -> None:
    p = _paper(
        "Three Cheaper Attention Layers",
        "We study attention layers with fewer weights. Next, we introduce Efficient Mixing, which halves the "
        "parameters of each head.",
    )
    assert _methods(p) == ["Efficient Mixing"], _methods(p)


def test_the_list_readers_word_search_misses_no_sentence_they_match(seeds_dir) -> None:
    """find_components asks the list readers' patterns only of the sentences str.find gives for their words:
    on every seed paper, every sentence where a pattern matches is among them."""
    from loaders import load_paths
    from loaders.mapping import methods
    from loaders.mapping.text import lowered, split_sentences

    checked = 0
    for p in load_paths([seeds_dir]).papers:
        low = lowered(p.text)
        if low is None:
            continue
        sentences = split_sentences(p.text, title_end=len(p.title))
        for gate, words in methods._LIST_GATES:
            hits = methods._sentences_with(low, sentences, words)
            for s in sentences:
                if gate.pattern.search(s.text):
                    assert s.index in hits, (gate.pattern.pattern[:40], s.text)
                    checked += 1
    assert checked > 50
