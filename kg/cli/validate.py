"""``kg validate``: check the built graph against the SHACL shapes of ``ontology/shapes.ttl``."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from kg.cli.common import DatabaseOpt, FormatOpt, OutputFormat, PasswordOpt, StoreOpt, UserOpt, emit, emit_json, info


def register(app: typer.Typer) -> None:
    app.command("validate")(validate_cmd)


def validate_cmd(
    store: StoreOpt = None,
    shapes: Annotated[
        Path | None, typer.Option("--shapes", help="Another SHACL shapes file (default: ontology/shapes.ttl).")
    ] = None,
    limit: Annotated[int, typer.Option("--limit", min=0, help="Print at most this many violations (0: all).")] = 0,
    fmt: FormatOpt = OutputFormat.table,
    user: UserOpt = "neo4j",
    password: PasswordOpt = "",
    database: DatabaseOpt = None,
) -> None:
    """Check that the stored graph satisfies the shapes; exit 1 with the list of violations if not.

    Examples:

      kg validate

      kg validate --store bolt://localhost:7687 --format json
    """
    from kg.cli.common import open_store
    from kg.rdf import count_by_message, validate

    with open_store(store, user, password, database) as st:
        g = st.read()
        uri = st.uri
    if g.number_of_nodes() == 0:
        info(f"the store {uri} is empty: run `kg build SOURCES` first")
    report = validate(g, shapes=shapes)
    shown = report.violations[:limit] if limit else report.violations
    if fmt is OutputFormat.json:
        emit_json(
            {
                "store": uri,
                "conforms": report.conforms,
                "violations": [v.model_dump() for v in shown],
                "total_violations": len(report.violations),
                "nodes": report.nodes,
                "edges": report.edges,
                "triples": report.triples,
                "seconds": report.seconds,
            }
        )
    else:
        emit([v.model_dump() for v in shown], fmt, columns=["focus", "path", "message", "value", "severity"], empty="")
    if report.conforms:
        info(f"{uri}: conforms ({report.nodes} nodes, {report.edges} edges, {report.triples} triples checked "
             f"in {report.seconds:.1f}s)")
        return
    for message, n in count_by_message(report.violations).items():
        info(f"{n:6d}  {message}")
    info(f"{uri}: {len(report.violations)} violations")
    raise typer.Exit(1)
