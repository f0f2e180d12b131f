"""Score the mapper on the annotated development (or held-out) set and time it.

Usage::

    .venv/bin/python bench/eval_mapping.py                 # dev set, per-field P/R/F1
    .venv/bin/python bench/eval_mapping.py --diffs          # and every disagreement
    .venv/bin/python bench/eval_mapping.py --heldout        # the held-out set (report only; never tune on it)
    .venv/bin/python bench/eval_mapping.py --set dev2       # the second, blind development set
    .venv/bin/python bench/eval_mapping.py --set dev3       # the third, blind development set
    .venv/bin/python bench/eval_mapping.py --set dev4       # the fourth, blind set (measure only, not in the pool)
    .venv/bin/python bench/eval_mapping.py --set dev5       # the fifth set (blind when first scored, now tuned on)
    .venv/bin/python bench/eval_mapping.py --speed          # papers/s (CPU time) over all seed papers on one core
    .venv/bin/python bench/eval_mapping.py --speed --repeat 5   # and the median of 5 cold passes
    .venv/bin/python bench/eval_mapping.py --folds 0,1,2,3  # only these of 5 fixed folds of the dev set
    .venv/bin/python bench/eval_mapping.py --cv             # F1 per field on each of the 5 folds
    .venv/bin/python bench/eval_mapping.py --set pool --cv  # dev + dev2 + dev3 + dev5 pooled, 5 folds of normalised titles
    .venv/bin/python bench/eval_mapping.py --set pool --folds 0,1,2,3 --class-errors  # errors per technique class

The same report is printed by ``kg eval``.
"""

from __future__ import annotations

import argparse
import gc
import statistics
import subprocess
import sys
import time
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

if TYPE_CHECKING:
    from kg.records import Paper

# the annotated sets under tests/devset/ (see tests/devset/README.md)
SETS = {"dev": "mapping_dev.jsonl", "dev2": "mapping_dev2.jsonl", "dev3": "mapping_dev3.jsonl",
        "dev4": "mapping_dev4.jsonl", "dev5": "mapping_dev5.jsonl", "heldout": "mapping_heldout.jsonl"}
# the pooled development set: the four dev sets, folded by pool_fold_of (a hash of the normalised title);
# dev4 stays out of it: it measures generalisation, no rules are made from it (dev5 joined once its blind
# score was recorded)
POOL = ("dev", "dev2", "dev3", "dev5")


def _print_stages(papers: Sequence[Paper], onto: Any, whole: float) -> None:
    """Where the mapping time goes: linking (mentions, classes, scope, methods, models, hardware, data),
    relations between the linked entities, and measured results (a stage of its own, issue 5)."""
    from loaders import relations, results
    from loaders.mapping.linker import link
    from loaders.mapping.mapper import _context

    tax, _known = _context(onto)
    t = time.process_time()
    linked = [link(p, onto, tax).doc for p in papers]
    t_link = time.process_time() - t
    t = time.process_time()
    for doc in linked:
        relations.extract_relations(doc)
    t_rel = time.process_time() - t
    t = time.process_time()
    for doc in linked:
        results.extract_results(doc)
    t_res = time.process_time() - t
    n = len(papers)
    rest = max(whole - t_link - t_rel - t_res, 0.0)
    for stage, sec in (("linking", t_link), ("relations", t_rel), ("results", t_res), ("records and the rest", rest)):
        print(f"  {stage:22s} {1000 * sec / n:5.2f} ms/paper ({100 * sec / whole:4.1f}%)")
    print(f"  without the results stage: {n / (whole - t_res):.0f} papers/s")


def _time_cold_pass(papers: Sequence[Paper], onto: Any) -> float:
    """CPU seconds to map every paper once, after one warm-up paper (lazily built tables and patterns)."""
    from loaders.mapping.mapper import map_paper

    map_paper(papers[0], onto)  # warm caches
    # the seeds and the ontology live as long as the run: the cyclic collector need not walk them again
    gc.collect()
    gc.freeze()
    # CPU time of this process, not wall clock: a shared machine's other load does not count
    t = time.process_time()
    for p in papers:
        map_paper(p, onto)
    return time.process_time() - t


def _time_in_fresh_processes(n: int, argv: list[str] | None) -> list[float]:
    """Seconds of ``n`` more cold passes. Each runs in a new interpreter because the mapper memoises what it
    read of a word or a sentence: a second pass in the same process would time those caches, not the mapper."""
    keep = [a for a in (sys.argv[1:] if argv is None else argv) if a == "--no-ontology"]
    cmd = [sys.executable, str(Path(__file__).resolve()), "--time-once", *keep]
    return [float(subprocess.run(cmd, check=True, capture_output=True, text=True).stdout.split()[-1])
            for _ in range(n)]


def _reference_loop_ms() -> float:
    """CPU milliseconds of a fixed pure-Python loop: the yardstick that puts a papers/s figure in context."""
    t = time.process_time()
    s = 0
    for i in range(5_000_000):
        s += i * i
    return 1e3 * (time.process_time() - t)


