"""Source parsers (paper listings -> :class:`kg.records.Paper`) and the mapping onto the ontology."""
