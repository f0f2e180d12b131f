"""``kg build``: read listings, map them onto the ontology, write the graph."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from kg.cli.common import DatabaseOpt, FormatOpt, OutputFormat, PasswordOpt, StoreOpt, UserOpt, emit_json, info

if TYPE_CHECKING:
    from kg.build import BuildReport


def register(app: typer.Typer) -> None:
    app.command("build")(build_cmd)


def build_cmd(
    sources: Annotated[
        list[Path], typer.Argument(help="Listing files or directories (e.g. ../shared/seeds).", show_default=False)
    ],
    store: StoreOpt = None,
    input_format: Annotated[
        str | None,
        typer.Option("--input-format", "-i", help="Force the input format (default: detected from content)."),
    ] = None,
    replace: Annotated[
        bool, typer.Option("--replace", help="Keep only the papers read now (drop other stored papers).")
    ] = False,
    dry_run: Annotated[bool, typer.Option("--dry-run", help="Show what would change; write nothing.")] = False,
    fmt: FormatOpt = OutputFormat.table,
    user: UserOpt = "neo4j",
    password: PasswordOpt = "",
    database: DatabaseOpt = None,
) -> None:
    """Build the graph from paper listings into the store.

    Re-building is idempotent; papers already stored are re-mapped, so facts never go stale.

    Examples:

      kg build ../shared/seeds

      kg build listing.json --store bolt://localhost:7687 --neo4j-password secret
    """
    from kg.build import build
    from kg.cli.common import open_store

    with open_store(store, user, password, database) as st, _progress() as stage:
        report = build(sources, st, input_format=input_format, replace=replace, dry_run=dry_run, stage=stage)
    if fmt is OutputFormat.json:
        emit_json(report.model_dump(mode="json"))
    else:
        print_report(report)
    if report.papers_read == 0:
        raise typer.Exit(1)


class _progress:
    """A rich progress bar on stderr for long builds (only when stderr is a terminal)."""

    def __enter__(self) -> Any:
        from kg.cli.common import stderr_is_tty

        if not stderr_is_tty():
            self._bar = None
            return None
        from rich.console import Console
        from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

        self._bar = Progress(
            TextColumn("{task.description:>8}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
            console=Console(stderr=True), transient=True,
        )
        self._bar.__enter__()
        tasks: dict[str, Any] = {}

        def stage(name: str, done: int, total: int) -> None:
            assert self._bar is not None
            if name not in tasks:
                tasks[name] = self._bar.add_task(name, total=total)
            self._bar.update(tasks[name], completed=done, total=total)

        return stage

    def __exit__(self, *exc: object) -> None:
        if self._bar is not None:
            self._bar.__exit__(None, None, None)


def print_report(r: BuildReport) -> None:
    """The human summary of a build (stdout: it is the command's output)."""
    out = typer.echo
    verb = "would write" if r.dry_run else "wrote"
    out(f"store: {r.store}{'  (dry run: nothing written)' if r.dry_run else ''}")
    out(f"read {r.papers_read} records from {len(r.files)} files -> {r.papers_unique} unique papers"
        f" (+{r.papers_kept} kept from the store, {r.papers_total} in all)")
    for f in r.files:
        errs = f"; {len(f.errors)} errors" if f.errors else ""
        out(f"  {f.file} [{f.format}]: {f.records} records, {f.skipped} lines skipped{errs}")
    if r.skipped:
        out(f"skipped {len(r.skipped)} lines:")
        for s in r.skipped[:20]:
            out(f"  {s.file}:{s.line}: {s.reason}")
        if len(r.skipped) > 20:
            out(f"  ... and {len(r.skipped) - 20} more (see --format json)")
    m = r.mapping
    topics = ", ".join(f"{k.split('/')[-1]} {v}" for k, v in m.topics.items())
    out(f"mapping: {m.in_scope} papers in scope, {len(m.out_of_scope)} out of scope" + (f" ({topics})" if topics else ""))
    if m.linked:
        out("  linked mentions: " + ", ".join(f"{k} {v}" for k, v in m.linked.items()))
    if m.unlinked:
        out("  unlinked mentions: " + ", ".join(f"{k} {v}" for k, v in m.unlinked.items()))
    if m.relations:
        out("  relations: " + ", ".join(f"{k} {v}" for k, v in m.relations.items()))
    out(f"  results: {m.results} ({m.partial_results} partial)")
    if r.assembly.rejected:
        out(f"  {len(r.assembly.rejected)} relations rejected by the schema (see --format json)")
    w = r.write
    out(f"{verb}: {w.nodes_written} nodes, {w.edges_written} edges; deleted {w.nodes_deleted} nodes,"
        f" {w.edges_deleted} edges" + ("" if w.changed else " (already up to date)"))
    out(f"graph: {r.stats.total_nodes} nodes, {r.stats.total_edges} edges (built in {r.seconds:.2f}s)")
    out("  nodes: " + ", ".join(f"{k} {v}" for k, v in r.stats.nodes.items()))
    out("  edges: " + ", ".join(f"{k} {v}" for k, v in r.stats.edges.items()))
