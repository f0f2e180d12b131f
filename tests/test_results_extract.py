"""Result records from linked papers: binding to methods, models, data sets, hardware and baselines.

The papers are written for the test (no seed text); they go through the real loader normaliser,
the real mapper (``link_paper``) and the real ontology.
"""

from __future__ import annotations

from loaders.mapping.mapper import link_paper
from loaders.results import extract_results
from ontology.vocab import RelType, check_edge
from tests.graphdata import written_paper as _paper


KV = _paper(
    "ZipKV: Squeezing the KV Cache of Long-Context LLMs",
    "Serving long prompts is limited by the size of the KV cache. "
    "We propose ZipKV, a training-free method that merges similar cache entries. "
    "On Llama-2-7B, ZipKV reduces KV cache memory by up to 5.2x compared to FP16 with under 1% accuracy loss on LongBench. "
    "It also runs 2.1x faster than H2O on one A100 GPU at 128K context.",
)


def test_results_are_bound_to_the_linked_entities(onto: object) -> None:
    doc = link_paper(KV, onto)
    rs = extract_results(doc)
    by_value = {r.value: r for r in rs}
    mem = by_value[5.2]
    assert (mem.subject, mem.metric, mem.unit, mem.kind, mem.direction, mem.qualifier) == (
        "method/zipkv", "metric/memory", "x", "relative", "decrease", "up_to")
    assert (mem.baseline, mem.model, mem.dataset) == ("fp16", "model/llama-2-7b", "dataset/longbench")
    loss = by_value[1.0]
    assert (loss.metric, loss.qualifier, loss.kind) == ("metric/accuracy-loss", "less_than", "absolute")
    speed = by_value[2.1]
    assert (speed.metric, speed.baseline, speed.hardware) == ("metric/speed", "method/h2o", "hardware/nvidia-a100")
    assert speed.conditions == {"context_length": "128K", "devices": "1"}
    assert [r.index for r in rs] == list(range(1, len(rs) + 1))


def test_evidence_points_at_the_sentence(onto: object) -> None:
    doc = link_paper(KV, onto)
    for r in extract_results(doc):
        ev = r.evidence
        assert ev.paper_id == KV.id and ev.extractor == "results"
        assert KV.text[ev.start : ev.end] == ev.sentence
        part, start, end = KV.raw_span(ev.start, ev.end)
        assert part == "abstract" and KV.abstract[start:end] == ev.sentence


def test_every_result_link_fits_the_schema(onto: object) -> None:
    doc = link_paper(KV, onto)
    rid = "result/x/1"
    for r in extract_results(doc):
        for attr, rel in (("subject", RelType.RESULT_OF), ("model", RelType.ON_MODEL), ("dataset", RelType.ON_DATASET),
                          ("hardware", RelType.ON_HARDWARE), ("metric", RelType.MEASURES)):
            target = getattr(r, attr)
            if target:
                check_edge(rel, rid, target)
        if r.baseline and "/" in r.baseline:
            check_edge(RelType.VERSUS, rid, r.baseline)


def test_background_numbers_are_not_results(onto: object) -> None:
    paper = _paper(
        "Tiny Things: Efficient Keyword Spotting on Microcontrollers",
        "Since 2017, over 250 billion microcontrollers have shipped, as reported in [3]. "
        "Existing detectors need 2 MB of flash. "
        "We present Tiny Things, a keyword spotter for MCUs. "
        "It reaches 94.1% accuracy on Speech Commands within 48KB of SRAM.",
    )
    rs = extract_results(link_paper(paper, onto))
    assert sorted(r.value for r in rs) == [48.0, 94.1]
    acc = next(r for r in rs if r.value == 94.1)
    assert (acc.metric, acc.kind, acc.subject) == ("metric/accuracy", "absolute", "method/tiny-things")


def test_unresolvable_result_is_partial(onto: object) -> None:
    paper = _paper(
        "Quux: A Method",
        "We propose Quux, a new scheme. Quux improves the blorp factor by 17% over prior work.",
    )
    (r,) = extract_results(link_paper(paper, onto))
    assert r.partial and r.metric is None and r.value == 17.0
    assert r.evidence.confidence < 0.8


def test_respectively_pairs_values_with_names(onto: object) -> None:
    paper = _paper(
        "FastFoo: Quick Inference",
        "We propose FastFoo. FastFoo is 3.1x and 1.7x faster than vLLM and TensorRT-LLM, respectively.",
    )
    rs = extract_results(link_paper(paper, onto))
    assert [(r.value, r.baseline) for r in rs] == [(3.1, "method/vllm"), (1.7, "method/tensorrt-llm")]


def test_a_benchmark_record_is_no_baseline_method(onto: object) -> None:
    paper = _paper(
        "FastFoo: Quick Training",
        "We propose FastFoo. FastFoo trains 14% faster than the MLPerf 1.1 training speed record on BERT-large.",
    )
    (r,) = extract_results(link_paper(paper, onto))
    assert r.value == 14.0 and r.baseline is None


def test_equal_lists_of_values_and_baselines_pair_without_respectively(onto: object) -> None:
    paper = _paper(
        "FastFoo: Quick Inference",
        "We propose FastFoo. FastFoo decodes up to 2.8x and 1.3x faster than vLLM and TensorRT-LLM on long prompts.",
    )
    rs = extract_results(link_paper(paper, onto))
    assert [(r.value, r.baseline) for r in rs] == [(2.8, "method/vllm"), (1.3, "method/tensorrt-llm")]
