"""``kg stats`` and ``kg export``: look at what a store holds."""

from __future__ import annotations

import sys
from enum import Enum
from pathlib import Path
from typing import Annotated

import typer

from kg.cli.common import DatabaseOpt, FormatOpt, OutputFormat, PasswordOpt, StoreOpt, UserOpt, emit, emit_json


class ExportFormat(str, Enum):
    json = "json"
    jsonl = "jsonl"
    ttl = "ttl"
    nt = "nt"


class ExportWhat(str, Enum):
    graph = "graph"
    papers = "papers"


def register(app: typer.Typer) -> None:
    app.command("stats")(stats_cmd)
    app.command("export")(export_cmd)


def stats_cmd(
    store: StoreOpt = None,
    fmt: FormatOpt = OutputFormat.table,
    user: UserOpt = "neo4j",
    password: PasswordOpt = "",
    database: DatabaseOpt = None,
) -> None:
    """Count nodes per label and relationships per type (identical on both stores).

    Example: kg stats --store bolt://localhost:7687 --format json
    """
    from kg.cli.common import open_store

    with open_store(store, user, password, database) as st:
        s = st.stats()
    if fmt is OutputFormat.json:
        emit_json({"nodes": s.nodes, "edges": s.edges, "total_nodes": s.total_nodes, "total_edges": s.total_edges})
        return
    rows = [{"kind": "node", "name": k, "count": v} for k, v in s.nodes.items()]
    rows += [{"kind": "edge", "name": k, "count": v} for k, v in s.edges.items()]
    rows += [{"kind": "total", "name": "nodes", "count": s.total_nodes}, {"kind": "total", "name": "edges", "count": s.total_edges}]
    emit(rows, fmt, columns=["kind", "name", "count"], empty="the store is empty: run `kg build SOURCES` first")


def export_cmd(
    what: Annotated[ExportWhat, typer.Argument(help="graph (every node and edge) or papers (JSON Lines).")] = ExportWhat.graph,
    fmt: Annotated[
        ExportFormat | None,
        typer.Option("--format", "-f", help="graph: json (node-link), ttl or nt (RDF); papers: jsonl."),
    ] = None,
    output: Annotated[Path | None, typer.Option("--output", "-o", help="Write to a file instead of stdout.")] = None,
    store: StoreOpt = None,
    user: UserOpt = "neo4j",
    password: PasswordOpt = "",
    database: DatabaseOpt = None,
) -> None:
    """Export the whole graph (byte-identical from either store) or its papers.

    Examples:

      kg export --format json > graph.json

      kg export papers > papers.jsonl   (loads back with kg build papers.jsonl)
    """
    from kg.cli.common import open_store
    from kg.errors import ParameterError

    chosen = fmt or (ExportFormat.jsonl if what is ExportWhat.papers else ExportFormat.json)
    with open_store(store, user, password, database) as st:
        g = st.read()
    if what is ExportWhat.papers:
        if chosen is not ExportFormat.jsonl:
            raise ParameterError("papers export only as --format jsonl")
        import io

        from kg.graph import papers_in
        from loaders.jsonl import dump_papers

        buf = io.StringIO()
        dump_papers(papers_in(g), buf)
        text = buf.getvalue()
    elif chosen is ExportFormat.json:
        from kg.graph import dumps

        text = dumps(g) + "\n"
    elif chosen in (ExportFormat.ttl, ExportFormat.nt):
        from kg.rdf import graph_to_rdf

        text = graph_to_rdf(g).serialize(format="turtle" if chosen is ExportFormat.ttl else "nt")
    else:
        raise ParameterError(f"the graph exports as json, ttl or nt, not {chosen.value}")
    if output:
        output.write_text(text, encoding="utf-8")
    else:
        sys.stdout.write(text)
