"""Questions about the taxonomy as a whole: the tree with paper counts, gaps, timelines.

All three fetch the same raw shape for a concept's subtree: one row per class with its parents and
the papers attached to it directly (a Technique: papers that STUDY it or PROPOSE an instance of it;
a HardwareClass: papers that TARGET it or RAN on one of its devices; a Topic: papers that STUDY it).
Roll-ups, depths and counts are computed by the shared ``finish`` step.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from typing import Any

import networkx as nx

from kg.errors import ParameterError
from queries._graph import closure, inc, label, name, out
from queries._shape import Row
from queries.model import ParamSpec, QuerySpec
from queries.registry import Context, Params, define

ROOT = "technique/ml-efficiency"
CONCEPT_LABELS = ("Technique", "HardwareClass", "Topic")


def _pmap(g: nx.MultiDiGraph, papers: Iterable[str]) -> list[Row]:
    return [{"id": p, "year": g._node[p].get("year")} for p in papers if label(g, p) == "Paper"]


def _direct_papers(g: nx.MultiDiGraph, c: str) -> list[Row]:
    ps = [p for p, _, _ in inc(g, c, "STUDIES")]
    ps += [p for me, _, _ in inc(g, c, "INSTANCE_OF") if label(g, me) == "Method" for p, _, _ in inc(g, me, "PROPOSES")]
    ps += [p for p, _, _ in inc(g, c, "TARGETS")]
    ps += [p for h, _, _ in inc(g, c, "INSTANCE_OF") if label(g, h) == "Hardware" for p, _, _ in inc(g, h, "RUNS_ON")]
    return _pmap(g, ps)


def class_rows(g: nx.MultiDiGraph, root: str, *, instances: bool = False, side: str | None = None) -> list[Row]:
    """Raw rows of ``root``'s subtree (the embedded twin of the class part of taxonomy.cypher)."""
    extra = {"side": side} if side else {}
    rows = []
    sub = closure(g, root)
    for c in sub:
        rows.append({**extra, "kind": "class", "id": c, "name": name(g, c), "label": label(g, c),
                     "parents": [q for q, _, _ in out(g, c, "SUBCLASS_OF")], "papers": _direct_papers(g, c)})
    if instances:
        for c in sub:
            for i, _, _ in inc(g, c, "INSTANCE_OF"):
                if label(g, i) in ("Method", "Hardware"):
                    ps = [p for p, _, _ in inc(g, i, "PROPOSES", "RUNS_ON")]
                    rows.append({**extra, "kind": "instance", "id": i, "name": name(g, i), "label": label(g, i),
                                 "parents": [c], "papers": _pmap(g, ps)})
    return rows


