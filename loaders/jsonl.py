"""effkg's own JSON Lines: one :class:`~kg.records.Paper` per line.

:func:`dump_papers` writes what ``kg export papers`` prints; :class:`JsonlLoader` reads it back
unchanged (same ids, texts, anchors, occurrences and disagreements), so an export can be
re-loaded or merged with other listings. A line holding only some fields (at least a ``title``)
is read as a new record whose occurrence is that line.

>>> import io
>>> from kg.records import Paper, SourceRef
>>> p = Paper(id="paper/t-000000000000", title="T", abstract="A.", text="T\\n\\nA.",
...           occurrences=(SourceRef(file="f.txt", line=1, format="hf-daily", loader="HfDailyLoader"),))
>>> buf = io.StringIO(); dump_papers([p], buf)
1
>>> Paper.model_validate_json(buf.getvalue().splitlines()[0]) == p
True
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any, TextIO

from pydantic import ValidationError

from kg.ids import normalise_title
from kg.records import Paper, SkippedLine
from loaders.base import BaseLoader, LoadContext, iter_lines, make_paper, shorten

# Fields a Paper line must carry to be taken as an exported Paper rather than a partial record.
_PAPER_KEYS = frozenset({"id", "title", "abstract", "text", "occurrences"})


def dump_papers(papers: Iterable[Paper], fp: TextIO) -> int:
    """Write one compact JSON object per paper; returns how many were written."""
    n = 0
    for paper in papers:
        fp.write(paper.model_dump_json())
        fp.write("\n")
        n += 1
    return n


def _validation_summary(exc: ValidationError) -> str:
    first = exc.errors()[0]
    where = ".".join(str(p) for p in first.get("loc", ())) or "record"
    more = f" (+{exc.error_count() - 1} more)" if exc.error_count() > 1 else ""
    return f"{where}: {first.get('msg', 'invalid')}{more}"


class JsonlLoader(BaseLoader):
    """effkg JSON Lines (``kg export papers``); also title/abstract objects one per line."""

    name = "jsonl"
    description = "effkg JSON Lines, one Paper per line (kg export papers)"
    suffixes = (".jsonl", ".ndjson")

    def sniff(self, head: str) -> float:
        for line in head.splitlines():
            if not line.strip():
                continue
            s = line.strip()
            if not s.startswith("{"):
                return 0.0
            try:
                obj = json.loads(s)
            except ValueError:
                # the head may cut a long line; a Paper line starts with its id
                return 0.8 if s.startswith('{"id":"paper/') else 0.1
            if isinstance(obj, dict) and _PAPER_KEYS <= obj.keys():
                return 1.0
            return 0.6 if isinstance(obj, dict) and "title" in obj and "paper" not in obj else 0.1
        return 0.0

    def iter_records(self, path: Path, ctx: LoadContext) -> Iterator[Paper | SkippedLine]:
        for line in iter_lines(path):
            if line.text is None:
                yield ctx.skip(line.number, line.problem)
                continue
            s = line.text.strip()
            if not s:
                continue
            try:
                obj = json.loads(s)
            except json.JSONDecodeError as exc:
                yield ctx.skip(line.number, f"invalid JSON: {exc.msg} (column {exc.colno})", s)
                continue
            if not isinstance(obj, dict):
                yield ctx.skip(line.number, f"a JSON {type(obj).__name__}, not an object", s)
                continue
            if _PAPER_KEYS <= obj.keys():
                try:
                    paper = Paper.model_validate(obj)
                except ValidationError as exc:
                    yield ctx.skip(line.number, f"not a valid Paper: {_validation_summary(exc)}", s)
                    continue
                ctx.consumed_lines += 1
                yield paper
                continue
            record = self._partial(obj, ctx, line.number)
            if isinstance(record, str):
                yield ctx.skip(line.number, record, s)
            else:
                ctx.consumed_lines += 1
                yield record

    @staticmethod
    def _partial(obj: dict[str, Any], ctx: LoadContext, line: int) -> Paper | str:
        title, abstract = obj.get("title"), obj.get("abstract", obj.get("summary", ""))
        if not isinstance(title, str) or not normalise_title(title):
            return "no usable 'title'"
        if not isinstance(abstract, str):
            return "'abstract' is not a string"
        date = None
        if isinstance(obj.get("date"), str):
            try:
                date = dt.date.fromisoformat(obj["date"][:10])
            except ValueError:
                ctx.warn(line, f"'date' is not an ISO date: {shorten(obj['date'], 40)!r}")
        authors = obj.get("authors", ())
        authors = tuple(a for a in authors if isinstance(a, str)) if isinstance(authors, list) else ()
        upvotes = obj.get("upvotes")
        return make_paper(
            ctx,
            line,
            title,
            abstract,
            arxiv_id=obj.get("arxiv_id") if isinstance(obj.get("arxiv_id"), str) else None,
            date=date,
            date_text=obj["date"] if date else None,
            upvotes=upvotes if isinstance(upvotes, int) and not isinstance(upvotes, bool) else None,
            authors=authors,
            organisation=obj.get("organisation") if isinstance(obj.get("organisation"), str) else None,
        )
