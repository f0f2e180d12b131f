"""Agreement of the mapper with how curated public paper lists file the seed papers.

Second yardstick next to the hand annotations (``bench/eval_mapping.py``): for every seed paper
that a curated GitHub list (awesome lists, survey companion repositories) files under a section
heading, ``tests/devset/curated_lists.jsonl`` holds the list, the heading and the technique ids
that heading stands for (table and reading guide: ``tests/devset/CURATED_README.md``). This
script maps those papers with ``loaders.mapping.map_paper`` and says, per paper and per list
entry, whether the mapper's technique classes agree with the list:

* strict: a mapper class is one of the list's classes (non-required leaves rolled up to the
  required ids of ``docs/conventions.md``, the granularity the mapper emits);
* exact: a mapper class is the list's class or a sub-class of it (the list is coarser);
* family: the two share a top-level family (a child of ``technique/ml-efficiency``,
  through ``ontology.load().ancestors``).

Headings with no class (``"techniques": []``) are kept in the file but not scored.

Usage::

    .venv/bin/python bench/eval_curated.py              # hit rates per paper and per list entry
    .venv/bin/python bench/eval_curated.py --diffs      # and every family-level disagreement
    .venv/bin/python bench/eval_curated.py --by-list    # hit rates per curated list
    .venv/bin/python bench/eval_curated.py --json       # the whole report as JSON
"""

from __future__ import annotations

import argparse
import json
import logging
import sys
import time
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from pydantic import Field  # noqa: E402

from kg.errors import InputError  # noqa: E402
from kg.records import Paper, Record  # noqa: E402

log = logging.getLogger(__name__)

CURATED = ROOT / "tests" / "devset" / "curated_lists.jsonl"
TECH_ROOT = "technique/ml-efficiency"


class CuratedEntry(Record):
    """One seed paper filed under one heading of one curated list."""

    title: str = Field(min_length=1, description="the title exactly as in the seed listings")
    repo: str = Field(pattern=r"^[\w.-]+/[\w.-]+$", description="GitHub owner/name of the list")
    path: str = Field(min_length=1, description="file of the list inside the repository")
    heading: str = Field(min_length=1, description="section heading path, outermost first, joined by ' > '")
    techniques: tuple[str, ...] = Field(description="technique ids the heading stands for; () when none")


class EntryResult(Record):
    """How the mapper's classes compare with one list entry."""

    entry: CuratedEntry
    paper_id: str
    mapped: tuple[str, ...]
    in_scope: bool
    strict: bool
    exact: bool
    family: bool


class PaperResult(Record):
    """How the mapper's classes compare with everything the lists say about one paper."""

    title: str
    paper_id: str
    listed: tuple[str, ...] = Field(description="union of the scored list classes")
    mapped: tuple[str, ...]
    in_scope: bool
    strict: bool
    exact: bool
    family: bool
    lists: tuple[str, ...] = Field(description="'repo: heading' of every scored entry")


class Rates(Record):
    """Hit counts and rates over a set of comparisons."""

    n: int
    strict: float
    exact: float
    family: float
    out_of_scope: int = Field(description="comparisons where the mapper put the paper out of scope")


class CuratedReport(Record):
    """Agreement of the mapper with the curated lists."""

    entries: int = Field(description="lines of the crosswalk")
    papers_found: int = Field(description="distinct seed papers in the crosswalk")
    per_paper: Rates
    per_entry: Rates
    per_list: dict[str, Rates]
    papers: tuple[PaperResult, ...]
    entry_results: tuple[EntryResult, ...]
    patterns: tuple[tuple[str, int], ...] = Field(description="'list family -> mapper family' of the misses")
    seconds: float = 0.0


def load_curated(path: Path = CURATED) -> list[CuratedEntry]:
    """Read the crosswalk; a malformed line is an :class:`InputError`.

    >>> entries = load_curated()
    >>> len(entries) > 50 and all(e.repo.count("/") == 1 for e in entries)
    True
    """
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError as exc:
        raise InputError(str(exc), path=str(path)) from exc
    out = []
    for n, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            out.append(CuratedEntry.model_validate(json.loads(line)))
        except (ValueError, TypeError) as exc:
            raise InputError(f"bad curated-list entry: {exc}", path=str(path), line=n) from exc
    return out


