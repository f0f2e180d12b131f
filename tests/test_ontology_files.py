"""The shipped Turtle files: they parse, the hierarchy is acyclic, labels and definitions are in
order, label collisions are declared, and every id docs/conventions.md requires is there."""

from __future__ import annotations

import re
from collections import defaultdict
from pathlib import Path

import networkx as nx
import pytest
from rdflib import RDF, SKOS, Graph, Literal, URIRef

import ontology
from kg.errors import OntologyError
from ontology.lint import label_collisions, lint
from ontology.loader import PACKAGE_DIR, SHAPES_FILE, ontology_files
from ontology.required import REQUIRED_METRICS, REQUIRED_TECHNIQUES, REQUIRED_TOPICS
from ontology.vocab import NodeLabel

ROOT = Path(__file__).resolve().parents[1]
TTL_FILES = sorted(PACKAGE_DIR.glob("*.ttl"))


@pytest.fixture(scope="module")
def onto() -> ontology.Ontology:
    return ontology.load()


@pytest.mark.parametrize("path", TTL_FILES, ids=lambda p: p.name)
def test_every_file_parses_on_its_own(path: Path) -> None:
    g = Graph()
    g.parse(path, format="turtle")
    assert len(g) > 0


def test_the_ontology_reads_every_file_but_the_shapes(onto: ontology.Ontology) -> None:
    names = {p.name for p in onto.files}
    assert names == {p.name for p in TTL_FILES} - {SHAPES_FILE}
    assert {"schema.ttl", "techniques.ttl", "core.ttl", "facets.ttl", "methods.ttl"} <= names


def test_lint_finds_nothing(onto: ontology.Ontology) -> None:
    assert lint(onto) == ()


def test_every_concept_has_exactly_one_english_preflabel_and_a_definition(onto: ontology.Ontology) -> None:
    g = onto.rdf()
    for item in (*onto.concepts(), *onto.facets()):
        s = URIRef(item.iri)
        prefs = [o for o in g.objects(s, SKOS.prefLabel) if isinstance(o, Literal) and o.language == "en"]
        assert len(prefs) == 1, item.id
        defs = [o for o in g.objects(s, SKOS.definition) if isinstance(o, Literal)]
        assert len(defs) == 1 and str(defs[0]).strip(), item.id


def test_hierarchy_is_acyclic(onto: ontology.Ontology) -> None:
    g = onto.rdf()
    h = nx.DiGraph((str(s), str(o)) for s, o in g.subject_objects(SKOS.broader))
    assert nx.is_directed_acyclic_graph(h)
    # and the root reaches every technique
    assert onto.descendants("technique/ml-efficiency") == {
        c.id for c in onto.concepts(NodeLabel.TECHNIQUE)
    } - {"technique/ml-efficiency"}


def test_alt_labels_name_one_concept_unless_declared(onto: ontology.Ontology) -> None:
    assert label_collisions(onto.concepts()) == {}
    assert label_collisions(onto.facets()) == {}
    shared = {k: v for k, v in onto.labels().items() if len(v) > 1}
    for key, ids in shared.items():
        for i in ids:
            declared = {ontology.normalise_label(a) for a in onto.concept(i).ambiguous}
            assert key in declared, (key, i)


def _conventions_tree() -> dict[str, set[str]]:
    """The technique tree of docs/conventions.md: id -> parents (indentation and '<' lists)."""
    text = (ROOT / "docs" / "conventions.md").read_text(encoding="utf-8")
    block = text.split("## Technique taxonomy", 1)[1].split("```", 2)[1]
    parents: dict[str, set[str]] = defaultdict(set)
    stack: list[tuple[int, str]] = []
    for line in block.splitlines():
        m = re.match(r"^(\s*)(technique/[a-z0-9-]+)(.*)$", line)
        if not m:
            continue
        indent, tid, rest = len(m.group(1)), m.group(2), m.group(3)
        while stack and stack[-1][0] >= indent:
            stack.pop()
        parents[tid]  # noqa: B018 - register the id even without parents
        if stack:
            parents[tid].add(stack[-1][1])
        extra = re.search(r"<\s*([a-z0-9, -]+)", rest)
        if extra:
            parents[tid] |= {f"technique/{p.strip()}" for p in extra.group(1).split(",")}
        stack.append((indent, tid))
    root = "technique/ml-efficiency"
    for tid in parents:
        if tid != root and not parents[tid]:
            parents[tid].add(root)
    return parents


