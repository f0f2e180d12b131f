"""Vendor scripts of the page (Cytoscape.js), served from ``node_modules``.

They are installed from npm by ``npm ci`` (versions pinned by ``package-lock.json``) and served by
the app itself, so the page works offline. Only the files listed here are served: a request names
a key of :data:`VENDOR_FILES`, never a path.

>>> sorted(VENDOR_FILES)
['cytoscape.min.js']
>>> vendor_path("../../etc/passwd") is None
True
"""

from __future__ import annotations

import os
from pathlib import Path

VENDOR_FILES: dict[str, str] = {
    "cytoscape.min.js": "cytoscape/dist/cytoscape.min.js",
}
"""Served name -> path under ``node_modules``. The layout is the page's own (``static/layout.js``):
deterministic, and fast enough for the first frame of a few hundred nodes."""


def node_modules() -> Path:
    """Where the npm packages are: ``$EFFKG_NODE_MODULES``, else the repository's ``node_modules``."""
    env = os.environ.get("EFFKG_NODE_MODULES")
    if env:
        return Path(env)
    return Path(__file__).resolve().parents[2] / "node_modules"


def vendor_path(name: str) -> Path | None:
    """The file behind a served vendor name, or ``None`` when unknown or not installed."""
    rel = VENDOR_FILES.get(name)
    if rel is None:
        return None
    path = node_modules() / rel
    return path if path.is_file() else None


def missing() -> list[str]:
    """Vendor files that are not installed (``npm ci`` fixes it)."""
    return [name for name in VENDOR_FILES if vendor_path(name) is None]
