"""Mapping of papers onto the ontology: mentions, linked entities, proposed methods and relations.

The seam shared with the relation and result extractors is :class:`LinkedDoc` (see
:mod:`loaders.mapping.doc`).
"""

from loaders.mapping.doc import Acronym, LinkedDoc, LinkedMention, ProposedMethod, Sentence

__all__ = ["Acronym", "LinkedDoc", "LinkedMention", "ProposedMethod", "Sentence"]
