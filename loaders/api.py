"""The library API of the loaders: detect, stream, load one file, load and merge many.

>>> import pathlib, tempfile
>>> d = pathlib.Path(tempfile.mkdtemp())
>>> _ = (d / "a.txt").write_text("Subscribe\\nA Title\\nAn abstract.\\n", encoding="utf-8")
>>> detect_format(d / "a.txt")
'hf-daily'
>>> result = load_paths([d])
>>> result.record_count, result.paper_count, result.papers[0].title
(1, 1, 'A Title')
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path

from pydantic import Field

from kg.errors import InputError
from kg.records import LoadReport, Paper, Record, SkippedLine
from loaders.base import DEFAULT_REFERENCE_DATE, LoadContext, check_file, read_head
from loaders.merge import merge_papers
from loaders.registry import all_loaders, get_loader

log = logging.getLogger(__name__)

__all__ = ["LoadResult", "detect_format", "iter_file", "load_file", "load_paths", "expand_paths"]


class LoadResult(Record):
    """Everything read from a set of inputs: merged papers, per-file reports, disagreements."""

    papers: tuple[Paper, ...] = Field(default=(), description="one Paper per paper, sorted by id")
    reports: tuple[LoadReport, ...] = Field(default=(), description="one report per file, in input order")
    disagreements: tuple[str, ...] = Field(
        default=(), description="'<paper id> <field>: a | b' for every field that differed between records"
    )

    @property
    def record_count(self) -> int:
        """Records read over all files (before merging)."""
        return sum(len(r.papers) for r in self.reports)

    @property
    def paper_count(self) -> int:
        return len(self.papers)

    @property
    def skipped(self) -> tuple[SkippedLine, ...]:
        return tuple(s for r in self.reports for s in r.skipped)

    def totals(self) -> dict[str, int]:
        """Counts for reports: files, records, unique papers, skipped lines, errors, disagreements."""
        return {
            "files": len(self.reports),
            "records": self.record_count,
            "papers": self.paper_count,
            "merged_records": self.record_count - self.paper_count,
            "skipped_lines": sum(len(r.skipped) for r in self.reports),
            "errors": sum(len(r.errors) for r in self.reports),
            "warnings": sum(len(r.warnings) for r in self.reports),
            "disagreements": len(self.disagreements),
        }


def detect_format(path: str | Path) -> str:
    """The registered format that best matches the content of ``path`` (its head).

    Raises :class:`InputError` for an empty, binary or unrecognisable file.
    """
    p = Path(path)
    check_file(p)
    head = read_head(p).decode("utf-8", errors="replace")
    best, best_score = "", 0.0
    for loader in all_loaders():
        score = loader.sniff(head)
        # a matching file suffix breaks near-ties
        if p.suffix.lower() in loader.suffixes:
            score += 0.01
        if score > best_score:
            best, best_score = loader.name, score
    if best_score < 0.05:
        raise InputError("cannot tell the input format from the content; pass --input-format", path=str(p))
    return best


def iter_file(
    path: str | Path,
    format: str | None = None,
    *,
    reference_date: dt.date | None = None,
    context: LoadContext | None = None,
) -> Iterator[Paper | SkippedLine]:
    """Stream the records and skipped lines of one file in bounded memory.

    Pass a ``context`` to read its counts, warnings and errors afterwards.
    """
    p = Path(path)
    fmt = format or detect_format(p)
    loader = get_loader(fmt)
    check_file(p)
    ctx = context or LoadContext(file=str(path), format=fmt, loader=type(loader).__name__)
    ctx.format, ctx.loader = fmt, type(loader).__name__
    if reference_date is not None:
        ctx.reference_date = reference_date
    yield from loader.iter_records(p, ctx)


def load_file(path: str | Path, format: str | None = None, *, reference_date: dt.date | None = None) -> LoadReport:
    """Read one file: its records in file order, skipped lines, warnings and errors.

    Raises :class:`InputError` (naming the file, and the line where it applies) when nothing
    usable was read; a partly damaged file returns its good records and reports the rest.
    """
    p = Path(path)
    fmt = format or detect_format(p)
    ctx = LoadContext(file=str(path), format=fmt, loader="", reference_date=reference_date or DEFAULT_REFERENCE_DATE)
    papers: list[Paper] = []
    skipped: list[SkippedLine] = []
    for item in iter_file(p, fmt, context=ctx):
        if isinstance(item, Paper):
            papers.append(item)
        else:
            skipped.append(item)
    warnings = list(ctx.warnings)
    if ctx.dropped_warnings:
        warnings.append(f"{ctx.file}: {ctx.dropped_warnings} more warnings not shown")
    if not papers:
        first_error = ctx.errors[0] if ctx.errors else None
        reasons = {s.reason for s in skipped}
        undecodable = [s for s in skipped if s.reason.startswith("not valid UTF-8")]
        if undecodable:
            raise InputError(
                f"no paper records read: {len(undecodable)} lines are not valid UTF-8, first: "
                f"{undecodable[0].reason} (is the file UTF-8?)",
                path=str(path),
                line=undecodable[0].line,
            )
        if first_error:
            raise InputError(f"no paper records read ({first_error.split(': ', 1)[1]})", path=str(path))
        if skipped:
            line = skipped[0].line
            reason = skipped[0].reason if len(reasons) == 1 else f"{len(skipped)} lines skipped, first: {skipped[0].reason}"
            raise InputError(f"no paper records read ({reason})", path=str(path), line=line)
        raise InputError(f"no paper records found in this {fmt} file", path=str(path))
    return LoadReport(
        file=str(path),
        format=fmt,
        layout=ctx.layout,
        papers=tuple(papers),
        skipped=tuple(skipped),
        consumed_lines=ctx.consumed_lines,
        errors=tuple(ctx.errors),
        warnings=tuple(warnings),
    )


def expand_paths(paths: Iterable[str | Path]) -> list[Path]:
    """Files named by ``paths``; a directory gives its files (recursively, hidden ones left out)
    in sorted order."""
    out: list[Path] = []
    for raw in paths:
        p = Path(raw)
        if p.is_dir():
            files = [
                f
                for f in p.rglob("*")
                if f.is_file() and not any(part.startswith(".") for part in f.relative_to(p).parts)
            ]
            if not files:
                raise InputError("directory holds no files", path=str(p))
            out.extend(sorted(files))
        else:
            out.append(p)
    return out


def load_paths(
    paths: Sequence[str | Path] | str | Path,
    format: str | None = None,
    *,
    reference_date: dt.date | None = None,
) -> LoadResult:
    """Load every file (directories expanded) and merge the records into one Paper per paper.

    A file that cannot be used at all gets a report with its error and no records; the others
    are still loaded. :class:`InputError` only when no file gave any record.
    """
    if isinstance(paths, (str, Path)):
        paths = [paths]
    files = expand_paths(paths)
    if not files:
        raise InputError("no input files given")
    reports: list[LoadReport] = []
    failures: list[InputError] = []
    for f in files:
        try:
            reports.append(load_file(f, format, reference_date=reference_date))
        except InputError as exc:
            log.info("%s", exc)
            failures.append(exc)
            reports.append(LoadReport(file=str(f), format=format or "unknown", errors=(str(exc),)))
    if not any(r.papers for r in reports):
        if len(failures) == 1:
            raise failures[0]
        raise InputError(f"no paper records read from {len(files)} files; first: {failures[0]}")
    papers = merge_papers(p for r in reports for p in r.papers)
    disagreements = tuple(f"{p.id} {d}" for p in papers for d in p.disagreements)
    return LoadResult(papers=tuple(papers), reports=tuple(reports), disagreements=disagreements)
