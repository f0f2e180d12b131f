"""Python access to the ontology: lookups, hierarchy, graph nodes and edges, and the load cache."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

import ontology
from kg.errors import UnknownNameError
from kg.graph import assemble, clean_props
from kg.records import Entity
from ontology.loader import PACKAGE_DIR, SHAPES_FILE
from ontology.vocab import ONTOLOGY_RELS, NodeLabel, RelType, check_edge, label_of


@pytest.fixture(scope="module")
def onto() -> ontology.Ontology:
    return ontology.load()


def test_load_is_cached_in_process(onto: ontology.Ontology) -> None:
    assert ontology.load() is onto
    assert len(onto) > 300


def test_concept_records(onto: ontology.Ontology) -> None:
    c = onto.concept("technique/kv-cache-quantization")
    assert c.label is NodeLabel.TECHNIQUE
    assert c.pref_label == "KV-cache quantization"
    assert "quantized KV cache" in c.alt_labels
    assert c.parents == ("technique/kv-cache-compression", "technique/quantization")
    assert c.props["reduces"] == ("memory/kv-cache",)
    assert onto.concept("technique/post-training-quantization").props["training_free"] is True
    assert onto.concept("metric/perplexity").props["direction"] == "lower"
    with pytest.raises(UnknownNameError) as err:
        onto.concept("technique/kv-cache-quantisation")
    assert "technique/kv-cache-quantization" in err.value.candidates


def test_hierarchy_navigation(onto: ontology.Ontology) -> None:
    assert onto.ancestors("technique/expert-pruning") == {
        "technique/moe-compression", "technique/mixture-of-experts", "technique/structured-pruning",
        "technique/pruning", "technique/ml-efficiency",
    }
    assert "technique/kv-cache-quantization" in onto.descendants("technique/quantization")
    assert "technique/kv-cache-quantization" in onto.children("technique/kv-cache-compression")
    assert onto.roots(NodeLabel.TECHNIQUE) == ("technique/ml-efficiency",)
    assert "hwclass/gpu" in onto.ancestors("hwclass/consumer-gpu")
    assert onto.rollup("technique/rotation-based-quantization") == ("technique/quantization",)
    assert onto.rollup("technique/lora") == ("technique/lora",)


def test_lookup_ignores_case_and_hyphens(onto: ontology.Ontology) -> None:
    for surface in ("KV cache", "kv-cache", "Key-Value Cache", "key value cache", "KV\u2011cache"):
        assert [c.id for c in onto.lookup(surface)] == ["memory/kv-cache"], surface
    assert onto.lookup("kv cache", NodeLabel.TECHNIQUE) == ()
    assert onto.lookup("no such thing") == ()


def test_names_that_are_ordinary_words_need_their_case(onto: ontology.Ontology) -> None:
    assert [c.id for c in onto.lookup("ZeRO")] == ["method/zero"]
    assert onto.lookup("zero") == () and onto.lookup("lion") == ()
    assert [c.id for c in onto.lookup("Lion")] == ["method/lion"]
    assert [c.id for c in onto.lookup("gptq")] == ["method/gptq"]  # not marked: any case
    zero = next(n for n in onto.nodes() if n.id == "method/zero")
    assert zero.props["case_sensitive"] is True


def test_labels_dictionary(onto: ontology.Ontology) -> None:
    everything = onto.labels()
    techniques = onto.labels(NodeLabel.TECHNIQUE)
    assert techniques["mixture of experts"] == ("technique/mixture-of-experts",)
    assert techniques["moe"] == ("technique/mixture-of-experts",)
    assert set(techniques) < set(everything)
    assert all(key == ontology.normalise_label(key) for key in everything)
    assert all(label_of(i) is NodeLabel.TECHNIQUE for ids in techniques.values() for i in ids)


def test_resolve_and_search(onto: ontology.Ontology) -> None:
    assert [c.id for c in onto.resolve("technique/lora")] == ["technique/lora"]
    assert [c.id for c in onto.resolve("kv-cache-eviction")] == ["technique/kv-cache-eviction"]
    assert [c.id for c in onto.resolve("QAT")] == ["technique/quantization-aware-training"]
    with pytest.raises(UnknownNameError) as err:
        onto.resolve("speculatve decoding")
    assert err.value.candidates[0] == "technique/speculative-decoding"
    hits = [c.id for c in onto.search("quantization", limit=5)]
    assert hits[0] == "technique/quantization" and len(hits) == 5
    assert [c.id for c in onto.search("mixtur of expert", limit=1)] == ["technique/mixture-of-experts"]


def test_facets(onto: ontology.Ontology) -> None:
    assert [f.id for f in onto.facet_lookup("int4")] == ["facet/format/int4"]
    assert [f.id for f in onto.facet_lookup("4-bit")] == ["facet/format/4-bit"]
    assert [f.id for f in onto.facet_lookup("per-group")] == ["facet/granularity/per-group"]
    assert onto.facet_labels("regime")["ptq"] == ("facet/regime/ptq",)
    assert "facet/regime/ptq" not in {e.id for e in onto.nodes()}  # facets are not graph nodes


def test_nodes_are_storable_entities(onto: ontology.Ontology) -> None:
    nodes = onto.nodes()
    assert [n.id for n in nodes] == sorted(c.id for c in onto.concepts())
    for n in nodes:
        assert isinstance(n, Entity) and n.name
        assert label_of(n.id) is n.label
        for key, value in n.props.items():
            assert value is not None and value != () and value != "", (n.id, key)
        clean_props(n.props)  # raises on anything Neo4j cannot store
        assert n.props["iri"].endswith(n.id)
    by_id = {n.id: n for n in nodes}
    tech = by_id["technique/kv-cache-quantization"].props
    assert tech["in_scope"] is True and tech["required"] is True and tech["scheme"] == "technique"
    assert tech["reduces_ids"] == ("memory/kv-cache",)
    assert by_id["topic/agent-memory"].props["in_scope"] is False
    assert by_id["metric/latency"].props["direction"] == "lower"


def test_edges_satisfy_the_vocabulary(onto: ontology.Ontology) -> None:
    edges = onto.edges()
    ids = {c.id for c in onto.concepts()}
    kinds = {rel for rel, _, _ in edges}
    assert kinds <= ONTOLOGY_RELS
    assert {RelType.SUBCLASS_OF, RelType.INSTANCE_OF} <= kinds
    for rel, src, tgt in edges:
        check_edge(rel, src, tgt)
        assert src in ids and tgt in ids
    assert (RelType.SUBCLASS_OF, "technique/kv-cache-quantization", "technique/quantization") in edges
    assert (RelType.INSTANCE_OF, "method/gptq", "technique/post-training-quantization") in edges
    assert (RelType.SUBCLASS_OF, "hwclass/phone", "hwclass/edge-device") in edges
    assert len(edges) == len(set(edges))


def test_assembly_takes_the_ontology_as_is(onto: ontology.Ontology) -> None:
    g, report = assemble([], [], onto)
    assert g.number_of_nodes() == len(onto.nodes())
    assert g.number_of_edges() == len(onto.edges())
    assert report.rejected == ()


def test_disk_cache_is_used_and_invalidated_on_change(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("EFFKG_CACHE_DIR", str(tmp_path / "cache"))
    copy = tmp_path / "onto"
    copy.mkdir()
    for f in PACKAGE_DIR.glob("*.ttl"):
        if f.name != SHAPES_FILE:
            shutil.copy(f, copy / f.name)
    ontology.clear_cache()
    try:
        cold = ontology.load(copy)
        assert not cold.from_cache
        ontology.clear_cache()
        warm = ontology.load(copy)
        assert warm.from_cache and warm.key == cold.key
        assert warm.data == cold.data
        # the cached load is what makes the CLI quick: an order of magnitude faster than parsing
        assert warm.load_seconds < cold.load_seconds
        extra = ('\n<https://effkg.dev/id/topic/extra> a <https://effkg.dev/ontology#Topic> ;'
                 ' <http://www.w3.org/2004/02/skos/core#prefLabel> "Extra"@en .\n')
        with (copy / "techniques.ttl").open("a", encoding="utf-8") as fh:
            fh.write(extra)
        ontology.clear_cache()
        changed = ontology.load(copy)
        assert not changed.from_cache and "topic/extra" in changed
        # an unreadable cache file is ignored, not fatal
        for f in (tmp_path / "cache").glob("*.json"):
            f.write_text("{not json", encoding="utf-8")
        ontology.clear_cache()
        assert "topic/extra" in ontology.load(copy)
    finally:
        ontology.clear_cache()


def test_warm_load_reads_the_disk_cache() -> None:
    # The speed of a warm load is measured by bench scripts; here: that it takes the cached path.
    ontology.clear_cache()
    ontology.load()  # make sure the disk cache is warm
    ontology.clear_cache()
    onto = ontology.load()
    assert onto.from_cache
