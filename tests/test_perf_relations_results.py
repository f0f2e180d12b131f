"""The per-paper shortcuts of the relation and result extractors give the answers of the plain code they replace."""

from __future__ import annotations

from pathlib import Path

import pytest

from loaders import relations
from ontology.vocab import NodeLabel


@pytest.fixture(scope="module")
def seed_sentences(seeds_dir: Path) -> list[tuple[str, int, int]]:
    """(paper text, start, end) of every sentence of the seed papers (split as the mapper splits them)."""
    from loaders.mapping.corpus import load_seed_papers
    from loaders.mapping.text import split_sentences

    return [(p.text, s.start, s.end) for p in load_seed_papers(seeds_dir)
            for s in split_sentences(p.text, title_end=len(p.title))]


def _technique_named_plainly(surface: str, start: int, text: str) -> bool:
    # the test _named_all wrote inline for each technique mention before it was kept per surface
    words = surface.split()
    generic = relations._generic_words()
    return len(words) <= 3 and (
        any(relations._name_like(w) and w not in generic and w.rstrip("s") not in generic
            and not relations._FORMAT.fullmatch(w) for w in words)
        or (len(words) == 1 and surface[:1].isupper() and surface[1:].islower()
            and surface.lower() not in relations._STOP_CAPS and start > 0
            and text[start - 2 : start] not in (". ", "\n\n")))


def test_a_technique_mention_kept_per_surface_is_named_as_the_inline_test_names_it() -> None:
    surfaces = ["GaLore", "4-bit QLoRA", "quantization", "Pruning", "The", "LLMs", "FP16", "W4A16", "LoRA adapters",
                "low rank adaptation of weights", "Medusa", "KV", "Speculative decoding", "x86 kernels", "A", "GPU",
                "structured sparsity", "Lion", "Distillation", "SmoothQuant-style"]
    for surface in surfaces:
        for text, start in ((f"We use {surface} here.", 7), (f"Done. {surface} helps.", 6),
                            (f"{surface} helps.", 0), (f"Intro\n\n{surface} helps.", 7)):
            kind = relations._technique_named(surface)
            named = kind == relations._COINED or (
                kind == relations._PLAIN and start > 0 and text[start - 2 : start] not in (". ", "\n\n"))
            assert named == _technique_named_plainly(surface, start, text), (surface, text)


def test_the_label_sets_answer_as_the_inline_tuples_did_for_every_label() -> None:
    naming = (NodeLabel.METHOD, NodeLabel.TECHNIQUE)
    blocking = (NodeLabel.MODEL, NodeLabel.DATASET, NodeLabel.HARDWARE, NodeLabel.HARDWARE_CLASS, NodeLabel.METRIC,
                NodeLabel.ARCHITECTURE, NodeLabel.MODEL_FAMILY)
    for label in NodeLabel:
        assert (label in relations._NAMING_LABELS) == (label in naming), label
        assert (label in relations._BLOCKING_LABELS) == (label in blocking), label


_INTRO_TEXTS = [
    "We introduce FooBench, a benchmark for tiny models.", "In this work WE PRESENT a new dataset (TinyQA).",
    "This Paper\nbuilds a test suite, called EvalKit.", "we also release an evaluation suite named Probe-7.",
    "Then we use GRPO to create a dataset of proofs.", "Nobody introduces anything here; weights are pruned.",
    "The tower we constructed holds.", "Ünïcode text: we present the Ĳ dataset.", "İn this paper we curate a dataset X.",
    "ſo we propoſe a metric, called S-Score.", "We  introduce two spaces.", "swe present nothing", "",
]


def _intro_spans_plainly(text: str, start: int, end: int) -> list[tuple[int, int]]:
    return [m.span() for m in relations._INTRO_FRAME.finditer(text, start, end)]


def test_the_introduction_frame_searched_where_its_opening_is_finds_what_a_scan_of_every_sentence_finds(
        seed_sentences: list[tuple[str, int, int]]) -> None:
    cases = [(t, 0, len(t)) for t in _INTRO_TEXTS] + [(t, 3, len(t) - 2) for t in _INTRO_TEXTS if len(t) > 5]
    cases += seed_sentences
    found = 0
    for text, start, end in cases:
        plain = _intro_spans_plainly(text, start, end)
        assert [m.span() for m in relations._INTRO_FRAME_G.iter_in(text, start, end)] == plain, text[start:end]
        found += bool(plain)
    assert found >= 10  # (the comparison covers sentences the frame matches, not only misses)


def test_the_fewer_gate_words_of_the_result_patterns_let_through_the_texts_all_their_words_let_through(
        seed_sentences: list[tuple[str, int, int]]) -> None:
    from loaders import results
    from loaders.mapping.text import needed_words

    patterns = [rx for _m, rx in results._METRIC_RES] + [
        results._AVERAGE, results._CONTEXT_SET, results._OTHER_SETTING_BEFORE, *(rx for _k, rx in results._CONDITION_BEFORE)]
    texts = ["accelerated decoding", "2x speed-ups over", "lower time-to-first-token", "f1 scores", "on average",
             "when the context window is extended to", "nothing to see", "", "win-rates and gpu-hours"]
    texts += [text[start:end].lower() for text, start, end in seed_sentences[::3]]
    for rx in patterns:
        words = needed_words(rx)
        if words is None:
            assert results._gate_words(rx) is None
            continue
        fewer = results._gate_words(rx)
        assert fewer is not None and set(fewer) <= set(words)
        for low in texts:
            assert any(w in low for w in fewer) == any(w in low for w in words), (rx.pattern[:40], low)
    scans = {metric: words for metric, _rx, _f, words in results._METRIC_SCANS}
    assert scans["metric/speed"] is not None and "accelerated" not in scans["metric/speed"]  # ("accelerate" is)


def _lexicon_hits_plainly(table: tuple[tuple[str, str], ...], text: str) -> list[tuple[str, int, int]]:
    # every entry searched everywhere, with no word gate
    hits: list[tuple[str, int, int]] = []
    for target, rx in table:
        for m in relations._word_rx(rx).finditer(text):
            if not any(s <= m.start() < e for _, s, e in hits):
                hits.append((target, m.start(), m.end()))
    return hits


def test_the_bottleneck_words_gate_no_sentence_holding_a_bottleneck(seed_sentences: list[tuple[str, int, int]]) -> None:
    # a phrase for each alternative of each entry, in upper and lower case
    phrases = ["memory bandwidth", "memory-bound", "bandwidth-limited", "bandwidth bottleneck", "data movement",
               "memory traffic", "HBM reads", "hbm accesses", "reads and writes", "I/O cost", "memory wall",
               "memory bottlenecks", "memory capacity", "system-memory consumption", "system memory bottleneck",
               "out-of-memory", "communication volume", "Memory\ncapacity", "memory usage", "memory access"]
    texts = [f"Our kernel cuts {p} on GPUs." for p in phrases] + [f"{p.upper()} limits it" for p in phrases]
    texts += [text[start:end] for text, start, end in seed_sentences]
    found = 0
    for text in texts:
        for table in (relations._BOTTLENECK_SPECIFIC, relations._MEMORY):
            plain = _lexicon_hits_plainly(table, text)
            assert relations._lexicon_hits(table, text) == plain, text
            assert relations._lexicon_may_hit(table, text) or not plain, text
            found += bool(plain)
    assert found > 100
