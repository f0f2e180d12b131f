"""One test per grammar rule of the relation extractor (loaders.relations).

The papers are written for the test (no seed text) and go through the real mapper and ontology.
"""

from __future__ import annotations

from loaders.mapping.mapper import link_paper
from loaders.mapping.text import name_positions
from loaders.relations import extract_relations
from tests.graphdata import written_paper as _paper


def _facts(onto: object, title: str, abstract: str) -> set[tuple[str, str, str]]:
    return {(r.type.value, r.source, r.target) for r in extract_relations(link_paper(_paper(title, abstract), onto))}


def test_names_are_found_whole() -> None:
    assert name_positions("ZipKV and ZipKV-2 beat aZipKV; ZipKV.", "ZipKV") == [0, 31]


def test_citations_are_not_compared_methods(onto: object) -> None:
    facts = _facts(onto, "PrunoLM: Retraining Pruned LLMs",
                   "We propose PrunoLM. PrunoLM beats strong baselines such as Snipper (Walters et al., 2023) "
                   "and Trimlet (Okafor & Berg, 2022) on language modelling.")
    assert ("COMPARED_WITH", "method/prunolm", "method/snipper") in facts
    assert ("COMPARED_WITH", "method/prunolm", "method/trimlet") in facts
    assert not any(t.endswith(("/walters", "/okafor", "/berg")) for _r, _s, t in facts)


def test_a_descriptor_before_a_name_is_not_a_baseline(onto: object) -> None:
    facts = _facts(onto, "GraphSeek: Fast Vector Search",
                   "We propose GraphSeek. GraphSeek is 3x faster than the leading ANNS solution DiskSeek on large data.")
    assert ("COMPARED_WITH", "method/graphseek", "method/diskseek") in facts
    assert ("COMPARED_WITH", "method/graphseek", "method/anns") not in facts


def test_a_class_with_named_instances_stands_for_them(onto: object) -> None:
    facts = _facts(onto, "LeanAct: Compressing Activations",
                   "We propose LeanAct. LeanAct is fully composable with efficient attention techniques such as "
                   "FlashAttention, so both can be used in one training run.")
    assert ("COMPOSES_WITH", "method/leanact", "method/flashattention") in facts
    assert not any(r == "COMPOSES_WITH" and t.startswith("technique/") for r, _s, t in facts)


def test_a_class_heading_the_comparison_is_the_comparator(onto: object) -> None:
    facts = _facts(onto, "QuickPTQ: Post-Training Quantization for Detectors",
                   "We propose QuickPTQ. QuickPTQ is 25x faster than the quantization-aware training method.")
    assert ("COMPARED_WITH", "method/quickptq", "technique/quantization-aware-training") in facts


def test_a_name_inside_a_phrase_is_not_the_subject_of_a_comparison(onto: object) -> None:
    facts = _facts(onto, "FlexServe: FPGA Serving for LLMs",
                   "We propose FlexServe. We validate FlexServe on the Xilinx Alveo U250 board, showing 2.1x higher "
                   "throughput compared to the previous design RigidServe.")
    assert ("COMPARED_WITH", "method/flexserve", "method/rigidserve") in facts


def test_further_contributions_and_enumerated_parts_are_components(onto: object) -> None:
    facts = _facts(onto, "TokFlow: Sparse Attention Hardware",
                   "We propose TokFlow, an attention accelerator. "
                   "We also propose cascade token dropping to skip unimportant tokens. "
                   "The design has two ideas: (1) a banked score buffer, and "
                   "(2) the lazy softmax unit to avoid wasted work.")
    assert ("HAS_COMPONENT", "method/tokflow", "method/cascade-token-dropping") in facts


def test_enumerated_part_in_plain_words(onto: object) -> None:
    facts = _facts(onto, "BitMix: Arbitrary Precision Kernels",
                   "We propose BitMix, which rests on two ideas. "
                   "(1) the shared bit decomposition to reuse partial products. "
                   "(2) the bit balance rule to keep error low at very low bit-widths.")
    assert ("HAS_COMPONENT", "method/bitmix", "method/bit-balance-rule") in facts


