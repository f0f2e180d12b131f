"""Paper -> Mapping: entities, relations with evidence, results and mentions.

>>> from kg.records import Paper, SourceRef
>>> text = ("FooKV: KV Cache Eviction for Long Contexts\\n\\nWe propose FooKV, a method that evicts "
...         "unimportant tokens from the KV cache. On Llama-2-7B it keeps LongBench accuracy on one A100 GPU.")
>>> p = Paper(id="paper/t-000000000001", title=text.split("\\n")[0], abstract=text.split("\\n\\n")[1], text=text,
...           occurrences=(SourceRef(file="x", line=1, format="t", loader="t"),))
>>> m = map_paper(p, None)
>>> sorted({(r.type.value, r.target) for r in m.relations if r.source == p.id})  # doctest: +NORMALIZE_WHITESPACE
[('EVALUATED_ON', 'dataset/longbench'), ('EVALUATED_ON', 'model/llama-2-7b'), ('PROPOSES', 'method/fookv'),
 ('RUNS_ON', 'hardware/nvidia-a100'), ('STUDIES', 'technique/kv-cache-eviction'), ('TARGETS', 'hwclass/gpu')]
"""

from __future__ import annotations

import logging
import time
from collections import Counter
from collections.abc import Iterable, Sequence
from functools import lru_cache
from typing import Any

from pydantic import Field

from kg.records import Entity, Evidence, Mapping, Mention, Paper, PropValue, Record, Relation, ResultRecord
from loaders.mapping import models as mdl
from loaders.mapping.doc import LinkedDoc
from loaders.mapping.linker import Linked, _unvalidated, link
from loaders.mapping.taxonomy import Taxonomy
from ontology.vocab import NodeLabel, RelType, check_edge

log = logging.getLogger(__name__)

EXTRACTOR = "mapper"
VERSION = "1.0"

try:  # the relation and result extractors land separately; the mapper works without them
    from loaders import relations as _relations
except ImportError:  # pragma: no cover - depends on what is installed
    _relations = None  # type: ignore[assignment]
try:
    from loaders import results as _results
except ImportError:  # pragma: no cover
    _results = None  # type: ignore[assignment]


class MappingReport(Record):
    """What mapping a batch of papers produced, for ``kg build`` and ``kg eval``."""

    papers: int = 0
    in_scope: int = 0
    out_of_scope: tuple[str, ...] = Field(default=(), description="ids of out-of-scope papers")
    topics: dict[str, int] = Field(default_factory=dict)
    linked: dict[str, int] = Field(default_factory=dict, description="linked mentions per label")
    unlinked: dict[str, int] = Field(default_factory=dict, description="unlinked mentions per reason")
    relations: dict[str, int] = Field(default_factory=dict)
    seconds: float = 0.0


class MappingBatch(Record):
    """The mappings of a batch of papers (in input order) and their report."""

    mappings: tuple[Mapping, ...]
    report: MappingReport


def _known_ids(onto: Any) -> frozenset[str]:
    if onto is None or not hasattr(onto, "nodes"):
        return frozenset()
    return frozenset(e.id for e in onto.nodes())


_TAX_CACHE: dict[int, tuple[Any, Taxonomy, frozenset[str]]] = {}


def _context(onto: Any) -> tuple[Taxonomy, frozenset[str]]:
    key = id(onto)
    hit = _TAX_CACHE.get(key)
    if hit is None or hit[0] is not onto:
        # the paper-level classes are the required ones of docs/conventions.md; finer ontology
        # leaves count for them through ``rollup`` in the lexicon
        hit = (onto, Taxonomy.default(), _known_ids(onto))
        _TAX_CACHE.clear()
        _TAX_CACHE[key] = hit
    return hit[1], hit[2]


def link_paper(paper: Paper, onto: Any) -> LinkedDoc:
    """The :class:`LinkedDoc` of one paper (what relation/result extractors read)."""
    tax, _ = _context(onto)
    return link(paper, onto, tax).doc


