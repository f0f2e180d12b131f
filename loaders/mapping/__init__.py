"""Mapping of papers onto the ontology: mentions, linked entities, proposed methods and relations.

>>> from kg.records import Paper, SourceRef
>>> text = "QuaKV: 2-bit KV Cache Quantization\\n\\nWe propose QuaKV, which quantizes the KV cache of Llama-2-7B to 2 bits."
>>> p = Paper(id="paper/t-00000000000a", title=text.split("\\n")[0], abstract=text.split("\\n\\n")[1], text=text,
...           occurrences=(SourceRef(file="x", line=1, format="t", loader="t"),))
>>> m = map_paper(p, None)
>>> m.in_scope, sorted(r.target for r in m.relations if r.type.value == "STUDIES")
(True, ['technique/kv-cache-quantization'])

The seam shared with the relation and result extractors is :class:`LinkedDoc` (see
:mod:`loaders.mapping.doc`); :func:`link_paper` returns it for one paper.
"""

from loaders.mapping.doc import Acronym, LinkedDoc, LinkedMention, ProposedMethod, Sentence
from loaders.mapping.mapper import EXTRACTOR, VERSION, MappingBatch, MappingReport, link_paper, map_paper, map_papers

__all__ = [
    "EXTRACTOR",
    "VERSION",
    "Acronym",
    "LinkedDoc",
    "LinkedMention",
    "MappingBatch",
    "MappingReport",
    "ProposedMethod",
    "Sentence",
    "link_paper",
    "map_paper",
    "map_papers",
]
