"""Options and output shared by every ``kg`` command: ``--store``, credentials, ``--format``.

Commands stay thin: parse options, open the store, call one library function, print. Heavy
modules (rich, the driver, networkx) are imported inside functions so ``kg --help`` is fast.
"""

from __future__ import annotations

import csv
import io
import json
import sys
from collections.abc import Iterable, Mapping, Sequence
from enum import Enum
from typing import TYPE_CHECKING, Annotated, Any

import typer

if TYPE_CHECKING:
    from kg.store.base import GraphStore


class OutputFormat(str, Enum):
    table = "table"
    json = "json"
    csv = "csv"


StoreOpt = Annotated[
    str | None,
    typer.Option(
        "--store",
        "-s",
        envvar="KG_STORE",
        help="Graph store: a directory for the embedded store (default ./.kg) or bolt://host:7687 / neo4j://host:7687.",
        show_default=False,
    ),
]
UserOpt = Annotated[str, typer.Option("--neo4j-user", envvar="NEO4J_USER", help="Neo4j user.")]
PasswordOpt = Annotated[
    str, typer.Option("--neo4j-password", envvar="NEO4J_PASSWORD", help="Neo4j password.", show_default=False)
]
DatabaseOpt = Annotated[
    str | None,
    typer.Option("--neo4j-database", envvar="NEO4J_DATABASE", help="Neo4j database (default: the server's).", show_default=False),
]
FormatOpt = Annotated[OutputFormat, typer.Option("--format", "-f", help="Output format.")]


def open_store(store: str | None, user: str = "neo4j", password: str = "", database: str | None = None) -> GraphStore:
    """Open the store named on the command line (see :func:`kg.store.open_store`)."""
    from kg.store import open_store as _open

    return _open(store, user=user, password=password, database=database)


def info(message: str) -> None:
    """A message for people: always stderr, so stdout stays machine-readable."""
    typer.echo(message, err=True)


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, (list, tuple)):
        return ", ".join(_cell(v) for v in value)
    if isinstance(value, float):
        return f"{value:g}"
    return str(value)


def emit(
    rows: Sequence[Mapping[str, Any]],
    fmt: OutputFormat,
    *,
    columns: Sequence[str] | None = None,
    title: str | None = None,
    empty: str = "no results",
    keep_whole: Sequence[str] = (),
) -> None:
    """Print rows as a rich table (stdout), JSON (a list of objects) or CSV.

    ``keep_whole``: table columns whose cells are never folded (short keys); the others share what is left
    of the terminal's width."""
    cols = list(columns or (list(rows[0].keys()) if rows else []))
    if fmt is OutputFormat.json:
        sys.stdout.write(json.dumps([dict(r) for r in rows], ensure_ascii=False, indent=2, default=str) + "\n")
        return
    if fmt is OutputFormat.csv:
        buf = io.StringIO()
        writer = csv.writer(buf, lineterminator="\n")
        writer.writerow(cols)
        for r in rows:
            writer.writerow([_cell(r.get(c)) for c in cols])
        sys.stdout.write(buf.getvalue())
        return
    if not rows:
        info(empty)
        return
    from rich.console import Console
    from rich.table import Table

    table = Table(title=title, show_lines=False, header_style="bold")
    for c in cols:
        table.add_column(c, overflow="fold", no_wrap=c in keep_whole,
                         min_width=max((len(_cell(r.get(c))) for r in rows), default=0) if c in keep_whole else None)
    for r in rows:
        table.add_row(*(_cell(r.get(c)) for c in cols))
    Console(soft_wrap=False).print(table)


def emit_json(obj: Any) -> None:
    """Print one JSON document on stdout."""
    sys.stdout.write(json.dumps(obj, ensure_ascii=False, indent=2, default=str) + "\n")


def kv_rows(mapping: Mapping[str, Any], key: str = "name", value: str = "count") -> list[dict[str, Any]]:
    return [{key: k, value: v} for k, v in mapping.items()]


def stderr_is_tty() -> bool:
    return sys.stderr.isatty()


def listing(items: Iterable[str]) -> str:
    return ", ".join(items)
