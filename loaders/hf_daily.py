"""Hugging Face Daily Papers page dumps (text copied from the web page).

Two page layouts occur, detected from the blank-line structure (``LoadReport.layout``):

``compact``
    no blank lines; two header lines, then ``Subscribe`` glued to the first title; afterwards
    title and abstract lines alternate.
``spaced``
    header lines (``new``, the e-mail invitation, ``Subscribe``, ``Daily Papers``,
    ``byAK and the research community``) and a page date (``Aug 12``) separated by blank lines;
    then title, blank, abstract, blank, and optionally a metadata block.

In both, an abstract may be followed by metadata lines: an author count (``  • 6 authors``), or
an organisation line followed by the ``·`` separator, the separator itself, and a date line that
may carry a year and an upvote count (``Mar 6, 2024 15``; see :mod:`loaders.dates`).

Parsing is a small state machine over the non-blank lines with one line of look-ahead, so the
file is streamed. Every non-blank line is either consumed (header, title, abstract, metadata) or
reported as a :class:`~kg.records.SkippedLine` with its reason. A line in the title position that
is far longer than any title (more than :data:`TITLE_MAX` characters) is an abstract without its
title; a title directly followed by such an abstract-like line *and then* another one lost its
abstract. Both are reported, and parsing resynchronises on the next title.

:func:`render_page` writes records back in either layout (used by the tests and the benchmark).

>>> page = render_page([DailyRecord(title="A", abstract="B b.", author_count=2, date_text="Mar 6, 2024",
...                                upvotes=5)], layout="spaced", page_date="Aug 12")
>>> print(page, end="")
new
<BLANKLINE>
Get trending papers in your email inbox!
<BLANKLINE>
Subscribe
<BLANKLINE>
Daily Papers
<BLANKLINE>
byAK and the research community
<BLANKLINE>
Aug 12
<BLANKLINE>
A
<BLANKLINE>
B b.
<BLANKLINE>
  • 2 authors
·
Mar 6, 2024 5
<BLANKLINE>
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

from kg.ids import normalise_title
from kg.records import Paper, SkippedLine
from loaders.base import BaseLoader, Line, LoadContext, iter_lines, make_paper
from loaders.dates import DateLine, parse_date_line, resolve

TITLE_MAX = 400
"""No title is longer; a longer line in the title position is an abstract that lost its title."""

HEADER_PHRASES = (
    "Get trending papers in your email inbox once a day!",
    "Get trending papers in your email inbox!",
    "Subscribe",
    "Daily Papers",
    "byAK and the research community",
)
"""Page furniture; a title may be glued to the end of it ("SubscribeSplitformer: ...")."""
HEADER_LINES = frozenset(("new", *HEADER_PHRASES))

_AUTHORS = re.compile(r"^\s*•\s*(\d{1,5})\s+authors?\s*$")
_SEPARATOR = re.compile(r"^\s*[·•]\s*$")
ORG_MAX = 200

Layout = Literal["compact", "spaced"]


def is_metadata_line(text: str) -> bool:
    """True for lines that can only be per-paper metadata (author count, separator, date)."""
    return bool(_AUTHORS.match(text) or _SEPARATOR.match(text) or parse_date_line(text))


def _strip_header(text: str) -> tuple[str, int]:
    """``(rest, consumed_chars)`` after removing header phrases from the start of ``text``."""
    pos = 0
    stripped = True
    while stripped:
        stripped = False
        for phrase in HEADER_PHRASES:
            if text.startswith(phrase, pos):
                pos += len(phrase)
                stripped = True
                break
    return text[pos:], pos


@dataclass
class _Record:
    title_line: int
    title: str
    abstract_line: int
    abstract: str
    author_count: int | None = None
    organisation: str | None = None
    date: DateLine | None = None
    date_line: int = 0
    meta_lines: list[int] = field(default_factory=list)


class HfDailyLoader(BaseLoader):
    """Hugging Face Daily Papers page dumps in the ``compact`` and ``spaced`` layouts."""

    name = "hf-daily"
    description = "Hugging Face Daily Papers page text (compact or spaced layout)"
    suffixes = (".txt",)

    def sniff(self, head: str) -> float:
        first = [ln.strip() for ln in head.splitlines()[:12] if ln.strip()]
        if not first:
            return 0.0
        if any(ln in HEADER_LINES or ln.startswith(HEADER_PHRASES) for ln in first[:6]):
            return 0.95
        if first[0][:1] in "[{<@":
            return 0.0
        return 0.2  # plain text lines: a listing without its page header

    def iter_records(self, path: Path, ctx: LoadContext) -> Iterator[Paper | SkippedLine]:
        return _Parser(ctx).run(iter_lines(path))


class _Parser:
    def __init__(self, ctx: LoadContext) -> None:
        self.ctx = ctx
        self.page_date: dt.date | None = None
        self.in_header = True
        self.state: Literal["title", "abstract", "meta"] = "title"
        self.title: tuple[int, str] | None = None
        self.record: _Record | None = None
        self.lost_title = False

    # the token stream: non-blank lines with one line of look-ahead
    def run(self, lines: Iterable[Line]) -> Iterator[Paper | SkippedLine]:
        pending: Line | None = None
        pending_gap = False
        gap = False
        for line in lines:
            if line.blank:
                gap = True
                continue
            if pending is not None:
                yield from self.step(pending, pending_gap, line)
            pending, pending_gap, gap = line, gap, False
        if pending is not None:
            yield from self.step(pending, pending_gap, None)
        yield from self.finish()

    def step(self, line: Line, blank_before: bool, nxt: Line | None) -> Iterator[Paper | SkippedLine]:
        ctx = self.ctx
        if line.text is None:
            yield ctx.skip(line.number, line.problem)
            if self.state == "abstract" and self.title:
                yield ctx.skip(self.title[0], "title whose abstract line could not be read", self.title[1])
                self.title, self.state = None, "title"
            elif self.state == "meta":
                yield from self.flush()
            elif not self.in_header:
                # an unreadable title: its abstract must not be taken for the next title
                self.lost_title = True
            return
        text = line.text
        if self.lost_title:
            self.lost_title = False
            if self.state == "title" and not is_metadata_line(text):
                yield ctx.skip(line.number, "abstract whose title line could not be read", text)
                return
        if self.in_header and self.state == "title":
            if text.strip() in HEADER_LINES:
                ctx.consumed_lines += 1
                return
            rest, cut = _strip_header(text)
            if not rest.strip():
                ctx.consumed_lines += 1
                return
            date = parse_date_line(text) if not cut else None
            if date and self.page_date is None:
                self.page_date = self._resolve_page_date(line.number, date)
                ctx.consumed_lines += 1
                return
            self.in_header = False
            if cut:
                # "SubscribeTitle": the header phrase is consumed, the rest is the first title
                text = rest
        next_text = nxt.text if nxt is not None else None

        if self.state == "meta":
            assert self.record is not None
            if self._take_metadata(line.number, text, next_text):
                return
            yield from self.flush()

        if self.state == "title":
            if is_metadata_line(text):
                yield ctx.skip(line.number, "metadata line without a paper before it", text)
            elif len(text) > TITLE_MAX:
                yield ctx.skip(line.number, "abstract-like line without a title (too long for a title)", text)
            elif not normalise_title(text):
                yield ctx.skip(line.number, "title has no letters or digits", text)
            else:
                self.title, self.state = (line.number, text), "abstract"
            return

        # state == "abstract"
        assert self.title is not None
        if is_metadata_line(text):
            yield ctx.skip(self.title[0], "title without an abstract", self.title[1])
            yield ctx.skip(line.number, "metadata line without a paper before it", text)
            self.title, self.state = None, "title"
            return
        if (
            len(text) <= TITLE_MAX
            and next_text is not None
            and len(next_text) > TITLE_MAX
            and normalise_title(text)
        ):
            # title, title, abstract: the first title lost its abstract
            yield ctx.skip(self.title[0], "title without an abstract", self.title[1])
            self.title = (line.number, text)
            return
        if self.ctx.layout is None:
            # the first title-abstract pair tells the layout
            self.ctx.layout = "spaced" if blank_before else "compact"
        self.record = _Record(self.title[0], self.title[1], line.number, text)
        self.title, self.state = None, "meta"

    def _take_metadata(self, number: int, text: str, next_text: str | None) -> bool:
        rec = self.record
        assert rec is not None
        m = _AUTHORS.match(text)
        if m and rec.author_count is None:
            rec.author_count = int(m.group(1))
        elif _SEPARATOR.match(text):
            pass
        elif (d := parse_date_line(text)) is not None and rec.date is None:
            rec.date, rec.date_line = d, number
        elif (
            rec.organisation is None
            and next_text is not None
            and _SEPARATOR.match(next_text)
            and len(text) <= ORG_MAX
            and not m
            and not parse_date_line(text)
        ):
            rec.organisation = text.strip()
        else:
            return False
        rec.meta_lines.append(number)
        return True

    def _resolve_page_date(self, number: int, d: DateLine) -> dt.date | None:
        date, _ = resolve(d, anchor=self.ctx.reference_date)
        if date is None:
            self.ctx.warn(number, f"page date {d.text!r} is not a calendar date")
        return date

    def flush(self) -> Iterator[Paper | SkippedLine]:
        rec, self.record, self.state = self.record, None, "title"
        if rec is None:
            return
        ctx = self.ctx
        ctx.consumed_lines += 2 + len(rec.meta_lines)
        date = None
        inferred = False
        if rec.date is not None:
            anchor = self.page_date or ctx.reference_date
            date, inferred = resolve(rec.date, anchor=anchor)
            if date is None:
                ctx.warn(rec.date_line, f"{rec.date.text!r} is not a calendar date")
            elif not inferred and self.page_date and date > self.page_date:
                ctx.warn(rec.date_line, f"date {rec.date.text!r} is after the page date {self.page_date}")
        yield make_paper(
            ctx,
            rec.title_line,
            rec.title,
            rec.abstract,
            date=date,
            date_text=rec.date.text if rec.date else None,
            year=date.year if date else (rec.date.year if rec.date else None),
            year_inferred=inferred and date is not None,
            upvotes=rec.date.upvotes if rec.date else None,
            author_count=rec.author_count,
            organisation=rec.organisation,
        )

    def finish(self) -> Iterator[Paper | SkippedLine]:
        if self.state == "meta":
            yield from self.flush()
        elif self.state == "abstract" and self.title is not None:
            yield self.ctx.skip(
                self.title[0], "title without an abstract (the listing is cut off after a title)", self.title[1]
            )
            self.ctx.error(self.title[0], "listing cut off after a title")


# -- writing pages (tests, benchmark, fixtures) -----------------------------------------------


@dataclass(frozen=True)
class DailyRecord:
    """What a Daily Papers page shows for one paper."""

    title: str
    abstract: str
    author_count: int | None = None
    organisation: str | None = None
    date_text: str | None = None
    upvotes: int | None = None


def render_record(rec: DailyRecord, layout: Layout) -> list[str]:
    """The lines of one paper (blank lines included for the ``spaced`` layout)."""
    meta: list[str] = []
    if rec.author_count is not None:
        meta.append(f"  • {rec.author_count} authors")
    elif rec.organisation is not None:
        meta.append(rec.organisation)
    if rec.date_text is not None:
        if meta:
            meta.append("·")
        meta.append(rec.date_text + (f" {rec.upvotes}" if rec.upvotes is not None else ""))
    if layout == "compact":
        return [rec.title, rec.abstract, *meta]
    return [rec.title, "", rec.abstract, "", *meta, *([""] if meta else [])]


def render_page(records: Sequence[DailyRecord], layout: Layout = "spaced", page_date: str | None = None) -> str:
    """A page in ``layout`` holding ``records`` (the inverse of :class:`HfDailyLoader`)."""
    return "".join(iter_page(records, layout, page_date))


def iter_page(records: Iterable[DailyRecord], layout: Layout = "spaced", page_date: str | None = None) -> Iterator[str]:
    """:func:`render_page` as a stream of text pieces (for writing large files)."""
    if layout == "compact":
        yield "Get trending papers in your email inbox once a day!\nGet trending papers in your email inbox!\nSubscribe"
        for rec in records:
            yield "\n".join(render_record(rec, layout)) + "\n"
        return
    yield "new\n\nGet trending papers in your email inbox!\n\nSubscribe\n\nDaily Papers\n\n"
    yield "byAK and the research community\n\n"
    if page_date:
        yield page_date + "\n\n"
    for rec in records:
        yield "\n".join(render_record(rec, layout)) + "\n"
