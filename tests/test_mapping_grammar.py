"""The model and hardware grammars: every spelling of a name gives one id."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from loaders.mapping.hardware import find_hardware
from loaders.mapping.models import find_models, parse_model_name

SAME_MODEL = [
    (("Llama-2-7B", "LLaMA2 7B", "Llama 2 (7B)", "llama-2-7b", "LLaMA-2-7B", "Llama2-7b-hf"), "model/llama-2-7b"),
    (("llama-2-7b-chat", "Llama-2-7B-Chat", "Llama 2 7B chat"), "model/llama-2-7b-chat"),
    (("Mixtral 8x7B", "Mixtral-8x7B", "Mixtral 8×7B"), "model/mixtral-8x7b"),
    (("DeepSeek-V3", "Deepseek-V3"), "model/deepseek-v3"),
    (("Qwen2.5-7B-Instruct", "Qwen-2.5-7B-Instruct", "Qwen 2.5 7B Instruct"), "model/qwen-2.5-7b-instruct"),
    (("ViT-B/16",), "model/vit-b-16"),
    (("ResNet-50", "ResNet50", "Resnet-50"), "model/resnet-50"),
    (("BERT-base", "BERT base"), "model/bert-base"),
    (("GPT-4",), "model/gpt-4"),
    (("Mamba2", "Mamba-2"), "model/mamba-2"),
    (("Mamba1", "Mamba"), "model/mamba"),
    (("MobileNetV2", "MobileNet-V2", "MobileNet V2"), "model/mobilenet-v2"),
    (("Stable Diffusion XL", "SDXL"), "model/stable-diffusion-xl"),
    (("Phi 3.5-MoE (41.9B total/6.6B activated parameters)",), "model/phi-3.5-moe-41.9b"),
    (("Claude-instant-1",), "model/claude-instant-1"),
    (("Qwen3-30B-A3B",), "model/qwen-3-30b-a3b"),
    # the vision-language line is its own model, not a version of the text one ("MiniCPM 4.5" differs)
    (("MiniCPM-V 4.5", "MiniCPM-V-4.5", "MiniCPM-V4.5"), "model/minicpm-v-4.5"),
    # the abbreviation is the same model as the name written out, and its version is kept
    (("SD3.5", "Stable Diffusion 3.5", "SD 3.5", "Stable-Diffusion-3.5"), "model/stable-diffusion-3.5"),
    (("SD3", "Stable Diffusion 3"), "model/stable-diffusion-3"),
]


@pytest.mark.parametrize(("spellings", "expected"), SAME_MODEL)
def test_spellings_of_one_model_share_an_id(spellings: tuple[str, ...], expected: str) -> None:
    assert {parse_model_name(s).id for s in spellings} == {expected}


def test_parsed_properties() -> None:
    m = parse_model_name("Qwen3-30B-A3B")
    assert (m.family, m.params, m.active_params) == ("qwen", 30e9, 3e9)
    m = parse_model_name("Phi 3.5-MoE (41.9B total/6.6B activated parameters)")
    assert (m.params, m.active_params, m.family_id) == (41.9e9, 6.6e9, "family/phi")
    m = parse_model_name("Llama-2-70b-chat-hf")
    assert (m.version, m.size, m.variant) == ("2", "70b", "chat")
    assert m.props()["architecture"] == "transformer"


def test_lists_of_sizes_and_versions_give_one_model_each() -> None:
    ids = [m.id for m in find_models("We prune LLaMA-2 7B/13B/70B and OPT-125M to OPT-66B, then Llama-1/2/3 models.")]
    assert ids == [
        "model/llama-2-7b", "model/llama-2-13b", "model/llama-2-70b", "model/opt-125m", "model/opt-66b",
        "model/llama", "model/llama-2", "model/llama-3",
    ]


def test_words_that_only_look_like_names_are_not_models() -> None:
    text = "A Llama-like decoder, Mamba-style blocks, a Mambaformer, GPT-style training and the Phi of x."
    assert [m.id for m in find_models(text) if not m.bare or m.stem != "phi"] == []


def test_unknown_text_is_not_a_model_name() -> None:
    with pytest.raises(ValueError):
        parse_model_name("the quick brown fox")


def test_hub_repository_ids_name_their_model_not_their_organisation() -> None:
    text = "We route between Qwen/Qwen2-7B-Instruct, google/gemma-2-9b-it and meta-llama/Llama-3.1-8B."
    assert [m.id for m in find_models(text)] == [
        "model/qwen-2-7b-instruct", "model/gemma-2-9b-it", "model/llama-3.1-8b"]
    # (outside a repository id a lowercase common word stays a word, and "LLaMA/Alpaca" lists two models)
    assert [m.id for m in find_models("a gemma of an idea, and the mistral wind")] == []
    assert [m.id for m in find_models("tuned LLaMA/Alpaca")] == ["model/llama", "model/alpaca"]


def test_a_named_size_after_a_version_is_the_size() -> None:
    text = "Stable Diffusion 3.5 Large, SD3.5 Large Turbo, GPT-2 Medium and the GPT-3 Large Language Model"
    assert [m.id for m in find_models(text)] == [
        "model/stable-diffusion-3.5-large", "model/stable-diffusion-3.5-large-turbo", "model/gpt-2-medium", "model/gpt-3"]


def test_a_version_after_a_dot_and_a_line_in_brackets() -> None:
    text = "FLUX.1 [dev], FLUX.1-schnell and FLUX1.1 [Pro] Ultra, but not Llama 2 [7]"
    assert [m.id for m in find_models(text)] == [
        "model/flux-1-dev", "model/flux-1-schnell", "model/flux-1.1-pro-ultra", "model/llama-2"]


def test_listed_letter_versions_give_one_model_each() -> None:
    assert [m.id for m in find_models("the DeepSeek-V3/R1 design")] == ["model/deepseek-v3", "model/deepseek-r1"]


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet="LlamaQwen-GPT0123456789BM. xv()/", max_size=40))
def test_grammar_never_fails_and_spans_point_into_the_text(text: str) -> None:
    for m in find_models(text):
        assert text[m.start : m.end] == m.text
        assert m.id.startswith("model/") and "--" not in m.id


HARDWARE = [
    ("A100 80GB", "hardware/nvidia-a100", None, 80),
    ("8xA100-80GB", "hardware/nvidia-a100", 8, 80),
    ("H100s", "hardware/nvidia-h100", None, None),
    ("RTX 4090", "hardware/nvidia-rtx-4090", None, None),
    ("24GB RTX 3090", "hardware/nvidia-rtx-3090", None, 24),
    ("8x NVIDIA 3090 GPUs", "hardware/nvidia-rtx-3090", 8, None),
    ("2,048 NVIDIA H800 GPUs", "hardware/nvidia-h800", 2048, None),
    ("NVIDIA TESLA P40 GPU", "hardware/nvidia-p40", None, None),
    ("RTX A6000", "hardware/nvidia-a6000", None, None),
    ("STM32F746", "hardware/st-stm32f746", None, None),
    ("STM32F7", "hardware/st-stm32f7", None, None),
    ("Snapdragon 8 Gen 3", "hardware/qualcomm-snapdragon-8-gen-3", None, None),
    ("Jetson Orin", "hardware/nvidia-jetson-orin", None, None),
    ("Raspberry Pi 4", "hardware/raspberry-pi-4", None, None),
    ("Raspberry Pi", "hardware/raspberry-pi", None, None),
    ("Xilinx Alveo U280", "hardware/xilinx-alveo-u280", None, None),
    ("VCK190", "hardware/xilinx-versal-vck190", None, None),
    ("TPU v4", "hardware/google-tpu-v4", None, None),
    ("Apple M2 Pro", "hardware/apple-m2-pro", None, None),
    ("NVIDIA Blackwell GPUs", "hardware/nvidia-blackwell", None, None),
    ("a single A100", "hardware/nvidia-a100", 1, None),
]


@pytest.mark.parametrize(("text", "hid", "count", "memory"), HARDWARE)
def test_hardware_grammar(text: str, hid: str, count: int | None, memory: int | None) -> None:
    (d,) = list(find_hardware(text))
    assert (d.id, d.count, d.memory_gb) == (hid, count, memory)
    assert text[d.start : d.end] == d.text


def test_short_device_names_need_context() -> None:
    assert list(find_hardware("Table T4 and the A40 road")) == []
    assert [d.id for d in find_hardware("on an NVIDIA T4 GPU")] == ["hardware/nvidia-t4"]
    assert list(find_hardware("the Turing-NLG model took 30 TPU-hours")) == []


def test_the_stem_head_filter_passes_every_word_where_a_stem_starts(seeds_dir) -> None:
    """find_models tries the stem automaton only at words whose first letters open some stem's head."""
    from loaders import load_paths
    from loaders.mapping import models

    texts = [p.text for p in load_paths([seeds_dir]).papers] + ["U-Net, UNet and U Net; Qwen2.5-7B; t5-small; Yi-34B."]
    tried = 0
    for text in texts:
        for w in models._WORD.finditer(text):
            q = w.start()
            if text[q : q + 2].lower() in models._PREFIX2 and models._STEM_RE.match(text, q):
                key = text[q : q + 6]
                assert key.lower().startswith(models._HEADS_BY_PREFIX2[key[:2].lower()]), key
                tried += 1
    assert tried > 500
