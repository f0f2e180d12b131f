"""Fast paths of the relation and result extractors give what their plain forms give, on every seed paper
and on a few sentences written for these tests."""

from __future__ import annotations

import dataclasses
from typing import Any

import pydantic
import pytest

import ontology
from kg.records import Evidence, Relation, ResultRecord
from loaders import relations, results
from loaders.mapping.corpus import load_seed_papers
from loaders.mapping.mapper import link_paper
from tests.graphdata import assert_built_as_validated, written_paper


@pytest.fixture(scope="module")
def seed_docs() -> list:  # type: ignore[type-arg]
    onto = ontology.load()
    return [link_paper(p, onto) for p in load_seed_papers()]


def test_relations_and_results_of_the_seed_papers_equal_their_validated_form(seed_docs: list) -> None:  # type: ignore[type-arg]
    assert_built_as_validated([r for d in seed_docs for r in relations.extract_relations(d)], Relation)
    assert_built_as_validated([r for d in seed_docs for r in results.extract_results(d)], ResultRecord)


def test_result_values_of_other_types_are_validated() -> None:
    doc = link_paper(written_paper("FooKV: Smaller Caches", "We propose FooKV. It halves the KV cache."), None)
    ev = doc.evidence(1, extractor="x", version="1", confidence=0.5)
    fields: dict[str, Any] = {"index": 1, "evidence": ev, "subject": None, "metric": "metric/memory", "value": 2, "value_max": None,
              "unit": "x", "unit_raw": "x", "kind": "relative", "direction": "decrease", "qualifier": None,
              "baseline": None, "model": None, "dataset": None, "hardware": None, "conditions": {},
              "partial": False, "value_text": "2x"}
    built = results._result_record(fields)
    assert type(built.value) is float and built == ResultRecord(**fields)  # an int value: validated into a float
    with pytest.raises(pydantic.ValidationError):
        results._result_record({**fields, "index": 0})
    with pytest.raises(pydantic.ValidationError):
        results._result_record({**fields, "kind": "sideways"})
    with pytest.raises(pydantic.ValidationError):
        results._result_record({**fields, "conditions": {"batch_size": 4}})
    assert isinstance(ev, Evidence)


# sentences written for these tests (numbers with metrics, lists, qualifiers, settings and baselines)
_SENTENCES = [
    "FooKV cuts the KV cache by up to 4.2x and lowers latency by 35% on average compared to BarKV.",
    "On two benchmarks it reaches 71.3% and 80.1% accuracy, respectively, at 4 and 3 bits.",
    "Memory drops from 48 GB to 7 GB, while throughput rises 2.5x with a batch size of eight on one GPU.",
    "It is 3.1x faster than vLLM and 1.4x faster than SGLang, with less than 0.5 points of perplexity loss.",
    "Roughly 20% fewer FLOPs and 35% lower energy, i.e. 1.6x higher tokens per watt.",
]


