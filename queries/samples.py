"""Parameter sets for every named query, chosen from the data in a graph.

Used by the contract tests and the benchmark on the seed graph, and by anything that wants to show
a user queries that have answers ("try: kg techniques --model llama-2-7b"). The choice is
deterministic: most-connected first, ties by id.

>>> from kg.graph import new_graph, add_node
>>> g = new_graph()
>>> add_node(g, "model/m-7b", "Model", {"name": "M-7B"}); add_node(g, "paper/1", "Paper", {"name": "P"})
>>> _ = g.add_edge("paper/1", "model/m-7b", key="EVALUATED_ON")
>>> sample_params(g)["techniques-for-model"]
[{'model': 'model/m-7b'}, {'model': 'M-7B'}]
"""

from __future__ import annotations

from collections import Counter
from itertools import combinations
from typing import Any

import networkx as nx

from queries._graph import inc, label, name, out


def _top(g: nx.MultiDiGraph, lbl: str, rels: tuple[str, ...], n: int = 1, *, outgoing: bool = False) -> list[str]:
    """Nodes of a label ranked by how many edges of the given types they have (then by id)."""
    scored = []
    for node, d in g.nodes(data=True):
        if d["label"] != lbl:
            continue
        edges = out(g, node, *rels) if outgoing else inc(g, node, *rels)
        k = sum(1 for _ in edges)
        if k:
            scored.append((-k, node))
    return [node for _, node in sorted(scored)[:n]]


def _co_studied(g: nx.MultiDiGraph) -> tuple[str, str] | None:
    pairs: Counter[tuple[str, str]] = Counter()
    for p, d in g.nodes(data=True):
        if d["label"] != "Paper":
            continue
        ts = sorted({t for t, _, _ in out(g, p, "STUDIES") if label(g, t) == "Technique"})
        pairs.update(combinations(ts, 2))
    if not pairs:
        return None
    return min(pairs.items(), key=lambda kv: (-kv[1], kv[0]))[0]


def sample_params(g: nx.MultiDiGraph) -> dict[str, list[dict[str, Any]]]:
    """A few parameter sets per query that have answers in ``g`` (empty lists when the graph lacks them)."""
    models = _top(g, "Model", ("EVALUATED_ON",), 2)
    families = _top(g, "ModelFamily", ("MEMBER_OF",), 1)
    techniques = _top(g, "Technique", ("STUDIES",), 3)
    parents = [t for t in _top(g, "Technique", ("SUBCLASS_OF",), 3) if t != "technique/ml-efficiency"][:2]
    methods = _top(g, "Method", ("EXTENDS", "COMPARED_WITH", "COMPOSES_WITH", "INSTANCE_OF", "EVALUATED_ON"), 2,
                   outgoing=True)
    hardware = _top(g, "Hardware", ("RUNS_ON",), 1)
    hwclasses = _top(g, "HardwareClass", ("TARGETS", "PORTS_TO"), 2)
    memory = _top(g, "MemoryComponent", ("REDUCES", "ADDRESSES"), 1)
    metrics = _top(g, "Metric", ("MEASURES",), 2)
    datasets = _top(g, "Dataset", ("ON_DATASET",), 1)
    papers = _top(g, "Paper", ("STUDIES", "PROPOSES", "EVALUATED_ON", "RUNS_ON"), 1, outgoing=True)
    archs = _top(g, "Architecture", ("USES_ARCHITECTURE",), 2)
    pair = _co_studied(g)
    root = "technique/ml-efficiency" if "technique/ml-efficiency" in g else (parents[0] if parents else None)

    s: dict[str, list[dict[str, Any]]] = {}
    s["techniques-for-model"] = [{"model": m} for m in models] + [{"model": f} for f in families]
    if models:
        s["techniques-for-model"].append({"model": name(g, models[0])})
    s["technique-evaluations"] = [{"technique": t} for t in techniques[:1] + parents[:1] + methods[:1]]
    if techniques:
        s["technique-evaluations"].append({"technique": techniques[0], "kind": "hardware"})
    s["papers-combining"] = [{"a": pair[0], "b": pair[1]}] if pair else []
    if len(parents) >= 2:
        s["papers-combining"].append({"a": parents[0], "b": parents[1]})
    s["taxonomy"] = ([{}] if root else []) + [{"concept": c, "instances": True} for c in parents[:1]]
    s["taxonomy"] += [{"concept": h, "instances": True} for h in _top(g, "HardwareClass", ("SUBCLASS_OF",), 1)]
    s["path"] = []
    if methods and hardware:
        s["path"].append({"a": methods[0], "b": hardware[0]})
    if models and techniques:
        s["path"].append({"a": models[0], "b": techniques[0]})
    if len(methods) >= 2:
        s["path"].append({"a": methods[0], "b": methods[1], "limit": 3})
    s["techniques-for-target"] = [{"target": x} for x in hwclasses + memory]
    s["best-results"] = [{"metric": m} for m in metrics]
    if metrics and datasets:
        s["best-results"].append({"metric": metrics[0], "on": datasets[0]})
    if techniques:
        s["best-results"].append({"technique": parents[0] if parents else techniques[0]})
    s["neighbourhood"] = [{"entity": x} for x in methods[:1] + techniques[:1] + models[:1]]
    s["similar-papers"] = [{"paper": p} for p in papers]
    s["gaps"] = ([{}, {"axis": "hardware-class"}] if root else []) + [{"against": a} for a in archs[:1]]
    s["timeline"] = ([{}] if root else []) + [{"technique": c} for c in parents[:1]]
    s["search"] = [{"text": name(g, x)} for x in models[:1] + methods[:1]]
    if techniques:
        s["search"].append({"text": name(g, techniques[0])[:4], "label": "technique"})
    s["entity"] = [{"entity": x} for x in methods[:1] + papers[:1]]
    return s
