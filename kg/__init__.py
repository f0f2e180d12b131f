"""effkg: a knowledge graph of ML efficiency techniques, models and hardware, built from papers."""

__version__ = "0.1.0"
