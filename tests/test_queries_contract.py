"""Contract tests on the hand-written fixture graph: every named query gives the same rows on the
embedded store and on a real Neo4j, and the answers are the ones the fixture papers state.

The Neo4j store is the test session's server; this module writes its graph once (a write makes the
stored graph equal to the given one) and only reads afterwards, except where a test says so.
"""

from __future__ import annotations

import json
from typing import Any

import pytest

import queries
from kg.errors import KGError, ParameterError, UnknownNameError
from kg.graph import dumps
from kg.store import open_store
from kg.store.base import GraphStore
from queries.registry import fetch_raw, prepare
from tests.test_queries_graph import NASTY, NASTY_ID, PAPERS, fixture_graph

pytestmark = pytest.mark.neo4j


@pytest.fixture(scope="module")
def graph():
    return fixture_graph()


@pytest.fixture(scope="module")
def embedded(graph, tmp_path_factory) -> GraphStore:
    st = open_store(str(tmp_path_factory.mktemp("qkg")))
    st.write(graph)
    return st


@pytest.fixture(scope="module")
def neo(graph, neo4j_server) -> GraphStore:
    st = open_store(neo4j_server.uri, user=neo4j_server.user, password=neo4j_server.password)
    st.write(graph)
    yield st
    st.close()


@pytest.fixture(params=["embedded", "neo4j"])
def store(request, embedded) -> GraphStore:
    return embedded if request.param == "embedded" else request.getfixturevalue("neo")


def pid(key: str) -> str:
    return PAPERS[key].id


CASES: list[tuple[str, dict[str, Any]]] = [
    ("techniques-for-model", {"model": "llama-2-7b"}),
    ("techniques-for-model", {"model": "llama"}),
    ("techniques-for-model", {"model": "Mistral 7B"}),
    ("technique-evaluations", {"technique": "kv-cache-compression"}),
    ("technique-evaluations", {"technique": "quantization", "kind": "hardware"}),
    ("technique-evaluations", {"technique": "tinykv"}),
    ("papers-combining", {"a": "quantization", "b": "lora"}),
    ("papers-combining", {"a": "kv-cache-eviction", "b": "tinykv"}),
    ("taxonomy", {}),
    ("taxonomy", {"concept": "quantization", "instances": True}),
    ("taxonomy", {"concept": "edge device", "instances": "true", "depth": 1}),
    ("path", {"a": "llama-2-7b", "b": "kv-cache-compression"}),
    ("path", {"a": "gradfold", "b": "a100"}),
    ("path", {"a": "tinykv", "b": "mmlu", "limit": 3}),
    ("path", {"a": "tinykv", "b": "mmlu", "max_hops": 1}),
    ("techniques-for-target", {"target": "kv-cache"}),
    ("techniques-for-target", {"target": "edge-device"}),
    ("techniques-for-target", {"target": "gpu", "measured": False}),
    ("best-results", {"metric": "memory"}),
    ("best-results", {"metric": "accuracy", "on": "llama"}),
    ("best-results", {"technique": "kv-cache-compression"}),
    ("best-results", {"on": "edge-device", "limit": 0}),
    ("neighbourhood", {"entity": "tinykv"}),
    ("neighbourhood", {"entity": "lora", "limit": 1}),
    ("neighbourhood", {"entity": "llama-2-7b"}),
    ("similar-papers", {"paper": "TinyKV"}),
    ("similar-papers", {"paper": "qlite", "limit": 2}),
    ("gaps", {}),
    ("gaps", {"axis": "hardware-class", "min_papers": 0}),
    ("gaps", {"against": "ssm"}),
    ("gaps", {"axis": "architecture", "include_covered": True, "min_papers": 0, "depth": 2}),
    ("timeline", {}),
    ("timeline", {"technique": "quantization", "since": 2023}),
    ("search", {"text": "llama"}),
    ("search", {"text": "kv cache"}),
    ("search", {"text": "lamma", "label": "model"}),
    ("search", {"text": NASTY}),
    ("entity", {"entity": "tinykv"}),
    ("entity", {"entity": NASTY}),
]


