"""The graph visual explorer: ``kg serve`` opens it over either store.

:func:`create_app` builds the FastAPI app (page + JSON API) from a store; the views themselves
are :class:`kg.web.explorer.Explorer` methods, usable without HTTP.

>>> import tempfile
>>> from kg.store import open_store
>>> app = create_app(open_store(tempfile.mkdtemp()))
>>> app.openapi()["info"]["title"]
'effkg explorer'
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Sequence

    from fastapi import FastAPI

    from kg.store.base import GraphStore


def create_app(
    store: GraphStore, *, title: str = "effkg explorer", allowed_hosts: Sequence[str] | None = None
) -> FastAPI:
    """The explorer app over ``store`` (see :func:`kg.web.app.create_app`)."""
    from kg.web.app import create_app as _create

    return _create(store, title=title, allowed_hosts=allowed_hosts)


__all__ = ["create_app"]
