"""The per-paper shortcuts of the relation and result extractors give the answers of the plain code they replace."""

from __future__ import annotations

from loaders import relations
from ontology.vocab import NodeLabel


def _technique_named_plainly(surface: str, start: int, text: str) -> bool:
    # the test _named_all wrote inline for each technique mention before it was kept per surface
    words = surface.split()
    generic = relations._generic_words()
    return len(words) <= 3 and (
        any(relations._name_like(w) and w not in generic and w.rstrip("s") not in generic
            and not relations._FORMAT.fullmatch(w) for w in words)
        or (len(words) == 1 and surface[:1].isupper() and surface[1:].islower()
            and surface.lower() not in relations._STOP_CAPS and start > 0
            and text[start - 2 : start] not in (". ", "\n\n")))


def test_a_technique_mention_kept_per_surface_is_named_as_the_inline_test_names_it() -> None:
    surfaces = ["GaLore", "4-bit QLoRA", "quantization", "Pruning", "The", "LLMs", "FP16", "W4A16", "LoRA adapters",
                "low rank adaptation of weights", "Medusa", "KV", "Speculative decoding", "x86 kernels", "A", "GPU",
                "structured sparsity", "Lion", "Distillation", "SmoothQuant-style"]
    for surface in surfaces:
        for text, start in ((f"We use {surface} here.", 7), (f"Done. {surface} helps.", 6),
                            (f"{surface} helps.", 0), (f"Intro\n\n{surface} helps.", 7)):
            kind = relations._technique_named(surface)
            named = kind == relations._COINED or (
                kind == relations._PLAIN and start > 0 and text[start - 2 : start] not in (". ", "\n\n"))
            assert named == _technique_named_plainly(surface, start, text), (surface, text)


def test_the_label_sets_answer_as_the_inline_tuples_did_for_every_label() -> None:
    naming = (NodeLabel.METHOD, NodeLabel.TECHNIQUE)
    blocking = (NodeLabel.MODEL, NodeLabel.DATASET, NodeLabel.HARDWARE, NodeLabel.HARDWARE_CLASS, NodeLabel.METRIC,
                NodeLabel.ARCHITECTURE, NodeLabel.MODEL_FAMILY)
    for label in NodeLabel:
        assert (label in relations._NAMING_LABELS) == (label in naming), label
        assert (label in relations._BLOCKING_LABELS) == (label in blocking), label