class Tree:
    """A concept's subtree rebuilt from raw class rows: depths, placement, roll-up paper sets."""

    def __init__(self, rows: Iterable[Row], root: str) -> None:
        self.root = root
        self.info: dict[str, dict[str, Any]] = {}
        for r in rows:
            n = self.info.setdefault(r["id"], {"name": r["name"], "label": r["label"], "kind": r["kind"],
                                               "parents": set(), "papers": {}})
            n["parents"].update(r["parents"] or [])
            for p in r["papers"] or []:
                n["papers"][p["id"]] = p["year"]
        for n in self.info.values():
            n["parents"] = {q for q in n["parents"] if q in self.info}
        self.children: dict[str, set[str]] = defaultdict(set)
        for nid, n in self.info.items():
            for q in n["parents"]:
                self.children[q].add(nid)
        self.depth: dict[str, int] = {}
        if root in self.info:
            frontier, d = [root], 0
            while frontier:
                nxt: list[str] = []
                for nid in frontier:
                    if nid not in self.depth:
                        self.depth[nid] = d
                        nxt.extend(self.children[nid])
                frontier, d = nxt, d + 1
        self._total: dict[str, dict[str, Any]] = {}

    def order_key(self, nid: str) -> tuple[bool, str, str]:
        n = self.info[nid]
        return (n["kind"] != "class", n["name"].lower(), nid)

    def total(self, nid: str) -> dict[str, Any]:
        """Papers (id -> year) of ``nid`` and everything below it."""
        if nid not in self._total:
            acc = dict(self.info[nid]["papers"])
            self._total[nid] = acc  # set first: a cycle in bad data must not recurse forever
            for ch in self.children[nid]:
                acc.update(self.total(ch))
        return self._total[nid]

    def preorder(self) -> list[str]:
        """Each node once, under its shallowest parent (ties by name then id), children by name."""
        placed: dict[str, list[str]] = defaultdict(list)
        for nid in self.depth:
            if nid == self.root:
                continue
            parents = [q for q in self.info[nid]["parents"] if q in self.depth]
            best = min(parents, key=lambda q: (self.depth[q], self.info[q]["name"].lower(), q))
            placed[best].append(nid)
        out_: list[str] = []
        stack = [self.root] if self.root in self.depth else []
        while stack:
            nid = stack.pop()
            out_.append(nid)
            stack.extend(sorted(placed[nid], key=self.order_key, reverse=True))
        return out_

    def cut(self, depth: int) -> list[str]:
        """Classes at ``depth``, plus shallower leaves: the tree cut at that level (sorted by id)."""
        keep = []
        for nid, d in self.depth.items():
            if self.info[nid]["kind"] != "class":
                continue
            has_kids = any(self.info[ch]["kind"] == "class" for ch in self.children[nid])
            if d == depth or (d < depth and not has_kids):
                keep.append(nid)
        return sorted(keep)


# -- 4. taxonomy -------------------------------------------------------------------------------


def _tax_graph(g: nx.MultiDiGraph, p: Params) -> list[Row]:
    return class_rows(g, p["concept"], instances=bool(p.get("instances")))


def _tax_finish(raw: list[Row], ctx: Context) -> list[Row]:
    tree = Tree(raw, ctx.params["concept"])
    max_depth = ctx.params.get("depth") or 0
    rows = []
    for nid in tree.preorder():
        d = tree.depth[nid]
        if max_depth and d > max_depth:
            continue
        n = tree.info[nid]
        rows.append({"depth": d, "id": nid, "name": n["name"], "label": n["label"], "papers": len(n["papers"]),
                     "total": len(tree.total(nid)), "parents": sorted(n["parents"])})
    return rows


define(
    QuerySpec(
        name="taxonomy",
        title="What is under a concept in the taxonomy, and how many papers each part has?",
        description=(
            "The subtree under a technique class, hardware class or topic (SUBCLASS_OF, several parents allowed), "
            "in tree order. papers: papers attached directly (studies it, proposes an instance, targets it, ran on "
            "one of its devices); total: distinct papers in the whole subtree. instances=true adds the methods / "
            "devices that are INSTANCE_OF each class."
        ),
        params=(
            ParamSpec(name="concept", type="entity", labels=CONCEPT_LABELS, default=ROOT,
                      help="the concept at the top (default: the whole efficiency taxonomy)", example="quantization"),
            ParamSpec(name="depth", type="int", default=0, minimum=0, help="deepest level shown; 0 = all"),
            ParamSpec(name="instances", type="bool", default=False, help="also list methods / devices under each class"),
        ),
        columns=("depth", "id", "name", "label", "papers", "total", "parents"),
        table_columns=("name", "papers", "total", "id"),
        examples=({"concept": "quantization"}, {"depth": "1"}, {"concept": "kv-cache-compression", "instances": "true"}, {"concept": "gpu"}),
    ),
    graph=_tax_graph,
    finish=_tax_finish,
    empty="nothing under {concept}",
)


# -- 10. gaps ----------------------------------------------------------------------------------

AXES = ("family", "hardware-class", "architecture")
_AXIS_OF_PREFIX = {"family": "family", "hwclass": "hardware-class", "arch": "architecture"}


