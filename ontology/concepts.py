"""Records of the ontology's concepts and facet values, and the label normalisation of lookups.

>>> c = Concept(id="technique/lora", label=NodeLabel.TECHNIQUE, pref_label="LoRA",
...             alt_labels=("low-rank adaptation",), definition="Low-rank adapters.",
...             parents=("technique/parameter-efficient-fine-tuning",), scheme="technique")
>>> c.iri
'https://effkg.dev/id/technique/lora'
>>> c.labels
('LoRA', 'low-rank adaptation')
>>> normalise_label("  KV-Cache\\u2011quantization ") == normalise_label("kv cache quantization")
True
"""

from __future__ import annotations

import re
import unicodedata

from pydantic import Field

from kg.records import PropValue, Record
from ontology.vocab import RESOURCE_NAMESPACE, NodeLabel

# Hyphens, dashes and underscores separate words exactly like spaces do in a label.
_SEPARATORS = re.compile(r"[\s\-\u2010-\u2015\u2212_]+")


def normalise_label(surface: str, *, casefold: bool = True) -> str:
    """The lookup key of a label: Unicode-compatible form, case-folded, hyphens read as spaces.

    >>> normalise_label("Key-Value  Cache")
    'key value cache'
    >>> normalise_label("W4A16")
    'w4a16'
    >>> normalise_label("Ze-RO", casefold=False)
    'Ze RO'
    """
    text = unicodedata.normalize("NFKC", surface)
    if casefold:
        text = text.casefold()
    return _SEPARATORS.sub(" ", text).strip()


class Concept(Record):
    """One resource of the ontology that is a graph node (a technique, topic, metric, model, ...)."""

    id: str
    label: NodeLabel
    pref_label: str
    alt_labels: tuple[str, ...] = ()
    definition: str = ""
    parents: tuple[str, ...] = Field(default=(), description="skos:broader targets (sorted ids)")
    scheme: str | None = Field(default=None, description="concept scheme name, e.g. 'technique', 'topic', 'metric'")
    ambiguous: tuple[str, ...] = Field(default=(), description="labels knowingly shared with other concepts")
    props: dict[str, PropValue] = Field(
        default_factory=dict,
        description="other statements: literals as scalars (tuples when several), resources as tuples of ids",
    )

    @property
    def iri(self) -> str:
        return RESOURCE_NAMESPACE + self.id

    @property
    def labels(self) -> tuple[str, ...]:
        """The preferred label first, then the alternative labels."""
        return (self.pref_label, *self.alt_labels)

    @property
    def case_sensitive(self) -> bool:
        """Labels that are also ordinary words ("ZeRO", "Lion") match only with their own capitalisation."""
        return self.props.get("case_sensitive") is True

    def named_by(self, surface: str) -> bool:
        """Whether ``surface`` is one of this concept's labels (hyphen-insensitive; case too unless case-sensitive).

        >>> Concept(id="method/zero", label=NodeLabel.METHOD, pref_label="ZeRO",
        ...         props={"case_sensitive": True}).named_by("zero")
        False
        """
        fold = not self.case_sensitive
        key = normalise_label(surface, casefold=fold)
        return any(normalise_label(x, casefold=fold) == key for x in self.labels)


class FacetValue(Record):
    """A value of a quantization facet (``facet/<facet>/<value>``); not a graph node."""

    id: str
    facet: str = Field(description="the facet, e.g. 'format', 'granularity', 'bit_config'")
    pref_label: str
    alt_labels: tuple[str, ...] = ()
    definition: str = ""
    parents: tuple[str, ...] = ()
    props: dict[str, PropValue] = Field(default_factory=dict)

    @property
    def iri(self) -> str:
        return RESOURCE_NAMESPACE + self.id

    @property
    def labels(self) -> tuple[str, ...]:
        return (self.pref_label, *self.alt_labels)
