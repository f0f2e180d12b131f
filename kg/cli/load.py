"""``kg load``: read listings, merge them into one record per paper, report every skipped line."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from kg.cli.common import FormatOpt, OutputFormat, info

if TYPE_CHECKING:
    from loaders.api import LoadResult

MAX_SKIPPED_SHOWN = 50


def register(app: typer.Typer) -> None:
    app.command("load")(load_cmd)


def load_cmd(
    files: Annotated[
        list[Path], typer.Argument(help="Listing files or directories (e.g. ../shared/seeds).", show_default=False)
    ],
    input_format: Annotated[
        str | None,
        typer.Option(
            "--input-format",
            "-i",
            help="Input format: hf-daily, hf-api, arxiv-atom, bibtex, jsonl or a plugin's (default: detected).",
        ),
    ] = None,
    dry_run: Annotated[bool, typer.Option("--dry-run", help="Only parse and report; write nothing.")] = False,
    reference_date: Annotated[
        str | None,
        typer.Option(
            "--reference-date",
            help="YYYY-MM-DD that year-less dates ('Aug 12') may not be after (default 2025-12-31; "
            "a listing's own page date takes precedence for its papers).",
            show_default=False,
        ),
    ] = None,
    fmt: FormatOpt = OutputFormat.table,
) -> None:
    """Parse paper listings into one canonical record per paper, with every skipped line reported.

    Formats are detected from the content. JSON output holds the merged papers, the per-file
    reports (records, consumed lines, skipped lines with file:line and reason) and the field
    disagreements between files. Exits non-zero when nothing usable was read.

    Examples:

      kg load ../shared/seeds --dry-run --format json

      kg load papers.xml -i arxiv-atom --format csv
    """
    import datetime as dt

    from kg.errors import ParameterError
    from loaders import load_paths

    ref = None
    if reference_date:
        try:
            ref = dt.date.fromisoformat(reference_date)
        except ValueError as exc:
            raise ParameterError(f"--reference-date must be YYYY-MM-DD, not {reference_date!r}") from exc
    result = load_paths(files, input_format, reference_date=ref)
    _report_problems(result)
    if fmt is OutputFormat.json:
        _write_json(result, dry_run)
    elif fmt is OutputFormat.csv:
        _write_csv(result)
    else:
        _write_table(result)
    if not dry_run:
        info("kg load only reads and checks listings; `kg build FILE...` writes them into the graph.")


def _report_problems(result: LoadResult) -> None:
    """Errors, warnings and skipped lines go to stderr, one line each."""
    for r in result.reports:
        for e in r.errors:
            info(f"error: {e}" if e.startswith(r.file) else f"error: {r.file}: {e}")
        for w in r.warnings:
            info(f"warning: {w}")
    skipped = result.skipped
    for s in skipped[:MAX_SKIPPED_SHOWN]:
        info(f"skipped: {s.file}:{s.line}: {s.reason}")
    if len(skipped) > MAX_SKIPPED_SHOWN:
        info(f"skipped: … {len(skipped) - MAX_SKIPPED_SHOWN} more (all are listed in --format json)")


def file_summary(r: Any) -> dict[str, Any]:
    return {
        "file": r.file,
        "format": r.format,
        "layout": r.layout,
        "records": len(r.papers),
        "consumed_lines": r.consumed_lines,
        "skipped_lines": len(r.skipped),
        "errors": len(r.errors),
        "warnings": len(r.warnings),
    }


def _write_json(result: LoadResult, dry_run: bool) -> None:
    """One JSON document, written paper by paper so a large load is never one giant string."""
    import json

    out = sys.stdout

    def dump(obj: Any) -> str:
        return json.dumps(obj, ensure_ascii=False, default=str)

    out.write("{\n")
    out.write(f'"dry_run": {dump(dry_run)},\n')
    out.write(f'"totals": {dump(result.totals())},\n')
    out.write('"files": [')
    for i, r in enumerate(result.reports):
        entry = file_summary(r) | {
            "skipped": [s.model_dump(mode="json") for s in r.skipped],
            "error_messages": list(r.errors),
            "warning_messages": list(r.warnings),
        }
        out.write(("," if i else "") + "\n  " + dump(entry))
    out.write("\n],\n")
    out.write(f'"disagreements": {dump(list(result.disagreements))},\n')
    out.write('"papers": [')
    for i, p in enumerate(result.papers):
        out.write(("," if i else "") + "\n  " + p.model_dump_json())
    out.write("\n]\n}\n")


def _paper_row(p: Any) -> dict[str, Any]:
    return {
        "id": p.id,
        "title": p.title,
        "year": p.year,
        "date": p.date.isoformat() if p.date else None,
        "upvotes": p.upvotes,
        "authors": p.author_count,
        "organisation": p.organisation,
        "occurrences": len(p.occurrences),
        "files": ";".join(sorted({Path(o.file).name for o in p.occurrences})),
    }


def _write_csv(result: LoadResult) -> None:
    from kg.cli.common import emit

    emit([_paper_row(p) for p in result.papers], OutputFormat.csv)


def _write_table(result: LoadResult) -> None:
    from kg.cli.common import emit

    rows = [file_summary(r) for r in result.reports]
    for row in rows:
        row["file"] = Path(row["file"]).name
    emit(rows, OutputFormat.table, title="Listings read")
    t = result.totals()
    info(
        f"{t['records']} records in {t['files']} files -> {t['papers']} papers "
        f"({t['merged_records']} repeats merged), {t['skipped_lines']} lines skipped, "
        f"{t['disagreements']} field disagreements"
    )
