"""Score the result and relation extractors on the annotated sentence sets in ``tests/devset``.

Usage::

    .venv/bin/python bench/eval_results.py                 # dev sets: results and relations
    .venv/bin/python bench/eval_results.py --diffs         # and every disagreement
    .venv/bin/python bench/eval_results.py --heldout       # held-out sets (report only; never tune on them)
    .venv/bin/python bench/eval_results.py --set dev2      # second dev set (results only, annotated blind)
    .venv/bin/python bench/eval_results.py --fold 0        # one of 5 paper folds of the dev sets
    .venv/bin/python bench/eval_results.py --not-fold 0    # the other four folds

Folds split the dev sets by paper (``fold_of``: a hash of the normalised title and a fixed seed), so
rules can be studied on four folds and their generalisation checked on the untouched fifth.

Results. Each annotated line is one abstract sentence (raw offsets ``sentence_start``/``sentence_end``)
with every result it states (possibly none). Predicted results are aligned to the sentence whose
span overlaps their evidence sentence (``Paper.raw_span`` maps ``Paper.text`` offsets back to the
abstract as given); predictions in sentences nobody annotated are not scored. Inside a sentence,
predictions and annotations are paired one to one, greedily by the number of agreeing fields (a
pair must agree on the value). Scores:

- *whole results*: a prediction is right when every scored field equals the annotation;
- *detection*: the pairing alone (the right number was read as a result);
- *no wrong field*: a prediction paired with an annotation whose filled fields all agree with it; a
  field left empty where the annotation has a value is allowed here (issue 5: a result that cannot be
  fully resolved stays partial, never wrongly filled). Empty fields that the annotation also leaves
  empty count as right in every score;
- *per field*: slot precision/recall over the fields of all predictions and annotations.

Scored fields: subject, metric, value, value_max, unit, kind, direction, qualifier, baseline, model,
dataset, hardware and the structured condition keys. The free-text ``conditions["other"]`` of the
annotations is a note for readers and is not scored.

Relations. Each annotated line is one relation ``(type, source, target)`` stated in one sentence.
Recall: an annotated relation is found when the mapping of its paper holds the same relation.
Precision: over predicted relations (of the annotated types) whose evidence sentence is one of the
annotated sentences of that paper. Models are compared after the model grammar's normalisation.

>>> s = Score(tp=8, fp=2, fn=1)
>>> (s.precision, round(s.recall, 3), round(s.f1, 3))
(0.8, 0.889, 0.842)
"""

from __future__ import annotations

import argparse
import hashlib
import json
import math
import sys
import time
from collections import defaultdict
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict, Field

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from kg.errors import InputError  # noqa: E402
from kg.ids import normalise_title  # noqa: E402
from kg.records import Paper, Relation, ResultRecord  # noqa: E402

DEVSET = ROOT / "tests" / "devset"
RESULT_FIELDS = (
    "subject", "metric", "value", "value_max", "unit", "kind", "direction", "qualifier", "baseline", "model",
    "dataset", "hardware", "conditions",
)
CONDITION_KEYS = ("context_length", "bit_width", "batch_size", "sparsity", "configuration", "devices",
                  "compression_ratio")
RELATION_TYPES = ("EXTENDS", "COMPARED_WITH", "COMPOSES_WITH", "HAS_COMPONENT", "PORTS_TO", "ADDRESSES", "REDUCES",
                  "DERIVED_FROM", "USES_ARCHITECTURE", "TRAINED_ON", "INTRODUCES")


