"""Numbers, units and claims read from plain sentences (loaders.quantities, loaders.results.parse_sentence).

Every sentence here is written for the test; none is taken from the seed listings.
"""

from __future__ import annotations

import pytest

from loaders.quantities import find_precisions, find_quantities
from loaders.results import parse_sentence


def _units(text: str) -> list[tuple[float, str | None, str | None]]:
    return [(q.value, q.unit, q.unit_raw) for q in find_quantities(text) if q.role == "measure"]


@pytest.mark.parametrize(
    ("text", "value", "unit", "raw"),
    [
        ("a 5.2x cut", 5.2, "x", "x"),
        ("a 5.2times cut", 5.2, "x", "times"),
        ("a 5.2× cut", 5.2, "x", "×"),
        ("a 5.2 times cut", 5.2, "x", "times"),
        ("a three-fold cut", 3.0, "x", "fold"),
        ("60\\% less", 60.0, "percent", "%"),
        ("60 percent less", 60.0, "percent", "percent"),
        ("needs 390GB", 390.0, "GB", "GB"),
        ("needs 1.5 GiB", 1.5, "GB", "GiB"),
        ("needs 320KB", 320.0, "KB", "KB"),
        ("takes 12 ms", 12.0, "ms", "ms"),
        ("runs at 93 tokens/s", 93.0, "tokens/s", "tokens/s"),
        ("gains 2.3 percentage points", 2.3, "points", "percentage points"),
        ("14 minutes", 840.0, "s", "minutes"),
        ("3.8 GPU-days", 91.2, "hours", "GPU-days"),
        ("225 TFLOPs/s", 2.25e14, "FLOPs", "TFLOPs/s"),
        ("7B parameters", 7e9, "params", "B parameters"),
        ("0.8 bits per weight", 0.8, "bits", "bits"),
    ],
)
def test_units_are_normalised(text: str, value: float, unit: str, raw: str) -> None:
    got = _units(text)
    assert got, text
    assert got[0][0] == pytest.approx(value)
    assert got[0][1:] == (unit, raw)


def test_ranges_lists_and_changes() -> None:
    (q,) = find_quantities("between 2.6-3.5× smaller")
    assert (q.value, q.value_max, q.unit) == (2.6, 3.5, "x")
    (q,) = find_quantities("from 2x to 13x")
    assert (q.value, q.value_max) == (2.0, 13.0)
    (q,) = find_quantities("memory fell from 48GB to 6GB")
    assert (q.value, q.change_from, q.unit) == (6.0, 48.0, "GB")
    a, b = find_quantities("is 1.5 and 3.25 times slower")
    assert a.unit == b.unit == "x" and a.group == b.group
    a, b = find_quantities("reaches 71.2/73.9% on two splits")
    assert (a.value, b.value, a.unit) == (71.2, 73.9, "percent")


def test_word_forms() -> None:
    assert _units("doubling the throughput") == [(2.0, "x", "doubling")]
    assert _units("twice as fast") == [(2.0, "x", "twice")]
    assert _units("an order of magnitude fewer") == [(10.0, "x", "orders of magnitude")]
    assert _units("only one-quarter of the weights")[0][:2] == (25.0, "percent")
    assert _units("only 3/4 of the weights")[0][:2] == (75.0, "percent")
    assert _units("in roughly one millisecond") == [(1.0, "ms", "millisecond")]
    assert _units("at $1.20 per hour")[0][:2] == (1.2, "none")


@pytest.mark.parametrize(
    ("text", "role"),
    [
        ("published in 2021 by", "year"),
        ("as shown in [12, 14]", "citation"),
        ("see Section 4 for", "section"),
        ("Table 3 lists", "section"),
        ("top-1 accuracy", "name"),
        ("the Foo-2 family", "name"),
        ("the 3rd place", "ordinal"),
        ("an 8/64 routing layout", "format"),
    ],
)
def test_numbers_that_are_not_measurements(text: str, role: str) -> None:
    assert {q.role for q in find_quantities(text)} == {role}


def test_precisions() -> None:
    assert [p for p, _s, _e in find_precisions("W4A8 against FP16 and INT4 kernels")] == ["w4a8", "fp16", "int4"]


# -- claims -------------------------------------------------------------------------------------


def _one(text: str) -> dict[str, object]:
    (r,) = parse_sentence(text)
    return {k: getattr(r, k) for k in ("metric", "value", "unit", "kind", "direction", "qualifier", "baseline_text")}


