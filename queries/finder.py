"""Entity search by name, alias, acronym or id: the scoring of :mod:`queries.resolution`, as a named query."""

from __future__ import annotations

import networkx as nx

from queries._shape import Row
from queries.model import ParamSpec, QuerySpec
from queries.registry import Context, Params, define
from queries.resolution import ALIAS_PROPS, LABEL_PRIORITY, entry_from_props, normalise_labels, row_props, score

LABEL_CHOICES = (
    "technique", "method", "model", "model-family", "hardware", "hardware-class", "dataset", "metric",
    "memory-component", "bottleneck", "architecture", "topic", "paper",
)


def _labels(params: Params) -> tuple[str, ...]:
    return normalise_labels(params["label"]) if params.get("label") else LABEL_PRIORITY


def _search_graph(g: nx.MultiDiGraph, params: Params) -> list[Row]:
    wanted = set(_labels(params))
    return [
        {"id": n, "label": d["label"], "name": d.get("name", n), "alt": [d.get(k) for k in ALIAS_PROPS]}
        for n, d in g.nodes(data=True)
        if d["label"] in wanted
    ]


def _search_finish(raw: list[Row], ctx: Context) -> list[Row]:
    labels = _labels(ctx.params)
    entries = sorted(entry_from_props(r["id"], r["label"], row_props(r)) for r in raw)
    found = score(entries, ctx.params["text"], labels)
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
)
