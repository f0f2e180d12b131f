"""Walking the graph from one entity: its properties, its neighbourhood, paths to another entity."""

from __future__ import annotations

import itertools
from collections import defaultdict
from collections.abc import Iterator
from typing import Any

import networkx as nx

from kg.errors import ParameterError
from queries._graph import inc, label, name, out
from queries._shape import Row, best_evidence
from queries.model import ParamSpec, QuerySpec
from queries.registry import Context, Params, define

MAX_HOPS = 6
"""Longest path searched (the Cypher pattern's fixed upper bound; ``max_hops`` filters below it)."""

# -- 13. entity ------------------------------------------------------------------------------

HIDDEN_PROPS = frozenset({"text", "offset_map"})
"""Internal properties that ``entity`` does not show (the normalised text and its offset anchors)."""
FIRST_PROPS = ("name", "title", "aliases", "acronym", "definition", "description", "year", "date", "arxiv_id")


def _entity_graph(g: nx.MultiDiGraph, p: Params) -> list[Row]:
    n = p["entity"]
    d = g.nodes[n]
    return [{"id": n, "label": d["label"], "props": {"id": n, **{k: v for k, v in d.items() if k != "label"}}}]


def _entity_finish(raw: list[Row], ctx: Context) -> list[Row]:
    rows: list[Row] = []
    for r in raw[:1]:
        props = {k: v for k, v in r["props"].items() if k not in HIDDEN_PROPS and k != "id"}
        rows.append({"property": "id", "value": r["id"]})
        rows.append({"property": "label", "value": r["label"]})
        order = {k: i for i, k in enumerate(FIRST_PROPS)}
        for k in sorted(props, key=lambda k: (order.get(k, len(order)), k)):
            rows.append({"property": k, "value": props[k]})
    return rows


define(
    QuerySpec(
        name="entity",
        title="What does the graph hold about one entity?",
        description="The node's id, label and properties (the abstract of a paper included; internal offsets left out).",
        params=(
            ParamSpec(name="entity", type="entity", required=True, help="any name, alias, acronym or id",
                      example="galore"),
        ),
        columns=("property", "value"),
        table_columns=("property", "value"),
        examples=({"entity": "galore"}, {"entity": "llama-2-7b"}, {"entity": "kv-cache-quantization"}),
    ),
    graph=_entity_graph,
    finish=_entity_finish,
)


# -- 8. neighbourhood ------------------------------------------------------------------------

_RELATION_WORDS: dict[tuple[str, str], str] = {
    ("EXTENDS", "out"): "extends",
    ("EXTENDS", "in"): "extended by",
    ("COMPARED_WITH", "out"): "compared with",
    ("COMPARED_WITH", "in"): "baseline of",
    ("COMPOSES_WITH", "out"): "composes with",
    ("COMPOSES_WITH", "in"): "composes with",
    ("HAS_COMPONENT", "out"): "has component",
    ("HAS_COMPONENT", "in"): "component of",
    ("INSTANCE_OF", "out"): "instance of",
    ("INSTANCE_OF", "in"): "instances",
    ("SUBCLASS_OF", "out"): "subclass of",
    ("SUBCLASS_OF", "in"): "subclasses",
    ("PROPOSES", "in"): "proposed by",
    ("PROPOSES", "out"): "proposes",
    ("STUDIES", "out"): "studies",
    ("STUDIES", "in"): "studied by",
    ("REDUCES", "out"): "reduces",
    ("REDUCES", "in"): "reduced by",
    ("ADDRESSES", "out"): "addresses",
    ("ADDRESSES", "in"): "addressed by",
    ("PORTS_TO", "out"): "ported to",
    ("PORTS_TO", "in"): "ported here",
    ("EVALUATED_ON", "out"): "evaluated on",
    ("EVALUATED_ON", "in"): "evaluated by",
    ("RUNS_ON", "out"): "runs on",
    ("RUNS_ON", "in"): "used by",
    ("TARGETS", "out"): "targets",
    ("TARGETS", "in"): "targeted by",
    ("MEMBER_OF", "out"): "member of",
    ("MEMBER_OF", "in"): "members",
    ("DERIVED_FROM", "out"): "derived from",
    ("DERIVED_FROM", "in"): "derivatives",
    ("USES_ARCHITECTURE", "out"): "architecture",
    ("USES_ARCHITECTURE", "in"): "used by",
    ("TRAINED_ON", "out"): "trained on",
    ("TRAINED_ON", "in"): "trained",
    ("INTRODUCES", "out"): "introduces",
    ("INTRODUCES", "in"): "introduced by",
    ("REPORTS", "out"): "reports",
    ("REPORTS", "in"): "reported by",
    ("RESULT_OF", "out"): "result of",
    ("RESULT_OF", "in"): "results",
    ("ON_MODEL", "out"): "on model",
    ("ON_MODEL", "in"): "results",
    ("ON_DATASET", "out"): "on dataset",
    ("ON_DATASET", "in"): "results",
    ("ON_HARDWARE", "out"): "on hardware",
    ("ON_HARDWARE", "in"): "results",
    ("MEASURES", "out"): "measures",
    ("MEASURES", "in"): "results",
    ("VERSUS", "out"): "versus",
    ("VERSUS", "in"): "baseline in results",
}
_RELATION_ORDER = {w: i for i, w in enumerate(dict.fromkeys(_RELATION_WORDS.values()))}


