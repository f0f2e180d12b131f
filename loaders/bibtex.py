"""BibTeX files whose entries carry ``abstract`` fields.

Entries are split off the stream one at a time (bounded memory) and parsed with a small
recursive-descent reader: braced and quoted values, numbers, ``@string`` macros, month
abbreviations and ``#`` concatenation. Read per entry: ``title``, ``abstract``, ``author``,
``year``/``month``/``day`` or biblatex ``date``, the arXiv id (``eprint`` with
``archivePrefix = {arXiv}``, or an arXiv ``journal``/``url``/``doi``), ``primaryClass``.

Titles and abstracts are kept as the field values are written (outer delimiters and surrounding
whitespace removed; a title's line breaks collapsed, as titles are single lines); the normalised
text also drops protective braces and decodes LaTeX accents. Text outside entries is BibTeX's comment syntax; each such non-blank line is reported
as skipped. ``@comment``, ``@preamble`` and ``@string`` are consumed.

>>> entries = list(split_entries(["@article{k,", "  title = {{GaLore}: Low-Rank},", "}"]))
>>> entries
[(1, 3, '@article{k,\\n  title = {{GaLore}: Low-Rank},\\n}')]
>>> parse_entry(entries[0][2], {})
('article', 'k', {'title': '{GaLore}: Low-Rank'})
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from kg.ids import normalise_arxiv_id, normalise_title
from kg.records import Paper, SkippedLine
from loaders.base import BaseLoader, Line, LoadContext, iter_lines, make_paper, shorten
from loaders.dates import MONTHS
from loaders.normalise import decode_latex_accents

MAX_ENTRY_CHARS = 2 * 1024 * 1024
_START = re.compile(r"^\s*@\s*([A-Za-z]+)\s*([{(])")
_MONTH_NAMES = {m.lower(): i + 1 for i, m in enumerate(MONTHS)}
_MONTH_FULL = (
    "January February March April May June July August September October November December".split()
)
_ARXIV_IN = re.compile(r"(?:arxiv[:/ ]\s*|arxiv\.org/(?:abs|pdf)/|10\.48550/arxiv\.)(\d{4}\.\d{4,5}(?:v\d+)?|[a-z\-]+/\d{7})", re.I)
_AND = re.compile(r"\s+and\s+", re.I)


class BibtexError(ValueError):
    pass


@dataclass(frozen=True)
class _Entry:
    first: int
    last: int
    text: str


@dataclass(frozen=True)
class _Unclosed:
    lines: list[Line]


def split_entries(lines: Iterable[str]) -> Iterator[tuple[int, int, str]]:
    """``(first_line, last_line, text)`` of each ``@`` entry in plain text lines."""
    for item in _split(Line(i, t) for i, t in enumerate(lines, 1)):
        if isinstance(item, _Entry):
            yield item.first, item.last, item.text


def _split(lines: Iterable[Line]) -> Iterator[_Entry | _Unclosed | Line]:
    """Entries; lines outside entries as they are; an entry that never closes as its lines."""
    buf: list[Line] = []
    size = 0
    depth = 0
    closer = "}"
    for line in lines:
        if not buf:
            if line.text is None:
                yield line
                continue
            m = _START.match(line.text)
            if not m:
                yield line
                continue
            closer = "}" if m.group(2) == "{" else ")"
            depth = 0
            size = 0
        elif line.text is None:
            # an unreadable line inside an entry spoils the entry
            yield _Unclosed([*buf, line])
            buf = []
            continue
        buf.append(line)
        text = line.text or ""
        size += len(text)
        if len(buf) == 1:
            text = text[text.index("@") :]
        depth = _depth(text, depth, closer)
        if depth <= 0:
            yield _Entry(buf[0].number, line.number, "\n".join(b.text or "" for b in buf).lstrip())
            buf = []
        elif size > MAX_ENTRY_CHARS:
            yield _Unclosed(buf)
            buf = []
    if buf:
        yield _Unclosed(buf)


def _depth(text: str, depth: int, closer: str) -> int:
    """Nesting depth after ``text``; the entry's own delimiter counts as depth 1."""
    opener = "{" if closer == "}" else "("
    brace = 0 if opener == "(" else None
    prev = ""
    for ch in text:
        if prev == "\\":
            prev = ""
            continue
        if opener == "{":
            if ch == "{":
                depth += 1
            elif ch == "}":
                depth -= 1
                if depth == 0:
                    return 0
        else:
            assert brace is not None
            if ch == "{":
                brace += 1
            elif ch == "}":
                brace -= 1
            elif brace == 0 and ch == "(":
                depth += 1
            elif brace == 0 and ch == ")":
                depth -= 1
                if depth == 0:
                    return 0
        prev = ch
    return depth


