"""``kg query`` and the short forms of the common lookups: ``techniques``, ``path``, ``show``,
``search``, ``gaps``; and ``kg cypher`` for Cypher on a Neo4j store.

Commands only parse options, call the :mod:`queries` API and print. The ``queries`` package (and
so pydantic and networkx) is imported inside the command functions, which keeps ``kg --help`` fast.
"""

from __future__ import annotations

import json
import sys
from typing import TYPE_CHECKING, Annotated, Any

import typer

from kg.cli.common import (
    DatabaseOpt,
    FormatOpt,
    OutputFormat,
    PasswordOpt,
    StoreOpt,
    UserOpt,
    emit,
    emit_json,
    info,
)

if TYPE_CHECKING:
    from queries import QueryResult

ParamOpt = Annotated[
    list[str] | None,
    typer.Option("--param", "-p", help="A query parameter as NAME=VALUE (repeatable).", show_default=False),
]

SENTENCE_WIDTH = 160
LIST_ITEMS = 6


def register(app: typer.Typer) -> None:
    app.command("query")(query_cmd)
    app.command("techniques")(techniques_cmd)
    app.command("path")(path_cmd)
    app.command("show")(show_cmd)
    app.command("search")(search_cmd)
    app.command("gaps")(gaps_cmd)
    app.command("cypher")(cypher_cmd)


# -- helpers --------------------------------------------------------------------------------------


def _quiet_driver() -> None:
    # The Neo4j driver logs server notifications (e.g. "property key does not exist" for a key no node
    # has yet) as warnings; on the command line they would read like errors.
    import logging

    logging.getLogger("neo4j.notifications").setLevel(logging.ERROR)


def parse_params(items: list[str] | None) -> dict[str, str]:
    """``["a=1", "b=x y"]`` -> ``{"a": "1", "b": "x y"}``; a malformed item is a ParameterError.

    >>> parse_params(["model=llama-2-7b", "kind = hardware"])
    {'model': 'llama-2-7b', 'kind': 'hardware'}
    """
    from kg.errors import ParameterError

    out: dict[str, str] = {}
    for item in items or []:
        name, sep, value = item.partition("=")
        if not sep or not name.strip():
            raise ParameterError(f"--param expects NAME=VALUE, got {item!r}")
        out[name.strip()] = value.strip()
    return out


def _clip(text: str, width: int = SENTENCE_WIDTH) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"


def _evidence_cell(items: list[dict[str, Any]], fmt: OutputFormat) -> str:
    if fmt is OutputFormat.csv:
        return " | ".join(f"{e['paper']} [{e['relation']}]: {e['sentence']}" for e in items)
    if not items:
        return ""
    first = next((e for e in items if e["sentence"]), items[0])
    more = f" (+{len(items) - 1} more)" if len(items) > 1 else ""
    return f"{first['paper']}: {_clip(first['sentence'])}{more}"


def _list_cell(values: list[Any], fmt: OutputFormat) -> str:
    cells = [str(v) for v in values]
    if fmt is OutputFormat.csv or len(cells) <= LIST_ITEMS:
        return "; ".join(cells)
    return "; ".join(cells[:LIST_ITEMS]) + f"; … (+{len(cells) - LIST_ITEMS})"


def display_rows(result: QueryResult, fmt: OutputFormat) -> tuple[list[dict[str, Any]], list[str]]:
    """Rows and columns as a table or CSV shows them: evidence and lists flattened to text."""
    cols = list(result.columns)
    if fmt is OutputFormat.table:
        import queries

        cols = list(queries.get(result.query).spec.table_columns) or cols
    rows = []
    for r in result.rows:
        row: dict[str, Any] = {}
        for c in cols:
            v = r.get(c)
            if c == "evidence" and isinstance(v, list):
                v = _evidence_cell(v, fmt)
            elif isinstance(v, list):
                v = _list_cell(v, fmt)
            elif isinstance(v, dict):
                v = json.dumps(v, ensure_ascii=False, default=str)
            elif c == "sentence" and isinstance(v, str) and fmt is OutputFormat.table:
                v = _clip(v)
            elif c == "value" and isinstance(v, str) and fmt is OutputFormat.table:
                v = _clip(v, 400)
            row[c] = v
        if fmt is OutputFormat.table and "depth" in r and "name" in row:
            row["name"] = "  " * int(r["depth"]) + str(row["name"])
        rows.append(row)
    return rows, cols


def show_result(result: QueryResult, fmt: OutputFormat, *, title: str | None = None) -> None:
    """Print a query result: rows on stdout in the chosen format, notes on stderr."""
    for note in result.notes[:-1] if result.empty else result.notes:
        info(f"note: {note}")
    empty_msg = f"no results: {result.notes[-1]}" if result.empty and result.notes else "no results"
    if fmt is OutputFormat.json:
        emit_json([dict(r) for r in result.rows])
        if result.empty:
            info(empty_msg)
        return
    rows, cols = display_rows(result, fmt)
    emit(rows, fmt, columns=cols, title=title, empty=empty_msg)
    if result.empty and fmt is OutputFormat.csv:
        info(empty_msg)