def test_a_named_part_speaks_for_itself(onto: object) -> None:
    facts = _facts(onto, "Quilt: A Linear Attention Model",
                   "We present Quilt, a linear attention model. At its core lies Quilt Gated Memory (QGM), a module "
                   "that extends Gated DeltaNet with finer gates.")
    assert ("EXTENDS", "method/qgm", "method/gated-deltanet") in facts
    assert ("EXTENDS", "method/quilt", "method/gated-deltanet") not in facts


def test_a_hyphen_prefixed_name_is_a_variant(onto: object) -> None:
    facts = _facts(onto, "PQ-SNAS: Partial Search for SNAS",
                   "SNAS is a differentiable search method. We present PQ-SNAS, which samples part of the channels.")
    assert ("EXTENDS", "method/pq-snas", "method/snas") in facts


def test_an_architecture_is_not_extended(onto: object) -> None:
    facts = _facts(onto, "R7: Reasoning with Recurrence",
                   "We introduce R7, a reasoning model built on the Mamba architecture, for long outputs.")
    assert ("EXTENDS", "method/r7", "method/mamba") not in facts


def test_an_unnamed_introduced_dataset_takes_the_title_name(onto: object) -> None:
    paper = _paper("WATTSET -- An Open Dataset of Household Power Use",
                   "We present an open-source dataset of electricity use from 900 homes recorded every minute.")
    facts = {(r.type.value, r.source, r.target) for r in extract_relations(link_paper(paper, onto))}
    assert ("INTRODUCES", paper.id, "dataset/wattset") in facts


def test_a_benchmark_with_its_long_name_in_brackets(onto: object) -> None:
    paper = _paper("CCBench: Cache Methods Under Test",
                   "We introduce CCBench (Cache Comparison Bench), a benchmark for KV cache methods.")
    facts = {(r.type.value, r.source, r.target) for r in extract_relations(link_paper(paper, onto))}
    assert ("INTRODUCES", paper.id, "dataset/ccbench") in facts
    assert not any(t == "REDUCES" for t, _s, _o in facts)  # a benchmark reduces nothing


def test_a_family_of_hybrid_models_uses_the_hybrid_architecture(onto: object) -> None:
    facts = _facts(onto, "Zephon: Hybrid Models at Scale",
                   "We introduce Zephon, a family of 4B and 30B hybrid Mamba-Transformer models for long inputs.")
    assert ("USES_ARCHITECTURE", "model/zephon", "arch/hybrid") in facts


def test_two_techniques_combined(onto: object) -> None:
    facts = _facts(onto, "SpecSparse: Faster Decoding",
                   "We propose SpecSparse. Finally, we write kernels combining activation sparsity and speculative "
                   "decoding in one pass.")
    assert ("COMPOSES_WITH", "technique/activation-sparsity", "technique/speculative-decoding") in facts


def test_a_model_trained_by_a_verb(onto: object) -> None:
    facts = _facts(onto, "Runway: Cheap Pre-Training",
                   "We propose Runway. We pre-train Llama-2-7B on 64 NVIDIA A100 GPUs in four days.")
    assert ("TRAINED_ON", "model/llama-2-7b", "hardware/nvidia-a100") in facts


def test_the_memory_of_optimizers_is_optimizer_state(onto: object) -> None:
    facts = _facts(onto, "SlimMoment: Factorised Optimizer States",
                   "We propose SlimMoment, which reduces the memory requirement of adaptive optimizers by up to 90%.")
    assert ("REDUCES", "method/slimmoment", "memory/optimizer-states") in facts


def test_a_metric_named_without_we(onto: object) -> None:
    paper = _paper("Quickbench: Timing Generated Code",
                   "Unlike older suites, Quickbench integrates a novel metric Speed@K to score code efficiency.")
    facts = {(r.type.value, r.source, r.target) for r in extract_relations(link_paper(paper, onto))}
    assert ("INTRODUCES", paper.id, "metric/speed-k") in facts


def test_offloading_addresses_a_memory_component(onto: object) -> None:
    facts = _facts(onto, "DiskServe: Serving From Drives",
                   "We propose DiskServe, a serving system that offloads the attention state (i.e., the KV cache) to "
                   "computational drives.")
    assert ("ADDRESSES", "method/diskserve", "memory/kv-cache") in facts
    assert ("REDUCES", "method/diskserve", "memory/kv-cache") not in facts


