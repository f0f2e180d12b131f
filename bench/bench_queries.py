"""Query latency on the seed graph: every named query, several parameter sets, both stores.

    .venv/bin/python bench/bench_queries.py                       # build the seeds, start a Neo4j, measure
    .venv/bin/python bench/bench_queries.py --store /tmp/kg       # reuse an embedded store built before
    .venv/bin/python bench/bench_queries.py --neo4j bolt://127.0.0.1:7687 --neo4j-password secret
    .venv/bin/python bench/bench_queries.py --json out.json

Timings are of ``queries.run`` (parameter binding, entity resolution, fetch, shared finishing),
after warm-up runs, in milliseconds: p50 and p95 over every run of every parameter set of a query.
Targets: under 50 ms on the embedded store and under 100 ms on Neo4j; ``kg --help`` under 0.3 s.
Without ``--neo4j`` the script starts the bundled server (tools/neo4j-server, needs Java and a build
of the jar) on a free loopback port and stops it at the end.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from contextlib import contextmanager
from collections.abc import Iterator
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

EMBEDDED_TARGET_MS = 50.0
NEO4J_TARGET_MS = 100.0
HELP_TARGET_S = 0.3
JAR = REPO / "tools" / "neo4j-server" / "target" / "neo4j-server.jar"


def default_seeds() -> Path:
    return Path(os.environ.get("EFFKG_SEEDS") or REPO.parent / "shared" / "seeds")


@contextmanager
def bundled_neo4j(password: str = "bench") -> Iterator[str]:
    """Start tools/neo4j-server on a free loopback port; yields its bolt URI."""
    if not JAR.is_file():
        raise SystemExit(f"no Neo4j: build {JAR} (mvn -q -B package in tools/neo4j-server) or pass --neo4j URI")
    data = Path(tempfile.mkdtemp(prefix="effkg-bench-neo4j-"))
    proc = subprocess.Popen(
        ["java", "-Xmx1g", "-jar", str(JAR), "--data", str(data), "--port", "0", "--password", password],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
    )
    try:
        assert proc.stdout is not None
        deadline = time.monotonic() + 180
        uri = None
        while time.monotonic() < deadline:
            line = proc.stdout.readline()
            if not line:
                break
            if line.startswith("READY "):
                uri = line.split()[1]
                break
        if uri is None:
            raise SystemExit("the bundled Neo4j did not start")
        yield uri
    finally:
        # The server exits when its stdin closes.
        if proc.stdin:
            proc.stdin.close()
        try:
            proc.wait(timeout=30)
        except subprocess.TimeoutExpired:
            proc.kill()
        shutil.rmtree(data, ignore_errors=True)


def synthetic_graph(papers: int, seed: int = 7) -> Any:
    """A random graph with the seed graph's shape and about its size (for scaling runs)."""
    import random

    from kg.graph import add_node, new_graph

    rnd = random.Random(seed)
    g = new_graph()

    def node(i: str, lbl: str, nm: str, **props: Any) -> str:
        add_node(g, i, lbl, {"name": nm, **props})
        return i

    def edge(u: str, v: str, rel: str, paper: str | None = None) -> None:
        if paper is None:
            g.add_edge(u, v, key=rel, origin="ontology")
            return
        d = g.get_edge_data(u, v, rel)
        if d is None:
            g.add_edge(u, v, key=rel, papers=[paper], sentences=[f"{rel.lower()} as stated in {paper}."],
                       starts=[0], ends=[10], extractors=["synthetic/1"], confidences=[0.8], qualifiers=[""],
                       support=1, confidence=0.8)
        elif paper not in d["papers"]:
            for k, v2 in (("papers", paper), ("sentences", f"{rel.lower()} as stated in {paper}."), ("starts", 0),
                          ("ends", 10), ("extractors", "synthetic/1"), ("confidences", 0.8), ("qualifiers", "")):
                d[k].append(v2)
            d["support"] += 1

    root = node("technique/ml-efficiency", "Technique", "ML efficiency")
    leaves = []
    for a in range(12):
        top = node(f"technique/class-{a}", "Technique", f"Class {a}")
        edge(top, root, "SUBCLASS_OF")
        for b in range(5):
            leaf = node(f"technique/class-{a}-{b}", "Technique", f"Class {a} kind {b}")
            edge(leaf, top, "SUBCLASS_OF")
            leaves.append(leaf)
    hwc = []
    for a in range(6):
        c = node(f"hwclass/c{a}", "HardwareClass", f"Hardware class {a}")
        hwc.append(c)
        for b in range(2):
            sub = node(f"hwclass/c{a}-{b}", "HardwareClass", f"Hardware class {a}.{b}")
            edge(sub, c, "SUBCLASS_OF")
            hwc.append(sub)
    archs = [node(f"arch/a{a}", "Architecture", f"Arch {a}") for a in range(7)]
    models = []
    for f in range(40):
        fam = node(f"family/f{f}", "ModelFamily", f"Family {f}")
        edge(fam, rnd.choice(archs), "USES_ARCHITECTURE")
        for m in range(8):
            mid = node(f"model/f{f}-{m}b", "Model", f"F{f}-{m}B", aliases=[f"Family {f} {m}B"])
            edge(mid, fam, "MEMBER_OF")
            models.append(mid)
    hardware = []
    for h in range(60):
        hid = node(f"hardware/h{h}", "Hardware", f"Device {h}")
        edge(hid, rnd.choice(hwc), "INSTANCE_OF")
        hardware.append(hid)
    datasets = [node(f"dataset/d{d}", "Dataset", f"Dataset {d}") for d in range(150)]
    metrics = [node(f"metric/m{m}", "Metric", f"Metric {m}", direction=rnd.choice(["higher", "lower"])) for m in range(22)]
    memory = [node(f"memory/x{m}", "MemoryComponent", f"Memory {m}") for m in range(5)]
    methods: list[str] = []
    for i in range(papers):
        p = node(f"paper/2{i:04d}.00001", "Paper", f"Paper number {i} about things", year=2019 + i % 7)
        for t in rnd.sample(leaves, rnd.randint(1, 3)):
            edge(p, t, "STUDIES", p)
        if rnd.random() < 0.7:
            me = node(f"method/m{i}", "Method", f"Method{i}")
            edge(p, me, "PROPOSES", p)
            for t in rnd.sample(leaves, rnd.randint(1, 2)):
                edge(me, t, "INSTANCE_OF", p)
            for other in rnd.sample(methods, min(len(methods), rnd.randint(0, 2))):
                edge(me, other, rnd.choice(["COMPARED_WITH", "EXTENDS", "COMPOSES_WITH"]), p)
            if rnd.random() < 0.3:
                edge(me, rnd.choice(memory), "REDUCES", p)
            methods.append(me)
        for model in rnd.sample(models, rnd.randint(1, 4)):
            edge(p, model, "EVALUATED_ON", p)
        for data in rnd.sample(datasets, rnd.randint(0, 3)):
            edge(p, data, "EVALUATED_ON", p)
        for device in rnd.sample(hardware, rnd.randint(0, 2)):
            edge(p, device, "RUNS_ON", p)
        if rnd.random() < 0.2:
            edge(p, rnd.choice(hwc), "TARGETS", p)
        for k in range(rnd.randint(0, 3)):
            r = node(f"result/2{i:04d}.00001/{k + 1}", "Result", "result", paper=p, value=round(rnd.uniform(1, 90), 1),
                     unit=rnd.choice(["x", "percent"]), kind=rnd.choice(["absolute", "relative"]), sentence="a result.")
            edge(p, r, "REPORTS", p)
            edge(r, rnd.choice(metrics), "MEASURES", p)
            edge(r, rnd.choice(models), "ON_MODEL", p)
            if methods:
                edge(r, methods[-1], "RESULT_OF", p)
    return g