class _Reader:
    def __init__(self, text: str, macros: dict[str, str]) -> None:
        self.s = text
        self.i = 0
        self.macros = macros

    def ws(self) -> None:
        while self.i < len(self.s) and self.s[self.i].isspace():
            self.i += 1

    def peek(self) -> str:
        self.ws()
        return self.s[self.i] if self.i < len(self.s) else ""

    def expect(self, ch: str) -> None:
        if self.peek() != ch:
            got = self.s[self.i : self.i + 10] or "end of entry"
            raise BibtexError(f"expected {ch!r}, found {got!r}")
        self.i += 1

    def name(self) -> str:
        self.ws()
        m = re.compile(r"[^\s=,{}()\"#]+").match(self.s, self.i)
        if not m:
            raise BibtexError(f"expected a name at {self.s[self.i : self.i + 10]!r}")
        self.i = m.end()
        return m.group(0)

    def braced(self, open_ch: str, close_ch: str) -> str:
        # at an opening delimiter: return the raw content up to the matching closer
        start = self.i + 1
        depth = 0
        j = self.i
        while j < len(self.s):
            ch = self.s[j]
            if ch == "\\":
                j += 2
                continue
            if ch == "{":
                depth += 1
            elif ch == "}":
                depth -= 1
            if ch == close_ch and (depth == 0 if close_ch == "}" else depth == 0 and j > self.i):
                self.i = j + 1
                return self.s[start:j]
            j += 1
        raise BibtexError("unbalanced braces in a value")

    def value(self) -> str:
        parts: list[str] = []
        while True:
            c = self.peek()
            if c == "{":
                parts.append(self.braced("{", "}"))
            elif c == '"':
                parts.append(self.braced('"', '"'))
            elif c and (c.isalnum() or c in "_-.:+"):
                word = self.name()
                if word.isdigit():
                    parts.append(word)
                elif word.lower() in self.macros:
                    parts.append(self.macros[word.lower()])
                elif word.lower() in _MONTH_NAMES:
                    parts.append(_MONTH_FULL[_MONTH_NAMES[word.lower()] - 1])
                else:
                    raise BibtexError(f"undefined macro {word!r}")
            else:
                raise BibtexError(f"expected a value, found {c or 'end of entry'!r}")
            if self.peek() != "#":
                return "".join(parts)
            self.i += 1


def parse_entry(text: str, macros: dict[str, str]) -> tuple[str, str, dict[str, str]]:
    """``(type, key, fields)`` of one entry; field names lower-cased; ``@string`` updates ``macros``."""
    r = _Reader(text, macros)
    r.expect("@")
    kind = r.name().lower()
    open_ch = r.peek()
    if open_ch not in "{(":
        raise BibtexError("expected '{' or '(' after the entry type")
    r.i += 1
    if kind in ("comment", "preamble"):
        return kind, "", {}
    fields: dict[str, str] = {}
    key = ""
    if kind != "string":
        save = r.i
        m = re.compile(r"\s*([^,\s{}()=]*)\s*,").match(text, r.i)
        if m:
            key, r.i = m.group(1), m.end()
        else:
            r.i = save
    closer = "}" if open_ch == "{" else ")"
    while True:
        c = r.peek()
        if c == closer or c == "":
            break
        name = r.name().lower()
        r.expect("=")
        fields[name] = r.value()
        if r.peek() == ",":
            r.i += 1
    if kind == "string":
        for k, v in fields.items():
            macros[k] = v
    return kind, key, fields


def _person(name: str) -> str:
    name = " ".join(decode_latex_accents(name).split())
    parts = [p.strip() for p in name.split(",")]
    if len(parts) == 2 and parts[1]:
        return f"{parts[1]} {parts[0]}"
    if len(parts) == 3 and parts[2]:  # von Last, Jr, First
        return f"{parts[2]} {parts[0]} {parts[1]}"
    return name


def split_authors(value: str) -> tuple[str, ...]:
    """Author names of a BibTeX ``author`` field, as "First Last".

    >>> split_authors("Zhao, Jiawei and M{\\\\\\"u}ller, Anna and others")
    ('Jiawei Zhao', 'Anna Müller')
    """
    out: list[str] = []
    depth = 0
    start = 0
    pieces: list[str] = []
    for m in re.finditer(r"[{}]|\s+and\s+", value, re.I):
        tok = m.group(0)
        if tok == "{":
            depth += 1
        elif tok == "}":
            depth -= 1
        elif depth == 0:
            pieces.append(value[start : m.start()])
            start = m.end()
    pieces.append(value[start:])
    for p in pieces:
        p = p.strip()
        if p and p.lower() != "others":
            out.append(_person(p))
    return tuple(out)