def test_devices_paired_with_models_and_training_is_not_porting(onto: object) -> None:
    facts = _facts(onto, "TrimMoE: Smaller Experts",
                   "We propose TrimMoE. The small models can be fine-tuned on a single GPU "
                   "(A100 for Llama-2-7B, A6000 for Mistral-7B), which keeps costs low.")
    assert ("TRAINED_ON", "model/llama-2-7b", "hardware/nvidia-a100") in facts
    assert ("TRAINED_ON", "model/mistral-7b", "hardware/nvidia-a6000") in facts
    assert not any(r == "PORTS_TO" for r, _s, _t in facts)


def test_an_unnamed_contribution_speaks_through_its_class(onto: object) -> None:
    facts = _facts(onto, "Layer-Shared KV Caches for Faster Decoding",
                   "We share the KV cache across layers. Our method is orthogonal to KV cache quantization.")
    assert any(r == "COMPOSES_WITH" and s.startswith("technique/") and t == "technique/kv-cache-quantization"
               for r, s, t in facts)


def test_software_a_method_ships_in_is_not_composed_with(onto: object) -> None:
    facts = _facts(onto, "FoldNet: Compact Vision Backbones",
                   "We propose FoldNet. FoldNet has been integrated into TorchLite (a deep learning framework).")
    assert not any(r == "COMPOSES_WITH" for r, _s, _t in facts)


def test_a_class_with_instances_is_not_itself_a_comparator(onto: object) -> None:
    facts = _facts(onto, "TinyMom: Compressed Optimizer Moments",
                   "We propose TinyMom. On image and text tasks TinyMom needs a fraction of the memory compared to "
                   "state-of-the-art memory efficient optimizers, e.g., Adafactor or CAME.")
    assert ("COMPARED_WITH", "method/tinymom", "method/adafactor") in facts
    assert not any(r == "COMPARED_WITH" and t.startswith("technique/") for r, _s, t in facts)


def test_a_part_of_the_method_is_not_what_it_extends(onto: object) -> None:
    facts = _facts(onto, "MS-Gloop: Multi-Scale Gloop Blocks for Video",
                   "We propose Multi-Scale Gloop (MS-Gloop), comprising two key components: Gated Loop (Gloop) Blocks "
                   "and the Gloop Mixer.")
    assert not any(r == "EXTENDS" and t == "method/gloop" for r, _s, t in facts)


def test_evaluated_on_top_of_is_not_built_on(onto: object) -> None:
    facts = _facts(onto, "Q-Batch: Batching for Recurrent Accelerators",
                   "We propose Q-Batch, a batching scheme for recurrent networks. We evaluate Q-Batch on top of R-ACC.")
    assert not any(r == "EXTENDS" for r, _s, _t in facts)


def test_a_bare_model_name_takes_the_one_size_the_paper_gives_it(onto: object) -> None:
    facts = _facts(onto, "TrimMoE: Smaller Experts",
                   "We propose TrimMoE and compress Phi 3.5-MoE (41.9B total parameters) into Phi-mini-MoE (7.6B total "
                   "parameters). The result can be fine-tuned on one GPU (A6000 for Phi-mini-MoE).")
    assert ("TRAINED_ON", "model/phi-mini-moe-7.6b", "hardware/nvidia-a6000") in facts
    assert ("TRAINED_ON", "model/phi-mini-moe", "hardware/nvidia-a6000") not in facts


def test_a_plural_or_a_size_of_the_method_is_not_a_variant(onto: object) -> None:
    facts = _facts(onto, "SwiftSeg: Fast Segmenters",
                   "We propose SwiftSeg, a light segmenter. Our SwiftSegs and SwiftSeg-S run on phones.")
    assert not any(r == "EXTENDS" for r, _s, _t in facts)