def map_paper(paper: Paper, onto: Any) -> Mapping:
    """Map one paper onto the ontology (deterministic; no network)."""
    tax, known = _context(onto)
    lk = link(paper, onto, tax)
    entities, relations = _facts(lk, known)
    results: tuple[ResultRecord, ...] = ()
    if _relations is not None and hasattr(_relations, "extract_relations"):
        relations.extend(_not_class_parts(_relations.extract_relations(lk.doc), lk.doc, onto))
    if _results is not None and hasattr(_results, "extract_results"):
        results = tuple(_results.extract_results(lk.doc))
    doc = lk.doc
    sentences = doc.sentences
    # (every value comes from a validated LinkedMention or Sentence: built without validating them again)
    mentions = tuple(
        _unvalidated(Mention, {
            "text": m.text, "start": m.start, "end": m.end,
            "sentence_start": sentences[m.sentence].start, "sentence_end": sentences[m.sentence].end,
            "label": m.label, "entity_id": m.entity_id, "reason": m.reason,
        })
        for m in doc.mentions
    )
    return Mapping(
        paper_id=paper.id,
        in_scope=doc.in_scope,
        topic=doc.topic,
        entities=tuple(sorted(entities.values(), key=lambda e: e.id)),
        relations=tuple(_dedupe(relations)),
        results=results,
        mentions=mentions,
    )


def map_papers(papers: Iterable[Paper], onto: Any) -> MappingBatch:
    """Map many papers; the report counts linked/unlinked mentions and out-of-scope papers."""
    started = time.perf_counter()
    mappings = tuple(map_paper(p, onto) for p in papers)
    return MappingBatch(mappings=mappings, report=report_of(mappings, seconds=time.perf_counter() - started))


def report_of(mappings: Sequence[Mapping], *, seconds: float = 0.0) -> MappingReport:
    linked: Counter[str] = Counter()
    unlinked: Counter[str] = Counter()
    rels: Counter[str] = Counter()
    topics: Counter[str] = Counter()
    out = []
    for m in mappings:
        for men in m.mentions:
            if men.entity_id:
                linked[men.label.value] += 1
            else:
                unlinked[men.reason or "unspecified"] += 1
        rels.update(r.type.value for r in m.relations)
        if not m.in_scope:
            out.append(m.paper_id)
            topics[m.topic or "topic/other"] += 1
    return MappingReport(
        papers=len(mappings), in_scope=len(mappings) - len(out), out_of_scope=tuple(sorted(out)),
        topics=dict(sorted(topics.items())), linked=dict(sorted(linked.items())),
        unlinked=dict(sorted(unlinked.items())), relations=dict(sorted(rels.items())), seconds=round(seconds, 3),
    )


# -- facts -------------------------------------------------------------------------------------


def _not_class_parts(relations: Iterable[Relation], doc: LinkedDoc, onto: Any) -> list[Relation]:
    """Drop parts that are a class, dataset or topic the abstract defines by acronym.

    "a hybrid of KDA and Multi-Head Latent Attention (MLA)": MLA is the shared-KV attention class the
    method reuses, not a part the paper names (the mapper's own component reader skips such acronyms too).
    """
    # (only when the long form is the class's name as a whole: "probabilistic expert pruning (PEP)" is
    # the paper's own kind of expert pruning, a named part)
    linked = {"method/" + _slug(a.short) for a in doc.acronyms if a.entity_id and _is_whole_name(a.long, a.entity_id, onto)}
    if not linked:
        return list(relations)
    return [r for r in relations if not (r.type is RelType.HAS_COMPONENT and r.target in linked)]


