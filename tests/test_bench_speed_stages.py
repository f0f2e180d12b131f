"""``bench/eval_mapping.py --speed`` says where the mapping time goes, stage by stage (issue 4, stop 18)."""

from __future__ import annotations

import importlib.util
import re
import sys
from pathlib import Path
from types import ModuleType

import pytest

import ontology
from loaders.mapping.corpus import load_seed_papers

BENCH = Path(__file__).resolve().parents[1] / "bench" / "eval_mapping.py"


def _bench() -> ModuleType:
    spec = importlib.util.spec_from_file_location("eval_mapping_bench", BENCH)
    assert spec is not None and spec.loader is not None
    mod = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = mod
    spec.loader.exec_module(mod)
    return mod


def test_stages_are_measured_and_add_up(capsys: pytest.CaptureFixture[str]) -> None:
    papers = load_seed_papers()[:40]
    # a whole-run time far above the stages' own: the remainder line takes the difference
    _bench()._print_stages(papers, ontology.load(), 10.0)
    out = capsys.readouterr().out
    ms = {m.group(1).strip(): float(m.group(2)) for m in re.finditer(r"^  (\w[\w ]*?)\s+([\d.]+) ms/paper", out, re.M)}
    assert set(ms) == {"linking", "relations", "results", "records and the rest"}
    assert all(v > 0 for v in ms.values()), ms
    # the four stages account for the whole run's time per paper
    assert sum(ms.values()) == pytest.approx(10.0 / len(papers) * 1000, abs=0.05)
    assert re.search(r"without the results stage: \d+ papers/s", out)


def test_repeated_passes_each_time_a_cold_process() -> None:
    bench = _bench()
    # one more pass in a new interpreter: a CPU time, not the caches of this test process
    (seconds,) = bench._time_in_fresh_processes(1, [])
    assert 0.05 < seconds < 120
