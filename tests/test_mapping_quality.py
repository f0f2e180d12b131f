"""Regression floors for the mapper on the annotated development set, and a speed floor.

The floors sit just below the measured scores (see the report of ``kg eval``); a change that
lowers a field below its floor fails here. The held-out set is never read by the tests.
"""

from __future__ import annotations

from pathlib import Path

import pytest

import ontology
from kg.cli import main
from loaders import load_paths
from loaders.mapping.evaluation import EvalReport, evaluate, load_annotations

DEV = Path(__file__).resolve().parent / "devset" / "mapping_dev.jsonl"

# measured F1 on the dev set, minus a small margin
FLOORS = {
    "techniques": 0.90,
    "methods": 0.95,
    "components": 0.92,  # HAS_COMPONENT also comes from loaders/relations.py
    "models": 0.92,
    "hardware": 0.98,
    "hardware_classes": 0.89,
    "datasets": 0.97,
    "memory_components": 0.91,  # the mapper's paper-level REDUCES only (see loaders/mapping/evaluation.py)
}
SCOPE_FLOOR = 0.95


@pytest.fixture(scope="module")
def report(seeds_dir: Path) -> EvalReport:
    papers = list(load_paths([seeds_dir]).papers)
    return evaluate(load_annotations(DEV), papers, ontology.load())


@pytest.mark.parametrize("field", sorted(FLOORS))
def test_field_f1_stays_above_its_floor(report: EvalReport, field: str) -> None:
    assert report.fields[field].f1 >= FLOORS[field], report.rows()


def test_out_of_scope_recognition_stays_above_its_floor(report: EvalReport) -> None:
    assert report.scope.f1 >= SCOPE_FLOOR


def test_the_dev_set_has_its_documented_size(report: EvalReport) -> None:
    assert report.papers >= 80


def test_kg_eval_prints_json(capsys: pytest.CaptureFixture[str], seeds_dir: Path) -> None:
    import json

    assert main(["eval", str(DEV), "--seeds", str(seeds_dir), "--format", "json"]) == 0
    out = json.loads(capsys.readouterr().out)
    fields = {r["field"] for r in out["rows"]}
    assert {"techniques", "models", "hardware", "datasets", "out-of-scope"} <= fields


def test_kg_eval_rejects_a_missing_file(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    assert main(["eval", str(tmp_path / "nope.jsonl")]) != 0
    assert "nope.jsonl" in capsys.readouterr().err
