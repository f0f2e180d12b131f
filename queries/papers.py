"""Papers like a paper: shared techniques, models, datasets and hardware, rarer ones weighing more."""

from __future__ import annotations

import math
from collections import defaultdict

import networkx as nx

from queries._graph import inc, label, name, out
from queries._shape import Row
from queries.model import ParamSpec, QuerySpec, label_words
from queries.registry import Context, Params, define

WEIGHTS = {"Technique": 3.0, "Model": 2.0, "Dataset": 1.0, "Hardware": 1.0, "HardwareClass": 1.0}
"""How much sharing one feature of each kind counts, before dividing by log2(1 + papers having it)."""
_FEATURE_RELS = ("STUDIES", "EVALUATED_ON", "RUNS_ON", "TARGETS")


def _features(g: nx.MultiDiGraph, p: str) -> set[str]:
    feats = {t for t, _, _ in out(g, p, "STUDIES") if label(g, t) == "Technique"}
    feats |= {t for m, _, _ in out(g, p, "PROPOSES") if label(g, m) == "Method"
              for t, _, _ in out(g, m, "INSTANCE_OF") if label(g, t) == "Technique"}
    feats |= {x for x, _, _ in out(g, p, "EVALUATED_ON", "RUNS_ON", "TARGETS")}
    return feats


def _sp_graph(g: nx.MultiDiGraph, params: Params) -> list[Row]:
    rows = []
    for f in _features(g, params["paper"]):
        qs = [q for q, _, _ in inc(g, f, *_FEATURE_RELS) if label(g, q) == "Paper"]
        qs += [q for m, _, _ in inc(g, f, "INSTANCE_OF") if label(g, m) == "Method"
               for q, _, _ in inc(g, m, "PROPOSES") if label(g, q) == "Paper"]
        rows.append({"feature": f, "label": label(g, f), "name": name(g, f),
                     "papers": [{"id": q, "title": name(g, q), "year": g._node[q].get("year")} for q in qs]})
    return rows


def _sp_finish(raw: list[Row], ctx: Context) -> list[Row]:
    me = ctx.params["paper"]
    score: dict[str, float] = defaultdict(float)
    reasons: dict[str, list[tuple[float, str, str]]] = defaultdict(list)
    info: dict[str, Row] = {}
    # Features in id order so that float sums are the same whichever store returned them.
    for r in sorted({r["feature"]: r for r in raw}.values(), key=lambda r: r["feature"]):
        papers = {q["id"]: q for q in r["papers"]}
        weight = WEIGHTS.get(r["label"], 1.0) / math.log2(1 + len(papers))
        for qid, q in papers.items():
            if qid == me:
                continue
            info[qid] = q
            score[qid] += weight
            reasons[qid].append((weight, r["label"], r["name"]))
    rows = []
    for qid, s in score.items():
        why = sorted(reasons[qid], key=lambda x: (-x[0], x[1], x[2]))
        rows.append({"paper": qid, "title": info[qid]["title"], "year": info[qid]["year"], "score": round(s, 3),
                     "shared": len(why), "reasons": [f"{label_words((lbl,))}: {nm}" for _, lbl, nm in why]})
    rows.sort(key=lambda r: (-r["score"], r["paper"]))
    limit = ctx.params.get("limit") or 0
    return rows[:limit] if limit else rows


define(
    QuerySpec(
        name="similar-papers",
        title="Which papers are like this one?",
        description=(
            "Papers sharing techniques (studied, or classes of proposed methods), models, datasets, hardware and "
            "hardware classes with the paper. Each shared feature adds weight / log2(1 + papers having it) "
            "(technique 3, model 2, others 1), so rare shared features count most; reasons list them."
        ),
        params=(
            ParamSpec(name="paper", type="entity", labels=("Paper",), required=True,
                      help="a paper: arXiv id, paper id or the start of its title", example="GaLore: Memory-Efficient"),
            ParamSpec(name="limit", type="int", default=10, minimum=0, help="papers shown; 0 = all"),
        ),
        columns=("paper", "title", "year", "score", "shared", "reasons"),
        table_columns=("paper", "title", "score", "reasons"),
        examples=({"paper": "GaLore: Memory-Efficient"},),
    ),
    graph=_sp_graph,
    finish=_sp_finish,
    empty="no paper shares a technique, model, dataset or hardware with {paper}",
)