class _Rec(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class GoldResult(_Rec):
    subject: str | None = None
    metric: str | None = None
    value: float | None = None
    value_max: float | None = None
    unit: str | None = None
    kind: str | None = None
    direction: str | None = None
    qualifier: str | None = None
    baseline: str | None = None
    model: str | None = None
    dataset: str | None = None
    hardware: str | None = None
    conditions: dict[str, str] = Field(default_factory=dict)


class GoldSentence(_Rec):
    """One annotated sentence of ``results_*.jsonl``."""

    title: str
    file: str
    line: int
    sentence_start: int
    sentence_end: int
    results: tuple[GoldResult, ...] = ()
    notes: str = ""


class GoldRelation(_Rec):
    """One annotated relation of ``relations_*.jsonl``."""

    title: str
    file: str
    line: int
    sentence_start: int
    sentence_end: int
    type: str
    source: str
    target: str
    qualifier: str = ""
    notes: str = ""


class Score(_Rec):
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

    def __add__(self, other: Score) -> Score:
        return Score(tp=self.tp + other.tp, fp=self.fp + other.fp, fn=self.fn + other.fn)


class ResultsReport(_Rec):
    sentences: int
    gold_results: int
    predicted_results: int
    whole: Score
    detection: Score
    clean: Score = Field(default_factory=Score, description="predictions without a wrongly filled field")
    partial_right: int = Field(default=0, description="partial predictions whose filled fields are all right")
    fields: dict[str, Score]
    partial_predicted: int = 0
    diffs: tuple[str, ...] = ()
    seconds: float = 0.0


class RelationsReport(_Rec):
    relations: int
    papers: int
    overall: Score
    types: dict[str, Score]
    diffs: tuple[str, ...] = ()


for _model in (GoldResult, GoldSentence, GoldRelation, Score, ResultsReport, RelationsReport):
    _model.model_rebuild()  # the module may be loaded by path (tests), outside sys.modules

# -- loading ----------------------------------------------------------------------------------------


def _read_jsonl(path: Path) -> list[dict[str, Any]]:
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError as exc:
        raise InputError(str(exc), path=str(path)) from exc
    out = []
    for n, line in enumerate(lines, 1):
        if line.strip():
            try:
                out.append(json.loads(line))
            except ValueError as exc:
                raise InputError(f"bad JSON: {exc}", path=str(path), line=n) from exc
    return out


def load_result_annotations(path: Path) -> list[GoldSentence]:
    """The annotated sentences of a results set (``tests/devset/results_*.jsonl``)."""
    return [GoldSentence.model_validate(d) for d in _read_jsonl(path)]


def load_relation_annotations(path: Path) -> list[GoldRelation]:
    """The annotated relations of a relations set (``tests/devset/relations_*.jsonl``)."""
    return [GoldRelation.model_validate(d) for d in _read_jsonl(path)]


FOLDS = 5
FOLD_SEED = "effkg-5"


def fold_of(title: str, *, folds: int = FOLDS, seed: str = FOLD_SEED) -> int:
    """The fold (0 .. folds-1) of a paper: stable across runs and machines, the same in both sets.

    >>> fold_of("GaLore: Memory-Efficient LLM Training") == fold_of("galore memory efficient llm training")
    True
    """
    digest = hashlib.sha1(f"{seed}:{normalise_title(title)}".encode("utf-8")).hexdigest()
    return int(digest, 16) % folds


def select_folds(rows: Sequence[Any], *, only: Iterable[int] | None = None, exclude: Iterable[int] = ()) -> list[Any]:
    """The annotation rows (anything with a ``title``) whose paper falls in the chosen folds."""
    keep = set(range(FOLDS)) if only is None else set(only)
    keep -= set(exclude)
    return [r for r in rows if fold_of(r.title) in keep]


def paper_index(papers: Iterable[Paper]) -> dict[str, Paper]:
    """Papers by normalised title (the identity the annotations use)."""
    return {normalise_title(p.title): p for p in papers}


def _find(index: dict[str, Paper], title: str) -> Paper:
    p = index.get(normalise_title(title))
    if p is None:
        raise InputError(f"annotated paper not found in the corpus: {title!r}")
    return p


def _raw_abstract_span(paper: Paper, start: int, end: int) -> tuple[int, int] | None:
    part, s, e = paper.raw_span(start, end)
    return (s, e) if part == "abstract" else None


def _overlap(a: tuple[int, int], b: tuple[int, int]) -> int:
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


# -- normalisation for comparison -------------------------------------------------------------------


def _canon_model(model_id: str | None) -> str | None:
    if not model_id:
        return model_id
    try:
        from loaders.mapping.evaluation import canonical_model
    except ImportError:  # the mapper's evaluation is optional: ids then compare as given
        return model_id
    return canonical_model(model_id)


def _num_equal(a: float | None, b: float | None) -> bool:
    if a is None or b is None:
        return a is b
    return math.isclose(a, b, rel_tol=2e-3, abs_tol=0.05)


def _field_equal(field: str, pred: Any, gold: Any) -> bool:
    if field in ("value", "value_max"):
        return _num_equal(pred, gold)
    if field == "model":
        return _canon_model(pred) == _canon_model(gold)
    if field == "conditions":
        return _conditions(pred) == _conditions(gold)
    return (pred or None) == (gold or None)


def _conditions(c: dict[str, str] | None) -> dict[str, str]:
    return {k: v.replace(" ", "").lower() for k, v in (c or {}).items() if k in CONDITION_KEYS}


def _present(field: str, value: Any) -> bool:
    if field == "conditions":
        return bool(_conditions(value))
    return value is not None and value != ""


def _pred_fields(r: ResultRecord) -> dict[str, Any]:
    return {f: getattr(r, f) for f in RESULT_FIELDS}


def _pair(preds: Sequence[dict[str, Any]], golds: Sequence[dict[str, Any]]) -> list[tuple[int, int]]:
    """One-to-one pairs (pred index, gold index) with equal values, most agreeing fields first."""
    cands = []
    for i, p in enumerate(preds):
        for j, g in enumerate(golds):
            if not _num_equal(p["value"], g["value"]):
                continue
            agree = sum(_field_equal(f, p[f], g[f]) for f in RESULT_FIELDS)
            cands.append((-agree, i, j))
    cands.sort()
    used_p: set[int] = set()
    used_g: set[int] = set()
    pairs = []
    for _, i, j in cands:
        if i not in used_p and j not in used_g:
            used_p.add(i)
            used_g.add(j)
            pairs.append((i, j))
    return pairs


# -- results ----------------------------------------------------------------------------------------


def _docs(papers: Sequence[Paper], onto: Any) -> dict[str, Any]:
    from loaders.mapping.mapper import link_paper

    return {p.id: link_paper(p, onto) for p in papers}


def evaluate_results(gold: Sequence[GoldSentence], papers: Sequence[Paper], onto: Any = None) -> ResultsReport:
    """Extract results from the annotated papers and score them sentence by sentence."""
    from loaders.results import extract_results

    index = paper_index(papers)
    by_paper: dict[str, list[GoldSentence]] = defaultdict(list)
    paper_of: dict[str, Paper] = {}
    for g in gold:
        p = _find(index, g.title)
        by_paper[p.id].append(g)
        paper_of[p.id] = p
    started = time.perf_counter()
    docs = _docs(list(paper_of.values()), onto)
    predicted = {pid: extract_results(doc) for pid, doc in docs.items()}
    seconds = time.perf_counter() - started

    whole = Score()
    detection = Score()
    clean = Score()
    fields = {f: Score() for f in RESULT_FIELDS}
    diffs: list[str] = []
    n_pred = n_partial = n_partial_right = 0
    for pid, sentences in sorted(by_paper.items()):
        paper = paper_of[pid]
        spans = [(s.sentence_start, s.sentence_end) for s in sentences]
        assigned: dict[int, list[ResultRecord]] = defaultdict(list)
        for r in predicted[pid]:
            raw = _raw_abstract_span(paper, r.evidence.start, r.evidence.end)
            if raw is None:
                continue
            best = max(range(len(spans)), key=lambda k: _overlap(raw, spans[k]))
            if _overlap(raw, spans[best]) > 0:
                assigned[best].append(r)
        for k, sent in enumerate(sentences):
            preds = [_pred_fields(r) for r in assigned[k]]
            golds = [g.model_dump() for g in sent.results]
            n_pred += len(preds)
            n_partial += sum(1 for r in assigned[k] if r.partial)
            pairs = _pair(preds, golds)
            exact = 0
            no_wrong = 0
            for i, j in pairs:
                if all(_field_equal(f, preds[i][f], golds[j][f]) or not _present(f, preds[i][f]) for f in RESULT_FIELDS):
                    no_wrong += 1
                    n_partial_right += int(assigned[k][i].partial)
                if all(_field_equal(f, preds[i][f], golds[j][f]) for f in RESULT_FIELDS):
                    exact += 1
                else:
                    wrong = [f"{f}: {preds[i][f]!r} != {golds[j][f]!r}" for f in RESULT_FIELDS
                             if not _field_equal(f, preds[i][f], golds[j][f])]
                    diffs.append(f"[wrong] {sent.title[:50]} @{sent.sentence_start} value={golds[j]['value']}: "
                                 + "; ".join(wrong))
            whole += Score(tp=exact, fp=len(preds) - exact, fn=len(golds) - exact)
            clean += Score(tp=no_wrong, fp=len(preds) - no_wrong, fn=len(golds) - no_wrong)
            detection += Score(tp=len(pairs), fp=len(preds) - len(pairs), fn=len(golds) - len(pairs))
            paired_p = {i for i, _ in pairs}
            paired_g = {j for _, j in pairs}
            for pi, pred in enumerate(preds):
                if pi not in paired_p:
                    diffs.append(f"[extra] {sent.title[:50]} @{sent.sentence_start}: "
                                 f"{pred['value']} {pred['unit']} {pred['metric']}")
            for gi, want in enumerate(golds):
                if gi not in paired_g:
                    diffs.append(f"[missed] {sent.title[:50]} @{sent.sentence_start}: "
                                 f"{want['value']} {want['unit']} {want['metric']}")
            gold_of = {pi: golds[gi] for pi, gi in pairs}
            pred_of = {gi: preds[pi] for pi, gi in pairs}
            for f in RESULT_FIELDS:
                tp = fp = fn = 0
                for pi, pred in enumerate(preds):
                    match = gold_of.get(pi)
                    if _present(f, pred[f]):
                        if match is not None and _field_equal(f, pred[f], match[f]):
                            tp += 1
                        else:
                            fp += 1
                for gi, want in enumerate(golds):
                    if not _present(f, want[f]):
                        continue
                    got = pred_of.get(gi)
                    if got is None or not _field_equal(f, got[f], want[f]):
                        fn += 1
                fields[f] += Score(tp=tp, fp=fp, fn=fn)
    return ResultsReport(
        sentences=len(gold), gold_results=sum(len(g.results) for g in gold), predicted_results=n_pred,
        whole=whole, detection=detection, clean=clean, partial_right=n_partial_right, fields=fields,
        partial_predicted=n_partial, diffs=tuple(diffs),
        seconds=round(seconds, 3),
    )


# -- relations --------------------------------------------------------------------------------------


def _rel_key(rtype: str, source: str, target: str) -> tuple[str, str, str]:
    return rtype, _canon_id(source), _canon_id(target)


def _canon_id(node: str) -> str:
    return (_canon_model(node) or node) if node.startswith("model/") else node


def evaluate_relations(
    gold: Sequence[GoldRelation], papers: Sequence[Paper], onto: Any = None, *, source: str = "mapping"
) -> RelationsReport:
    """Score the relations of the annotated papers against the annotations.

    ``source="mapping"`` scores what the graph receives (``map_paper``: the mapper's own facts plus
    the relation extractor); ``source="extractor"`` scores :func:`loaders.relations.extract_relations` alone.
    """
    from loaders.mapping.mapper import link_paper, map_paper
    from loaders.relations import extract_relations

    index = paper_index(papers)
    by_paper: dict[str, list[GoldRelation]] = defaultdict(list)
    paper_of: dict[str, Paper] = {}
    for g in gold:
        p = _find(index, g.title)
        by_paper[p.id].append(g)
        paper_of[p.id] = p
    types = {t: Score() for t in RELATION_TYPES}
    diffs: list[str] = []
    for pid, rels in sorted(by_paper.items()):
        paper = paper_of[pid]
        found = map_paper(paper, onto).relations if source == "mapping" else extract_relations(link_paper(paper, onto))
        pred: list[Relation] = [r for r in found if r.type.value in RELATION_TYPES]
        pred_keys = {_rel_key(r.type.value, r.source, r.target) for r in pred}
        gold_keys = {_rel_key(g.type, g.source, g.target) for g in rels}
        spans = {(g.sentence_start, g.sentence_end) for g in rels}
        for key in sorted(gold_keys):
            hit = key in pred_keys
            types[key[0]] += Score(tp=0, fp=0, fn=0 if hit else 1)
            if not hit:
                diffs.append(f"[missed] {paper.title[:50]}: {key[0]} {key[1]} -> {key[2]}")
        counted: set[tuple[str, str, str]] = set()
        for r in pred:
            key = _rel_key(r.type.value, r.source, r.target)
            raw = _raw_abstract_span(paper, r.evidence.start, r.evidence.end)
            in_annotated = raw is not None and any(_overlap(raw, s) > 0 for s in spans)
            if key in gold_keys and key not in counted:
                counted.add(key)
                types[key[0]] += Score(tp=1)
            elif key not in gold_keys and in_annotated:
                types[key[0]] += Score(fp=1)
                diffs.append(f"[extra] {paper.title[:50]}: {key[0]} {key[1]} -> {key[2]} | {r.evidence.sentence[:120]}")
    overall = Score()
    for s in types.values():
        overall += s
    return RelationsReport(relations=len(gold), papers=len(by_paper), overall=overall, types=types,
                           diffs=tuple(diffs))


def evaluate(
    which: str = "dev", *, seeds: Path | None = None, relations_from: str = "mapping"
) -> tuple[ResultsReport, RelationsReport]:
    """Score both extractors on ``results_<which>.jsonl`` and ``relations_<which>.jsonl``."""
    from loaders.mapping.corpus import load_seed_papers

    onto = _load_onto()
    papers = load_seed_papers(seeds)
    res = evaluate_results(load_result_annotations(DEVSET / f"results_{which}.jsonl"), papers, onto)
    rel = evaluate_relations(load_relation_annotations(DEVSET / f"relations_{which}.jsonl"), papers, onto,
                             source=relations_from)
    return res, rel


# -- command line -----------------------------------------------------------------------------------


def _load_onto() -> Any:
    try:
        import ontology

        return ontology.load()  # type: ignore[attr-defined]
    except (ImportError, AttributeError):
        return None


def _row(name: str, s: Score) -> str:
    return f"{name:<20}{s.precision:>7.3f}{s.recall:>7.3f}{s.f1:>7.3f}{s.tp:>6}{s.fp:>5}{s.fn:>5}"


def main(argv: list[str] | None = None) -> int:
    from loaders.mapping.corpus import load_seed_papers

    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--heldout", action="store_true", help="score the held-out sets (report only)")
    ap.add_argument("--set", dest="which", choices=("dev", "dev2", "heldout"), default=None,
                    help="which annotated set to score (default dev; dev2 has results only, no relations)")
    ap.add_argument("--diffs", action="store_true", help="print every disagreement")
    ap.add_argument("--relations-from", choices=("mapping", "extractor"), default="mapping",
                    help="score the whole mapping (default) or the relation extractor alone")
    ap.add_argument("--fold", type=int, action="append", help=f"score only this paper fold (0-{FOLDS - 1}; repeatable)")
    ap.add_argument("--not-fold", type=int, action="append", default=[], help="leave this paper fold out (repeatable)")
    args = ap.parse_args(argv)
    onto = _load_onto()
    papers = load_seed_papers()
    which = args.which or ("heldout" if args.heldout else "dev")
    head = f"{'field':<20}{'P':>7}{'R':>7}{'F1':>7}{'tp':>6}{'fp':>5}{'fn':>5}"

    def pick(rows: Sequence[Any]) -> list[Any]:
        return select_folds(rows, only=args.fold, exclude=args.not_fold) if args.fold or args.not_fold else list(rows)

    res = evaluate_results(pick(load_result_annotations(DEVSET / f"results_{which}.jsonl")), papers, onto)
    if args.diffs:
        print("\n".join(res.diffs))
    print(f"results_{which}.jsonl: {res.sentences} sentences, {res.gold_results} annotated results, "
          f"{res.predicted_results} predicted ({res.partial_predicted} partial, {res.partial_right} of them with no wrong "
          f"field), {res.seconds}s")
    print(head)
    print(_row("whole result", res.whole))
    print(_row("no wrong field", res.clean))
    print(_row("detection", res.detection))
    for f, s in res.fields.items():
        print(_row(f, s))

    if not (DEVSET / f"relations_{which}.jsonl").exists():
        return 0
    rel = evaluate_relations(pick(load_relation_annotations(DEVSET / f"relations_{which}.jsonl")), papers, onto,
                             source=args.relations_from)
    if args.diffs:
        print("\n".join(rel.diffs))
    print(f"\nrelations_{which}.jsonl: {rel.relations} relations in {rel.papers} papers, from the {args.relations_from}")
    print(head.replace("field", "type "))
    print(_row("all types", rel.overall))
    for t, s in rel.types.items():
        if s.tp + s.fp + s.fn:
            print(_row(t, s))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
