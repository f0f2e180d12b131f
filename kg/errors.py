"""The one exception hierarchy of effkg.

Every error a user can cause (bad input, unknown names, an unreachable store) is a
:class:`KGError`. The CLI and the web layer catch only these and turn them into a clear
one-line message; anything else is a bug and keeps its traceback.

>>> try:
...     raise UnknownNameError("llama-7", kind="model", candidates=("llama-2-7b",))
... except KGError as e:
...     print(e)
unknown model 'llama-7' (did you mean: llama-2-7b?)
"""

from __future__ import annotations

from collections.abc import Sequence


class KGError(Exception):
    """Base class of every error a user can act on; ``str(e)`` is a one-line message."""

    exit_code: int = 1


class InputError(KGError):
    """An input file cannot be read or parsed at all."""

    def __init__(self, message: str, *, path: str | None = None, line: int | None = None) -> None:
        self.path = path
        self.line = line
        where = path if line is None else f"{path}:{line}"
        super().__init__(f"{where}: {message}" if path else message)


class StoreError(KGError):
    """A graph store could not be opened, read or written."""

    def __init__(self, message: str, *, uri: str | None = None) -> None:
        self.uri = uri
        super().__init__(message)


class StoreUnavailable(StoreError):
    """The store cannot be reached (server down, wrong credentials, missing directory)."""


class CorruptStore(StoreError):
    """The stored graph exists but cannot be decoded; nothing is silently replaced."""


class ReadOnlyError(StoreError):
    """A write was attempted through a read-only path."""


class UnsupportedOperation(KGError):
    """The operation does not exist for this store (for example Cypher on the embedded store)."""


class OntologyError(KGError):
    """The ontology files are inconsistent or a term is unknown."""


class UnknownNameError(KGError):
    """A name (entity, query, parameter, term) is not known; carries close matches."""

    def __init__(self, name: str, *, kind: str = "name", candidates: Sequence[str] = ()) -> None:
        self.name = name
        self.kind = kind
        self.candidates = tuple(candidates)
        hint = f" (did you mean: {', '.join(self.candidates)}?)" if self.candidates else ""
        super().__init__(f"unknown {kind} {name!r}{hint}")


class ParameterError(KGError):
    """A query or command parameter is missing or has the wrong type."""

    exit_code = 2


class QueryError(KGError):
    """A query (named or Cypher) was rejected by the store: syntax, types, access mode."""
