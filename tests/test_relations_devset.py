"""Quality of the relation extraction on the annotated development set (tests/devset/relations_dev.jsonl).

Scored twice: the relation extractor alone, and the whole mapping (what the graph receives). The
floors sit just below the figures measured when the extractor last changed.
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import pytest

ROOT = Path(__file__).resolve().parents[1]


def _bench() -> ModuleType:
    spec = importlib.util.spec_from_file_location("effkg_bench_eval_results", ROOT / "bench" / "eval_results.py")
    assert spec is not None and spec.loader is not None
    mod = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = mod
    spec.loader.exec_module(mod)
    return mod


@pytest.fixture(scope="module")
def reports(seeds_dir: Path):  # type: ignore[no-untyped-def]
    bench = _bench()
    onto = bench._load_onto()
    from loaders.mapping.corpus import load_seed_papers

    papers = load_seed_papers(seeds_dir)
    gold = bench.load_relation_annotations(bench.DEVSET / "relations_dev.jsonl")
    return {src: bench.evaluate_relations(gold, papers, onto, source=src) for src in ("extractor", "mapping")}


# (precision, recall) floors per relation type, for the extractor alone
TYPE_FLOORS = {
    "COMPARED_WITH": (0.94, 0.91),
    # (7 of 10 since stop 19: "DSS extends S4" is annotated here, but DSS is the earlier work a paper names
    # with "called", which mapping_dev lists as a model it evaluates and no method it proposes; the mapper
    # now reads it so, and the extractor draws EXTENDS only from a method the mapper found)
    "EXTENDS": (0.95, 0.68),
    "HAS_COMPONENT": (0.95, 0.78),
    "PORTS_TO": (0.94, 0.97),
    "ADDRESSES": (0.80, 0.95),
    "REDUCES": (0.90, 0.83),
    "DERIVED_FROM": (0.95, 0.55),
    "USES_ARCHITECTURE": (0.95, 0.60),
    "TRAINED_ON": (0.95, 0.95),
    "INTRODUCES": (0.95, 0.95),
}


def test_extractor_overall(reports) -> None:  # type: ignore[no-untyped-def]
    s = reports["extractor"].overall
    assert s.precision >= 0.945 and s.recall >= 0.85 and s.f1 >= 0.895, (s.precision, s.recall)


def test_mapping_overall(reports) -> None:  # type: ignore[no-untyped-def]
    s = reports["mapping"].overall
    assert s.f1 >= 0.83, (s.precision, s.recall)


@pytest.mark.parametrize("rel", sorted(TYPE_FLOORS))
def test_type_floor(reports, rel: str) -> None:  # type: ignore[no-untyped-def]
    s = reports["extractor"].types[rel]
    p, r = TYPE_FLOORS[rel]
    assert s.precision >= p and s.recall >= r, (rel, s.precision, s.recall)