def _run(
    store: str | None, user: str, password: str, database: str | None, name: str, params: dict[str, Any]
) -> QueryResult:
    import queries
    from kg.cli.common import open_store

    _quiet_driver()
    with open_store(store, user, password, database) as st:
        return queries.run(st, name, params)


def _list_queries(fmt: OutputFormat) -> None:
    import queries

    specs = queries.list_queries()
    if fmt is OutputFormat.json:
        emit_json([s.model_dump(mode="json") for s in specs])
        return
    rows = [
        {"name": s.name, "question": s.title, "parameters": "; ".join(p.describe() for p in s.params)}
        for s in specs
    ]
    emit(rows, fmt, columns=["name", "question", "parameters"], title="named queries (kg query NAME -p k=v)")


def _describe_query(spec: Any, fmt: OutputFormat) -> None:
    if fmt is OutputFormat.json:
        emit_json(spec.model_dump(mode="json"))
        return
    rows = [{"parameter": p.name, "expects": p.expects(), "default": "required" if p.required else p.default,
             "meaning": p.help} for p in spec.params]
    info(f"{spec.name}: {spec.title}\n{spec.description}")
    emit(rows, fmt, columns=["parameter", "expects", "default", "meaning"], title=spec.name, empty="no parameters")
    for ex in spec.examples:
        info("  e.g. kg query " + spec.name + "".join(f" -p {k}={v!r}" if " " in str(v) else f" -p {k}={v}"
                                                     for k, v in ex.items()))


# -- commands ---------------------------------------------------------------------------------------


def query_cmd(
    name: Annotated[str | None, typer.Argument(help="Query name (see --list).", show_default=False)] = None,
    param: ParamOpt = None,
    list_: Annotated[bool, typer.Option("--list", "-l", help="List the named queries and their parameters.")] = False,
    store: StoreOpt = None,
    fmt: FormatOpt = OutputFormat.table,
    user: UserOpt = "neo4j",
    password: PasswordOpt = "",
    database: DatabaseOpt = None,
) -> None:
    """Run a named relationship query; the same rows from the embedded store and from Neo4j.

    Examples:

      kg query --list

      kg query path --list   (one query's parameters and examples)

      kg query techniques-for-model -p model=llama-2-7b

      kg query best-results -p metric=accuracy -p on=mmlu --format json
    """
    import queries

    if name is not None and list_:
        _describe_query(queries.get(name).spec, fmt)
        return
    if list_ or name is None:
        _list_queries(fmt)
        return

    spec = queries.get(name).spec  # unknown names fail here, with suggestions, before the store opens
    result = _run(store, user, password, database, spec.name, parse_params(param))
    show_result(result, fmt, title=spec.title)


def techniques_cmd(
    model: Annotated[
        str | None, typer.Option("--model", "-m", help="A model or model family (llama-2-7b, llama, mixtral).")
    ] = None,
    target: Annotated[
        str | None,
        typer.Option("--target", "-t", help="A hardware class, device, memory component or bottleneck (mcu, fpga, kv-cache)."),
    ] = None,
    measured: Annotated[
        bool, typer.Option("--measured/--targeted-only", help="With --target: also count papers that only ran on it.")
    ] = True,
    store: StoreOpt = None,
    fmt: FormatOpt = OutputFormat.table,
    user: UserOpt = "neo4j",
    password: PasswordOpt = "",
    database: DatabaseOpt = None,
) -> None:
    """Techniques applied to a model or family, or aimed at hardware or a memory component.

    Examples:

      kg techniques --model llama-2-7b

      kg techniques --target microcontroller

      kg techniques --target kv-cache --format json
    """
    from kg.errors import ParameterError

    if (model is None) == (target is None):
        raise ParameterError("say either --model NAME or --target NAME")
    if model is not None:
        result = _run(store, user, password, database, "techniques-for-model", {"model": model})
    else:
        result = _run(store, user, password, database, "techniques-for-target", {"target": target, "measured": measured})
    show_result(result, fmt)


def path_cmd(
    a: Annotated[str, typer.Argument(help="Where the path starts (any entity name or id).", show_default=False)],
    b: Annotated[str, typer.Argument(help="Where it ends.", show_default=False)],
    max_hops: Annotated[int, typer.Option("--max-hops", help="Longest path searched (1-6).")] = 4,
    limit: Annotated[int, typer.Option("--limit", "-n", help="Paths shown.")] = 5,
    store: StoreOpt = None,
    fmt: FormatOpt = OutputFormat.table,
    user: UserOpt = "neo4j",
    password: PasswordOpt = "",
    database: DatabaseOpt = None,
) -> None:
    """How entity A relates to entity B: shortest typed paths, each hop with its sentence and paper.

    Examples:

      kg path GaLore A100

      kg path flashattention h100 --max-hops 3 --format json
    """
    result = _run(store, user, password, database, "path", {"a": a, "b": b, "max_hops": max_hops, "limit": limit})
    show_result(result, fmt)


