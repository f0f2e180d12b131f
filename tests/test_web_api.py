"""The explorer's JSON API, in-process, on both stores: answers, filters, errors, security, read-only.

The graph is :func:`kg.web.sample.sample_graph` (hand-written papers, one with a markup title), the
same on the embedded store and on the session's Neo4j server; every answer must be equal on both.
"""

from __future__ import annotations

import os
import re
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from kg.graph import dumps, graph_stats
from kg.store import open_store
from kg.store.base import GraphStore
from kg.web import create_app
from kg.web.explorer import Explorer
from kg.web.sample import NASTY_TITLE, sample_graph

REPO = Path(__file__).resolve().parents[1]
pytestmark = pytest.mark.neo4j


SAMPLE = sample_graph()


@pytest.fixture(scope="module")
def neo4j_store(neo4j_server):
    """One Neo4j store for the module: writing the sample costs seconds, so it is written once."""
    st = open_store(neo4j_server.uri, user=neo4j_server.user, password=neo4j_server.password)
    yield st
    st.close()


def holding(st: GraphStore, g) -> GraphStore:
    """``st`` holding ``g``: written only when it holds something else (another module may have wiped it)."""
    if st.stats() != graph_stats(g):
        st.write(g)
    return st


def _open(kind: str, tmp_path: Path, request: pytest.FixtureRequest) -> GraphStore:
    if kind == "embedded":
        return holding(open_store(str(tmp_path / "kg")), SAMPLE)
    return holding(request.getfixturevalue("neo4j_store"), SAMPLE)


@pytest.fixture(params=["embedded", "neo4j"])
def store(request: pytest.FixtureRequest, tmp_path: Path):
    return _open(request.param, tmp_path, request)


@pytest.fixture
def client(store: GraphStore) -> TestClient:
    return TestClient(create_app(store))


def ids(items) -> list[str]:
    return [x["id"] for x in items]


# -- answers -------------------------------------------------------------------------------------


def test_meta_counts_and_vocabulary(client, store):
    m = client.get("/api/meta").json()
    assert m["store"] == store.kind
    assert m["nodes"] == store.stats().nodes
    assert "Paper" in m["labels"] and "EVALUATED_ON" in m["relationships"]
    assert [f["id"] for f in m["families"]] == [
        "technique/kv-cache-compression", "technique/memory-efficient-training", "technique/pruning", "technique/quantization",
    ]
    assert m["years"] == {"2023": 1, "2024": 3, "2025": 1}


def test_search_finds_names_prefixes_and_aliases(client):
    hits = client.get("/api/search", params={"q": "squee"}).json()["hits"]
    assert hits[0]["id"] == "method/squeezekv"
    alias = client.get("/api/search", params={"q": "SKV"}).json()["hits"]
    assert alias[0]["id"] == "method/squeezekv" and alias[0]["match"] == "alias"
    only_hw = client.get("/api/search", params={"q": "a100", "label": "hardware"}).json()["hits"]
    assert ids(only_hw) == ["hardware/nvidia-a100"]
    assert client.get("/api/search", params={"q": ""}).json()["hits"] == []


def test_graph_of_a_method_brings_what_its_paper_evaluated(client):
    v = client.get("/api/graph", params={"focus": "SqueezeKV"}).json()
    assert v["focus"] == ["method/squeezekv"]
    node_ids = set(ids(v["nodes"]))
    # Its own edges, plus the paper-level facts of the paper that proposes it.
    assert {"technique/kv-cache-quantization", "memory/kv-cache", "method/foldadam"} <= node_ids
    assert {"model/llama-2-7b", "dataset/longbench", "hardware/nvidia-a100"} <= node_ids
    edge = next(e for e in v["edges"] if e["type"] == "INSTANCE_OF")
    assert edge["id"] == "method/squeezekv|INSTANCE_OF|technique/kv-cache-quantization"
    assert edge["support"] == 1
    node = next(n for n in v["nodes"] if n["id"] == "method/squeezekv")
    assert node["families"] == ["technique/kv-cache-compression", "technique/quantization"]
    assert node["year"] == 2024


