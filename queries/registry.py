"""The registry of named queries and the one function that runs them on any store.

A named query is a :class:`~queries.model.QuerySpec` (name, typed parameters, columns) plus three
functions: ``graph`` (raw rows from the in-memory graph), the Cypher file (the same raw rows from
Neo4j) and ``finish`` (raw rows -> canonical rows, shared by both stores).

>>> [q.name for q in list_queries()][:3]
['best-results', 'entity', 'gaps']
>>> get("taxonomie")
Traceback (most recent call last):
...
kg.errors.UnknownNameError: unknown query 'taxonomie' (did you mean: taxonomy?)
"""

from __future__ import annotations

import difflib
import functools
import logging
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from kg.errors import ParameterError, StoreError, UnknownNameError
from queries.model import ParamSpec, QueryResult, QuerySpec

if TYPE_CHECKING:
    import networkx as nx

    from kg.store.base import GraphStore

log = logging.getLogger(__name__)

Params = dict[str, Any]
Row = dict[str, Any]
GraphFn = Callable[["nx.MultiDiGraph", Params], list[Row]]
FinishFn = Callable[[list[Row], "Context"], list[Row]]


@dataclass
class Context:
    """What ``finish`` knows: the bound parameters, the names of resolved entities, and notes."""

    params: Params
    names: dict[str, str] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)

    def name(self, node_id: str | None) -> str:
        if node_id is None:
            return ""
        return self.names.get(node_id, node_id)


@dataclass(frozen=True)
class NamedQuery:
    """A query's spec and implementation (not a pydantic record: it holds functions)."""

    spec: QuerySpec
    graph: GraphFn
    finish: FinishFn
    empty: str = "no results"
    """Message for an empty answer; ``{param}`` is replaced by the resolved entity's name."""
    check: Callable[[Params], None] | None = None
    """Cross-parameter validation, raising :class:`ParameterError`."""
    fetch: Callable[[GraphStore, Params], list[Row]] | None = None
    """A fetch of its own (for a query that reads in stages); it runs the Cypher file on Neo4j and
    ``graph`` on the embedded store itself."""


_REGISTRY: dict[str, NamedQuery] = {}
_MODULES = ("queries.lookups", "queries.structure", "queries.walk", "queries.papers", "queries.finder")


def define(
    spec: QuerySpec,
    *,
    graph: GraphFn,
    finish: FinishFn,
    empty: str = "no results",
    check: Callable[[Params], None] | None = None,
    fetch: Callable[[GraphStore, Params], list[Row]] | None = None,
) -> NamedQuery:
    """Register a named query; its Cypher file must exist beside this module."""
    if spec.name in _REGISTRY:
        raise ValueError(f"query {spec.name!r} is defined twice")
    q = NamedQuery(spec=spec, graph=graph, finish=finish, empty=empty, check=check, fetch=fetch)
    _REGISTRY[spec.name] = q
    return q


@functools.cache
def _load() -> dict[str, NamedQuery]:
    import importlib

    for mod in _MODULES:
        importlib.import_module(mod)
    return dict(sorted(_REGISTRY.items()))


def list_queries() -> list[QuerySpec]:
    """Every named query's spec, sorted by name."""
    return [q.spec for q in _load().values()]


def get(name: str) -> NamedQuery:
    """The named query, or :class:`UnknownNameError` with close names."""
    reg = _load()
    norm = name.strip().lower().replace("_", "-").replace(" ", "-")
    if norm in reg:
        return reg[norm]
    close = difflib.get_close_matches(norm, list(reg), n=3, cutoff=0.5)
    raise UnknownNameError(name, kind="query", candidates=close)


# -- parameters --------------------------------------------------------------------------------

_TRUE = {"true", "yes", "y", "1", "on"}
_FALSE = {"false", "no", "n", "0", "off"}


def _convert(q: QuerySpec, p: ParamSpec, value: Any) -> Any:
    def bad() -> ParameterError:
        return ParameterError(f"query {q.name}: parameter {p.name} expects {p.expects()}, got {value!r}")

    if p.type == "bool":
        if isinstance(value, bool):
            return value
        if isinstance(value, str) and value.strip().lower() in _TRUE | _FALSE:
            return value.strip().lower() in _TRUE
        raise bad()
    if p.type in ("int", "float"):
        if isinstance(value, bool):
            raise bad()
        try:
            num: int | float
            if p.type == "int":
                if isinstance(value, float) and not value.is_integer():
                    raise ValueError
                num = int(value.strip()) if isinstance(value, str) else int(value)
            else:
                num = float(value)
        except (TypeError, ValueError):
            raise bad() from None
        if (p.minimum is not None and num < p.minimum) or (p.maximum is not None and num > p.maximum):
            raise bad()
        return num
    if not isinstance(value, str):
        raise bad()
    if p.type == "choice":
        v = value.strip().lower()
        if v not in p.choices:
            close = difflib.get_close_matches(v, list(p.choices), n=3, cutoff=0.4)
            raise UnknownNameError(value, kind=f"value for {p.name} of query {q.name}", candidates=close or p.choices)
        return v
    if not value.strip():
        raise bad()
    return value.strip() if p.type == "entity" else value


