"""Entity search by name, alias, acronym or id: the scoring of :mod:`queries.resolution`, as a named query."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

import networkx as nx

from queries._shape import Row
from queries.model import ParamSpec, QuerySpec
from queries.registry import Context, Params, define
from queries.resolution import LABEL_PRIORITY, Entry, candidates, entry_from_row, entry_row, normalise_labels, store_rows

if TYPE_CHECKING:
    from kg.store.base import GraphStore

LABEL_CHOICES = (
    "technique", "method", "model", "model-family", "hardware", "hardware-class", "dataset", "metric",
    "memory-component", "bottleneck", "architecture", "topic", "paper",
)


def _labels(params: Params) -> tuple[str, ...]:
    return normalise_labels(params["label"]) if params.get("label") else LABEL_PRIORITY


def _search_graph(g: nx.MultiDiGraph, params: Params) -> list[Row]:
    wanted = set(_labels(params))
    return [entry_row(n, d["label"], d) for n, d in g.nodes(data=True) if d["label"] in wanted]


def _search_fetch(store: GraphStore, params: Params) -> list[Row]:
    """Entity rows first; paper rows only when no entity matches literally (see ``candidates``)."""
    fetched: list[Row] = []

    def fetch(labels: Sequence[str]) -> list[Entry]:
        rows = store_rows(store, labels)
        fetched.extend(rows)
        return sorted(entry_from_row(r) for r in rows)

    candidates(params["text"], _labels(params), fetch)
    return fetched


def _search_finish(raw: list[Row], ctx: Context) -> list[Row]:
    labels = _labels(ctx.params)
    by_label: dict[str, list[Entry]] = {}
    for r in raw:
        by_label.setdefault(r["label"], []).append(entry_from_row(r))

    def fetch(labs: Sequence[str]) -> list[Entry]:
        return sorted(e for lbl in labs for e in by_label.get(lbl, ()))

    found = candidates(ctx.params["text"], labels, fetch)
    limit = ctx.params.get("limit") or 0
    if limit and len(found) > limit:
        ctx.notes.append(f"showing {limit} of {len(found)} matches (limit=0 shows all)")
        found = found[:limit]
    return [{"id": c.id, "label": c.label, "name": c.name, "match": c.match, "matched": c.matched, "score": c.score}
            for c in found]


define(
    QuerySpec(
        name="search",
        title="Which entities does a name, alias, acronym or id refer to?",
        description=(
            "Entities whose id, name, alias or acronym match the text (case, spaces and hyphens ignored), best first: "
            "exact id or name, alias, prefix, substring, paper-title substring, then close spellings."
        ),
        params=(
            ParamSpec(name="text", type="str", required=True, help="what to look for", example="llama 2"),
            ParamSpec(name="label", type="choice", choices=LABEL_CHOICES, help="only entities of this kind"),
            ParamSpec(name="limit", type="int", default=10, minimum=0, help="matches shown; 0 = all"),
        ),
        columns=("id", "label", "name", "match", "matched", "score"),
        table_columns=("id", "label", "name", "match"),
        examples=({"text": "llama"}, {"text": "GQA"}, {"text": "kv cache", "label": "technique"}, {"text": "a100"}),
    ),
    graph=_search_graph,
    finish=_search_finish,
    empty="nothing matches {text!r}",
    fetch=_search_fetch,
)
