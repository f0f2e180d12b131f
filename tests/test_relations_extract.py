"""Relations between techniques, models and hardware, read from linked papers (loaders.relations).

The papers are written for the test (no seed text) and go through the real mapper and ontology.
"""

from __future__ import annotations

from kg.graph import assemble
from kg.records import Mapping, Paper
from loaders.mapping.mapper import link_paper
from loaders.relations import extract_relations, relations_in_text
from ontology.vocab import check_edge
from tests.graphdata import written_paper as _paper


def _facts(paper: Paper, onto: object) -> set[tuple[str, str, str]]:
    return {(r.type.value, r.source, r.target) for r in extract_relations(link_paper(paper, onto))}


def test_comparisons_extensions_and_compositions(onto: object) -> None:
    paper = _paper(
        "BarQuant: Outlier-Aware Weight Quantization",
        "We propose BarQuant, a post-training method that builds on GPTQ. "
        "BarQuant outperforms AWQ and SmoothQuant on perplexity, "
        "and it is orthogonal to KV cache eviction methods such as StreamingLLM.",
    )
    facts = _facts(paper, onto)
    assert ("EXTENDS", "method/barquant", "method/gptq") in facts
    assert ("COMPARED_WITH", "method/barquant", "method/awq") in facts
    assert ("COMPARED_WITH", "method/barquant", "method/smoothquant") in facts
    assert ("COMPOSES_WITH", "method/barquant", "method/streamingllm") in facts


def test_background_comparisons_are_not_attributed(onto: object) -> None:
    paper = _paper(
        "QuxNet: Small Vision Backbones",
        "Prior work such as BazNet outperforms FooNet on phones. "
        "We present QuxNet, a compact backbone.",
    )
    facts = _facts(paper, onto)
    assert not any(t == "COMPARED_WITH" for t, _s, _o in facts)


def test_components_ports_and_versions(onto: object) -> None:
    paper = _paper(
        "ZapAttention-2: Faster Exact Attention on FPGAs",
        "ZapAttention is a fused attention kernel. "
        "We propose ZapAttention-2, which maps attention onto FPGAs. "
        "It has two components: a tiled softmax engine (TSE) and a streaming key buffer (SKB). "
        "ZapAttention-2 reduces memory bandwidth pressure by fusing reads and writes.",
    )
    facts = _facts(paper, onto)
    assert ("EXTENDS", "method/zapattention-2", "method/zapattention") in facts
    assert ("HAS_COMPONENT", "method/zapattention-2", "method/tse") in facts
    assert ("HAS_COMPONENT", "method/zapattention-2", "method/skb") in facts
    assert ("PORTS_TO", "method/zapattention-2", "hwclass/fpga") in facts
    assert ("ADDRESSES", "method/zapattention-2", "bottleneck/memory-bandwidth") in facts


def test_benchmarks_are_introduced_by_the_paper(onto: object) -> None:
    paper = _paper(
        "FrobBench: Measuring Cache Efficiency",
        "We introduce FrobBench, a benchmark of 40 long-context tasks for KV cache methods.",
    )
    assert ("INTRODUCES", paper.id, "dataset/frobbench") in _facts(paper, onto)


def test_every_relation_fits_the_schema_and_carries_evidence(onto: object) -> None:
    paper = _paper(
        "BarQuant: Outlier-Aware Weight Quantization",
        "We propose BarQuant, which builds on GPTQ and outperforms AWQ on one A100 GPU.",
    )
    for r in extract_relations(link_paper(paper, onto)):
        check_edge(r.type, r.source, r.target)
        ev = r.evidence
        assert ev.paper_id == paper.id and ev.extractor == "relations"
        assert paper.text[ev.start : ev.end] == ev.sentence


def test_plain_text_helper() -> None:
    rels = relations_in_text("FooKV: caching", "We propose FooKV. FooKV is compatible with pruning.", methods=("FooKV",))
    assert [(r.type.value, r.source, r.target, r.qualifier) for r in rels] == [
        ("COMPOSES_WITH", "method/fookv", "technique/pruning", "compatible")]


