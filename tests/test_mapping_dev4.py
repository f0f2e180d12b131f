"""The mapper on the fourth, blind set (tests/devset/mapping_dev4.jsonl), kept for measurement only.

dev4 holds every seed paper that was in no other annotated set, annotated from titles and abstracts
alone before the mapper was run on them. Unlike dev, dev2 and dev3 it is not in the tuning pool
(``bench/eval_mapping.py --set pool``): no rules are made from it, so it keeps measuring how the rules
carry over to papers nobody tuned on. Its papers are in no other set; the held-out set is never read.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from kg.ids import normalise_title
from loaders.mapping.evaluation import EvalReport
from tests.devsets import DEVSET, RECORD_KEYS, records, seed_report, shared_papers

DEV4 = DEVSET / "mapping_dev4.jsonl"

# the first, blind F1 (README) minus a margin: dev4 is small, one paper moves a field by several points.
# No floor for components (blind F1 0.0, a floor would guard nothing), hardware (no named device in any
# record, so F1 is 1.0 by definition) or memory components (two annotated items in the whole set).
FLOORS = {
    "techniques": 0.20,
    "methods": 0.70,
    "models": 0.48,
    "hardware_classes": 0.55,
    "datasets": 0.55,
}
SCOPE_FLOOR = 0.82


def test_dev4_shares_no_paper_with_the_other_sets() -> None:
    assert shared_papers("mapping_dev4") == {}


def test_dev4_has_its_documented_shape() -> None:
    recs = records("mapping_dev4")
    assert 40 <= len(recs) <= 50 and all(list(r) == RECORD_KEYS for r in recs)
    assert len({normalise_title(r["title"]) for r in recs}) == len(recs)
    assert {r["file"][:3] for r in recs} == {"000", "001", "002", "003", "004"}
    # the papers left after the other sets are mostly out of scope (README)
    out = sum(not r["in_scope"] for r in recs)
    assert 0.6 <= out / len(recs) <= 0.85
    assert all(r["techniques"] == [] and r["memory_components"] == [] and r["topic"] for r in recs if not r["in_scope"])
    assert all(r["topic"] is None and r["techniques"] for r in recs if r["in_scope"])


@pytest.fixture(scope="module")
def report(seeds_dir: Path) -> EvalReport:
    return seed_report("mapping_dev4", seeds_dir)


def test_every_dev4_paper_is_found_in_the_seeds(report: EvalReport) -> None:
    assert report.papers == len(DEV4.read_text(encoding="utf-8").splitlines())


@pytest.mark.parametrize("field", sorted(FLOORS))
def test_dev4_field_f1_stays_above_its_floor(report: EvalReport, field: str) -> None:
    assert report.fields[field].f1 >= FLOORS[field], report.rows()


def test_dev4_out_of_scope_recognition_stays_above_its_floor(report: EvalReport) -> None:
    assert report.scope.f1 >= SCOPE_FLOOR
