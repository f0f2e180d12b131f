"""arXiv API Atom XML (``export.arxiv.org/api/query`` results).

Each ``<entry>`` gives: ``<id>`` (``http://arxiv.org/abs/2403.03507v2``), ``<title>``,
``<summary>``, ``<author><name>``, ``<published>``, ``<arxiv:primary_category term=...>`` and
``<category term=...>``, optionally ``<arxiv:comment>`` (often with the code URL). A title is one
line: the feed's hard line breaks inside it are collapsed to single spaces. A summary is kept as
given, without the whitespace the feed adds around it; its line wrapping is collapsed only in the
normalised text.

The file is parsed incrementally with expat (bounded memory); document type declarations are
refused, so entity expansion cannot be abused. A syntax error stops the file there and keeps the
entries before it.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from xml.parsers import expat

from kg.errors import InputError
from kg.ids import normalise_title
from kg.records import Paper, SkippedLine
from loaders.base import BaseLoader, LoadContext, make_paper, shorten
from loaders.normalise import find_urls

ATOM = "http://www.w3.org/2005/Atom"
ARXIV = "http://arxiv.org/schemas/atom"
CHUNK = 1 << 16
_SEP = "\x1f"  # expat namespace separator: never in a URI or a name
_ABS = re.compile(r"arxiv\.org/abs/(.+?)/?$")


class _DoctypeRefused(Exception):
    pass


class ArxivAtomLoader(BaseLoader):
    """Atom feeds returned by the arXiv API."""

    name = "arxiv-atom"
    description = "arXiv API Atom XML (export.arxiv.org/api/query)"
    suffixes = (".xml", ".atom")

    def sniff(self, head: str) -> float:
        s = head.lstrip("\ufeff \t\r\n")
        if not s.startswith("<"):
            return 0.0
        if ATOM in s[:4096] and "<feed" in s[:4096]:
            return 1.0 if "arxiv" in s[:8192].lower() else 0.7
        return 0.1

    def iter_records(self, path: Path, ctx: LoadContext) -> Iterator[Paper | SkippedLine]:
        parser = expat.ParserCreate(encoding=None, namespace_separator=_SEP)
        parser.buffer_text = True
        handler = _Handler(parser, ctx)
        parser.StartElementHandler = handler.start
        parser.EndElementHandler = handler.end
        parser.CharacterDataHandler = handler.chars

        def refuse(*_: Any) -> None:
            raise _DoctypeRefused

        parser.StartDoctypeDeclHandler = refuse
        parser.EntityDeclHandler = refuse
        try:
            fp = path.open("rb")
        except OSError as exc:
            raise InputError(f"cannot read: {exc.strerror or exc}", path=str(path)) from exc
        with fp:
            try:
                while True:
                    data = fp.read(CHUNK)
                    parser.Parse(data, not data)
                    yield from handler.drain()
                    if not data:
                        break
            except _DoctypeRefused:
                yield from handler.drain()
                ctx.error(parser.CurrentLineNumber, "XML document type declarations are not accepted")
            except expat.ExpatError as exc:
                yield from handler.drain()
                msg = expat.ErrorString(exc.code) if exc.code else str(exc)
                ctx.error(exc.lineno, f"XML error: {msg}; entries before it were kept")
        if not handler.saw_feed:
            ctx.error(None, "no Atom <feed> element")


class _Handler:
    def __init__(self, parser: expat.XMLParserType, ctx: LoadContext) -> None:
        self.parser = parser
        self.ctx = ctx
        self.out: list[Paper | SkippedLine] = []
        self.entry: dict[str, Any] | None = None
        self.stack: list[str] = []
        self.text: list[str] = []
        self.saw_feed = False

    def drain(self) -> Iterator[Paper | SkippedLine]:
        out, self.out = self.out, []
        yield from out

    def start(self, name: str, attrs: dict[str, str]) -> None:
        ns, _, local = name.rpartition(_SEP)
        self.stack.append(local)
        self.text = []
        if local == "feed" and ns == ATOM:
            self.saw_feed = True
        if local == "entry" and ns == ATOM:
            self.entry = {"line": self.parser.CurrentLineNumber, "authors": [], "categories": []}
        elif self.entry is not None:
            if local == "category" and attrs.get("term"):
                self.entry["categories"].append(attrs["term"])
            elif local == "primary_category" and attrs.get("term"):
                self.entry["primary"] = attrs["term"]

    def chars(self, data: str) -> None:
        if self.entry is not None:
            self.text.append(data)

    def end(self, name: str) -> None:
        ns, _, local = name.rpartition(_SEP)
        self.stack.pop()
        entry = self.entry
        if entry is None:
            return
        text = "".join(self.text)
        self.text = []
        if local == "entry" and ns == ATOM:
            entry["last"] = self.parser.CurrentLineNumber
            self.out.append(self._paper(entry))
            self.entry = None
        elif local == "name" and self.stack[-1:] == ["author"]:
            entry["authors"].append(" ".join(text.split()))
        elif local in ("id", "title", "summary", "published", "comment", "doi") and self.stack[-1:] == ["entry"]:
            entry[local] = text

    def _paper(self, e: dict[str, Any]) -> Paper | SkippedLine:
        ctx = self.ctx
        line = e["line"]
        # titles are single lines: the feed's hard line breaks are not part of them
        title = " ".join(e.get("title", "").split())
        if not normalise_title(title):
            return ctx.skip(line, "Atom entry without a usable <title>", e.get("id", ""))
        summary = e.get("summary", "").strip()
        arxiv = None
        m = _ABS.search(e.get("id", "").strip())
        if m:
            arxiv = m.group(1)
        elif e.get("id"):
            ctx.warn(line, f"<id> is not an arXiv abstract URL: {shorten(e['id'].strip(), 60)!r}")
        published = e.get("published", "").strip()
        date = None
        if published:
            try:
                date = dt.date.fromisoformat(published[:10])
            except ValueError:
                ctx.warn(line, f"<published> is not an ISO date: {shorten(published, 40)!r}")
        categories = tuple(dict.fromkeys([*([e["primary"]] if e.get("primary") else []), *e["categories"]]))
        comment_urls = find_urls(" ".join(e.get("comment", "").split()))
        ctx.consumed_lines += e["last"] - line + 1
        return make_paper(
            ctx,
            line,
            title,
            summary,
            arxiv_id=arxiv,
            date=date,
            date_text=published or None,
            authors=tuple(a for a in e["authors"] if a),
            categories=categories,
            extra_urls=comment_urls,
        )
