"""The RDF export of the property graph and its SHACL validation (kg.rdf, kg validate)."""

from __future__ import annotations

import json
from pathlib import Path

import networkx as nx
import pytest
from rdflib import Graph
from rdflib.compare import isomorphic

import ontology
from kg.cli import main
from kg.graph import assemble, new_graph
from kg.ids import paper_id
from kg.rdf import graph_to_rdf, statement_iri, validate
from kg.records import Entity, Evidence, Mapping, Paper, Relation, ResultRecord, SourceRef
from kg.store.embedded import EmbeddedStore
from ontology.vocab import NodeLabel, RelType

# -- a small graph of our own, assembled exactly like a build ----------------------------------------

TITLE = "TinyCache: trimming the key-value cache"
ABSTRACT = ("We present TinyCache, a method that evicts cached keys and values under a fixed budget. "
            "On Llama-2-7B it cuts KV-cache memory by 3.5x on one A100 GPU.")


def _paper() -> Paper:
    title = TITLE
    return Paper(
        id=paper_id(title), title=title, abstract=ABSTRACT, text=f"{title}\n\n{ABSTRACT}",
        year=2024, authors=("C. Author",),
        occurrences=(SourceRef(file="own.txt", line=1, format="hf-daily", loader="HfDailyLoader"),),
    )


def _ev(p: Paper, sentence: str, conf: float = 0.9) -> Evidence:
    start = p.text.index(sentence)
    return Evidence(paper_id=p.id, sentence=sentence, start=start, end=start + len(sentence),
                    extractor="test", version="1", confidence=conf)


def _mapping(p: Paper) -> Mapping:
    s1, s2 = ABSTRACT.split(". ", 1)
    s1 += "."
    return Mapping(
        paper_id=p.id,
        in_scope=True,
        entities=(
            Entity(id="method/tinycache", label=NodeLabel.METHOD, name="TinyCache"),
            Entity(id="model/llama-2-7b", label=NodeLabel.MODEL, name="Llama-2-7B", props={"family": "llama"}),
        ),
        relations=(
            Relation(type=RelType.STUDIES, source=p.id, target="technique/kv-cache-eviction", evidence=_ev(p, s1)),
            Relation(type=RelType.PROPOSES, source=p.id, target="method/tinycache", evidence=_ev(p, s1)),
            Relation(type=RelType.INSTANCE_OF, source="method/tinycache", target="technique/kv-cache-eviction",
                     evidence=_ev(p, s1, 0.8)),
            Relation(type=RelType.EVALUATED_ON, source=p.id, target="model/llama-2-7b", evidence=_ev(p, s2)),
            Relation(type=RelType.REDUCES, source="method/tinycache", target="memory/kv-cache", evidence=_ev(p, s2),
                     qualifier="3.5x"),
        ),
        results=(
            ResultRecord(index=1, evidence=_ev(p, s2), subject="method/tinycache", metric="metric/memory",
                         value=3.5, unit="x", kind="relative", direction="decrease", model="model/llama-2-7b",
                         value_text="3.5x"),
        ),
    )


@pytest.fixture(scope="module")
def onto() -> ontology.Ontology:
    return ontology.load()


@pytest.fixture
def good(onto: ontology.Ontology) -> nx.MultiDiGraph:
    p = _paper()
    g, report = assemble([p], [_mapping(p)], onto)
    assert report.rejected == ()
    return g


def _messages(g: nx.MultiDiGraph) -> set[str]:
    return {v.message for v in validate(g).violations}


def test_a_good_graph_conforms(good: nx.MultiDiGraph) -> None:
    report = validate(good)
    assert report.conforms, report.violations
    assert report.nodes == good.number_of_nodes() and report.triples > 0


def test_the_shipped_ontology_alone_conforms(onto: ontology.Ontology) -> None:
    g, _ = assemble([], [], onto)
    assert validate(g).conforms


def _extracted_edge(g: nx.MultiDiGraph, key: str) -> dict:
    return next(d for _, _, k, d in g.edges(keys=True, data=True) if k == key and "papers" in d)


def test_unequal_evidence_lists_are_caught(good: nx.MultiDiGraph) -> None:
    d = _extracted_edge(good, "EVALUATED_ON")
    d["papers"] = [*d["papers"], d["papers"][0]]  # one paper more than sentences
    msgs = _messages(good)
    assert any("sentences list of equal length" in m for m in msgs)
    assert any(m.startswith("support must equal") for m in msgs)


