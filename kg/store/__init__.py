"""Graph stores: the embedded default and Neo4j, behind one interface.

>>> parse_store_uri("bolt://localhost:7687")
('neo4j', 'bolt://localhost:7687')
>>> parse_store_uri("./data/kg")
('embedded', './data/kg')
"""

from __future__ import annotations

import os

from kg.store.base import GraphStore, WriteSummary

DEFAULT_DIR = ".kg"
NEO4J_SCHEMES = ("bolt://", "bolt+s://", "bolt+ssc://", "neo4j://", "neo4j+s://", "neo4j+ssc://")


def parse_store_uri(uri: str | None) -> tuple[str, str]:
    """``(kind, location)`` for a ``--store`` value; ``None`` falls back to ``$KG_STORE`` then ``.kg``."""
    value = uri or os.environ.get("KG_STORE") or DEFAULT_DIR
    if value.startswith(NEO4J_SCHEMES):
        return "neo4j", value
    if value.startswith("file://"):
        return "embedded", value[len("file://") :]
    return "embedded", value


def open_store(
    uri: str | None = None,
    *,
    user: str | None = None,
    password: str | None = None,
    database: str | None = None,
) -> GraphStore:
    """Open the store named by ``uri`` (see :func:`parse_store_uri`).

    Neo4j credentials default to ``$NEO4J_USER`` (``neo4j``), ``$NEO4J_PASSWORD`` and
    ``$NEO4J_DATABASE`` (the server's default database).
    """
    kind, location = parse_store_uri(uri)
    if kind == "neo4j":
        from kg.store.neo4j import Neo4jStore

        return Neo4jStore(
            location,
            user=user or os.environ.get("NEO4J_USER", "neo4j"),
            password=password if password is not None else os.environ.get("NEO4J_PASSWORD", ""),
            database=database or os.environ.get("NEO4J_DATABASE") or None,
        )
    from kg.store.embedded import EmbeddedStore

    return EmbeddedStore(location)


__all__ = ["GraphStore", "WriteSummary", "open_store", "parse_store_uri"]