def test_graph_filters_by_label_relation_family_and_year(client):
    base = {"focus": "method/squeezekv"}
    only_methods = client.get("/api/graph", params={**base, "labels": "Method"}).json()
    assert {n["label"] for n in only_methods["nodes"]} == {"Method"}
    only_extends = client.get("/api/graph", params={"focus": "method/foldadam", "rels": "EXTENDS"}).json()
    assert ids(only_extends["nodes"]) == ["method/foldadam", "method/gradslim"]
    assert [e["type"] for e in only_extends["edges"]] == ["EXTENDS"]
    training = client.get("/api/graph", params={"focus": "model/llama-2-7b", "family": "memory-efficient-training"}).json()
    papers = [n for n in training["nodes"] if n["label"] == "Paper"]
    assert [p["name"] for p in papers] == ["GradSlim: Training in a Low-Rank Gradient Subspace"]
    assert training["hidden"] > 0
    recent = client.get("/api/graph", params={"focus": "model/llama-2-7b", "year_from": 2025}).json()
    assert all(n["year"] in (None, 2025) for n in recent["nodes"])
    expanded = client.get("/api/graph", params={"focus": "method/foldadam", "expand": ["method/gradslim"]}).json()
    assert expanded["focus"] == ["method/foldadam", "method/gradslim"]
    assert "technique/low-rank-gradient-projection" in ids(expanded["nodes"])


def test_graph_limit_keeps_the_best_supported_neighbours(tmp_path):
    st = open_store(str(tmp_path / "big"))
    st.write(sample_graph(hub_papers=60))
    client = TestClient(create_app(st))
    v = client.get("/api/graph", params={"focus": "method/squeezekv", "limit": 20}).json()
    assert len(v["nodes"]) == 20 and v["truncated"]
    assert "method/squeezekv" in ids(v["nodes"])
    assert any("limit 20" in note for note in v["notes"])


def test_entity_panel_has_taxonomy_provenance_and_evidence(client):
    e = client.get("/api/entity", params={"id": "squeezekv"}).json()
    assert e["id"] == "method/squeezekv" and e["label"] == "Method"
    lines = [[r["id"] for r in line] for line in e["parents"]]
    assert ["technique/ml-efficiency", "technique/quantization", "technique/kv-cache-quantization"] in lines
    assert ["technique/ml-efficiency", "technique/kv-cache-compression", "technique/kv-cache-quantization"] in lines
    proposed = next(r for r in e["relations"] if r["words"] == "proposed by")
    ev = proposed["evidence"][0]
    assert ev["sentence"].startswith("We present SqueezeKV")
    assert ev["paper_title"].startswith("SqueezeKV: Four-Bit")
    assert ev["source"] == {"paper": ev["paper"], "title": ev["paper_title"], "file": "sample.txt", "line": 5,
                            "format": "hf-daily"}
    assert {x["id"] for x in e["evaluations"]} >= {"model/llama-2-7b", "dataset/longbench", "hardware/nvidia-a100"}
    assert e["provenance"][0]["file"] == "sample.txt"
    assert "text" not in e["properties"] and "offset_map" not in e["properties"]


def test_paper_entity_shows_its_abstract_and_where_it_was_read(client):
    e = client.get("/api/entity", params={"id": "GradSlim: Training in a Low-Rank Gradient Subspace"}).json()
    assert e["label"] == "Paper"
    assert e["properties"]["abstract"].startswith("GradSlim projects")
    assert [(p["file"], p["line"]) for p in e["provenance"]] == [("sample.txt", 13)]


def test_taxonomy_tree_with_paper_counts(client):
    t = client.get("/api/taxonomy").json()
    rows = {r["id"]: r for r in t["rows"]}
    assert rows["technique/ml-efficiency"]["depth"] == 0
    assert rows["technique/kv-cache-quantization"]["parents"] == ["technique/kv-cache-compression", "technique/quantization"]
    assert rows["technique/kv-cache-quantization"]["papers"] == 1
    assert rows["technique/quantization"]["total"] >= 2


def test_path_between_two_entities_with_evidence_per_hop(client):
    p = client.get("/api/path", params={"a": "GradSlim", "b": "A100"}).json()
    assert p["a"]["id"] == "method/gradslim" and p["b"]["id"] == "hardware/nvidia-a100"
    first = p["paths"][0]
    assert first["nodes"][0]["id"] == "method/gradslim" and first["nodes"][-1]["id"] == "hardware/nvidia-a100"
    assert all(h["sentence"] for h in first["hops"])
    hop_ids = {f"{h['source']}|{h['type']}|{h['target']}" for path in p["paths"] for h in path["hops"]}
    assert hop_ids <= set(ids(p["subgraph"]["edges"]))