def families(onto: Any, technique: str) -> frozenset[str]:
    """Top-level families of a technique class: itself or ancestors whose parent is the root.

    >>> import ontology
    >>> sorted(families(ontology.load(), "technique/kv-cache-quantization"))
    ['technique/kv-cache-compression', 'technique/quantization']
    """
    up = {technique} | set(onto.ancestors(technique))
    return frozenset(a for a in up if TECH_ROOT in onto.parents(a))


def comparable(onto: Any, listed: Iterable[str]) -> frozenset[str]:
    """The list's classes at the mapper's granularity: required ids, never the root.

    A finer ontology leaf rolls up to its nearest required ids; a class that only rolls up to the
    root (e.g. ``technique/distributed-training``) stays as it is (it still has a family).

    >>> import ontology
    >>> sorted(comparable(ontology.load(), ["technique/one-shot-nas", "technique/lora"]))
    ['technique/lora', 'technique/neural-architecture-search']
    """
    out: set[str] = set()
    for t in listed:
        up = [r for r in onto.rollup(t) if r != TECH_ROOT]
        out.update(up or [t])
    return frozenset(out)


def compare(onto: Any, mapped: Iterable[str], listed: Iterable[str]) -> tuple[bool, bool, bool]:
    """``(strict, exact, family)`` agreement of mapper classes with list classes.

    >>> import ontology
    >>> o = ontology.load()
    >>> compare(o, ["technique/kv-cache-eviction"], ["technique/kv-cache-compression"])
    (False, True, True)
    >>> compare(o, ["technique/kv-cache-compression"], ["technique/kv-cache-eviction"])
    (False, False, True)
    >>> compare(o, ["technique/lora"], ["technique/quantization"])
    (False, False, False)
    """
    mapped, listed = set(mapped), set(listed)
    target = comparable(onto, listed)
    strict = bool(mapped & target)
    exact = strict or any(t in onto.ancestors(m) for m in mapped for t in target | listed)
    fam_listed = set().union(*(families(onto, t) for t in listed)) if listed else set()
    fam_mapped = set().union(*(families(onto, m) for m in mapped)) if mapped else set()
    return strict, exact, bool(fam_listed & fam_mapped)


def _rates(rows: Sequence[EntryResult] | Sequence[PaperResult]) -> Rates:
    n = len(rows)
    if n == 0:
        return Rates(n=0, strict=0.0, exact=0.0, family=0.0, out_of_scope=0)
    return Rates(
        n=n,
        strict=round(sum(r.strict for r in rows) / n, 4),
        exact=round(sum(r.exact for r in rows) / n, 4),
        family=round(sum(r.family for r in rows) / n, 4),
        out_of_scope=sum(not r.in_scope for r in rows),
    )


def _pattern(onto: Any, listed: Iterable[str], mapped: Iterable[str], in_scope: bool) -> str:
    def fam(ids: Iterable[str]) -> str:
        names = sorted({f.split("/", 1)[1] for t in ids for f in families(onto, t)})
        return "+".join(names) or "-"

    right = fam(mapped) if in_scope and mapped else "(out of scope)" if not in_scope else "(no class)"
    return f"{fam(listed)} -> {right}"