def canon(value: Any) -> Any:
    """Order-free form of raw rows: lists sorted, so Cypher's collect() order does not matter."""
    if isinstance(value, dict):
        return {k: canon(v) for k, v in sorted(value.items())}
    if isinstance(value, list):
        return sorted((canon(v) for v in value), key=lambda x: json.dumps(x, sort_keys=True, default=str))
    return value


def raw_set(store: GraphStore, name: str, params: dict[str, Any]) -> set[str]:
    q, ctx = prepare(store, name, params)
    return {json.dumps(canon(r), sort_keys=True, default=str) for r in fetch_raw(store, q, ctx.params)}


def test_every_query_is_covered_by_a_case():
    assert {q.name for q in queries.list_queries()} <= {name for name, _ in CASES}


@pytest.mark.parametrize(("name", "params"), CASES, ids=[f"{n}-{i}" for i, (n, _) in enumerate(CASES)])
def test_same_answer_on_both_stores(embedded, neo, name, params):
    a = queries.run(embedded, name, params)
    b = queries.run(neo, name, params)
    assert a.rows == b.rows
    assert a.notes == b.notes
    assert a.params == b.params
    # The raw rows too: the Cypher file and the embedded implementation fetch the same facts.
    assert raw_set(embedded, name, params) == raw_set(neo, name, params)
    # Values keep their types: ints stay ints, floats stay floats.
    for ra, rb in zip(a.rows, b.rows):
        assert [type(v) for v in ra.values()] == [type(v) for v in rb.values()]


# -- the answers themselves ---------------------------------------------------------------------


def test_techniques_for_a_family_roll_up_its_models(store):
    rows = {r["technique"]: r for r in queries.techniques_for_model(store, "llama").rows}
    assert rows["technique/kv-cache-eviction"]["models"] == ["model/llama-2-13b"]
    assert rows["technique/kv-cache-quantization"]["methods"] == ["TinyKV"]
    ev = rows["technique/kv-cache-quantization"]["evidence"]
    assert {"paper": pid("tinykv"), "relation": "EVALUATED_ON",
            "sentence": "We try it on Llama-2-7B and Mistral-7B."} in ev
    only_7b = {r["technique"] for r in queries.techniques_for_model(store, "llama-2-7b").rows}
    assert "technique/kv-cache-eviction" not in only_7b


def test_evaluations_roll_up_subclasses_and_methods(store):
    rows = queries.technique_evaluations(store, "kv-cache-compression").rows
    got = {(r["kind"], r["id"]) for r in rows}
    assert {("model", "model/llama-2-7b"), ("model", "model/llama-2-13b"), ("model", "model/mistral-7b"),
            ("dataset", "dataset/mmlu"), ("hardware", "hardware/nvidia-a100")} == got
    assert [r["kind"] for r in rows] == sorted((r["kind"] for r in rows), key=["model", "dataset", "hardware"].index)


def test_papers_combining_says_through_what(store):
    rows = queries.papers_combining(store, "quantization", "lora").rows
    assert [(r["paper"], r["a"], r["b"]) for r in rows] == [(pid("qlite"), ["Weight-only quantization"], ["LoRA", "QLite"])]


def test_taxonomy_counts_and_multiple_parents(store):
    rows = {r["id"]: r for r in queries.taxonomy(store).rows}
    assert rows["technique/ml-efficiency"]["depth"] == 0
    assert rows["technique/ml-efficiency"]["total"] == 6  # every in-scope paper once
    assert rows["technique/kv-cache-quantization"]["parents"] == ["technique/kv-cache-compression",
                                                                  "technique/quantization"]
    assert rows["technique/quantization"]["total"] == 3
    assert rows["technique/state-space-models"]["total"] == 0


def test_path_hops_carry_their_evidence(store):
    rows = queries.path(store, "GradFold", "A100").rows
    assert [(r["from"], r["rel"], r["to"]) for r in rows] == [
        ("method/gradfold", "<-[PROPOSES]-", pid("gradfold")),
        (pid("gradfold"), "-[RUNS_ON]->", "hardware/nvidia-a100"),
    ]
    assert rows[1]["sentence"] == "We pre-train Llama-2-7B on one A100." and rows[1]["paper"] == pid("gradfold")
    onto = queries.path(store, "kv-cache-quantization", "kv-cache-compression").rows
    assert onto[0]["sentence"] == "(ontology)" and onto[0]["paper"] is None


