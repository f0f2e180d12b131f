"""What every loader shares: the loader contract, the per-file context, checked line reading and
the one place that turns a title and an abstract into a :class:`kg.records.Paper`.

A loader reads one file and yields, in file order, one :class:`~kg.records.Paper` per record it
read (with a single occurrence) and one :class:`~kg.records.SkippedLine` per line it did not use.
It never holds the whole file: memory stays bounded by the largest record.

>>> ctx = LoadContext(file="listing.txt", format="hf-daily", loader="HfDailyLoader")
>>> p = make_paper(ctx, 3, "GaLore: Low-Rank Projection", "Saves 3times memory.")
>>> p.id.startswith("paper/t-"), p.text
(True, 'GaLore: Low-Rank Projection\\n\\nSaves 3× memory.')
"""

from __future__ import annotations

import datetime as dt
import logging
import re
from abc import ABC, abstractmethod
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import ClassVar

from kg.errors import InputError
from kg.ids import normalise_arxiv_id, paper_id
from kg.records import Paper, SkippedLine, SourceRef
from loaders.normalise import find_urls, paper_text

log = logging.getLogger(__name__)

__all__ = [
    "BaseLoader",
    "LoadContext",
    "Line",
    "make_paper",
    "iter_lines",
    "check_file",
    "read_head",
    "shorten",
    "DEFAULT_REFERENCE_DATE",
    "MAX_LINE_BYTES",
]

DEFAULT_REFERENCE_DATE = dt.date(2025, 12, 31)
"""Year-less dates ("Aug 12") take the latest year in which they are not after this date, unless the
listing or the caller gives a better anchor (see :mod:`loaders.dates`). Fixed, so that loading the
same file always gives the same years; override with ``reference_date=`` / ``--reference-date``."""

MAX_LINE_BYTES = 4 * 1024 * 1024
"""Longer lines are skipped (and reported) instead of being read into memory whole."""

MAX_WARNINGS = 1000
HEAD_BYTES = 64 * 1024

_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
_HTML = re.compile(r"</?[A-Za-z][A-Za-z0-9]*(?:\s[^<>]*)?/?>|&(?:[A-Za-z]{2,8}|#\d+);")
_CYPHER = re.compile(
    r"\b(?:MATCH|MERGE|CREATE|DETACH\s+DELETE|DELETE|RETURN|CALL|LOAD\s+CSV)\b\s*[\(\{\[a-z]|[}\)]\s*(?://|;)",
)


def shorten(text: str, limit: int = 120) -> str:
    """``text`` cut to ``limit`` characters for a report line.

    >>> shorten("x" * 200, 10)
    'xxxxxxxxx…'
    """
    return text if len(text) <= limit else text[: limit - 1] + "…"


@dataclass
class LoadContext:
    """Mutable per-file state a loader reports into (counts, warnings, errors, year anchor)."""

    file: str
    format: str
    loader: str
    reference_date: dt.date = DEFAULT_REFERENCE_DATE
    consumed_lines: int = 0
    layout: str | None = None
    warnings: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    dropped_warnings: int = 0

    def where(self, line: int | None) -> str:
        return self.file if line is None else f"{self.file}:{line}"

    def warn(self, line: int | None, message: str) -> None:
        """Record a problem that did not stop anything (kept to ``MAX_WARNINGS`` lines)."""
        if len(self.warnings) < MAX_WARNINGS:
            self.warnings.append(f"{self.where(line)}: {message}")
        else:
            self.dropped_warnings += 1

    def error(self, line: int | None, message: str) -> None:
        """Record a problem that stopped part of the file from being read."""
        self.errors.append(f"{self.where(line)}: {message}")

    def skip(self, line: int, reason: str, text: str = "") -> SkippedLine:
        return SkippedLine(file=self.file, line=line, reason=reason, text=shorten(text))

    def source(self, line: int) -> SourceRef:
        return SourceRef(file=self.file, line=line, format=self.format, loader=self.loader)


class BaseLoader(ABC):
    """A source format. Subclasses set ``name`` and implement :meth:`sniff` and :meth:`iter_records`.

    Third-party loaders register a subclass under the ``effkg.loaders`` entry-point group.
    """

    name: ClassVar[str]
    description: ClassVar[str] = ""
    suffixes: ClassVar[tuple[str, ...]] = ()
    bibtex_markup: ClassVar[bool] = False

    @abstractmethod
    def sniff(self, head: str) -> float:
        """Confidence in ``[0, 1]`` that a file starting with ``head`` is in this format."""

    @abstractmethod
    def iter_records(self, path: Path, ctx: LoadContext) -> Iterator[Paper | SkippedLine]:
        """Yield, in file order, one Paper per record and one SkippedLine per unused line."""


# -- files and lines ---------------------------------------------------------------------------