def test_improving_a_quality_of_something_or_a_new_domain_is_not_extending(onto: object) -> None:
    facts = _facts(onto, "TurboRAG: Quicker Retrieval",
                   "We propose TurboRAG, which enhances the efficiency of StreamQA pipelines. We also show the "
                   "versatility of our framework by extending it to multi-agent SLAM. TurboRAG eases processing of extended "
                   "EEG recordings, and it revisits choices from RAFT-like designs.")
    assert not any(r == "EXTENDS" for r, _s, _t in facts)


def test_composing_with_a_novel_part_is_the_contribution_itself(onto: object) -> None:
    facts = _facts(onto, "HadaTune: Transform Adapters",
                   "We propose HadaTune, which places adapters in quantized models, together with a novel adapter "
                   "initialization scheme.")
    assert not any(r == "COMPOSES_WITH" for r, _s, _t in facts)


def test_a_system_or_framework_for_moe_models_uses_no_architecture(onto: object) -> None:
    facts = _facts(onto, "ExpertLens: Serving Experts Fast",
                   "We present ExpertLens, a high-throughput MoE LLM serving system for small servers. We also "
                   "introduce ExpertCut, a two-stage compression framework for shrinking large MoE models.")
    assert not any(r == "USES_ARCHITECTURE" for r, _s, _t in facts)


def test_scores_metrics_and_settings_after_a_cue_are_not_comparators(onto: object) -> None:
    facts = _facts(onto, "PruneGen: Prompt-Aware Pruning",
                   "We propose PruneGen. PruneGen beats the pruning baselines in terms of FID and CMMD scores. "
                   "PruneGen improves recall across models (e.g., +3.2 EM on NewsQA). PruneGen outperforms the "
                   "baseline models in the Chinese evaluation suite. PruneGen gives guarantees against Sybil attacks.")
    assert not {t for r, _s, t in facts if r == "COMPARED_WITH"} & {
        "method/fid", "method/cmmd", "method/em", "method/newsqa", "method/chinese", "method/sybil", "method/attacks"}, facts


def test_a_second_verb_ends_the_compared_object(onto: object) -> None:
    facts = _facts(onto, "Foreformer: Long Horizon Forecasts",
                   "We propose Foreformer. Foreformer outperforms existing methods and provides a new solution to "
                   "the LSTF problem.")
    assert not any(r == "COMPARED_WITH" for r, _s, _t in facts), facts


def test_the_authors_own_implementation_is_not_a_baseline(onto: object) -> None:
    facts = _facts(onto, "FastLSTM: Fused Recurrent Kernels",
                   "We propose FastLSTM. FastLSTM allows 30x larger hidden sizes compared to our Triton implementation.")
    assert ("COMPARED_WITH", "method/fastlstm", "method/triton") not in facts


def test_a_task_or_measure_the_abstract_defines_is_no_part(onto: object) -> None:
    facts = _facts(onto, "TinySearch: Frugal Architecture Search",
                   "We propose TinySearch, a frugal architecture search. We demonstrate TinySearch on image recognition "
                   "and keyword spotting (KWS) tasks. Our searched network reaches an endpoint error (EPE) of 0.9. "
                   "It uses a local intrinsic dimension (LID)-based score.")
    assert not any(r == "HAS_COMPONENT" for r, _s, _t in facts), facts


def test_a_part_in_a_list_after_a_colon(onto: object) -> None:
    facts = _facts(onto, "PhoneMind: Agents That Remember",
                   "We propose PhoneMind, a memory system for phone agents. PhoneMind further integrates a set of "
                   "services: a planner that orders sub-tasks; a trace record-and-replay (TraceRR) mechanism that "
                   "reuses earlier actions; and an error handler.")
    assert ("HAS_COMPONENT", "method/phonemind", "method/tracerr") in facts, facts


def test_a_task_acronym_inside_a_name_is_not_a_variant(onto: object) -> None:
    facts = _facts(onto, "CAD-Mistral: Language Models for Parametric Design",
                   "This study looks at parametric sequences for computer-aided design (CAD) models. We propose CAD-Mistral, "
                   "a model that writes such sequences.")
    assert ("EXTENDS", "method/cad-mistral", "method/cad") not in facts, facts