def test_results_read_with_the_short_replace_are_those_of_dataclasses_replace(
        seed_docs: list, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[type-arg]
    fast = [results.extract_results(d) for d in seed_docs]
    fast_sentences = [results.parse_sentence(s) for s in _SENTENCES]
    assert any(fast_sentences)
    monkeypatch.setattr(results, "_replace", dataclasses.replace)
    assert fast == [results.extract_results(d) for d in seed_docs]
    assert fast_sentences == [results.parse_sentence(s) for s in _SENTENCES]


def test_the_short_replace_refuses_what_is_not_a_field() -> None:
    r = results.SentenceResult(value=2.0, unit="x", unit_raw="x", value_text="2x", start=0, end=2)
    assert results._replace(r, metric="metric/speed") == dataclasses.replace(r, metric="metric/speed")
    assert results._replace(r, metric="metric/speed").metric == "metric/speed" and r.metric is None
    with pytest.raises(TypeError):
        results._replace(r, colour="red")


_PAPERS = [
    ("FooKV: Smaller Caches", "We propose FooKV. Compared to H2O and SnapKV, FooKV keeps 2x fewer entries. "
     "It is orthogonal to quantization. The cache grows with the context. Unlike prior work, we evict nothing."),
    ("BarNet: Fast Search", "BarNet builds on DARTS and outperforms ProxylessNAS. Search takes one day. "
     "Is this better than random search? We combine it with pruning."),
]


def test_method_relations_read_every_sentence_as_without_the_name_gate(
        seed_docs: list, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[type-arg]
    """A sentence that names nothing is not searched for cues: every paper gives the same relations as
    when every sentence is searched."""
    docs = seed_docs + [link_paper(written_paper(t, a), None) for t, a in _PAPERS]
    fast = [list(relations._method_relations(d)) for d in docs]
    assert any(fast[len(seed_docs):])
    monkeypatch.setattr(relations, "_names_any", lambda doc, start, end: True)
    assert fast == [list(relations._method_relations(d)) for d in docs]


_QUALIFIER_PHRASES = (
    "up to", "no more than", "at most", "upto", "leq", "≤", "within", "as much as", "as high as", "as many as",
    "as large as", "at least", "≥", "geq", "less than", "fewer than", "lower than", "smaller than", "shorter than",
    "under", "below", "<", "below than", "sub", "sub-", "more than", "over", "above", "exceeding", "beyond", ">",
    "greater than", "higher than", "larger than", "longer than", "upwards of", "in excess of", "about", "around",
    "approximately", "roughly", "nearly", "almost", "close to", "~", "≈", "∼", "ca.", "\\sim", "sim$", "approx",
    "approx.", "some",
)
_ENDINGS_AFTER = ("", " ", "\n", " \n", "\t", "\u00a0")


def _texts_before_numbers(seed_docs: list) -> list[str]:  # type: ignore[type-arg]
    """The 40 characters before every number of every seed sentence, and a few cut shorter."""
    from loaders.quantities import _NUMBER

    out = []
    for d in seed_docs:
        for s in d.sentences:
            for m in _NUMBER.finditer(s.text):
                before = s.text[max(0, m.start() - 40) : m.start()]
                out += [before, before[-12:], before.rstrip()]
    return out


def test_a_qualifier_is_searched_wherever_one_can_end_the_text(seed_docs: list) -> None:  # type: ignore[type-arg]
    from loaders.quantities import ends

    written = [f"cuts memory by {p}{a}" for p in _QUALIFIER_PHRASES for a in _ENDINGS_AFTER]
    written += [t.upper() for t in written] + [f"x{p}" for p in _QUALIFIER_PHRASES] + ["into ", "of\n", "2to "]
    assert all(ends(results._ANY_QUALIFIER, t) for t in written[: len(_QUALIFIER_PHRASES) * len(_ENDINGS_AFTER)])
    for t in written + _texts_before_numbers(seed_docs):
        if ends(results._ANY_QUALIFIER, t):
            assert results._may_end_qualified(t), t


def test_the_patterns_before_a_number_are_searched_wherever_they_can_end_the_text(seed_docs: list) -> None:  # type: ignore[type-arg]
    from loaders import quantities as q

    written = [f"a {core}{after}" for core in ("256×", "3 x", "3X", "2✕", "12:", "5:", "0.3 ±", "1.2\\pm", "2 +/-", "3+-",
                                             "4 pm", "1K-", "8B-", "2M-")
               for after in _ENDINGS_AFTER]
    checked = 0
    for t in written + _texts_before_numbers(seed_docs):
        tail = t[-3:]
        for pattern, may in ((q._SHAPE_BEFORE, not q._SHAPE_LAST.isdisjoint(tail)), (q._RATIO_BEFORE, ":" in tail),
                             (q._SPREAD_BEFORE, not q._SPREAD_LAST.isdisjoint(tail)), (q._RANGE_END_BEFORE, "-" in tail)):
            if q.ends(pattern, t):
                assert may, (pattern[0].pattern, t)
                checked += 1
    assert checked >= len(written) // 2


def test_introduced_metrics_are_read_as_from_each_sentence_lowercased(
        seed_docs: list, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[type-arg]
    """The word "metric" is looked for in an ASCII paper's lowercase form: the same relations as with each
    sentence lowercased on its own (as a paper that is not ASCII is read)."""
    written = [link_paper(written_paper("FooScore: Judging Caches", "We introduce a new evaluation metric called "
                                        "FooScore for cache quality. It agrees with people. Our METRIC is cheap."), None)]
    docs = seed_docs + written
    fast = [list(relations._introduces(d)) for d in docs]
    assert fast[-1]
    monkeypatch.setattr(relations, "lowered", lambda text: None)
    assert fast == [list(relations._introduces(d)) for d in docs]


def test_a_word_after_a_number_is_read_as_its_pattern_reads_it(seed_docs: list) -> None:  # type: ignore[type-arg]
    import re

    from loaders.quantities import _NUMBER

    words = ["reduction", "reductions", "speedup", "speed-up", "speed-ups", "lower", "faster", "gains", "overhead"]
    texts = [" speedup", "speedups", " speed-up in", "\tlower,", "  lower", " lower_bound", " lower2", " loweré",
             " faster", "faster", "", " ", " reduction-free", " gains.", "overhead\n", " Faster", " faster\u00e9"]
    for d in seed_docs:
        for s in d.sentences:
            texts += [s.text[m.end() : m.end() + 20] for m in _NUMBER.finditer(s.text)]
    checked = 0
    for w in words:
        assert results._CHANGE_NOUN.match(w)
        rx = re.compile(rf"\s?{re.escape(w)}\b")
        for t in texts:
            assert results._opens_with_word(t, w) == bool(rx.match(t)), (w, t)
            checked += bool(rx.match(t))
    assert checked >= 8  # (the written texts that open with one of the words)


def test_lexicon_hits_with_the_papers_plan_are_those_with_the_tables_plan(seed_docs: list) -> None:  # type: ignore[type-arg]
    """The words a paper lacks are not asked of its sentences: the same hits in every sentence."""
    docs = seed_docs + [link_paper(written_paper(t, a), None) for t, a in (
        ("Smaller Optimizer States", "FooOpt shrinks Adam momentum and the KV cache; gradients stay. Weights too."),
        ("Caf\u00e9 Bandwidth", "A memory-bound decoder and its HBM traffic: the memory wall. Communication overhead."),
    )]
    found = 0
    for table in (relations._MEMORY, relations._BOTTLENECK_SPECIFIC):
        for d in docs:
            plan = relations._lexicon_plan_in(table, d.paper.text)
            for s in d.sentences:
                hits = relations._lexicon_hits(table, s.text, plan)
                assert hits == relations._lexicon_hits(table, s.text)
                found += len(hits)
    assert found > 100


def test_a_sentence_may_hold_a_quantity_as_with_every_word_asked(seed_docs: list) -> None:  # type: ignore[type-arg]
    """Only the words of number forms that a paper holds are asked of its sentences: the same answer."""
    from loaders.quantities import may_hold_quantity, quantity_words_in

    docs = seed_docs + [link_paper(written_paper(t, a), None) for t, a in (
        ("Twice as Fast", "It runs twice as fast. Memory is halved. Training takes a day. No numbers here."),
        ("Caf\u00e9 \u00d7 Speed", "A three-fold gain \u00d7 two. Nothing else. Half the cost, hundreds of tokens."),
    )]
    held = 0
    for d in docs:
        words = quantity_words_in(d.paper.text)
        for s in d.sentences:
            assert may_hold_quantity(s.text, words) == may_hold_quantity(s.text)
            held += may_hold_quantity(s.text, words)
    assert held > 1000