def test_named_queries_are_listed_and_run_with_a_subgraph(client):
    listed = client.get("/api/queries").json()
    names = [q["name"] for q in listed]
    assert {"techniques-for-model", "path", "taxonomy", "technique-evaluations"} <= set(names)
    ans = client.get("/api/queries/techniques-for-model", params={"model": "Llama-2-7B"}).json()
    assert ans["params"]["model"] == "model/llama-2-7b"
    techniques = {r["technique"] for r in ans["rows"]}
    assert "technique/kv-cache-quantization" in techniques
    assert "technique/kv-cache-quantization" in ids(ans["subgraph"]["nodes"])
    # Every named query has a typed route in the schema.
    paths = client.get("/api/openapi.json").json()["paths"]
    assert all(f"/api/queries/{n}" in paths for n in names)


def test_view_bundle_is_the_json_twin_of_a_shared_link(client):
    params = {"focus": "method/squeezekv", "sel": "method/foldadam", "pa": "gradslim", "pb": "a100"}
    v = client.get("/api/view", params=params).json()
    assert v["graph"]["focus"] == ["method/squeezekv"]
    assert v["selected"]["id"] == "method/foldadam"
    assert v["path"]["paths"]
    stale = client.get("/api/view", params={"focus": "method/squeezekv", "sel": "method/gone-away"}).json()
    assert stale["selected"] is None and "selection" in stale["notes"][0]


def test_both_stores_answer_identically(tmp_path, request):
    urls = [
        ("/api/graph", {"focus": "method/squeezekv"}),
        ("/api/graph", {"focus": "model/llama-2-7b", "family": "technique/quantization"}),
        ("/api/entity", {"id": "method/foldadam"}),
        ("/api/entity", {"id": "model/llama-2-7b"}),
        ("/api/path", {"a": "method/gradslim", "b": "hardware/nvidia-a100"}),
        ("/api/taxonomy", {}),
        ("/api/search", {"q": "kv"}),
        ("/api/queries/techniques-for-model", {"model": "llama-2-7b"}),
    ]
    answers = {}
    for kind in ("embedded", "neo4j"):
        st = _open(kind, tmp_path, request)
        c = TestClient(create_app(st))
        answers[kind] = []
        for url, params in urls:
            r = c.get(url, params=params)
            assert r.status_code == 200, (kind, url, r.text)
            body = r.json()
            body.pop("store", None)
            answers[kind].append(body)
    for (url, params), a, b in zip(urls, answers["embedded"], answers["neo4j"]):
        assert a == b, (url, params)


def test_warm_up_and_an_empty_store(store, tmp_path):
    Explorer(store).warm_up()
    empty = TestClient(create_app(open_store(str(tmp_path / "empty"))))
    assert empty.get("/api/meta").json()["nodes"] == {}
    assert empty.get("/api/graph").json()["nodes"] == []
    # The query layer refuses to answer from an empty store, and says why.
    r = empty.get("/api/taxonomy")
    assert r.status_code == 503 and "empty" in r.json()["message"]
    assert empty.get("/api/entity", params={"id": "galore"}).status_code in (404, 503)


# -- errors --------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("url", "params", "status", "kind"),
    [
        ("/api/entity", {"id": "no-such-thing-at-all"}, 404, "unknown-name"),
        ("/api/entity", {"id": "squeezkv"}, 404, "unknown-name"),
        ("/api/entity", {}, 422, "bad-parameter"),
        ("/api/entity", {"id": "method/squeezekv", "limit": "-1"}, 422, "bad-parameter"),
        ("/api/graph", {"focus": "method/squeezekv", "labels": "Metod"}, 404, "unknown-name"),
        ("/api/graph", {"focus": "method/squeezekv", "year_from": 2025, "year_to": 2023}, 400, "bad-parameter"),
        ("/api/graph", {"focus": "method/squeezekv", "family": "technique/kv-cache-eviction"}, 400, "bad-parameter"),
        ("/api/graph", {"focus": "method/squeezekv", "limit": "many"}, 422, "bad-parameter"),
        ("/api/path", {"a": "squeezekv", "b": "squeezekv"}, 400, "bad-parameter"),
        ("/api/queries/techniques-for-model", {}, 422, "bad-parameter"),
        ("/api/queries/no-such-query", {}, 404, "not-found"),
        ("/api/nowhere", {}, 404, "not-found"),
    ],
)
def test_bad_requests_are_4xx_with_a_message(client, url, params, status, kind):
    r = client.get(url, params=params)
    assert r.status_code == status, r.text
    body = r.json()
    assert body["error"] == kind and body["message"]


def test_unknown_names_come_with_candidates(client):
    body = client.get("/api/entity", params={"id": "squeezkv"}).json()
    assert any("method/squeezekv" in c for c in body["candidates"])


