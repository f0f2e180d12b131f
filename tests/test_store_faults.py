"""Faults around Neo4j: unreachable servers, wrong passwords, a server lost in the middle of a build."""

from __future__ import annotations

import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest

from kg.errors import StoreUnavailable
from kg.graph import add_node, dumps, new_graph
from kg.store import open_store

ROOT = Path(__file__).resolve().parents[1]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def run_kg(*args: str, env_extra: dict[str, str] | None = None) -> tuple[subprocess.CompletedProcess[str], float]:
    import os

    # Credentials come only from the test's arguments, never from the developer's environment.
    env = {k: v for k, v in os.environ.items() if not k.startswith("NEO4J_")}
    env.update(env_extra or {})
    t0 = time.perf_counter()
    proc = subprocess.run([sys.executable, "-m", "kg", *args], cwd=ROOT, capture_output=True, text=True, env=env, timeout=60)
    return proc, time.perf_counter() - t0


def assert_one_clear_line(proc: subprocess.CompletedProcess[str], uri: str) -> None:
    assert proc.returncode != 0
    lines = proc.stderr.strip().splitlines()
    assert len(lines) == 1, proc.stderr
    assert uri in lines[0]
    assert "Traceback" not in proc.stderr
    assert proc.stdout == ""


@pytest.mark.parametrize("scheme", ["bolt", "neo4j"])
def test_unreachable_neo4j_is_one_line_within_10s(scheme):
    uri = f"{scheme}://127.0.0.1:{free_port()}"
    proc, seconds = run_kg("stats", "--store", uri)
    assert_one_clear_line(proc, uri)
    assert seconds < 10


def test_wrong_password_is_one_line_within_10s(neo4j_server):
    proc, seconds = run_kg("stats", "--store", neo4j_server.uri, "--neo4j-password", "not-the-password")
    assert_one_clear_line(proc, neo4j_server.uri)
    assert "credentials" in proc.stderr
    assert seconds < 10


def test_password_from_environment(neo4j_empty):
    proc, _ = run_kg("stats", "--format", "json", env_extra={
        "KG_STORE": neo4j_empty.uri, "NEO4J_PASSWORD": neo4j_empty.password, "NEO4J_USER": neo4j_empty.user})
    assert proc.returncode == 0, proc.stderr
    assert '"total_nodes": 0' in proc.stdout


def test_routing_uri_reads_and_writes(neo4j_empty):
    g = new_graph()
    add_node(g, "technique/pruning", "Technique", {"name": "Pruning"})
    with open_store(neo4j_empty.routing_uri, user=neo4j_empty.user, password=neo4j_empty.password) as st:
        st.write(g)
        assert dumps(st.read()) == dumps(g)


def big_graph(n: int = 12000):
    g = new_graph()
    for i in range(n):
        add_node(g, f"method/m{i:05d}", "Method", {"name": f"m{i}", "pad": "x" * 30})
    for i in range(1, n):
        g.add_edge(f"method/m{i:05d}", f"method/m{i - 1:05d}", key="EXTENDS", papers=["paper/t-0"], support=1)
    return g


def test_server_lost_mid_build_then_next_build_completes_without_duplicates(neo4j_private_server):
    server = neo4j_private_server
    g = big_graph()
    store = open_store(server.uri, user=server.user, password=server.password)
    killed = []

    def kill_after_first_batch(done: int, total: int) -> None:
        if not killed:
            killed.append(done)
            server.kill()

    with pytest.raises(StoreUnavailable) as info:
        store.write(g, progress=kill_after_first_batch)
    store.close()
    assert killed and killed[0] < g.number_of_nodes()
    assert server.uri in str(info.value) and "nothing from this operation was committed" in str(info.value)

    server.restart()
    with open_store(server.uri, user=server.user, password=server.password) as store:
        # The killed transaction was never committed: the database holds nothing of it.
        assert store.stats().total_nodes == 0
        summary = store.write(g)
        assert summary.nodes_written == g.number_of_nodes()
        assert store.cypher("MATCH (n:Method) WITH n.id AS id, count(*) AS c WHERE c > 1 RETURN count(*) AS dups") == [{"dups": 0}]
        assert dumps(store.read()) == dumps(g)
        assert not store.write(g).changed


def test_search_sees_writes_from_another_client(neo4j_empty, neo4j_driver):
    """Search reads names from a client-side copy while the database is unchanged; a write by any
    client (here a raw driver session, not this store) must show at once, and a read must not."""
    import queries

    g = new_graph()
    add_node(g, "method/galore", "Method", {"name": "GaLore"})
    with open_store(neo4j_empty.uri, user=neo4j_empty.user, password=neo4j_empty.password) as st:
        st.write(g)
        assert [r["id"] for r in queries.search(st, "galore").rows] == ["method/galore"]
        stamp = st.version()
        assert queries.search(st, "galore").rows and st.version() == stamp  # reads do not move it
        with neo4j_driver.session(database=neo4j_empty.database) as s:
            s.run("MATCH (n:Method {id: 'method/galore'}) SET n.aliases = ['Gradient Low-Rank Projection']").consume()
        assert st.version() != stamp
        rows = queries.search(st, "gradient low rank projection").rows
        assert [(r["id"], r["match"]) for r in rows] == [("method/galore", "alias")]
        with neo4j_driver.session(database=neo4j_empty.database) as s:
            s.run("MATCH (n:Method {id: 'method/galore'}) DETACH DELETE n").consume()
        assert not queries.search(st, "galore").rows
