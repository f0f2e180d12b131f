"""Small texts, written for these tests, that pin mapping rules found from errors recurring across the
dev, dev2 and dev3 sets (causes, not single papers)."""

from __future__ import annotations

import ontology
from kg.records import Mapping
from loaders.mapping import map_paper
from ontology.vocab import RelType
from tests.graphdata import written_paper as _paper


def _targets(m: Mapping, rel: RelType) -> set[str]:
    return {r.target for r in m.relations if r.type is rel and r.source == m.paper_id}


def test_a_model_word_outside_the_methods_long_form_is_the_model(onto: ontology.Ontology) -> None:
    p = _paper(
        "Gated Stream Mamba for Efficient Sensor Analysis",
        "Sensor streams are long. In this work we carry the Mamba architecture over to sensor data and propose "
        "Gated Stream Mamba (GS-Mamba), made of gated blocks. A gate decides per step which channels enter the "
        "scan of Mamba, so GS-Mamba runs in constant memory.",
    )
    assert "model/mamba" in _targets(map_paper(p, onto), RelType.EVALUATED_ON)


def test_the_acronym_of_a_textbook_concept_is_not_a_part(onto: ontology.Ontology) -> None:
    p = _paper(
        "PickTune: Choosing Which Weights to Tune",
        "We introduce PickTune, a tuning method that updates few weights. PickTune uses the Fisher Information "
        "Matrix (FIM) to rank weights, and a directed acyclic graph (DAG) orders the layers it visits. "
        "On natural language understanding (NLU) tasks it matches full fine-tuning.",
    )
    m = map_paper(p, onto)
    parts = {r.target for r in m.relations if r.type is RelType.HAS_COMPONENT}
    assert not parts & {"method/fim", "method/dag"}
    assert _targets(m, RelType.PROPOSES) == {"method/picktune"}


def test_a_method_argued_all_through_stays_in_scope_beside_its_purpose_topic(onto: ontology.Ontology) -> None:
    p = _paper(
        "ProtoAdapt: Sample-Efficient Adapter Tuning Across Tasks",
        "Tuning a frozen model for many tasks wastes samples when labelled data are scarce. We propose ProtoAdapt, "
        "which generates the adapters of every task with a shared hypernetwork for data-efficient transfer. In "
        "few-shot settings ProtoAdapt is sample-efficient: with 5% of the data it matches full training, and its "
        "sample efficiency grows as data shrink, improving data efficiency in low-resource regimes.",
    )
    m = map_paper(p, onto)
    assert m.in_scope
    assert "technique/adapters" in _targets(m, RelType.STUDIES)


def test_a_study_of_what_makes_a_kind_of_network_efficient_is_about_network_design(onto: ontology.Ontology) -> None:
    p = _paper(
        "On the Efficiency of Vision Transformers",
        "Efficient vision transformers with fewer FLOPs are often slower on real hardware, and their memory footprint "
        "is large. We measure the inference latency and memory of twelve of them and show that computational "
        "efficiency, not operation count, predicts their speed. Reordering their blocks reduces latency by 2x and "
        "memory by 30%.",
    )
    m = map_paper(p, onto)
    assert m.in_scope
    assert _targets(m, RelType.STUDIES) == {"technique/efficient-network-design"}


def test_fewer_parameters_and_less_memory_mean_smaller_weights(onto: ontology.Ontology) -> None:
    p = _paper(
        "TinyGrid: An Efficient Lightweight Network for Physics Emulation",
        "Large networks are too heavy for embedded simulators. We propose TinyGrid, an efficient convolutional "
        "network whose kernels are split into one-dimensional filters before training. TinyGrid reaches the accuracy "
        "of a standard network with 8x fewer parameters and a lower memory footprint, and it predicts wave fields "
        "3x faster.",
    )
    reduces = {r.target for r in map_paper(p, onto).relations if r.type is RelType.REDUCES}
    assert reduces == {"memory/weights"}


def _targets_classes(title: str, abstract: str, onto: ontology.Ontology) -> set[str]:
    return _targets(map_paper(_paper(title, abstract), onto), RelType.TARGETS)


