"""``kg eval``: score the mapper against hand annotations (precision, recall, F1 per field)."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from kg.cli.common import FormatOpt, OutputFormat, emit, emit_json, info

DEVSET = Path(__file__).resolve().parents[2] / "tests" / "devset"


def register(app: typer.Typer) -> None:
    app.command("eval")(eval_cmd)


def eval_cmd(
    annotations: Annotated[
        Path | None,
        typer.Argument(help="Annotation file (JSON lines; default: tests/devset/mapping_dev.jsonl).", show_default=False),
    ] = None,
    heldout: Annotated[
        bool, typer.Option("--heldout", help="Score tests/devset/mapping_heldout.jsonl (report only; never tune on it).")
    ] = False,
    seeds: Annotated[
        Path | None,
        typer.Option("--seeds", help="Listing folder holding the annotated papers (default: ../shared/seeds or $EFFKG_SEEDS).",
                     show_default=False),
    ] = None,
    diffs: Annotated[bool, typer.Option("--diffs", help="Also list every disagreement (stderr in table mode).")] = False,
    folds: Annotated[
        str | None,
        typer.Option("--folds", help="Score only these of 5 fixed folds of the file, e.g. '0,1,2,3' (tune on some, check the rest).",
                     show_default=False),
    ] = None,
    fmt: FormatOpt = OutputFormat.table,
) -> None:
    """Map the annotated papers and print precision, recall and F1 per field and for the scope decision.

    Fields: techniques, methods, components, models, hardware, hardware classes, datasets, memory
    components; "out-of-scope" scores the out-of-scope label. The mapper runs offline.

    Examples:

      kg eval

      kg eval --heldout --format json

      kg eval my_annotations.jsonl --seeds ./listings --diffs

      kg eval --folds 4
    """
    import ontology
    from loaders.mapping.corpus import load_seed_papers
    from kg.errors import ParameterError
    from loaders.mapping.evaluation import evaluate, load_annotations, select_folds

    path = annotations or DEVSET / ("mapping_heldout.jsonl" if heldout else "mapping_dev.jsonl")
    ann = load_annotations(path)
    if folds:
        try:
            keep = [int(x) for x in folds.split(",") if x.strip()]
        except ValueError as exc:
            raise ParameterError(f"--folds takes comma-separated numbers 0-4, got {folds!r}") from exc
        if not keep or any(k not in range(5) for k in keep):
            raise ParameterError(f"--folds takes comma-separated numbers 0-4, got {folds!r}")
        ann = select_folds(ann, keep)
    papers = load_seed_papers(seeds)
    report = evaluate(ann, papers, ontology.load())
    if fmt is OutputFormat.json:
        emit_json(report.model_dump(mode="json") | {"rows": report.rows(), "annotations": str(path)})
        return
    emit(report.rows(), fmt, title=f"{path.name}: {report.papers} papers")
    if fmt is OutputFormat.table:
        info(f"topic accuracy (scope and topic): {report.topic_accuracy:.3f}; {report.papers_per_second} papers/s")
    if diffs:
        for d in report.diffs:
            info(f"[{d.field}] {d.title[:90]}: missing {list(d.missing)} extra {list(d.extra)}")