def _axis_rows(g: nx.MultiDiGraph, axis: str) -> list[Row]:
    rows = []
    ps: list[str]
    if axis == "family":
        for f in (n for n, d in g.nodes(data=True) if d["label"] == "ModelFamily"):
            ps = [p for m, _, _ in inc(g, f, "MEMBER_OF") if label(g, m) == "Model" for p, _, _ in inc(g, m, "EVALUATED_ON")]
            rows.append({"side": "axis", "kind": "class", "id": f, "name": name(g, f), "label": "ModelFamily",
                         "parents": [], "papers": _pmap(g, ps)})
    elif axis == "hardware-class":
        for h in (n for n, d in g.nodes(data=True) if d["label"] == "HardwareClass"):
            ps = [p for p, _, _ in inc(g, h, "TARGETS")]
            ps += [p for x, _, _ in inc(g, h, "INSTANCE_OF") if label(g, x) == "Hardware" for p, _, _ in inc(g, x, "RUNS_ON")]
            rows.append({"side": "axis", "kind": "class", "id": h, "name": name(g, h), "label": "HardwareClass",
                         "parents": [q for q, _, _ in out(g, h, "SUBCLASS_OF") if label(g, q) == "HardwareClass"],
                         "papers": _pmap(g, ps)})
    else:
        for a in (n for n, d in g.nodes(data=True) if d["label"] == "Architecture"):
            ps = []
            for x, _, _ in inc(g, a, "USES_ARCHITECTURE"):
                lx = label(g, x)
                if lx == "Model":
                    ps += [p for p, _, _ in inc(g, x, "EVALUATED_ON")]
                elif lx == "ModelFamily":
                    ps += [p for m, _, _ in inc(g, x, "MEMBER_OF") if label(g, m) == "Model"
                           for p, _, _ in inc(g, m, "EVALUATED_ON")]
                elif lx == "Method":
                    ps += [p for p, _, _ in inc(g, x, "PROPOSES")]
            rows.append({"side": "axis", "kind": "class", "id": a, "name": name(g, a), "label": "Architecture",
                         "parents": [], "papers": _pmap(g, ps)})
    return rows


def _gaps_graph(g: nx.MultiDiGraph, p: Params) -> list[Row]:
    return class_rows(g, p["technique"], side="technique") + _axis_rows(g, p["axis"])


def _gaps_check(p: Params) -> None:
    against = p.get("against")
    if against:
        axis = _AXIS_OF_PREFIX.get(against.split("/", 1)[0])
        if axis is None:
            raise ParameterError(f"gaps: {against} is not a model family, hardware class or architecture")
        p["axis"] = axis  # the entity decides the axis; both stores then fetch the same rows


def _gaps_finish(raw: list[Row], ctx: Context) -> list[Row]:
    p = ctx.params
    tech = Tree((r for r in raw if r["side"] == "technique"), p["technique"])
    axis_rows = [r for r in raw if r["side"] == "axis"]
    axis_tree = Tree(axis_rows, "")
    min_papers = p.get("min_papers") or 0
    against = p.get("against")
    classes = [c for c in tech.cut(p.get("depth") or 1) if len(tech.total(c)) >= min_papers]
    values = sorted(axis_tree.info)
    if against:
        values = [v for v in values if v == against]
    else:
        values = [v for v in values if len(axis_tree.total(v)) >= min_papers]
    skipped = len(axis_tree.info) - len(values)
    if skipped and not against:
        ctx.notes.append(f"{skipped} {p['axis']} value(s) with fewer than {min_papers} papers are not considered")
    rows = []
    for c in classes:
        tp = tech.total(c)
        for v in values:
            vp = axis_tree.total(v)
            covered = len(tp.keys() & vp.keys())
            if covered and not p.get("include_covered"):
                continue
            rows.append({"technique": c, "technique_name": tech.info[c]["name"], "against": v,
                         "against_name": axis_tree.info[v]["name"], "technique_papers": len(tp),
                         "against_papers": len(vp), "covered": covered})
    rows.sort(key=lambda r: (r["covered"], -r["technique_papers"] * r["against_papers"], r["technique"], r["against"]))
    return rows