def test_relative_claims() -> None:
    r = _one("Our cache shrinks KV memory by up to 4.1x compared to FP16 serving.")
    assert r == {"metric": "metric/memory", "value": 4.1, "unit": "x", "kind": "relative", "direction": "decrease",
                 "qualifier": "up_to", "baseline_text": "FP16 serving"}
    r = _one("On average the kernel is 37% faster than Baz-Attn.")
    assert (r["metric"], r["kind"], r["direction"], r["qualifier"]) == ("metric/speed", "relative", "increase", "on_average")
    assert r["baseline_text"] == "Baz-Attn"


def test_absolute_claims() -> None:
    r = _one("The compact network reaches 81.5% top-1 accuracy after pruning.")
    assert (r["metric"], r["kind"], r["direction"]) == ("metric/accuracy", "absolute", None)
    r = _one("Decoding runs at 41 tokens/s on one board.")
    assert (r["metric"], r["unit"], r["kind"]) == ("metric/throughput", "tokens/s", "absolute")


def test_one_sentence_several_results_share_context() -> None:
    rs = parse_sentence("The system cuts latency by 31% and memory by 2.5x at 32K context with 8/64 experts.")
    assert [(r.metric, r.value, r.unit) for r in rs] == [("metric/latency", 31.0, "percent"), ("metric/memory", 2.5, "x")]
    assert all(r.conditions == {"context_length": "32K", "configuration": "8/64"} for r in rs)


def test_settings_are_conditions_not_results() -> None:
    rs = parse_sentence("At 50% sparsity and batch size 16, the pruned model keeps 97% of its accuracy with W4A16 weights.")
    assert [r.value for r in rs] == [97.0]
    assert rs[0].conditions == {"sparsity": "50%", "batch_size": "16", "bit_width": "W4A16"}
    assert rs[0].kind == "relative" and rs[0].direction is None  # a share of a reference, no change


def test_non_results_yield_nothing() -> None:
    for text in (
        "Since 2019, three benchmarks with 12 tasks were proposed [4].",
        "We study 7B and 13B models trained on 2T tokens.",
        "Section 5 describes the 2 stages of the pipeline.",
        "The corpus holds 52k instructions in 9 languages.",
    ):
        assert parse_sentence(text) == (), text


def test_unresolved_metric_is_partial_never_guessed() -> None:
    (r,) = parse_sentence("It improves the zorb index by 12%.")
    assert r.metric is None and r.partial
    assert (r.value, r.unit, r.kind, r.direction) == (12.0, "percent", "relative", "increase")


def test_operations_per_second_are_raw_flops_and_nanoseconds_microseconds() -> None:
    from loaders.quantities import find_quantities

    assert [(q.value, q.unit) for q in find_quantities("It reaches 2 TOPS and 128 GOPS in 400 ns")] == [
        (2e12, "FLOPs"), (1.28e11, "FLOPs"), (0.4, "us")]


def test_written_counts_lost_factor_signs_and_mixed_time_units() -> None:
    from loaders.quantities import find_quantities

    assert [(q.value, q.unit) for q in find_quantities("with under twenty thousand trainable parameters")] == [(2e4, "params")]
    assert [(q.value, q.unit) for q in find_quantities("a speedup of times 64")] == [(64.0, "x")]
    q = find_quantities("cut the wait from 2 hours to 30 minutes")[0]
    assert (q.value, q.unit, q.change_from) == (1800.0, "s", 7200.0)


def test_list_markers_are_not_numbers() -> None:
    from loaders.quantities import find_quantities

    assert [q.role for q in find_quantities("(1) it trims memory by 30%; (2) it runs 2x faster")] == [
        "ordinal", "measure", "ordinal", "measure"]


@pytest.mark.parametrize(
    "text",
    [
        "The proposed scheduler keeps every expert busy without any extra memory.",
        "Decoding becomes twice as fast while the answers stay the same.",
        "A two-fold cut in latency comes from fusing the kernels.",
        "It halves the cache and needs a third of the bandwidth.",
        "Training takes a few hours on one node, about three orders of magnitude less.",
        "Inference costs $3 per hour instead of 40.",
        "Our method reaches 71.2% accuracy with 4-bit weights [12].",
        "The café model runs in ten minutes.",
        "Nothing here is measured, only described in words.",
    ],
)
def test_sentences_passed_over_hold_no_quantity(text: str) -> None:
    # the fast path (no digit and no number word: nothing is read) agrees with reading the sentence
    from loaders.quantities import _read_quantities, may_hold_quantity

    assert find_quantities(text) == _read_quantities(text)
    if not may_hold_quantity(text):
        assert _read_quantities(text) == [] and parse_sentence(text) == ()


