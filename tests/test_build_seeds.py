"""The main job on the real corpus: ``kg build`` of the seeds into both stores gives the same graph."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from kg.build import build
from kg.graph import dumps, papers_in
from kg.store import open_store

ROOT = Path(__file__).resolve().parents[1]


def kg(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    import os

    full_env = {k: v for k, v in os.environ.items() if not k.startswith(("NEO4J_", "KG_STORE"))}
    full_env.update(env or {})
    return subprocess.run([sys.executable, "-m", "kg", *args], cwd=ROOT, capture_output=True, text=True,
                          env=full_env, timeout=300)


@pytest.fixture(scope="module")
def built(tmp_path_factory, seeds_dir, neo4j_server, neo4j_driver):
    """The seeds built once into a fresh embedded store and into the (wiped) session Neo4j."""
    from tests.conftest import wipe_database

    wipe_database(neo4j_driver, neo4j_server.database)
    emb_dir = tmp_path_factory.mktemp("seeds") / "kg"
    emb = open_store(str(emb_dir))
    neo = open_store(neo4j_server.uri, user=neo4j_server.user, password=neo4j_server.password)
    reports = (build([seeds_dir], emb), build([seeds_dir], neo))
    yield emb, neo, reports
    neo.close()
    wipe_database(neo4j_driver, neo4j_server.database)


def test_both_stores_hold_byte_identical_graphs(built):
    emb, neo, (r_emb, r_neo) = built
    assert r_emb.stats == r_neo.stats
    assert emb.stats() == neo.stats() == r_emb.stats
    assert dumps(emb.read()) == dumps(neo.read())


def test_every_seed_paper_is_in_the_graph_once(built, seeds_dir):
    from loaders import load_paths

    emb, _, (report, _) = built
    loaded = load_paths([seeds_dir])
    stored = {p.id: p for p in papers_in(emb.read())}
    assert set(stored) == {p.id for p in loaded.papers}
    assert report.papers_total == len(loaded.papers) == report.stats.nodes["Paper"]
    assert report.skipped == ()
    # Papers repeated across files are one node carrying all their occurrences.
    assert sum(len(p.occurrences) for p in stored.values()) == loaded.record_count


def test_rebuilding_changes_nothing(built, seeds_dir):
    emb, neo, _ = built
    before = dumps(emb.read())
    for store in (emb, neo):
        again = build([seeds_dir], store)
        assert not again.write.changed
    assert dumps(emb.read()) == dumps(neo.read()) == before


def test_every_extracted_edge_carries_aligned_evidence(built):
    from kg.graph import EVIDENCE_LISTS

    emb, _, _ = built
    g = emb.read()
    extracted = [(u, v, k, d) for u, v, k, d in g.edges(keys=True, data=True) if d.get("origin") != "ontology"]
    assert extracted
    for u, v, k, d in extracted:
        lengths = {len(d[name]) for name in EVIDENCE_LISTS}
        assert lengths == {d["support"]}, (u, k, v)
        for pid, sentence, start, end in zip(d["papers"], d["sentences"], d["starts"], d["ends"]):
            assert g.nodes[pid]["text"][start:end] == sentence


def test_cli_stats_and_export_are_identical_on_both_stores(built, neo4j_server):
    emb, _, _ = built
    neo_env = {"NEO4J_PASSWORD": neo4j_server.password, "NEO4J_USER": neo4j_server.user}
    outs = {}
    for name, store_uri in (("emb", emb.uri), ("neo", neo4j_server.uri)):
        stats = kg("stats", "--store", store_uri, "--format", "json", env=neo_env)
        export = kg("export", "--format", "json", "--store", store_uri, env=neo_env)
        assert stats.returncode == 0 and export.returncode == 0, stats.stderr + export.stderr
        outs[name] = (stats.stdout, export.stdout)
    assert outs["emb"] == outs["neo"]
    data = json.loads(outs["emb"][1])
    assert data["directed"] and data["multigraph"]
    assert json.loads(outs["emb"][0])["total_nodes"] == len(data["nodes"])


def test_papers_export_loads_back_unchanged(built, tmp_path):
    emb, _, _ = built
    out = tmp_path / "papers.jsonl"
    proc = kg("export", "papers", "--store", emb.uri, "--output", str(out))
    assert proc.returncode == 0, proc.stderr
    fresh = open_store(str(tmp_path / "again"))
    build([out], fresh)
    original = {p.id: p.model_dump(exclude={"occurrences"}) for p in papers_in(emb.read())}
    reloaded = {p.id: p.model_dump(exclude={"occurrences"}) for p in papers_in(fresh.read())}
    assert reloaded == original


def test_incremental_build_keeps_earlier_papers_and_replace_drops_them(tmp_path, seeds_dir):
    files = sorted(seeds_dir.glob("*.txt"))
    store = open_store(str(tmp_path / "kg"))
    first = build([files[0]], store)
    second = build([files[1]], store)
    assert second.papers_kept > 0
    assert second.papers_total >= first.papers_total
    only = build([files[1]], store, replace=True)
    assert only.papers_kept == 0 and only.papers_total == second.papers_unique


def test_the_seed_graph_satisfies_the_ontology_shapes(built):
    from kg.rdf import validate

    emb, _, _ = built
    report = validate(emb.read())
    assert report.conforms, report.violations[:5]