def bind(spec: QuerySpec, params: Mapping[str, Any] | None) -> Params:
    """Check and convert parameters (strings from the command line, or typed values) against a spec."""
    given: dict[str, Any] = {}
    names = [p.name for p in spec.params]
    for k, v in (params or {}).items():
        norm = k.strip().replace("-", "_").lower()
        if norm not in names:
            close = difflib.get_close_matches(norm, names, n=3, cutoff=0.5)
            if not names:
                raise ParameterError(f"query {spec.name} takes no parameters")
            raise UnknownNameError(
                k, kind=f"parameter of query {spec.name} (it takes {', '.join(names)})", candidates=close
            )
        given[norm] = v
    out: Params = {}
    for p in spec.params:
        v = given.get(p.name)
        if v is None or (isinstance(v, str) and not v.strip() and p.type != "str"):
            if p.required:
                raise ParameterError(
                    f"query {spec.name} needs {p.name}: {p.expects()} ({p.help}); e.g. {spec.usage()}"
                )
            out[p.name] = p.default
        else:
            out[p.name] = _convert(spec, p, v)
    return out


# -- running -----------------------------------------------------------------------------------


@functools.cache
def _cypher_text(name: str) -> str:
    return get(name).spec.cypher()


def _fill(template: str, ctx: Context) -> str:
    values = {k: (ctx.name(v) if isinstance(v, str) else v) for k, v in ctx.params.items()}
    try:
        return template.format(**values)
    except (KeyError, IndexError, ValueError):
        return template


def prepare(store: GraphStore, name: str, params: Mapping[str, Any] | None = None) -> tuple[NamedQuery, Context]:
    """Bind and resolve a query's parameters against a store (entity names -> ids)."""
    from queries.resolution import raise_unresolved, resolve

    q = get(name)
    bound = bind(q.spec, params)
    ctx = Context(params=bound)
    for p in q.spec.params:
        value = bound.get(p.name)
        if p.type != "entity" or value is None:
            continue
        res = resolve(store, value, p.labels or None)
        if res.entity is None:
            if not res.candidates and store.stats().total_nodes == 0:
                raise StoreError(f"the store {store.uri} is empty: run `kg build SOURCES` first", uri=store.uri)
            raise_unresolved(res, param=p.name)
            raise AssertionError("unreachable")  # raise_unresolved always raises
        bound[p.name] = res.entity.id
        ctx.names[res.entity.id] = res.entity.name
        if res.note:
            ctx.notes.append(res.note)
    if q.check:
        q.check(bound)
    return q, ctx


def fetch_raw(store: GraphStore, q: NamedQuery, params: Params) -> list[Row]:
    """The raw rows of a query: Cypher on Neo4j, networkx on the embedded store."""
    if q.fetch is not None:
        return q.fetch(store, params)
    if store.kind == "neo4j":
        return unpack(store.cypher(_cypher_text(q.spec.name), dict(params), plain=True))
    return q.graph(store.read(), params)


def unpack(records: list[Row]) -> list[Row]:
    """The raw rows of a named query's Cypher result.

    Every named query returns its rows collected into one list per ``RETURN`` (``collect({...}) AS
    rows``): the driver's cost is per record, so one record holding a list of maps arrives several
    times faster than as many records as rows. A ``UNION ALL`` gives one record per part.
    """
    return [row for rec in records for row in rec["rows"]]


def run(store: GraphStore, name: str, params: Mapping[str, Any] | None = None) -> QueryResult:
    """Run the named query ``name`` with ``params`` on ``store``.

    Entity parameters accept names, aliases, acronyms or ids; the rows are the same from both stores.

    >>> import tempfile
    >>> from kg.store import open_store
    >>> from kg.graph import new_graph, add_node
    >>> st = open_store(tempfile.mkdtemp())
    >>> g = new_graph(); add_node(g, "technique/pruning", "Technique", {"name": "Pruning"}); _ = st.write(g)
    >>> r = run(st, "taxonomy", {"concept": "pruning"})
    >>> [(row["id"], row["papers"]) for row in r.rows]
    [('technique/pruning', 0)]
    """
    started = time.perf_counter()
    q, ctx = prepare(store, name, params)
    raw = fetch_raw(store, q, ctx.params)
    rows = q.finish(raw, ctx)
    if not rows:
        ctx.notes.append(_fill(q.empty, ctx))
    log.debug("query %s on %s: %d rows in %.1f ms", name, store.kind, len(rows), 1e3 * (time.perf_counter() - started))
    return QueryResult(
        query=q.spec.name,
        params=ctx.params,
        columns=q.spec.columns,
        rows=tuple(rows),
        notes=tuple(ctx.notes),
        store=store.kind,
    )
