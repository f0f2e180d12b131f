"""Read the seed listings into papers for evaluation, benchmarks and tests.

>>> seeds_dir().name
'seeds'
"""

from __future__ import annotations

import os
from pathlib import Path

from kg.records import Paper


def seeds_dir() -> Path:
    """The seed folder: ``$EFFKG_SEEDS`` or ``../shared/seeds`` beside the repository."""
    env = os.environ.get("EFFKG_SEEDS")
    if env:
        return Path(env)
    return Path(__file__).resolve().parents[2] / ".." / "shared" / "seeds"


def load_seed_papers(folder: Path | None = None) -> list[Paper]:
    """All distinct papers of the seed folder, in id order."""
    from loaders import load_paths

    return sorted(load_paths([folder or seeds_dir()]).papers, key=lambda p: p.id)
