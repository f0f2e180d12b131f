"""The loader registry: format name -> loader class, through the ``effkg.loaders`` entry points.

Built-in loaders are declared exactly like third-party ones, as entry points
(``name = "module:Class"``) in ``[project.entry-points."effkg.loaders"]`` of pyproject.toml. The
same table is also kept here so that a source checkout that was not re-installed still finds
them; an installed entry point of the same name wins. Nothing is imported until a loader is
asked for.

A third-party package adds a format with, in its own pyproject.toml::

    [project.entry-points."effkg.loaders"]
    my-format = "my_package.loader:MyFormatLoader"   # a loaders.base.BaseLoader subclass

>>> "hf-daily" in available()
True
>>> type(get_loader("bibtex")).__name__
'BibtexLoader'
"""

from __future__ import annotations

import difflib
import logging
from importlib.metadata import EntryPoint, entry_points

from kg.errors import KGError, UnknownNameError
from loaders.base import BaseLoader

log = logging.getLogger(__name__)

GROUP = "effkg.loaders"

BUILTIN: dict[str, str] = {
    "hf-daily": "loaders.hf_daily:HfDailyLoader",
    "hf-api": "loaders.hf_api:HfApiLoader",
    "arxiv-atom": "loaders.arxiv_atom:ArxivAtomLoader",
    "bibtex": "loaders.bibtex:BibtexLoader",
    "jsonl": "loaders.jsonl:JsonlLoader",
}

_instances: dict[str, BaseLoader] = {}


class LoaderPluginError(KGError):
    """A registered loader cannot be imported or is not a BaseLoader."""


def _entry_points() -> dict[str, EntryPoint]:
    eps = {name: EntryPoint(name=name, value=value, group=GROUP) for name, value in BUILTIN.items()}
    for ep in entry_points(group=GROUP):
        eps[ep.name] = ep
    return eps


def available() -> list[str]:
    """Names of every registered format, sorted."""
    return sorted(_entry_points())


def get_loader(name: str) -> BaseLoader:
    """The loader registered as ``name``; :class:`UnknownNameError` with close matches otherwise."""
    if name in _instances:
        return _instances[name]
    eps = _entry_points()
    ep = eps.get(name)
    if ep is None:
        raise UnknownNameError(name, kind="input format", candidates=difflib.get_close_matches(name, sorted(eps)) or sorted(eps))
    try:
        cls = ep.load()
    except (ImportError, AttributeError) as exc:
        raise LoaderPluginError(f"input format {name!r}: cannot load {ep.value} ({exc})") from exc
    if not (isinstance(cls, type) and issubclass(cls, BaseLoader)):
        raise LoaderPluginError(f"input format {name!r}: {ep.value} is not a loaders.base.BaseLoader subclass")
    loader = cls()
    _instances[name] = loader
    return loader


def all_loaders() -> list[BaseLoader]:
    """Every registered loader, instantiated (for format detection). Broken plugins are logged
    and left out, so one bad third-party package cannot stop the built-in formats."""
    out: list[BaseLoader] = []
    for name in available():
        try:
            out.append(get_loader(name))
        except LoaderPluginError as exc:
            log.warning("%s", exc)
    return out


def clear_cache() -> None:
    """Forget instantiated loaders (after installing a plugin at run time, e.g. in tests)."""
    _instances.clear()
