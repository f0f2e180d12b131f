"""effkg's ontology: the Turtle files beside this module and their Python access."""

from ontology.vocab import DOMAIN_RANGE, NodeLabel, RelType, label_of

__all__ = ["DOMAIN_RANGE", "NodeLabel", "RelType", "label_of"]
