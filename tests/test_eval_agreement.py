"""Scoring one annotation against another (``loaders.mapping.evaluation.agreement``, ``bench/eval_agreement.py``)."""

from __future__ import annotations

from loaders.mapping.evaluation import FIELDS, Annotation, agreement

_A = Annotation(title="FooKV: Compressing the KV Cache", file="x.txt", line=1, in_scope=True,
                techniques=("technique/kv-cache-eviction",), methods=("FooKV",), models=("model/llama-2-7b",),
                datasets=("dataset/longbench",), memory_components=("memory/kv-cache",))
_B = Annotation(title="A Study of Bird Song", file="x.txt", line=9, in_scope=False, topic="topic/other")


def test_an_annotation_agrees_with_itself_on_every_field() -> None:
    rep = agreement([_A, _B], [_A, _B])
    assert rep.papers == 2 and rep.topic_accuracy == 1.0
    assert all(rep.fields[f].fp == rep.fields[f].fn == 0 for f in FIELDS) and rep.scope.tp == 1


def test_disagreements_count_as_the_mapper_s_do() -> None:
    other_a = _A.model_copy(update={"techniques": ("technique/kv-cache-compression",), "methods": ("fookv",),
                                    "models": ("model/llama2-7b",)})
    other_b = _B.model_copy(update={"in_scope": True, "topic": None, "techniques": ("technique/ml-efficiency",)})
    rep = agreement([_A, _B], [other_a, other_b])
    t = rep.fields["techniques"]
    assert (t.tp, t.fp, t.fn) == (0, 2, 1)
    # names compare by slug and model ids after the grammar's normalisation, as for the mapper
    assert rep.fields["methods"].f1 == 1.0 and rep.fields["models"].f1 == 1.0
    assert (rep.scope.tp, rep.scope.fn) == (0, 1) and rep.topic_accuracy == 0.5
    assert {d.field for d in rep.diffs} == {"techniques", "scope"}


def test_papers_are_matched_by_normalised_title_and_unmatched_ones_are_not_scored() -> None:
    retitled = _A.model_copy(update={"title": "FooKV:  compressing the KV cache "})
    rep = agreement([_A, _B], [retitled])
    assert rep.papers == 1 and rep.fields["techniques"].f1 == 1.0