def test_required_table_matches_the_conventions_doc() -> None:
    doc = _conventions_tree()
    assert set(doc) == set(REQUIRED_TECHNIQUES)
    for tid, parents in doc.items():
        assert set(REQUIRED_TECHNIQUES[tid]) == parents, tid


def test_every_required_id_exists_with_its_parents(onto: ontology.Ontology) -> None:
    for tid, parents in REQUIRED_TECHNIQUES.items():
        c = onto.concept(tid)
        assert c.label is NodeLabel.TECHNIQUE
        assert set(parents) <= set(c.parents), tid
    for topic in REQUIRED_TOPICS:
        assert onto.concept(topic).label is NodeLabel.TOPIC
    for mid, direction in REQUIRED_METRICS.items():
        assert onto.concept(mid).props["direction"] == direction
    ids = {c.id for c in onto.concepts()}
    for memory in ("weights", "activations", "kv-cache", "optimizer-states", "gradients"):
        assert f"memory/{memory}" in ids
    for hw in ("gpu", "cpu", "npu", "tpu", "fpga", "asic", "mcu", "pim", "phone", "edge-device", "storage"):
        assert f"hwclass/{hw}" in ids
    for arch in ("transformer", "moe", "ssm", "hybrid", "cnn", "diffusion", "rnn"):
        assert f"arch/{arch}" in ids
    for b in ("memory-bandwidth", "memory-capacity", "compute", "latency", "communication", "energy"):
        assert f"bottleneck/{b}" in ids


def test_quantization_facets_cover_regime_target_format_granularity(onto: ontology.Ontology) -> None:
    assert {f.facet for f in onto.facets()} == {"regime", "target", "format", "granularity", "bit_config"}
    for fid in ("facet/regime/ptq", "facet/target/kv-cache", "facet/format/int4", "facet/format/fp8-e4m3",
                "facet/format/nvfp4", "facet/granularity/per-group"):
        assert onto.facet(fid).definition
    assert onto.facet("facet/format/nvfp4").parents == ("facet/format/fp4",)
    assert "facet/format/4-bit" in onto.ancestors("facet/format/nvfp4")
    w4a8kv4 = onto.facet("facet/bit-config/w4a8kv4").props
    assert (w4a8kv4["weight_bits"], w4a8kv4["activation_bits"], w4a8kv4["kv_bits"]) == (4.0, 8.0, 4.0)


def test_key_labels_the_linker_relies_on(onto: ontology.Ontology) -> None:
    expect = {
        "KV cache": "memory/kv-cache",
        "key-value cache": "memory/kv-cache",
        "KV-cache": "memory/kv-cache",
        "PTQ": "technique/post-training-quantization",
        "QAT": "technique/quantization-aware-training",
        "MoE": "technique/mixture-of-experts",
        "SSM": "technique/state-space-models",
        "LoRA": "technique/lora",
        "QLoRA": "technique/quantized-lora",
        "PEFT": "technique/parameter-efficient-fine-tuning",
        "N:M sparsity": "technique/semi-structured-sparsity",
        "GPTQ": "method/gptq",
        "FlashAttention": "method/flashattention",
        "H2O": "method/h2o",
        "GaLore": "method/galore",
        "top-1 accuracy": "metric/accuracy",
        "PPL": "metric/perplexity",
        "tokens/s": "metric/throughput",
        "speedup": "metric/speed",
    }
    for surface, node_id in expect.items():
        assert [c.id for c in onto.lookup(surface)] == [node_id], surface
    qlora = onto.concept("technique/quantized-lora")
    assert set(qlora.parents) == {"technique/lora", "technique/quantization"}