def test_a_device_class_named_only_in_the_problem_statement_is_not_targeted(onto: ontology.Ontology) -> None:
    problem = ("Large vision models reach high accuracy. However, their size and compute hinder deployment, "
               "especially on resource-constrained edge devices. ")
    work = ("We propose SlimSeg, which prunes 60% of the channels of a segmentation network with structured pruning "
            "and recovers accuracy by distillation; SlimSeg runs 2.5x faster at equal accuracy.")
    assert "hwclass/edge-device" not in _targets_classes("SlimSeg: Pruned Segmentation Networks", problem + work, onto)
    # the same class stated as what the method is built for stays
    work_for_edge = work.replace("; SlimSeg runs", " for edge devices; on an edge device SlimSeg runs")
    assert "hwclass/edge-device" in _targets_classes("SlimSeg: Pruned Segmentation Networks", problem + work_for_edge,
                                                     onto)


def test_names_the_authors_call_their_own_are_methods_but_not_their_sizes(onto: ontology.Ontology) -> None:
    p = _paper(
        "Cheaper Inference for Long Inputs",
        "Long inputs make attention slow and the KV cache large. We use a token scorer to create PackLM, a model "
        "that keeps only the KV cache entries of salient tokens. We developed TokBench, a benchmark of long "
        "documents. On LongBench our PackLM-S cuts the KV cache by 4x, and our PackLM is 2x faster.",
    )
    proposes = _targets(map_paper(p, onto), RelType.PROPOSES)
    assert {"method/packlm", "method/tokbench"} <= proposes
    assert "method/packlm-s" not in proposes


def test_a_benchmark_word_heading_a_named_data_set_does_not_make_the_method_a_benchmark(
        onto: ontology.Ontology) -> None:
    p = _paper(
        "Scaling Width and Depth Together for Small Networks",
        "We study how to shrink a network's width, depth and resolution together. Results on the ImageNet "
        "benchmark show that our GridNet beats smaller EfficientNets at equal FLOPs.",
    )
    m = map_paper(p, onto)
    assert "method/gridnet" in _targets(m, RelType.PROPOSES)
    assert "dataset/gridnet" not in _targets(m, RelType.INTRODUCES) | _targets(m, RelType.EVALUATED_ON)


def test_a_model_built_from_expert_layers_studies_the_moe_design_leaf(onto: ontology.Ontology) -> None:
    p = _paper(
        "FlockViT: A Mixture-of-Experts Vision Transformer for Many Tasks",
        "We introduce FlockViT, a vision transformer whose feed-forward layers are sparse mixture-of-experts "
        "layers, so each task activates only a few experts. With 8 experts per layer FlockViT matches a dense "
        "model on four tasks while using 40% of its FLOPs per image.",
    )
    studies = _targets(map_paper(p, onto), RelType.STUDIES)
    assert "technique/moe-architecture" in studies
    assert "technique/mixture-of-experts" not in studies


def test_a_model_name_used_as_a_measure_is_not_a_model_evaluated(onto: ontology.Ontology) -> None:
    p = _paper(
        "PrunePix: Prompt-Aware Pruning of Diffusion Models",
        "We propose PrunePix, which prunes 30% of the channels of a diffusion model with structured pruning chosen "
        "per prompt. PrunePix keeps image quality in terms of FID, CLIP, and CMMD scores, and improves the "
        "CLIP-FID trade-off of single-model pruning while running 1.8x faster.",
    )
    models = {t for t in _targets(map_paper(p, onto), RelType.EVALUATED_ON) if t.startswith("model/")}
    assert not {t for t in models if t.startswith("model/clip")}


def test_a_released_model_named_with_its_size_is_not_sized_twice(onto: ontology.Ontology) -> None:
    p = _paper(
        "Orca-70B: An Open Model Trained for Cheap Inference",
        "We release Orca-70B, a decoder model with 70 billion parameters trained to be quantized. Orca-70B keeps "
        "its accuracy at 4 bits on common benchmarks.",
    )
    models = {e.id for e in map_paper(p, onto).entities if e.label == "Model"}
    assert "model/orca-70b" in models
    assert not any(m.endswith("-70b-70b") for m in models), models


