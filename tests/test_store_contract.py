"""Contract tests: the embedded store and a real Neo4j hold and return the same graph.

Every test runs on both stores; the Neo4j one is the server the test session starts
(``tests/conftest.py``), wiped before each test.
"""

from __future__ import annotations

import pytest

from kg.graph import assemble, dumps, graph_stats
from kg.store import open_store
from kg.store.base import GraphStore
from tests.graphdata import NASTY_TITLE, P1, P2, P3, mapping1, mapping2, mapping3


@pytest.fixture(params=["embedded", "neo4j"])
def store(request, tmp_path) -> GraphStore:
    if request.param == "embedded":
        st = open_store(str(tmp_path / "kg"))
    else:
        server = request.getfixturevalue("neo4j_empty")
        st = open_store(server.uri, user=server.user, password=server.password)
    yield st
    st.close()


def full_graph():
    return assemble([P1, P2, P3], [mapping1(), mapping2(), mapping3()])[0]


def test_write_then_read_returns_the_same_graph(store):
    g = full_graph()
    summary = store.write(g)
    assert summary.nodes_written == g.number_of_nodes()
    assert summary.edges_written == g.number_of_edges()
    assert dumps(store.read()) == dumps(g)
    assert store.stats() == graph_stats(g)


def test_writing_twice_changes_nothing(store):
    g = full_graph()
    store.write(g)
    assert not store.write(g).changed
    assert dumps(store.read()) == dumps(g)


def test_rewriting_a_paper_replaces_its_facts(store):
    store.write(full_graph())
    smaller = assemble([P1, P2, P3], [mapping1(with_gpu=False), mapping2(), mapping3()])[0]
    summary = store.write(smaller)
    assert summary.nodes_deleted == 1
    back = store.read()
    assert not back.has_node("hardware/nvidia-a100")
    assert dumps(back) == dumps(smaller)


def test_dropping_one_supporting_paper_updates_the_evidence_lists(store):
    both = assemble([P1, P2], [mapping1(), mapping2()])[0]
    store.write(both)
    only_p2 = assemble([P2], [mapping2()])[0]
    store.write(only_p2)
    back = store.read()
    assert P1.id not in back
    assert back.edges[P2.id, "model/llama-2-7b", "EVALUATED_ON"]["papers"] == [P2.id]
    assert dumps(back) == dumps(only_p2)


def test_injection_in_titles_is_plain_text(store):
    store.write(full_graph())
    back = store.read()
    assert back.nodes[P3.id]["title"] == NASTY_TITLE
    assert back.number_of_nodes() == full_graph().number_of_nodes()


def test_empty_store_reads_empty(store):
    assert store.read().number_of_nodes() == 0
    assert store.stats().total_nodes == 0


def test_both_stores_export_identical_bytes(tmp_path, neo4j_empty):
    g = full_graph()
    emb = open_store(str(tmp_path / "kg"))
    neo = open_store(neo4j_empty.uri, user=neo4j_empty.user, password=neo4j_empty.password)
    try:
        emb.write(g)
        neo.write(g)
        assert dumps(emb.read()) == dumps(neo.read()) == dumps(g)
        assert emb.stats() == neo.stats()
    finally:
        neo.close()


def test_neo4j_cypher_is_read_only_unless_asked(neo4j_empty):
    from kg.errors import QueryError

    neo = open_store(neo4j_empty.uri, user=neo4j_empty.user, password=neo4j_empty.password)
    try:
        neo.write(full_graph())
        rows = neo.cypher("MATCH (p:Paper) WHERE p.title = $t RETURN p.id AS id", {"t": NASTY_TITLE})
        assert rows == [{"id": P3.id}]
        with pytest.raises(QueryError, match="--write"):
            neo.cypher("CREATE (:Paper {id: 'paper/x'})")
        neo.cypher("MATCH (p:Paper {id: $id}) SET p.flag = true", {"id": P1.id}, write=True)
        assert neo.cypher("MATCH (p:Paper {flag: true}) RETURN count(p) AS n") == [{"n": 1}]
    finally:
        neo.close()


def test_embedded_store_refuses_cypher(tmp_path):
    from kg.errors import UnsupportedOperation

    with pytest.raises(UnsupportedOperation, match="embedded"):
        open_store(str(tmp_path / "kg")).cypher("RETURN 1")
