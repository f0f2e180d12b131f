"""The main job: sources -> papers -> mappings -> graph -> store.

``build`` is incremental by default: papers already in the store are kept and re-mapped with
the current mapper and ontology, so re-building never leaves stale facts; ``replace=True``
keeps only the papers read from ``sources``.
"""

from __future__ import annotations

import gc
import logging
import time
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path

from pydantic import Field

from kg.graph import AssemblyReport, GraphStats, assemble, graph_stats, papers_in
from kg.records import LoadReport, Mapping, Paper, Record, SkippedLine
from kg.store.base import GraphStore, WriteSummary

log = logging.getLogger(__name__)

Stage = Callable[[str, int, int], None]
"""Progress callback ``stage(name, done, total)`` for long builds."""


class MappingSummary(Record):
    """How the mapping went over all papers of a build."""

    papers: int = 0
    in_scope: int = 0
    out_of_scope: tuple[str, ...] = Field(default=(), description="ids of out-of-scope papers")
    topics: dict[str, int] = Field(default_factory=dict, description="out-of-scope papers per topic")
    linked: dict[str, int] = Field(default_factory=dict, description="linked mentions per label")
    unlinked: dict[str, int] = Field(default_factory=dict, description="unlinked mentions per reason")
    relations: dict[str, int] = Field(default_factory=dict, description="extracted relations per type")
    results: int = 0
    partial_results: int = 0


def summarise_mappings(mappings: Sequence[Mapping]) -> MappingSummary:
    """Aggregate per-paper mappings into the report ``kg build`` prints."""
    linked: Counter[str] = Counter()
    unlinked: Counter[str] = Counter()
    relations: Counter[str] = Counter()
    topics: Counter[str] = Counter()
    out = []
    results = partial = 0
    for m in mappings:
        for mention in m.mentions:
            if mention.entity_id:
                linked[mention.label.value] += 1
            else:
                unlinked[mention.reason or "unspecified"] += 1
        relations.update(r.type.value for r in m.relations)
        results += len(m.results)
        partial += sum(1 for r in m.results if r.partial)
        if not m.in_scope:
            out.append(m.paper_id)
            topics[m.topic or "topic/other"] += 1
    return MappingSummary(
        papers=len(mappings),
        in_scope=len(mappings) - len(out),
        out_of_scope=tuple(sorted(out)),
        topics=dict(sorted(topics.items())),
        linked=dict(sorted(linked.items())),
        unlinked=dict(sorted(unlinked.items())),
        relations=dict(sorted(relations.items())),
        results=results,
        partial_results=partial,
    )


class FileSummary(Record):
    file: str
    format: str
    records: int
    skipped: int
    errors: tuple[str, ...] = ()


class BuildReport(Record):
    """Everything a build did: what was read, skipped, mapped and written."""

    store: str
    files: tuple[FileSummary, ...] = ()
    papers_read: int = Field(0, description="records read from the sources (before merging)")
    papers_unique: int = Field(0, description="distinct papers among them")
    papers_kept: int = Field(0, description="papers already in the store and kept")
    papers_total: int = 0
    skipped: tuple[SkippedLine, ...] = ()
    mapping: MappingSummary = Field(default_factory=MappingSummary)
    assembly: AssemblyReport = Field(default_factory=AssemblyReport)
    write: WriteSummary = Field(default_factory=WriteSummary)
    stats: GraphStats = Field(default_factory=lambda: GraphStats(nodes={}, edges={}))
    dry_run: bool = False
    seconds: float = 0.0


def merge_with_stored(new: Sequence[Paper], stored: Sequence[Paper]) -> list[Paper]:
    """Stored papers not read again are kept; a paper read again is merged with its stored self
    (occurrences united; the richest record wins, see :mod:`loaders.merge`)."""
    from loaders import merge_papers

    return merge_papers([*stored, *new])


@contextmanager
def _cyclic_gc_paused() -> Iterator[None]:
    """Run a block with Python's cyclic garbage collector off.

    Mapping and assembly create hundreds of thousands of long-lived objects and almost no cycles;
    each full collection re-scans all of them, which made assembly grow faster than the corpus
    (3x the time for 2x the papers). Reference counting still frees everything acyclic.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def build(
    sources: Sequence[str | Path],
    store: GraphStore,
    *,
    input_format: str | None = None,
    replace: bool = False,
    dry_run: bool = False,
    stage: Stage | None = None,
) -> BuildReport:
    """Load ``sources``, map every paper onto the ontology and make ``store`` hold the result.

    The store write is atomic: on any error the store keeps its previous graph.
    """
    import ontology
    from loaders import load_paths
    from loaders.mapping.mapper import map_paper

    started = time.perf_counter()
    loaded = load_paths([Path(s) for s in sources], format=input_format)
    reports: Sequence[LoadReport] = loaded.reports
    stored: list[Paper] = [] if replace else list(papers_in(store.read()))
    papers = merge_with_stored(loaded.papers, stored) if stored else list(loaded.papers)
    new_ids = {p.id for p in loaded.papers}

    onto = ontology.load()
    with _cyclic_gc_paused():
        mappings = []
        for i, paper in enumerate(papers, 1):
            mappings.append(map_paper(paper, onto))
            if stage and (i % 25 == 0 or i == len(papers)):
                stage("mapping", i, len(papers))
        graph, assembly = assemble(papers, mappings, onto)
    if dry_run:
        write = store.plan(graph)
        summary = WriteSummary(
            nodes_written=len(write.upsert_nodes),
            nodes_deleted=len(write.delete_nodes),
            edges_written=len(write.upsert_edges),
            edges_deleted=len(write.delete_edges),
        )
    else:
        summary = store.write(graph, progress=(lambda d, t: stage("writing", d, t)) if stage else None)

    return BuildReport(
        store=store.uri,
        files=tuple(
            FileSummary(file=r.file, format=r.format, records=len(r.papers), skipped=len(r.skipped), errors=r.errors)
            for r in reports
        ),
        papers_read=sum(len(r.papers) for r in reports),
        papers_unique=len(new_ids),
        papers_kept=sum(1 for p in papers if p.id not in new_ids),
        papers_total=len(papers),
        skipped=tuple(s for r in reports for s in r.skipped),
        mapping=summarise_mappings(mappings),
        assembly=assembly,
        write=summary,
        stats=graph_stats(graph),
        dry_run=dry_run,
        seconds=round(time.perf_counter() - started, 3),
    )