def test_a_result_without_metric_must_be_partial(good: nx.MultiDiGraph) -> None:
    rid = next(n for n, d in good.nodes(data=True) if d["label"] == "Result")
    del good.nodes[rid]["metric"]
    assert "a result names a metric or is marked partial" in _messages(good)
    good.nodes[rid]["partial"] = True
    assert validate(good).conforms


def test_domain_and_range_are_enforced(good: nx.MultiDiGraph) -> None:
    good.add_edge("model/llama-2-7b", "method/tinycache", key="PROPOSES", origin="ontology")
    msgs = _messages(good)
    assert "PROPOSES goes from Paper" in msgs
    assert "PROPOSES goes to Method" not in msgs


def test_unknown_labels_and_relationship_types_are_caught(good: nx.MultiDiGraph) -> None:
    good.add_node("method/odd", label="Gadget", name="Odd")
    good.add_edge("method/tinycache", "method/odd", key="LIKES", origin="ontology")
    msgs = _messages(good)
    assert "every node has exactly one known label" in msgs
    assert "unknown relationship type" in msgs


def test_an_edge_without_evidence_is_caught(good: nx.MultiDiGraph) -> None:
    pid = next(n for n, d in good.nodes(data=True) if d["label"] == "Paper")
    good.add_edge(pid, "technique/pruning", key="STUDIES")
    report = validate(good)
    bad = [v for v in report.violations if v.message.startswith("an extracted edge carries evidence")]
    assert [v.focus for v in bad] == [f"{pid} -[studies]-> technique/pruning"]


def test_ids_the_ontology_does_not_define_are_caught(good: nx.MultiDiGraph) -> None:
    good.add_node("technique/made-up", label="Technique", name="made-up", stub=True)
    pid = next(n for n, d in good.nodes(data=True) if d["label"] == "Paper")
    good.add_edge(pid, "technique/made-up", key="STUDIES", origin="ontology")
    focus = {v.focus for v in validate(good).violations}
    assert "technique/made-up" in focus


def test_only_a_coined_metric_may_be_missing_from_the_ontology(good: nx.MultiDiGraph) -> None:
    pid = next(n for n, d in good.nodes(data=True) if d["label"] == "Paper")
    good.add_node("metric/made-up", label="Metric", name="Made-up score", stub=True)
    good.add_edge(pid, "metric/made-up", key="INTRODUCES", origin="ontology")
    bad = {v.message for v in validate(good).violations if v.focus == "metric/made-up"}
    assert bad == {"a metric says whether higher or lower is better",
                   "not an ontology concept: only a metric a paper introduces (coined) may be missing from the ontology"}
    good.nodes["metric/made-up"]["coined"] = True
    assert validate(good).conforms
    good.nodes["metric/made-up"]["direction"] = "sideways"
    assert "a metric's direction is higher or lower" in _messages(good)


def test_papers_need_title_and_occurrences(good: nx.MultiDiGraph) -> None:
    pid = next(n for n, d in good.nodes(data=True) if d["label"] == "Paper")
    for key in ("source_files", "source_lines", "source_formats", "source_loaders"):
        del good.nodes[pid][key]
    good.nodes[pid]["title"] = ""
    msgs = _messages(good)
    assert "a paper has at least one occurrence (file, line, format, loader)" in msgs
    assert "a paper has exactly one non-empty title" in msgs


def test_wrong_id_prefix_is_caught() -> None:
    g = new_graph()
    g.add_node("model/gpt-4", label="Dataset", name="GPT-4")
    assert "a Dataset id starts with dataset/" in _messages(g)


# -- the export itself -----------------------------------------------------------------------------

