"""How far two independent annotations of the same papers agree, beside how far the mapper agrees with each.

The held-out set was annotated twice, blind to each other and to the mapper: ``mapping_heldout.jsonl`` and
``mapping_heldout_second.jsonl``. Scored as the mapper is scored (``bench/eval_mapping.py``), the second
annotation against the first says how much of the mapper's distance from an annotation is disagreement
between careful readers rather than error.

Usage::

    .venv/bin/python bench/eval_agreement.py                      # held-out: second vs first, mapper vs each
    .venv/bin/python bench/eval_agreement.py --diffs --field techniques
    .venv/bin/python bench/eval_agreement.py A.jsonl B.jsonl      # any two annotation files (devset names or paths)
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
DEVSET = ROOT / "tests" / "devset"


def _path(name: str) -> Path:
    p = Path(name)
    return p if p.exists() else DEVSET / name


def main(argv: list[str] | None = None) -> int:
    import ontology
    from kg.ids import normalise_title
    from loaders.mapping.corpus import load_seed_papers
    from loaders.mapping.evaluation import EvalReport, agreement, evaluate, load_annotations

    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("reference", nargs="?", default="mapping_heldout.jsonl")
    ap.add_argument("other", nargs="?", default="mapping_heldout_second.jsonl")
    ap.add_argument("--diffs", action="store_true", help="print where the two annotations disagree")
    ap.add_argument("--field", action="append", help="only print diffs of this field (repeatable)")
    args = ap.parse_args(argv)

    ref, other = load_annotations(_path(args.reference)), load_annotations(_path(args.other))
    both = {normalise_title(a.title) for a in other}
    ref = [a for a in ref if normalise_title(a.title) in both]  # (the mapper is scored on the same papers)
    human = agreement(ref, other)
    onto, papers = ontology.load(), load_seed_papers()
    reports: list[tuple[str, EvalReport]] = [
        ("second vs first", human), ("mapper vs first", evaluate(ref, papers, onto)),
        ("mapper vs second", evaluate(other, papers, onto)),
    ]
    if args.diffs:
        for d in human.diffs:
            if not args.field or d.field in args.field:
                print(f"[{d.field}] {d.title[:80]}\n     first only={list(d.missing)} second only={list(d.extra)}")
    print(f"{args.reference} (first) and {args.other} (second): {human.papers} papers in both; F1 per field")
    print(f"{'field':<20}" + "".join(f"{name:>18}" for name, _ in reports))
    for i, row in enumerate(human.rows()):
        print(f"{row['field']:<20}" + "".join(f"{rep.rows()[i]['f1']:>18.3f}" for _, rep in reports))
    print(f"{'topic accuracy':<20}" + "".join(f"{rep.topic_accuracy:>18.3f}" for _, rep in reports))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
