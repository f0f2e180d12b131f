"""What the relation extractor must not read as a part of the proposed method (issue 4: false HAS_COMPONENT).

Each abstract is written for its test.
"""

from __future__ import annotations

import ontology
from kg.records import Paper
from loaders.mapping import map_paper
from ontology.vocab import RelType
from tests.graphdata import written_paper as _paper


def _parts(p: Paper) -> set[str]:
    return {r.target for r in map_paper(p, ontology.load()).relations if r.type is RelType.HAS_COMPONENT}


def test_the_singular_of_a_plural_method_name_is_not_its_part() -> None:
    p = _paper(
        "Streaming Inference for Video Networks",
        "Offline video models recompute every frame. Here, the idea of Stepwise Video Networks (SVNs) is proposed "
        "and tested on three backbones. SVNs reuse the features of earlier frames and cut the cost per frame tenfold.",
    )
    assert "method/svn" not in _parts(p), _parts(p)


def test_an_adjective_before_a_part_the_mapper_read_makes_no_second_part() -> None:
    p = _paper(
        "FastServe: Serving Big Transformers",
        "We present FastServe, an inference library. First, we design highly optimized kernels for long inputs. "
        "Second, we propose a flexible device memory manager to shrink the footprint of large models.",
    )
    assert _parts(p) == {"method/device-memory-manager"}, _parts(p)


def test_the_words_of_a_mixture_methods_own_long_name_are_not_its_parts() -> None:
    p = _paper(
        "Sparse Adapter Mixtures",
        "Adapter tuning underfits when data are scarce. We propose Mixture of Pruned Adapters, or MoPA, as a new "
        "adapter tuning method that splits each adapter into sparse pieces and merges them after training.",
    )
    assert "method/adapters" not in _parts(p), _parts(p)