def main(argv: list[str] | None = None) -> int:
    from loaders.mapping.corpus import load_seed_papers
    from loaders.mapping.evaluation import (
        class_errors, evaluate, load_annotations, select_folds, select_pool_folds,
    )

    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--heldout", action="store_true", help="score the held-out set instead of the dev set")
    ap.add_argument("--set", choices=sorted([*SETS, "pool"]),
                    help="which annotated set to score (default dev; --heldout = --set heldout; "
                         "pool = dev + dev2 + dev3 + dev5 with folds of the normalised title)")
    ap.add_argument("--diffs", action="store_true", help="print every disagreement")
    ap.add_argument("--field", action="append", help="only print diffs of this field (repeatable)")
    ap.add_argument("--speed", action="store_true", help="time the mapper over all seed papers")
    ap.add_argument("--repeat", type=int, default=1, metavar="N",
                    help="with --speed: time N cold passes, the later ones each in a fresh process, and print "
                         "their median")
    ap.add_argument("--time-once", action="store_true", help=argparse.SUPPRESS)
    ap.add_argument("--folds", help="comma-separated folds (0-4) of the dev set to score; default all")
    ap.add_argument("--cv", action="store_true", help="print F1 per field for each of the 5 folds")
    ap.add_argument("--class-errors", action="store_true",
                    help="print false positives / negatives per technique class, most false positives first")
    ap.add_argument("--no-ontology", action="store_true", help="map without ontology.load()")
    args = ap.parse_args(argv)

    onto = None
    if not args.no_ontology:
        try:
            import ontology

            onto = ontology.load()  # type: ignore[attr-defined]
        except (ImportError, AttributeError):
            onto = None
    papers = load_seed_papers()
    if args.time_once:
        print(f"{_time_cold_pass(papers, onto):.6f}")
        return 0
    if args.speed:
        dt = _time_cold_pass(papers, onto)
        print(f"mapped {len(papers)} papers in {dt:.2f}s CPU time: {len(papers) / dt:.0f} papers/s (one core, time.process_time)")
        _print_stages(papers, onto, dt)
        if args.repeat > 1:
            rates = [len(papers) / dt] + [len(papers) / s for s in _time_in_fresh_processes(args.repeat - 1, argv)]
            print(f"{len(rates)} cold passes, each in a fresh process: "
                  + ", ".join(f"{r:.0f}" for r in rates)
                  + f" papers/s; median {statistics.median(rates):.0f}, best {max(rates):.0f}")
        print(f"machine reference: a 5M-step Python loop took {_reference_loop_ms():.0f} ms of CPU "
              "(a shared VM's speed swings: compare papers/s only between runs with a similar reference)")
        return 0
    if args.heldout and args.set not in (None, "heldout"):
        ap.error("--heldout and --set name different sets")
    which = "heldout" if args.heldout else (args.set or "dev")
    if which == "pool":
        name = "pool (" + " + ".join(SETS[s] for s in POOL) + ")"
        ann = [a for s in POOL for a in load_annotations(ROOT / "tests" / "devset" / SETS[s])]
        pick = select_pool_folds
    else:
        name = SETS[which]
        ann = load_annotations(ROOT / "tests" / "devset" / name)
        pick = select_folds
    if args.cv:
        reps = [evaluate(pick(ann, [k]), papers, onto) for k in range(5)]
        print(f"{'field':<20}" + "".join(f"{'fold ' + str(k):>9}" for k in range(5)))
        for i, row in enumerate(reps[0].rows()):
            print(f"{row['field']:<20}" + "".join(f"{r.rows()[i]['f1']:>9.3f}" for r in reps))
        per_fold = [r.fields["techniques"] for r in reps]
        print("techniques P/R/F1 per fold: " + "  ".join(
            f"{k}:{s.precision:.3f}/{s.recall:.3f}/{s.f1:.3f} ({len(pick(ann, [k]))})" for k, s in enumerate(per_fold)))
        return 0
    if args.folds:
        ann = pick(ann, [int(x) for x in args.folds.split(",")])
    rep = evaluate(ann, papers, onto)
    if args.diffs:
        for d in rep.diffs:
            if args.field and d.field not in args.field:
                continue
            print(f"[{d.field}] {d.title[:80]}\n     missing={list(d.missing)} extra={list(d.extra)}")
    print(f"{name}: {rep.papers} papers, ontology={'yes' if onto is not None else 'no'}, "
          f"{rep.papers_per_second} papers/s")
    print(f"{'field':<20}{'P':>7}{'R':>7}{'F1':>7}{'tp':>6}{'fp':>5}{'fn':>5}")
    for r in rep.rows():
        print(f"{r['field']:<20}{r['precision']:>7.3f}{r['recall']:>7.3f}{r['f1']:>7.3f}{r['tp']:>6}{r['fp']:>5}{r['fn']:>5}")
    print(f"topic accuracy (scope + topic): {rep.topic_accuracy:.3f}")
    if args.class_errors:
        errs = sorted(class_errors(rep).items(), key=lambda kv: (-kv[1][0], -kv[1][1], kv[0]))
        print(f"{'technique class':<45}{'fp':>4}{'fn':>4}")
        for cls, (fp, fn) in errs:
            print(f"{cls:<45}{fp:>4}{fn:>4}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