def test_attentions_quadratic_cost_stated_as_the_problem_is_efficient_attention(onto: ontology.Ontology) -> None:
    problem = ("Self-attention costs time that grows quadratically with the input length, which makes long "
               "documents expensive to encode. ")
    p = _paper(
        "Halving Encoders: Shorter Sequences Layer by Layer",
        problem + "We present a shrinking encoder that averages neighbouring hidden states after every second "
        "layer, so that deeper layers see ever fewer positions. It keeps the accuracy of the full encoder on "
        "summarisation while running 2x faster.",
    )
    m = map_paper(p, onto)
    assert m.in_scope
    assert "technique/efficient-attention" in _targets(m, RelType.STUDIES)
    # a recurrent model offered instead of attention answers the same complaint with a class of its own
    alt = _paper(
        "ScanNet: A Selective State Space Model for Long Documents",
        problem + "We present ScanNet, a Mamba-style selective state space model whose scan runs in linear time and "
        "constant memory, and which matches a transformer of equal size on summarisation.",
    )
    assert "technique/efficient-attention" not in _targets(map_paper(alt, onto), RelType.STUDIES)


def test_a_comparison_of_one_network_kind_is_about_its_design_beside_the_mechanism_named(
        onto: ontology.Ontology) -> None:
    p = _paper(
        "A Comparative Study of Efficiency in Vision Transformers",
        "Attention in vision transformers has a quadratic cost in the number of patches, and many cheaper variants "
        "have been proposed under differing conditions. We benchmark thirty of them for image classification on "
        "one setup and compare their speed, memory use and accuracy.",
    )
    studies = _targets(map_paper(p, onto), RelType.STUDIES)
    assert {"technique/efficient-attention", "technique/efficient-network-design"} <= studies


def test_removing_redundancy_in_the_hidden_sequence_is_token_reduction(onto: ontology.Ontology) -> None:
    p = _paper(
        "WaveShrink: Faster Encoders for Long Inputs",
        "Long inputs make encoders slow. We propose WaveShrink, which removes the redundancy in the hidden "
        "sequence with a wavelet transform between layers, and is 2x faster than the full encoder on long "
        "document classification.",
    )
    assert "technique/token-pruning" in _targets(map_paper(p, onto), RelType.STUDIES)


def test_quantizing_without_quantization_aware_training_is_post_training(onto: ontology.Ontology) -> None:
    p = _paper(
        "Atlas-90B: An Open Multilingual Language Model",
        "We release Atlas-90B, a multilingual language model with 90 billion parameters, and describe how it was "
        "pre-trained. Thanks to its weight distribution the model can be brought to INT4 quantization, without "
        "quantization aware training, at almost no loss, so it runs on four consumer GPUs.",
    )
    studies = _targets(map_paper(p, onto), RelType.STUDIES)
    assert "technique/post-training-quantization" in studies
    assert "technique/quantization-aware-training" not in studies


def test_a_class_the_method_does_without_is_not_studied(onto: ontology.Ontology) -> None:
    p = _paper(
        "HeadCut: Removing Attention Heads in One Shot",
        "We propose HeadCut, which removes 40% of the attention heads of a pretrained language model by head pruning "
        "in one shot, without any knowledge distillation and with no need for retraining. HeadCut keeps 98% of the "
        "accuracy on GLUE while running 1.5x faster.",
    )
    studies = _targets(map_paper(p, onto), RelType.STUDIES)
    assert "technique/structured-pruning" in studies
    assert "technique/knowledge-distillation" not in studies


def test_a_study_whose_title_names_one_leaf_is_filed_under_that_leaf(onto: ontology.Ontology) -> None:
    p = _paper(
        "An Empirical Study of Prefix Tuning Costs",
        "Parameter-efficient fine-tuning (PEFT) promises cheap adaptation of large models. We measure whether prefix "
        "tuning keeps that promise: across eight tasks, prefix tuning trains no faster than full fine-tuning and "
        "adds latency at inference, although it stores far fewer parameters per task.",
    )
    studies = _targets(map_paper(p, onto), RelType.STUDIES)
    assert studies == {"technique/prompt-tuning"}