def test_benchmarks_introduced_in_other_phrasings(onto: object) -> None:
    title = "Grid Games: Parallel Pixel Puzzles for Memory Agents"
    paper = _paper(title,
                   "We introduce Grid Games Suite, a benchmark made of nine pixel puzzles. "
                   "As a check, we use our generator to create SlowCode, a benchmark with 90 hard tasks. "
                   "To evaluate agents, we developed PuzzleDocs, a curated dataset of hints. "
                   "Second, we collect a Large-Vocabulary Puzzle Segmentation dataset (LV-PS) with many classes. "
                   "In addition, we propose a novel Speed-Quality Area (SQA) metric to score agents.")
    facts = {(r.type.value, r.source, r.target) for r in extract_relations(link_paper(paper, onto))}
    for target in ("dataset/grid-games-suite", "dataset/slowcode", "dataset/puzzledocs", "dataset/lv-ps", "metric/sqa"):
        assert ("INTRODUCES", paper.id, target) in facts, (target, facts)
    assert not any(r == "HAS_COMPONENT" and t == "method/sqa" for r, _s, t in facts)


def test_in_contrast_to_a_named_method_opening_the_sentence(onto: object) -> None:
    facts = _facts(onto, "FlatKV: Contiguous Caches",
                   "We propose FlatKV. In contrast to PagedAttention, FlatKV keeps the cache contiguous. "
                   "Unlike earlier decoder-only AR models that fix the order, FlatKV stays flexible.")
    assert ("COMPARED_WITH", "method/flatkv", "method/pagedattention") in facts
    assert not any(r == "COMPARED_WITH" and t in ("method/ar", "method/kv-cache") for r, _s, t in facts), facts


def test_solutions_provided_by_a_named_system_and_a_mid_sentence_it(onto: object) -> None:
    facts = _facts(onto, "Fuser: Temporal Fusion for Decoding",
                   "We propose Fuser. By reordering buffers, it brings a 9x speedup compared to the strong solutions "
                   "provided by NVIDIA FasterTransformer.")
    assert ("COMPARED_WITH", "method/fuser", "method/fastertransformer") in facts, facts


def test_a_paper_about_a_named_method_speaks_through_its_title_name(onto: object) -> None:
    facts = _facts(onto, "Tiger Quietly Minimises a Hidden Objective",
                   "Tiger is an optimizer found by program search. We show what Tiger minimises. "
                   "It performs comparably or favorably to AdamW while using less memory.")
    assert ("COMPARED_WITH", "method/tiger", "method/adamw") in facts, facts


def test_as_fast_as_underscored_names_and_questions(onto: object) -> None:
    facts = _facts(onto, "HopQuant: Outlier-Free Memory Layers",
                   "We propose HopQuant. Can small models run as fast as MobileNet while staying accurate? "
                   "We benchmark HopQuant against methods including Clipped_Softmax and Gated_Attention. "
                   "HopQuant runs as fast as TinyConv on phones, as well as in browsers with LLM-agnostic code.")
    assert ("COMPARED_WITH", "method/hopquant", "method/tinyconv") in facts, facts
    assert any(r == "COMPARED_WITH" and "clipped" in t for r, _s, t in facts), facts
    assert not any(r == "COMPARED_WITH" and t in ("method/mobilenet", "method/llm-agnostic") for r, _s, t in facts), facts


def test_not_only_is_no_negation(onto: object) -> None:
    facts = _facts(onto, "KronMix: Mixed Kronecker Adapters",
                   "We propose KronMix. KronMix not only outperforms LoRA but also trains fewer parameters.")
    assert ("COMPARED_WITH", "method/kronmix", "method/lora") in facts, facts


def test_background_reductions_are_not_the_methods(onto: object) -> None:
    facts = _facts(onto, "LeanOpt: Frugal Optimizer Updates",
                   "Many memory-efficient optimizers have been proposed to shrink the weights and activations. "
                   "We propose LeanOpt. LeanOpt matches AdamW while nearly eliminating the optimization states of AdamW.")
    assert ("REDUCES", "method/leanopt", "memory/optimizer-states") in facts, facts
    assert not any(r == "REDUCES" and t in ("memory/weights", "memory/activations") for r, _s, t in facts), facts