class BibtexLoader(BaseLoader):
    """BibTeX with ``abstract`` fields."""

    name = "bibtex"
    description = "BibTeX entries with abstract fields"
    suffixes = (".bib", ".bibtex")
    bibtex_markup = True

    def sniff(self, head: str) -> float:
        for line in head.splitlines()[:200]:
            if _START.match(line):
                return 0.9
            if line.strip() and line.lstrip()[:1] in "[{<":
                return 0.0
        return 0.0

    def iter_records(self, path: Path, ctx: LoadContext) -> Iterator[Paper | SkippedLine]:
        macros: dict[str, str] = {}
        for item in _split(iter_lines(path)):
            if isinstance(item, Line):
                if item.text is None:
                    yield ctx.skip(item.number, item.problem)
                elif item.text.strip():
                    yield ctx.skip(item.number, "text outside any BibTeX entry (a comment)", item.text)
            elif isinstance(item, _Unclosed):
                ctx.error(item.lines[0].number, "BibTeX entry not closed (file cut off or unbalanced braces)")
                for ln in item.lines:
                    if ln.text is None:
                        yield ctx.skip(ln.number, ln.problem)
                    elif ln.text.strip():
                        yield ctx.skip(ln.number, "inside a BibTeX entry that is never closed", ln.text)
            else:
                yield from self._entry(ctx, item.first, item.last, item.text, macros)

    def _entry(
        self, ctx: LoadContext, first: int, last: int, text: str, macros: dict[str, str]
    ) -> Iterator[Paper | SkippedLine]:
        nonblank = sum(1 for ln in text.split("\n") if ln.strip())
        try:
            kind, key, f = parse_entry(text, macros)
        except BibtexError as exc:
            ctx.warn(first, f"BibTeX entry skipped: {exc}")
            yield ctx.skip(first, f"unparsable BibTeX entry ({exc}); its {last - first + 1} lines were not used", text)
            return
        ctx.consumed_lines += nonblank
        if kind in ("comment", "preamble", "string"):
            return
        title = " ".join(f.get("title", "").split())  # a title is one line, even when the field wraps
        if not normalise_title(decode_latex_accents(title)):
            ctx.consumed_lines -= nonblank
            yield ctx.skip(first, f"BibTeX entry {key!r} without a usable title", text)
            return
        abstract = f.get("abstract", "").strip()
        when = _date_of(f, ctx, first)
        if not abstract:
            ctx.warn(first, f"BibTeX entry {key!r} has no abstract; loaded with an empty abstract")
        yield make_paper(
            ctx,
            first,
            title,
            abstract,
            arxiv_id=_arxiv_of(f),
            date=when.date,
            date_text=when.text,
            year=when.year,
            authors=split_authors(f["author"]) if "author" in f else (),
            categories=tuple(c for c in [f.get("primaryclass", "").strip()] if c),
            extra_urls=tuple(u.strip() for k in ("code", "github") if (u := f.get(k))),
            bibtex=True,
        )


def _arxiv_of(f: dict[str, str]) -> str | None:
    eprint = f.get("eprint", "").strip()
    if eprint and (f.get("archiveprefix", "").lower() == "arxiv" or normalise_arxiv_id(eprint)):
        return eprint
    for k in ("journal", "url", "doi", "note", "howpublished"):
        m = _ARXIV_IN.search(f.get(k, ""))
        if m:
            return m.group(1)
    return None


@dataclass(frozen=True)
class _Date:
    date: dt.date | None = None
    text: str | None = None
    year: int | None = None


def _date_of(f: dict[str, str], ctx: LoadContext, line: int) -> _Date:
    if f.get("date"):
        raw = f["date"].strip()
        try:
            d = dt.date.fromisoformat(raw[:10])
            return _Date(d, raw, d.year)
        except ValueError:
            m = re.match(r"(\d{4})", raw)
            return _Date(None, raw, int(m.group(1)) if m else None)
    year_s = f.get("year", "").strip()
    if not year_s:
        return _Date()
    if not year_s.isdigit():
        ctx.warn(line, f"year {shorten(year_s, 20)!r} is not a number")
        return _Date(None, year_s)
    year = int(year_s)
    month_s = f.get("month", "").strip()
    month = None
    if month_s.isdigit():
        month = int(month_s)
    elif month_s[:3].lower() in _MONTH_NAMES:
        month = _MONTH_NAMES[month_s[:3].lower()]
    day_s = f.get("day", "").strip()
    text = " ".join(x for x in (day_s, month_s, year_s) if x)
    if month and day_s.isdigit():
        try:
            return _Date(dt.date(year, month, int(day_s)), text, year)
        except ValueError:
            ctx.warn(line, f"{text!r} is not a calendar date")
    return _Date(None, text, year)
