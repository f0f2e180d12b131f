"""``kg ontology`` (tree with paper counts, show, facets, check) through the real CLI entry point."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import ontology
from kg.cli import main
from kg.graph import add_node, assemble
from kg.store.embedded import EmbeddedStore


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> str:
    """A store whose graph has the ontology plus two papers studying KV-cache techniques."""
    g, _ = assemble([], [], ontology.load())
    ev = {"sentences": ["s"], "starts": [0], "ends": [1], "extractors": ["t/1"], "confidences": [0.9],
          "qualifiers": [""], "support": 1, "confidence": 0.9}
    for pid, target in (("paper/t-00000000000a", "technique/kv-cache-eviction"),
                        ("paper/t-00000000000b", "technique/kv-cache-quantization"),
                        ("paper/t-00000000000c", "topic/agent-memory")):
        add_node(g, pid, "Paper", {"name": pid, "title": pid})
        g.add_edge(pid, target, key="STUDIES", papers=[pid], **ev)
    path = tmp_path_factory.mktemp("onto") / "kg"
    EmbeddedStore(path).write(g)
    return str(path)


def _json(capsys: pytest.CaptureFixture[str], argv: list[str]) -> object:
    assert main(argv) == 0
    return json.loads(capsys.readouterr().out)


def test_tree_counts_roll_up(store: str, capsys: pytest.CaptureFixture[str]) -> None:
    rows = _json(capsys, ["ontology", "--store", store, "--format", "json", "--depth", "1"])
    by_id = {r["id"]: r for r in rows}
    assert rows[0]["id"] == "technique/ml-efficiency" and rows[0]["papers"] == 2
    assert by_id["technique/kv-cache-compression"]["papers"] == 2
    assert by_id["technique/quantization"]["papers"] == 1
    assert by_id["technique/pruning"]["papers"] == 0
    assert max(r["depth"] for r in rows) == 1


def test_tree_with_root_and_multi_parent_marks(store: str, capsys: pytest.CaptureFixture[str]) -> None:
    rows = _json(capsys, ["ontology", "--store", store, "--format", "json", "--root", "KV cache compression"])
    kvq = next(r for r in rows if r["id"] == "technique/kv-cache-quantization")
    assert kvq["also_under"] == ["technique/quantization"] and kvq["papers"] == kvq["direct"] == 1
    rows = _json(capsys, ["ontology", "--store", store, "--format", "json", "--scheme", "topic", "--min-papers", "1"])
    assert [r["id"] for r in rows] == ["topic/agent-memory"]


def test_tree_table_shows_keys_without_the_scheme_and_keeps_them_whole(
        store: str, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COLUMNS", "80")
    assert main(["ontology", "--store", store, "--root", "KV cache compression"]) == 0
    out = capsys.readouterr().out
    assert "technique/KEY" in out and "technique/kv-cache-quantization" not in out
    # the key column is never folded, however narrow the terminal: each key stays on one line
    assert any("kv-cache-quantization" in line for line in out.splitlines())
    assert "(also under" in out and all(len(line) <= 80 for line in out.splitlines())


def test_tree_without_a_store_shows_zeros(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    rows = _json(capsys, ["ontology", "--store", str(tmp_path / "none"), "--format", "json"])
    assert rows and all(r["papers"] == 0 for r in rows)
    assert main(["ontology", "--store", str(tmp_path / "none")]) == 0
    assert "ML efficiency" in capsys.readouterr().out


def test_show_by_alias_and_id(store: str, capsys: pytest.CaptureFixture[str]) -> None:
    view = _json(capsys, ["ontology", "show", "PTQ", "--store", store, "--format", "json"])
    assert view["id"] == "technique/post-training-quantization"
    assert "method/gptq" in view["known_methods"] and view["papers"] == 0
    view = _json(capsys, ["ontology", "show", "technique/kv-cache-quantization", "--store", store, "--format", "json"])
    assert view["papers"] == 1 and {p["id"] for p in view["parents"]} == {
        "technique/kv-cache-compression", "technique/quantization"}
    assert main(["ontology", "show", "hwclass/gpu", "--store", store, "--format", "csv"]) == 0
    assert "field,value" in capsys.readouterr().out


def test_show_unknown_term_suggests(store: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["ontology", "show", "speculativ decoding", "--store", store]) == 1
    err = capsys.readouterr().err
    assert "unknown concept 'speculativ decoding'" in err and "technique/speculative-decoding" in err


def test_facets_and_check(capsys: pytest.CaptureFixture[str]) -> None:
    rows = _json(capsys, ["ontology", "facets", "granularity", "--format", "json"])
    assert "facet/granularity/per-group" in {r["id"] for r in rows}
    assert main(["ontology", "facets", "colour"]) == 1
    capsys.readouterr()
    assert main(["ontology", "check"]) == 0
    assert "no problems" in capsys.readouterr().err