def show_cmd(
    entity: Annotated[str, typer.Argument(help="Any entity name, alias, acronym or id.", show_default=False)],
    limit: Annotated[int, typer.Option("--limit", "-n", help="Neighbours shown per relation (0 = all).")] = 10,
    store: StoreOpt = None,
    fmt: FormatOpt = OutputFormat.table,
    user: UserOpt = "neo4j",
    password: PasswordOpt = "",
    database: DatabaseOpt = None,
) -> None:
    """One entity: its properties, then what it is connected to, with evidence.

    Examples:

      kg show galore

      kg show llama-2-7b --limit 0 --format json
    """
    import queries
    from kg.cli.common import open_store

    _quiet_driver()
    with open_store(store, user, password, database) as st:
        res = queries.resolve(st, entity)
        if res.entity is None:
            from queries.resolution import raise_unresolved

            raise_unresolved(res)
        assert res.entity is not None
        node_id = res.entity.id
        props = queries.run(st, "entity", {"entity": node_id})
        nb = queries.run(st, "neighbourhood", {"entity": node_id, "limit": limit})
    if res.note:
        info(f"note: {res.note}")
    if fmt is OutputFormat.json:
        emit_json({"entity": {r["property"]: r["value"] for r in props.rows}, "neighbourhood": [dict(r) for r in nb.rows],
                   "notes": list(nb.notes)})
        return
    if fmt is OutputFormat.table:
        show_result(props, fmt, title=f"{res.entity.name} ({node_id})")
        sys.stdout.flush()
    show_result(nb, fmt, title="neighbourhood" if fmt is OutputFormat.table else None)


def search_cmd(
    text: Annotated[str, typer.Argument(help="Name, alias, acronym or id to look for.", show_default=False)],
    label: Annotated[
        str | None, typer.Option("--label", "-L", help="Only this kind: technique, method, model, model-family, hardware, ...")
    ] = None,
    limit: Annotated[int, typer.Option("--limit", "-n", help="Matches shown (0 = all).")] = 10,
    store: StoreOpt = None,
    fmt: FormatOpt = OutputFormat.table,
    user: UserOpt = "neo4j",
    password: PasswordOpt = "",
    database: DatabaseOpt = None,
) -> None:
    """Find entities by name, alias, acronym or id (case, spaces and hyphens do not matter).

    Examples:

      kg search "llama 2"

      kg search gqa --label technique
    """
    params: dict[str, Any] = {"text": text, "limit": limit}
    if label:
        params["label"] = label
    show_result(_run(store, user, password, database, "search", params), fmt)


def gaps_cmd(
    axis: Annotated[
        str, typer.Option("--axis", "-a", help="Cross techniques with: family, hardware-class or architecture.")
    ] = "family",
    technique: Annotated[
        str | None, typer.Option("--technique", "-t", help="Technique concept whose classes are crossed (default: all).")
    ] = None,
    against: Annotated[
        str | None, typer.Option("--against", help="One family, hardware class or architecture (sets the axis).")
    ] = None,
    depth: Annotated[int, typer.Option("--depth", "-d", help="Level of the technique classes.")] = 1,
    min_papers: Annotated[int, typer.Option("--min-papers", help="Ignore classes / values with fewer papers.")] = 2,
    all_: Annotated[bool, typer.Option("--all", help="Also show covered combinations, with counts.")] = False,
    store: StoreOpt = None,
    fmt: FormatOpt = OutputFormat.table,
    user: UserOpt = "neo4j",
    password: PasswordOpt = "",
    database: DatabaseOpt = None,
) -> None:
    """Technique classes never tried on a model family, hardware class or architecture.

    Examples:

      kg gaps

      kg gaps --against ssm

      kg gaps --axis hardware-class --technique quantization
    """
    params: dict[str, Any] = {"axis": axis, "depth": depth, "min_papers": min_papers, "include_covered": all_}
    if technique:
        params["technique"] = technique
    if against:
        params["against"] = against
    show_result(_run(store, user, password, database, "gaps", params), fmt)


def cypher_cmd(
    query: Annotated[str, typer.Argument(help="Cypher text ('-' reads it from stdin).", show_default=False)],
    param: ParamOpt = None,
    write: Annotated[bool, typer.Option("--write", help="Allow the query to change the graph.")] = False,
    store: StoreOpt = None,
    fmt: FormatOpt = OutputFormat.table,
    user: UserOpt = "neo4j",
    password: PasswordOpt = "",
    database: DatabaseOpt = None,
) -> None:
    """Run Cypher on a Neo4j store (read-only unless --write). Parameters are JSON values or text.

    Examples:

      kg cypher "MATCH (m:Method)-[:EXTENDS]->(t) RETURN m.name, t.name LIMIT 5" --store bolt://localhost:7687

      kg cypher "MATCH (n {id: \\$id}) RETURN n.name" -p id=method/galore
    """
    from kg.cli.common import open_store

    text = sys.stdin.read() if query == "-" else query
    params: dict[str, Any] = {}
    for k, v in parse_params(param).items():
        try:
            params[k] = json.loads(v)
        except json.JSONDecodeError:
            params[k] = v
    _quiet_driver()
    with open_store(store, user, password, database) as st:
        rows = st.cypher(text, params, write=write)
    emit(rows, fmt, empty="no rows")
