"""Shapes of abstracts the first rules misread, found through the blind sets' errors (issue 4, stop 15).

Mostly ways a paper sets out (or seems to set out) a method of its own, plus datasets named by an acronym,
model names that only label a link, and two senses of a topic's words. Each abstract is written for its test.
"""

from __future__ import annotations

import ontology
from kg.records import Paper
from loaders.mapping import map_paper
from loaders.mapping.linker import link
from ontology.vocab import RelType
from tests.graphdata import written_paper as _paper


def _methods(p: Paper) -> list[str]:
    return [m.name for m in link(p).doc.methods]


def _datasets(p: Paper) -> set[str]:
    return {r.target for r in map_paper(p, ontology.load()).relations if r.type is RelType.EVALUATED_ON}


def test_a_second_name_coordinated_with_the_first_is_proposed_too() -> None:
    p = _paper(
        "Long Chains Without Long Caches",
        "We propose the Chain Reasoner Model (CRM), a family of small models trained to split problems, and "
        "CHAINSERVE, an inference engine that keeps only the cache of open subproblems. CRM on CHAINSERVE "
        "solves longer problems on one GPU.",
    )
    assert {"CRM", "CHAINSERVE"} <= set(_methods(p)), _methods(p)


def test_a_name_after_the_kind_of_thing_released_is_a_method_not_a_dataset() -> None:
    p = _paper(
        "Fair Speed Tables for Text Models",
        "We build a leaderboard that compares text models by accuracy and cost. Along with the benchmark, we "
        "also release a strong baseline, HopBERT, which can stop at any layer. HopBERT matches larger models.",
    )
    assert "HopBERT" in _methods(p)
    assert "dataset/hopbert" not in _datasets(p)


def test_a_coined_name_proposed_in_the_passive_present_is_a_method() -> None:
    p = _paper(
        "Runtime Tricks for Training on Small GPUs",
        "This thesis studies why training stalls on data movement. First, GraphPipe-Direct is devised to move "
        "graph features straight to the GPU. Finally, the DiskTrain offloading framework is designed and built "
        "to keep activations on SSDs.",
    )
    assert {"GraphPipe-Direct", "DiskTrain"} <= set(_methods(p)), _methods(p)


def test_a_name_proposed_in_the_past_tense_is_prior_work() -> None:
    p = _paper(
        "Revisiting Offloading for Fine-Tuning",
        "The DiskTrain framework was proposed to keep activations on SSDs. We measure where its time goes and "
        "find that most of it is spent waiting on the PCIe bus.",
    )
    assert "DiskTrain" not in _methods(p)


def test_an_acronym_for_a_task_names_no_dataset() -> None:
    p = _paper(
        "Fast Open-Set Scene Parsing",
        "Video Scene Segmentation (VSS) labels every pixel of every frame. We propose QuickParse, a light "
        "segmenter, and test it on three VSS datasets, where it runs in real time on one GPU.",
    )
    assert "dataset/vss" not in _datasets(p)
    assert "QuickParse" in _methods(p)


def test_data_efficiency_that_means_moving_less_data_is_a_systems_sense() -> None:
    systems = _paper(
        "Runtime Support for Data-Efficient Training on GPUs",
        "Training large models is slowed by data movement between host and GPU. By data efficiency we mean "
        "hiding data access latency and skipping needless transfers. We propose FeedPipe, a runtime that "
        "prefetches activations and cuts GPU memory use by a third.",
    )
    learning = _paper(
        "Data-Efficient Fine-Tuning of Vision Models",
        "We study data efficiency: how few labelled images a model needs to reach a target accuracy. Our "
        "curriculum reaches full accuracy with a tenth of the labels.",
    )
    assert link(systems).doc.in_scope
    assert not link(learning).doc.in_scope and link(learning).doc.topic == "topic/data-efficiency"


def test_test_time_memorization_names_sequence_layers_not_a_memory_topic() -> None:
    p = _paper(
        "Online Recall: Test-Time Memorization for Recurrent Language Models",
        "Linear recurrent models compress the past into a fixed state. We present RecallNet, a recurrent layer "
        "whose state is a small network trained online on each sequence, and compare it with linear RNNs and "
        "Transformers on language modelling at equal compute.",
    )
    doc = link(p).doc
    assert doc.in_scope and "technique/linear-rnn" in doc.techniques, (doc.topic, doc.techniques)


def test_title_case_names_set_out_as_contributions() -> None:
    p = _paper(
        "Three Cheaper Heads",
        "We study attention heads with fewer projections. Our first contribution is Lean Attention, which drops "
        "the value projection. Lastly, we introduce Sparse Lattice, which shares keys across heads.",
    )
    assert {"Lean Attention", "Sparse Lattice"} <= set(_methods(p)), _methods(p)


def test_a_coined_acronym_proposed_in_the_passive_is_a_method() -> None:
    p = _paper(
        "Streaming Inference for Video Networks",
        "Offline video models recompute every frame. Here, the idea of Stepwise Video Networks (SVNs) is proposed "
        "and tested on three backbones, cutting the cost per frame tenfold.",
    )
    assert "SVNs" in _methods(p), _methods(p)


def test_a_plain_word_coinage_with_its_acronym_is_the_method_unless_the_title_names_one() -> None:
    plain = _paper(
        "Turning Adapters Reversible",
        "Adapter tuning still caches activations. We propose reversible adapter tuning (RAT) that inserts "
        "adapters so that every layer can be inverted. RAT cuts activation memory by 80%.",
    )
    titled = _paper(
        "FooServe: Serving Four-Bit Models",
        "We present FooServe, a serving system. We propose mixed block quantization (MBQ) that keeps outlier "
        "blocks in eight bits. FooServe doubles throughput.",
    )
    assert "RAT" in _methods(plain)
    assert _methods(titled) == ["FooServe"], _methods(titled)


def test_a_catalog_name_the_paper_calls_its_proposed_model_is_its_method() -> None:
    claimed = _paper(
        "Rethinking Small Vision Transformers",
        "We search a supernet for low latency. The proposed models, MobileViTv3, beat MobileNetV2 on ImageNet "
        "at equal latency.",
    )
    ours = _paper(
        "A Video Generator",
        "We train a video model with a series of innovations, including our novel VAE and a new data pipeline.",
    )
    assert "MobileViTv3" in _methods(claimed), _methods(claimed)
    assert "VAE" not in _methods(ours)


def test_an_acronym_defined_for_an_evaluation_or_a_benchmark_is_a_dataset() -> None:
    p = _paper(
        "TutorLite Technical Report",
        "We present TutorLite, a small tutoring model for phones. It beats its base model on a school maths "
        "evaluation (SMEval) and in a human evaluation (HE) with twenty teachers.",
    )
    assert "dataset/smeval" in _datasets(p)
    assert "dataset/he" not in _datasets(p)


def test_a_model_name_that_labels_a_link_is_not_evaluated() -> None:
    p = _paper(
        "Qwen Lite Report",
        "We shrink Qwen2-7B into a 2B model by pruning and distillation. Demo, Qwen Chat: https://example.org/chat",
    )
    models = {r.target for r in map_paper(p, ontology.load()).relations if r.type is RelType.EVALUATED_ON
              and r.target.startswith("model/")}
    assert "model/qwen-2-7b" in models and "model/qwen-chat" not in models, models
