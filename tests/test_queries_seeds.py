"""The named queries on the seed graph: both stores give the same answers for parameter sets chosen
from the data, and the answers agree with what the papers' abstracts say.

The seeds are built once for the module (``kg.build.build`` into an embedded store); the Neo4j store
receives the same graph with one write.
"""

from __future__ import annotations

from typing import Any

import pytest

import queries
from kg.build import build
from kg.store import open_store
from kg.store.base import GraphStore
from queries.samples import sample_params

pytestmark = pytest.mark.neo4j


@pytest.fixture(scope="module")
def embedded(seeds_dir, tmp_path_factory) -> GraphStore:
    st = open_store(str(tmp_path_factory.mktemp("seedkg") / "kg"))
    report = build([seeds_dir], st)
    assert report.papers_total > 400
    return st


@pytest.fixture(scope="module")
def neo(embedded, neo4j_server) -> GraphStore:
    st = open_store(neo4j_server.uri, user=neo4j_server.user, password=neo4j_server.password)
    st.write(embedded.read())
    yield st
    st.close()


@pytest.fixture(params=["embedded", "neo4j"])
def store(request, embedded) -> GraphStore:
    return embedded if request.param == "embedded" else request.getfixturevalue("neo")


# Questions a new user would ask, in their words (names, not ids).
ASKED: list[tuple[str, dict[str, Any]]] = [
    ("techniques-for-model", {"model": "llama 2"}),
    ("techniques-for-model", {"model": "LLaMA"}),
    ("techniques-for-model", {"model": "mamba"}),
    ("technique-evaluations", {"technique": "GaLore"}),
    ("technique-evaluations", {"technique": "KV cache compression", "kind": "model"}),
    ("papers-combining", {"a": "quantization", "b": "LoRA"}),
    ("papers-combining", {"a": "pruning", "b": "quantization"}),
    ("taxonomy", {"concept": "kv-cache-compression", "instances": True}),
    ("path", {"a": "GaLore", "b": "RTX 4090"}),
    ("path", {"a": "FlashAttention", "b": "vAttention"}),
    ("techniques-for-target", {"target": "microcontroller"}),
    ("techniques-for-target", {"target": "optimizer states"}),
    ("techniques-for-target", {"target": "FPGA", "measured": False}),
    ("best-results", {"metric": "memory", "technique": "GaLore"}),
    ("best-results", {"metric": "accuracy", "on": "ImageNet"}),
    ("neighbourhood", {"entity": "vAttention"}),
    ("neighbourhood", {"entity": "PagedAttention"}),
    ("similar-papers", {"paper": "GaLore: Memory-Efficient"}),
    ("gaps", {"against": "ssm"}),
    ("gaps", {"axis": "hardware-class", "technique": "quantization"}),
    ("timeline", {"technique": "kv-cache-compression"}),
    ("search", {"text": "llama 2"}),
    ("search", {"text": "KV cache", "label": "technique"}),
    ("search", {"text": "flash atention"}),
    ("entity", {"entity": "ZeroMerge"}),
]


def test_every_sampled_and_asked_query_is_the_same_on_both_stores(embedded, neo):
    cases = [(name, p) for name, sets in sample_params(embedded.read()).items() for p in sets] + ASKED
    assert len({name for name, _ in cases}) == len(queries.list_queries())
    mismatches = []
    for name, params in cases:
        a = queries.run(embedded, name, params)
        b = queries.run(neo, name, params)
        if (a.rows, a.notes, a.params) != (b.rows, b.notes, b.params):
            mismatches.append((name, params))
    assert mismatches == []


def test_sampled_queries_have_answers(embedded):
    empty = [(name, p) for name, sets in sample_params(embedded.read()).items() for p in sets
             if queries.run(embedded, name, p).empty]
    # gaps may rightly find none; every other sampled question has rows
    assert [e for e in empty if e[0] != "gaps"] == []


# -- answers checked against the abstracts -------------------------------------------------------


def test_galore_was_evaluated_where_its_abstract_says(store):
    # GaLore pre-trains LLaMA 1B/7B on C4, fine-tunes RoBERTa on GLUE, and fits a 7B model on an RTX 4090.
    rows = {r["id"]: r for r in queries.technique_evaluations(store, "GaLore").rows}
    assert {"model/llama-7b", "dataset/c4", "dataset/glue", "hardware/nvidia-rtx-4090"} <= set(rows)
    rtx = rows["hardware/nvidia-rtx-4090"]
    assert rtx["kind"] == "hardware" and any("RTX 4090" in e["sentence"] for e in rtx["evidence"])