# -- the loader refuses broken files -------------------------------------------------------------

PREFIXES = """@prefix eff: <https://effkg.dev/ontology#> .
@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
@prefix t: <https://effkg.dev/id/technique/> .
"""


def _write(tmp_path: Path, body: str) -> Path:
    (tmp_path / "mini.ttl").write_text(PREFIXES + body, encoding="utf-8")
    return tmp_path


def _concept(slug: str, label: str, *, parents: str = "", extra: str = "") -> str:
    broader = f" skos:broader {parents} ;" if parents else ""
    return (f't:{slug} a skos:Concept, eff:Technique ; skos:prefLabel "{label}"@en ;{broader}{extra}'
            f' skos:definition "A test concept."@en .\n')


def test_a_cycle_is_refused(tmp_path: Path) -> None:
    path = _write(tmp_path, _concept("a", "Alpha", parents="t:b") + _concept("b", "Beta", parents="t:a"))
    with pytest.raises(OntologyError, match="cycle"):
        ontology.load(path, cache=False)


def test_a_dangling_parent_is_refused(tmp_path: Path) -> None:
    path = _write(tmp_path, _concept("a", "Alpha", parents="t:missing"))
    with pytest.raises(OntologyError, match="unknown"):
        ontology.load(path, cache=False)


def test_an_id_whose_prefix_contradicts_its_class_is_refused(tmp_path: Path) -> None:
    body = ('<https://effkg.dev/id/metric/odd> a eff:Technique ; skos:prefLabel "Odd"@en ;'
            ' skos:definition "Wrong prefix."@en .\n')
    with pytest.raises(OntologyError, match="prefix"):
        ontology.load(_write(tmp_path, body), cache=False)


def test_a_missing_preflabel_is_refused(tmp_path: Path) -> None:
    body = 't:a a skos:Concept, eff:Technique ; skos:definition "No name."@en .\n'
    with pytest.raises(OntologyError, match="prefLabel"):
        ontology.load(_write(tmp_path, body), cache=False)


def test_syntax_errors_name_the_file(tmp_path: Path) -> None:
    (tmp_path / "bad.ttl").write_text("this is not turtle", encoding="utf-8")
    with pytest.raises(OntologyError, match="bad.ttl"):
        ontology.load(tmp_path, cache=False)


def test_undeclared_collisions_are_reported_and_declared_ones_accepted(tmp_path: Path) -> None:
    body = (_concept("a", "Alpha", extra=' skos:altLabel "shared"@en ;')
            + _concept("b", "Beta", extra=' skos:altLabel "Shared"@en ;'))
    onto = ontology.load(_write(tmp_path, body), cache=False)
    assert label_collisions(onto.concepts()) == {"shared": ("technique/a", "technique/b")}
    declared = (_concept("a", "Alpha", extra=' skos:altLabel "shared"@en ; eff:ambiguousLabel "shared" ;')
                + _concept("b", "Beta", extra=' skos:altLabel "Shared"@en ; eff:ambiguousLabel "shared" ;'))
    other = tmp_path / "declared"
    other.mkdir()
    onto2 = ontology.load(_write(other, declared), cache=False)
    assert label_collisions(onto2.concepts()) == {}
    assert [c.id for c in onto2.lookup("SHARED")] == ["technique/a", "technique/b"]


def test_ontology_files_lists_the_package_dir_without_shapes() -> None:
    files = ontology_files()
    assert SHAPES_FILE not in {f.name for f in files}
    assert all(f.suffix == ".ttl" for f in files)
    types = Graph()
    for f in files:
        types.parse(f, format="turtle")
    assert (None, RDF.type, SKOS.ConceptScheme) in types