def test_techniques_for_hardware_and_memory(store):
    mcu = queries.techniques_for_target(store, "microcontroller").rows
    assert {r["technique"] for r in mcu} == {"technique/tinyml", "technique/post-training-quantization"}
    assert all(set(r["via"]) == {"RUNS_ON", "TARGETS"} for r in mcu)
    kv = queries.techniques_for_target(store, "KV cache").rows
    assert [(r["technique"], r["methods"], r["via"]) for r in kv] == [
        ("technique/kv-cache-quantization", ["TinyKV"], ["REDUCES"])]


def test_best_results_rank_by_metric_direction(store):
    rows = queries.best_results(store, metric="accuracy", on="mmlu").rows
    assert [(r["rank"], r["value"], r["subject"]) for r in rows] == [(1, 61.2, "DropHeavy"), (2, 58.0, "QLite")]
    assert rows[0]["sentence"] == "On MMLU, Llama-2-13B with DropHeavy keeps 61.2% accuracy."
    mem = queries.best_results(store, metric="memory").rows
    assert {(r["unit"], r["value"]) for r in mem} == {("x", 5.3), ("percent", 65.5)}


def test_neighbourhood_names_relations_from_the_method_side(store):
    rows = queries.neighbourhood(store, "TinyKV").rows
    got = {(r["relation"], r["other"]) for r in rows}
    assert ("baseline of", "method/dropheavy") in got
    assert ("composes with", "method/dropheavy") in got
    assert ("instance of", "technique/kv-cache-quantization") in got
    assert ("proposed by", pid("tinykv")) in got
    drop = {(r["relation"], r["other"]) for r in queries.neighbourhood(store, "dropheavy").rows}
    assert ("compared with", "method/tinykv") in drop


def test_similar_papers_are_ranked_with_reasons(store):
    rows = queries.similar_papers(store, pid("tinykv")).rows
    assert rows[0]["paper"] in {pid("gradfold"), pid("qlite"), pid("dropheavy")}
    assert all(r["reasons"] for r in rows)
    assert [r["score"] for r in rows] == sorted((r["score"] for r in rows), reverse=True)
    gradfold = next(r for r in rows if r["paper"] == pid("gradfold"))
    assert set(gradfold["reasons"]) == {"model: Llama-2-7B", "hardware: NVIDIA A100"}


def test_gaps_against_an_architecture(store):
    rows = queries.gaps(store, against="ssm").rows
    assert {r["technique"] for r in rows} == {"technique/quantization", "technique/kv-cache-compression",
                                              "technique/parameter-efficient-fine-tuning"}
    assert all(r["covered"] == 0 and r["against"] == "arch/ssm" for r in rows)


def test_timeline_counts_papers_per_year(store):
    rows = queries.timeline(store, "quantization").rows
    assert [(r["technique"], r["year"], r["papers"]) for r in rows] == [
        ("technique/kv-cache-quantization", 2024, 1),
        ("technique/post-training-quantization", 2022, 1),
        ("technique/weight-only-quantization", 2023, 1),
    ]


# -- resolution ---------------------------------------------------------------------------------


@pytest.mark.parametrize(("text", "labels", "expected"), [
    ("Llama 2 7B", None, "model/llama-2-7b"),
    ("LLAMA-2-7b", ("Model",), "model/llama-2-7b"),
    ("mistral", ("ModelFamily", "Model"), "family/mistral"),
    ("a100", None, "hardware/nvidia-a100"),
    ("PTQ", None, "technique/post-training-quantization"),
    ("quantisation", None, "technique/quantization"),
    ("mcu", ("HardwareClass",), "hwclass/mcu"),
    ("2401.00001", None, "paper/2401.00001"),
    ("paper/2401.00001", ("Paper",), "paper/2401.00001"),
    (NASTY, None, NASTY_ID),
])
def test_resolve(store, text, labels, expected):
    res = queries.resolve(store, text, labels)
    assert res.entity is not None and res.entity.id == expected


def test_ambiguous_names_list_candidates(store):
    res = queries.resolve(store, "llama", "Model")
    assert res.entity is None
    assert {c.id for c in res.candidates} == {"model/llama-2", "model/llama-2-7b", "model/llama-2-13b"}
    with pytest.raises(queries.AmbiguousNameError, match="ambiguous.*family/llama.*model/llama-2"):
        queries.techniques_for_model(store, "lla")


