"""The Neo4j store: the same graph on a real Neo4j server, over Bolt, via the official driver.

Connection settings come from the URI (``bolt://``, ``bolt+s://``, ``neo4j://``, ``neo4j+s://``;
routing URIs make a cluster or Aura a configuration change) plus user, password and database.
Writes run as one managed write transaction (retried by the driver on transient errors) made of
batched ``UNWIND $rows`` statements; values always travel as parameters, and the only text
interpolated into Cypher is a label or relationship type checked against
:mod:`ontology.vocab`.
"""

from __future__ import annotations

import logging
import threading
from collections import defaultdict
from collections.abc import Iterator, Sequence
from typing import Any

import networkx as nx

from kg.errors import QueryError, StoreError, StoreUnavailable
from kg.graph import GraphDiff, GraphStats, diff, new_graph
from kg.store.base import GraphStore, Progress, WriteSummary, summarise
from ontology.vocab import NodeLabel, RelType

log = logging.getLogger(__name__)

BATCH = 1000
"""Rows per ``UNWIND`` statement: large enough to amortise round trips, small enough for memory."""

CONNECT_TIMEOUT_S = 5.0

CACHE_ENTRIES = 32
"""Results kept by :meth:`Neo4jStore.cypher_cached` (one per label set searched)."""


def _label(value: str) -> str:
    """A label safe to interpolate: it must be one of the vocabulary's labels."""
    return NodeLabel(value).value


def _rel(value: str) -> str:
    """A relationship type safe to interpolate: it must be one of the vocabulary's types."""
    return RelType(value).value


def _chunks(rows: Sequence[Any], size: int = BATCH) -> Iterator[Sequence[Any]]:
    for i in range(0, len(rows), size):
        yield rows[i : i + size]