def test_path_from_galore_to_the_rtx_4090_has_the_sentence(store):
    rows = queries.path(store, "GaLore", "RTX 4090").rows
    paths: dict[int, list[dict[str, Any]]] = {}
    for r in rows:
        paths.setdefault(r["path"], []).append(r)
    assert all(len(hops) == 2 for hops in paths.values())
    via_paper = [hops for hops in paths.values() if [h["rel"] for h in hops] == ["<-[PROPOSES]-", "-[RUNS_ON]->"]]
    assert via_paper, rows
    proposes, runs_on = via_paper[0]
    assert proposes["to_name"].startswith("GaLore: Memory-Efficient LLM Training")
    assert "RTX 4090" in runs_on["sentence"] and runs_on["paper"] == proposes["to"]
    # Paths whose every hop carries evidence come before those through ontology edges.
    unsupported = [sum(1 for h in hops if h["sentence"] == "(ontology)") for _, hops in sorted(paths.items())]
    assert unsupported == sorted(unsupported)


def test_what_reduces_optimizer_states(store):
    rows = {r["technique"]: r for r in queries.techniques_for_target(store, "optimizer states").rows}
    assert "GaLore" in rows["technique/low-rank-gradient-projection"]["methods"]
    assert "REDUCES" in rows["technique/low-rank-gradient-projection"]["via"]


def test_galore_memory_results(store):
    rows = queries.best_results(store, metric="memory", technique="GaLore").rows
    found = {(r["value"], r["unit"], r["kind"]) for r in rows}
    # "reduces memory usage by up to 65.5% in optimizer states"; 8-bit GaLore: 82.5% and 63.3%.
    assert {(65.5, "percent", "relative"), (82.5, "percent", "relative")} <= found
    relative = [r for r in rows if r["kind"] == "relative" and r["unit"] == "percent"]
    assert [r["value"] for r in relative] == sorted((r["value"] for r in relative), reverse=True)


def test_kv_cache_merging_applied_to_llama_2(store):
    # ZeroMerge merges KV-cache entries and is evaluated across LLaMA-2 models.
    rows = {r["technique"]: r for r in queries.techniques_for_model(store, "Llama 2").rows}
    merging = rows["technique/kv-cache-merging"]
    assert "ZeroMerge" in merging["methods"]
    assert any("LLaMA-2" in e["sentence"] and e["relation"] == "EVALUATED_ON" for e in merging["evidence"])


def test_vattention_was_compared_with_pagedattention(store):
    rows = queries.neighbourhood(store, "vAttention").rows
    compared = {r["other"] for r in rows if r["relation"] == "compared with"}
    assert {"method/pagedattention", "method/vllm"} <= compared
    back = queries.neighbourhood(store, "PagedAttention").rows
    assert ("baseline of", "method/vattention") in {(r["relation"], r["other"]) for r in back}


def test_similar_papers_to_galore_start_with_its_follow_up(store):
    rows = queries.similar_papers(store, "GaLore: Memory-Efficient").rows
    assert rows[0]["title"].startswith("Natural GaLore")
    assert "technique: Low-rank gradient projection" in rows[0]["reasons"]


def test_taxonomy_of_kv_cache_compression(store):
    rows = {r["id"]: r for r in queries.taxonomy(store, "kv-cache-compression").rows}
    assert rows["technique/kv-cache-compression"]["depth"] == 0
    assert {"technique/kv-cache-merging", "technique/kv-cache-eviction", "technique/kv-cache-quantization"} <= set(rows)
    assert rows["technique/kv-cache-compression"]["total"] >= rows["technique/kv-cache-eviction"]["total"] > 0


def test_search_finds_names_with_other_spellings(store):
    assert queries.search(store, "llama 2").rows[0]["id"] == "model/llama-2"
    fuzzy = queries.search(store, "flash atention").rows
    assert fuzzy and fuzzy[0]["id"] == "method/flashattention" and fuzzy[0]["match"] == "fuzzy"


def test_documented_examples_answer_on_the_seeds(embedded):
    for spec in queries.list_queries():
        for example in spec.examples:
            assert not queries.run(embedded, spec.name, example).empty, (spec.name, example)