def test_a_model_and_its_hardware_designed_together_is_hardware_co_design(onto: ontology.Ontology) -> None:
    p = _paper(
        "Lessons from Training Orion: Models Shaped by Their Chips",
        "Orion is a 200B-parameter language model trained on 4,096 GPUs. This report describes how its grouped-query "
        "attention and 8-bit training were chosen to fit the interconnect and memory of the cluster, and argues "
        "that hardware and model co-design is what kept the training cost low.",
    )
    assert "technique/hardware-co-design" in _targets(map_paper(p, onto), RelType.STUDIES)


def test_a_network_with_sparse_weights_is_unstructured_sparsity_without_the_word_pruning(
        onto: ontology.Ontology) -> None:
    p = _paper(
        "Sparse Kernels for Phone Vision Models",
        "Dense convolutions dominate the latency of vision models on phones. We propose to replace the dense "
        "1x1 convolutions of MobileNet with their sparse counterparts, and we write fast kernels for them. The "
        "sparse versions of these models run 1.5x faster than the dense ones at equal accuracy.",
    )
    assert "technique/unstructured-pruning" in _targets(map_paper(p, onto), RelType.STUDIES)


def test_the_class_a_method_claims_a_speedup_over_is_a_baseline(onto: ontology.Ontology) -> None:
    p = _paper(
        "OneShotBits: Choosing Layer Bit-Widths in One Training Run",
        "Choosing a bit-width and a pruning ratio for every layer by hand is slow. We propose OneShotBits, which "
        "learns the per-layer bit-widths and pruning ratios of a network during a single training run with a "
        "differentiable latency penalty. It is a large speed-up over neural architecture search methods, and it cuts "
        "the latency of ResNet-50 by 40% at equal accuracy.",
    )
    studies = _targets(map_paper(p, onto), RelType.STUDIES)
    assert "technique/neural-architecture-search" not in studies
    assert studies & {"technique/pruning", "technique/quantization", "technique/mixed-precision-quantization"}


def test_the_memory_budget_of_class_incremental_learning_is_not_model_efficiency(onto: ontology.Ontology) -> None:
    p = _paper(
        "Fewer Exemplars, Same Accuracy: Memory-Efficient Class-Incremental Learning",
        "Class-incremental learning adds new classes to a classifier without forgetting the old ones, usually by "
        "replaying stored exemplars from a limited memory budget. We compare class-incremental methods at equal "
        "memory size, counting stored models as well as exemplars. We propose a memory-efficient baseline that "
        "spends the memory budget on a few expanded layers instead of exemplars, reducing memory use by 40% at equal "
        "accuracy.",
    )
    m = map_paper(p, onto)
    assert not m.in_scope
    assert m.topic == "topic/other"


def test_hybrid_parallelism_in_a_memory_efficient_training_framework_is_sharding(onto: ontology.Ontology) -> None:
    p = _paper(
        "Tallfilm: Training Long Video Generators",
        "We present Tallfilm, a video diffusion transformer. To fit long clips in GPU memory, we propose a "
        "memory-efficient training framework that combines hybrid parallelism with recomputation, so that training "
        "spreads over many GPUs.",
    )
    studies = _targets(map_paper(p, onto), RelType.STUDIES)
    assert "technique/offloading-and-sharding" in studies


def test_an_efficient_vision_language_model_is_not_an_efficient_vision_backbone(onto: ontology.Ontology) -> None:
    p = _paper(
        "Efficient Vision-Language Models: A Survey",
        "Vision-language models answer questions about images but are heavy. This survey reviews how they are made "
        "cheaper, from compression and faster decoding to running them on constrained devices.",
    )
    assert "technique/efficient-network-design" not in _targets(map_paper(p, onto), RelType.STUDIES)