def check_file(path: Path) -> int:
    """Size of ``path``; :class:`InputError` when it is missing, not a file, empty or binary."""
    if not path.exists():
        raise InputError("no such file", path=str(path))
    if not path.is_file():
        raise InputError("not a regular file", path=str(path))
    size = path.stat().st_size
    if size == 0:
        raise InputError("empty file: no paper records", path=str(path))
    head = read_head(path)
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise InputError("UTF-16 encoded; convert the file to UTF-8", path=str(path))
    if not head.strip():
        raise InputError("file holds only whitespace: no paper records", path=str(path))
    if b"\x00" in head:
        line = head[: head.index(b"\x00")].count(b"\n") + 1
        raise InputError("binary file (NUL bytes), not a paper listing", path=str(path), line=line)
    return size


def read_head(path: Path, size: int = HEAD_BYTES) -> bytes:
    try:
        with path.open("rb") as fp:
            return fp.read(size)
    except OSError as exc:
        raise InputError(f"cannot read: {exc.strerror or exc}", path=str(path)) from exc


@dataclass(frozen=True, slots=True)
class Line:
    """One physical line: its number, its text (``None`` when it could not be decoded) and why."""

    number: int
    text: str | None
    problem: str = ""

    @property
    def blank(self) -> bool:
        return self.text is not None and not self.text.strip()


def iter_lines(path: Path) -> Iterator[Line]:
    """The lines of ``path`` as UTF-8 without their terminators, read in bounded memory.

    A UTF-8 byte-order mark is dropped; ``\\r\\n`` endings are accepted. A line that is not UTF-8,
    holds NUL bytes or is longer than :data:`MAX_LINE_BYTES` comes back with ``text=None`` and the
    reason in ``problem``.
    """
    try:
        fp = path.open("rb")
    except OSError as exc:
        raise InputError(f"cannot read: {exc.strerror or exc}", path=str(path)) from exc
    with fp:
        number = 0
        while True:
            chunk = fp.readline(MAX_LINE_BYTES + 1)
            if not chunk:
                return
            number += 1
            if len(chunk) > MAX_LINE_BYTES and not chunk.endswith(b"\n"):
                # drain the rest of the over-long line without keeping it
                while chunk and not chunk.endswith(b"\n"):
                    chunk = fp.readline(MAX_LINE_BYTES)
                yield Line(number, None, f"line longer than {MAX_LINE_BYTES // (1024 * 1024)} MiB")
                continue
            if number == 1 and chunk.startswith(b"\xef\xbb\xbf"):
                chunk = chunk[3:]
            if chunk.endswith(b"\n"):
                chunk = chunk[:-1]
                if chunk.endswith(b"\r"):
                    chunk = chunk[:-1]
            if b"\x00" in chunk:
                yield Line(number, None, "NUL bytes (binary data)")
                continue
            try:
                yield Line(number, chunk.decode("utf-8"))
            except UnicodeDecodeError as exc:
                yield Line(number, None, f"not valid UTF-8 (byte 0x{chunk[exc.start]:02x} at column {exc.start + 1})")


# -- building a Paper --------------------------------------------------------------------------


def make_paper(
    ctx: LoadContext,
    line: int,
    title: str,
    abstract: str,
    *,
    arxiv_id: str | None = None,
    date: dt.date | None = None,
    date_text: str | None = None,
    year: int | None = None,
    year_inferred: bool = False,
    upvotes: int | None = None,
    authors: tuple[str, ...] = (),
    author_count: int | None = None,
    organisation: str | None = None,
    extra_urls: tuple[str, ...] = (),
    categories: tuple[str, ...] = (),
    bibtex: bool = False,
) -> Paper:
    """The Paper for one record read at ``ctx.file:line``, with its normalised text and anchors."""
    text, anchors = paper_text(title, abstract, bibtex=bibtex)
    arxiv = normalise_arxiv_id(arxiv_id) if arxiv_id else None
    if arxiv_id and not arxiv:
        ctx.warn(line, f"not an arXiv id, ignored: {shorten(arxiv_id, 60)!r}")
    if _CONTROL.search(title) or _CONTROL.search(abstract):
        ctx.warn(line, "control characters in the title or abstract; removed from the normalised text")
    if _HTML.search(title):
        ctx.warn(line, "title contains HTML-like markup; kept verbatim as plain text")
    if _CYPHER.search(title):
        ctx.warn(line, "title contains Cypher-like text; kept verbatim (it is data, never executed)")
    urls = dict.fromkeys((*extra_urls, *find_urls(text[text.index("\n\n") + 2 :])))
    if year is None and date is not None:
        year = date.year
    return Paper(
        id=paper_id(title, arxiv_id=arxiv),
        title=title,
        abstract=abstract,
        text=text,
        offset_map=anchors,
        arxiv_id=arxiv,
        date=date,
        date_text=date_text,
        year=year,
        year_inferred=year_inferred,
        upvotes=upvotes,
        authors=authors,
        author_count=author_count if author_count is not None else (len(authors) or None),
        organisation=organisation,
        code_urls=tuple(urls),
        categories=categories,
        occurrences=(ctx.source(line),),
    )