def test_equal_facts_from_two_papers_merge_into_one_edge(onto: object) -> None:
    a = _paper("AlphaKV: Cache Merging", "We propose AlphaKV. AlphaKV outperforms H2O on long inputs.")
    b = _paper("AlphaKV Technical Report", "We present AlphaKV at scale. On summaries, AlphaKV beats H2O by a wide margin.")
    ra = [r for r in extract_relations(link_paper(a, onto)) if r.target == "method/h2o"]
    rb = [r for r in extract_relations(link_paper(b, onto)) if r.target == "method/h2o"]
    # the same fact stated by two papers is the same key (type, source, target)
    assert [(r.type.value, r.source, r.target) for r in ra] == [(r.type.value, r.source, r.target) for r in rb] == [
        ("COMPARED_WITH", "method/alphakv", "method/h2o")]
    assert ra[0].evidence.paper_id != rb[0].evidence.paper_id
    maps = [Mapping(paper_id=a.id, in_scope=True, relations=tuple(ra)),
            Mapping(paper_id=b.id, in_scope=True, relations=tuple(rb))]
    g, report = assemble([a, b], maps)
    edge = g.edges["method/alphakv", "method/h2o", "COMPARED_WITH"]
    assert edge["support"] == 2 and edge["papers"] == sorted([a.id, b.id])
    assert not report.rejected


def test_name_tokens_less_plain_lowercase_words_are_the_plain_tokens() -> None:
    # _named_all scans with a pattern that passes over most lowercase words; with lowercase words
    # dropped, it must find exactly the tokens of the plain pattern
    from loaders.relations import _NAME, _NAME_NOT_LOWER

    def plain(t: str) -> list[tuple[int, int]]:
        return [m.span() for m in _NAME.finditer(t) if not (m.group().islower() and m.group().isalpha())]

    def fast(t: str) -> list[tuple[int, int]]:
        return [m.span() for m in _NAME_NOT_LOWER.finditer(t) if not (m.group().islower() and m.group().isalpha())]

    for t in ("We pair FooKV-2 with qlora, gpt v2 and Llama2.", "a state-of-the-art kernel (x.y.z) beats abc+ and ab+cd.",
              "tail-", "foo_ bar_baz under_Score a.b. c-d-e- mixed.Case word.", "caf\u00e9 na\u00efve Ab\u00e9c v\u00e9 x\u00e9",
              "version v2.1 or V3 and w2a16, int8 and .5x; done", "x", "a", "end.", "The H2O-like cache, e.g. mamba-2 s4d."):
        assert fast(t) == plain(t), t


def test_lexicon_hits_read_lowercase_are_the_plain_hits() -> None:
    # the lexicon entries are searched lowercase in the lowercased sentence; the plain reading searches the text
    from loaders.relations import _BOTTLENECK_SPECIFIC, _MEMORY, _lexicon_hits, _word_rx

    def plain(table: tuple[tuple[str, str], ...], text: str) -> list[tuple[str, int, int]]:
        hits: list[tuple[str, int, int]] = []
        for target, rx in table:
            for m in _word_rx(rx).finditer(text):
                if not any(s <= m.start() < e for _, s, e in hits):
                    hits.append((target, m.start(), m.end()))
        return hits

    for text in ("FooKV shrinks the KV Cache and the Optimizer States, storing fewer Activations and Gradients.",
                 "Memory-bound decoding moves data: MEMORY BANDWIDTH and memory capacity limit it, plus communication overhead.",
                 "Model weights and key-value caches of the na\u00efve baseline stay in HBM reads.", "No memory words here."):
        for table in (_MEMORY, _BOTTLENECK_SPECIFIC):
            assert _lexicon_hits(table, text) == plain(table, text)


def test_cue_spans_are_the_plain_pattern_spans() -> None:
    # each cue is searched lowercase in the lowercased text (the comparison cue without a word gate)
    from loaders.relations import _COMPARED, _COMPOSES, _CUE_GATES, _EXTENDS

    text = ("FooKV: Caching\n\nFooKV OUTPERFORMS H2O and is Orthogonal To quantization. It builds on StreamingLLM, "
            "unlike SnapKV. Compared with baselines such as PyramidKV, it is faster than na\u00efve eviction.")
    for start, end in ((0, len(text)), (15, 90), (91, 150), (151, len(text))):
        for cue in (_COMPOSES, _EXTENDS, _COMPARED):
            assert _CUE_GATES[id(cue)].spans(text, start, end) == [m.span() for m in cue.finditer(text, start, end)]
