"""A direct ``linker.link(paper, onto)`` reads a paper exactly as ``map_paper`` does (issue 4, stop 18).

It once defaulted to the full ontology's hierarchy while the mapping used the required one, so tools and
tests that called it saw other technique classes than the graph got (a KV-cache class where the mapping
filed the paper under serving systems).
"""

from __future__ import annotations

import ontology
from kg.records import RelType
from loaders.mapping.corpus import load_seed_papers
from loaders.mapping.linker import link
from loaders.mapping.mapper import map_paper


def test_link_and_map_paper_agree_on_every_seed_papers_techniques() -> None:
    onto = ontology.load()
    differ = []
    for p in load_seed_papers():
        studied = {r.target for r in map_paper(p, onto).relations
                   if r.type is RelType.STUDIES and r.target.startswith("technique/")}
        if set(link(p, onto).doc.techniques) != studied:
            differ.append(p.title_text)
    assert not differ, differ[:5]