def test_an_adjacent_topic_named_once_as_a_step_does_not_take_an_efficient_design_out_of_scope(
        onto: ontology.Ontology) -> None:
    p = _paper(
        "SoundLite: Text-to-Speech with an Efficient Diffusion Transformer",
        "Diffusion models for speech sound natural but are slow to train. We introduce SoundLite, a diffusion "
        "transformer for speech. Its main parts are a waveform latent space, a streamlined transformer block, and a "
        "data-efficient training strategy that also uses unlabelled audio. The block speeds up convergence and "
        "lowers memory usage, and SoundLite matches larger systems in listening tests at a low training cost.",
    )
    m = map_paper(p, onto)
    assert m.in_scope
    assert "technique/efficient-network-design" in _targets(m, RelType.STUDIES)


def test_a_composition_of_whole_expert_models_is_served_not_a_sparse_moe_layer(onto: ontology.Ontology) -> None:
    p = _paper(
        "Panel: A Composition of Experts for Cheap Chat",
        "One large model is costly to run for every query. We present Panel, a Composition of Experts that keeps "
        "six open chat models and a router which sends each query to one of them. Panel is served from one node "
        "and answers as well as a model four times its active size at a third of the serving cost.",
    )
    studies = _targets(map_paper(p, onto), RelType.STUDIES)
    assert "technique/serving-systems" in studies
    assert not studies & {"technique/mixture-of-experts", "technique/moe-architecture"}


def test_a_prefix_of_each_layers_cache_is_kept_not_shared(onto: ontology.Ontology) -> None:
    # "prefix" alone is no sign of prefix sharing (paged caches): here it is how much of each layer's cache
    # is retained, which is eviction
    p = _paper(
        "LayerBudget: How Much KV Cache Each Layer Keeps",
        "The KV cache of long prompts fills GPU memory. We present LayerBudget, which gives every layer its own "
        "budget: it searches for the prefix length of the ranked KV entries to keep in each layer, and the KV "
        "retention per layer follows the importance of its tokens. The KV cache shrinks by 4x at equal accuracy.",
    )
    studied = _targets(map_paper(p, onto), RelType.STUDIES)
    assert "technique/kv-cache-eviction" in studied
    assert "technique/kv-cache-paging" not in studied


def _reduces(title: str, abstract: str, onto: ontology.Ontology) -> tuple[set[str], set[str]]:
    m = map_paper(_paper(title, abstract), onto)
    return _targets(m, RelType.STUDIES), {r.target for r in m.relations if r.type is RelType.REDUCES}


def test_distillation_shrinks_the_weights_only_when_the_student_is_smaller(onto: ontology.Ontology) -> None:
    studies, reduces = _reduces(
        "PocketPainter: Knowledge Distillation of an Image Generator",
        "Image generators are heavy. We present PocketPainter, a knowledge distillation recipe that trains a "
        "student generator from a large teacher. PocketPainter cuts the model size by 60% while keeping image "
        "quality close to the teacher.",
        onto,
    )
    assert "technique/knowledge-distillation" in studies
    assert reduces == {"memory/weights"}
    studies, reduces = _reduces(
        "SharpSteps: Knowledge Distillation for Few-Step Image Generation",
        "Sampling an image generator takes many steps. We present SharpSteps, a knowledge distillation recipe in "
        "which a student of the same architecture learns to match the teacher in four steps instead of fifty.",
        onto,
    )
    assert "technique/knowledge-distillation" in studies
    assert "memory/weights" not in reduces


def test_test_time_training_layers_are_linear_recurrent_models(onto: ontology.Ontology) -> None:
    # a TTT layer's state is a small model updated as the sequence streams by: a recurrent layer with a
    # learned state, filed with the linear recurrent models, not under test-time adaptation
    m = map_paper(_paper(
        "Wider Fast Weights for Long Sequences",
        "TTT layers keep a fast weight matrix as their state and update it with a gradient step per chunk of "
        "tokens. We make the chunks much larger, so the layer uses the GPU well, and grow the fast weights to a "
        "quarter of the model. The resulting layer beats earlier TTT layers on long language modelling.",
    ), onto)
    assert m.in_scope
    assert _targets(m, RelType.STUDIES) == {"technique/linear-rnn"}
