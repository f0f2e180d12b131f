"""Score the mapper against hand annotations (``tests/devset/*.jsonl``).

Per field, micro-averaged precision, recall and F1 over (paper, item) pairs; for the scope
decision, precision/recall/F1 of the "out of scope" label plus topic accuracy. Names of methods
and components are compared by slug; model ids are compared after the model grammar's own
normalisation on both sides (so ``qwen2.5-7b`` and ``qwen-2.5-7b`` are the same model).

How a mapping answers each field (:func:`predicted`): techniques, methods, models, datasets,
hardware and hardware classes are the paper's own edges (``STUDIES``, ``PROPOSES``,
``EVALUATED_ON``, ``INTRODUCES``, ``RUNS_ON``, ``TARGETS``); components are the ``HAS_COMPONENT``
edges of the proposed methods, from the mapper and the relation extractor alike. Memory
components are the paper-level claim only: the ``REDUCES`` edges the mapper emits for the
paper's main method (or its first technique when it names no method), decided from the
method's classes and its own sentences. The relation extractor's sentence-level ``REDUCES``
(a part of the method, a baseline, a motivating remark) stay in the graph as evidence but do
not answer "what does this paper's method reduce"; on the development set adding them cost
precision (7 false for 1 true item).

To estimate how rules generalise, :func:`fold_of` splits an annotation file into 5 fixed folds
(a hash of the title): study the errors of some folds, check the untouched one
(``bench/eval_mapping.py --folds 0,1,2,3`` / ``--cv``).

>>> s = Score(tp=8, fp=2, fn=0)
>>> (s.precision, s.recall, round(s.f1, 3))
(0.8, 1.0, 0.889)
"""

from __future__ import annotations

import hashlib
import json
import time
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

from pydantic import Field

from kg.errors import InputError
from kg.ids import normalise_title, paper_id, slug
from kg.records import Mapping, Paper, Record
from ontology.vocab import RelType

PAPER_LEVEL_EXTRACTOR = "mapper"
"""Extractor name of the paper-level facts (``loaders.mapping.mapper.EXTRACTOR``)."""

FIELDS = (
    "techniques", "methods", "components", "models", "hardware", "hardware_classes", "datasets", "memory_components",
)


class Annotation(Record):
    """One annotated paper (see tests/devset/README.md)."""

    title: str
    file: str
    line: int
    in_scope: bool
    topic: str | None = None
    techniques: tuple[str, ...] = ()
    methods: tuple[str, ...] = ()
    components: tuple[str, ...] = ()
    models: tuple[str, ...] = ()
    hardware: tuple[str, ...] = ()
    hardware_classes: tuple[str, ...] = ()
    datasets: tuple[str, ...] = ()
    memory_components: tuple[str, ...] = ()
    notes: str = ""


class Score(Record):
    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


class PaperDiff(Record):
    title: str
    field: str
    missing: tuple[str, ...] = ()
    extra: tuple[str, ...] = ()


class EvalReport(Record):
    """Scores per field and for the scope decision, with every disagreement listed."""

    papers: int
    fields: dict[str, Score]
    scope: Score = Field(description="the positive class is 'out of scope'")
    topic_accuracy: float = 0.0
    papers_per_second: float = 0.0
    diffs: tuple[PaperDiff, ...] = ()

    def rows(self) -> list[dict[str, Any]]:
        """Table rows: field, P, R, F1, tp, fp, fn."""
        out = []
        for name, s in [*self.fields.items(), ("out-of-scope", self.scope)]:
            out.append({"field": name, "precision": round(s.precision, 3), "recall": round(s.recall, 3),
                        "f1": round(s.f1, 3), "tp": s.tp, "fp": s.fp, "fn": s.fn})
        return out


def load_annotations(path: Path) -> list[Annotation]:
    """Read a JSON-lines annotation file; a malformed line is an :class:`InputError`."""
    out = []
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError as exc:
        raise InputError(str(exc), path=str(path)) from exc
    for n, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            out.append(Annotation.model_validate(json.loads(line)))
        except (ValueError, TypeError) as exc:
            raise InputError(f"bad annotation: {exc}", path=str(path), line=n) from exc
    return out