def pct(values: list[float], q: float) -> float:
    ordered = sorted(values)
    k = max(0, min(len(ordered) - 1, round(q * (len(ordered) - 1))))
    return ordered[k]


def measure(store: Any, samples: dict[str, list[dict[str, Any]]], runs: int, warmup: int) -> dict[str, dict[str, float]]:
    import queries

    out: dict[str, dict[str, float]] = {}
    for name in sorted(samples):
        times: list[float] = []
        cpu: list[float] = []
        rows = 0
        for params in samples[name]:
            for _ in range(warmup):
                queries.run(store, name, params)
            for _ in range(runs):
                t, c = time.perf_counter(), time.process_time()
                res = queries.run(store, name, params)
                times.append(1e3 * (time.perf_counter() - t))
                cpu.append(1e3 * (time.process_time() - c))
            rows += len(res.rows)
        if times:
            # cpu: this process's CPU time per run; on a busy machine it shows the cost that is ours.
            out[name] = {"p50": statistics.median(times), "p95": pct(times, 0.95), "max": max(times),
                         "cpu_p50": statistics.median(cpu), "sets": len(samples[name]), "rows": rows}
    return out


def help_time() -> float:
    kg = Path(sys.executable).with_name("kg")
    best = float("inf")
    for _ in range(5):
        t = time.perf_counter()
        subprocess.run([str(kg), "--help"], capture_output=True, check=True)
        best = min(best, time.perf_counter() - t)
    return best


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--seeds", type=Path, default=default_seeds(), help="seed listings to build from")
    ap.add_argument("--store", type=Path, help="embedded store to use (built from the seeds when empty)")
    ap.add_argument("--neo4j", help="bolt URI of a Neo4j to use (its graph is replaced by the seed graph)")
    ap.add_argument("--neo4j-user", default="neo4j")
    ap.add_argument("--neo4j-password", default=os.environ.get("NEO4J_PASSWORD", ""))
    ap.add_argument("--runs", type=int, default=20, help="timed runs per parameter set")
    ap.add_argument("--warmup", type=int, default=3, help="untimed runs per parameter set first")
    ap.add_argument("--embedded-only", action="store_true")
    ap.add_argument("--json", type=Path, help="also write the numbers here")
    ap.add_argument("--synthetic", type=int, metavar="PAPERS", help="measure on a random graph of this many papers")
    args = ap.parse_args(argv)

    import logging

    logging.getLogger("neo4j.notifications").setLevel(logging.ERROR)
    from kg.store import open_store
    from queries.samples import sample_params

    store_dir = args.store or Path(tempfile.mkdtemp(prefix="effkg-bench-"))
    emb = open_store(str(store_dir))
    if args.synthetic:
        emb.write(synthetic_graph(args.synthetic))
    elif emb.read().number_of_nodes() == 0:
        from kg.build import build

        t = time.perf_counter()
        report = build([args.seeds], emb)
        print(f"built {report.papers_total} papers into {store_dir} in {time.perf_counter() - t:.1f}s", file=sys.stderr)
    g = emb.read()
    samples = sample_params(g)
    print(f"graph: {g.number_of_nodes()} nodes, {g.number_of_edges()} edges; "
          f"{sum(map(len, samples.values()))} parameter sets over {len(samples)} queries", file=sys.stderr)

    results: dict[str, Any] = {"graph": {"nodes": g.number_of_nodes(), "edges": g.number_of_edges()},
                               "embedded": measure(emb, samples, args.runs, args.warmup)}
    if not args.embedded_only:
        def on_neo4j(uri: str, password: str) -> None:
            neo = open_store(uri, user=args.neo4j_user, password=password)
            try:
                t = time.perf_counter()
                neo.write(g)
                print(f"wrote the graph to {uri} in {time.perf_counter() - t:.1f}s", file=sys.stderr)
                results["neo4j"] = measure(neo, samples, args.runs, args.warmup)
            finally:
                neo.close()

        if args.neo4j:
            on_neo4j(args.neo4j, args.neo4j_password)
        else:
            with bundled_neo4j() as uri:
                on_neo4j(uri, "bench")
    results["help_s"] = help_time()
    results["load_average"] = os.getloadavg()[0]

    print(f"\nload average {os.getloadavg()[0]:.1f} on {os.cpu_count()} CPUs; times in ms (cpu = client CPU time, p50)")
    print("\n| query | embedded p50 | embedded p95 | embedded cpu | neo4j p50 | neo4j p95 | neo4j client cpu | sets | rows |")
    print("|---|---:|---:|---:|---:|---:|---:|---:|---:|")
    ok = True
    for name in sorted(results["embedded"]):
        e = results["embedded"][name]
        n = results.get("neo4j", {}).get(name)
        ok &= e["p95"] < EMBEDDED_TARGET_MS and (n is None or n["p95"] < NEO4J_TARGET_MS)
        neo_cols = f"{n['p50']:.1f} | {n['p95']:.1f} | {n['cpu_p50']:.1f}" if n else "- | - | -"
        print(f"| {name} | {e['p50']:.1f} | {e['p95']:.1f} | {e['cpu_p50']:.1f} | {neo_cols} | {e['sets']} | {e['rows']} |")
    print(f"\nkg --help: {results['help_s']:.3f}s (target {HELP_TARGET_S}s)")
    print(f"targets (p95 < {EMBEDDED_TARGET_MS:g} ms embedded, < {NEO4J_TARGET_MS:g} ms Neo4j): {'met' if ok else 'MISSED'}")
    if args.json:
        args.json.write_text(json.dumps(results, indent=2) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