def relation_words(rel: str, direction: str) -> str:
    """How a neighbourhood row names an edge seen from the entity.

    >>> relation_words("COMPARED_WITH", "in")
    'baseline of'
    """
    return _RELATION_WORDS.get((rel, direction), rel.lower().replace("_", " ") + (" (incoming)" if direction == "in" else ""))


def _nb_graph(g: nx.MultiDiGraph, p: Params) -> list[Row]:
    x = p["entity"]
    rows = []
    for direction, edges in (("out", out(g, x)), ("in", inc(g, x))):
        for o, rel, d in edges:
            rows.append({"dir": direction, "rel": rel, "other": o, "other_name": name(g, o), "other_label": label(g, o),
                         "ev_papers": d.get("papers"), "ev_sentences": d.get("sentences"),
                         "ev_confidences": d.get("confidences")})
    return rows


def _nb_finish(raw: list[Row], ctx: Context) -> list[Row]:
    limit = ctx.params.get("limit") or 0
    groups: dict[str, list[Row]] = defaultdict(list)
    for r in {(r["dir"], r["rel"], r["other"]): r for r in raw}.values():
        words = relation_words(r["rel"], r["dir"])
        paper, sentence = best_evidence(r["ev_papers"], r["ev_sentences"], r["ev_confidences"])
        groups[words].append({"relation": words, "type": r["rel"], "other": r["other"], "other_name": r["other_name"],
                              "other_label": r["other_label"], "papers": len(r["ev_papers"] or []),
                              "paper": paper or None, "sentence": sentence or None})
    rows: list[Row] = []
    for words in sorted(groups, key=lambda w: (_RELATION_ORDER.get(w, len(_RELATION_ORDER)), w)):
        items = sorted(groups[words], key=lambda r: (-r["papers"], r["other"], r["type"]))
        if limit and len(items) > limit:
            ctx.notes.append(f"{words}: showing {limit} of {len(items)} (limit=0 shows all)")
            items = items[:limit]
        rows.extend(items)
    return rows


define(
    QuerySpec(
        name="neighbourhood",
        title="What is a method (or any entity) connected to?",
        description=(
            "Every edge of the entity, named from its side: what it extends and what extends it, what it was compared "
            "with and what used it as a baseline, what it composes with, its components, classes and proposing "
            "papers; each with its support and best evidence sentence."
        ),
        params=(
            ParamSpec(name="entity", type="entity", required=True, help="a method, technique, model, ... (any entity)",
                      example="galore"),
            ParamSpec(name="limit", type="int", default=25, minimum=0, help="rows per relation; 0 = all"),
        ),
        columns=("relation", "type", "other", "other_name", "other_label", "papers", "paper", "sentence"),
        table_columns=("relation", "other_name", "papers", "sentence"),
        examples=({"entity": "galore"}, {"entity": "flashattention"}, {"entity": "kv-cache-quantization", "limit": "5"}),
    ),
    graph=_nb_graph,
    finish=_nb_finish,
    empty="{entity} has no relationships",
)


# -- 5. path ---------------------------------------------------------------------------------


def _neighbours(g: nx.MultiDiGraph, n: str) -> set[str]:
    return (set(g._succ[n]) | set(g._pred[n])) - {n}


def _bfs(g: nx.MultiDiGraph, start: str, limit: int, stop: str | None = None) -> dict[str, int]:
    dist = {start: 0}
    frontier = [start]
    for d in range(1, limit + 1):
        nxt = []
        for n in frontier:
            for m in _neighbours(g, n):
                if m not in dist:
                    dist[m] = d
                    nxt.append(m)
        if stop is not None and stop in dist:
            break
        frontier = nxt
        if not frontier:
            break
    return dist


def _hop_options(g: nx.MultiDiGraph, u: str, v: str) -> list[tuple[str, str, dict[str, Any]]]:
    """Edges joining u and v, as ``(type, start node, data)``, in either direction."""
    opts = [(k, u, d) for k, d in g._succ[u].get(v, {}).items()]
    opts += [(k, v, d) for k, d in g._succ[v].get(u, {}).items()]
    return opts