define(
    QuerySpec(
        name="gaps",
        title="Which technique classes were never tried on a model family, hardware class or architecture?",
        description=(
            "Cross the technique classes under a concept (cut at a depth) with model families, hardware classes or "
            "architectures, and list the combinations no paper covers, the most notable first (both sides have many "
            "papers). against= names one family / hardware class / architecture and sets the axis. "
            "include_covered=true shows the whole matrix with counts."
        ),
        params=(
            ParamSpec(name="axis", type="choice", choices=AXES, default="family", help="what to cross the techniques with"),
            ParamSpec(name="technique", type="entity", labels=("Technique",), default=ROOT,
                      help="the technique concept whose classes are crossed"),
            ParamSpec(name="depth", type="int", default=1, minimum=1, help="level of the technique classes"),
            ParamSpec(name="against", type="entity", labels=("ModelFamily", "HardwareClass", "Architecture"),
                      help="one family, hardware class or architecture (sets the axis)"),
            ParamSpec(name="min_papers", type="int", default=2, minimum=0,
                      help="ignore classes and axis values with fewer papers"),
            ParamSpec(name="include_covered", type="bool", default=False, help="also list covered combinations"),
        ),
        columns=("technique", "technique_name", "against", "against_name", "technique_papers", "against_papers",
                 "covered"),
        table_columns=("technique_name", "against_name", "technique_papers", "against_papers", "covered"),
        examples=({"axis": "family"}, {"axis": "hardware-class"}, {"against": "ssm"}, {"technique": "quantization", "depth": "1", "axis": "hardware-class"}),
    ),
    graph=_gaps_graph,
    finish=_gaps_finish,
    empty="no gaps: every combination considered is covered by at least one paper",
    check=_gaps_check,
)


# -- 11. timeline ------------------------------------------------------------------------------


def _tl_graph(g: nx.MultiDiGraph, p: Params) -> list[Row]:
    return class_rows(g, p["technique"])


def _tl_finish(raw: list[Row], ctx: Context) -> list[Row]:
    p = ctx.params
    tree = Tree(raw, p["technique"])
    since, until = p.get("since"), p.get("until")
    rows = []
    undated = set()
    for c in tree.cut(p.get("depth") or 1):
        per_year: dict[int, int] = defaultdict(int)
        for pid, year in tree.total(c).items():
            if year is None:
                undated.add(pid)
                continue
            if (since and year < since) or (until and year > until):
                continue
            per_year[int(year)] += 1
        for year in sorted(per_year):
            rows.append({"technique": c, "technique_name": tree.info[c]["name"], "year": year, "papers": per_year[year]})
    if undated:
        ctx.notes.append(f"{len(undated)} paper(s) without a year are not counted")
    rows.sort(key=lambda r: (r["technique"], r["year"]))
    return rows


define(
    QuerySpec(
        name="timeline",
        title="How many papers per technique class per year?",
        description="Distinct papers per year for each technique class under a concept (cut at a depth), subclasses rolled up.",
        params=(
            ParamSpec(name="technique", type="entity", labels=("Technique",), default=ROOT, help="the concept"),
            ParamSpec(name="depth", type="int", default=1, minimum=1, help="level of the classes counted"),
            ParamSpec(name="since", type="int", minimum=1900, maximum=2100, help="first year"),
            ParamSpec(name="until", type="int", minimum=1900, maximum=2100, help="last year"),
        ),
        columns=("technique", "technique_name", "year", "papers"),
        table_columns=("technique_name", "year", "papers"),
        examples=({}, {"technique": "memory-efficient-training"}, {"technique": "hardware-co-design", "since": "2023"}),
    ),
    graph=_tl_graph,
    finish=_tl_finish,
    empty="no dated papers under {technique}",
)
