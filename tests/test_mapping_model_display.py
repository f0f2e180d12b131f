"""A catalog model's display name reads as its makers write it (issue 4, stop 18).

The id is what every spelling shares; the name is what the explorer, the CLI and the RDF export show.
Names are a function of the id (the graph keeps the first it sees), so they come from the parsed parts,
not from the spelling a paper happened to use.
"""

from __future__ import annotations

import pytest

import ontology
from loaders.mapping.mapper import map_paper
from loaders.mapping.models import parse_model_name
from tests.graphdata import written_paper

DISPLAY = [
    # versions joined as the makers join them
    ("GPT-4o", "GPT-4o"), ("GPT-4-Turbo", "GPT-4 Turbo"), ("Phi-3.5-MoE", "Phi-3.5-MoE"), ("Mamba-2", "Mamba-2"),
    ("RWKV-7", "RWKV-7"), ("Qwen 2.5 VL 7B", "Qwen2.5-VL 7B"), ("qwen2-72b-instruct", "Qwen2 72B Instruct"),
    ("InternLM2.5-7B-Chat", "InternLM2.5 7B Chat"), ("DeepSeek-R1", "DeepSeek-R1"),
    ("Llama-3.1-70B-Instruct", "Llama 3.1 70B Instruct"), ("Llama-2-7b-chat", "Llama 2 7B Chat"),
    ("NLLB-200", "NLLB-200"), ("text-davinci-003", "text-davinci-003"),
    # "V" versions glued, size codes after a hyphen, in capitals
    ("EfficientNetV2-M", "EfficientNetV2-M"), ("EfficientNet-B7", "EfficientNet-B7"), ("MobileNetV3", "MobileNetV3"),
    ("YOLOv8n", "YOLOv8n"), ("DeiT-Ti", "DeiT-Ti"), ("X3D-XL", "X3D-XL"), ("ViT-B/16", "ViT-B/16"),
    ("VGG-16", "VGG-16"), ("ResNet50", "ResNet-50"),
    # sizes: capital unit, lowercase expert count
    ("Mixtral-8x7B", "Mixtral 8x7B"), ("Mamba-2.8B", "Mamba 2.8B"),
    # a stem of several words keeps spaces
    ("Stable Diffusion 3.5", "Stable Diffusion 3.5"),
]


@pytest.mark.parametrize(("written", "shown"), DISPLAY)
def test_display_name(written: str, shown: str) -> None:
    assert parse_model_name(written).name == shown


@pytest.mark.parametrize("spellings", [("Qwen2.5-VL-7B", "qwen-2.5-vl-7b", "Qwen 2.5 VL 7B"),
                                       ("EfficientNet-B7", "EfficientNet B7", "efficientnet-b7")])
def test_every_spelling_of_one_model_shows_one_name(spellings: tuple[str, ...]) -> None:
    assert len({parse_model_name(s).name for s in spellings}) == 1
    assert len({parse_model_name(s).id for s in spellings}) == 1


def test_a_coined_model_of_several_words_keeps_all_of_them() -> None:
    m = map_paper(written_paper("Zeta Linear: Fast Attention at Scale",
                                "We pretrain a Zeta Linear model with 2B activated parameters and 30B total "
                                "parameters on a mix of web text."), ontology.load())
    names = {e.id: e.name for e in m.entities}
    assert names.get("model/zeta-linear-30b") == "Zeta Linear 30B", names


def test_a_bound_on_the_sizes_a_method_trains_is_no_model_of_its_own() -> None:
    m = map_paper(written_paper("FooOpt: Memory Savings for Huge Models",
                                "We develop a new optimizer, Foo Sharded Optimizer (FooOpt), to cut memory. We "
                                "implement and evaluate FooOpt: it trains large models of over 100B parameters on "
                                "400 GPUs."), ontology.load())
    assert not [e.id for e in m.entities if e.id.startswith("model/fooopt")]


def test_a_released_model_scaled_up_to_a_size_keeps_it() -> None:
    m = map_paper(written_paper("Zorba: Hybrid Recurrent Models for Long Context",
                                "We present Zorba, a hybrid of recurrent layers and sliding-window attention. We "
                                "scale Zorba up to 2.7B parameters and show that the model beats pure attention "
                                "on long inputs."), ontology.load())
    assert "model/zorba-2.7b" in {e.id for e in m.entities}