EXPECTED = """
@prefix eff: <https://effkg.dev/ontology#> .
@prefix id: <https://effkg.dev/id/> .
@prefix rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .

id:technique\\/lora a eff:Technique ; eff:id "technique/lora" ; eff:name "LoRA" ; eff:inScope true ;
    eff:aliasesList ( "low-rank adaptation" "LoRA adapters" ) ;
    eff:subclassOf id:technique\\/parameter-efficient-fine-tuning .
id:technique\\/parameter-efficient-fine-tuning a eff:Technique ;
    eff:id "technique/parameter-efficient-fine-tuning" ; eff:name "PEFT" .
id:paper\\/t-000000000001 a eff:Paper ; eff:id "paper/t-000000000001" ; eff:name "A paper" ; eff:title "A paper" ;
    eff:year 2024 ; eff:familyValue "not a relation" ;
    eff:occurrence <https://effkg.dev/id/paper/t-000000000001#occurrence-1> ;
    eff:studies id:technique\\/lora .
<https://effkg.dev/id/paper/t-000000000001#occurrence-1> a eff:Occurrence ;
    eff:file "a.txt" ; eff:line 3 ; eff:format "hf-daily" ; eff:loader "HfDailyLoader" .

<SUB> a rdf:Statement ; rdf:subject id:technique\\/lora ; rdf:predicate eff:subclassOf ;
    rdf:object id:technique\\/parameter-efficient-fine-tuning ; eff:origin "ontology" .
<STU> a rdf:Statement ; rdf:subject id:paper\\/t-000000000001 ; rdf:predicate eff:studies ;
    rdf:object id:technique\\/lora ; eff:support 1 ; eff:confidence "0.75"^^xsd:double ;
    eff:evidence <STU#evidence-1> .
<STU#evidence-1> a eff:Evidence ; eff:index 1 ; eff:inPaper id:paper\\/t-000000000001 ;
    eff:sentence "A paper" ; eff:start 0 ; eff:end 7 ; eff:extractor "test/1" ;
    eff:confidence "0.75"^^xsd:double ; eff:qualifier "" .
"""


def _small() -> nx.MultiDiGraph:
    g = new_graph()
    g.add_node("technique/lora", label="Technique", name="LoRA", in_scope=True,
               aliases_list=["low-rank adaptation", "LoRA adapters"])
    g.add_node("technique/parameter-efficient-fine-tuning", label="Technique", name="PEFT")
    g.add_node("paper/t-000000000001", label="Paper", name="A paper", title="A paper", year=2024,
               family="not a relation", source_files=["a.txt"], source_lines=[3], source_formats=["hf-daily"],
               source_loaders=["HfDailyLoader"])
    g.add_edge("technique/lora", "technique/parameter-efficient-fine-tuning", key="SUBCLASS_OF", origin="ontology")
    g.add_edge("paper/t-000000000001", "technique/lora", key="STUDIES", papers=["paper/t-000000000001"],
               sentences=["A paper"], starts=[0], ends=[7], extractors=["test/1"], confidences=[0.75],
               qualifiers=[""], support=1, confidence=0.75)
    return g


def test_export_is_isomorphic_to_the_documented_mapping() -> None:
    g = _small()
    sub = statement_iri("technique/lora", "SUBCLASS_OF", "technique/parameter-efficient-fine-tuning")
    stu = statement_iri("paper/t-000000000001", "STUDIES", "technique/lora")
    expected = Graph().parse(data=EXPECTED.replace("<SUB>", f"<{sub}>").replace("<STU", f"<{stu}"), format="turtle")
    actual = graph_to_rdf(g)
    assert isomorphic(actual, expected)


def test_export_round_trips_through_turtle() -> None:
    # small on purpose: isomorphism over thousands of list blank nodes is very slow in rdflib
    rdf = graph_to_rdf(_small())
    again = Graph().parse(data=rdf.serialize(format="turtle"), format="turtle")
    assert isomorphic(rdf, again)


# -- kg validate ---------------------------------------------------------------------------------


def test_kg_validate_exit_codes(good: nx.MultiDiGraph, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    store = tmp_path / "kg"
    EmbeddedStore(store).write(good)
    assert main(["validate", "--store", str(store), "--format", "json"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert out["conforms"] is True and out["violations"] == []

    d = _extracted_edge(good, "STUDIES")
    d["starts"] = []
    EmbeddedStore(store).write(good)
    assert main(["validate", "--store", str(store), "--format", "json"]) == 1
    captured = capsys.readouterr()
    out = json.loads(captured.out)
    assert out["conforms"] is False and out["total_violations"] >= 1
    assert any("starts list" in v["message"] for v in out["violations"])
    assert "violations" in captured.err


def test_a_graph_built_from_seed_listings_conforms(seeds_dir: Path, onto: ontology.Ontology) -> None:
    from loaders import load_paths
    from loaders.mapping import map_paper

    listing = min(seeds_dir.glob("*.txt"), key=lambda p: p.stat().st_size)
    papers = load_paths([listing]).papers
    g, _ = assemble(papers, [map_paper(p, onto) for p in papers], onto)
    report = validate(g)
    assert report.conforms, report.violations[:10]
