"""Quality of the result extractor on the annotated development set (tests/devset/results_dev.jsonl).

The floors sit just below the figures measured when the extractor last changed; a drop below them
is a regression. The held-out set is never read here.
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
def report(seeds_dir: Path):  # type: ignore[no-untyped-def]
    bench = _bench()
    onto = bench._load_onto()
    from loaders.mapping.corpus import load_seed_papers

    papers = load_seed_papers(seeds_dir)
    gold = bench.load_result_annotations(bench.DEVSET / "results_dev.jsonl")
    return bench.evaluate_results(gold, papers, onto)


FLOORS = {
    "whole": (0.79, 0.78),
    "clean": (0.87, 0.85),
    "detection": (0.98, 0.97),
    "subject": (0.95, 0.93),
    "metric": (0.96, 0.91),
    "value": (0.98, 0.97),
    "unit": (0.98, 0.97),
    "kind": (0.98, 0.97),
    "direction": (0.96, 0.95),
    "qualifier": (0.99, 0.97),
    "baseline": (0.93, 0.91),
    "model": (0.84, 0.85),
    "dataset": (0.88, 0.83),
    "hardware": (0.95, 0.89),
    "conditions": (0.98, 0.93),
}


@pytest.mark.parametrize("name", sorted(FLOORS))
def test_floor(report, name: str) -> None:  # type: ignore[no-untyped-def]
    score = {"whole": report.whole, "clean": report.clean, "detection": report.detection}.get(name) or report.fields[name]
    p, r = FLOORS[name]
    assert score.precision >= p and score.recall >= r, (name, score.precision, score.recall)


def test_every_annotated_sentence_was_aligned(report) -> None:  # type: ignore[no-untyped-def]
    assert report.sentences >= 260 and report.gold_results >= 250


@pytest.fixture(scope="module")
def report_dev2(seeds_dir: Path):  # type: ignore[no-untyped-def]
    bench = _bench()
    from loaders.mapping.corpus import load_seed_papers

    gold = bench.load_result_annotations(bench.DEVSET / "results_dev2.jsonl")
    return bench.evaluate_results(gold, load_seed_papers(seeds_dir), bench._load_onto())


def test_dev2_shares_no_paper_with_the_other_sets() -> None:
    bench = _bench()
    from kg.ids import normalise_title

    dev2 = {normalise_title(g.title) for g in bench.load_result_annotations(bench.DEVSET / "results_dev2.jsonl")}
    for name in ("results_dev", "results_heldout", "mapping_dev", "mapping_heldout"):
        others = {normalise_title(r["title"]) for r in bench._read_jsonl(bench.DEVSET / f"{name}.jsonl")}
        assert not dev2 & others, (name, sorted(dev2 & others)[:3])


def test_dev2_is_aligned_and_above_its_floor(report_dev2) -> None:  # type: ignore[no-untyped-def]
    assert report_dev2.sentences >= 100 and report_dev2.gold_results >= 190
    assert report_dev2.detection.precision >= 0.9 and report_dev2.detection.recall >= 0.9
    assert report_dev2.whole.precision >= 0.49 and report_dev2.whole.recall >= 0.485