def fold_of(title: str, folds: int = 5) -> int:
    """The cross-validation fold of an annotated paper: a fixed hash of its title, so splits never move.

    >>> fold_of("GaLore: Memory-Efficient LLM Training by Gradient Low-Rank Projection") in range(5)
    True
    """
    return int(hashlib.sha1(title.encode("utf-8")).hexdigest(), 16) % folds


def select_folds(annotations: Sequence[Annotation], keep: Iterable[int], folds: int = 5) -> list[Annotation]:
    """The annotations whose fold is in ``keep`` (tune on some folds, check on the untouched rest)."""
    wanted = set(keep)
    return [a for a in annotations if fold_of(a.title, folds) in wanted]


POOL_FOLD_SEED = "effkg-pool-5"
"""Seed of :func:`pool_fold_of`; fixed so the pooled folds never move."""


def pool_fold_of(title: str, folds: int = 5) -> int:
    """The fold of a paper in the pooled dev + dev2 set: a hash of the seed and the normalised title.

    Case, punctuation or LaTeX variants of a title land in the same fold.

    >>> pool_fold_of("GaLore: Memory-Efficient LLM Training") == pool_fold_of("galore memory efficient llm training")
    True
    """
    digest = hashlib.sha1(f"{POOL_FOLD_SEED}:{normalise_title(title)}".encode("utf-8")).hexdigest()
    return int(digest, 16) % folds


def select_pool_folds(annotations: Sequence[Annotation], keep: Iterable[int], folds: int = 5) -> list[Annotation]:
    """The pooled annotations whose :func:`pool_fold_of` fold is in ``keep``."""
    wanted = set(keep)
    return [a for a in annotations if pool_fold_of(a.title, folds) in wanted]


def class_errors(report: EvalReport, field: str = "techniques") -> dict[str, tuple[int, int]]:
    """Per item of one field: (false positives, false negatives) over the report's papers."""
    out: dict[str, list[int]] = {}
    for d in report.diffs:
        if d.field != field:
            continue
        for x in d.extra:
            out.setdefault(x, [0, 0])[0] += 1
        for x in d.missing:
            out.setdefault(x, [0, 0])[1] += 1
    return {k: (v[0], v[1]) for k, v in out.items()}


def canonical_model(model_id: str) -> str:
    """A model id after the grammar's normalisation (``model/qwen2.5-7b`` -> ``model/qwen-2.5-7b``)."""
    from loaders.mapping.models import parse_model_name

    tail = model_id.split("/", 1)[-1]
    try:
        m = parse_model_name(tail)
    except ValueError:
        return model_id
    if m.end < len(tail):  # the grammar read only part of it; keep the id as given
        return model_id
    return m.id


def _norm(field: str, items: Iterable[str]) -> set[str]:
    if field in ("methods", "components"):
        return {slug(x) for x in items if slug(x)}
    if field == "models":
        return {canonical_model(x) for x in items}
    return set(items)


def predicted(mapping: Mapping) -> dict[str, set[str]]:
    """What a mapping says, per annotation field."""
    pid = mapping.paper_id
    names = {e.id: e.name for e in mapping.entities}
    out: dict[str, set[str]] = {f: set() for f in FIELDS}
    main_methods = set()
    for r in mapping.relations:
        if r.source == pid:
            if r.type is RelType.STUDIES and r.target.startswith("technique/"):
                out["techniques"].add(r.target)
            elif r.type is RelType.PROPOSES:
                out["methods"].add(names.get(r.target, r.target.split("/", 1)[1]))
                main_methods.add(r.target)
            elif r.type is RelType.EVALUATED_ON and r.target.startswith("model/"):
                out["models"].add(r.target)
            elif r.type in (RelType.EVALUATED_ON, RelType.INTRODUCES) and r.target.startswith("dataset/"):
                out["datasets"].add(r.target)
            elif r.type is RelType.RUNS_ON:
                out["hardware"].add(r.target)
            elif r.type is RelType.TARGETS:
                out["hardware_classes"].add(r.target)
    for r in mapping.relations:
        if r.type is RelType.HAS_COMPONENT and r.source in main_methods and r.evidence.paper_id == pid:
            out["components"].add(names.get(r.target, r.target.split("/", 1)[1]))
        elif r.type is RelType.REDUCES and r.evidence.paper_id == pid and r.evidence.extractor == PAPER_LEVEL_EXTRACTOR:
            # the paper-level claim: what the paper's own method reduces, decided by the mapper from
            # the method's classes and its own sentences; sentence-level REDUCES of the relation
            # extractor (a part, a baseline, a motivating remark) stay in the graph as evidence only
            out["memory_components"].add(r.target)
    return out