def test_a_proposed_part_that_is_only_a_known_class_is_none(onto: object) -> None:
    facts = _facts(onto, "MambaChip: State Space Models on FPGAs",
                   "We propose MambaChip, an FPGA accelerator for state space models. We first propose an "
                   "FPGA-friendly post-training quantization algorithm that keeps 4-bit accuracy. It also runs a "
                   "compact 0.5B parameter decoder.")
    assert not any(r == "HAS_COMPONENT" and ("post-training" in t or "compact" in t) for r, _s, t in facts), facts


def test_a_problem_sentence_and_a_benchmark_port_nothing(onto: object) -> None:
    facts = _facts(onto, "TinySpec: Drafting on Small Devices",
                   "However, deploying speculative decoding on memory-constrained devices, such as mobile GPUs, "
                   "remains a significant challenge. We propose TinySpec, a drafting scheme.")
    assert not any(r == "PORTS_TO" for r, _s, _t in facts), facts
    bench = _facts(onto, "PhoneBench: Agents Across Platforms",
                   "We introduce PhoneBench, a benchmark for evaluating GUI agents across Windows, iOS and Android "
                   "platforms on mobile devices.")
    assert not any(r == "PORTS_TO" for r, _s, _t in bench), bench


def test_earlier_work_and_growing_components_are_not_the_methods(onto: object) -> None:
    facts = _facts(onto, "FuseAcc: Balanced Attention Accelerators",
                   "Yet, while prior work succeeds in reducing attention's memory-bandwidth requirements, it leaves "
                   "units idle. Recent works have investigated ways to reduce the KV cache size. We propose FuseAcc. "
                   "Reducing the number of parameters increases the number of activations.")
    assert not any(r in ("REDUCES", "ADDRESSES") for r, _s, _t in facts), facts


def test_a_model_made_from_the_family_member_of_a_size(onto: object) -> None:
    facts = _facts(onto, "Nemotron-H: Hybrid Models for Fast Inference",
                   "We introduce Nemotron-H, a family of hybrid models. To cut memory, we created Nemotron-H-47B-Base "
                   "from the 56B model using pruning and distillation.")
    assert ("DERIVED_FROM", "model/nemotron-h-47b-base", "model/nemotron-h-56b") in facts, facts


def test_the_taxonomy_root_is_never_a_target() -> None:
    from kg.records import TITLE_SEPARATOR as SEP
    from loaders.mapping.doc import LinkedDoc, ProposedMethod
    from loaders.mapping.text import split_sentences
    from loaders.relations import _mention
    from ontology.vocab import NodeLabel

    title, abstract = "TreeCodec: Lossless Coding", "We propose TreeCodec. TreeCodec is orthogonal to efficiency methods."
    paper, text = _paper(title, abstract), title + SEP + abstract
    sents = split_sentences(text, title_end=len(title))
    at, cls = text.index("TreeCodec", len(title)), text.index("efficiency methods")
    sent_of = lambda pos: next(s.index for s in reversed(sents) if s.start <= pos)  # noqa: E731
    doc = LinkedDoc(paper=paper, sentences=sents,
                    methods=(ProposedMethod(id="method/treecodec", name="TreeCodec", start=at, end=at + 9,
                                            sentence=sent_of(at)),),
                    mentions=(_mention("efficiency methods", cls, cls + 18, sent_of(cls), NodeLabel.TECHNIQUE,
                                       "technique/ml-efficiency"),))
    assert not any(r.target == "technique/ml-efficiency" for r in extract_relations(doc))


def test_storage_the_method_leverages_is_where_it_is_brought(onto: object) -> None:
    facts = _facts(onto, "ZeRO-Max: Training Beyond the GPU Memory Wall",
                   "In this paper we present ZeRO-Max, a heterogeneous training system that leverages GPU, CPU, and "
                   "NVMe memory to train huge models on small clusters.")
    assert ("PORTS_TO", "method/zero-max", "hwclass/storage") in facts, facts
    assert ("PORTS_TO", "method/zero-max", "hwclass/gpu") not in facts


