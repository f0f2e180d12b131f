"""Post-processing shared by both stores: raw rows in, canonical rows out.

Each named query fetches *raw* rows (from Cypher on Neo4j, from networkx on the embedded store)
and hands them to one Python function that dedupes, aggregates, ranks, sorts and limits. Keeping
that step in one place is what makes the two stores answer identically.

>>> pick_sentence(["paper/a", "paper/b"], ["one.", "two."], "paper/b")
'two.'
>>> dedupe([{"a": [1, 2]}, {"a": [1, 2]}, {"a": [2]}])
[{'a': [1, 2]}, {'a': [2]}]
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from typing import Any

Row = dict[str, Any]


def pick_sentence(papers: Sequence[str] | None, sentences: Sequence[str] | None, paper: str) -> str | None:
    """The sentence of ``paper`` in an edge's aligned evidence lists (None when it has none)."""
    if not papers or not sentences:
        return None
    for p, s in zip(papers, sentences):
        if p == paper:
            return s
    return None


def best_evidence(
    papers: Sequence[str] | None, sentences: Sequence[str] | None, confidences: Sequence[float] | None = None
) -> tuple[str, str]:
    """``(paper, sentence)`` of an edge's most confident support (ties: smallest paper id); ``("", "")``
    for an ontology edge, which carries no evidence."""
    if not papers or not sentences:
        return "", ""
    confs = list(confidences or [0.0] * len(papers))
    i = min(range(len(papers)), key=lambda j: (-confs[j], papers[j]))
    return papers[i], sentences[i]


def evidence(paper: str, relation: str, sentence: str | None) -> Row:
    """One evidence item as every query reports it."""
    return {"paper": paper, "relation": relation, "sentence": sentence or ""}


def sorted_evidence(items: Iterable[Row]) -> list[Row]:
    """Unique evidence items sorted by (paper, relation, sentence)."""
    uniq = {(e["paper"], e["relation"], e["sentence"]): e for e in items}
    return [uniq[k] for k in sorted(uniq)]


def _freeze(value: Any) -> str:
    return json.dumps(value, sort_keys=True, default=str)


def dedupe(rows: Iterable[Row]) -> list[Row]:
    """Drop repeated raw rows (Cypher may return a fact once per matching path), keeping first order."""
    seen: set[str] = set()
    out: list[Row] = []
    for r in rows:
        key = _freeze(r)
        if key not in seen:
            seen.add(key)
            out.append(r)
    return out


def uniq_sorted(values: Iterable[Any]) -> list[Any]:
    """Distinct non-null values, sorted (lists in answers are always sorted)."""
    return sorted({v for v in values if v is not None})


def year_key(year: Any) -> int:
    """Sort newest first; papers without a year go last."""
    return -int(year) if isinstance(year, (int, float)) else 1


def cap(rows: list[Row], limit: int | None, notes: list[str], what: str) -> list[Row]:
    """Keep the first ``limit`` rows (0 or None: all) and say so when rows were left out."""
    if limit and len(rows) > limit:
        notes.append(f"showing the first {limit} of {len(rows)} {what} (raise --param limit=N to see more)")
        return rows[:limit]
    return rows