def _is_whole_name(long: str, target: str, onto: Any) -> bool:
    from loaders.mapping.lexicons import build_lexicon

    lex = build_lexicon(onto)
    # (kept per lexicon: the same long forms recur paper after paper, a scan each time cost more than the rest)
    key = (long, target)
    hit = _WHOLE_NAMES.get(key)
    if hit is not None and hit[0] is lex:
        return hit[1]
    name = long.strip()
    whole = any(h.target == target and h.start == 0 and h.end >= len(name) for h in lex.scan(name))
    if len(_WHOLE_NAMES) > 4096:
        _WHOLE_NAMES.clear()
    _WHOLE_NAMES[key] = (lex, whole)
    return whole


_WHOLE_NAMES: dict[tuple[str, str], tuple[Any, bool]] = {}


def _dedupe(relations: Iterable[Relation]) -> list[Relation]:
    best: dict[tuple[str, str, str], Relation] = {}
    for r in relations:
        key = (r.type.value, r.source, r.target)
        cur = best.get(key)
        # equal facts: the more confident wins; on a tie the mapper's paper-level reading is kept
        if cur is None or (r.evidence.confidence, r.evidence.extractor == EXTRACTOR) > (
                cur.evidence.confidence, cur.evidence.extractor == EXTRACTOR):
            best[key] = r
    return [best[k] for k in sorted(best)]


def _facts(lk: Linked, known: frozenset[str]) -> tuple[dict[str, Entity], list[Relation]]:
    doc = lk.doc
    pid = doc.paper.id
    entities: dict[str, Entity] = {}
    relations: list[Relation] = []

    def ev(sentence: int, confidence: float) -> Evidence:
        return doc.evidence(sentence, extractor=EXTRACTOR, version=VERSION, confidence=confidence)

    def rel(t: RelType, src: str, tgt: str, sentence: int, conf: float, qualifier: str = "") -> None:
        check_edge(t, src, tgt)
        # (the ids and the qualifier are strings, the evidence a record: ~3k a pass over the seeds)
        relations.append(_unvalidated(Relation, {"type": t, "source": src, "target": tgt, "evidence": ev(sentence, conf),
                                                 "qualifier": qualifier}))

    def entity(eid: str, label: NodeLabel, name: str, props: dict[str, PropValue] | None = None) -> None:
        if eid in known or eid in entities:
            return
        clean = {k: v for k, v in (props or {}).items() if v is not None and v != () and v != ""}
        entities[eid] = Entity(id=eid, label=label, name=name, props=clean)

    # paper -> techniques / topic
    for t in doc.techniques:
        si, conf = lk.evidence.get(t, (0, 0.6))
        rel(RelType.STUDIES, pid, t, si, conf)
    if not doc.in_scope and doc.topic:
        si, conf = lk.evidence.get(doc.topic, (0, 0.5))
        rel(RelType.STUDIES, pid, doc.topic, si, conf)

    # proposed methods, their classes and components
    main = doc.methods[0] if doc.methods else None
    for m in doc.methods:
        props: dict[str, PropValue] = {"paper": pid}
        if doc.techniques:
            props["techniques"] = tuple(doc.techniques)
        entity(m.id, NodeLabel.METHOD, m.name, props)
        rel(RelType.PROPOSES, pid, m.id, m.sentence, m.confidence)
        for t in m.techniques:
            rel(RelType.INSTANCE_OF, m.id, t, m.sentence, round(m.confidence * 0.9, 3))
    if main is not None:
        for name, start, si in lk.components:
            cid = next((c for c in main.components if c.endswith("/" + _slug(name))), None)
            if cid is None:
                continue
            entity(cid, NodeLabel.METHOD, name, {"paper": pid, "component_of": main.id})
            rel(RelType.HAS_COMPONENT, main.id, cid, si, 0.6)

    # memory components reduced: by the main method, else by the paper's techniques
    for comp, (si, conf) in sorted(lk.memory.items()):
        sources = [main.id] if main is not None else list(doc.techniques[:1])
        for src in sources:
            rel(RelType.REDUCES, src, comp, si, conf)

    # models
    families = _families(known)
    for mid, model in sorted(lk.models.items()):
        si, conf = lk.evidence.get(mid, (0, 0.8))
        entity(mid, NodeLabel.MODEL, model.name, dict(model.props()))
        rel(RelType.EVALUATED_ON, pid, mid, si, conf)
        fam = model.family_id
        # MEMBER_OF only towards a family the catalog describes
        if fam in families and mid not in known:
            rel(RelType.MEMBER_OF, mid, fam, si, conf)
        # The architecture comes with the family; a model states its own only where the family
        # does not give it (no family, or a member that departs from it).
        if mid not in known and (fam not in families or _FAMILY_ARCH.get(fam) != model.arch):
            rel(RelType.USES_ARCHITECTURE, mid, f"arch/{model.arch}", si, 0.7)

    # hardware and hardware classes
    for hid, d in sorted(lk.devices.items()):
        si = next((x.sentence for x in doc.mentions if x.entity_id == hid), 0)
        entity(hid, NodeLabel.HARDWARE, d.name, dict(d.props()))  # type: ignore[arg-type]
        rel(RelType.RUNS_ON, pid, hid, si, 0.85, _device_qualifier(d.count, d.memory_gb))
        rel(RelType.INSTANCE_OF, hid, d.hwclass, si, 0.9)
    for cls, (si, conf, q) in sorted(lk.hwclasses.items()):
        rel(RelType.TARGETS, pid, cls, si, conf, q)

    # datasets (a benchmark the paper itself names as its contribution is introduced)
    method_slugs = {m.id.split("/", 1)[1] for m in doc.methods}
    # a dataset the catalog does not know is named as the paper first writes it ("MemoryBench", not its key)
    written: dict[str, str] = {}
    if any(did not in known for did in lk.datasets):
        for mn in doc.mentions:
            if mn.label is NodeLabel.DATASET and mn.entity_id is not None:
                written.setdefault(mn.entity_id, mn.text)
        for m in doc.methods:  # (a benchmark the paper introduces is named as its method is)
            written.setdefault("dataset/" + m.id.split("/", 1)[1], m.name)
    for did, (si, conf) in sorted(lk.datasets.items()):
        entity(did, NodeLabel.DATASET, written.get(did) or did.split("/", 1)[1])
        if did.split("/", 1)[1] in method_slugs:
            rel(RelType.INTRODUCES, pid, did, si, conf)
        rel(RelType.EVALUATED_ON, pid, did, si, conf)
    return entities, relations