def test_the_api_is_read_only(client, store):
    before = dumps(store.read())
    for method in ("post", "put", "delete", "patch"):
        r = client.request(method.upper(), "/api/graph", params={"focus": "method/squeezekv"})
        assert r.status_code == 405
    assert dumps(store.read()) == before


# -- page, static files, security ---------------------------------------------------------------


def test_page_and_assets_are_served_locally(client):
    page = client.get("/")
    assert page.status_code == 200 and "text/html" in page.headers["content-type"]
    for src in re.findall(r'src="(/[^"]+)"', page.text):
        r = client.get(src)
        assert r.status_code == 200, src
        assert "javascript" in r.headers["content-type"]
    assert client.get("/static/style.css").status_code == 200
    assert "http://" not in page.text and "https://" not in page.text


def test_security_headers(client):
    r = client.get("/")
    csp = r.headers["content-security-policy"]
    assert "script-src 'self'" in csp and "unsafe-inline" not in csp and "unsafe-eval" not in csp
    assert r.headers["x-content-type-options"] == "nosniff"
    assert client.get("/api/meta").headers["cache-control"] == "no-store"


@pytest.mark.parametrize(
    "path",
    [
        "/static/../pyproject.toml",
        "/static/%2e%2e/%2e%2e/pyproject.toml",
        "/static/..%2f..%2fpyproject.toml",
        "/static/%2e%2e%2f%2e%2e%2fkg%2fweb%2fapp.py",
        "/static//etc/passwd",
        "/vendor/..%2f..%2fpackage.json",
        "/vendor/%2e%2e",
        "/vendor/cytoscape%2fpackage.json",
    ],
)
def test_no_path_traversal(client, path):
    r = client.get(path)
    assert r.status_code in (400, 404), (path, r.status_code)
    assert "[project]" not in r.text and "root:" not in r.text and "def create_app" not in r.text
    assert '"dependencies"' not in r.text


def test_allowed_hosts_refuse_other_names(store):
    c = TestClient(create_app(store, allowed_hosts=["127.0.0.1", "localhost"]))
    assert c.get("/api/meta", headers={"host": "127.0.0.1:8765"}).status_code == 200
    assert c.get("/api/meta", headers={"host": "localhost"}).status_code == 200
    r = c.get("/api/meta", headers={"host": "rebound.example:8765"})
    assert r.status_code == 400 and r.json()["error"] == "bad-host"


def test_markup_in_titles_is_returned_as_data(client):
    hits = client.get("/api/search", params={"q": "Quantising"}).json()["hits"]
    paper = next(h for h in hits if h["label"] == "Paper")
    assert paper["name"] == NASTY_TITLE
    r = client.get("/api/entity", params={"id": paper["id"]})
    assert r.headers["content-type"].startswith("application/json")
    assert r.json()["name"] == NASTY_TITLE


# -- kg serve -------------------------------------------------------------------------------------


def test_kg_serve_binds_localhost_and_serves_the_api(tmp_path):
    st = open_store(str(tmp_path / "kg"))
    st.write(sample_graph())
    env = {**os.environ, "PYTHONUNBUFFERED": "1"}
    proc = subprocess.Popen(
        [sys.executable, "-m", "kg", "serve", "--store", str(tmp_path / "kg"), "--port", "0"],
        cwd=REPO, env=env, stderr=subprocess.PIPE, stdout=subprocess.DEVNULL, text=True,
    )
    try:
        deadline = time.monotonic() + 30
        url = None
        while time.monotonic() < deadline and url is None:
            line = proc.stderr.readline()
            if not line:
                break
            m = re.search(r"(http://127\.0\.0\.1:\d+/)", line)
            url = m.group(1) if m else None
        assert url, "kg serve did not print its URL"
        import httpx

        for _ in range(50):
            try:
                r = httpx.get(url + "api/meta", timeout=5)
                break
            except httpx.TransportError:
                time.sleep(0.1)
        assert r.status_code == 200 and r.json()["nodes"]["Paper"] == 5
    finally:
        proc.send_signal(signal.SIGINT)
        try:
            proc.wait(timeout=15)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


def test_kg_serve_reports_a_busy_port(tmp_path):
    import socket

    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    sock.listen()
    port = sock.getsockname()[1]
    try:
        r = subprocess.run(
            [sys.executable, "-m", "kg", "serve", "--store", str(tmp_path / "kg"), "--port", str(port)],
            cwd=REPO, capture_output=True, text=True, timeout=60,
        )
    finally:
        sock.close()
    assert r.returncode != 0
    assert "cannot listen on 127.0.0.1" in r.stderr and "Traceback" not in r.stderr
