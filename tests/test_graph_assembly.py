"""Graph assembly: merged evidence, results, determinism, schema checks (no store involved)."""

from __future__ import annotations

import json

import pytest

from kg.graph import assemble, diff, dumps, from_json, graph_stats, papers_in, result_id
from kg.records import Evidence, Mapping, Relation
from ontology.vocab import RelType
from tests.graphdata import P1, P2, P3, mapping1, mapping2, mapping3


def build():
    return assemble([P1, P2, P3], [mapping1(), mapping2(), mapping3()])


def test_entities_shared_by_papers_are_one_node():
    g, _ = build()
    assert g.edges[P1.id, "model/llama-2-7b", "EVALUATED_ON"]["support"] == 1
    # Both papers evaluate on the same model: one model node with an edge from each paper.
    assert sorted(u for u, _, k in g.in_edges("model/llama-2-7b", keys=True) if k == "EVALUATED_ON") == sorted([P1.id, P2.id])
    assert g.nodes["method/squeezekv"]["name"] == "SqueezeKV"


def test_evidence_lists_are_aligned_and_sorted_by_paper():
    ev_a = Evidence(paper_id=P2.id, sentence="b", start=0, end=1, extractor="x", version="1", confidence=0.5)
    ev_b = Evidence(paper_id=P1.id, sentence="a", start=0, end=1, extractor="x", version="1", confidence=0.9)
    rel = lambda e: Relation(type=RelType.COMPOSES_WITH, source="method/a", target="method/b", evidence=e)  # noqa: E731
    m1 = Mapping(paper_id=P1.id, in_scope=True, relations=(rel(ev_b),))
    m2 = Mapping(paper_id=P2.id, in_scope=True, relations=(rel(ev_a),))
    g, _ = assemble([P1, P2], [m2, m1])
    d = g.edges["method/a", "method/b", "COMPOSES_WITH"]
    assert d["papers"] == sorted([P1.id, P2.id])
    assert d["support"] == 2
    assert d["sentences"] == (["a", "b"] if P1.id < P2.id else ["b", "a"])
    assert len({len(d[k]) for k in ("papers", "sentences", "starts", "ends", "extractors", "confidences", "qualifiers")}) == 1
    assert d["confidence"] == 0.9
    # Unknown endpoints become stub nodes named after their id, never dropped silently.
    assert g.nodes["method/a"]["stub"] is True


def test_stub_nodes_are_named_as_their_evidence_spells_them_and_introduced_metrics_are_coined():
    def ev(sentence: str) -> Evidence:
        return Evidence(paper_id=P1.id, sentence=sentence, start=0, end=len(sentence), extractor="x", version="1",
                        confidence=0.8)

    rels = (
        Relation(type=RelType.COMPARED_WITH, source="method/squeezekv", target="method/lean-kv-plus",
                 evidence=ev("We beat Lean-KV+ on every task.")),
        Relation(type=RelType.INTRODUCES, source=P1.id, target="metric/joules-per-answer",
                 evidence=ev("We define Joules per Answer, a cost measure.")),
    )
    g, report = assemble([P1], [Mapping(paper_id=P1.id, in_scope=True, relations=rels)])
    assert g.nodes["method/lean-kv-plus"]["name"] == "Lean-KV+"
    assert g.nodes["metric/joules-per-answer"] == {"label": "Metric", "name": "Joules per Answer", "stub": True,
                                                   "coined": True}
    assert "coined" not in g.nodes["method/lean-kv-plus"]
    assert set(report.stub_nodes) == {"method/squeezekv", "method/lean-kv-plus", "metric/joules-per-answer"}


def test_a_class_named_as_a_method_is_the_ontology_class_not_a_stub():
    import ontology

    sentence = "We beat LoRA on every task."
    ev = Evidence(paper_id=P1.id, sentence=sentence, start=0, end=len(sentence), extractor="x", version="1",
                  confidence=0.8)
    rel = Relation(type=RelType.COMPARED_WITH, source="method/squeezekv", target="method/lora", evidence=ev)
    g, report = assemble([P1], [Mapping(paper_id=P1.id, in_scope=True, relations=(rel,))], ontology.load())
    assert g.has_edge("method/squeezekv", "technique/lora", "COMPARED_WITH")
    assert "method/lora" not in g and "method/lora" not in report.stub_nodes


def test_results_become_nodes_with_typed_links():
    g, _ = build()
    rid = result_id(P1.id, 1)
    node = g.nodes[rid]
    assert node["label"] == "Result" and node["value"] == 4.0 and node["unit"] == "x"
    assert g.has_edge(P1.id, rid, "REPORTS")
    assert g.has_edge(rid, "model/llama-2-7b", "ON_MODEL")
    assert g.has_edge(rid, "method/squeezekv", "RESULT_OF")
    assert g.has_edge(rid, "metric/memory", "MEASURES")


def test_schema_breaking_relations_are_reported_not_written():
    bad = Relation(type=RelType.PROPOSES, source=P1.id, target="model/gpt-4",
                   evidence=Evidence(paper_id=P1.id, sentence="s", start=0, end=1, extractor="x", version="1", confidence=1))
    g, report = assemble([P1], [Mapping(paper_id=P1.id, in_scope=True, relations=(bad,))])
    assert not g.has_edge(P1.id, "model/gpt-4", "PROPOSES")
    assert len(report.rejected) == 1 and "PROPOSES cannot go from Paper to Model" in report.rejected[0]


def test_assembly_is_deterministic_and_round_trips():
    a = dumps(build()[0])
    b = dumps(assemble([P3, P2, P1], [mapping3(), mapping2(), mapping1()])[0])
    assert a == b
    assert dumps(from_json(a)) == a
    assert json.loads(a)["graph"] == {"effkg_format": 1}


def test_papers_round_trip_through_the_graph():
    g, _ = build()
    assert {p.id: p for p in papers_in(g)} == {p.id: p for p in (P1, P2, P3)}


def test_diff_replaces_a_papers_facts():
    old, _ = build()
    new, _ = assemble([P1, P2, P3], [mapping1(with_gpu=False), mapping2(), mapping3()])
    d = diff(old, new)
    # The device is no longer referenced: its node goes, and its edge with it (detach delete).
    assert d.delete_nodes == (("hardware/nvidia-a100", "Hardware"),)
    assert d.delete_edges == ()
    assert not new.has_node("hardware/nvidia-a100")
    assert diff(new, new).empty
    assert graph_stats(new).nodes.get("Hardware", 0) == 0


def test_corrupt_json_is_an_error_not_an_empty_graph():
    from kg.errors import CorruptStore

    for text in ("", "{", "[]", '{"nodes": [], "links": [], "graph": {"effkg_format": 99}}'):
        with pytest.raises(CorruptStore):
            from_json(text)
