"""Names the field commonly gives each technique class, beyond the phrases the dev papers happen to use.

Every abstract here is made up for these tests; each names its class only in words that the dev
papers' own phrasing would not have taught the mapper.
"""

from __future__ import annotations

import pytest

import ontology
from kg.records import Mapping
from loaders.mapping import map_paper
from ontology.vocab import RelType
from tests.graphdata import written_paper as _paper


def _studies(m: Mapping) -> set[str]:
    return {r.target for r in m.relations if r.type is RelType.STUDIES and r.source == m.paper_id}


@pytest.mark.parametrize(("title", "abstract", "technique"), [
    ("NoSample: Quantizing Networks Without Their Data",
     "We present NoSample, a data-free quantization method that synthesises its own inputs. NoSample brings "
     "ResNet-50 to 4 bits with a small loss on ImageNet.",
     "technique/post-training-quantization"),
    ("StepFit: Better Steps for Low-Bit Networks",
     "We propose StepFit, which trains networks with fake quantization in the forward pass. In StepFit every layer "
     "has a learned step size. At 3 bits StepFit matches the full-precision ResNet-18.",
     "technique/quantization-aware-training"),
    ("BitPlan: Choosing a Precision for Every Layer",
     "BitPlan performs a bit-width search over the layers of a network, guided by their sensitivity. "
     "The resulting precision allocation halves the model size of MobileNetV2 at equal accuracy.",
     "technique/mixed-precision-quantization"),
    ("HeadStart: Guessing Several Tokens at Once",
     "We propose HeadStart, which adds draft heads to a frozen language model and checks all their guesses in one "
     "forward pass. With a draft length of four, HeadStart decodes 2.5x faster than greedy decoding.",
     "technique/speculative-decoding"),
    ("ExitNet: Stop When You Are Sure",
     "We propose ExitNet, which attaches internal classifiers to a vision transformer. In ExitNet an easy image "
     "leaves at the first exit point whose confidence is high enough. ExitNet halves the latency on ImageNet.",
     "technique/dynamic-computation"),
    ("CrossbarNet: Analog Inference on Memristor Arrays",
     "We map convolutional networks onto memristor crossbars, where each multiply-accumulate happens in the "
     "analog domain next to the stored weights. CrossbarNet cuts energy per inference by 20x.",
     "technique/processing-in-memory"),
    ("VeRA-Lite: Cheaper Random-Projection Adaptation",
     "VeRA-Lite builds on VeRA and trains two scaling vectors per layer while the random matrices are shared. "
     "VeRA-Lite matches LoRA on GLUE with ten times fewer trainable parameters.",
     "technique/lora"),
    ("ForwardTune: Fine-Tuning in the Memory of Inference",
     "We propose ForwardTune, a zeroth-order fine-tuning method in the spirit of MeZO that estimates gradients from "
     "two forward passes. ForwardTune adapts a 13B model on one GPU.",
     "technique/memory-efficient-training"),
    # spelled without the hyphen
    ("TopTune: Training the Last Blocks Only",
     "We propose TopTune, a selective finetuning scheme that picks which blocks of a vision transformer to update "
     "from their gradient norms. TopTune matches full finetuning on VTAB while updating 8% of the weights.",
     "technique/selective-fine-tuning"),
    # British spelling ("-iser" is not folded into "-izer" as "-isation" is)
    ("LeanState: Smaller Optimiser States for Pre-Training",
     "We propose LeanState, which keeps the optimiser states of Adam as one shared scale per block. LeanState trains "
     "a 1B language model as well as AdamW does, in a third of the optimiser memory.",
     "technique/optimizer-state-compression"),
    ("StripeLM: A Striped Language Model",
     "We propose StripeLM, a 3B language model that interleaves attention and Mamba layers in a ratio of one to "
     "seven. StripeLM matches a Transformer of equal size on long-context tasks with a much smaller cache.",
     "technique/hybrid-attention-ssm"),
])
def test_a_common_name_links_its_class(onto: ontology.Ontology, title: str, abstract: str, technique: str) -> None:
    assert technique in _studies(map_paper(_paper(title, abstract), onto))


def test_quantizing_from_a_calibration_set_is_post_training_quantization(onto: ontology.Ontology) -> None:
    p = _paper(
        "GridQ: Rounding Weights Onto a Grid",
        "GridQ rounds the weights of a language model to 4-bit values. The 4-bit quantization uses a calibration "
        "set of 128 sentences and finishes in minutes for Llama-2-7B.",
    )
    assert "technique/post-training-quantization" in _studies(map_paper(p, onto))


def test_a_measurement_board_is_not_a_deployment_target(onto: ontology.Ontology) -> None:
    # the drafting layers of a cache method, and a board named only to time it, are no class of their own
    p = _paper(
        "LayerKV: Giving Each Layer Its Own Cache Budget",
        "LayerKV is a KV cache compression method that groups layers into drafters and refiners and gives each "
        "group its own cache budget. On an A100 GPU LayerKV keeps 10% of the KV cache at equal quality.",
    )
    studied = _studies(map_paper(p, onto))
    assert "technique/speculative-decoding" not in studied
    assert studied & {"technique/kv-cache-compression", "technique/kv-cache-eviction"}


def test_shorter_reasoning_is_an_efficiency_paper(onto: ontology.Ontology) -> None:
    p = _paper(
        "ShortThink: Less Overthinking in Reasoning Models",
        "Reasoning models spend many tokens after they already know the answer. We propose ShortThink, a training "
        "recipe for efficient reasoning that rewards stopping once the answer is stable. ShortThink shortens the "
        "outputs by 40% at equal accuracy on MATH500.",
    )
    m = map_paper(p, onto)
    assert m.in_scope
    assert "technique/ml-efficiency" in _studies(m)


@pytest.mark.parametrize(("text", "target"), [
    ("we build structured statespace models for audio", "technique/structured-ssm"),
    ("parameter-efficient finetuning of vision transformers", "technique/parameter-efficient-fine-tuning"),
])
def test_every_phrase_also_matches_its_hyphenated_pairs_closed_up(onto: ontology.Ontology, text: str, target: str) -> None:
    from loaders.mapping.lexicons import build_lexicon

    assert target in {h.target for h in build_lexicon(onto).scan(text)}


def test_british_iser_words_compare_as_izer() -> None:
    from loaders.mapping.lexicon import norm_token

    assert [norm_token(w) for w in ("optimisers", "quantiser", "tokenisers")] == ["optimizer", "quantizer", "tokenizer"]
