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