def evaluate(annotations: Sequence[Annotation], papers: Sequence[Paper], onto: Any) -> EvalReport:
    """Map the annotated papers and score the mappings against the annotations."""
    from loaders.mapping.mapper import map_paper

    by_id = {p.id: p for p in papers}
    pairs: list[tuple[Annotation, Paper]] = []
    for a in annotations:
        p = by_id.get(paper_id(a.title))
        if p is None:
            raise InputError(f"annotated paper not found in the corpus: {a.title!r}")
        pairs.append((a, p))
    started = time.perf_counter()
    mappings = [map_paper(p, onto) for _, p in pairs]
    elapsed = time.perf_counter() - started
    report = _score([(a, predicted(m), not m.in_scope, m.topic) for (a, _), m in zip(pairs, mappings)])
    return report.model_copy(update={"papers_per_second": round(len(pairs) / elapsed, 1) if elapsed > 0 else 0.0})


def agreement(reference: Sequence[Annotation], other: Sequence[Annotation]) -> EvalReport:
    """Score a second, independent annotation of the same papers against ``reference``, as the mapper is scored.

    How far two careful readers agree bounds what any mapper can reach against either of them. Papers are
    matched by normalised title; a paper the other annotation lacks is not scored.

    >>> a = Annotation(title="T", file="f", line=1, in_scope=True, techniques=("technique/lora",))
    >>> b = a.model_copy(update={"techniques": ("technique/lora", "technique/adapters")})
    >>> s = agreement([a], [b]).fields["techniques"]
    >>> (s.tp, s.fp, s.fn)
    (1, 1, 0)
    """
    theirs = {normalise_title(x.title): x for x in other}
    rows = []
    for a in reference:
        b = theirs.get(normalise_title(a.title))
        if b is not None:
            rows.append((a, {f: set(getattr(b, f)) for f in FIELDS}, not b.in_scope, b.topic))
    return _score(rows)


def _score(rows: Sequence[tuple[Annotation, dict[str, set[str]], bool, str | None]]) -> EvalReport:
    """Micro P/R/F1 per field and for the scope decision: each row is (gold, predicted fields, predicted out of
    scope, predicted topic)."""
    scores = {f: [0, 0, 0] for f in FIELDS}
    scope = [0, 0, 0]
    topic_ok = 0
    diffs: list[PaperDiff] = []
    for a, pred, pred_out, pred_topic in rows:
        for f in FIELDS:
            gold = _norm(f, getattr(a, f))
            got = _norm(f, pred[f])
            scores[f][0] += len(gold & got)
            scores[f][1] += len(got - gold)
            scores[f][2] += len(gold - got)
            if gold != got:
                diffs.append(PaperDiff(title=a.title, field=f, missing=tuple(sorted(gold - got)),
                                       extra=tuple(sorted(got - gold))))
        gold_out = not a.in_scope
        scope[0] += gold_out and pred_out
        scope[1] += pred_out and not gold_out
        scope[2] += gold_out and not pred_out
        if gold_out == pred_out and (not gold_out or a.topic == pred_topic):
            topic_ok += 1
        if gold_out != pred_out or (gold_out and a.topic != pred_topic):
            diffs.append(PaperDiff(title=a.title, field="scope", missing=(str(a.topic or "in-scope"),),
                                   extra=(str(pred_topic or "in-scope"),)))
    return EvalReport(
        papers=len(rows),
        fields={f: Score(tp=v[0], fp=v[1], fn=v[2]) for f, v in scores.items()},
        scope=Score(tp=scope[0], fp=scope[1], fn=scope[2]),
        topic_accuracy=round(topic_ok / len(rows), 3) if rows else 0.0,
        diffs=tuple(diffs),
    )
