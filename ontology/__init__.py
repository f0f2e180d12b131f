"""effkg's ontology: the Turtle files beside this module and their Python access.

>>> import ontology
>>> onto = ontology.load()
>>> onto.concept("technique/lora").pref_label
'LoRA'
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ontology.vocab import DOMAIN_RANGE, NodeLabel, RelType, label_of

if TYPE_CHECKING:
    from ontology.api import Ontology, clear_cache, iter_tree, load
    from ontology.concepts import Concept, FacetValue, normalise_label
    from ontology.namespace import EFF, ID

# kg.records imports ontology.vocab, and ontology.api imports kg.records: loading the API lazily
# keeps `import kg.records` from running into a half-initialised module.
_LAZY = {
    "Ontology": "ontology.api",
    "clear_cache": "ontology.api",
    "iter_tree": "ontology.api",
    "load": "ontology.api",
    "Concept": "ontology.concepts",
    "FacetValue": "ontology.concepts",
    "normalise_label": "ontology.concepts",
    "EFF": "ontology.namespace",
    "ID": "ontology.namespace",
}


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        import importlib

        value = getattr(importlib.import_module(_LAZY[name]), name)
        globals()[name] = value
        return value
    raise AttributeError(f"module 'ontology' has no attribute {name!r}")


__all__ = [
    "DOMAIN_RANGE",
    "EFF",
    "ID",
    "Concept",
    "FacetValue",
    "NodeLabel",
    "Ontology",
    "RelType",
    "clear_cache",
    "iter_tree",
    "label_of",
    "load",
    "normalise_label",
]