class Neo4jStore(GraphStore):
    """A graph held by a Neo4j server (Community 5.26 and later, or Aura)."""

    kind = "neo4j"

    def __init__(
        self,
        uri: str,
        *,
        user: str = "neo4j",
        password: str = "",
        database: str | None = None,
    ) -> None:
        super().__init__(uri)
        import neo4j  # lazy: the driver is only loaded when a Neo4j store is opened
        from neo4j import exceptions as nx_exc

        self.database = database or None
        try:
            self._driver = neo4j.GraphDatabase.driver(
                uri,
                auth=(user, password),
                connection_timeout=CONNECT_TIMEOUT_S,
                connection_acquisition_timeout=2 * CONNECT_TIMEOUT_S,
                max_transaction_retry_time=15.0,
                # Server notices (e.g. "property key does not exist") are noise for people and slow the driver.
                notifications_min_severity="OFF",
            )
        except (nx_exc.ConfigurationError, ValueError) as exc:
            raise StoreUnavailable(f"invalid Neo4j URI {uri}: {exc}", uri=uri) from exc
        try:
            self._driver.verify_connectivity()
        except nx_exc.AuthError as exc:
            self._driver.close()
            raise StoreUnavailable(
                f"Neo4j at {uri} rejected the credentials for user {user!r} (check NEO4J_USER / NEO4J_PASSWORD)",
                uri=uri,
            ) from exc
        except (nx_exc.ServiceUnavailable, nx_exc.DriverError, nx_exc.Neo4jError, OSError) as exc:
            self._driver.close()
            raise StoreUnavailable(f"cannot reach Neo4j at {uri}: {_one_line(exc)}", uri=uri) from exc
        self._schema_ready = False
        self._cache: dict[tuple[str, str], tuple[str, list[dict[str, Any]]]] = {}
        self._cache_lock = threading.Lock()

    # -- plumbing ------------------------------------------------------------------------

    def _session(self, *, write: bool = False) -> Any:
        import neo4j

        mode = neo4j.WRITE_ACCESS if write else neo4j.READ_ACCESS
        return self._driver.session(database=self.database, default_access_mode=mode)

    def _run(self, fn: Any, *, write: bool = False, stamp: list[str] | None = None) -> Any:
        """Run a transaction function, turning driver failures into one-line store errors.

        With ``stamp`` (a list), the version stamp of the database after the transaction (see
        :meth:`version`) is appended to it."""
        from neo4j import exceptions as nx_exc

        try:
            with self._session(write=write) as session:
                value = (session.execute_write if write else session.execute_read)(fn)
                if stamp is not None:
                    stamp.append(",".join(sorted(session.last_bookmarks().raw_values)))
                return value
        except (nx_exc.ServiceUnavailable, nx_exc.SessionExpired, nx_exc.TransientError) as exc:
            raise StoreUnavailable(
                f"lost Neo4j at {self.uri}: {_one_line(exc)}; nothing from this operation was committed",
                uri=self.uri,
            ) from exc
        except nx_exc.AuthError as exc:
            raise StoreUnavailable(f"Neo4j at {self.uri} rejected the credentials", uri=self.uri) from exc

    def ensure_schema(self) -> None:
        """Create the id uniqueness constraint and a name index per label, once."""
        if self._schema_ready:
            return
        statements = []
        for label in NodeLabel:
            lbl = _label(label.value)
            statements.append(
                f"CREATE CONSTRAINT effkg_{lbl.lower()}_id IF NOT EXISTS FOR (n:`{lbl}`) REQUIRE n.id IS UNIQUE"
            )
            statements.append(f"CREATE INDEX effkg_{lbl.lower()}_name IF NOT EXISTS FOR (n:`{lbl}`) ON (n.name)")
        from neo4j import exceptions as nx_exc

        try:
            with self._session(write=True) as session:
                # Schema commands cannot share a transaction with data writes: one auto-commit each.
                for stmt in statements:
                    session.run(stmt).consume()
        except (nx_exc.ServiceUnavailable, nx_exc.SessionExpired) as exc:
            raise StoreUnavailable(f"lost Neo4j at {self.uri}: {_one_line(exc)}", uri=self.uri) from exc
        self._schema_ready = True

    # -- reading -------------------------------------------------------------------------

    @staticmethod
    def _read_tx(tx: Any) -> nx.MultiDiGraph:
        g = new_graph()
        known = {label.value for label in NodeLabel}
        for rec in tx.run("MATCH (n) WHERE n.id IS NOT NULL RETURN n.id AS id, labels(n) AS labels, properties(n) AS props"):
            labels = [lbl for lbl in rec["labels"] if lbl in known]
            if not labels:
                continue
            props = dict(rec["props"])
            props.pop("id", None)
            g.add_node(rec["id"], label=labels[0], **props)
        for rec in tx.run(
            "MATCH (a)-[r]->(b) WHERE a.id IS NOT NULL AND b.id IS NOT NULL "
            "RETURN a.id AS s, type(r) AS t, b.id AS o, properties(r) AS props"
        ):
            if rec["s"] in g and rec["o"] in g:
                g.add_edge(rec["s"], rec["o"], key=rec["t"], **dict(rec["props"]))
        return g

    def read(self) -> nx.MultiDiGraph:
        return self._run(self._read_tx)

    def stats(self) -> GraphStats:
        def work(tx: Any) -> GraphStats:
            nodes = {
                r["label"]: r["n"]
                for r in tx.run(
                    "MATCH (n) WHERE n.id IS NOT NULL UNWIND labels(n) AS label "
                    "WITH label WHERE label IN $labels RETURN label, count(*) AS n",
                    labels=[lbl.value for lbl in NodeLabel],
                )
            }
            edges = {
                r["type"]: r["n"]
                for r in tx.run(
                    "MATCH (a)-[r]->(b) WHERE a.id IS NOT NULL AND b.id IS NOT NULL "
                    "RETURN type(r) AS type, count(*) AS n"
                )
            }
            return GraphStats(nodes=dict(sorted(nodes.items())), edges=dict(sorted(edges.items())))

        return self._run(work)

    # -- writing -------------------------------------------------------------------------

    def write(self, g: nx.MultiDiGraph, *, progress: Progress | None = None) -> WriteSummary:
        self.ensure_schema()

        def work(tx: Any) -> GraphDiff:
            plan = diff(self._read_tx(tx), g)
            self._apply(tx, plan, progress)
            return plan

        with self._cache_lock:
            self._cache.clear()
        return summarise(self._run(work, write=True))

    @staticmethod
    def _apply(tx: Any, plan: GraphDiff, progress: Progress | None) -> None:
        total = len(plan.upsert_nodes) + len(plan.upsert_edges) + len(plan.delete_nodes) + len(plan.delete_edges)
        done = 0

        def step(n: int) -> None:
            nonlocal done
            done += n
            if progress:
                progress(done, total)

        edge_deletes: dict[tuple[str, str, str], list[dict[str, str]]] = defaultdict(list)
        for s, ls, t, o, lo in plan.delete_edges:
            edge_deletes[(ls, t, lo)].append({"s": s, "o": o})
        for (ls, t, lo), rows in sorted(edge_deletes.items()):
            q = (
                f"UNWIND $rows AS row MATCH (a:`{_label(ls)}` {{id: row.s}})-[r:`{_rel(t)}`]->"
                f"(b:`{_label(lo)}` {{id: row.o}}) DELETE r"
            )
            for chunk in _chunks(rows):
                tx.run(q, rows=list(chunk)).consume()
                step(len(chunk))

        node_deletes: dict[str, list[str]] = defaultdict(list)
        for node_id, label in plan.delete_nodes:
            node_deletes[label].append(node_id)
        for label, ids in sorted(node_deletes.items()):
            q = f"UNWIND $ids AS id MATCH (n:`{_label(label)}` {{id: id}}) DETACH DELETE n"
            for chunk in _chunks(ids):
                tx.run(q, ids=list(chunk)).consume()
                step(len(chunk))

        node_rows: dict[str, list[dict[str, Any]]] = defaultdict(list)
        for node_id, label, props in plan.upsert_nodes:
            node_rows[label].append({"id": node_id, "props": {**props, "id": node_id}})
        for label, rows in sorted(node_rows.items()):
            # SET n = map replaces every property, so stale ones disappear.
            q = f"UNWIND $rows AS row MERGE (n:`{_label(label)}` {{id: row.id}}) SET n = row.props"
            for chunk in _chunks(rows):
                tx.run(q, rows=list(chunk)).consume()
                step(len(chunk))

        edge_rows: dict[tuple[str, str, str], list[dict[str, Any]]] = defaultdict(list)
        for s, ls, t, o, lo, props in plan.upsert_edges:
            edge_rows[(ls, t, lo)].append({"s": s, "o": o, "props": props})
        for (ls, t, lo), rows in sorted(edge_rows.items()):
            q = (
                f"UNWIND $rows AS row MATCH (a:`{_label(ls)}` {{id: row.s}}) MATCH (b:`{_label(lo)}` {{id: row.o}}) "
                f"MERGE (a)-[r:`{_rel(t)}`]->(b) SET r = row.props"
            )
            for chunk in _chunks(rows):
                tx.run(q, rows=list(chunk)).consume()
                step(len(chunk))

    # -- Cypher for people and queries -----------------------------------------------------

    def cypher(
        self, query: str, params: dict[str, Any] | None = None, *, write: bool = False, plain: bool = False
    ) -> list[dict[str, Any]]:
        """Run Cypher in a read transaction (or a write one when ``write``); rows as dicts.

        ``plain`` is for the named queries, which return only strings, numbers, lists and maps:
        ``Record.data()`` walks every nested value to convert graph types, and on a search that
        fetches ~2,000 entries that walk cost about as much as the network and decoding together."""
        return self._cypher(query, params, write=write, plain=plain)

    def _cypher(
        self, query: str, params: dict[str, Any] | None, *, write: bool, plain: bool, stamp: list[str] | None = None
    ) -> list[dict[str, Any]]:
        from neo4j import exceptions as nx_exc

        def work(tx: Any) -> list[dict[str, Any]]:
            result = tx.run(query, params or {})
            if plain:
                keys = result.keys()
                return [dict(zip(keys, rec)) for rec in result]
            return [rec.data() for rec in result]

        try:
            return self._run(work, write=write, stamp=stamp)
        except nx_exc.ClientError as exc:
            code = exc.code or ""
            if not write and ("AccessMode" in code or "ForbiddenDueToTransactionType" in code or "write" in (exc.message or "").lower()):
                raise QueryError("this Cypher writes to the graph; pass --write to allow it") from exc
            raise QueryError(f"Neo4j rejected the query: {_one_line(exc)}") from exc
        except nx_exc.Neo4jError as exc:
            raise StoreError(f"Neo4j error at {self.uri}: {_one_line(exc)}", uri=self.uri) from exc

    def version(self) -> str:
        """An opaque stamp of the database's last committed transaction: two equal stamps mean no
        write (from any client) committed in between.

        It is the bookmark the server returns for a read transaction, which names the last
        committed transaction and does not move on reads; one round trip.
        """
        stamp: list[str] = []
        self._run(lambda tx: tx.run("RETURN 1").consume(), stamp=stamp)
        return stamp[0]

    def cypher_cached(self, query: str, params: dict[str, Any] | None = None) -> list[dict[str, Any]]:
        """:meth:`cypher` (read-only, plain values) answered from a client-side copy while the
        database is unchanged (:meth:`version`). For reads that fetch a large, rarely changing set,
        such as every entity name that search and resolution score: a hit costs one round trip
        instead of moving ~2,000 rows. The rows returned are shared: do not mutate them."""
        import json

        cache_key = (query, json.dumps(params or {}, sort_keys=True, default=str))
        before = self.version()
        with self._cache_lock:  # the web explorer serves requests from several threads
            hit = self._cache.get(cache_key)
        if hit is not None and hit[0] == before:
            return hit[1]
        after: list[str] = []
        rows = self._cypher(query, params, write=False, plain=True, stamp=after)
        # Keep the copy only when no write landed while it was read: it then belongs to ``before``.
        if before and after and after[0] == before:
            with self._cache_lock:
                if len(self._cache) >= CACHE_ENTRIES:
                    self._cache.pop(next(iter(self._cache)))
                self._cache[cache_key] = (before, rows)
        return rows

    def close(self) -> None:
        with self._cache_lock:
            self._cache.clear()
        self._driver.close()


def _one_line(exc: BaseException) -> str:
    text = getattr(exc, "message", None) or str(exc) or type(exc).__name__
    return " ".join(str(text).split())
