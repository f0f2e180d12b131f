"""Build throughput: the seeds (and copies of them) into both stores, stage by stage.

Usage::

    .venv/bin/python bench/bench_build.py                  # seeds x1, x2, x4 on both stores
    .venv/bin/python bench/bench_build.py --scales 1 --no-neo4j
    .venv/bin/python bench/bench_build.py --neo4j bolt://127.0.0.1:7687 --neo4j-password secret

For each scale the seed papers are copied with unique titles (new ids, so nothing merges away) into a
JSON Lines file, then timed through the library API one stage at a time (load, map, assemble, write)
and as one ``kg.build.build`` call; a second build of the same input shows the cost of a build that
changes nothing (the diff-based write finds no work). Throughput that holds as the corpus doubles is
the check that no stage is quadratic in the number of papers.

Without ``--neo4j`` the bundled server (``tools/neo4j-server``, needs Java and the built jar) is
started on a free loopback port with the full JIT (``fast_startup=False``) and stopped at the end.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager, nullcontext
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def seeds_dir() -> Path:
    return Path(os.environ.get("EFFKG_SEEDS", ROOT / ".." / "shared" / "seeds")).resolve()


def write_copies(path: Path, copies: int) -> int:
    """Write ``copies`` versions of every seed paper to ``path`` (JSON Lines); returns the paper count."""
    from kg.ids import paper_id
    from loaders import load_paths
    from loaders.jsonl import dump_papers

    base = load_paths([seeds_dir()]).papers

    def papers() -> Iterator[Any]:
        for i in range(copies):
            for p in base:
                if i == 0:
                    yield p
                    continue
                title = f"{p.title} (copy {i})"
                yield p.model_copy(update={"title": title, "id": paper_id(title)})

    with path.open("w", encoding="utf-8") as fp:
        return dump_papers(papers(), fp)


@contextmanager
def bundled_neo4j() -> Iterator[tuple[str, str]]:
    sys.path.insert(0, str(ROOT / "tools"))
    from neo4j_launcher import Neo4jServer

    with Neo4jServer(fast_startup=False) as server:
        server.start()
        print(f"neo4j: bundled server up in {server.startup_seconds:.1f} s at {server.uri}")
        yield server.uri, server.password


def timed(fn: Any, *args: Any, **kwargs: Any) -> tuple[Any, float]:
    start = time.perf_counter()
    out = fn(*args, **kwargs)
    return out, time.perf_counter() - start


def run_scale(listing: Path, n: int, stores: dict[str, Any]) -> None:
    import ontology
    from kg.build import build
    from kg.graph import assemble, new_graph
    from loaders import load_paths
    from loaders.mapping.mapper import map_paper

    onto = ontology.load()
    loaded, t_load = timed(load_paths, [listing])
    papers = loaded.papers
    mappings, t_map = timed(lambda: [map_paper(p, onto) for p in papers])
    (graph, _), t_assemble = timed(assemble, papers, mappings, onto)
    nodes, edges = graph.number_of_nodes(), graph.number_of_edges()
    print(f"\n== {n} papers -> {nodes} nodes, {edges} edges")
    print(f"  load      {t_load:7.2f} s  {n / t_load:8.0f} papers/s")
    print(f"  map       {t_map:7.2f} s  {n / t_map:8.0f} papers/s")
    print(f"  assemble  {t_assemble:7.2f} s  {n / t_assemble:8.0f} papers/s")
    for name, store in stores.items():
        summary, t_write = timed(store.write, graph)
        print(f"  write {name:<8} {t_write:6.2f} s  {(nodes + edges) / t_write:8.0f} elements/s"
              f"  ({summary.nodes_written} nodes, {summary.edges_written} edges written)")
        store.write(new_graph())  # empty the store again for the end-to-end build
        first, t_first = timed(build, [listing], store, replace=True)
        again, t_again = timed(build, [listing], store, replace=True)
        assert not again.write.changed, "a second build of the same input must change nothing"
        print(f"  build {name:<8} {t_first:6.2f} s  {n / t_first:8.0f} papers/s end to end;"
              f" rebuild (no change) {t_again:.2f} s")
        store.write(new_graph())


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--scales", type=int, nargs="+", default=[1, 2, 4], help="copies of the seeds per run")
    ap.add_argument("--no-neo4j", action="store_true", help="embedded store only")
    ap.add_argument("--neo4j", help="bolt:// or neo4j:// URI of a running server (its database is emptied)")
    ap.add_argument("--neo4j-password", default=os.environ.get("NEO4J_PASSWORD"))
    args = ap.parse_args(argv)

    from kg.store import open_store

    server = (nullcontext((args.neo4j, args.neo4j_password)) if args.neo4j
              else nullcontext(None) if args.no_neo4j else bundled_neo4j())
    with server as neo, tempfile.TemporaryDirectory(prefix="effkg-bench-build-") as tmp:
        stores: dict[str, Any] = {"embedded": open_store(str(Path(tmp) / "kg"))}
        if neo is not None:
            stores["neo4j"] = open_store(neo[0], password=neo[1])
        try:
            for copies in args.scales:
                listing = Path(tmp) / f"seeds-x{copies}.jsonl"
                n = write_copies(listing, copies)
                run_scale(listing, n, stores)
        finally:
            for store in stores.values():
                store.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