def test_capitalised_parts_of_an_integration_but_not_of_a_mixture_name(onto: object) -> None:
    facts = _facts(onto, "TinyNAS: Latency-Bounded Search for Sensors",
                   "We introduce TinyNAS, a search system integration of Energy Lookup Tables, dynamic kernels and a "
                   "novel search space for sensor data. We propose Mixture of Ternary Experts for small devices.")
    assert ("HAS_COMPONENT", "method/tinynas", "method/energy-lookup-tables") in facts, facts
    assert not any(t == "method/ternary-experts" for _r, _s, t in facts), facts


def test_a_mapper_part_that_is_a_metric_or_a_word_of_the_own_name_is_none() -> None:
    from kg.records import TITLE_SEPARATOR as SEP
    from loaders.mapping.doc import Acronym, LinkedDoc, ProposedMethod
    from loaders.mapping.text import split_sentences
    from loaders.relations import _mention
    from ontology.vocab import NodeLabel

    title = "SpeedBench: Timing Generated Code"
    abstract = ("We propose Robust Lean Search (RLS). Unlike older suites, RLS integrates a novel metric Fast@K to "
                "score code efficiency.")
    paper, text = _paper(title, abstract), title + SEP + abstract
    sents = split_sentences(text, title_end=len(title))
    sent_of = lambda pos: next(s.index for s in reversed(sents) if s.start <= pos)  # noqa: E731
    rls, fast, robust = text.index("RLS"), text.index("Fast@K"), text.index("Robust")
    doc = LinkedDoc(
        paper=paper, sentences=sents,
        methods=(ProposedMethod(id="method/rls", name="RLS", start=rls, end=rls + 3, sentence=sent_of(rls),
                                components=("method/fast-k", "method/robust")),),
        mentions=(_mention("Robust", robust, robust + 6, sent_of(robust), NodeLabel.METHOD, "method/robust"),
                  _mention("Fast@K", fast, fast + 6, sent_of(fast), NodeLabel.METHOD, "method/fast-k")),
        acronyms=(Acronym(short="RLS", long="Robust Lean Search", start=robust, end=rls + 4, sentence=sent_of(rls)),))
    assert not any(r.type.value == "HAS_COMPONENT" for r in extract_relations(doc))


def test_a_title_naming_the_method_and_the_component_it_compresses(onto: object) -> None:
    facts = _facts(onto, "NullMerge: Tuning-Free KV Cache Compression for Long Contexts",
                   "We propose NullMerge, a zero-shot framework for cache management with three key ideas.")
    assert ("REDUCES", "method/nullmerge", "memory/kv-cache") in facts, facts


def test_a_linked_descriptor_word_is_no_comparator(onto: object) -> None:
    facts = _facts(onto, "rLSTM 5B: A Recurrent Model for Fast Decoding",
                   "We introduce rLSTM 5B. Our experiments show that rLSTM 5B performs comparably to similar-sized "
                   "Mamba-based LLMs while decoding faster.")
    assert not any(r == "COMPARED_WITH" and t.endswith("-based") for r, _s, t in facts), facts


def test_a_language_name_is_no_method(onto: object) -> None:
    facts = _facts(onto, "GLX-90B: An Open Bilingual Model",
                   "We present GLX-90B. It clearly outperforms the largest Chinese language model on many benchmarks.")
    assert ("COMPARED_WITH", "method/glx-90b", "method/chinese") not in facts, facts


def test_what_a_method_builds_on_a_task_and_a_based_descriptor_are_no_parts(onto: object) -> None:
    facts = _facts(onto, "EdgeSeg: Tracking Anything on Phones",
                   "We propose EdgeSeg. On top of Segment Everything Model (SEM), EdgeSeg adds a memory bank. "
                   "Point clouds help in many domains, including Simultaneous Localization and Mapping (SLAM). "
                   "We employ a Monte Carlo Tree Search (MCTS) based policy to pick chunks.")
    assert not any(r == "HAS_COMPONENT" and t in ("method/sem", "method/slam", "method/mcts") for r, _s, t in facts), facts


def test_the_method_itself_named_after_a_proposal_is_no_part(onto: object) -> None:
    facts = _facts(onto, "PoisonProbe: Red-Teaming Agents Through Memory",
                   "Agents keep long-term memory. To uncover risks, we first propose a novel red teaming approach "
                   "PoisonProbe, the first backdoor attack on agents.")
    assert not any(r == "HAS_COMPONENT" and "poisonprobe" in t for r, _s, t in facts), facts