def _device_qualifier(count: int | None, memory_gb: int | None) -> str:
    """A RUNS_ON edge's qualifier: how many devices, and how much memory each has, as the paper states them.

    >>> [_device_qualifier(8, 80), _device_qualifier(8, None), _device_qualifier(None, 24), _device_qualifier(None, None)]
    ['8x80GB', '8', '24GB', '']
    """
    return f"{count or ''}{'x' if count and memory_gb else ''}{f'{memory_gb}GB' if memory_gb else ''}"


_FAMILY_ARCH = {f"family/{s.key}": s.arch for s in mdl.STEMS if s.key == s.family}
"""Architecture of each family, as the catalog renders it (the family's own stem)."""


@lru_cache(maxsize=4)  # ``known`` is the ontology's id set, the same frozenset for every paper
def _families(known: frozenset[str]) -> frozenset[str]:
    """Family ids that exist: the ontology's, or the catalog's when mapping without an ontology."""
    fams = frozenset(k for k in known if k.startswith("family/"))
    if fams:
        return fams
    from loaders.mapping.catalog import _family_entries

    return frozenset(f for f, *_ in _family_entries())


def _slug(name: str) -> str:
    from kg.ids import slug

    return slug(name)


__all__ = ["MappingBatch", "MappingReport", "link_paper", "map_paper", "map_papers", "mdl"]
