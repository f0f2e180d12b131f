"""The records of the query layer: parameter specs, query specs, results, resolved names.

All are frozen pydantic records (``kg.records.Record``), so a query's description can be shown
by the CLI, the web explorer and ``kg query --list`` from one definition.

>>> p = ParamSpec(name="limit", type="int", help="rows to return", default=10, minimum=1)
>>> p.describe()
'limit (int, default 10): rows to return'
>>> QuerySpec(name="demo-query", title="Demo", description="d", params=(p,), columns=("a",)).cypher_file
'demo_query.cypher'
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any, Literal

from pydantic import Field, field_validator

from kg.errors import UnknownNameError
from kg.records import Record

QUERY_DIR = Path(__file__).resolve().parent
"""Where the ``.cypher`` files of the named queries live (shipped as package data)."""

ParamType = Literal["entity", "str", "int", "float", "bool", "choice"]

_KEBAB = re.compile(r"^[a-z][a-z0-9]*(-[a-z0-9]+)*$")
_SNAKE = re.compile(r"^[a-z][a-z0-9]*(_[a-z0-9]+)*$")


class ParamSpec(Record):
    """One typed parameter of a named query."""

    name: str = Field(description="snake_case; the CLI also accepts the kebab-case spelling")
    type: ParamType
    help: str
    required: bool = False
    default: str | int | float | bool | None = None
    labels: tuple[str, ...] = Field(
        default=(), description="entity parameters: the node labels accepted, in order of preference"
    )
    choices: tuple[str, ...] = ()
    minimum: int | float | None = None
    maximum: int | float | None = None
    example: str = ""

    @field_validator("name")
    @classmethod
    def _snake(cls, v: str) -> str:
        if not _SNAKE.match(v):
            raise ValueError(f"parameter names are snake_case, not {v!r}")
        return v

    def expects(self) -> str:
        """What a valid value looks like, in words (used in error messages)."""
        if self.type == "entity":
            kinds = " or ".join(_LABEL_WORDS.get(lbl, lbl) for lbl in self.labels) if self.labels else "entity"
            return f"{'an' if kinds[0] in 'aeiou' else 'a'} {kinds} name, alias or id"
        if self.type == "choice":
            return "one of " + ", ".join(self.choices)
        if self.type in ("int", "float"):
            word = "an integer" if self.type == "int" else "a number"
            if self.minimum is not None and self.maximum is not None:
                return f"{word} from {self.minimum} to {self.maximum}"
            if self.minimum is not None:
                return f"{word} >= {self.minimum}"
            return word
        if self.type == "bool":
            return "true or false"
        return "text"

    def describe(self) -> str:
        """One line: name, type, default or 'required', help."""
        kind = self.type if self.type != "entity" else "/".join(self.labels) or "entity"
        if self.type == "choice":
            kind = "|".join(self.choices)
        tail = "required" if self.required else (f"default {self.default}" if self.default is not None else "optional")
        return f"{self.name} ({kind}, {tail}): {self.help}"


_LABEL_WORDS = {
    "Model": "model",
    "ModelFamily": "model family",
    "Technique": "technique",
    "Method": "method",
    "Hardware": "hardware",
    "HardwareClass": "hardware class",
    "Dataset": "dataset or benchmark",
    "Metric": "metric",
    "MemoryComponent": "memory component",
    "Bottleneck": "bottleneck",
    "Architecture": "architecture",
    "Topic": "topic",
    "Paper": "paper",
    "Result": "result",
}


def label_words(labels: tuple[str, ...] | list[str]) -> str:
    """``('Model', 'ModelFamily')`` -> ``'model or model family'``.

    >>> label_words(("Model", "ModelFamily"))
    'model or model family'
    """
    return " or ".join(_LABEL_WORDS.get(lbl, lbl) for lbl in labels) if labels else "entity"


class QuerySpec(Record):
    """A named query: what it answers, its parameters and the columns of its rows."""

    name: str = Field(description="kebab-case; the Cypher file is its snake_case form")
    title: str = Field(description="the question, short")
    description: str
    params: tuple[ParamSpec, ...] = ()
    columns: tuple[str, ...]
    table_columns: tuple[str, ...] = Field(
        default=(), description="the columns a terminal table shows (default: all); JSON and CSV keep every column"
    )
    examples: tuple[dict[str, str], ...] = Field(default=(), description="example parameter sets")

    @field_validator("name")
    @classmethod
    def _kebab(cls, v: str) -> str:
        if not _KEBAB.match(v):
            raise ValueError(f"query names are kebab-case, not {v!r}")
        return v

    @property
    def cypher_file(self) -> str:
        return self.name.replace("-", "_") + ".cypher"

    def cypher(self) -> str:
        """The Cypher text run on Neo4j (values travel only as ``$params``)."""
        return (QUERY_DIR / self.cypher_file).read_text(encoding="utf-8")

    def param(self, name: str) -> ParamSpec:
        for p in self.params:
            if p.name == name:
                return p
        raise KeyError(name)

    def usage(self) -> str:
        """``kg query NAME --param a=... --param b=...`` with the required parameters."""
        parts = [f"kg query {self.name}"]
        for p in self.params:
            if p.required:
                parts.append(f"--param {p.name}={p.example or '...'}")
        return " ".join(parts)


class Candidate(Record):
    """A node that a piece of text may name, with how well and why it matched."""

    id: str
    label: str
    name: str
    score: int = Field(description="higher is better: 100 id, 95 name, 90 alias, 70 prefix, 50 substring, <40 fuzzy")
    match: str = Field(description="id, name, alias, prefix, substring, title or fuzzy")
    matched: str = Field(default="", description="the name or alias that matched")


class Resolution(Record):
    """What ``queries.resolve`` made of a text: the entity, or candidates when unsure."""

    text: str
    labels: tuple[str, ...] = ()
    entity: Candidate | None = None
    candidates: tuple[Candidate, ...] = ()
    note: str = ""

    @property
    def ok(self) -> bool:
        return self.entity is not None


class QueryResult(Record):
    """The answer to a named query: rows in canonical order, identical from every store."""

    query: str
    params: dict[str, Any] = Field(default_factory=dict, description="the parameters after resolution")
    columns: tuple[str, ...]
    rows: tuple[dict[str, Any], ...] = ()
    notes: tuple[str, ...] = Field(default=(), description="messages for people: resolutions, empty answers, caps")
    store: str = Field(default="", description="'embedded' or 'neo4j'")

    @property
    def empty(self) -> bool:
        return not self.rows

    def __len__(self) -> int:
        return len(self.rows)


class AmbiguousNameError(UnknownNameError):
    """A name matches several entities equally well; ``candidates`` lists them (as ``id (name)``)."""

    def __init__(self, name: str, *, kind: str = "name", candidates: tuple[str, ...] = ()) -> None:
        super().__init__(name, kind=kind, candidates=candidates)
        self.args = (
            f"{kind} {name!r} is ambiguous; say which: {', '.join(candidates)}",
        )

    def __str__(self) -> str:
        return str(self.args[0])
