"""Reading the annotated sets in ``tests/devset`` (shared by the tests of the blind mapping sets).

>>> sorted(RECORD_KEYS)[:3]
['components', 'datasets', 'file']
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from kg.ids import normalise_title

DEVSET = Path(__file__).resolve().parent / "devset"

MAPPING_SETS = ("mapping_dev", "mapping_dev2", "mapping_dev3", "mapping_dev4", "mapping_dev5", "mapping_heldout")
"""The sets that annotate the mapping fields (every seed paper is in exactly one of them)."""

ANNOTATED_SETS = ("mapping_dev", "mapping_dev2", "mapping_dev3", "mapping_dev4", "mapping_dev5", "mapping_heldout", "results_dev",
                  "results_dev2", "results_heldout", "relations_dev", "relations_heldout", "curated_lists")
"""Every annotated set in ``tests/devset`` that names seed papers by title."""

RECORD_KEYS = ["title", "file", "line", "in_scope", "topic", "techniques", "methods", "components", "models",
               "hardware", "hardware_classes", "datasets", "memory_components", "notes"]
"""The keys of a mapping annotation, in their order (tests/devset/README.md, "Record format")."""


def records(name: str) -> list[dict[str, Any]]:
    """The records of ``tests/devset/<name>.jsonl``."""
    lines = (DEVSET / f"{name}.jsonl").read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines if line.strip()]


def titles(name: str) -> set[str]:
    """The normalised titles of a set: one paper, one title, whatever its case or punctuation."""
    return {normalise_title(r["title"]) for r in records(name)}


def shared_papers(name: str, among: tuple[str, ...] = ANNOTATED_SETS) -> dict[str, list[str]]:
    """The normalised titles set ``name`` shares with each other set of ``among`` (empty when none does)."""
    mine = titles(name)
    shared = {other: sorted(mine & titles(other))[:3] for other in among if other != name}
    return {other: ts for other, ts in shared.items() if ts}


def seed_report(name: str, seeds_dir: Path) -> Any:
    """The mapper scored on ``tests/devset/<name>.jsonl`` over the seed papers (an ``EvalReport``)."""
    import ontology
    from loaders import load_paths
    from loaders.mapping.evaluation import evaluate, load_annotations

    papers = list(load_paths([seeds_dir]).papers)
    return evaluate(load_annotations(DEVSET / f"{name}.jsonl"), papers, ontology.load())
