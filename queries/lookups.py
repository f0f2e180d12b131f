"""Relationship lookups: techniques of a model, evaluations of a technique, combinations, targets,
best results.

Each query here has a ``graph`` function (raw rows from networkx), a ``.cypher`` file returning
the same raw rows from Neo4j, and a ``finish`` function shared by both. "A paper reaches a
technique class" always means: it ``STUDIES`` the class or a subclass, or it ``PROPOSES`` a Method
that is an ``INSTANCE_OF`` one (roll-ups follow ``SUBCLASS_OF``; families roll up ``MEMBER_OF``).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from typing import Any

import networkx as nx

from kg.errors import ParameterError
from queries._graph import closure, evidence_lists, inc, label, name, out, paper_technique_facts
from queries._shape import Row, evidence, pick_sentence, sorted_evidence, year_key
from queries.model import ParamSpec, QuerySpec
from queries.registry import Context, Params, define

TECHNIQUE_LIKE = ("Technique", "Method")


def _members(g: nx.MultiDiGraph, x: str) -> tuple[set[str], set[str]]:
    """``(technique classes, methods)`` that stand for ``x``: a Technique with its subclasses and their
    instances, or a Method by itself."""
    if label(g, x) == "Method":
        return set(), {x}
    classes = {c for c in closure(g, x) if label(g, c) == "Technique"}
    methods = {m for c in classes for m, _, _ in inc(g, c, "INSTANCE_OF") if label(g, m) == "Method"}
    return classes, methods


def _papers_reaching(g: nx.MultiDiGraph, x: str) -> Iterator[Row]:
    """Raw facts: how each paper reaches ``x`` (member, route, evidence lists)."""
    classes, methods = _members(g, x)
    for c in classes:
        for p, _, d in inc(g, c, "STUDIES"):
            if label(g, p) == "Paper":
                ps, ss = evidence_lists(d)
                yield {"paper": p, "title": name(g, p), "year": g._node[p].get("year"), "member": c,
                       "member_name": name(g, c), "via": "STUDIES", "ev_papers": ps, "ev_sentences": ss}
    for m in methods:
        for p, _, d in inc(g, m, "PROPOSES"):
            if label(g, p) == "Paper":
                ps, ss = evidence_lists(d)
                yield {"paper": p, "title": name(g, p), "year": g._node[p].get("year"), "member": m,
                       "member_name": name(g, m), "via": "PROPOSES", "ev_papers": ps, "ev_sentences": ss}


# -- 1. techniques-for-model -------------------------------------------------------------------


def models_of(g: nx.MultiDiGraph, target: str) -> set[str]:
    """The models a model name stands for: a family's members; a version-level model (no size, like
    ``model/llama-2``) with the sized models of its family and version; any other model itself.

    >>> from kg.graph import new_graph, add_node
    >>> g = new_graph()
    >>> add_node(g, "family/llama", "ModelFamily", {"name": "LLaMA"})
    >>> add_node(g, "model/llama-2", "Model", {"name": "Llama 2", "version": "2"})
    >>> add_node(g, "model/llama-2-7b", "Model", {"name": "Llama-2-7B", "version": "2", "size": "7B"})
    >>> for m in ("model/llama-2", "model/llama-2-7b"):
    ...     _ = g.add_edge(m, "family/llama", key="MEMBER_OF")
    >>> sorted(models_of(g, "model/llama-2")), sorted(models_of(g, "model/llama-2-7b"))
    (['model/llama-2', 'model/llama-2-7b'], ['model/llama-2-7b'])
    """
    d = g._node[target]
    if d["label"] == "ModelFamily":
        return {m for m, _, _ in inc(g, target, "MEMBER_OF") if label(g, m) == "Model"}
    if d["label"] != "Model":
        return set()
    models = {target}
    version = d.get("version")
    if d.get("size") is None and version is not None:
        for f, _, _ in out(g, target, "MEMBER_OF"):
            models |= {m for m, _, _ in inc(g, f, "MEMBER_OF")
                       if label(g, m) == "Model" and g._node[m].get("version") == version
                       and g._node[m].get("size") is not None}
    return models


def _tfm_graph(g: nx.MultiDiGraph, p: Params) -> list[Row]:
    rows = []
    for m in models_of(g, p["model"]):
        for paper, _, e in inc(g, m, "EVALUATED_ON"):
            if label(g, paper) != "Paper":
                continue
            mp, ms = evidence_lists(e)
            for f in paper_technique_facts(g, paper):
                rows.append({"paper": paper, "model": m, "model_name": name(g, m), "model_papers": mp,
                             "model_sentences": ms, **f})
    return rows


def _tfm_finish(raw: list[Row], ctx: Context) -> list[Row]:
    acc: dict[str, dict[str, Any]] = {}
    # Aggregation into sets is idempotent: rows repeated by Cypher paths change nothing.
    for r in raw:
        t = acc.setdefault(r["technique"], {"name": r["technique_name"], "papers": set(), "models": set(),
                                            "methods": set(), "ev": []})
        t["papers"].add(r["paper"])
        t["models"].add(r["model"])
        if r["method_name"]:
            t["methods"].add(r["method_name"])
        t["ev"].append(evidence(r["paper"], "EVALUATED_ON", pick_sentence(r["model_papers"], r["model_sentences"], r["paper"])))
        t["ev"].append(evidence(r["paper"], r["via"], pick_sentence(r["ev_papers"], r["ev_sentences"], r["paper"])))
    rows = [
        {"technique": tid, "name": v["name"], "papers": len(v["papers"]), "models": sorted(v["models"]),
         "methods": sorted(v["methods"]), "paper_ids": sorted(v["papers"]), "evidence": sorted_evidence(v["ev"])}
        for tid, v in acc.items()
    ]
    rows.sort(key=lambda r: (-r["papers"], r["technique"]))
    return rows


define(
    QuerySpec(
        name="techniques-for-model",
        title="Which techniques were applied to a model (or a model family)?",
        description=(
            "Techniques studied by papers evaluated on the model, or implemented by methods those papers propose. "
            "A model family rolls up all its member models; a model named without a size (llama-2) rolls up the "
            "sized models of its family and version."
        ),
        params=(
            ParamSpec(name="model", type="entity", labels=("ModelFamily", "Model"), required=True,
                      help="a model (llama-2-7b) or a family (llama, mistral, mamba)", example="llama-2-7b"),
        ),
        columns=("technique", "name", "papers", "models", "methods", "paper_ids", "evidence"),
        table_columns=("name", "papers", "methods", "models", "evidence"),
        examples=({"model": "llama-2-7b"}, {"model": "llama"}, {"model": "mamba"}),
    ),
    graph=_tfm_graph,
    finish=_tfm_finish,
    empty="no paper evaluated on {model} studies an efficiency technique",
)


# -- 2. technique-evaluations -------------------------------------------------------------------

_EVAL_KIND = {"Model": "model", "Dataset": "dataset", "Hardware": "hardware", "HardwareClass": "hardware-class"}
_KIND_ORDER = {"model": 0, "dataset": 1, "hardware": 2, "hardware-class": 3}
_EVAL_RELS = ("EVALUATED_ON", "RUNS_ON", "TARGETS", "PORTS_TO")


def _te_graph(g: nx.MultiDiGraph, p: Params) -> list[Row]:
    x = p["technique"]
    classes, methods = _members(g, x)
    subjects = {f["paper"] for f in _papers_reaching(g, x)} | methods
    rows = []
    for s in subjects:
        for o, rel, d in out(g, s, *_EVAL_RELS):
            ps, ss = evidence_lists(d)
            rows.append({"subject": s, "subject_label": label(g, s), "rel": rel, "target": o,
                         "target_label": label(g, o), "target_name": name(g, o), "ev_papers": ps, "ev_sentences": ss})
    return rows


def _te_finish(raw: list[Row], ctx: Context) -> list[Row]:
    kind_filter = ctx.params.get("kind") or "all"
    acc: dict[tuple[str, str], dict[str, Any]] = {}
    for r in raw:
        kind = _EVAL_KIND.get(r["target_label"])
        if kind is None or (kind_filter != "all" and kind != kind_filter):
            continue
        a = acc.setdefault((kind, r["target"]), {"name": r["target_name"], "papers": set(), "ev": []})
        if r["subject_label"] == "Paper":
            a["papers"].add(r["subject"])
            a["ev"].append(evidence(r["subject"], r["rel"], pick_sentence(r["ev_papers"], r["ev_sentences"], r["subject"])))
        else:
            for ep, es in zip(r["ev_papers"] or [], r["ev_sentences"] or []):
                a["papers"].add(ep)
                a["ev"].append(evidence(ep, r["rel"], es))
    rows = [
        {"kind": k, "id": i, "name": v["name"], "papers": len(v["papers"]), "paper_ids": sorted(v["papers"]),
         "evidence": sorted_evidence(v["ev"])}
        for (k, i), v in acc.items()
    ]
    rows.sort(key=lambda r: (_KIND_ORDER[r["kind"]], -r["papers"], r["id"]))
    return rows


define(
    QuerySpec(
        name="technique-evaluations",
        title="Which models, datasets and hardware was a technique (class) or method evaluated on?",
        description=(
            "Models and datasets (EVALUATED_ON), hardware (RUNS_ON) and hardware classes (TARGETS, PORTS_TO) of the "
            "papers that reach the technique, rolling up its subclasses and their methods."
        ),
        params=(
            ParamSpec(name="technique", type="entity", labels=TECHNIQUE_LIKE, required=True,
                      help="a technique class (kv-cache-compression) or a method (galore)", example="kv-cache-eviction"),
            ParamSpec(name="kind", type="choice", choices=("all", "model", "dataset", "hardware", "hardware-class"),
                      default="all", help="only this kind of target"),
        ),
        columns=("kind", "id", "name", "papers", "paper_ids", "evidence"),
        table_columns=("kind", "name", "papers", "evidence"),
        examples=({"technique": "kv-cache-compression"}, {"technique": "quantization", "kind": "hardware"}, {"technique": "galore"}),
    ),
    graph=_te_graph,
    finish=_te_finish,
    empty="no evaluations recorded for {technique}",
)


# -- 3. papers-combining --------------------------------------------------------------------------


def _pc_graph(g: nx.MultiDiGraph, p: Params) -> list[Row]:
    rows = []
    for side in ("a", "b"):
        for f in _papers_reaching(g, p[side]):
            rows.append({"side": side, **f})
    return rows


def _pc_finish(raw: list[Row], ctx: Context) -> list[Row]:
    by_paper: dict[str, dict[str, Any]] = {}
    for r in raw:
        a = by_paper.setdefault(r["paper"], {"title": r["title"], "year": r["year"], "a": set(), "b": set(), "ev": []})
        a[r["side"]].add(r["member_name"])
        a["ev"].append(evidence(r["paper"], r["via"], pick_sentence(r["ev_papers"], r["ev_sentences"], r["paper"])))
    rows = [
        {"paper": pid, "title": v["title"], "year": v["year"], "a": sorted(v["a"]), "b": sorted(v["b"]),
         "evidence": sorted_evidence(v["ev"])}
        for pid, v in by_paper.items()
        if v["a"] and v["b"]
    ]
    rows.sort(key=lambda r: (year_key(r["year"]), r["paper"]))
    return rows


def _pc_check(p: Params) -> None:
    if p["a"] == p["b"]:
        raise ParameterError("papers-combining needs two different techniques or methods")


define(
    QuerySpec(
        name="papers-combining",
        title="Which papers combine two techniques (classes or methods)?",
        description=(
            "Papers that reach both a and b: they study the class (or a subclass) or propose a method that is an "
            "instance of it. Columns a and b say through which class or method."
        ),
        params=(
            ParamSpec(name="a", type="entity", labels=TECHNIQUE_LIKE, required=True, help="first technique or method",
                      example="quantization"),
            ParamSpec(name="b", type="entity", labels=TECHNIQUE_LIKE, required=True, help="second technique or method",
                      example="lora"),
        ),
        columns=("paper", "title", "year", "a", "b", "evidence"),
        table_columns=("paper", "year", "title", "a", "b"),
        examples=({"a": "quantization", "b": "lora"}, {"a": "pruning", "b": "quantization"}, {"a": "kv-cache-compression", "b": "sparse-attention"}),
    ),
    graph=_pc_graph,
    finish=_pc_finish,
    empty="no paper combines {a} and {b}",
    check=_pc_check,
)


# -- 6. techniques-for-target ------------------------------------------------------------------

_TARGET_RELS = ("PORTS_TO", "TARGETS", "RUNS_ON", "REDUCES", "ADDRESSES")


def _tft_graph(g: nx.MultiDiGraph, p: Params) -> list[Row]:
    x = p["target"]
    classes = closure(g, x)  # a hardware class with its subclasses; anything else is just itself
    anchors = set(classes)
    for c in classes:
        anchors.update(h for h, _, _ in inc(g, c, "INSTANCE_OF") if label(g, h) == "Hardware")
    rows = []
    for y in anchors:
        for s, rel, d in inc(g, y, *_TARGET_RELS):
            slabel = label(g, s)
            facts: list[Row] = []
            if slabel == "Technique":
                facts = [{"technique": s, "technique_name": name(g, s), "method": None, "method_name": None}]
            elif slabel == "Method":
                facts = [{"technique": t, "technique_name": name(g, t), "method": s, "method_name": name(g, s)}
                         for t, _, _ in out(g, s, "INSTANCE_OF") if label(g, t) == "Technique"]
            elif slabel == "Paper":
                facts = [{k: f[k] for k in ("technique", "technique_name", "method", "method_name")}
                         for f in paper_technique_facts(g, s)]
            ps, ss = evidence_lists(d)
            for f in facts:
                rows.append({"subject": s, "subject_label": slabel, "rel": rel, "anchor": y, **f,
                             "ev_papers": ps, "ev_sentences": ss})
    return rows


def _tft_finish(raw: list[Row], ctx: Context) -> list[Row]:
    measured = ctx.params.get("measured", True)
    acc: dict[str, dict[str, Any]] = {}
    for r in raw:
        if r["rel"] == "RUNS_ON" and not measured:
            continue
        a = acc.setdefault(r["technique"], {"name": r["technique_name"], "papers": set(), "methods": set(),
                                            "via": set(), "ev": []})
        a["via"].add(r["rel"])
        if r["method_name"]:
            a["methods"].add(r["method_name"])
        if r["subject_label"] == "Paper":
            a["papers"].add(r["subject"])
            a["ev"].append(evidence(r["subject"], r["rel"], pick_sentence(r["ev_papers"], r["ev_sentences"], r["subject"])))
        else:
            for ep, es in zip(r["ev_papers"] or [], r["ev_sentences"] or []):
                a["papers"].add(ep)
                a["ev"].append(evidence(ep, r["rel"], es))
    rows = [
        {"technique": t, "name": v["name"], "papers": len(v["papers"]), "methods": sorted(v["methods"]),
         "via": sorted(v["via"]), "paper_ids": sorted(v["papers"]), "evidence": sorted_evidence(v["ev"])}
        for t, v in acc.items()
    ]
    rows.sort(key=lambda r: (-r["papers"], r["technique"]))
    return rows


define(
    QuerySpec(
        name="techniques-for-target",
        title="Which techniques target a hardware class, or reduce a memory component or bottleneck?",
        description=(
            "For a hardware class (mcu, fpga, phone, ...; subclasses and their devices included): methods that PORT_TO "
            "it, papers that TARGET it, and (unless measured=false) papers that RAN on such hardware. For a memory "
            "component (kv-cache, optimizer-states, activations, ...) or a bottleneck: methods and techniques that "
            "REDUCE or ADDRESS it. Each technique is reported with the methods and papers behind it."
        ),
        params=(
            ParamSpec(name="target", type="entity",
                      labels=("HardwareClass", "MemoryComponent", "Bottleneck", "Hardware"), required=True,
                      help="a hardware class, memory component, bottleneck or device", example="mcu"),
            ParamSpec(name="measured", type="bool", default=True,
                      help="also count papers that only ran (RUNS_ON) on such hardware"),
        ),
        columns=("technique", "name", "papers", "methods", "via", "paper_ids", "evidence"),
        table_columns=("name", "papers", "methods", "via", "evidence"),
        examples=({"target": "kv-cache"}, {"target": "mcu"}, {"target": "fpga", "measured": "false"}, {"target": "optimizer-states"}),
    ),
    graph=_tft_graph,
    finish=_tft_finish,
    empty="no technique recorded as targeting or reducing {target}",
)


# -- 7. best-results ------------------------------------------------------------------------------

HIGHER_IS_BETTER = frozenset(
    {"metric/accuracy", "metric/f1", "metric/bleu", "metric/score", "metric/speed", "metric/throughput",
     "metric/compression-ratio", "metric/win-rate", "metric/context-length"}
)
"""docs/conventions.md: metrics where higher is better; every other metric is lower-is-better."""

_RESULT_PROPS = ("value", "value_max", "unit", "unit_raw", "kind", "direction", "qualifier", "baseline",
                 "baseline_precision", "conditions", "sentence", "paper", "value_text", "partial")
_RESULT_LINKS = (("metric", "MEASURES"), ("subject", "RESULT_OF"), ("model", "ON_MODEL"), ("dataset", "ON_DATASET"),
                 ("hardware", "ON_HARDWARE"), ("versus", "VERSUS"))


def _br_graph(g: nx.MultiDiGraph, p: Params) -> list[Row]:
    metric, on, tech = p.get("metric"), p.get("on"), p.get("technique")
    subjects: set[str] | None = None
    if tech is not None:
        classes, methods = _members(g, tech)
        subjects = classes | methods
    ons: set[str] | None = None
    if on is not None:
        on_classes = {c for c in closure(g, on) if label(g, c) == "HardwareClass"}
        ons = {on} | models_of(g, on) | on_classes
        ons |= {h for c in on_classes for h, _, _ in inc(g, c, "INSTANCE_OF") if label(g, h) == "Hardware"}
    if metric is not None:
        candidates = [r for r, _, _ in inc(g, metric, "MEASURES")]
    elif ons is not None:
        candidates = [r for o in ons for r, _, _ in inc(g, o, "ON_MODEL", "ON_DATASET", "ON_HARDWARE")]
    else:
        candidates = [r for s in (subjects or ()) for r, _, _ in inc(g, s, "RESULT_OF")]
    rows = []
    for r in set(candidates):
        if label(g, r) != "Result":
            continue
        links = {k: [t for t, _, _ in out(g, r, rel)] for k, rel in _RESULT_LINKS}
        if metric is not None and metric not in links["metric"]:
            continue
        if subjects is not None and not subjects.intersection(links["subject"]):
            continue
        if ons is not None and not ons.intersection(links["model"] + links["dataset"] + links["hardware"]):
            continue
        # properties(r) on Neo4j includes the id, which the in-memory graph keeps as the node key.
        row: Row = {"result": r, "props": {"id": r, **{k: v for k, v in g.nodes[r].items() if k != "label"}}}
        for k, _ in _RESULT_LINKS:
            row[k] = [{"id": t, "name": name(g, t)} for t in links[k]]
        row["metric"] = [{**m, "better": g.nodes[m["id"]].get("direction")} for m in row["metric"]]
        rows.append(row)
    return rows


def _nm(link: Row | None) -> str | None:
    return link["name"] if link else None


def _goodness(r: Row) -> float:
    """A score where larger is better, comparable within one (metric, kind, unit) group."""
    value = float(r["value"])
    # The ontology states each metric's better direction; the convention list covers a graph without it.
    better = r["metric"].get("better")
    higher = better == "higher" if better in ("higher", "lower") else r["metric"]["id"] in HIGHER_IS_BETTER
    if r["kind"] == "relative":
        if r["direction"] is None:
            return value
        improves = (r["direction"] == "increase") == higher
        return value if improves else -value
    return value if higher else -value


def _br_finish(raw: list[Row], ctx: Context) -> list[Row]:
    limit = ctx.params.get("limit") or 0
    groups: dict[tuple[str, str, str], list[Row]] = defaultdict(list)
    skipped = 0
    for r in {r["result"]: r for r in raw}.values():
        # A result links each role to at most one node; take the smallest id should a store hold more.
        r = {**{k: r["props"].get(k) for k in _RESULT_PROPS}, "result": r["result"],
             **{k: min(r[k], key=lambda x: x["id"]) if r[k] else None for k, _ in _RESULT_LINKS}}
        if r["value"] is None or r["metric"] is None:
            skipped += 1
            continue
        groups[(r["metric"]["id"], r["kind"] or "", r["unit"] or "")].append(r)
    if skipped:
        ctx.notes.append(f"{skipped} matching result(s) state no number or metric and are not ranked")
    rows: list[Row] = []
    cut = 0
    for (metric, kind, unit) in sorted(groups, key=lambda k: (k[0], k[1] != "absolute", k[1], k[2])):
        ranked = sorted(groups[(metric, kind, unit)], key=lambda r: (-_goodness(r), r["result"]))
        if limit and len(ranked) > limit:
            cut += len(ranked) - limit
            ranked = ranked[:limit]
        for i, r in enumerate(ranked, 1):
            rows.append({
                "metric": metric, "kind": kind or None, "unit": unit or None, "rank": i,
                "value": r["value"], "value_text": r["value_text"] or None, "direction": r["direction"],
                "qualifier": r["qualifier"], "subject": _nm(r["subject"]), "model": _nm(r["model"]),
                "dataset": _nm(r["dataset"]), "hardware": _nm(r["hardware"]),
                "baseline": _nm(r["versus"]) or r["baseline_precision"] or r["baseline"],
                "conditions": sorted(r["conditions"] or []), "paper": r["paper"], "result": r["result"],
                "sentence": r["sentence"],
            })
    if cut:
        ctx.notes.append(f"{cut} lower-ranked result(s) left out (top {limit} per metric, kind and unit; limit=0 shows all)")
    return rows


def _br_check(p: Params) -> None:
    if p.get("metric") is None and p.get("on") is None and p.get("technique") is None:
        raise ParameterError("best-results needs at least one of metric, on or technique (e.g. metric=accuracy on=mmlu)")


define(
    QuerySpec(
        name="best-results",
        title="What are the best reported results for a metric on a model or benchmark?",
        description=(
            "Results (n-ary facts from abstracts) filtered by metric, by model / family / dataset / hardware, and by "
            "technique or method, ranked best first within each (metric, kind, unit) group: higher or lower is better "
            "per the metric, and relative claims rank by the size of the improvement. Baselines and conditions are "
            "shown with the sentence."
        ),
        params=(
            ParamSpec(name="metric", type="entity", labels=("Metric",), help="metric (accuracy, memory, speed, ...)",
                      example="accuracy"),
            ParamSpec(name="on", type="entity", labels=("Dataset", "Model", "ModelFamily", "Hardware", "HardwareClass"),
                      help="model, family, dataset/benchmark or hardware the result is on"),
            ParamSpec(name="technique", type="entity", labels=TECHNIQUE_LIKE, help="only results of this technique or method"),
            ParamSpec(name="limit", type="int", default=10, minimum=0, help="rows per (metric, kind, unit) group; 0 = all"),
        ),
        columns=("metric", "kind", "unit", "rank", "value", "value_text", "direction", "qualifier", "subject", "model",
                 "dataset", "hardware", "baseline", "conditions", "paper", "result", "sentence"),
        table_columns=("metric", "rank", "value_text", "unit", "subject", "model", "dataset", "baseline", "paper"),
        examples=({"metric": "memory"}, {"metric": "accuracy", "on": "imagenet"}, {"metric": "speed", "technique": "speculative-decoding"}),
    ),
    graph=_br_graph,
    finish=_br_finish,
    empty="no results match these filters",
    check=_br_check,
)

