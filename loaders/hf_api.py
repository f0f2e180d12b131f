"""Hugging Face ``/api/daily_papers`` JSON: a list of entries, each with a ``paper`` object.

The fields read (others are ignored)::

    [{"paper": {"id": "2403.03507",                 # arXiv id
                "title": "...", "summary": "...",
                "authors": [{"name": "..."}, ...],
                "publishedAt": "2024-03-06T18:56:29.000Z",
                "upvotes": 15,
                "githubRepo": "https://github.com/...",          # optional
                "projectPage": "https://...",                     # optional
                "organization": {"name": "...", "fullname": "..."}},  # optional
      "title": "...", "summary": "...", "publishedAt": "...", "numComments": 3, ...}, ...]

A bare list of ``paper`` objects (``/api/papers/search``) and a single entry object are accepted
too. The array is streamed element by element (bounded memory); each record's line is the line
where its entry starts. A damaged entry is skipped with its reason; a syntax error stops the file
there, keeping the entries before it.

>>> list(iter_json_array(io.StringIO('[{"a": 1},\\n {"b":\\n 2}]')))
[(1, 1, {'a': 1}), (2, 3, {'b': 2})]
"""

from __future__ import annotations

import datetime as dt
import io
import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any, TextIO

from kg.errors import InputError
from kg.ids import normalise_title
from kg.records import Paper, SkippedLine
from loaders.base import BaseLoader, LoadContext, make_paper, shorten

CHUNK = 1 << 16
MAX_ELEMENT_CHARS = 32 * 1024 * 1024
_WS = re.compile(r"[ \t\n\r]*")


class JsonStreamError(ValueError):
    def __init__(self, message: str, line: int) -> None:
        super().__init__(message)
        self.line = line


def iter_json_array(fp: TextIO, chunk: int = CHUNK) -> Iterator[tuple[int, int, Any]]:
    """``(first_line, last_line, value)`` for each element of the top-level JSON array in ``fp``, streamed.

    A top-level object is yielded whole as one element. Raises :class:`JsonStreamError` (with the
    line) on a syntax error or a truncated file.
    """
    decoder = json.JSONDecoder()
    buf = ""
    pos = 0
    line_base = 1  # line number at buf[0]
    eof = False

    def fill() -> bool:
        nonlocal buf, pos, line_base, eof
        if eof:
            return False
        data = fp.read(chunk)
        if not data:
            eof = True
            return False
        line_base += buf.count("\n", 0, pos)
        buf = buf[pos:] + data
        pos = 0
        return True

    def skip_ws() -> None:
        nonlocal pos
        while True:
            pos = _WS.match(buf, pos).end()  # type: ignore[union-attr]
            if pos < len(buf) or not fill():
                return

    def line_at(p: int) -> int:
        return line_base + buf.count("\n", 0, p)

    def decode() -> Any:
        nonlocal pos
        while True:
            try:
                value, end = decoder.raw_decode(buf, pos)
            except json.JSONDecodeError as exc:
                # an element cut by the chunk boundary: read more and retry
                if len(buf) - pos > MAX_ELEMENT_CHARS:
                    raise JsonStreamError("JSON value larger than 32 MiB", line_at(pos)) from exc
                if fill():
                    continue
                if not buf[exc.pos :].strip():
                    raise JsonStreamError("unexpected end of file inside an entry (file cut off?)", line_at(pos)) from exc
                raise JsonStreamError(f"invalid JSON: {exc.msg}", line_at(exc.pos)) from exc
            # a number at the very end of the buffer may continue in the next chunk
            if end == len(buf) and not eof and fill():
                continue
            pos = end
            return value

    fill()
    if buf.startswith("\ufeff"):
        pos = 1
    skip_ws()
    if pos >= len(buf):
        raise JsonStreamError("no JSON value", line_at(pos))
    if buf[pos] != "[":
        start = line_at(pos)
        value = decode()
        yield start, line_at(pos), value
        skip_ws()
        if pos < len(buf):
            raise JsonStreamError("extra data after the JSON value", line_at(pos))
        return
    pos += 1
    skip_ws()
    if pos < len(buf) and buf[pos] == "]":
        return
    while True:
        skip_ws()
        if pos >= len(buf):
            raise JsonStreamError("unexpected end of file inside the array (file cut off?)", line_at(pos))
        start = line_at(pos)
        value = decode()
        yield start, line_at(pos), value
        skip_ws()
        if pos >= len(buf):
            raise JsonStreamError("unexpected end of file inside the array (file cut off?)", line_at(pos))
        c = buf[pos]
        pos += 1
        if c == "]":
            skip_ws()
            if pos < len(buf):
                raise JsonStreamError("extra data after the JSON array", line_at(pos))
            return
        if c != ",":
            raise JsonStreamError(f"expected ',' or ']' between entries, found {c!r}", line_at(pos - 1))