def test_a_mapper_part_cut_before_its_head_noun_gets_it_back() -> None:
    from kg.records import TITLE_SEPARATOR as SEP
    from loaders.mapping.doc import LinkedDoc, ProposedMethod
    from loaders.mapping.text import split_sentences
    from loaders.relations import _mention
    from ontology.vocab import NodeLabel

    title = "SparkLLM: LLM Inference on FPGAs"
    abstract = "We present SparkLLM. We propose a reconfigurable sparse MAC chain to serve several sparsity patterns."
    paper, text = _paper(title, abstract), title + SEP + abstract
    sents = split_sentences(text, title_end=len(title))
    sent_of = lambda pos: next(s.index for s in reversed(sents) if s.start <= pos)  # noqa: E731
    at, part = text.index("SparkLLM", len(title)), text.index("reconfigurable sparse MAC")
    doc = LinkedDoc(
        paper=paper, sentences=sents,
        methods=(ProposedMethod(id="method/sparkllm", name="SparkLLM", start=at, end=at + 8, sentence=sent_of(at),
                                components=("method/reconfigurable-sparse-mac",)),),
        mentions=(_mention("reconfigurable sparse MAC", part, part + 25, sent_of(part), NodeLabel.METHOD,
                           "method/reconfigurable-sparse-mac"),))
    facts = {(r.type.value, r.source, r.target) for r in extract_relations(doc)}
    assert ("HAS_COMPONENT", "method/sparkllm", "method/reconfigurable-sparse-mac-chain") in facts, facts


def test_full_precision_components_are_not_reduced(onto: object) -> None:
    facts = _facts(onto, "DraftTree: Parallel Drafting for Offloaded Models",
                   "We propose DraftTree. With DraftTree, 70B models run on consumer GPUs with RAM offloading at "
                   "5 tokens per second with 4-bit quantization or 2 tokens per second with 16-bit weights.")
    assert ("REDUCES", "method/drafttree", "memory/weights") not in facts, facts


def test_building_on_a_common_class_of_models_extends_no_method(onto: object) -> None:
    facts = _facts(onto, "ReCache: Streaming Video Answers",
                   "We propose ReCache. Building on a common Video-LLM, we add sliding-window attention. ReCache "
                   "enhances applicability over existing VideoQA models. It is an AI-native design.")
    assert not any(r == "EXTENDS" for r, _s, _t in facts), facts


def test_a_benchmark_the_paper_names_in_other_ways(onto: object) -> None:
    title = "LoopBench: Timing Agents on Long Tasks"
    paper = _paper(title, "Agents are slow. LoopBench is a new benchmark of 300 long tasks for timing agents.")
    facts = {(r.type.value, r.source, r.target) for r in extract_relations(link_paper(paper, onto))}
    assert ("INTRODUCES", paper.id, "dataset/loopbench") in facts, facts
    title2 = "CodeArena: Efficiency of Generated Code"
    paper2 = _paper(title2, "To fill this gap, we introduce CodeArena, which times generated programs on 500 problems.")
    facts2 = {(r.type.value, r.source, r.target) for r in extract_relations(link_paper(paper2, onto))}
    assert ("INTRODUCES", paper2.id, "dataset/codearena") in facts2, facts2


def test_a_part_the_authors_name_in_plain_words(onto: object) -> None:
    facts = _facts(onto, "SkimViT: Token Skimming for Vision Transformers",
                   "We propose SkimViT. It adds a light module, termed adaptive token skimmer (ATS), before each block.")
    assert ("HAS_COMPONENT", "method/skimvit", "method/ats") in facts, facts


def test_softmax_is_a_function_not_a_baseline_method(onto: object) -> None:
    facts = _facts(onto, "Quillon: Windowed Recurrent Attention",
                   "We present Quillon, a recurrent attention layer. Quillon has provable advantages over Linear "
                   "and Softmax Attention on recall tasks.")
    assert not any(t == "method/softmax" for _r, _s, t in facts), facts