def test_what_is_passed_over() -> None:
    from loaders.quantities import may_hold_quantity

    assert not may_hold_quantity("Nothing here is measured, only described in words.")
    assert may_hold_quantity("Decoding becomes twice as fast.") and may_hold_quantity("It needs 3 GPUs.")
    assert may_hold_quantity("The café model runs fast.")  # not ASCII: read in full


def test_gated_sentence_patterns_find_what_the_plain_ones_find() -> None:
    # the comparison cues are searched lowercase in the lowercased sentence, and only where their words are
    from loaders import results as r

    sentences = (
        "Compared to FP16, FooQuant cuts memory by 3.1x and runs 2x faster than AWQ on a single A100 GPU.",
        "It matches the accuracy of the original model with a batch size of one, versus 4.2 GB for GPTQ.",
        "OUR KERNEL OUTPERFORMS FlashAttention BY 12% AND REDUCES THE LATENCY OF decoding TO 8 ms.",
        "Nothing is compared here, and no cue appears.",
        "Relative to the na\u00efve baseline, it saves 40% of the memory of Adam, the same as in prior work.",
    )
    pairs = ((r._COMPARATIVE_G, r._COMPARATIVE), (r._OWNER_CUE_G, r._OWNER_CUE), (r._BASELINE_CUE_G, r._BASELINE_CUE_R),
             (r._BATCH_IN_WORDS, r._BATCH_IN_WORDS.pattern), (r._ONE_DEVICE, r._ONE_DEVICE.pattern))
    for text in sentences:
        for gated, plain in pairs:
            spans = [m.span() for m in plain.finditer(text)]
            assert gated.spans(text) == spans
            assert [m.span() for m in gated.iter_in(text)] == spans


def test_metric_words_read_lowercase_are_the_plain_ones() -> None:
    # _head_metric scans a lowercased phrase with each metric's lowercase pattern, only where its words are
    from loaders.results import _METRIC_SCANS

    for phrase in (" lower end-to-end Latency and KV-cache memory", " Top-1 Accuracy drop on the F1 score", "low-cost regimes",
                   " GPU-hours of training time and TTFT", " IS of 9.9 with FID and mIoU", " tokens/s throughput per Watt",
                   " perplexity (PPL) and WER", " na\u00efve speed-up", " BLEU and win-rates", " model sizes on disk"):
        low = phrase.lower()
        for _metric, rx, folded, words in _METRIC_SCANS:
            plain = [m.span() for m in rx.finditer(phrase)]
            if folded is None or not phrase.isascii():
                continue
            if words is not None and not any(w in low for w in words):
                assert plain == []
            else:
                assert [m.span() for m in folded.finditer(low)] == plain


def test_average_gate_agrees_with_the_plain_search() -> None:
    from loaders.results import _AVERAGE, _says_average

    for text in ("On average, it is 2x faster", "an average of 3 points", "which would mean a 30% cut", "the mean latency",
                 "AVG. gain", "no such word here", "averaged over runs", "caf\u00e9 mean score", "demeaning", ""):
        assert _says_average(text) == (_AVERAGE.search(text) is not None), text


def test_setting_word_gates_agree_with_the_plain_searches() -> None:
    # _condition_of searches a setting pattern only where the words its matches hold are
    from loaders.results import (_CONDITION_BEFORE_GATED, _CONTEXT_SET, _CONTEXT_SET_WORDS, _OTHER_SETTING_BEFORE,
                                 _OTHER_SETTING_WORDS, _may_hold)

    gates = [(rx, words) for _k, rx, words in _CONDITION_BEFORE_GATED]
    gates += [(_CONTEXT_SET, _CONTEXT_SET_WORDS), (_OTHER_SETTING_BEFORE, _OTHER_SETTING_WORDS)]
    for text in ("when the Context Window is expanded to ", "at a sparsity level of ", "with a Batch Size of ",
                 "under a KV cache budget of ", "at the same latency of ", "a learning rate of ", "with sequence lengths up to ",
                 "with a compression ratio of ", "at a pruning ratio of ", "plain words before ", "a na\u00efve budget of ", ""):
        for rx, words in gates:
            if rx.search(text):
                assert _may_hold(text, words), (rx.pattern, text)