def path_order(ids: list[str], types: list[str], starts: list[str], ev_papers: list[Any]) -> tuple[Any, ...]:
    """Paths whose hops all carry evidence first (fewest ontology hops), then by node ids, types and
    start nodes: the order both stores sort by before the limit."""
    return (sum(1 for p in ev_papers if p is None), ids, types, starts)


def shortest_paths(g: nx.MultiDiGraph, a: str, b: str, max_hops: int) -> Iterator[Row]:
    """Every undirected shortest path from ``a`` to ``b`` of at most ``max_hops`` edges, edge by edge
    (parallel edges give distinct paths, as in Cypher's allShortestPaths)."""
    da = _bfs(g, a, max_hops, stop=b)
    if b not in da:
        return
    total = da[b]
    db = _bfs(g, b, total)
    on_path = {n for n, d in da.items() if d + db.get(n, total + 1) == total}

    def walk(prefix: list[str]) -> Iterator[list[str]]:
        cur = prefix[-1]
        if cur == b:
            yield list(prefix)
            return
        step = da[cur] + 1
        for m in sorted(x for x in _neighbours(g, cur) if x in on_path and da[x] == step):
            prefix.append(m)
            yield from walk(prefix)
            prefix.pop()

    for nodes in walk([a]):
        hops = [_hop_options(g, u, v) for u, v in itertools.pairwise(nodes)]
        for combo in itertools.product(*hops):
            yield {
                "ids": nodes,
                "names": [name(g, n) for n in nodes],
                "labels": [label(g, n) for n in nodes],
                "types": [h[0] for h in combo],
                "starts": [h[1] for h in combo],
                "ev_papers": [h[2].get("papers") for h in combo],
                "ev_sentences": [h[2].get("sentences") for h in combo],
                "ev_confidences": [h[2].get("confidences") for h in combo],
            }


def _path_graph(g: nx.MultiDiGraph, p: Params) -> list[Row]:
    paths = sorted(shortest_paths(g, p["a"], p["b"], p["max_hops"]),
                   key=lambda r: path_order(r["ids"], r["types"], r["starts"], r["ev_papers"]))
    return paths[: p["limit"]]


def _path_finish(raw: list[Row], ctx: Context) -> list[Row]:
    unique = {(tuple(r["ids"]), tuple(r["types"]), tuple(r["starts"])): r for r in raw}
    paths = sorted(unique.values(), key=lambda r: path_order(r["ids"], r["types"], r["starts"], r["ev_papers"]))
    paths = paths[: ctx.params["limit"]]
    rows: list[Row] = []
    for i, r in enumerate(paths, 1):
        for h in range(len(r["types"])):
            src, dst = r["ids"][h], r["ids"][h + 1]
            forward = r["starts"][h] == src
            paper, sentence = best_evidence(r["ev_papers"][h], r["ev_sentences"][h], r["ev_confidences"][h])
            rows.append({
                "path": i, "hop": h + 1, "from": src, "from_name": r["names"][h],
                "rel": f"-[{r['types'][h]}]->" if forward else f"<-[{r['types'][h]}]-",
                "to": dst, "to_name": r["names"][h + 1], "paper": paper or None,
                "sentence": sentence or ("(ontology)" if not paper else None),
            })
    return rows


def _path_check(p: Params) -> None:
    if p["a"] == p["b"]:
        raise ParameterError("path needs two different entities")


define(
    QuerySpec(
        name="path",
        title="How does entity A relate to entity B?",
        description=(
            "The shortest typed paths between two entities (edges in either direction), each hop with the paper and "
            "sentence that support it (ontology hops say so). Paths whose every hop has evidence come first, then "
            "by the ids along them."
        ),
        params=(
            ParamSpec(name="a", type="entity", required=True, help="where the path starts", example="galore"),
            ParamSpec(name="b", type="entity", required=True, help="where it ends", example="a100"),
            ParamSpec(name="max_hops", type="int", default=4, minimum=1, maximum=MAX_HOPS, help="longest path searched"),
            ParamSpec(name="limit", type="int", default=5, minimum=1, maximum=100, help="paths shown"),
        ),
        columns=("path", "hop", "from", "from_name", "rel", "to", "to_name", "paper", "sentence"),
        table_columns=("path", "hop", "from_name", "rel", "to_name", "paper", "sentence"),
        examples=({"a": "galore", "b": "a100"}, {"a": "flashattention", "b": "h100"}, {"a": "llama-2-7b", "b": "kv-cache-compression", "max_hops": "3"}),
    ),
    graph=_path_graph,
    finish=_path_finish,
    empty="no path of at most {max_hops} hops between {a} and {b}",
    check=_path_check,
)
