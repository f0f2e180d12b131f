"""Benchmark the loaders: per-seed counts, throughput, and a large listing streamed in bounded memory.

Usage::

    .venv/bin/python bench/bench_loaders.py              # seeds + a 200 MB generated listing
    .venv/bin/python bench/bench_loaders.py --mb 50      # a smaller generated listing
    .venv/bin/python bench/bench_loaders.py --full       # also load_paths on the large listing

The large listing is generated in a temporary directory from the seed records (read at run time,
each title made unique), in the ``spaced`` layout with metadata blocks, then streamed with
``loaders.iter_file`` in a child process whose peak RSS (``resource.getrusage``) is reported next
to that of a 1/10 size run: bounded memory means the two peaks are about the same. The full
``load_paths`` (which keeps every merged Paper) is timed on the seeds.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def seeds_dir() -> Path:
    return Path(os.environ.get("EFFKG_SEEDS", ROOT / ".." / "shared" / "seeds")).resolve()


def write_listing(path: Path, megabytes: float) -> int:
    """A spaced-layout listing of about ``megabytes`` MB built from the seed records."""
    from kg.records import Paper
    from loaders import load_paths
    from loaders.hf_daily import DailyRecord, iter_page

    base = [p for p in load_paths([seeds_dir()]).papers]

    def records() -> object:
        size, i = 0, 0
        while size < megabytes * 1e6:
            p: Paper = base[i % len(base)]
            rec = DailyRecord(
                title=f"{p.title} (copy {i})",
                abstract=p.abstract,
                author_count=(i % 12) + 1 if i % 3 else None,
                date_text=("Mar 6, 2024" if i % 2 else "Aug 1") if i % 3 else None,
                upvotes=i % 50 if i % 6 == 1 else None,
            )
            size += len(rec.title) + len(rec.abstract) + 40
            i += 1
            yield rec

    with path.open("w", encoding="utf-8") as fp:
        for piece in iter_page(records(), "spaced", "Aug 12"):  # type: ignore[arg-type]
            fp.write(piece)
    return path.stat().st_size


STREAM_CHILD = r"""
import json, resource, sys, time
sys.path.insert(0, sys.argv[2])
from kg.records import Paper
from loaders import iter_file
from loaders.base import LoadContext
t = time.perf_counter()
ctx = LoadContext(file=sys.argv[1], format="hf-daily", loader="")
papers = skipped = 0
for item in iter_file(sys.argv[1], context=ctx):
    if isinstance(item, Paper):
        papers += 1
    else:
        skipped += 1
secs = time.perf_counter() - t
print(json.dumps({"papers": papers, "skipped": skipped, "seconds": secs,
                  "consumed_lines": ctx.consumed_lines,
                  "peak_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))
"""


LOAD_CHILD = r"""
import json, resource, sys, time
sys.path.insert(0, sys.argv[2])
from loaders import load_paths
t = time.perf_counter()
result = load_paths([sys.argv[1]])
secs = time.perf_counter() - t
print(json.dumps({"papers": result.paper_count, "seconds": secs,
                  "peak_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))
"""


def stream_in_child(path: Path, script: str = STREAM_CHILD) -> dict[str, float]:
    out = subprocess.run([sys.executable, "-c", script, str(path), str(ROOT)], check=True, capture_output=True, text=True)
    return json.loads(out.stdout)


def bench_seeds() -> None:
    from loaders import load_file, load_paths

    print("seed file                      records  non-blank  consumed  skipped  layout")
    for f in sorted(seeds_dir().glob("*.txt")):
        r = load_file(f)
        nonblank = sum(1 for line in f.read_text(encoding="utf-8").splitlines() if line.strip())
        print(f"{f.name:30} {len(r.papers):7}  {nonblank:9}  {r.consumed_lines:8}  {len(r.skipped):7}  {r.layout}")
    runs = []
    for _ in range(3):
        t = time.perf_counter()
        result = load_paths([seeds_dir()])
        runs.append(time.perf_counter() - t)
    size = sum(f.stat().st_size for f in seeds_dir().glob("*.txt"))
    best = min(runs)
    print(
        f"load_paths(seeds): {result.record_count} records -> {result.paper_count} papers in {best:.3f} s "
        f"({result.record_count / best:,.0f} records/s, {size / 1e6 / best:.2f} MB/s, merging included)"
    )


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--mb", type=float, default=200.0, help="size of the generated listing (default 200)")
    ap.add_argument("--full", action="store_true", help="also time load_paths (merging, all papers in memory) on it")
    args = ap.parse_args()
    bench_seeds()
    with tempfile.TemporaryDirectory() as tmp:
        results = {}
        for mb in (args.mb / 10, args.mb):
            path = Path(tmp) / f"listing-{mb:g}mb.txt"
            t = time.perf_counter()
            size = write_listing(path, mb)
            gen = time.perf_counter() - t
            r = stream_in_child(path)
            results[mb] = r
            print(
                f"streamed {size / 1e6:7.1f} MB: {r['papers']:,} papers, {r['skipped']} skipped, "
                f"{r['seconds']:.1f} s = {r['papers'] / r['seconds']:,.0f} papers/s, "
                f"{size / 1e6 / r['seconds']:.2f} MB/s, peak RSS {r['peak_rss_mb']:.0f} MB (generated in {gen:.1f} s)"
            )
            if mb == args.mb and args.full:
                f = stream_in_child(path, LOAD_CHILD)
                print(
                    f"load_paths {size / 1e6:7.1f} MB (every merged Paper kept in memory): {f['papers']:,} papers in "
                    f"{f['seconds']:.1f} s, {size / 1e6 / f['seconds']:.2f} MB/s, peak RSS {f['peak_rss_mb']:.0f} MB"
                )
            path.unlink()
        small, big = results[args.mb / 10], results[args.mb]
        print(f"peak RSS growth for 10x the input: {big['peak_rss_mb'] - small['peak_rss_mb']:+.1f} MB")


if __name__ == "__main__":
    main()
