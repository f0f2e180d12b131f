"""Source parsers (paper listings -> :class:`kg.records.Paper`) and the mapping onto the ontology.

The loading API (imported lazily, so ``import loaders.mapping`` stays cheap):

* :func:`load_paths` — files and directories -> :class:`LoadResult` (merged papers, per-file
  reports, disagreements);
* :func:`load_file` — one file -> :class:`kg.records.LoadReport`;
* :func:`iter_file` — stream one file's records in bounded memory;
* :func:`detect_format` — the registered format of a file, from its content;
* :func:`merge_papers` — one Paper per paper from records of many files;
* :func:`available_formats` — the registered format names (``effkg.loaders`` entry points).

>>> import loaders
>>> loaders.available_formats()[:3]
['arxiv-atom', 'bibtex', 'hf-api']
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from loaders.api import LoadResult, detect_format, expand_paths, iter_file, load_file, load_paths
    from loaders.merge import merge_papers
    from loaders.registry import available as available_formats

__all__ = [
    "LoadResult",
    "available_formats",
    "detect_format",
    "expand_paths",
    "iter_file",
    "load_file",
    "load_paths",
    "merge_papers",
]

_LAZY = {
    "LoadResult": ("loaders.api", "LoadResult"),
    "detect_format": ("loaders.api", "detect_format"),
    "expand_paths": ("loaders.api", "expand_paths"),
    "iter_file": ("loaders.api", "iter_file"),
    "load_file": ("loaders.api", "load_file"),
    "load_paths": ("loaders.api", "load_paths"),
    "merge_papers": ("loaders.merge", "merge_papers"),
    "available_formats": ("loaders.registry", "available"),
}


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        import importlib

        module, attr = _LAZY[name]
        value = getattr(importlib.import_module(module), attr)
        globals()[name] = value
        return value
    raise AttributeError(f"module 'loaders' has no attribute {name!r}")