def _text(value: Any) -> str | None:
    return value if isinstance(value, str) else None


def _iso_date(value: Any) -> dt.date | None:
    if not isinstance(value, str):
        return None
    try:
        return dt.date.fromisoformat(value[:10])
    except ValueError:
        return None


class HfApiLoader(BaseLoader):
    """JSON from the Hugging Face ``/api/daily_papers`` endpoint."""

    name = "hf-api"
    description = "Hugging Face /api/daily_papers JSON (list of entries with a 'paper' object)"
    suffixes = (".json",)

    def sniff(self, head: str) -> float:
        s = head.lstrip("\ufeff \t\r\n")
        if not s.startswith(("[", "{")):
            return 0.0
        if '"paper"' in s[:4096] or ('"summary"' in s and '"publishedAt"' in s):
            return 0.9
        return 0.3 if s.startswith("[") else 0.05

    def iter_records(self, path: Path, ctx: LoadContext) -> Iterator[Paper | SkippedLine]:
        try:
            raw = path.open("rb")
        except OSError as exc:
            raise InputError(f"cannot read: {exc.strerror or exc}", path=str(path)) from exc
        with raw:
            # newline="" keeps line ends as they are, so line numbers count real lines
            fp = io.TextIOWrapper(raw, encoding="utf-8", errors="strict", newline="")
            try:
                for line, last, entry in iter_json_array(fp):
                    record = self._entry(entry, ctx, line)
                    if isinstance(record, Paper):
                        ctx.consumed_lines += last - line + 1
                    yield record
            except JsonStreamError as exc:
                ctx.error(exc.line, f"{exc}; entries before it were kept")
            except UnicodeDecodeError as exc:
                ctx.error(None, f"not valid UTF-8 (byte 0x{exc.object[exc.start]:02x}); entries before it were kept")

    def _entry(self, entry: Any, ctx: LoadContext, line: int) -> Paper | SkippedLine:
        if not isinstance(entry, dict):
            return ctx.skip(line, f"entry is a JSON {type(entry).__name__}, not an object", str(entry))
        paper: dict[str, Any] = entry["paper"] if isinstance(entry.get("paper"), dict) else entry
        title = _text(paper.get("title")) or _text(entry.get("title"))
        # titles are single lines: the API keeps arXiv's hard line breaks, which are not part of it
        title = " ".join(title.split()) if title else title
        if title is None or not normalise_title(title):
            return ctx.skip(line, "entry without a usable 'title'", json.dumps(entry)[:200])
        summary = _text(paper.get("summary"))
        if summary is None:
            summary = _text(entry.get("summary")) or ""
        if not summary:
            ctx.warn(line, "entry without a 'summary'; loaded with an empty abstract")
        authors_raw = paper.get("authors")
        authors = tuple(
            a["name"].strip() for a in authors_raw if isinstance(a, dict) and isinstance(a.get("name"), str)
        ) if isinstance(authors_raw, list) else ()
        published = _text(paper.get("publishedAt")) or _text(entry.get("publishedAt"))
        date = _iso_date(published)
        if published and date is None:
            ctx.warn(line, f"'publishedAt' is not an ISO date: {shorten(published, 40)!r}")
        upvotes = paper.get("upvotes")
        org = paper.get("organization") or entry.get("organization")
        organisation = None
        if isinstance(org, dict):
            organisation = _text(org.get("fullname")) or _text(org.get("name"))
        urls = tuple(u for u in (_text(paper.get("githubRepo")), _text(paper.get("projectPage"))) if u)
        arxiv = _text(paper.get("id"))
        return make_paper(
            ctx,
            line,
            title,
            summary,
            arxiv_id=arxiv,
            date=date,
            date_text=published if date else None,
            upvotes=upvotes if isinstance(upvotes, int) and not isinstance(upvotes, bool) else None,
            authors=authors,
            organisation=organisation,
            extra_urls=urls,
        )


__all__ = ["HfApiLoader", "iter_json_array", "JsonStreamError"]