def test_a_version_level_model_rolls_up_its_sizes(store):
    rows = {r["technique"]: r for r in queries.techniques_for_model(store, "Llama 2").rows}
    assert rows["technique/kv-cache-eviction"]["models"] == ["model/llama-2-13b"]
    assert rows["technique/kv-cache-quantization"]["models"] == ["model/llama-2-7b"]
    assert {r["value"] for r in queries.best_results(store, metric="accuracy", on="llama-2").rows} == {61.2, 58.0}


def test_typos_get_suggestions(store):
    with pytest.raises(UnknownNameError) as err:
        queries.neighbourhood(store, "gradflod")
    assert "method/gradfold" in str(err.value) and "did you mean" in str(err.value)
    with pytest.raises(UnknownNameError, match="unknown hardware class .*'nothing-like-this'"):
        queries.techniques_for_target(store, "nothing-like-this")


# -- bad input ------------------------------------------------------------------------------------


def test_missing_parameter_explains_what_it_expects(store):
    with pytest.raises(ParameterError, match=r"needs model: a model family or model name, alias or id .*kg query"):
        queries.run(store, "techniques-for-model", {})


def test_mistyped_parameters(store):
    with pytest.raises(ParameterError, match="max_hops expects an integer from 1 to 6, got 'many'"):
        queries.run(store, "path", {"a": "tinykv", "b": "a100", "max_hops": "many"})
    with pytest.raises(ParameterError, match="expects true or false"):
        queries.run(store, "taxonomy", {"instances": "perhaps"})
    with pytest.raises(UnknownNameError, match="did you mean: hardware"):
        queries.run(store, "technique-evaluations", {"technique": "lora", "kind": "hardwre"})
    with pytest.raises(UnknownNameError, match="parameter of query path.*did you mean: max_hops"):
        queries.run(store, "path", {"a": "tinykv", "b": "a100", "max_hop": 2})
    with pytest.raises(ParameterError, match="two different"):
        queries.path(store, "tinykv", "TinyKV")
    with pytest.raises(ParameterError, match="at least one of"):
        queries.run(store, "best-results", {})


def test_unknown_query_name_suggests():
    with pytest.raises(UnknownNameError, match="did you mean: techniques-for-model"):
        queries.get("technique-for-model")


def test_empty_answers_say_so(store):
    r = queries.papers_combining(store, "kv-cache-eviction", "tinykv")
    assert r.empty and r.notes[-1] == "no paper combines KV-cache eviction and TinyKV"
    r = queries.path(store, "tinykv", "mmlu", max_hops=1)
    assert r.empty and "no path of at most 1 hops between TinyKV and MMLU" in r.notes[-1]


@pytest.mark.parametrize("text", [
    NASTY,
    "x' OR 1=1 //",
    "`Technique`) DETACH DELETE n //",
    '"}) MATCH (n) DETACH DELETE n RETURN 1 //',
    "back\\slash\\",
    "$param {id: $x}",
])
def test_hostile_names_are_plain_data(store, graph, text):
    before = dumps(store.read())
    found = queries.search(store, text).rows
    if text == NASTY:
        assert found[0]["id"] == NASTY_ID and found[0]["name"] == NASTY
    for name, params in [("neighbourhood", {"entity": text}), ("path", {"a": text, "b": "lora"}),
                         ("techniques-for-model", {"model": text}), ("entity", {"entity": text})]:
        try:
            r = queries.run(store, name, params)
        except KGError as exc:  # an unknown name is a fine answer; anything else would be a bug
            assert isinstance(exc, UnknownNameError), exc
        else:
            assert text == NASTY and not r.empty
    assert dumps(store.read()) == before == dumps(graph)


def test_nasty_entity_reads_back_exactly(store):
    rows = {r["property"]: r["value"] for r in queries.entity(store, NASTY).rows}
    assert rows == {"id": NASTY_ID, "label": "Method", "name": NASTY}
    path = queries.path(store, NASTY, "mistral-7b").rows
    assert path[0]["from_name"] == NASTY