def evaluate_curated(entries: Sequence[CuratedEntry], papers: Iterable[Paper], onto: Any) -> CuratedReport:
    """Map the listed seed papers and compare with the lists; unscored entries are skipped.

    A title missing from ``papers`` is an :class:`InputError` (the crosswalk must name seed titles).
    """
    from loaders.mapping.evaluation import predicted
    from loaders.mapping.mapper import map_paper

    started = time.perf_counter()
    by_title = {p.title: p for p in papers}
    missing = sorted({e.title for e in entries} - by_title.keys())
    if missing:
        raise InputError(f"{len(missing)} curated titles are not seed titles, e.g. {missing[0]!r}")
    mapped: dict[str, tuple[tuple[str, ...], bool]] = {}
    for title in sorted({e.title for e in entries}):
        m = map_paper(by_title[title], onto)
        mapped[title] = (tuple(sorted(predicted(m)["techniques"])), m.in_scope)

    results = []
    for e in entries:
        if not e.techniques:
            continue
        classes, in_scope = mapped[e.title]
        strict, exact, family = compare(onto, classes, e.techniques)
        results.append(EntryResult(entry=e, paper_id=by_title[e.title].id, mapped=classes, in_scope=in_scope,
                                   strict=strict, exact=exact, family=family))

    grouped: dict[str, list[EntryResult]] = defaultdict(list)
    for r in results:
        grouped[r.entry.title].append(r)
    paper_rows = []
    for title, rows in sorted(grouped.items()):
        listed = tuple(sorted({t for r in rows for t in r.entry.techniques}))
        classes, in_scope = mapped[title]
        strict, exact, family = compare(onto, classes, listed)
        paper_rows.append(PaperResult(
            title=title, paper_id=rows[0].paper_id, listed=listed, mapped=classes, in_scope=in_scope,
            strict=strict, exact=exact, family=family,
            lists=tuple(f"{r.entry.repo}: {r.entry.heading}" for r in rows),
        ))

    by_list: dict[str, list[EntryResult]] = defaultdict(list)
    for r in results:
        by_list[r.entry.repo].append(r)
    patterns = Counter(_pattern(onto, r.entry.techniques, r.mapped, r.in_scope) for r in results if not r.family)
    return CuratedReport(
        entries=len(entries),
        papers_found=len({e.title for e in entries}),
        per_paper=_rates(paper_rows),
        per_entry=_rates(results),
        per_list={k: _rates(v) for k, v in sorted(by_list.items())},
        papers=tuple(paper_rows),
        entry_results=tuple(results),
        patterns=tuple(patterns.most_common()),
        seconds=round(time.perf_counter() - started, 3),
    )


def _short(ids: Iterable[str]) -> str:
    return ", ".join(t.removeprefix("technique/") for t in ids) or "-"


def _print(rep: CuratedReport, *, diffs: bool, by_list: bool) -> None:
    print(f"curated lists: {rep.entries} entries, {rep.papers_found} seed papers, "
          f"{rep.per_paper.n} papers with a scored heading ({rep.seconds:.1f}s)")
    print(f"{'':12}{'n':>5}{'strict':>9}{'exact':>9}{'family':>9}{'out of scope':>14}")
    for name, r in (("per paper", rep.per_paper), ("per entry", rep.per_entry)):
        print(f"{name:12}{r.n:>5}{r.strict:>9.3f}{r.exact:>9.3f}{r.family:>9.3f}{r.out_of_scope:>14}")
    if by_list:
        print()
        for repo, r in rep.per_list.items():
            print(f"{repo[:44]:46}{r.n:>4}{r.strict:>8.2f}{r.exact:>8.2f}{r.family:>8.2f}")
    print("\nmost common family-level disagreements (list -> mapper):")
    for pat, n in rep.patterns[:15]:
        print(f"  {n:3}  {pat}")
    if diffs:
        print("\nfamily-level disagreements per entry:")
        for er in rep.entry_results:
            if not er.family:
                scope = "" if er.in_scope else "  [mapper: out of scope]"
                print(f"- {er.entry.title[:90]}\n    {er.entry.repo}: {er.entry.heading}\n"
                      f"    list: {_short(er.entry.techniques)} | mapper: {_short(er.mapped)}{scope}")
        print("\nexact-level misses inside the right family (per paper):")
        for p in rep.papers:
            if p.family and not p.exact:
                print(f"- {p.title[:90]}\n    list: {_short(p.listed)} | mapper: {_short(p.mapped)}")


def main(argv: list[str] | None = None) -> int:
    """Command line entry point; returns the exit status."""
    import ontology
    from loaders.mapping.corpus import load_seed_papers

    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--file", type=Path, default=CURATED, help="crosswalk to score (JSON lines)")
    ap.add_argument("--diffs", action="store_true", help="print every disagreement")
    ap.add_argument("--by-list", action="store_true", help="print hit rates per curated list")
    ap.add_argument("--json", action="store_true", help="print the whole report as JSON")
    args = ap.parse_args(argv)
    rep = evaluate_curated(load_curated(args.file), load_seed_papers(), ontology.load())
    if args.json:
        print(rep.model_dump_json(indent=1))
    else:
        _print(rep, diffs=args.diffs, by_list=args.by_list)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
