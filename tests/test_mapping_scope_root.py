"""Scope from general efficiency words alone, where no adjacent topic is in sight (issue 4, stop 17).

Each abstract is written for its test, not copied from a seed paper.
"""

from __future__ import annotations

import ontology
from loaders.mapping import linker
from tests.graphdata import written_paper as _paper


def test_an_efficient_sampler_described_only_in_general_words_is_in_scope() -> None:
    # an efficient title, a stated speed problem and measured gains: no family fits, the root class does
    p = _paper(
        "CoarseStart: Efficient Diffusion Sampling with Coarse Conditions",
        "Diffusion models are slow to sample, which hinders their use. Earlier work on improving efficiency "
        "compresses the model or takes fewer steps. We propose CoarseStart, an efficient diffusion framework that "
        "first draws a small image and then refines it at full resolution. CoarseStart needs far fewer "
        "full-resolution steps, with a 40% throughput improvement and equal image quality on two image datasets, "
        "together with large efficiency gains.",
    )
    linked = linker.link(p, ontology.load())
    assert 0.8 <= linked.technique_scores["technique/ml-efficiency"] < 1.0  # (the band this rule opens)
    assert linked.doc.in_scope and linked.doc.techniques == ("technique/ml-efficiency",), linked.doc


def test_a_paper_with_no_efficiency_words_stays_out_of_scope() -> None:
    p = _paper(
        "FrameGrow: Video Prediction from Coarse Frames",
        "We present FrameGrow, which predicts video frames by first drawing them small and then refining them. "
        "FrameGrow predicts sharper frames than earlier models on two driving datasets.",
    )
    doc = linker.link(p, ontology.load()).doc
    assert not doc.in_scope and doc.topic == "topic/other", doc
